/** Run tests for `job wait` (exit 0/1/8/3 with an injected sleeper on the manual clock) and `job cancel|terminate|stop`. */
import { describe, expect, it } from 'vitest';
import { runJobWait } from '../../../../src/commands/job/wait.js';
import { runJobStop } from '../../../../src/commands/job/stop.js';
import { ExitCode, type BatchctlError } from '../../../../src/errors.js';
import { jobWorld, scrub, simTime, submit } from './world.js';

async function exitOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (err) {
    return (err as BatchctlError).exitCode;
  }
}

describe('job wait', () => {
  it('exit 0 when every job SUCCEEDED; changes on stderr', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello');
    const b = await submit(t, 'hello', { jobName: 'two' });
    t.ctx.configure({});
    expect(await exitOf(runJobWait(t.ctx, { ids: [a, b], ...simTime(t) }))).toBe(ExitCode.OK);
    const err = scrub(t.stderr(), { a, b });
    expect(err.startsWith('· hello (<a>): SUBMITTED\n· two (<b>): SUBMITTED\n')).toBe(true);
    expect(err).toContain('✓ hello (<a>): SUCCEEDED\n');
    expect(err).toContain('✓ two (<b>): SUCCEEDED\n');
    expect(err.endsWith('✓ all 2 jobs SUCCEEDED\n')).toBe(true);
  });

  it('exit 1 when any FAILED, naming it and its reason', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello');
    const b = await submit(t, 'fail');
    t.ctx.configure({});
    const p = runJobWait(t.ctx, { ids: [a, b], ...simTime(t) });
    await expect(p).rejects.toMatchObject({ exitCode: 1, message: `job fail (${b}) FAILED: Essential container in task exited (exit 3)` });
  });

  it('exit 8 on --timeout with the jobs still active', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello', { containerOverrides: { command: ['sleep', '3600'] } });
    t.ctx.configure({});
    const p = runJobWait(t.ctx, { ids: [a], timeout: 120_000, ...simTime(t) });
    await expect(p).rejects.toMatchObject({ exitCode: ExitCode.PENDING, message: expect.stringMatching(new RegExp(`^still active after 2m00s: hello \\(${a}\\) (STARTING|RUNNING)$`)) });
  });

  it('exit 3 for an unknown id; -o json prints DescribeJobs output at the end', async () => {
    const t = await jobWorld();
    t.ctx.configure({});
    await expect(runJobWait(t.ctx, { ids: ['ghost'], ...simTime(t) })).rejects.toMatchObject({ exitCode: 3, message: 'job ghost not found [sim]' });
    const a = await submit(t, 'hello');
    t.ctx.configure({ output: 'json' });
    await runJobWait(t.ctx, { ids: [a], ...simTime(t) });
    expect(JSON.parse(t.stdout()).jobs[0]).toMatchObject({ jobId: a, status: 'SUCCEEDED' });
  });

  it('by selector: the active jobs of a queue; nothing active is exit 0', async () => {
    const t = await jobWorld();
    t.ctx.configure({});
    await runJobWait(t.ctx, { ids: [], queue: 'work', ...simTime(t) });
    expect(t.stderr()).toBe('· nothing to wait for: no active job matches [sim]\n');
    await submit(t, 'hello', { jobName: 'n1' });
    await submit(t, 'fail', { jobName: 'x1' });
    await runJobWait(t.ctx, { ids: [], queue: 'work', name: 'n*', ...simTime(t) });
    expect(t.stderr()).toContain('waiting for 1 job [sim]\n');
    expect(t.stderr()).toContain('✓ n1 (');
    expect(t.stderr()).not.toContain('x1');
  });

  it('usage errors: ids and selector together, neither, selector without a queue', async () => {
    const t = await jobWorld();
    t.ctx.configure({});
    await expect(runJobWait(t.ctx, { ids: ['a'], queue: 'work' })).rejects.toMatchObject({ exitCode: 2 });
    await expect(runJobWait(t.ctx, { ids: [] })).rejects.toMatchObject({ exitCode: 2 });
    await expect(runJobWait(t.ctx, { ids: [], name: 'x*' })).rejects.toMatchObject({ exitCode: 2, message: 'wait by selector needs --queue or --array-parent' });
  });
});

