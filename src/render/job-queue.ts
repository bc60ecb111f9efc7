/** Job queues -> table cells and describe views (pure; shared by `queue list/describe` and the dashboard). */
import type { JobQueueDetail } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { colorState, colorStatus } from './status.js';
import { nameFromArn, renderDetail, tagRows, type DetailSection } from './format.js';

/** The attached compute environments by ascending order, as names: `ce-a, ce-b`. */
export function queueComputeEnvironments(q: JobQueueDetail): string {
  const order = [...(q.computeEnvironmentOrder ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const ses = [...(q.serviceEnvironmentOrder ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const names = [...order.map((o) => nameFromArn(o.computeEnvironment)), ...ses.map((o) => nameFromArn(o.serviceEnvironment))];
  return names.length ? names.join(', ') : '-';
}

/** The scheduling policy's name, or FIFO when the queue has none. */
export function queuePolicy(q: JobQueueDetail): string {
  return q.schedulingPolicyArn ? nameFromArn(q.schedulingPolicyArn) : 'FIFO';
}

/** `jobStateTimeLimitActions` in one line: `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY 4h → CANCEL`. */
export function timeLimitSummary(q: JobQueueDetail): string {
  const actions = q.jobStateTimeLimitActions ?? [];
  if (!actions.length) return '-';
  return actions.map((a) => `${a.reason} ${formatSeconds(a.maxTimeSeconds)}`).join(', ');
}

/** 14400 -> `4h`, 5400 -> `1h30m`, 90 -> `90s`. */
export function formatSeconds(s: number | undefined): string {
  if (s === undefined) return '-';
  if (s % 60 !== 0 || s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
}

/** `queue list` columns: NAME PRIORITY STATE STATUS COMPUTE ENVIRONMENTS POLICY (+ ARN, TIME LIMITS, REASON). */
export const QUEUE_COLUMNS: Column<JobQueueDetail>[] = [
  { header: 'NAME', cell: (q) => q.jobQueueName ?? '' },
  { header: 'PRIORITY', cell: (q) => String(q.priority ?? '-') },
  { header: 'STATE', cell: (q, c) => colorState(q.state, c) },
  { header: 'STATUS', cell: (q, c) => colorStatus(q.status, c) },
  { header: 'COMPUTE ENVIRONMENTS', cell: (q) => queueComputeEnvironments(q) },
  { header: 'POLICY', cell: (q) => queuePolicy(q) },
  { header: 'TIME LIMITS', wide: true, cell: (q) => timeLimitSummary(q) },
  { header: 'ARN', wide: true, cell: (q) => q.jobQueueArn ?? '' },
  { header: 'REASON', wide: true, cell: (q) => q.statusReason ?? '-' },
];

/** The describe view of one job queue. */
export function describeJobQueue(q: JobQueueDetail, c: Palette): string {
  const status = q.statusReason ? `${colorStatus(q.status, c)} ${c.dim(`(${q.statusReason})`)}` : colorStatus(q.status, c);
  const order = [...(q.computeEnvironmentOrder ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const ses = [...(q.serviceEnvironmentOrder ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const sections: DetailSection[] = [
    {
      rows: [
        ['ARN', q.jobQueueArn],
        ['Type', q.jobQueueType],
        ['Priority', q.priority === undefined ? undefined : String(q.priority)],
        ['State', colorState(q.state, c)],
        ['Status', status],
        ['Scheduling', q.schedulingPolicyArn ? `fair share: ${q.schedulingPolicyArn}` : 'FIFO'],
      ],
    },
    {
      title: 'Compute environments',
      rows: [
        ...order.map((o): [string, string] => [String(o.order ?? '-'), nameFromArn(o.computeEnvironment)]),
        ...ses.map((o): [string, string] => [String(o.order ?? '-'), `${nameFromArn(o.serviceEnvironment)} ${c.dim('(service environment)')}`]),
      ],
    },
    {
      title: 'Job state time limits',
      rows: (q.jobStateTimeLimitActions ?? []).map((a): [string, string] => [
        a.state ?? 'RUNNABLE',
        `${a.reason} for ${formatSeconds(a.maxTimeSeconds)} → ${a.action ?? 'CANCEL'}`,
      ]),
    },
    { title: 'Tags', rows: tagRows(q.tags) },
  ];
  return renderDetail(q.jobQueueName ?? nameFromArn(q.jobQueueArn), sections, c);
}
