/**
 * Job dependencies (spec/05 §1.3 and §3): which job IDs a job waits for, and what their statuses mean
 * for it. A plain job (or an array parent) waits for its plain `dependsOn` jobs; a plain dependency on
 * an array parent waits for the whole array. Each array child waits for the parent's plain
 * dependencies, plus child i of every N_TO_N dependency, plus child i-1 of its own array (SEQUENTIAL).
 * Any failed dependency fails the dependent at once with statusReason `Dependent Job failed`.
 *
 * Decisions (docs/simulator.md):
 * - N_TO_N with unequal sizes (SubmitJob rejects it when it can look the jobs up): a child whose index
 *   the dependency lacks waits for the whole dependency array instead.
 * - A dependency the store no longer knows (expired after retention) counts as failed.
 * - A failure wins over waiting: the dependent fails as soon as one dependency fails.
 */
import type { JobDependency, JobStatus } from '@aws-sdk/client-batch';

/** statusReason of a job failed because a job it depends on failed ([obs] in spec/05 §1.5). */
export const DEPENDENCY_FAILED_REASON = 'Dependent Job failed';

/** The child ID AWS uses for index `i` of array `parentId`. */
export function arrayChildId(parentId: string, index: number): string {
  return `${parentId}:${index}`;
}

/** The IDs a plain job or an array parent waits for: its untyped dependencies (N_TO_N/SEQUENTIAL bind children). */
export function jobDependencyIds(dependsOn: readonly JobDependency[] | undefined): string[] {
  const ids: string[] = [];
  for (const d of dependsOn ?? []) if (d.jobId && d.type === undefined && !ids.includes(d.jobId)) ids.push(d.jobId);
  return ids;
}

/**
 * The IDs child `index` of array `parentId` waits for, given the parent's `dependsOn` and the size of
 * each dependency that is an array (`arraySizeOf` returns undefined for a plain job).
 */
export function childDependencyIds(
  parentId: string,
  index: number,
  dependsOn: readonly JobDependency[] | undefined,
  arraySizeOf: (jobId: string) => number | undefined,
): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const d of dependsOn ?? []) {
    if (d.type === 'SEQUENTIAL') {
      if (index > 0) add(arrayChildId(parentId, index - 1));
    } else if (d.type === 'N_TO_N') {
      if (!d.jobId) continue;
      const size = arraySizeOf(d.jobId);
      add(size !== undefined && index < size ? arrayChildId(d.jobId, index) : d.jobId);
    } else if (d.jobId) {
      add(d.jobId);
    }
  }
  return ids;
}

/** Where a job's dependencies stand. */
export type DependencyState =
  | { state: 'SATISFIED' }
  | { state: 'WAITING'; waitingOn: string[] }
  | { state: 'FAILED'; failedDependency: string; statusReason: string };

/** Evaluates dependencies from their current statuses (undefined = unknown job). */
export function evaluateDependencies(ids: readonly string[], statusOf: (jobId: string) => JobStatus | undefined): DependencyState {
  const waitingOn: string[] = [];
  for (const id of ids) {
    const s = statusOf(id);
    if (s === undefined || s === 'FAILED') return { state: 'FAILED', failedDependency: id, statusReason: DEPENDENCY_FAILED_REASON };
    if (s !== 'SUCCEEDED') waitingOn.push(id);
  }
  return waitingOn.length > 0 ? { state: 'WAITING', waitingOn } : { state: 'SATISFIED' };
}

/** The status a SUBMITTED or PENDING job moves to for a dependency state (PENDING if it must wait). */
export function statusForDependencies(dep: DependencyState): 'RUNNABLE' | 'PENDING' | 'FAILED' {
  return dep.state === 'SATISFIED' ? 'RUNNABLE' : dep.state === 'WAITING' ? 'PENDING' : 'FAILED';
}

/** True once every dependency is terminal: a cancel of a PENDING job takes effect only then (spec/07 §5). */
export function dependenciesSettled(ids: readonly string[], statusOf: (jobId: string) => JobStatus | undefined): boolean {
  return ids.every((id) => {
    const s = statusOf(id);
    return s === undefined || s === 'SUCCEEDED' || s === 'FAILED';
  });
}
