import { describe, expect, it } from 'vitest';
import {
  ARRAY_PARENT_STATUSES,
  IllegalTransitionError,
  JOB_STATUSES,
  assertTransition,
  canTransition,
  compareProgress,
  dedupeByMostAdvanced,
  isActive,
  isJobStatus,
  isTerminal,
  nextStatuses,
  statusRank,
} from '../../../src/domain/jobs/status.js';

describe('job status order and predicates', () => {
  it('lists the seven statuses in lifecycle order', () => {
    expect(JOB_STATUSES).toEqual(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
    expect(ARRAY_PARENT_STATUSES).toEqual(['SUBMITTED', 'PENDING', 'SUCCEEDED', 'FAILED']);
  });

  it('terminal is exactly SUCCEEDED and FAILED; everything else is active', () => {
    for (const s of JOB_STATUSES) expect(isTerminal(s)).toBe(s === 'SUCCEEDED' || s === 'FAILED');
    for (const s of JOB_STATUSES) expect(isActive(s)).toBe(!isTerminal(s));
  });

  it('recognises status strings', () => {
    expect(isJobStatus('RUNNABLE')).toBe(true);
    expect(isJobStatus('running')).toBe(false);
    expect(isJobStatus('SCHEDULED')).toBe(false);
    expect(isJobStatus(3)).toBe(false);
  });

  it('ranks statuses by progress with both terminal states last', () => {
    expect(statusRank('SUBMITTED')).toBeLessThan(statusRank('PENDING'));
    expect(statusRank('RUNNING')).toBeLessThan(statusRank('SUCCEEDED'));
    expect(statusRank('SUCCEEDED')).toBe(statusRank('FAILED'));
    expect(compareProgress('RUNNABLE', 'RUNNING')).toBeLessThan(0);
    expect(compareProgress('FAILED', 'STARTING')).toBeGreaterThan(0);
  });
});

describe('dedupeByMostAdvanced', () => {
  it('keeps the most advanced observation per job and first-seen order', () => {
    const out = dedupeByMostAdvanced([
      { jobId: 'a', status: 'RUNNABLE' as const, n: 1 },
      { jobId: 'b', status: 'RUNNING' as const, n: 2 },
      { jobId: 'a', status: 'RUNNING' as const, n: 3 },
      { jobId: 'b', status: 'STARTING' as const, n: 4 },
      { jobId: 'c', status: 'SUCCEEDED' as const, n: 5 },
    ]);
    expect(out.map((x) => [x.jobId, x.status])).toEqual([
      ['a', 'RUNNING'],
      ['b', 'RUNNING'],
      ['c', 'SUCCEEDED'],
    ]);
  });

  it('lets the later call win a tie (e.g. the same status twice)', () => {
    const out = dedupeByMostAdvanced([
      { jobId: 'a', status: 'RUNNING' as const, n: 1 },
      { jobId: 'a', status: 'RUNNING' as const, n: 2 },
    ]);
    expect(out).toEqual([{ jobId: 'a', status: 'RUNNING', n: 2 }]);
  });
});

describe('transitions (spec/05 §1.2)', () => {
  const legal: Array<[string | undefined, string]> = [
    [undefined, 'SUBMITTED'],
    ['SUBMITTED', 'PENDING'],
    ['SUBMITTED', 'RUNNABLE'],
    ['SUBMITTED', 'FAILED'],
    ['PENDING', 'RUNNABLE'],
    ['PENDING', 'FAILED'],
    ['RUNNABLE', 'STARTING'],
    ['RUNNABLE', 'FAILED'],
    ['STARTING', 'RUNNING'],
    ['STARTING', 'FAILED'],
    ['STARTING', 'RUNNABLE'],
    ['RUNNING', 'SUCCEEDED'],
    ['RUNNING', 'FAILED'],
    ['RUNNING', 'RUNNABLE'],
  ];
  it.each(legal)('%s -> %s is allowed', (from, to) => {
    expect(canTransition(from as never, to as never)).toBe(true);
    expect(() => assertTransition(from as never, to as never)).not.toThrow();
  });

  const illegal: Array<[string | undefined, string]> = [
    [undefined, 'RUNNABLE'],
    ['SUBMITTED', 'STARTING'],
    ['SUBMITTED', 'SUCCEEDED'],
    ['PENDING', 'STARTING'],
    ['PENDING', 'SUBMITTED'],
    ['RUNNABLE', 'RUNNING'],
    ['RUNNABLE', 'PENDING'],
    ['RUNNABLE', 'SUCCEEDED'],
    ['STARTING', 'SUCCEEDED'],
    ['RUNNING', 'STARTING'],
    ['SUCCEEDED', 'FAILED'],
    ['FAILED', 'RUNNABLE'],
    ['RUNNING', 'RUNNING'],
  ];
  it.each(illegal)('%s -> %s throws', (from, to) => {
    expect(canTransition(from as never, to as never)).toBe(false);
    expect(() => assertTransition(from as never, to as never, 'job', 'j-1')).toThrow(IllegalTransitionError);
  });

  it('names the job and the allowed targets in the error', () => {
    expect(() => assertTransition('SUCCEEDED', 'RUNNING', 'job', 'abc')).toThrow(
      'illegal transition SUCCEEDED -> RUNNING for job abc; allowed: none (terminal)',
    );
    expect(() => assertTransition('RUNNABLE', 'RUNNING')).toThrow('allowed: STARTING, FAILED');
  });

  it('array parents only move SUBMITTED -> PENDING -> SUCCEEDED|FAILED (or are cancelled from SUBMITTED)', () => {
    expect(nextStatuses('SUBMITTED', 'arrayParent')).toEqual(['PENDING', 'FAILED']);
    expect(canTransition('PENDING', 'SUCCEEDED', 'arrayParent')).toBe(true);
    expect(canTransition('PENDING', 'FAILED', 'arrayParent')).toBe(true);
    expect(canTransition('SUBMITTED', 'RUNNABLE', 'arrayParent')).toBe(false);
    expect(canTransition('PENDING', 'RUNNABLE', 'arrayParent')).toBe(false);
    expect(canTransition('SUBMITTED', 'SUCCEEDED', 'arrayParent')).toBe(false);
    expect(() => assertTransition('PENDING', 'RUNNING', 'arrayParent')).toThrow('illegal array parent transition');
  });
});
