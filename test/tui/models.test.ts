import type { JobStatus } from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { ApiMeter, countCalls } from '../../src/tui/models/api-meter.js';
import { CeModel } from '../../src/tui/models/ce-model.js';
import type { ModelEnv } from '../../src/tui/models/env.js';
import { JobsModel } from '../../src/tui/models/jobs-model.js';
import { LogsModel } from '../../src/tui/models/logs-model.js';
import { FIRST_TICK_MS, MAX_BACKOFF_MS, nextDelay, Poller } from '../../src/tui/models/poller.js';
import { QueuesModel } from '../../src/tui/models/queues-model.js';
import { AwsShapedError, tagAwsCall } from '../../src/errors.js';
import { fakeBackend, FakeTimers, flush, job, queue, type FakeBackend } from './fake-backend.js';

const STATES: JobStatus[] = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];
const DAY = 24 * 3600_000;

function env(backend: FakeBackend, timers: FakeTimers, now = 2 * DAY): ModelEnv {
  return { backend, timers, intervalMs: 2000, worldNow: () => now };
}

class Counter extends Poller<number> {
  loads = 0;
  fail?: Error;
  release?: () => void;
  slow = false;
  protected async load() {
    this.loads++;
    if (this.slow) await new Promise<void>((r) => (this.release = r));
    if (this.fail) throw this.fail;
    return { rows: [this.loads], extra: undefined };
  }
}

describe('Poller', () => {
  it('ticks fast first, then every interval', async () => {
    const timers = new FakeTimers();
    const p = new Counter({ intervalMs: 2000, timers }, undefined);
    p.start();
    expect(timers.delays()).toEqual([FIRST_TICK_MS]);
    await timers.advance(FIRST_TICK_MS);
    expect(p.loads).toBe(1);
    expect(p.snapshot()).toMatchObject({ rows: [1], loading: false, stale: false, loadedAt: FIRST_TICK_MS });
    expect(timers.delays()).toEqual([2000]);
    await timers.advance(2000);
    expect(p.loads).toBe(2);
    p.stop();
    expect(timers.delays()).toEqual([]);
  });

  it('backs off on errors (more on throttling), keeps the last rows marked stale, recovers', async () => {
    const timers = new FakeTimers();
    const p = new Counter({ intervalMs: 2000, timers }, undefined);
    p.start();
    await timers.advance(FIRST_TICK_MS);
    p.fail = new Error('boom');
    await timers.advance(2000);
    expect(p.snapshot()).toMatchObject({ rows: [1], error: 'boom', stale: true });
    expect(timers.delays()).toEqual([4000]);
    await timers.advance(4000);
    expect(timers.delays()).toEqual([8000]);
    p.fail = new AwsShapedError('TooManyRequestsException', 'Too Many Requests', 429);
    await timers.advance(8000);
    expect(timers.delays()).toEqual([32_000]); // 3 failures + 1 step for throttling
    expect(nextDelay(2000, 10, false)).toBe(MAX_BACKOFF_MS);
    p.fail = undefined;
    await timers.advance(32_000);
    expect(p.snapshot().error).toBeUndefined();
    expect(p.snapshot().stale).toBe(false);
    expect(timers.delays()).toEqual([2000]);
  });

  it('drops a refresh asked for while one is in flight', async () => {
    const timers = new FakeTimers();
    const p = new Counter({ intervalMs: 2000, timers }, undefined);
    p.slow = true;
    const first = p.refresh();
    await flush();
    expect(await p.refresh()).toBe(false);
    expect(await p.refresh()).toBe(false);
    expect(p.dropped).toBe(2);
    p.release!();
    expect(await first).toBe(true);
    expect(p.loads).toBe(1);
  });

  it('publishes a new snapshot object per change and tells subscribers', async () => {
    const timers = new FakeTimers();
    const p = new Counter({ intervalMs: 2000, timers }, undefined);
    const before = p.snapshot();
    expect(p.snapshot()).toBe(before);
    let told = 0;
    const off = p.subscribe(() => told++);
    await p.refresh();
    expect(p.snapshot()).not.toBe(before);
    expect(told).toBe(1);
    off();
    await p.refresh();
    expect(told).toBe(1);
  });
});

