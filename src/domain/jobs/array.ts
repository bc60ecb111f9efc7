/**
 * Array parents (spec/05 §3, spec/07 §3.4): the parent's status follows its children, and
 * `arrayProperties.statusSummary` counts them with all seven JobStatus keys (zeros included, as AWS
 * returns them).
 *
 * Rules: the parent only takes SUBMITTED, PENDING, SUCCEEDED, FAILED. It goes PENDING when any child
 * reaches RUNNABLE (or beyond) and never goes back. Once every child is terminal it is SUCCEEDED iff
 * all succeeded, otherwise FAILED.
 */
import type { JobStatus } from '@aws-sdk/client-batch';
import { JOB_STATUSES } from './status.js';

/** Child counts per status, always with all seven keys in lifecycle order. */
export type StatusSummary = Record<JobStatus, number>;

/** A summary with every count at zero. */
export function emptyStatusSummary(): StatusSummary {
  return Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as StatusSummary;
}

/** Counts children by status. */
export function statusSummary(childStatuses: Iterable<JobStatus>): StatusSummary {
  const sum = emptyStatusSummary();
  for (const s of childStatuses) sum[s] += 1;
  return sum;
}

/** Number of children the summary counts. */
export function summaryTotal(summary: StatusSummary): number {
  return JOB_STATUSES.reduce((n, s) => n + summary[s], 0);
}

/**
 * The parent's status given its children's summary and its current status (the parent never moves
 * backwards). `size` is the array size: until every child exists and is terminal the parent is not done.
 */
export function arrayParentStatus(summary: StatusSummary, current: JobStatus, size: number): JobStatus {
  if (current === 'SUCCEEDED' || current === 'FAILED') return current;
  const terminal = summary.SUCCEEDED + summary.FAILED;
  if (size > 0 && terminal >= size) return summary.FAILED > 0 ? 'FAILED' : 'SUCCEEDED';
  const reachedRunnable = summary.RUNNABLE + summary.STARTING + summary.RUNNING + terminal;
  return reachedRunnable > 0 || current !== 'SUBMITTED' ? 'PENDING' : 'SUBMITTED';
}
