import type { FairsharePolicy } from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import {
  type QueuedJob,
  type ShareUsage,
  accrueHistory,
  accrueUsage,
  computeEnvironmentOrder,
  fairShareOrder,
  fifoOrder,
  frontOfQueue,
  isUsableCe,
  queueDispatchOrder,
  queuesForCe,
  reservationAllows,
  reservedVcpus,
  shareKey,
  shareScore,
  shareWeight,
  walkQueue,
} from '../../../src/domain/scheduling/order.js';

const q = (jobQueueName: string, priority: number, ces: string[], over: Record<string, unknown> = {}) => ({
  jobQueueName,
  priority,
  state: 'ENABLED',
  status: 'VALID',
  computeEnvironmentOrder: ces.map((computeEnvironment, k) => ({ computeEnvironment, order: k + 1 })),
  ...over,
});

describe('queue and CE order', () => {
  it('higher priority first; ties by createdAt then name; disabled or invalid queues dropped', () => {
    const order = queueDispatchOrder([
      q('low', 1, ['ce']),
      q('high', 10, ['ce']),
      q('tie-b', 5, ['ce'], { createdAt: 2 }),
      q('tie-a', 5, ['ce'], { createdAt: 2 }),
      q('tie-old', 5, ['ce'], { createdAt: 1 }),
      q('off', 100, ['ce'], { state: 'DISABLED' }),
      q('bad', 100, ['ce'], { status: 'INVALID' }),
    ]);
    expect(order.map((x) => x.jobQueueName)).toEqual(['high', 'tie-old', 'tie-a', 'tie-b', 'low']);
  });

  it('lists the queues sharing a CE in the order they get it', () => {
    const queues = [q('a', 1, ['ce1']), q('b', 9, ['ce2', 'ce1']), q('c', 5, ['ce2'])];
    expect(queuesForCe('ce1', queues).map((x) => x.jobQueueName)).toEqual(['b', 'a']);
  });

  it('CEs are tried in ascending order, ties by position', () => {
    expect(
      computeEnvironmentOrder({
        computeEnvironmentOrder: [
          { computeEnvironment: 'third', order: 3 },
          { computeEnvironment: 'first', order: 1 },
          { computeEnvironment: 'second-a', order: 2 },
          { computeEnvironment: 'second-b', order: 2 },
        ],
      }),
    ).toEqual(['first', 'second-a', 'second-b', 'third']);
  });

  it('only ENABLED and VALID/UPDATING CEs take jobs', () => {
    expect(isUsableCe({ state: 'ENABLED', status: 'VALID' })).toBe(true);
    expect(isUsableCe({ state: 'ENABLED', status: 'UPDATING' })).toBe(true);
    expect(isUsableCe({ state: 'DISABLED', status: 'VALID' })).toBe(false);
    expect(isUsableCe({ state: 'ENABLED', status: 'INVALID' })).toBe(false);
    expect(isUsableCe({ state: 'ENABLED', status: 'CREATING' })).toBe(false);
  });
});

describe('FIFO', () => {
  it('orders by createdAt, ties by jobId', () => {
    const jobs = [
      { jobId: 'c', createdAt: 3 },
      { jobId: 'b', createdAt: 1 },
      { jobId: 'a', createdAt: 1 },
    ];
    expect(fifoOrder(jobs).map((j) => j.jobId)).toEqual(['a', 'b', 'c']);
  });

  it('puts retried jobs at the front, earliest requeue first', () => {
    const jobs = [
      { jobId: 'old', createdAt: 1 },
      { jobId: 'retry2', createdAt: 50, requeuedAt: 200 },
      { jobId: 'retry1', createdAt: 60, requeuedAt: 100 },
      { jobId: 'new', createdAt: 99 },
    ];
    expect(fifoOrder(jobs).map((j) => j.jobId)).toEqual(['retry1', 'retry2', 'old', 'new']);
  });
});

