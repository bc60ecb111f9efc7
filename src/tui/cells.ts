/**
 * Table columns and describe text of the dashboard's views, built on src/render (colours, queue
 * and compute-environment cells, the describe layout) so that the dashboard and the CLI tables
 * agree. Pure: rows in, strings out.
 */
import type { JobDetail, JobStatus } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import { ceInstanceTypes, ceTypeLabel, ceVcpus } from '../render/compute-environment.js';
import { queueComputeEnvironments, queuePolicy } from '../render/job-queue.js';
import { colorState, colorStatus } from '../render/status.js';
import { JOB_STATUSES } from '../domain/jobs/status.js';
import { ago, bar, fitJobId, type ColumnSpec } from './format.js';
import { describeJob as describeJobText, formatDuration, jobStatusCell, timeCell, type JobExtras } from '../render/job.js';
import type { CeRow } from './models/ce-model.js';
import type { JobRow } from './models/jobs-model.js';
import type { QueueRow } from './models/queues-model.js';
import { compareStrings } from '../domain/compare.js';

/** Short headers for the seven states (the queues table has one column each). */
export const STATE_SHORT: Record<JobStatus, string> = {
  SUBMITTED: 'SUBMIT',
  PENDING: 'PEND',
  RUNNABLE: 'RUNNABLE',
  STARTING: 'START',
  RUNNING: 'RUN',
  SUCCEEDED: 'SUCC',
  FAILED: 'FAIL',
};

function countCell(row: QueueRow, s: JobStatus, c: Palette): string {
  const k = row.counts[s];
  if (!k) return row.error ? '?' : '-';
  const text = `${k.n}${k.more ? '+' : ''}`;
  if (k.n === 0) return c.dim(text);
  if (s === 'FAILED') return c.red(text);
  if (s === 'RUNNABLE' && row.blockedReason) return c.yellow(text);
  if (s === 'RUNNING') return c.green(text);
  return text;
}

/** Queues table columns; `states` are the job states whose counts are shown. */
export function queueColumns(states: readonly JobStatus[]): ColumnSpec<QueueRow>[] {
  return [
    { header: 'NAME', cell: (r) => r.name, flex: true, min: 20, max: 40 },
    { header: 'STATE', cell: (r, c) => colorState(r.queue.state, c), drop: 4 },
    { header: 'STATUS', cell: (r, c) => colorStatus(r.queue.status, c) },
    { header: 'PRI', cell: (r) => String(r.queue.priority ?? '-'), align: 'right', drop: 3 },
    { header: 'COMPUTE ENVS', cell: (r) => queueComputeEnvironments(r.queue), flex: true, min: 6, max: 40, drop: 5 },
    ...JOB_STATUSES.filter((s) => states.includes(s)).map(
      (s): ColumnSpec<QueueRow> => ({ header: STATE_SHORT[s], cell: (r, c) => countCell(r, s, c), align: 'right' }),
    ),
    { header: 'VCPU', cell: (r) => (r.vcpusInUse === undefined ? '-' : String(r.vcpusInUse)), align: 'right', drop: 2 },
    { header: 'HEAD / BLOCKED', cell: (r, c) => (r.error ? c.red(r.error) : r.blockedReason ? c.yellow(r.blockedReason) : r.front[0] ? c.dim(r.front[0].jobName ?? r.front[0].jobId) : c.dim('-')), flex: true, min: 10, max: 80, drop: 1 },
  ];
}

/** The selected queue's summary under the table: policy, the front of the queue, the blocked reason. */
export function queueSummary(r: QueueRow, c: Palette, now: number, maxFront: number): string[] {
  const lines = [
    `${c.bold(r.name)}  ${c.dim('policy')} ${queuePolicy(r.queue)}  ${c.dim('reason')} ${r.queue.statusReason ?? '-'}  ${c.dim('snapshot')} ${r.frontUpdatedAt ? `${ago(r.frontUpdatedAt, now)} ago` : '-'}`,
  ];
  if (r.blockedReason) lines.push(`${c.yellow('blocked:')} ${r.blockedReason}`);
  else {
    const head = r.front[0];
    if (head && !head.statusReason && head.earliestTimeAtPosition !== undefined && now - head.earliestTimeAtPosition >= QUIET_WAIT_MS) {
      lines.push(`${c.yellow('waiting:')} head job ${ago(head.earliestTimeAtPosition, now)}, no reason from Batch: batchctl doctor queue ${r.name}`);
    }
  }
  if (r.snapshotError) lines.push(c.dim(`front of queue: unknown (GetJobQueueSnapshot: ${r.snapshotError})`));
  else if (r.front.length === 0) lines.push(c.dim('front of queue: empty'));
  else {
    lines.push(c.dim(`front of queue (${r.front.length}${r.front.length >= 100 ? '+' : ''} in dispatch order):`));
    for (const [i, f] of r.front.slice(0, maxFront).entries()) {
      const since = f.earliestTimeAtPosition ? `${c.dim('at position for')} ${ago(f.earliestTimeAtPosition, now)}` : '';
      lines.push(`  ${String(i + 1).padStart(2)}. ${f.jobName ?? ''} ${c.dim(f.jobId)} ${since}${f.statusReason ? `  ${c.dim(f.statusReason)}` : ''}`);
    }
  }
  return lines;
}

