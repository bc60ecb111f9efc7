import { describe, expect, it } from 'vitest';
import { followJobLogs } from '../../../../src/commands/logs/follow.js';
import { runLogs } from '../../../../src/commands/logs/logs.js';
import { SilentError } from '../../../../src/errors.js';
import { job, scripted, sec, T0 } from '../../logs/scripted.js';

const ID = '11111111-2222-3333-4444-555555555555';
const S1 = 'jd/default/task-1';
const S2 = 'jd/default/task-2';

/** RUNNABLE at 0, STARTING at 10 s, RUNNING at 20 s (stream S1), then the outcome at 60 s. */
function lifecycle(outcome: 'SUCCEEDED' | 'FAILED', exitCode = outcome === 'SUCCEEDED' ? 0 : 1) {
  return [
    { at: T0, job: job(ID, 'RUNNABLE', { statusReason: undefined }) },
    { at: sec(10), job: job(ID, 'STARTING') },
    { at: sec(20), job: job(ID, 'RUNNING', { startedAt: sec(20), container: { logStreamName: S1 } }) },
    {
      at: sec(60),
      job: job(ID, outcome, { startedAt: sec(20), stoppedAt: sec(60), statusReason: outcome === 'FAILED' ? 'Essential container in task exited' : undefined, container: { logStreamName: S1, exitCode }, attempts: [{ container: { logStreamName: S1, exitCode } }] }),
    },
  ];
}

const lines = (n: number, stream = S1, from = 21, step = 10) => Array.from({ length: n }, (_, i) => ({ at: sec(from + i * step), stream, message: `line ${i + 1}` }));

