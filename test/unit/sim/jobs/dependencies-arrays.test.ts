/** Dependencies, array jobs (N_TO_N, SEQUENTIAL, statusSummary), cancel and terminate (spec/05 §1.3-1.4, §3). */
import { describe, expect, it } from 'vitest';
import { definition, ec2World, jobSim, type JobSim, until } from './helpers.js';

const done = (s: JobSim, id: string) => until(s, async () => ['SUCCEEDED', 'FAILED'].includes((await s.job(id)).status!), 5_000);

describe('dependencies', () => {
  it('a chain runs in order; a failure cascades with "Dependent Job failed"', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 10');
    await definition(s, 'exit 1', {}, 'bad');
    const a = await s.submit();
    const b = await s.submit({ dependsOn: [{ jobId: a }] });
    await s.advance(1_000);
    expect((await s.job(b)).status).toBe('PENDING');
    await done(s, b);
    const [ja, jb] = [await s.job(a), await s.job(b)];
    expect(jb.status).toBe('SUCCEEDED');
    expect(jb.startedAt!).toBeGreaterThan(ja.stoppedAt!);

    const x = await s.submit({ jobDefinition: 'bad' });
    const y = await s.submit({ dependsOn: [{ jobId: x }] });
    const z = await s.submit({ dependsOn: [{ jobId: y }] });
    await done(s, z);
    expect((await s.job(x)).status).toBe('FAILED');
    for (const id of [y, z]) expect(await s.job(id)).toMatchObject({ status: 'FAILED', statusReason: 'Dependent Job failed' });
    expect((await s.job(z)).attempts).toEqual([]);
  });

  it('unknown dependency, more than 20, self-contained errors', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'true');
    await expect(s.submit({ dependsOn: [{ jobId: 'nope' }] })).rejects.toThrow('dependsOn[0].jobId: job nope does not exist');
    await expect(s.submit({ dependsOn: Array.from({ length: 21 }, (_, i) => ({ jobId: `j${i}` })) })).rejects.toThrow('dependsOn: a job can depend on at most 20 jobs (got 21)');
  });
});

describe('array jobs', () => {
  it('children id:i, parent PENDING while they run, statusSummary, parent SUCCEEDED; AWS_BATCH_JOB_ARRAY_INDEX', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'echo index $AWS_BATCH_JOB_ARRAY_INDEX of $AWS_BATCH_JOB_ARRAY_SIZE; sleep 20');
    const p = await s.submit({ arrayProperties: { size: 4 } });
    const parent0 = await s.job(p);
    expect(parent0.status).toBe('SUBMITTED');
    expect(parent0.arrayProperties?.statusSummary).toEqual({ SUBMITTED: 0, PENDING: 4, RUNNABLE: 0, STARTING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0 });
    expect((await s.job(`${p}:2`)).status).toBe('PENDING');
    await s.advance(1_000);
    expect((await s.job(p)).status).toBe('PENDING');
    await done(s, p);
    const parent = await s.job(p);
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.arrayProperties?.statusSummary?.SUCCEEDED).toBe(4);
    const child = await s.job(`${p}:2`);
    expect(child.arrayProperties).toEqual({ index: 2 });
    expect(child.jobArn).toBe(`${parent.jobArn}:2`);
    const ev = await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: child.container!.logStreamName!, startFromHead: true });
    expect(ev.events!.map((e) => e.message)).toEqual(['index 2 of 4']);
    const kids = await s.sim.batch.listJobs({ arrayJobId: p, jobStatus: 'SUCCEEDED' });
    expect(kids.jobSummaryList!.map((k) => k.arrayProperties?.index)).toHaveLength(4);
  });

  it('SEQUENTIAL runs children one after another; N_TO_N waits index by index; a failed child fails the parent', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 10');
    const seq = await s.submit({ arrayProperties: { size: 3 }, dependsOn: [{ type: 'SEQUENTIAL' }] });
    await done(s, seq);
    const kids = (await s.sim.batch.describeJobs({ jobs: [0, 1, 2].map((i) => `${seq}:${i}`) })).jobs!;
    expect(kids[1]!.startedAt!).toBeGreaterThanOrEqual(kids[0]!.stoppedAt!);
    expect(kids[2]!.startedAt!).toBeGreaterThanOrEqual(kids[1]!.stoppedAt!);
    expect(kids[1]!.dependsOn).toEqual([{ jobId: `${seq}:0` }]);

    const a = await s.submit({ arrayProperties: { size: 2 } });
    const b = await s.submit({ arrayProperties: { size: 2 }, dependsOn: [{ jobId: a, type: 'N_TO_N' }] });
    await done(s, b);
    const [a1, b1] = (await s.sim.batch.describeJobs({ jobs: [`${a}:1`, `${b}:1`] })).jobs!;
    expect(b1!.startedAt!).toBeGreaterThanOrEqual(a1!.stoppedAt!);
    await expect(s.submit({ arrayProperties: { size: 3 }, dependsOn: [{ jobId: a, type: 'N_TO_N' }] })).rejects.toThrow(/same array size/);

    await definition(s, 'if [ "$AWS_BATCH_JOB_ARRAY_INDEX" = 1 ]; then exit 2; fi; sleep 5', {}, 'one-fails');
    const f = await s.submit({ jobDefinition: 'one-fails', arrayProperties: { size: 3 } });
    await done(s, f);
    const pf = await s.job(f);
    expect(pf.status).toBe('FAILED');
    expect(pf.arrayProperties?.statusSummary).toMatchObject({ SUCCEEDED: 2, FAILED: 1 });
  });

  it('10,000 children are created in one SubmitJob', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'true');
    const t = performance.now();
    const p = await s.submit({ arrayProperties: { size: 10_000 } });
    expect(performance.now() - t).toBeLessThan(10_000);
    expect((await s.job(`${p}:9999`)).status).toBe('PENDING');
    expect((await s.job(p)).arrayProperties?.size).toBe(10_000);
  });
});