/** The attempt a job is on: finished attempts, plus the one running now; `2/3` with a retry limit. */
export function attemptCell(row: JobRow): string {
  const d = row.detail;
  if (!d) return '-';
  const status = d.status as JobStatus;
  const n = (d.attempts?.length ?? 0) + (status === 'STARTING' || status === 'RUNNING' ? 1 : 0);
  const max = d.retryStrategy?.attempts;
  if (n === 0) return max && max > 1 ? `0/${max}` : '-';
  return max && max > 1 ? `${n}/${max}` : String(n);
}

export function exitCell(row: JobRow, c: Palette): string {
  const code = row.summary.container?.exitCode ?? row.detail?.container?.exitCode;
  if (code === undefined || code === null) return '-';
  return code === 0 ? String(code) : c.red(String(code));
}

export function jobDuration(started: number | undefined, stopped: number | undefined, now: number): string {
  if (!started) return '-';
  return formatDuration((stopped ?? now) - started);
}

/**
 * What kind of job a row is: `array` (a parent: enter opens its children), `mnp 4` (a multi-node
 * parallel job of 4 nodes: enter opens its nodes), `main`/`node` (a node of one), `-` otherwise.
 */
export function kindCell(row: JobRow, c: Palette): string {
  const s = row.summary;
  if (s.arrayProperties?.size !== undefined && s.arrayProperties.index === undefined) return 'array';
  const np = s.nodeProperties;
  if (np?.nodeIndex !== undefined) return np.isMainNode ? c.bold('main') : 'node';
  if (np?.numNodes !== undefined || (row.detail?.nodeProperties && !row.detail.nodeDetails)) return `mnp ${np?.numNodes ?? row.detail?.nodeProperties?.numNodes ?? '?'}`;
  return c.dim('-');
}

/** True for a multi-node parallel job's parent row (not one of its nodes). */
export function isMultiNodeParent(row: JobRow): boolean {
  const np = row.summary.nodeProperties;
  return np ? np.nodeIndex === undefined : Boolean(row.detail?.nodeProperties && !row.detail.nodeDetails);
}

/**
 * The REASON cell: the job's statusReason, except where it is ECS's generic "Essential container in
 * task exited" and the container says why (`OutOfMemoryError: Container killed…`, from DescribeJobs
 * of the rows on screen).
 */
export function reasonCell(row: JobRow, c: Palette): string {
  const s = row.summary;
  const container = row.detail?.container?.reason;
  const exit = s.container?.exitCode ?? row.detail?.container?.exitCode;
  const reason = container && exit !== 0 && (!s.statusReason || s.statusReason === 'Essential container in task exited') ? container : s.statusReason;
  if (!reason) return c.dim('-');
  return s.status === 'FAILED' ? c.red(reason) : reason;
}

/** Jobs table columns. */
export function jobColumns(now: number): ColumnSpec<JobRow>[] {
  return [
    { header: 'ID', cell: (r) => r.summary.jobId ?? '', flex: true, min: 8, max: 40, drop: 2, cut: fitJobId },
    { header: 'NAME', cell: (r, c) => `${r.summary.jobName ?? ''}${r.summary.arrayProperties?.index !== undefined ? c.dim(`:${r.summary.arrayProperties.index}`) : ''}`, flex: true, min: 14, max: 40 },
    // As `job list` shows it: RUNNING cyan, an array parent with its progress (`PENDING 37/100`).
    { header: 'STATUS', cell: (r, c) => jobStatusCell({ status: r.summary.status, arrayProperties: r.detail?.arrayProperties ?? r.summary.arrayProperties }, c) },
    { header: 'KIND', cell: (r, c) => kindCell(r, c), drop: 2.5 },
    { header: 'REASON', cell: (r, c) => reasonCell(r, c), flex: true, min: 14, max: 60, drop: 1 },
    { header: 'CREATED', cell: (r) => timeCell(r.summary.createdAt, { relative: true, now }), align: 'right', drop: 4 },
    { header: 'STARTED', cell: (r) => timeCell(r.summary.startedAt, { relative: true, now }), align: 'right', drop: 5 },
    { header: 'DURATION', cell: (r) => jobDuration(r.summary.startedAt, r.summary.stoppedAt, now), align: 'right' },
    { header: 'ATTEMPT', cell: (r) => attemptCell(r), align: 'right', drop: 3 },
    { header: 'EXIT', cell: (r, c) => exitCell(r, c), align: 'right' },
  ];
}

export type JobSort = 'created' | 'name' | 'status' | 'duration';
export const JOB_SORTS: JobSort[] = ['created', 'name', 'status', 'duration'];
const STATUS_ORDER = new Map<string, number>(JOB_STATUSES.map((s, i) => [s, i]));