describe('logs --follow on a running job (scripted engine)', () => {
  it('waits while RUNNABLE/STARTING, prints lines as they are written and ends with the job', async () => {
    const s = await scripted({ [ID]: lifecycle('SUCCEEDED') }, lines(4));
    const result = await followJobLogs(s.ctx, [ID], { sleep: s.sleep, now: () => s.clock.now() });
    expect(result.outcome).toBe('SUCCEEDED');
    expect(s.stdout()).toBe('line 1\nline 2\nline 3\nline 4\n');
    // Each line was printed after it was written and before the next one was (streamed, not at the end).
    const printed = s.writes.filter((w) => w.to === 'out').map((w) => w.at);
    expect(printed).toEqual(printed.slice().sort((a, b) => a - b));
    expect(printed[0]).toBeLessThan(sec(31));
    expect(printed[3]).toBeLessThan(sec(60));
    expect(s.stderr()).toMatch(/RUNNABLE job 11111111/);
    expect(s.stderr()).toMatch(/STARTING job/);
    expect(s.stderr()).toMatch(/SUCCEEDED job .*\(exit code 0\)\n$/);
    // It stopped soon after the job ended.
    expect(s.clock.now()).toBeLessThan(sec(70));
  });

  it('exits 1 (SilentError) when the job FAILED, after printing every line', async () => {
    const s = await scripted({ [ID]: lifecycle('FAILED') }, [...lines(2), { at: sec(59), stream: S1, message: 'boom' }]);
    const err = await runLogs(s.ctx, { jobIds: [ID], follow: true, sleep: s.sleep, now: () => s.clock.now() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SilentError);
    expect((err as SilentError).exitCode).toBe(1);
    expect(s.stdout()).toBe('line 1\nline 2\nboom\n');
    expect(s.stderr()).toMatch(/FAILED job .*: Essential container in task exited \(exit code 1\)/);
  });

  it('switches to the new stream when a retry starts a new attempt, draining the old one', async () => {
    const retry = [
      { at: T0, job: job(ID, 'RUNNING', { startedAt: T0, container: { logStreamName: S1 } }) },
      { at: sec(30), job: job(ID, 'RUNNABLE', { attempts: [{ container: { logStreamName: S1, exitCode: 1 } }], container: {} }) },
      { at: sec(40), job: job(ID, 'RUNNING', { attempts: [{ container: { logStreamName: S1, exitCode: 1 } }], container: { logStreamName: S2 } }) },
      { at: sec(70), job: job(ID, 'SUCCEEDED', { attempts: [{ container: { logStreamName: S1, exitCode: 1 } }, { container: { logStreamName: S2, exitCode: 0 } }], container: { logStreamName: S2, exitCode: 0 } }) },
    ];
    const s = await scripted({ [ID]: retry }, [
      { at: sec(1), stream: S1, message: 'try 1' },
      { at: sec(29), stream: S1, message: 'try 1 dies' },
      { at: sec(41), stream: S2, message: 'try 2' },
      { at: sec(69), stream: S2, message: 'try 2 done' },
    ]);
    const result = await followJobLogs(s.ctx, [ID], { sleep: s.sleep, now: () => s.clock.now() });
    expect(result.outcome).toBe('SUCCEEDED');
    expect(s.stdout()).toBe('try 1\ntry 1 dies\ntry 2\ntry 2 done\n');
  });

  it('backs off on ThrottlingException and carries on', async () => {
    const s = await scripted({ [ID]: lifecycle('SUCCEEDED') }, lines(3));
    s.throttle('GetLogEvents', 3);
    const result = await followJobLogs(s.ctx, [ID], { sleep: s.sleep, now: () => s.clock.now() });
    expect(result.outcome).toBe('SUCCEEDED');
    expect(s.stdout()).toBe('line 1\nline 2\nline 3\n');
  });

  it('follows 100 array children within the GetLogEvents and DescribeJobs budgets', async () => {
    const P = 'aaaaaaaa-0000-0000-0000-000000000000';
    const timelines: Record<string, ReturnType<typeof lifecycle>> = {
      [P]: [
        { at: T0, job: job(P, 'PENDING', { arrayProperties: { size: 100 } }) },
        { at: sec(120), job: job(P, 'SUCCEEDED', { arrayProperties: { size: 100 } }) },
      ],
    };
    const all: Array<{ at: number; stream: string; message: string }> = [];
    for (let i = 0; i < 100; i++) {
      const id = `${P}:${i}`;
      const st = `jd/default/child-${i}`;
      timelines[id] = [
        { at: T0, job: job(id, 'RUNNING', { arrayProperties: { index: i }, container: { logStreamName: st } }) },
        { at: sec(100), job: job(id, 'SUCCEEDED', { arrayProperties: { index: i }, container: { logStreamName: st, exitCode: 0 }, attempts: [{ container: { logStreamName: st, exitCode: 0 } }] }) },
      ];
      all.push({ at: sec(5 + (i % 50)), stream: st, message: `child ${i} says hi` }, { at: sec(90), stream: st, message: `child ${i} done` });
    }
    const s = await scripted(timelines, all);
    const result = await followJobLogs(s.ctx, [P], { children: true, sleep: s.sleep, now: () => s.clock.now() });
    expect(result.outcome).toBe('SUCCEEDED');
    const out = s.stdout().trim().split('\n');
    expect(out).toHaveLength(200);
    expect(out).toContain('[42] child 42 says hi');
    expect(out).toContain('[99] child 99 done');
    // No one-second window holds more GetLogEvents calls than the budget (10/s), nor DescribeJobs calls beyond batches of 100.
    const perSecond = new Map<number, number>();
    for (const c of s.calls.filter((c) => c.op === 'GetLogEvents')) perSecond.set(Math.floor(c.at / 1000), (perSecond.get(Math.floor(c.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(10);
    const describes = s.calls.filter((c) => c.op === 'DescribeJobs');
    expect(describes.length / ((s.clock.now() - T0) / 1000)).toBeLessThanOrEqual(1);
  });
});

describe('logs without --follow', () => {
  const done = job(ID, 'SUCCEEDED', { attempts: [{ container: { logStreamName: S1, exitCode: 1 } }, { container: { logStreamName: S2, exitCode: 0 } }], container: { logStreamName: S2, exitCode: 0 } });
  const stream = [
    { at: sec(1), stream: S1, message: 'first attempt' },
    ...Array.from({ length: 5 }, (_, i) => ({ at: sec(10 + i), stream: S2, message: `second ${i + 1}` })),
  ];

  it('prints the latest attempt, or --attempt N, and --tail N', async () => {
    const s = await scripted({ [ID]: [{ at: T0, job: done }] }, stream);
    s.clock.advance(60_000);
    await runLogs(s.ctx, { jobIds: [ID] });
    expect(s.stdout()).toBe('second 1\nsecond 2\nsecond 3\nsecond 4\nsecond 5\n');
    const t = await scripted({ [ID]: [{ at: T0, job: done }] }, stream);
    t.clock.advance(60_000);
    await runLogs(t.ctx, { jobIds: [ID], attempt: 1 });
    await runLogs(t.ctx, { jobIds: [ID], tail: 2, timestamps: true });
    expect(t.stdout()).toBe('first attempt\n2026-01-15T09:00:13.000Z second 4\n2026-01-15T09:00:14.000Z second 5\n');
  });

  it('--since keeps later events; --format json prints one object per event', async () => {
    const s = await scripted({ [ID]: [{ at: T0, job: done }] }, stream);
    s.clock.advance(60_000);
    await runLogs(s.ctx, { jobIds: [ID], sinceText: '47s', format: 'json' });
    const objs = s.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => o.message)).toEqual(['second 4', 'second 5']);
    expect(objs[0]).toMatchObject({ jobId: ID, attempt: 2, logGroupName: '/aws/batch/job', logStreamName: S2, timestamp: sec(13) });
  });

  it('says when a job has no stream yet', async () => {
    const s = await scripted({ [ID]: [{ at: T0, job: job(ID, 'RUNNABLE', { statusReason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - too big' }) }] });
    await runLogs(s.ctx, { jobIds: [ID] });
    expect(s.stdout()).toBe('');
    expect(s.stderr()).toMatch(/RUNNABLE job .*JOB_RESOURCE_REQUIREMENT/);
    expect(s.stderr()).toMatch(/no log stream yet/);
  });

  it('says when a job ended without a stream (cancelled while RUNNABLE), without promising one', async () => {
    const s = await scripted({ [ID]: [{ at: T0, job: job(ID, 'FAILED', { statusReason: 'Cancelled by batchctl', isCancelled: true }) }] });
    await runLogs(s.ctx, { jobIds: [ID] });
    expect(s.stderr()).toMatch(/no log stream: it ended without reaching RUNNING/);
    expect(s.stderr()).not.toMatch(/waits for it/);
  });

  it('fans in array children with [index] labels, ordered by time, via FilterLogEvents', async () => {
    const P = 'bbbbbbbb-0000-0000-0000-000000000000';
    const tl: Record<string, Array<{ at: number; job: ReturnType<typeof job> }>> = { [P]: [{ at: T0, job: job(P, 'SUCCEEDED', { arrayProperties: { size: 3 } }) }] };
    for (let i = 0; i < 3; i++) tl[`${P}:${i}`] = [{ at: T0, job: job(`${P}:${i}`, 'SUCCEEDED', { arrayProperties: { index: i }, container: { logStreamName: `c/${i}` } }) }];
    const s = await scripted(tl, [
      { at: sec(3), stream: 'c/2', message: 'two' },
      { at: sec(1), stream: 'c/0', message: 'zero' },
      { at: sec(2), stream: 'c/1', message: 'one' },
    ]);
    s.clock.advance(10_000);
    await runLogs(s.ctx, { jobIds: [P], children: true });
    expect(s.stdout()).toBe('[0] zero\n[1] one\n[2] two\n');
    expect(s.calls.filter((c) => c.op === 'FilterLogEvents')).toHaveLength(1);
    const only = await scripted(tl, [{ at: sec(2), stream: 'c/1', message: 'one' }]);
    only.clock.advance(10_000);
    await runLogs(only.ctx, { jobIds: [P], index: 1 });
    expect(only.stdout()).toBe('one\n');
    await expect(runLogs(only.ctx, { jobIds: [P] })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/array job of 3 children/) });
  });

  it('fans in ECS containers by name, and --container picks one', async () => {
    const multi = job(ID, 'SUCCEEDED', {
      container: undefined,
      ecsProperties: { taskProperties: [{ containers: [{ name: 'app', logStreamName: 'app/1' }, { name: 'side', logStreamName: 'side/1' }] }] },
    });
    const s = await scripted({ [ID]: [{ at: T0, job: multi }] }, [
      { at: sec(1), stream: 'app/1', message: 'from app' },
      { at: sec(2), stream: 'side/1', message: 'from side' },
    ]);
    s.clock.advance(10_000);
    await runLogs(s.ctx, { jobIds: [ID] });
    expect(s.stdout()).toBe('app from app\nside from side\n');
    await runLogs(s.ctx, { jobIds: [ID], container: 'side' });
    expect(s.stdout()).toMatch(/side from side\nfrom side\n$/);
    await expect(runLogs(s.ctx, { jobIds: [ID], container: 'nope' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('is a not-found (exit 3) for an unknown job', async () => {
    const s = await scripted({});
    await expect(runLogs(s.ctx, { jobIds: ['nope'] })).rejects.toMatchObject({ exitCode: 3 });
  });
});
