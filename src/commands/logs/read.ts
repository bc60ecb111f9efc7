/**
 * `batchctl logs JOB…` without --follow: what the streams hold now. One stream is read with
 * GetLogEvents (forward tokens to the end, or the last N events with --tail); several streams
 * (children, nodes, containers, jobs) with FilterLogEvents over batches of at most 100 stream names,
 * merged by timestamp, within FOLLOW_BUDGET's share of the 5 TPS quota.
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { CallBudget, FOLLOW_BUDGET, isThrottle, streamBatches, throttleBackoffMs } from '../../domain/logs/budget.js';
import { advanceCursor, newCursor, nextRequest } from '../../domain/logs/cursor.js';
import { mergeByTime, type LogLine } from '../../domain/logs/format.js';
import { containerNames, jobLogs, selectSources, type LogSource } from '../../domain/logs/sources.js';
import { FailureError, UsageError } from '../../errors.js';
import type { FollowOptions } from './follow.js';
import { DefinitionLogConfigs } from './printer.js';
import { describeJobsById, leafIds, requireJobs } from './resolve.js';

export interface ReadResult {
  roots: JobDetail[];
  leaves: JobDetail[];
  sources: LogSource[];
  lines: LogLine[];
  /** Jobs that have no stream yet (they have not reached RUNNING). */
  notStarted: JobDetail[];
}

/** The streams the options select for the named jobs (a UsageError for an impossible selection). */
export async function resolveSources(backend: Backend, jobIds: readonly string[], opts: FollowOptions): Promise<Omit<ReadResult, 'lines'>> {
  const roots = await requireJobs(backend, jobIds);
  const ids = [...new Set(roots.flatMap((r) => leafIds(r, opts)))];
  const byId = await describeJobsById(backend, ids);
  const leaves = ids.map((id) => byId.get(id)).filter((j): j is JobDetail => j !== undefined);
  const defs = new DefinitionLogConfigs(backend);
  const sources: LogSource[] = [];
  const notStarted: JobDetail[] = [];
  const unavailable: string[] = [];
  for (const leaf of leaves) {
    if (opts.container !== undefined && leaf.ecsProperties && !containerNames(leaf).includes(opts.container)) {
      throw new UsageError(`--container ${opts.container}: job ${leaf.jobId} has containers ${containerNames(leaf).join(', ')}`);
    }
    const logs = jobLogs(leaf, { container: opts.container, definitionLogConfiguration: await defs.get(leaf) });
    if (logs.unavailable) {
      unavailable.push(`job ${leaf.jobId}: ${logs.unavailable}`);
      continue;
    }
    const chosen = selectSources(logs, { attempt: opts.attempt });
    if (opts.attempt !== undefined && chosen.length === 0 && logs.sources.length > 0) {
      const have = [...new Set(logs.sources.map((s) => s.attempt))].join(', ');
      throw new UsageError(`--attempt ${opts.attempt}: job ${leaf.jobId} has streams for attempt ${have}`);
    }
    if (chosen.length === 0) notStarted.push(leaf);
    sources.push(...chosen);
  }
  if (unavailable.length > 0 && sources.length === 0) throw new FailureError(unavailable.join('\n'));
  return { roots, leaves, sources, notStarted };
}

async function withBackoff<T>(ctx: Context, sleep: (ms: number) => Promise<void>, call: () => Promise<T>): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await call();
    } catch (err) {
      if (!isThrottle(err) || failures >= 8) throw err;
      const wait = throttleBackoffMs(failures);
      ctx.debug(`logs: throttled (${(err as Error).name}); backing off ${wait} ms`);
      await sleep(wait);
    }
  }
}

/** Every event of one stream (or its last `tail`). */
async function readStream(ctx: Context, backend: Backend, s: LogSource, opts: FollowOptions, sleep: (ms: number) => Promise<void>): Promise<LogLine[]> {
  const line = (e: { timestamp?: number; message?: string; ingestionTime?: number }): LogLine => ({ source: s, timestamp: e.timestamp ?? 0, message: e.message ?? '', ingestionTime: e.ingestionTime });
  if (opts.tail !== undefined) {
    if (opts.tail === 0) return [];
    const res = await withBackoff(ctx, sleep, () =>
      backend.logs.getLogEvents({ logGroupName: s.group, logStreamName: s.stream, startFromHead: false, limit: Math.min(10_000, opts.tail!), ...(opts.since !== undefined ? { startTime: opts.since } : {}) }),
    );
    return (res.events ?? []).map(line);
  }
  let cursor = newCursor(s.group, s.stream, opts.since);
  const out: LogLine[] = [];
  for (let page = 0; page < 10_000 && !cursor.atEnd; page++) {
    const res = await withBackoff(ctx, sleep, () => backend.logs.getLogEvents(nextRequest(cursor)));
    cursor = advanceCursor(cursor, res);
    out.push(...(res.events ?? []).map(line));
  }
  return out;
}

/** Every event of several streams, by FilterLogEvents over batches of ≤100 names per group. */
async function filterStreams(ctx: Context, backend: Backend, sources: readonly LogSource[], opts: FollowOptions, sleep: (ms: number) => Promise<void>, now: () => number): Promise<LogLine[]> {
  const budget = new CallBudget(FOLLOW_BUDGET.FilterLogEvents, FOLLOW_BUDGET.FilterLogEvents, now());
  const byGroup = new Map<string, LogSource[]>();
  for (const s of sources) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  const lists: LogLine[][] = [];
  for (const [group, list] of byGroup) {
    for (const batch of streamBatches(list)) {
      const byStream = new Map(batch.map((s) => [s.stream, s]));
      let token: string | undefined;
      const seen = new Set<string>();
      const lines: LogLine[] = [];
      do {
        while (budget.take(now(), 1) === 0) await sleep(budget.waitMs(now()));
        const res = await withBackoff(ctx, sleep, () =>
          backend.logs.filterLogEvents({ logGroupName: group, logStreamNames: batch.map((s) => s.stream), ...(opts.since !== undefined ? { startTime: opts.since } : {}), ...(token ? { nextToken: token } : {}) }),
        );
        for (const e of res.events ?? []) {
          if (e.eventId && seen.has(e.eventId)) continue;
          if (e.eventId) seen.add(e.eventId);
          const source = byStream.get(e.logStreamName ?? '');
          if (source) lines.push({ source, timestamp: e.timestamp ?? 0, message: e.message ?? '', ingestionTime: e.ingestionTime, eventId: e.eventId });
        }
        token = res.nextToken;
      } while (token);
      lists.push(lines);
    }
  }
  const merged = mergeByTime(lists);
  return opts.tail !== undefined ? merged.slice(Math.max(0, merged.length - opts.tail)) : merged;
}

/** Reads what the selected streams hold now. */
export async function readJobLogs(ctx: Context, jobIds: readonly string[], opts: FollowOptions = {}): Promise<ReadResult> {
  const backend = await ctx.backend();
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const resolved = await resolveSources(backend, jobIds, opts);
  let lines: LogLine[];
  if (resolved.sources.length === 0) lines = [];
  else if (resolved.sources.length === 1) lines = await readStream(ctx, backend, resolved.sources[0]!, opts, sleep);
  else lines = await filterStreams(ctx, backend, resolved.sources, opts, sleep, now);
  return { ...resolved, lines };
}