/** Rows in display order: newest first, by name, by status (lifecycle order), or longest running first. */
export function sortJobs(rows: readonly JobRow[], sort: JobSort, now: number): JobRow[] {
  const out = [...rows];
  // Ties (an array's children, a multi-node job's nodes: created together) go by index.
  const index = (r: JobRow) => r.summary.arrayProperties?.index ?? r.summary.nodeProperties?.nodeIndex ?? 0;
  const created = (r: JobRow) => r.summary.createdAt ?? 0;
  const newest = (a: JobRow, b: JobRow) => created(b) - created(a) || index(a) - index(b);
  switch (sort) {
    case 'name':
      return out.sort((a, b) => compareStrings(a.summary.jobName ?? '', b.summary.jobName ?? '') || newest(a, b));
    case 'status':
      return out.sort((a, b) => (STATUS_ORDER.get(a.summary.status ?? '') ?? 9) - (STATUS_ORDER.get(b.summary.status ?? '') ?? 9) || newest(a, b));
    case 'duration': {
      const d = (r: JobRow) => (r.summary.startedAt ? (r.summary.stoppedAt ?? now) - r.summary.startedAt : -1);
      return out.sort((a, b) => d(b) - d(a) || newest(a, b));
    }
    default:
      return out.sort(newest);
  }
}

/** The text a `/` filter matches a job against: id, name, status, kind and reasons. */
export function jobFilterText(r: JobRow): string {
  const kind = r.summary.arrayProperties?.size !== undefined ? 'array' : r.summary.nodeProperties ? (r.summary.nodeProperties.nodeIndex === undefined ? 'mnp' : 'node') : '';
  return `${r.summary.jobId} ${r.summary.jobName} ${r.summary.status} ${kind} ${r.summary.statusReason ?? ''} ${r.detail?.container?.reason ?? ''}`;
}

/** Compute environments table columns; `barWidth` cells for the vCPUs-in-use bar. */
export function ceColumns(barWidth = 10): ColumnSpec<CeRow>[] {
  return [
    { header: 'NAME', cell: (r) => r.name, flex: true, min: 20, max: 40 },
    { header: 'TYPE', cell: (r) => ceTypeLabel(r.ce) },
    { header: 'STATE', cell: (r, c) => colorState(r.ce.state, c), drop: 3 },
    { header: 'STATUS', cell: (r, c) => colorStatus(r.ce.status, c) },
    { header: 'MIN/DES/MAX', cell: (r) => ceVcpus(r.ce), align: 'right' },
    {
      header: 'VCPUS IN USE',
      cell: (r, c) => {
        const max = r.ce.computeResources?.maxvCpus ?? r.ce.unmanagedvCpus;
        const used = r.inUse;
        const b = bar(used, max, barWidth);
        const ratio = used !== undefined && max ? used / max : 0;
        const colored = ratio >= 0.9 ? c.red(b) : ratio >= 0.6 ? c.yellow(b) : c.green(b);
        return `${colored} ${used === undefined ? '?' : used}`;
      },
      drop: 2,
    },
    { header: 'INSTANCE TYPES', cell: (r) => ceInstanceTypes(r.ce), flex: true, min: 8, max: 40, drop: 4 },
    { header: 'QUEUES', cell: (r) => (r.queues.length ? r.queues.join(', ') : '-'), flex: true, min: 6, max: 30, drop: 5 },
    { header: 'REASON', cell: (r, c) => (r.ce.status === 'INVALID' ? c.red(r.ce.statusReason ?? '-') : (r.ce.statusReason ?? '-')), flex: true, min: 8, max: 80, drop: 1 },
  ];
}

/**
 * A RUNNABLE job this long without a statusReason gets a hint: Batch gives none when instances
 * launch but never join the cluster (a private subnet without NAT or endpoints) or when the job
 * waits for a consumable resource, so the dashboard points at `batchctl doctor`.
 */
export const QUIET_WAIT_MS = 10 * 60_000;

/** The hint under a RUNNABLE job that has waited QUIET_WAIT_MS with no reason (two lines); none otherwise. */
export function quietWaitHint(j: JobDetail, c: Palette, now: number): string[] {
  if (j.status !== 'RUNNABLE' || j.statusReason) return [];
  // Without a time of its own for RUNNABLE, the time since it was created bounds the wait.
  const since = j.createdAt;
  if (since === undefined || now - since < QUIET_WAIT_MS) return [];
  return [
    `${c.yellow('waiting:')} RUNNABLE up to ${ago(since, now)} with no reason from Batch: instances that cannot join the cluster (a private subnet without NAT or VPC endpoints), or a consumable resource`,
    `${c.dim('try:')} batchctl doctor job ${j.jobId}`,
  ];
}

/** What `job describe` shows (src/render/job.ts), with times relative to the world's now. */
export function describeJob(j: JobDetail, c: Palette, now: number, extras: JobExtras = {}): string {
  return describeJobText(j, c, { relative: true, now }, extras);
}
