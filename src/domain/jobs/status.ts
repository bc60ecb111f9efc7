/**
 * The job state machine of spec/05 §1: status order, terminal/active predicates, the "most advanced"
 * comparison used to de-duplicate ListJobs results gathered with one call per status, and the allowed
 * transitions (the engine asserts every change with `assertTransition`).
 */
import type { JobStatus } from '@aws-sdk/client-batch';

/** Every JobStatus in lifecycle order (the order AWS documents and ListJobs callers iterate). */
export const JOB_STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const satisfies readonly JobStatus[];

/** The statuses an array parent can take (spec/05 §3): never RUNNABLE, STARTING or RUNNING. */
export const ARRAY_PARENT_STATUSES = ['SUBMITTED', 'PENDING', 'SUCCEEDED', 'FAILED'] as const satisfies readonly JobStatus[];

const RANK: Record<JobStatus, number> = {
  SUBMITTED: 0,
  PENDING: 1,
  RUNNABLE: 2,
  STARTING: 3,
  RUNNING: 4,
  SUCCEEDED: 5,
  FAILED: 5,
};

/** True for a string that is one of the seven JobStatus values. */
export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value);
}

/** SUCCEEDED or FAILED: the job is never touched again. */
export function isTerminal(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

/** SUBMITTED…RUNNING: the job still has work ahead (and counts toward an active fair share). */
export function isActive(status: JobStatus): boolean {
  return !isTerminal(status);
}

/** Position in the lifecycle, 0 (SUBMITTED) to 5 (SUCCEEDED and FAILED share the last rank). */
export function statusRank(status: JobStatus): number {
  return RANK[status];
}

/**
 * Orders two observations of the same job by how far along it is: negative if `a` is less advanced.
 * Terminal beats everything. Caveat: a retried job goes RUNNING -> RUNNABLE, so two snapshots taken
 * across a retry compare "backwards"; ListJobs summaries carry no attempt count, so we accept that.
 */
export function compareProgress(a: JobStatus, b: JobStatus): number {
  return RANK[a] - RANK[b];
}

/**
 * De-duplicates job summaries gathered by several ListJobs calls (one per status), keeping, for each
 * jobId, the observation with the most advanced status (the later call wins a tie). Order of first
 * appearance is kept.
 */
export function dedupeByMostAdvanced<T extends { jobId?: string; status?: JobStatus | string }>(items: Iterable<T>): T[] {
  const byId = new Map<string, T>();
  const order: string[] = [];
  for (const item of items) {
    const id = item.jobId ?? '';
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, item);
      order.push(id);
      continue;
    }
    const a = isJobStatus(seen.status) ? RANK[seen.status] : -1;
    const b = isJobStatus(item.status) ? RANK[item.status] : -1;
    if (b >= a) byId.set(id, item);
  }
  return order.map((id) => byId.get(id) as T);
}

/** Which kind of job a transition applies to: array parents and MNP nodes have their own machines. */
export type JobKind = 'job' | 'arrayParent' | 'node';

const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  // SUBMITTED -> FAILED: CancelJob/TerminateJob before evaluation, or a dependency that had already failed.
  SUBMITTED: ['PENDING', 'RUNNABLE', 'FAILED'],
  PENDING: ['RUNNABLE', 'FAILED'],
  // RUNNABLE -> FAILED: cancel, terminate, a jobStateTimeLimitActions CANCEL, >50 propagated tags.
  RUNNABLE: ['STARTING', 'FAILED'],
  // STARTING -> RUNNABLE: an attempt that failed to start ("Task failed to start", image pull) and may retry.
  STARTING: ['RUNNING', 'RUNNABLE', 'FAILED'],
  RUNNING: ['SUCCEEDED', 'FAILED', 'RUNNABLE'],
  SUCCEEDED: [],
  FAILED: [],
};

const ARRAY_PARENT_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  SUBMITTED: ['PENDING', 'FAILED'],
  PENDING: ['SUCCEEDED', 'FAILED'],
  RUNNABLE: [],
  STARTING: [],
  RUNNING: [],
  SUCCEEDED: [],
  FAILED: [],
};

/**
 * A node of a multi-node parallel job (spec/05 §8): never queued on its own (the parent is), so it
 * waits PENDING until its gang is placed; the main node starts first and the others once it runs.
 * A node ends by its own exit code, or when the main node exits; a retried job runs every node
 * again (terminal -> PENDING).
 */
const NODE_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  SUBMITTED: [],
  PENDING: ['STARTING', 'SUCCEEDED', 'FAILED'],
  RUNNABLE: [],
  STARTING: ['RUNNING', 'SUCCEEDED', 'FAILED'],
  RUNNING: ['SUCCEEDED', 'FAILED'],
  SUCCEEDED: ['PENDING'],
  FAILED: ['PENDING'],
};

/** The statuses a job (or array parent) may move to from `from`; `undefined` means "not yet created". */
export function nextStatuses(from: JobStatus | undefined, kind: JobKind = 'job'): readonly JobStatus[] {
  if (from === undefined) return ['SUBMITTED'];
  return (kind === 'arrayParent' ? ARRAY_PARENT_TRANSITIONS : kind === 'node' ? NODE_TRANSITIONS : JOB_TRANSITIONS)[from];
}

/** True if `from -> to` is a legal transition (staying in the same status is not a transition). */
export function canTransition(from: JobStatus | undefined, to: JobStatus, kind: JobKind = 'job'): boolean {
  return nextStatuses(from, kind).includes(to);
}

/** Thrown by `assertTransition`: a bug in the engine, never a user error. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: JobStatus | undefined,
    readonly to: JobStatus,
    readonly kind: JobKind,
    readonly jobId?: string,
  ) {
    const who = jobId ? ` for job ${jobId}` : '';
    const allowed = nextStatuses(from, kind).join(', ') || 'none (terminal)';
    super(`illegal ${kind === 'arrayParent' ? 'array parent ' : kind === 'node' ? 'node ' : ''}transition ${from ?? '(new)'} -> ${to}${who}; allowed: ${allowed}`);
    this.name = 'IllegalTransitionError';
  }
}

/** Throws IllegalTransitionError unless `from -> to` is allowed by spec/05 §1.2 (or §3 for array parents). */
export function assertTransition(from: JobStatus | undefined, to: JobStatus, kind: JobKind = 'job', jobId?: string): void {
  if (!canTransition(from, to, kind)) throw new IllegalTransitionError(from, to, kind, jobId);
}