function world3(): FakeBackend {
  const b = fakeBackend({ queues: [queue('q1', { priority: 10 }), queue('q2'), queue('q3')] });
  for (const q of ['q1', 'q2', 'q3']) {
    STATES.forEach((s, i) => {
      for (let k = 0; k < 3; k++) b.world.jobs.push(job(`${q}-${s}-${k}`, q, s, { createdAt: 2 * DAY - i * 1000 - k, stoppedAt: s === 'SUCCEEDED' || s === 'FAILED' ? 2 * DAY - 10 : undefined }));
    });
  }
  return b;
}

describe('QueuesModel', () => {
  it('counts jobs per state, reads the front of the queue and the head job\'s blocked reason', async () => {
    const b = world3();
    const head = b.world.jobs.find((j) => j.jobId === 'q1-RUNNABLE-0')!;
    head.statusReason = 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - There is not enough capacity';
    b.world.front[b.world.queues[0]!.jobQueueArn!] = ['q1-RUNNABLE-0', 'q1-RUNNABLE-1'];
    // A terminal job older than 24 h is not counted.
    b.world.jobs.push(job('old', 'q1', 'SUCCEEDED', { createdAt: 0, stoppedAt: 10 }));
    const timers = new FakeTimers();
    const m = new QueuesModel(env(b, timers));
    await m.refresh();
    const q1 = m.snapshot().rows.find((r) => r.name === 'q1')!;
    expect(q1.counts.RUNNABLE).toEqual({ n: 3, more: false });
    expect(q1.counts.SUCCEEDED).toEqual({ n: 3, more: false });
    expect(q1.front.map((f) => f.jobId)).toEqual(['q1-RUNNABLE-0', 'q1-RUNNABLE-1']);
    expect(q1.front[0]!.jobName).toBe('job-q1-RUNNABLE-0');
    expect(q1.blockedReason).toMatch(/^CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY/);
    expect(m.snapshot().rows.find((r) => r.name === 'q2')!.blockedReason).toBeUndefined();
  });

  it('makes at most queues × states + queues + 1 calls per refresh, and fewer with states toggled off', async () => {
    const b = world3();
    const m = new QueuesModel(env(b, new FakeTimers()));
    await m.refresh();
    expect(b.count()).toBeLessThanOrEqual(3 * 7 + 3 + 1);
    expect(b.count('describeJobs')).toBe(0);
    b.reset();
    m.setStates(new Set<JobStatus>(['RUNNING']));
    await m.refresh();
    // RUNNING, plus RUNNABLE (always listed for the blocked reason), plus the snapshot, per queue.
    expect(b.count('listJobs')).toBe(6);
    expect(b.count()).toBe(3 * 3 + 1);
    expect(m.snapshot().rows[0]!.counts).toEqual({ RUNNING: { n: 3, more: false } });
  });

  it('still counts when GetJobQueueSnapshot is not there (moto), but not when throttled', async () => {
    const b = world3();
    const snap = b.batch.getJobQueueSnapshot;
    (b.batch as { getJobQueueSnapshot: unknown }).getJobQueueSnapshot = async () => {
      throw new AwsShapedError('InvalidAction', 'GetJobQueueSnapshot is not implemented', 400);
    };
    const m = new QueuesModel(env(b, new FakeTimers()));
    await m.refresh();
    expect(m.snapshot().error).toBeUndefined();
    expect(m.snapshot().rows[0]).toMatchObject({ counts: { RUNNING: { n: 3 } }, front: [], snapshotError: expect.stringContaining('not implemented') });
    // moto's real answer: an HTML 404 the SDK cannot parse, tagged by the AWS backend.
    (b.batch as { getJobQueueSnapshot: unknown }).getJobQueueSnapshot = async () => {
      const err = Object.assign(new SyntaxError(`Unexpected token '<', "<!doctype "... is not valid JSON\n  Deserialization error: …`), {
        $response: { statusCode: 404, headers: { 'content-type': 'text/html' } },
        $metadata: { httpStatusCode: 404 },
      });
      tagAwsCall(err, { service: 'batch', operation: 'GetJobQueueSnapshot', endpoint: 'http://127.0.0.1:5000' });
      throw err;
    };
    await m.refresh();
    expect(m.snapshot().error).toBeUndefined();
    expect(m.snapshot().rows[0]!.snapshotError).toBe(
      'the endpoint http://127.0.0.1:5000 does not implement batch:GetJobQueueSnapshot (HTTP 404): it is not AWS, or an older version of the API',
    );
    (b.batch as { getJobQueueSnapshot: unknown }).getJobQueueSnapshot = async () => {
      throw new AwsShapedError('TooManyRequestsException', 'slow down', 429);
    };
    await m.refresh();
    expect(m.snapshot().error).toMatch(/TooManyRequests/);
    (b.batch as { getJobQueueSnapshot: unknown }).getJobQueueSnapshot = snap;
  });

  it('shows `more` when a state has more than one page', async () => {
    const b = fakeBackend({ queues: [queue('big')] });
    for (let i = 0; i < 1001; i++) b.world.jobs.push(job(`j${i}`, 'big', 'RUNNABLE'));
    const m = new QueuesModel(env(b, new FakeTimers()));
    await m.refresh();
    expect(m.snapshot().rows[0]!.counts.RUNNABLE).toEqual({ n: 1000, more: true });
  });

  it('backs off when throttled', async () => {
    const b = world3();
    const timers = new FakeTimers();
    const m = new QueuesModel(env(b, timers));
    m.start();
    b.failNext(new AwsShapedError('TooManyRequestsException', 'Rate exceeded', 429));
    await timers.advance(FIRST_TICK_MS);
    expect(m.snapshot().error).toMatch(/TooManyRequestsException/);
    expect(timers.delays()[0]).toBe(8000);
    m.stop();
  });
});

