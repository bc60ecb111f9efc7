/**
 * Reading jobs through the Backend port politely (DESIGN.md principle 6), shared by the job
 * commands and the dashboard. Only the port's types are imported; the caller passes the facet.
 *
 * Every state, without the race: ListJobs answers one status per call (RUNNING when none is given),
 * so listing "everything" takes one paginated call per status. A job that moves on between two
 * calls can be seen twice; the statuses are therefore asked in lifecycle order, one after the
 * other (a job that moves forward is seen again later, never missed; only a retry, RUNNING ->
 * RUNNABLE, moves backwards), and the observations are merged keeping the most advanced one
 * (`dedupeByMostAdvanced`). Results are newest first, as ListJobs sorts each page.
 *
 * With a limit L, the newest L jobs overall are among the newest L matches of each status, so each
 * status stops paging once it has L matches: `job list --limit 100` on a queue of 100,000 jobs
 * costs 7 calls.
 *
 * DescribeJobs takes at most 100 ids: ids are batched by 100 with at most 4 calls in flight (the
 * backend's shared limiter keeps the whole process under Batch's 50 calls/s).
 */
import type { DescribeJobsResponse, JobDetail, JobStatus, JobSummary, ListJobsRequest, ListJobsResponse } from '@aws-sdk/client-batch';
import { JOB_STATUSES, dedupeByMostAdvanced, isJobStatus } from './status.js';
import { hasFilters, matchesSelector, type JobSelector } from './selector.js';
import { compareStrings } from '../compare.js';

/** The two read operations this module needs (any Backend's `batch` facet, or a test fake). */
export interface JobsReader {
  listJobs(input: ListJobsRequest): Promise<ListJobsResponse>;
  describeJobs(input: { jobs: string[] }): Promise<DescribeJobsResponse>;
}

/** What ListJobs lists: one queue, the children of an array job, or the nodes of a multi-node job. */
export interface ListScope {
  jobQueue?: string;
  arrayJobId?: string;
  multiNodeJobId?: string;
}

export interface ListQuery extends JobSelector {
  /** Keep the newest `limit` jobs (undefined: all). */
  limit?: number;
}

/** How many jobs of one status were seen; `more` when there may be more than were fetched. */
export interface StatusCount {
  n: number;
  more: boolean;
}

export type StatusCounts = Partial<Record<JobStatus, StatusCount>>;

export interface ListedJobs {
  /** Newest first, de-duplicated, at most `limit`. */
  jobs: JobSummary[];
  /** Matching jobs per status among what was fetched (after de-duplication). */
  counts: StatusCounts;
  /** True when more matching jobs exist than `jobs` holds. */
  truncated: boolean;
  /** ListJobs calls made. */
  calls: number;
}

/** ListJobs' page cap with a status (and no filter). */
export const LIST_PAGE_MAX = 1000;
/** DescribeJobs' id cap. */
export const DESCRIBE_BATCH = 100;
/** DescribeJobs calls in flight at once. */
export const DESCRIBE_CONCURRENCY = 4;

/** Newest first by createdAt (ties by jobId, so the order is stable). */
export function newestFirst(a: JobSummary, b: JobSummary): number {
  return (b.createdAt ?? 0) - (a.createdAt ?? 0) || compareStrings((a.jobId ?? ''), b.jobId ?? '');
}

/**
 * Lists the jobs of one scope in the selector's statuses (default: all seven), one paginated
 * ListJobs call per status in lifecycle order, merged as described above.
 */
