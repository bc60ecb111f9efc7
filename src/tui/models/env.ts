/** What every dashboard model is built from. */
import type { JobStatus } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import { JOB_STATUSES } from '../../domain/jobs/status.js';
import type { Timers } from './poller.js';

export interface ModelEnv {
  backend: Backend;
  timers: Timers;
  /** The refresh interval, ms. */
  intervalMs: number;
  /** "Now" in the world being watched: the simulated clock in the simulator, the wall clock on AWS. */
  worldNow(): number;
  /** The simulator's speed (simulated seconds per second), shown beside its clock. */
  worldSpeed?(): number;
}

/** The job states a view lists (keys 1-7 toggle them), in lifecycle order. */
export type StateSet = ReadonlySet<JobStatus>;

export const ALL_STATES: StateSet = new Set<JobStatus>(JOB_STATUSES);

/** Terminal counts cover the last 24 hours (as the console's dashboard does). */
export const TERMINAL_WINDOW_MS = 24 * 3600_000;

/** ListJobs's page cap when listing by status (spec/05 §6.1): one page per (queue, status) per refresh. */
export const LIST_PAGE = 1000;

/** `states` in lifecycle order. */
export function orderedStates(states: StateSet): JobStatus[] {
  return JOB_STATUSES.filter((s) => states.has(s));
}
