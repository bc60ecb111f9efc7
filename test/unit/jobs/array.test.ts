import type { JobStatus } from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { arrayParentStatus, emptyStatusSummary, statusSummary, summaryTotal } from '../../../src/domain/jobs/array.js';

const sum = (...s: JobStatus[]) => statusSummary(s);

describe('statusSummary', () => {
  it('always has all seven keys in lifecycle order, zeros included', () => {
    expect(emptyStatusSummary()).toEqual({ SUBMITTED: 0, PENDING: 0, RUNNABLE: 0, STARTING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0 });
    expect(Object.keys(sum('RUNNING'))).toEqual(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
  });

  it('counts children (the spec example)', () => {
    const s = sum('RUNNABLE', 'RUNNABLE', 'RUNNING', 'RUNNING', 'RUNNING', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED');
    expect(s).toEqual({ SUBMITTED: 0, PENDING: 0, RUNNABLE: 2, STARTING: 0, RUNNING: 3, SUCCEEDED: 5, FAILED: 0 });
    expect(summaryTotal(s)).toBe(10);
  });
});

describe('arrayParentStatus', () => {
  it('stays SUBMITTED while children are all SUBMITTED/PENDING', () => {
    expect(arrayParentStatus(sum('PENDING', 'PENDING'), 'SUBMITTED', 2)).toBe('SUBMITTED');
  });

  it('goes PENDING when any child is RUNNABLE, and stays PENDING while children run', () => {
    expect(arrayParentStatus(sum('RUNNABLE', 'PENDING'), 'SUBMITTED', 2)).toBe('PENDING');
    expect(arrayParentStatus(sum('RUNNING', 'STARTING'), 'PENDING', 2)).toBe('PENDING');
    // Never back to SUBMITTED, e.g. after a retry puts every child back to RUNNABLE or a late child is PENDING.
    expect(arrayParentStatus(sum('PENDING', 'PENDING'), 'PENDING', 2)).toBe('PENDING');
  });

  it('is SUCCEEDED iff every child succeeded', () => {
    expect(arrayParentStatus(sum('SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'), 'PENDING', 3)).toBe('SUCCEEDED');
  });

  it('waits for all children to be terminal before FAILED, even when one already failed', () => {
    expect(arrayParentStatus(sum('FAILED', 'RUNNING', 'SUCCEEDED'), 'PENDING', 3)).toBe('PENDING');
    expect(arrayParentStatus(sum('FAILED', 'SUCCEEDED', 'SUCCEEDED'), 'PENDING', 3)).toBe('FAILED');
  });

  it('is not done before every child exists', () => {
    expect(arrayParentStatus(sum('SUCCEEDED', 'SUCCEEDED'), 'PENDING', 3)).toBe('PENDING');
  });

  it('a terminal parent stays terminal', () => {
    expect(arrayParentStatus(sum('RUNNING'), 'FAILED', 1)).toBe('FAILED');
    expect(arrayParentStatus(sum('FAILED'), 'SUCCEEDED', 1)).toBe('SUCCEEDED');
  });

  it('only ever returns parent statuses', () => {
    const all: JobStatus[] = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];
    for (const child of all) for (const cur of all) {
      expect(['SUBMITTED', 'PENDING', 'SUCCEEDED', 'FAILED']).toContain(arrayParentStatus(sum(child, 'PENDING'), cur, 2));
    }
  });
});
