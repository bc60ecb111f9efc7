/**
 * The Queues view's data: every job queue with its job counts per state, the front of the queue
 * (GetJobQueueSnapshot) and the blocked reason of its head job.
 *
 * One refresh makes at most (queues × job states + queues + 1) calls: DescribeJobQueues, then per
 * queue one ListJobs page per state and one GetJobQueueSnapshot. Counts come from one page
 * (1000 jobs): beyond that a count reads `1000+`. Terminal counts keep the last 24 hours.
 */
import type { GetJobQueueSnapshotResponse, JobQueueDetail, JobStatus, JobSummary } from '@aws-sdk/client-batch';
import { isTerminal } from '../../domain/jobs/status.js';
import { ALL_STATES, LIST_PAGE, orderedStates, TERMINAL_WINDOW_MS, type ModelEnv, type StateSet } from './env.js';
import { errorMessage, isThrottle, Poller } from './poller.js';
import { compareStrings } from '../../domain/compare.js';

export interface StateCount {
  n: number;
  /** More than one page: the count is a lower bound. */
  more: boolean;
}

export interface FrontJob {
  jobArn: string;
  jobId: string;
  /** From the RUNNABLE listing when the job is on its first page. */
  jobName?: string;
  statusReason?: string;
  earliestTimeAtPosition?: number;
}

export interface QueueRow {
  queue: JobQueueDetail;
  name: string;
  counts: Partial<Record<JobStatus, StateCount>>;
  /** The first jobs in dispatch order (at most 100, as the snapshot returns). */
  front: FrontJob[];
  frontUpdatedAt?: number;
  /** The head job's statusReason when it is RUNNABLE and blocked (CAPACITY:…, MISCONFIGURATION:…). */
  blockedReason?: string;
  /** vCPUs in use by jobs dispatched from the queue (the snapshot's queueUtilization). */
  vcpusInUse?: number;
  /** A listing for this queue failed (the other queues still show). */
  error?: string;
  /** GetJobQueueSnapshot failed: the front of the queue is unknown. */
  snapshotError?: string;
}

/** Reasons Batch gives a RUNNABLE head job that cannot be dispatched (spec/05, blocked queues). */
const BLOCKED_PREFIXES = ['CAPACITY:', 'MISCONFIGURATION:', 'ACTION_REQUIRED', 'UNDETERMINED'];

export function isBlockedReason(reason: string | undefined): boolean {
  return Boolean(reason && BLOCKED_PREFIXES.some((p) => reason.startsWith(p)));
}

export function jobIdFromArn(arn: string): string {
  const i = arn.lastIndexOf('/');
  return i >= 0 ? arn.slice(i + 1) : arn;
}

export class QueuesModel extends Poller<QueueRow> {
  private states: StateSet = ALL_STATES;

  constructor(private readonly env: ModelEnv) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, undefined);
  }

  /** The states to count; RUNNABLE is always listed (the blocked reason needs it). */
  setStates(states: StateSet): void {
    this.states = states;
  }

  protected async load(): Promise<{ rows: QueueRow[]; extra: undefined }> {
    const { batch } = this.env.backend;
    const queues: JobQueueDetail[] = [];
    let nextToken: string | undefined;
    do {
      const page = await batch.describeJobQueues({ maxResults: 100, nextToken });
      queues.push(...(page.jobQueues ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const now = this.env.worldNow();
    const wanted = orderedStates(this.states);
    if (!wanted.includes('RUNNABLE')) wanted.push('RUNNABLE');
    const failures: unknown[] = [];
    const rows = await Promise.all(queues.filter((q) => q.status !== 'DELETED').map((q) => this.loadQueue(q, wanted, now, failures)));
    // One queue's failure leaves the others on screen; throttling (or every queue failing) fails the
    // refresh, so that the poller backs off and the header shows the error.
    if (failures.length && (failures.length === rows.length || failures.some(isThrottle))) throw failures.find(isThrottle) ?? failures[0];
    return { rows, extra: undefined };
  }

  private async loadQueue(queue: JobQueueDetail, states: JobStatus[], now: number, failures: unknown[]): Promise<QueueRow> {
    const { batch } = this.env.backend;
    const arn = queue.jobQueueArn!;
    const row: QueueRow = { queue, name: queue.jobQueueName ?? arn, counts: {}, front: [] };
    try {
      const [lists, snap] = await Promise.all([
        Promise.all(states.map((s) => batch.listJobs({ jobQueue: arn, jobStatus: s, maxResults: LIST_PAGE }))),
        // Not every endpoint has GetJobQueueSnapshot (moto does not): the counts still show.
        batch.getJobQueueSnapshot({ jobQueue: arn }).catch((err: unknown) => {
          if (isThrottle(err)) throw err;
          row.snapshotError = errorMessage(err);
          return {} as GetJobQueueSnapshotResponse;
        }),
      ]);
      let runnable: JobSummary[] = [];
      states.forEach((s, i) => {
        const page = lists[i]!;
        let items = page.jobSummaryList ?? [];
        if (s === 'RUNNABLE') runnable = items;
        if (isTerminal(s)) items = items.filter((j) => (j.stoppedAt ?? j.createdAt ?? now) >= now - TERMINAL_WINDOW_MS);
        if (this.states.has(s)) row.counts[s] = { n: items.length, more: Boolean(page.nextToken) };
      });
      const byArn = new Map(runnable.map((j) => [j.jobArn, j]));
      row.front = (snap.frontOfQueue?.jobs ?? []).map((f) => {
        const j = byArn.get(f.jobArn);
        return { jobArn: f.jobArn!, jobId: j?.jobId ?? jobIdFromArn(f.jobArn ?? ''), jobName: j?.jobName, statusReason: j?.statusReason, earliestTimeAtPosition: f.earliestTimeAtPosition };
      });
      row.frontUpdatedAt = snap.frontOfQueue?.lastUpdatedAt;
      // The head is the snapshot's first job; without a snapshot, the oldest RUNNABLE job.
      const head = row.front[0] ?? (runnable.length ? { statusReason: [...runnable].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))[0]!.statusReason } : undefined);
      if (isBlockedReason(head?.statusReason)) row.blockedReason = head!.statusReason;
      const usage = snap.queueUtilization?.totalCapacityUsage ?? [];
      const vcpu = usage.find((u) => /^v?cpu$/i.test(u.capacityUnit ?? ''));
      if (vcpu?.quantity !== undefined) row.vcpusInUse = vcpu.quantity;
    } catch (err) {
      row.error = errorMessage(err);
      failures.push(err);
    }
    return row;
  }
}

export type QueueSort = 'priority' | 'name' | 'runnable';
export const QUEUE_SORTS: QueueSort[] = ['priority', 'name', 'runnable'];

/** Rows in display order. */
export function sortQueues(rows: readonly QueueRow[], sort: QueueSort): QueueRow[] {
  const out = [...rows];
  const byName = (a: QueueRow, b: QueueRow) => compareStrings(a.name, b.name);
  if (sort === 'name') return out.sort(byName);
  if (sort === 'runnable') return out.sort((a, b) => (b.counts.RUNNABLE?.n ?? 0) - (a.counts.RUNNABLE?.n ?? 0) || byName(a, b));
  return out.sort((a, b) => (b.queue.priority ?? 0) - (a.queue.priority ?? 0) || byName(a, b));
}
