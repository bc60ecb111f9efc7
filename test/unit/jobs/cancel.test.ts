import { describe, expect, it } from 'vitest';
import { stopEffect, stopFlag } from '../../../src/domain/jobs/cancel.js';

describe('cancel vs terminate', () => {
  it.each([
    ['SUBMITTED', 'FAIL_NOW', 'FAIL_NOW'],
    ['PENDING', 'FAIL_WHEN_DEPENDENCIES_SETTLE', 'FAIL_WHEN_DEPENDENCIES_SETTLE'],
    ['RUNNABLE', 'FAIL_NOW', 'FAIL_NOW'],
    ['STARTING', 'NO_EFFECT', 'KILL'],
    ['RUNNING', 'NO_EFFECT', 'KILL'],
    ['SUCCEEDED', 'NO_EFFECT', 'NO_EFFECT'],
    ['FAILED', 'NO_EFFECT', 'NO_EFFECT'],
  ] as const)('%s: cancel -> %s, terminate -> %s', (status, cancel, terminate) => {
    expect(stopEffect(status, 'cancel')).toBe(cancel);
    expect(stopEffect(status, 'terminate')).toBe(terminate);
  });

  it('sets isCancelled or isTerminated only when something happened', () => {
    expect(stopFlag('cancel', 'FAIL_NOW')).toEqual({ isCancelled: true });
    expect(stopFlag('terminate', 'KILL')).toEqual({ isTerminated: true });
    expect(stopFlag('terminate', 'FAIL_NOW')).toEqual({ isTerminated: true });
    expect(stopFlag('cancel', 'NO_EFFECT')).toEqual({});
  });
});
