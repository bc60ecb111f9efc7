import { describe, expect, it } from 'vitest';
import { ATTEMPT_STATUS_REASONS, OUT_OF_MEMORY_REASON, SIGKILL_EXIT_CODE, attemptEnd, outOfMemoryAt } from '../../../src/domain/jobs/attempt.js';
import { simulateCommand } from '../../../src/domain/jobs/behaviour.js';
import { evaluateRetry } from '../../../src/domain/jobs/retry.js';

const sh = (s: string) => simulateCommand(['sh', '-c', s]);

describe('attemptEnd', () => {
  it('exit 0 succeeds with "Essential container in task exited"', () => {
    expect(attemptEnd(sh('echo hi; sleep 2'))).toEqual({
      endsAfterMs: 2000,
      exitCode: 0,
      statusReason: 'Essential container in task exited',
      cause: 'EXITED',
      succeeded: true,
      steps: [{ at: 0, log: 'hi' }],
    });
  });

  it('a non-zero exit fails and can be retried', () => {
    const end = attemptEnd(sh('exit 3'));
    expect(end).toMatchObject({ exitCode: 3, succeeded: false, cause: 'EXITED', statusReason: ATTEMPT_STATUS_REASONS.containerExited });
    expect(evaluateRetry({ attempts: 2 }, { attempt: 1, exitCode: end.exitCode, cause: end.cause }).action).toBe('RETRY');
  });

  it('a timeout kills 30 s after SIGTERM with 137, keeps earlier logs and is never retried', () => {
    const end = attemptEnd(sh('echo a; sleep 100; echo b; sleep 100; echo c'), 60);
    expect(end).toEqual({
      endsAfterMs: 90_000,
      exitCode: SIGKILL_EXIT_CODE,
      statusReason: 'Job attempt duration exceeded timeout',
      cause: 'TIMEOUT',
      succeeded: false,
      steps: [{ at: 0, log: 'a' }],
    });
    expect(evaluateRetry({ attempts: 5 }, { attempt: 1, exitCode: end.exitCode, cause: end.cause })).toMatchObject({ action: 'EXIT', why: 'NOT_RETRYABLE' });
  });

  it('a command ending within the grace period still counts as timed out, with its own exit code', () => {
    expect(attemptEnd(sh('sleep 70; exit 0'), 60)).toMatchObject({ endsAfterMs: 70_000, exitCode: 0, cause: 'TIMEOUT', succeeded: false });
  });

  it('finishing exactly at the limit is not a timeout', () => {
    expect(attemptEnd(sh('sleep 60'), 60)).toMatchObject({ succeeded: true, cause: 'EXITED' });
  });

  it('sleep infinity without a timeout never ends; with one it is killed', () => {
    expect(attemptEnd(sh('sleep infinity'))).toMatchObject({ endsAfterMs: Number.POSITIVE_INFINITY, succeeded: false });
    expect(attemptEnd(sh('sleep infinity'), 3600)).toMatchObject({ endsAfterMs: 3_630_000, exitCode: 137, cause: 'TIMEOUT' });
  });

  it('formats the host-terminated reason the Spot retry rule matches', () => {
    expect(ATTEMPT_STATUS_REASONS.hostTerminated('i-0abc')).toBe('Host EC2 (instance i-0abc) terminated.');
    expect(evaluateRetry({ attempts: 3, evaluateOnExit: [{ action: 'RETRY', onStatusReason: 'Host EC2*' }, { action: 'EXIT', onReason: '*' }] }, {
      attempt: 1,
      statusReason: ATTEMPT_STATUS_REASONS.hostTerminated('i-0abc'),
      cause: 'HOST_FAILURE',
    }).action).toBe('RETRY');
  });
});

describe('memory', () => {
  it('the first instant allocations exceed the container\'s memory ends it: 137, OutOfMemoryError, retryable by reason', () => {
    const end = attemptEnd(sh('echo loading; sleep 10; stress --vm 1 --vm-bytes 3G --timeout 60; echo done'), undefined, 2048);
    expect(end).toEqual({
      endsAfterMs: 10_000,
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
      statusReason: 'Essential container in task exited',
      cause: 'EXITED',
      succeeded: false,
      steps: [{ at: 0, log: 'loading' }, { at: 10_000, log: 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd' }],
    });
    expect(OUT_OF_MEMORY_REASON).toBe(end.reason);
    const rule = { attempts: 3, evaluateOnExit: [{ onReason: 'OutOfMemoryError*', action: 'EXIT' as const }, { onReason: '*', action: 'RETRY' as const }] };
    expect(evaluateRetry(rule, { attempt: 1, exitCode: end.exitCode, reason: end.reason, statusReason: end.statusReason, cause: end.cause })).toMatchObject({ action: 'EXIT', why: 'RULE_MATCHED', ruleIndex: 0 });
    expect(evaluateRetry({ attempts: 2, evaluateOnExit: [{ onReason: 'OutOfMemoryError*', action: 'RETRY' }] }, { attempt: 1, exitCode: 137, reason: end.reason, cause: 'EXITED' }).action).toBe('RETRY');
  });

  it('exactly the limit fits; usage adds up across concurrent allocations and drops when one ends', () => {
    expect(attemptEnd(sh('stress --vm 2 --vm-bytes 1G -t 5'), undefined, 2048)).toMatchObject({ succeeded: true, exitCode: 0 });
    expect(attemptEnd(sh('stress --vm 2 --vm-bytes 1G -t 5'), undefined, 2047)).toMatchObject({ exitCode: 137, endsAfterMs: 0 });
    const mem = [{ from: 0, to: 10_000, mib: 1000 }, { from: 10_000, to: 20_000, mib: 1500 }, { from: 15_000, to: 20_000, mib: 600 }];
    expect(outOfMemoryAt(mem, 1500)).toBe(15_000);
    expect(outOfMemoryAt(mem, 2100)).toBeUndefined();
    expect(outOfMemoryAt(undefined, 1)).toBeUndefined();
  });

  it('an OOM after the timeout\'s SIGTERM does not happen: the timeout wins; before it, the OOM does; no limit, no OOM', () => {
    expect(attemptEnd(sh('sleep 120; stress --vm 1 --vm-bytes 4G -t 10'), 60, 2048)).toMatchObject({ cause: 'TIMEOUT', statusReason: 'Job attempt duration exceeded timeout' });
    expect(attemptEnd(sh('sleep 30; stress --vm 1 --vm-bytes 4G -t 100'), 60, 2048)).toMatchObject({ endsAfterMs: 30_000, reason: OUT_OF_MEMORY_REASON });
    expect(attemptEnd(sh('stress --vm 1 --vm-bytes 4G -t 10'))).toMatchObject({ succeeded: true });
  });
});
