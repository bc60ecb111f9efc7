/** The job state machine on the simulator (spec/05 §1): transitions, retries, timeouts, logs. */
import { describe, expect, it } from 'vitest';
import { definition, ec2World, fargateDefinition, fargateWorld, jobSim, START, until } from './helpers.js';

async function statuses(s: Awaited<ReturnType<typeof jobSim>>, id: string, maxMs = 3_600_000) {
  const seen: string[] = [];
  await until(s, async () => {
    const j = await s.job(id);
    if (seen[seen.length - 1] !== j.status) seen.push(j.status!);
    return j.status === 'SUCCEEDED' || j.status === 'FAILED';
  }, 1_000, maxMs);
  return seen;
}

describe('job lifecycle', () => {
  it('SUBMITTED -> RUNNABLE -> STARTING -> RUNNING -> SUCCEEDED, with an instance launched for it and scaled down after', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'echo hello; sleep 30; echo bye');
    const id = await s.submit();
    expect((await s.job(id)).status).toBe('SUBMITTED');
    expect(await statuses(s, id)).toEqual(['SUBMITTED', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
    const j = await s.job(id);
    expect(j.statusReason).toBe('Essential container in task exited');
    expect(j.container?.exitCode).toBe(0);
    expect(j.stoppedAt! - j.startedAt!).toBe(30_000);
    expect(j.attempts).toHaveLength(1);
    expect(j.attempts![0]!.container?.logStreamName).toMatch(/^jd\/default\/[0-9a-f]{32}$/);
    expect(j.attempts![0]!.container?.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/ce_Batch_[0-9a-f-]+\/[0-9a-f]{32}$/);
    // Logs: written at their simulated instants in /aws/batch/job.
    const ev = await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: j.container!.logStreamName!, startFromHead: true });
    expect(ev.events!.map((e) => [e.message, e.timestamp! - j.startedAt!])).toEqual([['hello', 0], ['bye', 30_000]]);
    // Capacity: desiredvCpus rose with the launch and falls back to minvCpus (0) once idle for 5 minutes.
    const desired = async () => (await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!.computeResources!.desiredvCpus;
    expect(await desired()).toBeGreaterThan(0);
    await s.advance(5 * 60_000);
    expect(await desired()).toBe(0);
  });

  it('logs appear only once their instant has passed', async () => {
    const s = await jobSim();
    await fargateWorld(s);
    await fargateDefinition(s, 'echo one; sleep 20; echo two');
    const id = await s.submit({ jobQueue: 'fq', jobDefinition: 'fjd' });
    await until(s, async () => (await s.job(id)).status === 'RUNNING');
    const j = await s.job(id);
    // Fargate STARTING takes 25-35 s (a task start).
    expect(j.startedAt! - j.createdAt!).toBeGreaterThanOrEqual(26_000);
    const read = async () => (await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: j.container!.logStreamName!, startFromHead: true })).events!.map((e) => e.message);
    expect(await read()).toEqual(['one']);
    await s.advance(20_000);
    expect(await read()).toEqual(['one', 'two']);
  });

  it('exit code -> FAILED; retries go back to RUNNABLE and are recorded as attempts; evaluateOnExit EXIT stops them', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'echo try $AWS_BATCH_JOB_ATTEMPT; exit 3');
    const failing = await s.submit({ retryStrategy: { attempts: 3 } });
    await statuses(s, failing);
    // A retried job goes back to RUNNABLE at the front and restarts at once when capacity is free.
    const j = await s.job(failing);
    expect(j.status).toBe('FAILED');
    expect(j.attempts!.map((a) => a.container?.exitCode)).toEqual([3, 3, 3]);
    expect(j.statusReason).toBe('Essential container in task exited');
    const streams = j.attempts!.map((a) => a.container!.logStreamName!);
    expect(new Set(streams).size).toBe(3);
    const last = await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: streams[2]!, startFromHead: true });
    expect(last.events!.map((e) => e.message)).toEqual(['try 3']);

    const exits = await s.submit({ retryStrategy: { attempts: 5, evaluateOnExit: [{ onExitCode: '3', action: 'EXIT' }] } });
    await statuses(s, exits);
    expect((await s.job(exits)).attempts).toHaveLength(1);
  });

  it('a timeout counts from RUNNING: SIGKILL 30 s after, exit 137, never retried', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 600');
    const id = await s.submit({ timeout: { attemptDurationSeconds: 60 }, retryStrategy: { attempts: 3 } });
    await statuses(s, id);
    const j = await s.job(id);
    expect(j.status).toBe('FAILED');
    expect(j.statusReason).toBe('Job attempt duration exceeded timeout');
    expect(j.attempts).toHaveLength(1);
    expect(j.attempts![0]!.container?.exitCode).toBe(137);
    expect(j.stoppedAt! - j.startedAt!).toBe(90_000);
  });

  it('DescribeJobs: full detail, unknown ids omitted, at most 100 ids', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, ['echo', 'Ref::word'], { parameters: { word: 'default' } });
    const id = await s.submit({ parameters: { word: 'given' }, containerOverrides: { environment: [{ name: 'A', value: '1' }] }, tags: { team: 'x' } });
    const { jobs } = await s.sim.batch.describeJobs({ jobs: [id, 'nope'] });
    expect(jobs).toHaveLength(1);
    const j = jobs![0]!;
    expect(j).toMatchObject({
      jobId: id, jobName: 'j', status: 'SUBMITTED', createdAt: START + 11_000,
      jobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/q',
      jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1',
      parameters: { word: 'given' }, tags: { team: 'x' }, attempts: [],
      container: { command: ['echo', 'given'], environment: [{ name: 'A', value: '1' }] },
    });
    expect(j.jobArn).toBe(`arn:aws:batch:us-east-1:123456789012:job/${id}`);
    expect(j.startedAt).toBeUndefined();
    await expect(s.sim.batch.describeJobs({ jobs: Array.from({ length: 101 }, (_, i) => `x${i}`) })).rejects.toThrow('at most 100');
  });

  it('is deterministic: the same seed and calls give the same ids, times and logs', async () => {
    const run = async () => {
      const s = await jobSim({ seed: 9 });
      await ec2World(s);
      await definition(s, 'echo a; sleep 5');
      const id = await s.submit({ arrayProperties: { size: 3 } });
      await until(s, async () => ['SUCCEEDED', 'FAILED'].includes((await s.job(id)).status!));
      const kids = (await s.sim.batch.describeJobs({ jobs: [0, 1, 2].map((i) => `${id}:${i}`) })).jobs!;
      return JSON.stringify([id, kids.map((k) => [k.startedAt, k.stoppedAt, k.container?.logStreamName])]);
    };
    expect(await run()).toBe(await run());
  });
});

describe('run until idle', () => {
  it('fast-forwards to the last job and reports makespan, vCPU-hours, waits and failures', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 60');
    await definition(s, 'exit 4', {}, 'bad');
    await s.submit({ arrayProperties: { size: 4 } });
    const bad = await s.submit({ jobDefinition: 'bad' });
    const r = s.sim.control.runUntilIdle();
    expect(r.outcome).toBe('IDLE');
    expect(r.jobs).toEqual({ total: 5, succeeded: 4, failed: 1, unfinished: 0 });
    expect(r.failures).toEqual([{ statusReason: 'Essential container in task exited', count: 1, jobIds: [bad] }]);
    expect(r.makespanMs).toBeGreaterThan(60_000);
    expect(r.computeEnvironments[0]!.name).toBe('ce');
    expect(r.computeEnvironments[0]!.jobVcpuHours).toBeGreaterThan(4 * 60 / 3600);
    expect(r.wait.count).toBe(5);
    expect(s.clock.now()).toBe(r.endedAt);
    expect(s.sim.control.runUntilIdle({ maxMs: 1000 }).jobs.total).toBe(0);
  });
});