describe('JobsModel', () => {
  function jobsWorld(n: number): FakeBackend {
    const b = fakeBackend({ queues: [queue('q1')] });
    for (let i = 0; i < n; i++) b.world.jobs.push(job(`j${i}`, 'q1', STATES[i % 7]!, { createdAt: i }));
    return b;
  }

  it('merges one ListJobs per state, de-duplicated', async () => {
    const b = jobsWorld(70);
    const m = new JobsModel(env(b, new FakeTimers()), { queue: 'q1' });
    await m.refresh();
    expect(m.snapshot().rows).toHaveLength(70);
    expect(b.count('listJobs')).toBe(7);
    expect(b.count('describeJobs')).toBe(0); // nothing on screen yet
  });

  it('describes only the jobs on screen, and terminal ones only once', async () => {
    const b = jobsWorld(500);
    const timers = new FakeTimers();
    const m = new JobsModel(env(b, timers), { queue: 'q1' });
    m.start();
    await timers.advance(FIRST_TICK_MS);
    const onScreen = ['j5', 'j6', 'j4']; // SUCCEEDED, FAILED, RUNNING
    m.setVisible(onScreen);
    await timers.advance(200);
    expect(b.calls.filter((c) => c.op === 'describeJobs').map((c) => (c.input as { jobs: string[] }).jobs)).toEqual([onScreen]);
    expect(m.snapshot().rows.find((r) => r.summary.jobId === 'j5')!.detail).toBeDefined();
    expect(m.snapshot().rows.find((r) => r.summary.jobId === 'j0')!.detail).toBeUndefined();
    b.reset();
    await timers.advance(2000);
    // Next refresh: 7 ListJobs, and DescribeJobs for the one still active on screen.
    expect(b.count('listJobs')).toBe(7);
    expect(b.calls.filter((c) => c.op === 'describeJobs').map((c) => (c.input as { jobs: string[] }).jobs)).toEqual([['j4']]);
    expect(b.count()).toBeLessThanOrEqual(1 * 7 + 1 + 1);
    m.stop();
  });

  it('lists the children of an array job', async () => {
    const b = fakeBackend({ queues: [queue('q1')] });
    b.world.jobs.push(job('arr', 'q1', 'PENDING', { arrayProperties: { size: 3, statusSummary: { SUCCEEDED: 1, RUNNING: 2 } } }));
    b.world.jobs.push(job('arr:0', 'q1', 'SUCCEEDED', { arrayProperties: { index: 0 } }), job('arr:1', 'q1', 'RUNNING', { arrayProperties: { index: 1 } }), job('arr:2', 'q1', 'RUNNING', { arrayProperties: { index: 2 } }));
    const m = new JobsModel(env(b, new FakeTimers()), { arrayJobId: 'arr' });
    await m.refresh();
    expect(m.snapshot().rows.map((r) => r.summary.jobId).sort()).toEqual(['arr:0', 'arr:1', 'arr:2']);
  });
});

