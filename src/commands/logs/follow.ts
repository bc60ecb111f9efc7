/**
 * `batchctl logs --follow` (spec/06 §5 tail algorithm), also what `job submit --follow` calls:
 *
 * 1. Poll DescribeJobs; before a job has a stream (SUBMITTED … STARTING) say its state and reason
 *    on stderr, once per change.
 * 2. Each attempt's stream, as DescribeJobs names it, is read with GetLogEvents forward tokens
 *    (`startFromHead: true`); the same token back means "nothing more for now".
 * 3. A new attempt (a retry) starts a new stream: the old one is drained, then dropped.
 * 4. Many streams (100 array children) are read round-robin within a share of GetLogEvents' quota
 *    (FOLLOW_BUDGET), so the follower never exceeds it however many streams there are; a
 *    ThrottlingException backs off (exponential, jittered) instead of failing.
 * 5. Stop once every job is terminal and every stream was read to its end after that (plus a grace
 *    period for CloudWatch's ingestion delay on AWS), with the jobs' outcome.
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import type { GetLogEventsResponse } from '@aws-sdk/client-cloudwatch-logs';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { CallBudget, FOLLOW_BUDGET, isThrottle, leastRecentlyRead, throttleBackoffMs } from '../../domain/logs/budget.js';
import { advanceCursor, newCursor, nextRequest, type StreamCursor } from '../../domain/logs/cursor.js';
import type { LogFormat } from '../../domain/logs/format.js';
import { jobLogs, selectSources, type LogSource } from '../../domain/logs/sources.js';
import { PendingError } from '../../errors.js';
import { describeJobsById, leafIds, requireJobs, type ExpandOptions } from './resolve.js';
import { DefinitionLogConfigs, LinePrinter, statusLine } from './printer.js';

export interface FollowOptions extends ExpandOptions {
  attempt?: number;
  container?: string;
  /** Only events at or after this instant (epoch ms). */
  since?: number;
  /** Start each stream with its last N events. */
  tail?: number;
  timestamps?: boolean;
  format?: LogFormat;
  /** How often streams are read (default 1 s). */
  pollMs?: number;
  /** How often DescribeJobs is called (default 5 s). */
  jobPollMs?: number;
  /** After the jobs end, keep reading this long for late events (default 5 s on AWS, 0 on the simulator). */
  graceMs?: number;
  /** Waits between polls (tests inject one that moves a manual clock). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock for budgets and grace (default Date.now). */
  now?: () => number;
  /** Give up after this long (ms): a PendingError (exit 8), like `job wait --timeout`. */
  timeoutMs?: number;
  /** Budgets (calls per second) for this follower; default FOLLOW_BUDGET. */
  budget?: { getLogEvents: number };
}

export interface FollowResult {
  /** The jobs named, as last described. */
  jobs: JobDetail[];
  /** SUCCEEDED when every job succeeded. */
  outcome: 'SUCCEEDED' | 'FAILED';
  /** Events printed. */
  events: number;
  /** GetLogEvents calls made. */
  reads: number;
}

interface Reader {
  source: LogSource;
  cursor: StreamCursor;
  lastRead?: number;
  /** Drained (read to the end) after the moment it was marked final. */
  finalAfter?: number;
  done: boolean;
  /** A later attempt exists: drain, then drop. */
  retiring: boolean;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);
const readerKey = (s: LogSource) => `${s.group}\u0000${s.stream}`;

