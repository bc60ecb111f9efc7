/**
 * Jobs -> table cells, describe views and progress lines (pure; shared by the job commands and the
 * dashboard). Times are relative ("3m ago") for people on a terminal and ISO 8601 otherwise, so a
 * pipe or a log file reads the same tomorrow.
 */
import type { DescribeConsumableResourceResponse, JobDetail, JobStatus, JobSummary } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { JOB_STATUSES } from '../domain/jobs/status.js';
import type { StatusCounts } from '../domain/jobs/list.js';
import { arrayProgress, type JobChange } from '../domain/jobs/wait.js';
import { DEFAULT_LOG_GROUP } from '../domain/jobs/log-stream.js';
import { nameFromArn, renderDetail, tagRows, type DetailRow, type DetailSection } from './format.js';
import { colorStatus } from './status.js';
import { compareStrings } from '../domain/compare.js';

/** How times are shown: relative to `now` on a terminal, ISO otherwise. */
export interface TimeStyle {
  relative: boolean;
  now: number;
}

/** A listed job: the ListJobs summary, plus what wide output adds from DescribeJobs. */
export type JobRow = JobSummary & { jobQueue?: string; attempts?: number };

/** `45s`, `3m12s`, `1h04m`, `2d03h`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/** `just now`, `12s ago`, `3m ago`, `2h ago`, `5d ago` (and `in 3m` for the future). */
export function relativeTime(t: number, now: number): string {
  const d = now - t;
  if (Math.abs(d) < 1000) return 'just now';
  const s = Math.floor(Math.abs(d) / 1000);
  const text = s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : s < 86_400 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86_400)}d`;
  return d >= 0 ? `${text} ago` : `in ${text}`;
}

/** `2026-01-15T09:00:00Z` (seconds precision; milliseconds only when not zero). */
export function isoTime(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** A time cell: relative or ISO, `-` when absent. */
export function timeCell(t: number | undefined, style: TimeStyle): string {
  if (t === undefined || t === null) return '-';
  return style.relative ? relativeTime(t, style.now) : isoTime(t);
}

/** Run time: startedAt to stoppedAt, or to now while running; `-` before it started. */
export function jobDuration(job: Pick<JobSummary, 'startedAt' | 'stoppedAt' | 'status'>, now: number): string {
  if (job.startedAt === undefined) return '-';
  const end = job.stoppedAt ?? (job.status === 'RUNNING' ? now : undefined);
  return end === undefined ? '-' : formatDuration(end - job.startedAt);
}

/** A job status in its colour (RUNNING cyan), with `37/100` for an array parent. */
export function jobStatusCell(job: Pick<JobSummary, 'status' | 'arrayProperties'>, c: Palette): string {
  const word = job.status === 'RUNNING' ? c.cyan('RUNNING') : colorStatus(job.status, c);
  const p = arrayProgress(job as Pick<JobDetail, 'arrayProperties'>);
  return p ? `${word} ${p.done}/${p.size}` : word;
}

/** ` 4 nodes` after a multi-node job's status in a list (its nodes are listed by --multi-node-job). */
function nodesNote(job: Pick<JobSummary, 'nodeProperties'>, c: Palette): string {
  const p = job.nodeProperties;
  return p?.numNodes !== undefined && p.nodeIndex === undefined ? ` ${c.dim(`${p.numNodes} nodes`)}` : '';
}

/** `name:rev` of a job definition ARN. */
export function definitionName(arn: string | undefined): string {
  return arn ? nameFromArn(arn) : '-';
}

/**
 * `job list` columns: ID NAME STATUS CREATED STARTED DURATION REASON; -o wide adds QUEUE,
 * DEFINITION, ATTEMPTS and EXIT. REASON comes last so that a terminal's width truncates it first.
 */
export function jobColumns(style: TimeStyle): Column<JobRow>[] {
  return [
    { header: 'ID', cell: (j) => j.jobId ?? '' },
    { header: 'NAME', cell: (j) => j.jobName ?? '' },
    { header: 'STATUS', cell: (j, c) => `${jobStatusCell(j, c)}${nodesNote(j, c)}` },
    { header: 'CREATED', cell: (j) => timeCell(j.createdAt, style) },
    { header: 'STARTED', cell: (j) => timeCell(j.startedAt, style) },
    { header: 'DURATION', cell: (j) => jobDuration(j, style.now) },
    { header: 'REASON', cell: (j) => j.statusReason ?? '-' },
    { header: 'QUEUE', wide: true, cell: (j) => (j.jobQueue ? nameFromArn(j.jobQueue) : '-') },
    { header: 'DEFINITION', wide: true, cell: (j) => definitionName(j.jobDefinition) },
    { header: 'ATTEMPTS', wide: true, cell: (j) => (j.attempts === undefined ? '-' : String(j.attempts)) },
    { header: 'EXIT', wide: true, cell: (j) => (j.container?.exitCode === undefined ? '-' : String(j.container.exitCode)) },
  ];
}

/** `12 jobs: 2 RUNNABLE · 1 RUNNING · 9 SUCCEEDED` (`100+` where there are more than were read). */
export function statusCountsLine(counts: StatusCounts, c: Palette): string {
  const parts: string[] = [];
  let total = 0;
  let more = false;
  for (const s of JOB_STATUSES) {
    const k = counts[s];
    if (!k) continue;
    total += k.n;
    more ||= k.more;
    parts.push(`${k.n}${k.more ? '+' : ''} ${colorStatus(s, c)}`);
  }
  if (!parts.length) return 'no jobs';
  return `${total}${more ? '+' : ''} job${total === 1 && !more ? '' : 's'}: ${parts.join(' · ')}`;
}

/** `name (id)`. */
export function jobLabel(job: Pick<JobSummary, 'jobName' | 'jobId'>): string {
  return job.jobName ? `${job.jobName} (${job.jobId})` : (job.jobId ?? '?');
}

/** The reason a job FAILED, with its exit code: `Essential container in task exited (exit 1)`. */
export function failureReason(job: Pick<JobDetail, 'statusReason' | 'container' | 'attempts'>): string {
  const last = job.attempts?.[job.attempts.length - 1];
  const exit = job.container?.exitCode ?? last?.container?.exitCode;
  const reason = job.statusReason ?? last?.statusReason ?? job.container?.reason ?? 'no reason given';
  return exit === undefined ? reason : `${reason} (exit ${exit})`;
}

/** One stderr line of `job wait`: a job seen for the first time, a new status, or array progress. */
export function changeLine(change: JobChange, c: Palette): string {
  const { job, previous } = change;
  const status = jobStatusCell(job, c);
  const label = jobLabel(job);
  if (change.kind === 'first') return `${c.dim('·')} ${label}: ${status}${job.statusReason && job.status !== 'FAILED' && job.status !== 'SUCCEEDED' ? c.dim(` (${job.statusReason})`) : ''}\n`;
  if (job.status === 'SUCCEEDED') return `${c.green('✓')} ${label}: ${status}\n`;
  if (job.status === 'FAILED') return `${c.red('✗')} ${label}: ${status}: ${failureReason(job)}\n`;
  if (change.kind === 'progress') return `${c.dim('…')} ${label}: ${status}\n`;
  const from = previous?.status ? `${colorStatus(previous.status, c)} → ` : '';
  const reason = job.status === 'RUNNABLE' && job.statusReason ? c.dim(` (${job.statusReason})`) : '';
  return `${c.dim('…')} ${label}: ${from}${status}${reason}\n`;
}

function ms(t: number | undefined, style: TimeStyle): string | undefined {
  if (t === undefined) return undefined;
  return style.relative ? `${isoTime(t)} (${relativeTime(t, style.now)})` : isoTime(t);
}

/** The CloudWatch Logs group of a job (the awslogs-group option, else /aws/batch/job). */
export function jobLogGroup(job: JobDetail): string {
  return job.container?.logConfiguration?.options?.['awslogs-group'] ?? DEFAULT_LOG_GROUP;
}

/** The consumable resources a job needs, read for `job describe` (null: no such resource). */
export type JobConsumables = Record<string, DescribeConsumableResourceResponse | null>;

/** What `job describe` reads besides the job, for people: its resources' availability, a multi-node job's nodes. */
export interface JobExtras {
  consumables?: JobConsumables;
  nodes?: readonly JobDetail[];
}

/**
 * The describe view of one job: status, where it runs, timings, attempts, dependencies, array,
 * a multi-node job's nodes, consumable resources (with their availability when `extras` has them), logs.
 */
export function describeJob(job: JobDetail, c: Palette, style: TimeStyle, extras: JobExtras = {}): string {
  const { consumables, nodes = [] } = extras;
  const statusReason = job.statusReason ? ` ${c.dim(`(${job.statusReason})`)}` : '';
  const flags = [job.isCancelled ? 'cancelled' : '', job.isTerminated ? 'terminated' : ''].filter(Boolean);
  const co = job.container;
  const rr = co?.resourceRequirements ?? [];
  const res = (t: string) => rr.find((r) => r.type === t)?.value;
  const vcpus = res('VCPU') ?? (co?.vcpus === undefined ? undefined : String(co.vcpus));
  const memory = res('MEMORY') ?? (co?.memory === undefined ? undefined : String(co.memory));
  const gpus = res('GPU');
  const resources = [vcpus ? `${vcpus} vCPU` : '', memory ? `${memory} MiB` : '', gpus ? `${gpus} GPU` : ''].filter(Boolean).join(', ');
  const nd = job.nodeDetails;
  const kind =
    job.arrayProperties?.size !== undefined
      ? `array of ${job.arrayProperties.size}`
      : job.arrayProperties?.index !== undefined
        ? `array child ${job.arrayProperties.index}`
        : nd?.nodeIndex !== undefined
          ? `multi-node node ${nd.nodeIndex}${nd.isMainNode ? ' (main node)' : ''}`
          : job.nodeProperties
            ? `multi-node (${job.nodeProperties.numNodes ?? '?'} nodes, main node ${job.nodeProperties.mainNode ?? 0})`
            : undefined;
  const end = job.stoppedAt ?? (job.status === 'RUNNING' ? style.now : undefined);

  const sections: DetailSection[] = [
    {
      rows: [
        ['ID', job.jobId],
        ['Status', `${jobStatusCell(job, c)}${statusReason}${flags.length ? ` ${c.yellow(`[${flags.join(', ')}]`)}` : ''}`],
        ['Queue', job.jobQueue ? nameFromArn(job.jobQueue) : undefined],
        ['Definition', job.jobDefinition ? definitionName(job.jobDefinition) : undefined],
        ['Kind', kind],
        ['Share', job.shareIdentifier === undefined ? undefined : `${job.shareIdentifier}${job.schedulingPriority === undefined ? '' : ` (priority ${job.schedulingPriority})`}`],
        ['Platform', job.platformCapabilities?.join(', ')],
        ['Image', co?.image],
        ['Command', co?.command?.length ? co.command.map(shellQuote).join(' ') : undefined],
        ['Resources', resources || undefined],
        ['Exit code', co?.exitCode === undefined ? undefined : String(co.exitCode)],
        ['Container reason', co?.reason],
        ['Retry', job.retryStrategy?.attempts === undefined ? undefined : `${job.retryStrategy.attempts} attempt${job.retryStrategy.attempts === 1 ? '' : 's'}${job.retryStrategy.evaluateOnExit?.length ? `, ${job.retryStrategy.evaluateOnExit.length} evaluateOnExit rule(s)` : ''}`],
        ['Timeout', job.timeout?.attemptDurationSeconds === undefined ? undefined : formatDuration(job.timeout.attemptDurationSeconds * 1000)],
      ],
    },
    {
      title: 'Timing',
      rows: [
        ['Created', ms(job.createdAt, style)],
        ['Started', ms(job.startedAt, style)],
        ['Stopped', ms(job.stoppedAt, style)],
        ['Duration', job.startedAt !== undefined && end !== undefined ? formatDuration(end - job.startedAt) : undefined],
      ],
    },
    { title: 'Consumable resources (per instance)', rows: jobConsumableRows(job, consumables, c) },
    { title: 'Attempts', rows: attemptRows(job, style) },
    {
      title: 'Dependencies',
      rows: (job.dependsOn ?? []).map((d, i): DetailRow => [String(i + 1), `${d.jobId ?? '(previous child)'}${d.type ? ` ${c.dim(d.type)}` : ''}`]),
    },
    { title: 'Array children', rows: arrayRows(job, c) },
    { title: 'Nodes', rows: nodeRows(job, nodes, c) },
    { title: 'Logs', rows: logRows(job) },
    { title: 'Parameters', rows: Object.entries(job.parameters ?? {}).sort(([a], [b]) => compareStrings(a, b)).map(([k, v]): DetailRow => [k, v]) },
    { title: 'Tags', rows: tagRows(job.tags) },
  ];
  return renderDetail(job.jobName ?? job.jobId ?? 'job', sections, c);
}

/**
 * `job describe`'s "Consumable resources" rows: what the job needs per instance and, when the
 * resource was read, how much of it is available now (`missing` when it does not exist).
 */
export function jobConsumableRows(job: JobDetail, resources: JobConsumables | undefined, c: Palette): DetailRow[] {
  return (job.consumableResourceProperties?.consumableResourceList ?? []).map((need): DetailRow => {
    const ref = need.consumableResource ?? '?';
    const name = nameFromArn(ref);
    const q = need.quantity ?? 1;
    const r = resources?.[ref];
    if (r === undefined) return [name, `needs ${q}`];
    if (r === null) return [name, `needs ${q} · ${c.red('no such resource')} ${c.dim('(the job waits until it is created)')}`];
    const short = job.status === 'RUNNABLE' && (r.availableQuantity ?? 0) < q;
    const avail = `${r.availableQuantity ?? 0} available`;
    return [name, `needs ${q} · ${short ? c.yellow(avail) : avail} · ${r.inUseQuantity ?? 0} in use of ${r.totalQuantity ?? 0}${r.resourceType === 'NON_REPLENISHABLE' ? c.dim(' (non-replenishable)') : ''}`];
  });
}

function attemptRows(job: JobDetail, style: TimeStyle): DetailRow[] {
  return (job.attempts ?? []).map((a, i) => {
    const bits = [
      a.container?.exitCode === undefined ? undefined : `exit ${a.container.exitCode}`,
      a.statusReason,
      a.container?.reason,
      a.startedAt !== undefined && a.stoppedAt !== undefined ? formatDuration(a.stoppedAt - a.startedAt) : undefined,
      a.startedAt === undefined ? undefined : `started ${timeCell(a.startedAt, style)}`,
    ].filter(Boolean);
    const stream = a.container?.logStreamName;
    return [`#${i + 1}`, `${bits.join(' · ') || '-'}${stream ? `\nlog stream ${stream}` : ''}`];
  });
}

