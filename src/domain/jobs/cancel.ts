/**
 * CancelJob vs TerminateJob by status (spec/05 §1.4, spec/07 §5). Both return success whatever
 * happens; this says what happens.
 *
 * Decisions (docs/simulator.md): a cancel of a PENDING job is recorded and takes effect once every
 * dependency is terminal (then the job goes FAILED with the caller's reason; if a dependency failed
 * first, the dependency failure wins). Terminate behaves the same as cancel before STARTING.
 */
import type { JobStatus } from '@aws-sdk/client-batch';

/** What a cancel or terminate request does to a job in a given status. */
export type StopEffect =
  /** The job goes FAILED now, statusReason = the caller's reason (isCancelled / isTerminated). */
  | 'FAIL_NOW'
  /** PENDING: remember the request; fail the job once its dependencies are all terminal. */
  | 'FAIL_WHEN_DEPENDENCIES_SETTLE'
  /** STARTING/RUNNING under terminate: stop the container, then FAILED (never retried). */
  | 'KILL'
  /** Cancel of STARTING/RUNNING, or anything on a terminal job: nothing happens (the API still succeeds). */
  | 'NO_EFFECT';

/** The effect of CancelJob (`cancel`) or TerminateJob (`terminate`) on a job with `status`. */
export function stopEffect(status: JobStatus, request: 'cancel' | 'terminate'): StopEffect {
  switch (status) {
    case 'SUBMITTED':
    case 'RUNNABLE':
      return 'FAIL_NOW';
    case 'PENDING':
      return 'FAIL_WHEN_DEPENDENCIES_SETTLE';
    case 'STARTING':
    case 'RUNNING':
      return request === 'terminate' ? 'KILL' : 'NO_EFFECT';
    default:
      return 'NO_EFFECT';
  }
}

/** The flag DescribeJobs sets after the request took effect. */
export function stopFlag(request: 'cancel' | 'terminate', effect: StopEffect): { isCancelled?: true; isTerminated?: true } {
  if (effect === 'NO_EFFECT') return {};
  return request === 'terminate' ? { isTerminated: true } : { isCancelled: true };
}

/** Maximum length of the `reason` of CancelJob and TerminateJob. */
export const MAX_STOP_REASON_LENGTH = 1024;
