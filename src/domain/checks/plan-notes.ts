/**
 * What an idempotent plan builder reports besides its steps: the resources it left alone because
 * they already exist and match ("exists, matches"), and the conflicts it refuses to resolve by
 * overwriting (an existing resource that differs, belongs to someone else, or a prerequisite
 * batchctl does not create). A `ReportedPlan` is still a `Plan`, so the plan runner applies it as is;
 * the command shows `skipped` and refuses to apply while `conflicts` is not empty.
 */
import type { Plan } from '../plan.js';

export type ResourceKind =
  | 'role'
  | 'service-linked-role'
  | 'instance-profile'
  | 'role-policy'
  | 'compute-environment'
  | 'job-queue'
  | 'job-definition'
  | 'job';

export interface PlanSkip {
  kind: ResourceKind;
  name: string;
  /** Why no step was needed ("exists, matches"). */
  note: string;
}

export interface PlanConflict {
  kind: ResourceKind;
  name: string;
  /**
   * `mismatch`: exists with different settings; `not-owned`: exists without this stack's tag;
   * `state`: exists but in a state that blocks the plan (INVALID, DELETING, DISABLED);
   * `prerequisite`: something batchctl does not create is missing.
   */
  reason: 'mismatch' | 'not-owned' | 'state' | 'prerequisite';
  message: string;
  /** Field-by-field differences for a mismatch ("maxvCpus: existing 256, wanted 128"). */
  differences: string[];
  fix: string;
}

export interface ReportedPlan extends Plan {
  skipped: PlanSkip[];
  conflicts: PlanConflict[];
}

export function emptyReportedPlan(title: string): ReportedPlan {
  return { title, steps: [], skipped: [], conflicts: [] };
}

/** Appends another reported plan's steps, skips and conflicts (keeps `into`'s title). */
export function mergeReportedPlan(into: ReportedPlan, from: ReportedPlan): ReportedPlan {
  into.steps.push(...from.steps);
  into.skipped.push(...from.skipped);
  into.conflicts.push(...from.conflicts);
  return into;
}