describe('cancel and terminate', () => {
  it('follow the matrix: cancel fails SUBMITTED/RUNNABLE, is a no-op on RUNNING; terminate kills RUNNING; PENDING waits for its dependencies', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 300');
    const submitted = await s.submit();
    await s.sim.batch.cancelJob({ jobId: submitted, reason: 'not needed' });
    expect(await s.job(submitted)).toMatchObject({ status: 'FAILED', statusReason: 'not needed', isCancelled: true });

    const running = await s.submit();
    await until(s, async () => (await s.job(running)).status === 'RUNNING');
    const pending = await s.submit({ dependsOn: [{ jobId: running }] });
    await s.advance(1_000);
    expect((await s.job(pending)).status).toBe('PENDING');
    await s.sim.batch.cancelJob({ jobId: pending, reason: 'later' });
    expect((await s.job(pending)).status).toBe('PENDING');

    expect(await s.sim.batch.cancelJob({ jobId: running, reason: 'no effect' })).toEqual({});
    expect((await s.job(running)).status).toBe('RUNNING');
    expect((await s.job(running)).isCancelled).toBeUndefined();
    await s.sim.batch.terminateJob({ jobId: running, reason: 'stop it' });
    const t = await s.job(running);
    expect(t).toMatchObject({ status: 'FAILED', statusReason: 'stop it', isTerminated: true });
    expect(t.attempts![0]!.container?.exitCode).toBe(137);
    // The dependency failed first: its failure wins over the deferred cancel.
    await s.advance(1_000);
    expect(await s.job(pending)).toMatchObject({ status: 'FAILED', statusReason: 'Dependent Job failed' });
    await expect(s.sim.batch.cancelJob({ jobId: running, reason: '' })).rejects.toThrow('reason: is required');
  });

  it('cancelling an array parent cascades to its children', async () => {
    const s = await jobSim();
    await ec2World(s, { maxvCpus: 2 });
    await definition(s, 'sleep 300');
    const p = await s.submit({ arrayProperties: { size: 5 } });
    await until(s, async () => (await s.job(p)).arrayProperties!.statusSummary!.RUNNING! > 0, 5_000);
    await s.sim.batch.terminateJob({ jobId: p, reason: 'all of it' });
    await s.advance(1_000);
    const parent = await s.job(p);
    expect(parent.status).toBe('FAILED');
    expect(parent.isTerminated).toBe(true);
    expect(parent.arrayProperties?.statusSummary?.FAILED).toBe(5);
  });
});