describe('fair share', () => {
  const policy: FairsharePolicy = {
    shareDecaySeconds: 0,
    shareDistribution: [
      { shareIdentifier: 'A', weightFactor: 1 },
      { shareIdentifier: 'B', weightFactor: 0.5 },
      { shareIdentifier: 'team*', weightFactor: 0.25 },
    ],
  };

  it('pools identifiers under a prefix entry and defaults unknown shares to weight 1', () => {
    expect(shareKey('team1', policy)).toBe('team*');
    expect(shareKey('teamX', policy)).toBe('team*');
    expect(shareKey('A', policy)).toBe('A');
    expect(shareKey('other', policy)).toBe('other');
    expect(shareWeight('team*', policy)).toBe(0.25);
    expect(shareWeight('other', policy)).toBe(1);
    expect(shareWeight('x', undefined)).toBe(1);
  });

  it('the lowest usage x weight goes first', () => {
    const jobs = [
      { jobId: 'a1', createdAt: 1, shareIdentifier: 'A', vcpus: 1 },
      { jobId: 'b1', createdAt: 2, shareIdentifier: 'B', vcpus: 1 },
    ];
    const usage = new Map<string, ShareUsage>([
      ['A', { current: 4, history: 0 }],
      ['B', { current: 6, history: 0 }],
    ]);
    // A: 1 x 4 = 4; B: 0.5 x 6 = 3.
    expect(fairShareOrder(jobs, usage, policy).map((j) => j.jobId)).toEqual(['b1', 'a1']);
  });

  it('within a share, higher schedulingPriority first, then FIFO', () => {
    const jobs = [
      { jobId: 'low', createdAt: 1, shareIdentifier: 'A', schedulingPriority: 1 },
      { jobId: 'high', createdAt: 5, shareIdentifier: 'A', schedulingPriority: 9 },
      { jobId: 'high-later', createdAt: 6, shareIdentifier: 'A', schedulingPriority: 9 },
    ];
    expect(fairShareOrder(jobs, new Map(), policy).map((j) => j.jobId)).toEqual(['high', 'high-later', 'low']);
  });

  it('ties between shares go to the earliest head job', () => {
    const jobs = [
      { jobId: 'x', createdAt: 5, shareIdentifier: 'X' },
      { jobId: 'y', createdAt: 3, shareIdentifier: 'Y' },
    ];
    expect(fairShareOrder(jobs, new Map(), undefined).map((j) => j.jobId)).toEqual(['y', 'x']);
  });

  it('weights 1 and 0.5 split dispatches 1:2 (no decay, provisional usage)', () => {
    const jobs: QueuedJob[] = [];
    for (let k = 0; k < 300; k++) {
      jobs.push({ jobId: `a${k}`, createdAt: k, shareIdentifier: 'A', vcpus: 1 });
      jobs.push({ jobId: `b${k}`, createdAt: k, shareIdentifier: 'B', vcpus: 1 });
    }
    const first = fairShareOrder(jobs, new Map(), policy).slice(0, 90);
    const a = first.filter((j) => j.shareIdentifier === 'A').length;
    const b = first.filter((j) => j.shareIdentifier === 'B').length;
    expect(a + b).toBe(90);
    expect(Math.abs(b - 2 * a)).toBeLessThanOrEqual(2);
  });

  it('weights 1 and 0.5 converge to a 1:2 split of dispatches over time with decay and finishing jobs', () => {
    const decayPolicy: FairsharePolicy = { ...policy, shareDecaySeconds: 3600 };
    const capacity = 12;
    const tickMs = 10_000;
    const runMs = 60_000;
    let usage = new Map<string, ShareUsage>([
      ['A', { current: 0, history: 0 }],
      ['B', { current: 0, history: 0 }],
    ]);
    const running: Array<{ share: string; end: number }> = [];
    const backlog: QueuedJob[] = [];
    const dispatched = { A: 0, B: 0 } as Record<string, number>;
    let seq = 0;
    for (let t = 0; t < 6 * 3600_000; t += tickMs) {
      usage = accrueUsage(usage, tickMs, 3600);
      for (let k = running.length - 1; k >= 0; k--) {
        if (running[k]!.end <= t) {
          usage.get(running[k]!.share)!.current -= 1;
          running.splice(k, 1);
        }
      }
      // Both shares always have a backlog.
      while (backlog.filter((j) => j.shareIdentifier === 'A').length < 20) backlog.push({ jobId: `j${seq}`, createdAt: seq++, shareIdentifier: 'A', vcpus: 1 });
      while (backlog.filter((j) => j.shareIdentifier === 'B').length < 20) backlog.push({ jobId: `j${seq}`, createdAt: seq++, shareIdentifier: 'B', vcpus: 1 });
      const free = capacity - running.length;
      const picks = fairShareOrder(backlog, usage, decayPolicy).slice(0, free);
      for (const p of picks) {
        backlog.splice(backlog.indexOf(p), 1);
        usage.get(p.shareIdentifier!)!.current += 1;
        running.push({ share: p.shareIdentifier!, end: t + runMs });
        dispatched[p.shareIdentifier!]! += 1;
      }
    }
    const ratio = dispatched.B! / dispatched.A!;
    expect(ratio).toBeGreaterThan(1.85);
    expect(ratio).toBeLessThan(2.15);
  });

  it('decayed history: exact exponential window; 0 keeps no history', () => {
    expect(accrueHistory(0, 2, 3600_000, 3600)).toBeCloseTo(2 * 3600 * (1 - Math.exp(-1)));
    expect(accrueHistory(100, 0, 3600_000, 3600)).toBeCloseTo(100 * Math.exp(-1));
    expect(accrueHistory(100, 5, 1000, 0)).toBe(0);
    // Long steady use: history/window -> vCPUs in use.
    expect(accrueHistory(0, 4, 100 * 3600_000, 3600) / 3600).toBeCloseTo(4);
    expect(shareScore({ current: 2, history: 3600 }, 0.5, 3600)).toBe(1.5);
    expect(shareScore({ current: 2, history: 3600 }, 0.5, 0)).toBe(1);
  });

  it('computeReservation holds back (cr/100)^activeShares of maxvCpus', () => {
    expect(reservedVcpus(50, 1, 100)).toBe(50);
    expect(reservedVcpus(50, 2, 100)).toBe(25);
    expect(reservedVcpus(50, 3, 100)).toBe(12.5);
    expect(reservedVcpus(25, 2, 100)).toBe(6.25);
    expect(reservedVcpus(undefined, 2, 100)).toBe(0);
    const base = { computeReservation: 50, activeShares: 1, maxVcpus: 100, jobVcpus: 10 };
    expect(reservationAllows({ ...base, usedVcpus: 40, shareRunning: true })).toBe(true);
    expect(reservationAllows({ ...base, usedVcpus: 41, shareRunning: true })).toBe(false);
    // A share with nothing running may use the reserve.
    expect(reservationAllows({ ...base, usedVcpus: 80, shareRunning: false })).toBe(true);
  });
});

