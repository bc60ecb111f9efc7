/**
 * Waiting for jobs to finish (`job wait`, `job submit --wait`): there is no AWS waiter for jobs
 * (spec/07 §6), so batchctl polls DescribeJobs.
 *
 * Budget: each poll describes only the jobs that are not terminal yet, 100 per call. The delay
 * starts at 2 s and grows by 1.5x per poll up to 30 s, with ±20% jitter so that several waiters do
 * not poll in step; it never drops below what keeps one waiter at about 5 Batch calls/s (a tenth
 * of the account's 50 calls/s), so waiting on 10,000 jobs polls every 20 s. A change seen resets
 * the delay to the start: transitions come in bursts.
 *
 * The sleeper and the clock are injected: the CLI sleeps on the wall clock (the simulator's clock
 * follows it, scaled by --sim-speed); tests move a manual clock.
 */
import type { JobDetail, JobStatus } from '@aws-sdk/client-batch';
import { isJobStatus, isTerminal } from './status.js';
import { DESCRIBE_BATCH, describeJobsBatched, type JobsReader } from './list.js';

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Relative jitter, 0.2 = ±20%. */
  jitter?: number;
  /** Calls per second one waiter may use on average. */
  callsPerSecond?: number;
}

export const WAIT_DEFAULTS: Required<BackoffOptions> = { initialMs: 2_000, maxMs: 30_000, factor: 1.5, jitter: 0.2, callsPerSecond: 5 };

/** The delay before poll `n` (0-based) without jitter: 2 s, 3 s, 4.5 s, … capped at 30 s. */
export function backoffDelay(n: number, opts: BackoffOptions = {}): number {
  const o = { ...WAIT_DEFAULTS, ...opts };
  return Math.min(o.maxMs, o.initialMs * o.factor ** n);
}

/** A delay with jitter (`random` in [0, 1)) and the budget floor for `callsPerPoll` calls. */
export function jittered(delay: number, callsPerPoll: number, random: number, opts: BackoffOptions = {}): number {
  const o = { ...WAIT_DEFAULTS, ...opts };
  const floor = (callsPerPoll * 1000) / o.callsPerSecond;
  const j = delay * (1 + o.jitter * (2 * random - 1));
  return Math.round(Math.max(floor, j));
}

/** Finished children of an array parent and its size: `{done: 37, size: 100}`, or undefined. */
export function arrayProgress(job: Pick<JobDetail, 'arrayProperties'>): { done: number; size: number } | undefined {
  const a = job.arrayProperties;
  if (!a?.statusSummary || a.size === undefined) return undefined;
  const done = (a.statusSummary.SUCCEEDED ?? 0) + (a.statusSummary.FAILED ?? 0);
  return { done, size: a.size };
}

export interface JobChange {
  job: JobDetail;
  /** The previous observation (undefined on the first). */
  previous?: JobDetail;
  /** `first`: first sight; `status`: a new status; `progress`: an array parent's children moved on. */
  kind: 'first' | 'status' | 'progress';
}

export interface WaitOptions extends BackoffOptions {
  sleep(ms: number): Promise<void>;
  now(): number;
  random?(): number;
  /** Give up after this long (undefined: wait forever). */
  timeoutMs?: number;
  onChange?(change: JobChange): void;
  /** Stop early when this returns true (e.g. Ctrl-C). */
  aborted?(): boolean;
}

export interface WaitResult {
  /** Every job's last observation, in the order asked. */
  jobs: JobDetail[];
  /** Ids DescribeJobs never returned. */
  missing: string[];
  /** Jobs still active when the wait ended (timeout or abort); empty when all are terminal. */
  pending: JobDetail[];
  polls: number;
  calls: number;
}

/**
 * Polls until every job is terminal, the timeout passes or `aborted()` says so. Unknown ids end
 * the wait after the first poll (they are in `missing`).
 */
export async function waitForJobs(api: JobsReader, ids: readonly string[], opts: WaitOptions): Promise<WaitResult> {
  const order = [...new Set(ids)];
  const last = new Map<string, JobDetail>();
  const start = opts.now();
  const deadline = opts.timeoutMs === undefined ? Infinity : start + opts.timeoutMs;
  const random = opts.random ?? Math.random;
  let polls = 0;
  let calls = 0;
  let step = 0;
  let missing: string[] = [];
  for (;;) {
    const active = order.filter((id) => {
      const j = last.get(id);
      return !j || !isJobStatus(j.status) || !isTerminal(j.status);
    });
    const described = await describeJobsBatched(api, active);
    polls++;
    calls += Math.ceil(active.length / DESCRIBE_BATCH);
    let changed = false;
    for (const job of described.jobs) {
      const previous = last.get(job.jobId!);
      last.set(job.jobId!, job);
      const kind = changeKind(previous, job);
      if (kind) {
        if (kind !== 'first') changed = true;
        opts.onChange?.({ job, previous, kind });
      }
    }
    if (polls === 1) missing = described.missing;
    const result = (pending: JobDetail[]): WaitResult => ({ jobs: order.map((id) => last.get(id)).filter((j): j is JobDetail => Boolean(j)), missing, pending, polls, calls });
    if (missing.length) return result(stillActive(order, last));
    const pending = stillActive(order, last);
    if (pending.length === 0) return result([]);
    const now = opts.now();
    if (now >= deadline || opts.aborted?.()) return result(pending);
    step = changed ? 0 : step + 1;
    const delay = jittered(backoffDelay(step, opts), Math.ceil(pending.length / DESCRIBE_BATCH), random(), opts);
    await opts.sleep(Math.max(0, Math.min(delay, deadline - now)));
    if (opts.aborted?.()) return result(pending);
  }
}

function stillActive(order: readonly string[], last: ReadonlyMap<string, JobDetail>): JobDetail[] {
  return order.map((id) => last.get(id)).filter((j): j is JobDetail => Boolean(j) && !(isJobStatus(j!.status) && isTerminal(j!.status as JobStatus)));
}

function changeKind(previous: JobDetail | undefined, job: JobDetail): JobChange['kind'] | undefined {
  if (!previous) return 'first';
  if (previous.status !== job.status) return 'status';
  const a = arrayProgress(previous);
  const b = arrayProgress(job);
  if (a && b && a.done !== b.done) return 'progress';
  return undefined;
}
