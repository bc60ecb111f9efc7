import { describe, expect, it } from 'vitest';
import type { JobDetail } from '@aws-sdk/client-batch';
import { childCounts, measure, vcpusOf } from '../../../src/commands/demo/jobs.js';
import { DEMO, arrayJobRequest, dependentJobRequest } from '../../../src/commands/demo/world.js';
import { createTestContext } from '../../helpers/test-context.js';

describe('batchctl demo', () => {
  it('runs the Fargate first run through setup, then an array job and its dependent, in simulated time', async () => {
    const t = createTestContext();
    const start = t.clock.now();
    expect(await t.run('demo')).toBe(0);
    const sim = await t.sim();
    const err = t.stderr();
    const out = t.stdout();

    // 1. The stack, built by setup's code with the console's defaults, tagged batchctl:stack=demo.
    const [ce] = (await sim.batch.describeComputeEnvironments({ computeEnvironments: ['demo-ce'] })).computeEnvironments!;
    expect(ce).toMatchObject({ state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'demo' } });
    expect(ce!.computeResources).toMatchObject({ type: 'FARGATE', maxvCpus: 128 });
    const [queue] = (await sim.batch.describeJobQueues({ jobQueues: ['demo-queue'] })).jobQueues!;
    expect(queue).toMatchObject({ priority: 900, status: 'VALID', tags: { 'batchctl:stack': 'demo' } });
    expect(err).toContain('1. Set up the stack: batchctl setup fargate demo\n');
    expect(err).toContain('✓ create compute environment demo-ce\n');
    expect(err).toContain('✓ submit job demo-hello-world\n');

    // 2. The hello-world job's line.
    expect(out).toMatch(/^demo-hello-world [0-9a-f-]{36}\n {2}hello world\n/);

    // 3. The array job and its dependent: submitted, their changes one line each, both SUCCEEDED.
    expect(err).toMatch(/✓ submitted demo-array \(5 children, each says its index and sleeps 5s\) [0-9a-f-]{36}\n/);
    expect(err).toMatch(/\+0s +demo-after-array +SUBMITTED +waits for demo-array\n/);
    expect(err).toMatch(/\+\d+s +demo-array +SUCCEEDED +children: 5 SUCCEEDED\n/);
    expect(err).toMatch(/demo-after-array +SUCCEEDED\n/);

    // 4. The logs: every child labelled [index], then the dependent's line.
    expect(out).toContain(Array.from({ length: DEMO.arraySize }, (_, i) => `  [${i}] hello from child ${i} of 5\n`).join(''));
    expect(out).toContain('  all 5 children are done; demo-after-array ran after them\n');

    // 5. The summary on stdout; 6. what to try next on stderr.
    expect(out).toMatch(/ {2}demo-array +SUCCEEDED +[0-9a-f-]{36} +5\/5 children succeeded\n/);
    expect(out).toMatch(/ {2}demo-after-array +SUCCEEDED +[0-9a-f-]{36} +after demo-array\n/);
    expect(out).toMatch(/simulated time +(\d+m )?\d+s from the first submit to the last job's end/);
    expect(out).toMatch(/vCPU-seconds +\d/);
    for (const cmd of ['batchctl top', 'batchctl job list --queue demo-queue', 'batchctl doctor', 'batchctl teardown demo']) expect(err).toContain(`  ${cmd} `);
    expect(err).toMatch(/ {2}batchctl logs [0-9a-f-]{36} --children /);
    // Progress never reaches stdout.
    expect(out).not.toContain('✓');

    // It waited by moving the simulated clock (the test's clock is manual: nothing else moves it).
    expect(t.clock.now() - start).toBeGreaterThan(30_000);
  });

  it('-o json prints one document: ids, states, outputs, the simulated makespan', async () => {
    const t = createTestContext();
    expect(await t.run('demo', '-o', 'json')).toBe(0);
    const doc = JSON.parse(t.stdout());
    expect(doc).toMatchObject({ world: 'sim', stack: 'demo', reused: [] });
    expect(doc.applied).toContain('create compute environment demo-ce');
    expect(doc.jobs.map((j: { role: string; jobName: string; status: string }) => `${j.role}:${j.jobName}:${j.status}`)).toEqual([
      'hello-world:demo-hello-world:SUCCEEDED',
      'array:demo-array:SUCCEEDED',
      'dependent:demo-after-array:SUCCEEDED',
    ]);
    const [hello, array, dependent] = doc.jobs;
    expect(hello.output).toEqual(['hello world']);
    expect(array.children).toHaveLength(5);
    expect(array.children[3]).toMatchObject({ index: 3, jobId: `${array.jobId}:3`, status: 'SUCCEEDED', output: ['hello from child 3 of 5'] });
    expect(dependent).toMatchObject({ dependsOn: [array.jobId], output: ['all 5 children are done; demo-after-array ran after them'] });
    expect(doc.simulated.makespanMs).toBeGreaterThan(0);
    expect(doc.simulated.vcpuSeconds).toBeGreaterThan(0);
    expect(doc.next).toContain('batchctl teardown demo');
    expect(t.stderr()).not.toContain('Next, try');
  });

  it('a re-run reuses the stack and submits a fresh array job and dependent', async () => {
    const t = createTestContext();
    expect(await t.run('demo', '-o', 'json')).toBe(0);
    const first = JSON.parse(t.stdout());
    const outBefore = t.stdout().length;
    const errBefore = t.stderr().length;
    expect(await t.run('demo', '-o', 'json')).toBe(0);
    const second = JSON.parse(t.stdout().slice(outBefore));
    const err = t.stderr().slice(errBefore);
    expect(err).toContain('· compute-environment demo-ce: exists, matches (VALID)');
    expect(err).toContain('· nothing to change: the stack demo exists and matches [sim]');
    expect(second.applied).toEqual([]);
    expect(second.jobs[0]).toMatchObject({ jobId: first.jobs[0].jobId, fromEarlierRun: true, output: ['hello world'] });
    expect(second.jobs[1].jobId).not.toBe(first.jobs[1].jobId);
    expect(second.jobs[2].jobId).not.toBe(first.jobs[2].jobId);
    expect(second.jobs.every((j: { status: string }) => j.status === 'SUCCEEDED')).toBe(true);
    const sim = await t.sim();
    expect((await sim.batch.describeJobDefinitions({ jobDefinitionName: 'demo-job-def' })).jobDefinitions).toHaveLength(1);
    expect((await sim.batch.describeComputeEnvironments({})).computeEnvironments).toHaveLength(1);
  });

  it('--dry-run prints setup\'s plan and changes nothing', async () => {
    const t = createTestContext();
    expect(await t.run('demo', '--dry-run')).toBe(0);
    expect(t.stdout()).toMatch(/^Set up the fargate stack demo \[sim\]\n/);
    expect(t.stdout()).toContain('create compute environment demo-ce  batch:CreateComputeEnvironment');
    expect(t.stdout()).toContain('submit job demo-hello-world  batch:SubmitJob');
    expect(t.stdout()).toMatch(/dry run: nothing was changed\n$/);
    expect(t.stderr()).toContain('then the demo would run the hello-world job, an array job of 5');
    const sim = await t.sim();
    expect((await sim.batch.describeComputeEnvironments({})).computeEnvironments).toEqual([]);
    await expect(sim.iam.getRole({ RoleName: 'ecsTaskExecutionRole' })).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('never asks, even on a terminal', async () => {
    const t = createTestContext({ tty: true, answers: [] });
    expect(await t.run('demo')).toBe(0);
  });

  it('teardown demo --roles --yes afterwards leaves nothing of the stack', async () => {
    const t = createTestContext();
    expect(await t.run('demo')).toBe(0);
    expect(await t.run('teardown', 'demo', '--roles', '--yes')).toBe(0);
    const sim = await t.sim();
    const live = (s?: string) => s !== 'DELETED';
    expect(((await sim.batch.describeComputeEnvironments({})).computeEnvironments ?? []).filter((c) => live(c.status))).toEqual([]);
    expect(((await sim.batch.describeJobQueues({})).jobQueues ?? []).filter((q) => live(q.status))).toEqual([]);
    expect((await sim.batch.describeJobDefinitions({ status: 'ACTIVE' })).jobDefinitions).toEqual([]);
    await expect(sim.iam.getRole({ RoleName: 'ecsTaskExecutionRole' })).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    // And the demo builds it all again.
    expect(await t.run('demo')).toBe(0);
  });
});

describe('the demo jobs', () => {
  const answers = { jobQueueName: 'demo-queue', jobDefinitionName: 'demo-job-def' };

  it('submits an array job whose children echo their index, and a job that depends on it', () => {
    expect(arrayJobRequest(answers)).toEqual({
      jobQueue: 'demo-queue',
      jobDefinition: 'demo-job-def',
      jobName: 'demo-array',
      arrayProperties: { size: 5 },
      tags: { 'batchctl:stack': 'demo' },
      containerOverrides: { command: ['sh', '-c', 'echo "hello from child $AWS_BATCH_JOB_ARRAY_INDEX of 5"; sleep 5'] },
    });
    expect(dependentJobRequest(answers, 'a-1')).toMatchObject({ jobName: 'demo-after-array', dependsOn: [{ jobId: 'a-1' }] });
  });

  it('measures makespan over the spans and vCPU-seconds over the jobs that ran', () => {
    const job = (createdAt: number, startedAt: number, stoppedAt: number, vcpu = '0.25'): JobDetail =>
      ({ createdAt, startedAt, stoppedAt, container: { resourceRequirements: [{ type: 'VCPU', value: vcpu }] } }) as JobDetail;
    const parent = { createdAt: 1_000, stoppedAt: 41_000 } as JobDetail;
    const m = measure([parent, job(1_000, 60_000, 70_000)], [job(2_000, 30_000, 35_000), job(2_000, 30_000, 35_000, '1'), job(1_000, 60_000, 70_000)]);
    expect(m).toEqual({ makespanMs: 69_000, startedAt: 1_000, endedAt: 70_000, vcpuSeconds: 1.25 + 5 + 2.5 });
    expect(vcpusOf({ container: { vcpus: 2 } } as JobDetail)).toBe(2);
    expect(childCounts({ arrayProperties: { size: 5, statusSummary: { SUCCEEDED: 2, RUNNING: 3 } } } as unknown as JobDetail)).toBe('3 RUNNING, 2 SUCCEEDED');
  });
});