describe('walkQueue (head of line)', () => {
  const outcome: Record<string, 'STARTED' | 'WAITING' | 'BLOCKED'> = { a: 'STARTED', b: 'WAITING', c: 'STARTED', d: 'BLOCKED', e: 'STARTED' };
  it('strict: stops at the first job that does not start', () => {
    expect(walkQueue(['a', 'b', 'c', 'd', 'e'], (j) => outcome[j]!)).toEqual({ started: ['a'], head: 'b' });
  });
  it('backfill: skips waiting jobs, stops at a blocked one', () => {
    expect(walkQueue(['a', 'b', 'c', 'd', 'e'], (j) => outcome[j]!, 'backfill')).toEqual({ started: ['a', 'c'], head: 'b' });
  });
  it('cancelling the blocked head lets the next job through', () => {
    expect(walkQueue(['d', 'e'], (j) => outcome[j]!, 'backfill')).toEqual({ started: [], head: 'd' });
    expect(walkQueue(['e'], (j) => outcome[j]!, 'backfill')).toEqual({ started: ['e'], head: undefined });
  });
});

describe('frontOfQueue', () => {
  it('returns the first 100 jobs with the time they reached their position', () => {
    const jobs = Array.from({ length: 150 }, (_, k) => ({ jobArn: `arn:${k}`, createdAt: k, positionSince: k === 0 ? 999 : undefined }));
    const front = frontOfQueue(jobs);
    expect(front).toHaveLength(100);
    expect(front[0]).toEqual({ jobArn: 'arn:0', earliestTimeAtPosition: 999 });
    expect(front[99]).toEqual({ jobArn: 'arn:99', earliestTimeAtPosition: 99 });
  });
});
