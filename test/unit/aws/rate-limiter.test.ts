import { describe, expect, it } from 'vitest';
import { ApiRateLimiter, DEFAULT_LIMITS, TokenBucket, type LimiterClock } from '../../../src/backend/aws/rate-limiter.js';

/** A manual clock: sleep() advances time instantly and records how long each caller slept. */
function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const clock: LimiterClock & { advance(ms: number): void; sleeps: number[] } = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
  return clock;
}

describe('TokenBucket', () => {
  it('lets a full burst through, then spaces calls at 1/rate', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 50, burst: 50 }, clock);
    const waits = Array.from({ length: 52 }, () => bucket.reserve());
    expect(waits.slice(0, 50).every((w) => w === 0)).toBe(true);
    expect(waits[50]).toBe(20); // 51st call: one token at 50/s = 20 ms
    expect(waits[51]).toBe(40); // reservations queue up in order
  });

  it('refills with time, never above the burst', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 5, burst: 5 }, clock);
    for (let i = 0; i < 5; i++) expect(bucket.reserve()).toBe(0);
    expect(bucket.available()).toBeCloseTo(0);
    clock.advance(200); // 5/s -> one token per 200 ms
    expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(200);
    clock.advance(60_000);
    expect(bucket.available()).toBe(5);
  });

  it('100 calls at 5/s take about 19 s after the burst of 5', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ rate: 5, burst: 5 }, clock);
    let last = 0;
    for (let i = 0; i < 100; i++) last = bucket.reserve();
    expect(last).toBe(19_000); // (100 - 5) / 5 s
  });

  it('rejects nonsense limits', () => {
    expect(() => new TokenBucket({ rate: 0, burst: 1 }, fakeClock())).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: 1, burst: 0 }, fakeClock())).toThrow(RangeError);
  });
});

describe('ApiRateLimiter', () => {
  it('uses per-operation buckets for CloudWatch Logs and one bucket for all of Batch', () => {
    const limiter = new ApiRateLimiter(DEFAULT_LIMITS, fakeClock());
    expect(limiter.bucketFor('logs', 'FilterLogEvents').limit).toEqual({ rate: 5, burst: 5 });
    expect(limiter.bucketFor('logs', 'GetLogEvents').limit).toEqual({ rate: 25, burst: 25 });
    expect(limiter.bucketFor('logs', 'FilterLogEvents')).not.toBe(limiter.bucketFor('logs', 'GetLogEvents'));
    expect(limiter.bucketFor('batch', 'DescribeJobs')).toBe(limiter.bucketFor('batch', 'SubmitJob'));
    expect(limiter.bucketFor('batch', 'SubmitJob').limit).toEqual({ rate: 50, burst: 50 });
    expect(limiter.bucketFor('iam', 'GetRole').limit.rate).toBe(20);
    expect(limiter.bucketFor('ec2', 'DescribeSubnets').limit.rate).toBe(20);
  });

  it('sleeps for the reserved time, so the 6th FilterLogEvents in a second waits 200 ms and GetLogEvents does not', async () => {
    const clock = fakeClock();
    const limiter = new ApiRateLimiter(DEFAULT_LIMITS, clock);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(await limiter.acquire('logs', 'FilterLogEvents'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 200]);
    expect(clock.sleeps).toEqual([200]);
    expect(await limiter.acquire('logs', 'GetLogEvents')).toBe(0);
  });

  it('counts calls per service over a sliding minute', async () => {
    const clock = fakeClock();
    const limiter = new ApiRateLimiter(DEFAULT_LIMITS, clock);
    for (let i = 0; i < 10; i++) await limiter.acquire('batch', 'DescribeJobs');
    clock.advance(30_000);
    for (let i = 0; i < 3; i++) await limiter.acquire('batch', 'ListJobs');
    await limiter.acquire('iam', 'GetRole');
    expect(limiter.callsInLastMinute('batch')).toBe(13);
    expect(limiter.snapshot()).toEqual({ batch: 13, logs: 0, iam: 1, ec2: 0, eks: 0 });
    clock.advance(30_001); // the first ten are now older than 60 s
    expect(limiter.callsInLastMinute('batch')).toBe(3);
    clock.advance(60_000);
    expect(limiter.snapshot()).toEqual({ batch: 0, logs: 0, iam: 0, ec2: 0, eks: 0 });
  });

  it('keeps memory bounded while counting many calls', async () => {
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ ...DEFAULT_LIMITS, batch: { default: { rate: 1e6, burst: 1e6 } } }, clock);
    for (let i = 0; i < 10_000; i++) {
      await limiter.acquire('batch', 'DescribeJobs');
      clock.advance(10); // 100 calls/s
    }
    // calls at now-10, now-20, ... now-59_990 (the one at exactly now-60_000 has left the window)
    expect(limiter.callsInLastMinute('batch')).toBe(5_999);
    const log = (limiter as unknown as { calls: Map<string, { times: number[] }> }).calls.get('batch')!;
    expect(log.times.length).toBeLessThanOrEqual(5_999 + 1_024);
  });
});
