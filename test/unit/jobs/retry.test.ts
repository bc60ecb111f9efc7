import { describe, expect, it } from 'vitest';
import { evaluateRetry, globMatch, maxAttempts, validateRetryStrategy } from '../../../src/domain/jobs/retry.js';

describe('globMatch', () => {
  it('matches exactly without a star', () => {
    expect(globMatch('AGENT', 'AGENT')).toBe(true);
    expect(globMatch('AGENT', 'AGENTS')).toBe(false);
    expect(globMatch('1', '10')).toBe(false);
  });
  it('treats a trailing star as a prefix', () => {
    expect(globMatch('Host EC2*', 'Host EC2 (instance i-0abc) terminated.')).toBe(true);
    expect(globMatch('1*', '1')).toBe(true);
    expect(globMatch('1*', '137')).toBe(true);
    expect(globMatch('1*', '2')).toBe(false);
  });
  it('a star alone matches anything, including a missing value', () => {
    expect(globMatch('*', 'anything')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('*', undefined)).toBe(true);
    expect(globMatch('', undefined)).toBe(true);
    expect(globMatch('x', undefined)).toBe(false);
  });
  it('is case-sensitive and a star in the middle is literal', () => {
    expect(globMatch('host ec2*', 'Host EC2 x')).toBe(false);
    expect(globMatch('a*b', 'a*b')).toBe(true);
    expect(globMatch('a*b', 'axxb')).toBe(false);
  });
});

describe('evaluateRetry', () => {
  it('defaults to one attempt: a failure exits', () => {
    expect(maxAttempts(undefined)).toBe(1);
    expect(evaluateRetry(undefined, { attempt: 1, exitCode: 1 })).toMatchObject({ action: 'EXIT', why: 'ATTEMPTS_EXHAUSTED' });
  });

  it('retries while attempts remain when no rules are given', () => {
    const s = { attempts: 3 };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 1 })).toMatchObject({ action: 'RETRY', why: 'NO_RULE_MATCHED' });
    expect(evaluateRetry(s, { attempt: 2, exitCode: 1 })).toMatchObject({ action: 'RETRY' });
    expect(evaluateRetry(s, { attempt: 3, exitCode: 1 })).toMatchObject({ action: 'EXIT', why: 'ATTEMPTS_EXHAUSTED' });
  });

  it('the first matching rule wins', () => {
    const s = {
      attempts: 5,
      evaluateOnExit: [
        { action: 'RETRY' as const, onReason: 'AGENT' },
        { action: 'RETRY' as const, onStatusReason: 'Task failed to start' },
        { action: 'EXIT' as const, onReason: '*' },
      ],
    };
    expect(evaluateRetry(s, { attempt: 1, reason: 'AGENT' })).toMatchObject({ action: 'RETRY', ruleIndex: 0 });
    expect(evaluateRetry(s, { attempt: 1, statusReason: 'Task failed to start', reason: 'x' })).toMatchObject({ action: 'RETRY', ruleIndex: 1 });
    expect(evaluateRetry(s, { attempt: 1, exitCode: 2, reason: 'OutOfMemoryError: Container killed due to memory usage' })).toMatchObject({
      action: 'EXIT',
      why: 'RULE_MATCHED',
      ruleIndex: 2,
    });
  });

  it('a star-only catch-all also catches an attempt with no container reason', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'EXIT' as const, onReason: '*' }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 1 })).toMatchObject({ action: 'EXIT', ruleIndex: 0 });
  });

  it('onExitCode 1* matches 1, 10 and 137 but not 2', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'EXIT' as const, onExitCode: '1*' }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 1 }).action).toBe('EXIT');
    expect(evaluateRetry(s, { attempt: 1, exitCode: 137 }).action).toBe('EXIT');
    expect(evaluateRetry(s, { attempt: 1, exitCode: 2 })).toMatchObject({ action: 'RETRY', why: 'NO_RULE_MATCHED' });
  });

  it('an exit-code rule does not match an attempt without an exit code (host lost)', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'EXIT' as const, onExitCode: '1' }] };
    expect(evaluateRetry(s, { attempt: 1, statusReason: 'Host EC2 (instance i-1) terminated.', cause: 'HOST_FAILURE' })).toMatchObject({
      action: 'RETRY',
    });
  });

  it('all specified conditions of an entry must match', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'EXIT' as const, onExitCode: '137', onReason: 'OutOfMemory*' }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 137, reason: 'OutOfMemoryError: x' }).action).toBe('EXIT');
    expect(evaluateRetry(s, { attempt: 1, exitCode: 137, reason: 'other' }).action).toBe('RETRY');
    expect(evaluateRetry(s, { attempt: 1, exitCode: 1, reason: 'OutOfMemoryError: x' }).action).toBe('RETRY');
  });

  it('action is case-insensitive', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'exit' as never, onExitCode: '*' }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 3 }).action).toBe('EXIT');
    const r = { attempts: 3, evaluateOnExit: [{ action: 'Retry' as never, onExitCode: '*' }] };
    expect(evaluateRetry(r, { attempt: 1, exitCode: 3 }).action).toBe('RETRY');
  });

  it('the Spot example: retry on Host EC2*, exit otherwise', () => {
    const s = {
      attempts: 5,
      evaluateOnExit: [
        { action: 'RETRY' as const, onStatusReason: 'Host EC2*' },
        { action: 'EXIT' as const, onReason: '*' },
      ],
    };
    expect(evaluateRetry(s, { attempt: 1, statusReason: 'Host EC2 (instance i-0abc) terminated.' }).action).toBe('RETRY');
    expect(evaluateRetry(s, { attempt: 1, exitCode: 1, statusReason: 'Essential container in task exited' }).action).toBe('EXIT');
  });

  it('an entry without conditions matches every failure (validation flags it)', () => {
    const s = { attempts: 3, evaluateOnExit: [{ action: 'EXIT' as const }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 9 })).toMatchObject({ action: 'EXIT', ruleIndex: 0 });
    expect(validateRetryStrategy(s)).toHaveLength(1);
  });

  it('a matching RETRY rule with no attempts left exits', () => {
    const s = { attempts: 2, evaluateOnExit: [{ action: 'RETRY' as const, onExitCode: '*' }] };
    expect(evaluateRetry(s, { attempt: 2, exitCode: 1 })).toMatchObject({ action: 'EXIT', why: 'ATTEMPTS_EXHAUSTED', ruleIndex: 0 });
  });

  it.each(['TIMEOUT', 'CANCELLED', 'TERMINATED', 'INVALID_DEFINITION'] as const)('%s is never retried, whatever the rules', (cause) => {
    const s = { attempts: 10, evaluateOnExit: [{ action: 'RETRY' as const, onReason: '*' }] };
    expect(evaluateRetry(s, { attempt: 1, exitCode: 137, cause })).toMatchObject({ action: 'EXIT', why: 'NOT_RETRYABLE' });
  });
});

