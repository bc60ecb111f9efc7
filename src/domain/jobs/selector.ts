/**
 * Job selectors: which jobs `job list`, `job wait`, `job cancel|terminate|stop` act on, as plain
 * data, and the pure matching rules. ListJobs can apply only one server-side filter, and a filter
 * makes it ignore the status, so batchctl lists per status and matches every criterion here.
 *
 * - `name`: a glob over the job name, `*` (any run) and `?` (one character), case-insensitive like
 *   ListJobs' JOB_NAME filter.
 * - `definition`: a job definition `name` (every revision), `name:rev`, or an ARN (with or without
 *   `:rev`), compared with the summary's `jobDefinition` ARN, case-sensitive like JOB_DEFINITION.
 * - `createdAfter` / `createdBefore`: epoch ms bounds on `createdAt` (after is inclusive, before
 *   exclusive).
 */
import type { JobStatus, JobSummary } from '@aws-sdk/client-batch';
import { JOB_STATUSES, isJobStatus } from './status.js';

export interface JobSelector {
  /** Statuses to list (default: every status). */
  statuses?: JobStatus[];
  /** Glob over jobName. */
  name?: string;
  /** Job definition name, name:rev or ARN. */
  definition?: string;
  createdAfter?: number;
  createdBefore?: number;
}

/** The statuses that are not terminal (what wait and the stop verbs look at by default). */
export const ACTIVE_STATUSES: JobStatus[] = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING'];

/** What `job cancel` can act on: jobs that have not started (cancel does nothing later on). */
export const CANCELLABLE_STATUSES: JobStatus[] = ['SUBMITTED', 'PENDING', 'RUNNABLE'];

/** A glob (`*`, `?`) as an anchored, case-insensitive RegExp; other characters are literal. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Whether `arn` (a summary's jobDefinition, normally an ARN with `:rev`) is what `ref` names. */
export function definitionMatches(ref: string, arn: string | undefined): boolean {
  if (!arn) return false;
  const tail = arn.startsWith('arn:') ? arn.slice(arn.indexOf('/') + 1) : arn;
  const m = /^(.*):(\d+)$/.exec(tail);
  const name = m ? m[1]! : tail;
  const rev = m ? m[2]! : undefined;
  if (ref.startsWith('arn:')) {
    const refTail = ref.slice(ref.indexOf('/') + 1);
    const rm = /^(.*):(\d+)$/.exec(refTail);
    return rm ? arn === ref : ref.slice(0, ref.indexOf('/')) === arn.slice(0, arn.indexOf('/')) && refTail === name;
  }
  const rm = /^(.*):(\d+)$/.exec(ref);
  if (rm) return rm[1] === name && rm[2] === rev;
  return ref === name;
}

/** Whether a job summary matches every criterion of the selector (statuses included). */
export function matchesSelector(job: Pick<JobSummary, 'jobName' | 'status' | 'jobDefinition' | 'createdAt'>, sel: JobSelector): boolean {
  if (sel.statuses && sel.statuses.length && !(job.status && sel.statuses.includes(job.status as JobStatus))) return false;
  if (sel.name !== undefined && !globToRegExp(sel.name).test(job.jobName ?? '')) return false;
  if (sel.definition !== undefined && !definitionMatches(sel.definition, job.jobDefinition)) return false;
  if (sel.createdAfter !== undefined && !(job.createdAt !== undefined && job.createdAt >= sel.createdAfter)) return false;
  if (sel.createdBefore !== undefined && !(job.createdAt !== undefined && job.createdAt < sel.createdBefore)) return false;
  return true;
}

/** Whether anything beyond statuses narrows the selection (these need client-side matching). */
export function hasFilters(sel: JobSelector): boolean {
  return sel.name !== undefined || sel.definition !== undefined || sel.createdAfter !== undefined || sel.createdBefore !== undefined;
}

/**
 * `--status RUNNING,failed --status pending` -> [PENDING, RUNNING, FAILED] (lifecycle order, any
 * case). Throws with the allowed values for a word that is not a status.
 */
export function parseStatuses(items: readonly string[]): JobStatus[] {
  const words = items.flatMap((i) => i.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = words.filter((w) => !isJobStatus(w));
  if (bad.length) throw new Error(`unknown status ${bad.map((b) => `"${b}"`).join(', ')}; one of ${JOB_STATUSES.join(', ')}`);
  return JOB_STATUSES.filter((s) => words.includes(s));
}

/**
 * A point in time for --since/--before/--after: a duration back from `now` (`90s`, `10m`, `2h`,
 * `1d`, `1h30m`) or an ISO 8601 date or date-time (`2026-01-15`, `2026-01-15T09:00:00Z`). Throws
 * on anything else.
 */
export function parseTimePoint(value: string, now: number): number {
  const v = value.trim();
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
  if (/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(v)) {
    let total = 0;
    for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) total += Number(m[1]) * units[m[2]!]!;
    return now - total;
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const t = Date.parse(v.replace(' ', 'T'));
    if (Number.isFinite(t)) return t;
  }
  throw new Error(`"${value}" is neither a duration (10m, 2h, 1d) nor an ISO date (2026-01-15 or 2026-01-15T09:00:00Z)`);
}
