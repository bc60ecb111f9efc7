/** Run tests for `batchctl job submit` against the in-memory simulator. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJobSubmit } from '../../../../src/commands/job/submit.js';
import { jobWorld, scrub, simTime } from './world.js';

describe('job submit', () => {
  it('prints the id on stdout and a success line on stderr', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'submit', '--queue', 'work', '--definition', 'hello', '--yes')).toBe(0);
    const id = t.stdout().trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(scrub(t.stderr(), { id })).toBe('✓ Submitted job hello (<id>) to work [sim]\n');
    const job = (await (await t.sim()).batch.describeJobs({ jobs: [id] })).jobs![0]!;
    expect(job).toMatchObject({ jobName: 'hello', status: 'SUBMITTED' });
  });

  it('--quiet prints the id alone; -o json prints SubmitJob output', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', '--yes', '--quiet')).toBe(0);
    expect(t.stdout()).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(t.stderr()).toBe('');
    const t2 = await jobWorld();
    expect(await t2.run('-o', 'json', 'job', 'submit', '-q', 'work', '-d', 'hello:1', '-n', 'named', '--yes')).toBe(0);
    const out = JSON.parse(t2.stdout());
    expect(Object.keys(out).sort()).toEqual(['jobArn', 'jobId', 'jobName']);
    expect(out.jobName).toBe('named');
    expect(out.jobArn).toBe(`arn:aws:batch:us-east-1:123456789012:job/${out.jobId}`);
  });

  it('flags become overrides; --input gives the full shape, flags win', async () => {
    const t = await jobWorld();
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-submit-'));
    const file = join(dir, 'job.json');
    writeFileSync(file, JSON.stringify({ jobName: 'from-file', jobQueue: 'work', jobDefinition: 'hello', parameters: { a: '1' }, tags: { team: 'data' } }));
    expect(await t.run('job', 'submit', '--input', file, '--env', 'STAGE=prod', '--command', 'echo hi', '--retry-attempts', '2', '--timeout', '2m', '--tag', 'env=dev', '--yes', '--quiet')).toBe(0);
    const job = (await (await t.sim()).batch.describeJobs({ jobs: [t.stdout().trim()] })).jobs![0]!;
    expect(job.jobName).toBe('from-file');
    expect(job.container?.command).toEqual(['echo', 'hi']);
    expect(job.container?.environment).toEqual([{ name: 'STAGE', value: 'prod' }]);
    expect(job.retryStrategy?.attempts).toBe(2);
    expect(job.timeout).toEqual({ attemptDurationSeconds: 120 });
    expect(job.tags).toEqual({ team: 'data', env: 'dev' });
  });

  it('--dry-run shows the plan and submits nothing; no --yes without a terminal is refused', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', '--array-size', '5', '--dry-run')).toBe(0);
    expect(t.stdout()).toBe('Submit job hello [sim]\n   1. submit job hello to work  batch:SubmitJob\n      definition hello:1, array of 5\ndry run: nothing was changed\n');
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello')).toBe(2);
    expect(t.stderr()).toContain('refusing to submit job hello to work without confirmation');
    expect((await (await t.sim()).batch.listJobs({ jobQueue: 'work', jobStatus: 'SUBMITTED' })).jobSummaryList).toEqual([]);
  });

  it('names missing flags, and unknown queues or definitions (exit 3)', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'submit', '--yes')).toBe(2);
    expect(t.stderr()).toContain('error: --queue and --definition are required');
    expect(await t.run('job', 'submit', '-q', 'nope', '-d', 'hello', '--yes')).toBe(3);
    expect(t.stderr()).toContain('job queue "nope" not found [sim]');
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'ghost', '--yes')).toBe(3);
    expect(t.stderr()).toContain('job definition "ghost" not found [sim]');
  });

  // Every SubmitJob rule validateSubmitJob checks: exit 2 before anything is sent, naming the field and flag.
  const rules: Array<[string, string[], string]> = [
    ['job name', ['--name', '-bad'], 'jobName (--name): must be 1-128 characters, start with a letter or number'],
    ['array size too small', ['--array-size', '1'], 'arrayProperties.size (--array-size): must be an integer between 2 and 10000 (got 1)'],
    ['array size too large', ['--array-size', '10001'], 'arrayProperties.size (--array-size): must be an integer between 2 and 10000 (got 10001)'],
    ['21 dependencies', Array.from({ length: 21 }, (_, i) => ['--depends-on', `dep${i}`]).flat(), 'dependsOn (--depends-on): a job can depend on at most 20 jobs (got 21)'],
    ['SEQUENTIAL without an array', ['--depends-on', 'SEQUENTIAL'], 'dependsOn[0].type (--depends-on): SEQUENTIAL dependencies are only valid for array jobs'],
    ['attempts 0', ['--retry-attempts', '0'], 'retryStrategy.attempts (--retry-attempts): must be'],
    ['attempts 11', ['--retry-attempts', '11'], 'retryStrategy.attempts (--retry-attempts): must be'],
    ['timeout 59 s', ['--timeout', '59s'], 'timeout.attemptDurationSeconds (--timeout): must be an integer of at least 60 seconds (got 59)'],
    ['priority 10000', ['--priority', '10000'], 'schedulingPriorityOverride (--priority): must be an integer between 0 and 9999 (got 10000)'],
    ['share identifier', ['--share-identifier', 'a-b'], 'shareIdentifier (--share-identifier): must be 1-255 letters and numbers'],
    ['AWS_BATCH env', ['--env', 'AWS_BATCH_X=1'], 'containerOverrides.environment'],
    ['empty command word', ['--command', `echo ''`], "containerOverrides.command[1] (--command): can't contain an empty string"],
    ['reserved tag key', ['--tag', 'aws:x=1'], 'tags.aws:x (--tag): tag keys starting with "aws:" are reserved'],
    ['payload over 30 KiB', ['--parameter', `big=${'x'.repeat(31_000)}`], 'SubmitJob requests can be at most 30720 bytes (30 KiB)'],
  ];
  for (const [rule, flags, message] of rules) {
    it(`local validation: ${rule} -> exit 2`, async () => {
      const t = await jobWorld();
      expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', ...flags, '--yes')).toBe(2);
      expect(t.stderr()).toContain(message);
      expect(t.stderr()).toContain('hint: nothing was submitted');
    });
  }

  it('rules that need the queue, the definition or other jobs: exit 2', async () => {
    const t = await jobWorld();
    const b = await t.sim();
    // A Fargate definition with a vCPU/memory pair Fargate does not offer.
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', '--memory', '100', '--yes')).toBe(2);
    expect(t.stderr()).toContain('is not a valid Fargate size');
    // An unknown dependency.
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', '--depends-on', 'no-such-job', '--yes')).toBe(2);
    expect(t.stderr()).toContain('dependsOn[0].jobId (--depends-on): job no-such-job does not exist');
    // A share identifier on a FIFO queue.
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'hello', '--share-identifier', 'teamA', '--yes')).toBe(2);
    expect(t.stderr()).toContain('shareIdentifier (--share-identifier): can only be used with a job queue that has a fair-share scheduling policy (work does not)');
    // A DISABLED queue, an INACTIVE definition revision.
    await b.batch.updateJobQueue({ jobQueue: 'work', state: 'DISABLED' });
    await b.batch.deregisterJobDefinition({ jobDefinition: 'fail:1' });
    expect(await t.run('job', 'submit', '-q', 'work', '-d', 'fail:1', '--yes')).toBe(2);
    expect(t.stderr()).toContain('jobQueue (--queue): work is DISABLED and does not accept new jobs');
    expect(t.stderr()).toContain('jobDefinition (--definition): arn:aws:batch:us-east-1:123456789012:job-definition/fail:1 is INACTIVE');
  });

  it('--wait waits like job wait: exit 1 naming the failed job', async () => {
    const t = await jobWorld();
    t.ctx.configure({ yes: true });
    await expect(runJobSubmit(t.ctx, { queue: 'work', definition: 'fail', wait: true, ...simTime(t) })).rejects.toThrow(/^job fail \(.+\) FAILED: Essential container in task exited \(exit 3\)$/);
    expect(t.stderr()).toMatch(/✗ fail \(.+\): FAILED: Essential container in task exited \(exit 3\)\n$/);
  });

  it('--follow follows the job\'s logs (states on stderr, lines on stdout) and ends 0 when the job succeeds', async () => {
    const t = await jobWorld();
    t.ctx.configure({ yes: true });
    await runJobSubmit(t.ctx, { queue: 'work', definition: 'hello', follow: true, ...simTime(t) });
    const id = t.stdout().trim(); // `hello` only sleeps: no log lines
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const err = scrub(t.stderr(), { id });
    expect(err).toMatch(/^✓ Submitted job hello \(<id>\) to work \[sim\]\n/);
    expect(err).toMatch(/SUCCEEDED job <id> \(hello\).*\n$/);
  });

  it('--follow exits 1 (after the logs) when the job fails', async () => {
    const t = await jobWorld();
    t.ctx.configure({ yes: true });
    await expect(runJobSubmit(t.ctx, { queue: 'work', definition: 'fail', follow: true, ...simTime(t) })).rejects.toMatchObject({ exitCode: 1 });
    expect(t.stderr()).toMatch(/FAILED job .*\(exit code 3\)\n$/);
  });
});