describe('LogsModel', () => {
  it('waits for a stream, then follows it page by page, and stops calling once a finished job is read', async () => {
    const b = fakeBackend({ queues: [queue('q1')] });
    const j = job('j1', 'q1', 'RUNNABLE');
    b.world.jobs.push(j);
    const m = new LogsModel(env(b, new FakeTimers()), 'j1');
    await m.refresh();
    expect(m.snapshot().extra.note).toMatch(/no log stream yet: the job is RUNNABLE/);
    Object.assign(j, { status: 'RUNNING', container: { logStreamName: 'jd/default/t1' } });
    b.world.logs['jd/default/t1'] = [{ timestamp: 1, message: 'hello' }];
    await m.refresh();
    expect(m.snapshot().rows.map((l) => l.message)).toEqual(['hello']);
    b.world.logs['jd/default/t1']!.push({ timestamp: 2, message: 'world' });
    await m.refresh();
    expect(m.snapshot().rows.map((l) => l.message)).toEqual(['hello', 'world']);
    Object.assign(j, { status: 'SUCCEEDED' });
    await m.refresh();
    b.reset();
    await m.refresh();
    expect(b.count()).toBe(0);
  });

  it('marks a new attempt\'s stream', async () => {
    const b = fakeBackend({ queues: [queue('q1')] });
    const j = job('j1', 'q1', 'RUNNING', { container: { logStreamName: 's1' } });
    b.world.jobs.push(j);
    b.world.logs.s1 = [{ timestamp: 1, message: 'first try' }];
    b.world.logs.s2 = [{ timestamp: 2, message: 'second try' }];
    const m = new LogsModel(env(b, new FakeTimers()), 'j1');
    await m.refresh();
    Object.assign(j, { attempts: [{ container: { logStreamName: 's1' } }], container: { logStreamName: 's2' } });
    await m.refresh();
    expect(m.snapshot().rows.map((l) => l.message)).toEqual(['first try', expect.stringContaining('s2'), 'second try']);
  });
});

describe('CeModel', () => {
  it('shows desired vCPUs as in use for EC2, and the queue snapshot for Fargate', async () => {
    const b = fakeBackend({
      queues: [queue('q1', { computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'arn:f' }] })],
      ces: [
        { computeEnvironmentName: 'ec2', computeEnvironmentArn: 'arn:e', type: 'MANAGED', state: 'ENABLED', status: 'VALID', computeResources: { type: 'EC2', minvCpus: 0, desiredvCpus: 8, maxvCpus: 16, subnets: [], instanceRole: 'r', instanceTypes: ['optimal'] } },
        { computeEnvironmentName: 'far', computeEnvironmentArn: 'arn:f', type: 'MANAGED', state: 'ENABLED', status: 'VALID', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: [] } },
      ],
    });
    const m = new CeModel(env(b, new FakeTimers()));
    await m.refresh();
    const rows = m.snapshot().rows;
    expect(rows.find((r) => r.name === 'ec2')!.inUse).toBe(8);
    expect(rows.find((r) => r.name === 'far')!.queues).toEqual(['q1']);
    expect(b.count()).toBe(3);
  });
});

describe('API meter', () => {
  it('counts the calls of the last minute, per service', async () => {
    let now = 0;
    const b = countCalls(world3(), () => now);
    await b.batch.describeJobQueues({});
    now = 30_000;
    await b.batch.describeJobQueues({});
    expect(b.callsLastMinute()).toEqual({ batch: 2 });
    now = 61_000;
    expect(b.callsLastMinute()).toEqual({ batch: 1 });
    const meter = new ApiMeter(b, new FakeTimers());
    meter.sample();
    expect(meter.snapshot()).toMatchObject({ total: 1, batch: 1, budget: 3000 });
  });

  it('wraps frozen facets (the AWS backend freezes them)', async () => {
    const frozen = world3();
    const batch = Object.freeze({ describeJobQueues: frozen.batch.describeJobQueues });
    const b = countCalls({ ...frozen, batch } as never);
    await b.batch.describeJobQueues({});
    expect(b.callsLastMinute()).toEqual({ batch: 1 });
  });
});