function arrayRows(job: JobDetail, c: Palette): DetailRow[] {
  const s = job.arrayProperties?.statusSummary;
  if (!s) return [];
  const p = arrayProgress(job);
  const counts = JOB_STATUSES.filter((k) => (s[k] ?? 0) > 0).map((k) => `${s[k]} ${colorStatus(k, c)}`);
  return [
    ['Size', String(job.arrayProperties?.size ?? '-')],
    ['Done', p ? `${p.done}/${p.size}` : undefined],
    ['By status', counts.length ? counts.join(' · ') : '-'],
  ];
}

/** A multi-node job's nodes (described as `id#N`): status, main-node flag, exit code, reason. */
function nodeRows(job: JobDetail, nodes: readonly JobDetail[], c: Palette): DetailRow[] {
  if (!job.nodeProperties || job.nodeDetails) return [];
  return nodes.map((n): DetailRow => {
    const bits = [
      jobStatusCell(n, c),
      n.nodeDetails?.isMainNode ? c.bold('main') : undefined,
      n.container?.exitCode === undefined ? undefined : `exit ${n.container.exitCode}`,
      n.statusReason ? c.dim(n.statusReason) : undefined,
    ].filter(Boolean);
    return [`#${n.nodeDetails?.nodeIndex ?? n.jobId?.split('#').pop() ?? '?'}`, bits.join(' · ')];
  });
}

function logRows(job: JobDetail): DetailRow[] {
  const stream = job.container?.logStreamName;
  if (!stream) return [];
  return [
    ['Group', jobLogGroup(job)],
    ['Stream', stream],
  ];
}

/** A word as a shell would need it quoted (for showing commands). */
export function shellQuote(word: string): string {
  if (word === '') return "''";
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Counts of a snapshot's status listing, for `queue snapshot`: every status, zeros included. */
export function allStatusCounts(counts: StatusCounts): Record<JobStatus, number> {
  const out = {} as Record<JobStatus, number>;
  for (const s of JOB_STATUSES) out[s] = counts[s]?.n ?? 0;
  return out;
}