/** Follows the logs of jobs until they end; resolves with their outcome (the caller sets the exit code). */
export async function followJobLogs(ctx: Context, jobIds: readonly string[], opts: FollowOptions = {}): Promise<FollowResult> {
  const backend = await ctx.backend();
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pollMs = opts.pollMs ?? 1000;
  const jobPollMs = opts.jobPollMs ?? 5000;
  const graceMs = opts.graceMs ?? (backend.kind === 'aws' ? 5000 : 0);
  const budget = new CallBudget(opts.budget?.getLogEvents ?? FOLLOW_BUDGET.GetLogEvents, opts.budget?.getLogEvents ?? FOLLOW_BUDGET.GetLogEvents, now());
  const defs = new DefinitionLogConfigs(backend);

  const startedAt = now();
  let roots = await requireJobs(backend, jobIds);
  const leafIdList = [...new Set(roots.flatMap((r) => leafIds(r, opts)))];
  const fanIn = leafIdList.length > 1 || roots.some((r) => r.ecsProperties) || jobIds.length > 1;
  const printer = new LinePrinter(ctx, { format: opts.format ?? 'short', timestamps: opts.timestamps ?? false, labels: fanIn, showJob: jobIds.length > 1 });

  const readers = new Map<string, Reader>();
  const announced = new Map<string, string>();
  let terminalAt: number | undefined;
  let lastJobPoll = -Infinity;
  let events = 0;
  let reads = 0;
  let throttled = 0;
  let leaves = new Map<string, JobDetail>();

  const announce = (job: JobDetail) => {
    const key = `${job.status}|${job.statusReason ?? ''}`;
    if (announced.get(job.jobId!) === key) return;
    announced.set(job.jobId!, key);
    ctx.io.err(statusLine(ctx, job));
  };

  const refreshJobs = async () => {
    lastJobPoll = now();
    const ids = [...new Set([...jobIds, ...leafIdList])];
    const found = await describeJobsById(backend, ids);
    roots = jobIds.map((id) => found.get(id) ?? roots.find((r) => r.jobId === id)!);
    leaves = new Map(leafIdList.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : [])));
    for (const r of roots) if (!TERMINAL.has(r.status ?? '')) announce(r);
    for (const leaf of leaves.values()) {
      const logs = jobLogs(leaf, { container: opts.container, definitionLogConfiguration: await defs.get(leaf) });
      if (logs.unavailable) {
        const key = `unavailable:${leaf.jobId}`;
        if (!announced.has(key)) {
          announced.set(key, '');
          ctx.io.err(ctx.io.color().yellow(`job ${leaf.jobId}: ${logs.unavailable}\n`));
        }
        continue;
      }
      const wanted = selectSources(logs, { attempt: opts.attempt });
      const latest = Math.max(0, ...wanted.map((s) => s.attempt));
      for (const s of wanted) {
        if (!readers.has(readerKey(s))) {
          readers.set(readerKey(s), { source: s, cursor: newCursor(s.group, s.stream, opts.since), done: false, retiring: false, finalAfter: terminalAt });
        }
      }
      // A retry started a new attempt: drain the old attempt's streams, then drop them.
      for (const r of readers.values()) {
        if (r.source.jobId === leaf.jobId && r.source.attempt < latest && !r.retiring) {
          r.retiring = true;
          r.finalAfter = now();
        }
      }
    }
    if (terminalAt === undefined && roots.every((r) => TERMINAL.has(r.status ?? ''))) {
      terminalAt = now();
      for (const r of readers.values()) r.finalAfter ??= terminalAt;
    }
  };

  const readOne = async (backend: Backend, r: Reader) => {
    const first = r.cursor.token === undefined;
    const startedAt = now();
    let res: GetLogEventsResponse;
    try {
      if (first && opts.tail !== undefined) {
        res = await backend.logs.getLogEvents({ logGroupName: r.cursor.group, logStreamName: r.cursor.stream, startFromHead: false, limit: Math.max(1, Math.min(10_000, opts.tail)), ...(opts.since !== undefined ? { startTime: opts.since } : {}) });
        if (opts.tail === 0) res = { ...res, events: [] };
      } else {
        res = await backend.logs.getLogEvents(nextRequest(r.cursor));
      }
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') {
        // Named in DescribeJobs but not created yet (CloudWatch lags): try again next tick.
        r.lastRead = now();
        return;
      }
      throw err;
    }
    reads++;
    r.cursor = advanceCursor(r.cursor, res);
    if (first && opts.tail !== undefined) r.cursor = { ...r.cursor, atEnd: false };
    r.lastRead = startedAt;
    for (const e of res.events ?? []) {
      printer.print({ source: r.source, timestamp: e.timestamp ?? 0, message: e.message ?? '', ingestionTime: e.ingestionTime });
      events++;
    }
    if (r.cursor.atEnd && r.finalAfter !== undefined && startedAt >= r.finalAfter) {
      if (r.retiring) readers.delete(readerKey(r.source));
      else r.done = true;
    }
  };

  for (;;) {
    try {
      if (now() - lastJobPoll >= jobPollMs || lastJobPoll === -Infinity) await refreshJobs();
      const active = [...readers.values()].filter((r) => !r.done);
      const n = budget.take(now(), active.length);
      for (const r of leastRecentlyRead(active, (x) => x.lastRead, n)) await readOne(backend, r);
      throttled = 0;
    } catch (err) {
      if (!isThrottle(err)) throw err;
      throttled++;
      const wait = throttleBackoffMs(throttled);
      ctx.debug(`logs: throttled (${(err as Error).name}); backing off ${wait} ms`);
      await sleep(wait);
      continue;
    }
    if (terminalAt !== undefined && [...readers.values()].every((r) => r.done) && now() - terminalAt >= graceMs) break;
    if (opts.timeoutMs !== undefined && now() - startedAt >= opts.timeoutMs) {
      const active = roots.filter((r) => !TERMINAL.has(r.status ?? '')).map((r) => `${r.jobId} (${r.status})`);
      throw new PendingError(`still running after ${Math.round(opts.timeoutMs / 1000)} s: ${active.join(', ') || 'logs not drained yet'}`, `batchctl logs -f ${jobIds.join(' ')} to keep following`);
    }
    await sleep(pollMs);
  }

  for (const r of roots) announce(r);
  const outcome = roots.every((r) => r.status === 'SUCCEEDED') ? 'SUCCEEDED' : 'FAILED';
  return { jobs: roots, outcome, events, reads };
}