describe('job cancel, terminate, stop', () => {
  it('cancel: shows the plan (--dry-run), then fails a queued job and reports it', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello');
    expect(await t.run('job', 'cancel', a, '--dry-run')).toBe(0);
    expect(scrub(t.stdout(), { a })).toBe('Cancel 1 job [sim]\n   1. cancel job hello (<a>) [SUBMITTED]  batch:CancelJob\n      SUBMITTED -> FAILED\ndry run: nothing was changed\n');
    expect(await t.run('job', 'cancel', a)).toBe(2);
    expect(scrub(t.stderr(), { a })).toContain('refusing to cancel job hello (<a>) [SUBMITTED] without confirmation');
    expect(await t.run('job', 'cancel', a, '--reason', 'wrong input', '--yes')).toBe(0);
    expect(scrub(t.stderr(), { a })).toContain('✓ hello (<a>): FAILED (cancelled)\n✓ 1 of 1 job stopped [sim]\n');
    const job = (await (await t.sim()).batch.describeJobs({ jobs: [a] })).jobs![0]!;
    expect(job).toMatchObject({ status: 'FAILED', statusReason: 'wrong input', isCancelled: true });
  });

  it('cancel on a RUNNING job warns and reports that nothing changed; terminate stops it', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello', { containerOverrides: { command: ['sleep', '3600'] } });
    for (let i = 0; i < 20; i++) {
      t.advance(10_000);
      const s = (await (await t.sim()).batch.describeJobs({ jobs: [a] })).jobs![0]!.status;
      if (s === 'RUNNING') break;
    }
    expect(await t.run('job', 'cancel', a, '--yes')).toBe(0);
    const err = scrub(t.stderr(), { a });
    expect(err).toContain('warning: cancel does nothing to jobs already STARTING or RUNNING (hello (<a>)); use `batchctl job terminate` or `job stop`\n');
    expect(err).toContain('· hello (<a>): still RUNNING: cancel has no effect once a job started; `batchctl job terminate <a>`\n');
    expect(err).toContain('! 0 of 1 job stopped [sim]\n');
    expect(await t.run('-o', 'json', 'job', 'terminate', a, '--yes')).toBe(0);
    const out = JSON.parse(t.stdout().slice(t.stdout().lastIndexOf('{\n  "results"')));
    expect(out.results[0]).toMatchObject({ jobId: a, action: 'TerminateJob', statusBefore: 'RUNNING' });
    t.advance(60_000);
    const job = (await (await t.sim()).batch.describeJobs({ jobs: [a] })).jobs![0]!;
    expect(job).toMatchObject({ status: 'FAILED', isTerminated: true, statusReason: 'Terminated by batchctl' });
  });

  it('stop by selector picks cancel or terminate per job; finished jobs are skipped', async () => {
    const t = await jobWorld();
    const run = await submit(t, 'hello', { jobName: 'long', containerOverrides: { command: ['sleep', '3600'] } });
    for (let i = 0; i < 20; i++) {
      t.advance(10_000);
      if ((await (await t.sim()).batch.describeJobs({ jobs: [run] })).jobs![0]!.status === 'RUNNING') break;
    }
    const queued = await submit(t, 'hello', { jobName: 'queued' });
    expect(await t.run('job', 'stop', '--queue', 'work', '--dry-run')).toBe(0);
    const plan = scrub(t.stdout(), { run, queued });
    expect(plan).toContain('cancel job queued (<queued>) [SUBMITTED]  batch:CancelJob');
    expect(plan).toContain('terminate job long (<run>) [RUNNING]  batch:TerminateJob');
    t.ctx.configure({ yes: true });
    await runJobStop(t.ctx, { verb: 'stop', ids: [], queue: 'work' });
    expect(t.stderr()).toContain('2 of 2 jobs stopped [sim]');
    expect(await t.run('job', 'cancel', queued, '--yes')).toBe(0);
    expect(scrub(t.stderr(), { queued })).toContain('· queued (<queued>) is already FAILED: skipped\n· nothing to cancel: no active job among those given [sim]\n');
  });

  it('an array job: the note about its children; unknown ids exit 3 before anything changes', async () => {
    const t = await jobWorld();
    const p = await submit(t, 'hello', { jobName: 'arr', arrayProperties: { size: 4 } });
    expect(await t.run('job', 'terminate', p, 'ghost', '--yes')).toBe(3);
    expect(t.stderr()).toContain('job ghost not found [sim]');
    expect(await t.run('job', 'terminate', p, '--dry-run')).toBe(0);
    expect(scrub(t.stderr(), { p })).toContain('note: stopping an array job stops all its children (arr (<p>))');
    expect(scrub(t.stdout(), { p })).toContain('SUBMITTED -> FAILED, with its 4 children');
  });

  it('--reason longer than 1024 characters, and no jobs named, are usage errors', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'cancel', 'x', '--reason', 'r'.repeat(1025))).toBe(2);
    expect(t.stderr()).toContain('--reason is 1025 characters; AWS takes at most 1024');
    expect(await t.run('job', 'terminate')).toBe(2);
    expect(t.stderr()).toContain('which jobs? give job ids, or --queue (and filters)');
  });
});