export async function listJobsByStatus(api: JobsReader, scope: ListScope, query: ListQuery = {}): Promise<ListedJobs> {
  const statuses = query.statuses?.length ? query.statuses : [...JOB_STATUSES];
  const limit = query.limit;
  const filtered = hasFilters(query);
  const seen: JobSummary[] = [];
  const more = new Set<JobStatus>();
  let calls = 0;
  for (const status of JOB_STATUSES.filter((s) => statuses.includes(s))) {
    let matched = 0;
    let nextToken: string | undefined;
    do {
      const maxResults = limit !== undefined && !filtered ? Math.min(LIST_PAGE_MAX, Math.max(1, limit - matched)) : LIST_PAGE_MAX;
      const page = await api.listJobs({ ...scope, jobStatus: status, maxResults, ...(nextToken ? { nextToken } : {}) });
      calls++;
      // moto (and old endpoints) may return other statuses: keep only what was asked for.
      for (const j of page.jobSummaryList ?? []) {
        if (j.status !== undefined && j.status !== status) continue;
        const job = j.status === undefined ? { ...j, status } : j;
        if (!matchesSelector(job, { ...query, statuses: undefined })) continue;
        seen.push(job);
        matched++;
      }
      nextToken = page.nextToken;
      if (limit !== undefined && matched >= limit) {
        if (nextToken || matched > limit) more.add(status);
        break;
      }
    } while (nextToken);
  }
  const merged = dedupeByMostAdvanced(seen)
    .filter((j) => !query.statuses?.length || (isJobStatus(j.status) && statuses.includes(j.status)))
    .sort(newestFirst);
  const jobs = limit !== undefined ? merged.slice(0, limit) : merged;
  return { jobs, counts: countByStatus(merged, more), truncated: merged.length > jobs.length || more.size > 0, calls };
}

/** Lists several scopes (e.g. every queue) and merges them: newest first, limited once. */
export async function listJobsInScopes(api: JobsReader, scopes: readonly ListScope[], query: ListQuery = {}): Promise<ListedJobs> {
  const parts: ListedJobs[] = [];
  for (const scope of scopes) parts.push(await listJobsByStatus(api, scope, query));
  if (parts.length === 1) return parts[0]!;
  const all = dedupeByMostAdvanced(parts.flatMap((p) => p.jobs)).sort(newestFirst);
  const jobs = query.limit !== undefined ? all.slice(0, query.limit) : all;
  const counts: StatusCounts = {};
  for (const p of parts) {
    for (const [s, c] of Object.entries(p.counts) as Array<[JobStatus, StatusCount]>) {
      const prev = counts[s] ?? { n: 0, more: false };
      counts[s] = { n: prev.n + c.n, more: prev.more || c.more };
    }
  }
  return { jobs, counts, truncated: all.length > jobs.length || parts.some((p) => p.truncated), calls: parts.reduce((n, p) => n + p.calls, 0) };
}

/** Jobs per status (lifecycle order); `more` marks statuses that had more pages than were read. */
export function countByStatus(jobs: readonly Pick<JobSummary, 'status'>[], more: ReadonlySet<JobStatus> = new Set()): StatusCounts {
  const counts: StatusCounts = {};
  for (const s of JOB_STATUSES) {
    const n = jobs.filter((j) => j.status === s).length;
    if (n > 0 || more.has(s)) counts[s] = { n, more: more.has(s) };
  }
  return counts;
}

/** Runs `fn` over `items` with at most `limit` promises in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** `items` in chunks of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface DescribedJobs {
  /** In the order the ids were asked (each id once). */
  jobs: JobDetail[];
  /** Ids DescribeJobs did not return (AWS omits unknown ids silently). */
  missing: string[];
}

/** DescribeJobs for any number of ids: batches of 100, at most `concurrency` (4) calls at once. */
export async function describeJobsBatched(api: JobsReader, ids: readonly string[], opts: { concurrency?: number } = {}): Promise<DescribedJobs> {
  const unique = [...new Set(ids)];
  const pages = await mapLimit(chunk(unique, DESCRIBE_BATCH), opts.concurrency ?? DESCRIBE_CONCURRENCY, (group) => api.describeJobs({ jobs: group }));
  const byId = new Map<string, JobDetail>();
  for (const p of pages) for (const j of p.jobs ?? []) if (j.jobId) byId.set(j.jobId, j);
  const jobs: JobDetail[] = [];
  const missing: string[] = [];
  for (const id of unique) {
    const hit = byId.get(id);
    if (hit) jobs.push(hit);
    else missing.push(id);
  }
  return { jobs, missing };
}

/** The job id at the end of a job ARN (`…:job/<id>`); an id is returned as is. */
export function jobIdOf(arnOrId: string): string {
  if (!arnOrId.startsWith('arn:')) return arnOrId;
  const i = arnOrId.indexOf(':job/');
  return i >= 0 ? arnOrId.slice(i + 5) : arnOrId.slice(arnOrId.lastIndexOf('/') + 1);
}