describe('validateRetryStrategy', () => {
  it('accepts a good strategy and nothing', () => {
    expect(validateRetryStrategy(undefined)).toEqual([]);
    expect(validateRetryStrategy({ attempts: 10, evaluateOnExit: [{ action: 'EXIT', onReason: '*' }] })).toEqual([]);
  });

  it('bounds attempts to 1..10', () => {
    expect(validateRetryStrategy({ attempts: 0 })).toEqual([{ field: 'retryStrategy.attempts', message: 'must be an integer between 1 and 10 (got 0)' }]);
    expect(validateRetryStrategy({ attempts: 11 })[0]?.field).toBe('retryStrategy.attempts');
    expect(validateRetryStrategy({ attempts: 1.5 })).toHaveLength(1);
  });

  it('checks evaluateOnExit count, attempts, action, conditions and charsets', () => {
    const rule = { action: 'EXIT' as const, onExitCode: '1' };
    const issues = validateRetryStrategy({
      evaluateOnExit: [rule, rule, rule, rule, rule, { action: 'MAYBE' as never }, { action: 'RETRY', onExitCode: '1a', onReason: 'Bad-char*', onStatusReason: 'x'.repeat(513) }],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'retryStrategy.evaluateOnExit',
      'retryStrategy.evaluateOnExit',
      'retryStrategy.evaluateOnExit[5].action',
      'retryStrategy.evaluateOnExit[5]',
      'retryStrategy.evaluateOnExit[6].onExitCode',
      'retryStrategy.evaluateOnExit[6].onReason',
      'retryStrategy.evaluateOnExit[6].onStatusReason',
    ]);
    expect(issues[0]?.message).toBe('requires attempts to be set');
    expect(issues[1]?.message).toBe('can have at most 5 entries (got 7)');
  });
});
