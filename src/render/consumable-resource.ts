/**
 * Consumable resources -> table cells and describe views (pure; shared by the `resource` commands
 * and `job describe`). Utilisation is in use ÷ total, as the console shows it (spec/03 §6).
 */
import type { ConsumableResourceSummary, DescribeConsumableResourceResponse, JobDetail, ListJobsByConsumableResourceSummary } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { nameFromArn, renderDetail, tagRows, type DetailSection } from './format.js';
import { definitionName, jobStatusCell, timeCell, type TimeStyle } from './job.js';

type Quantities = Pick<DescribeConsumableResourceResponse, 'totalQuantity' | 'inUseQuantity' | 'resourceType'>;

/** `50%` of a REPLENISHABLE total in use (full in yellow); `-` for NON_REPLENISHABLE or an empty total. */
export function utilisation(r: Quantities, c: Palette): string {
  if (r.resourceType === 'NON_REPLENISHABLE' || !r.totalQuantity) return '-';
  const pct = Math.round(((r.inUseQuantity ?? 0) / r.totalQuantity) * 100);
  return pct >= 100 ? c.yellow(`${pct}%`) : `${pct}%`;
}

/** `resource list` columns: NAME TYPE TOTAL IN USE USE; -o wide adds ARN. */
export const RESOURCE_COLUMNS: Column<ConsumableResourceSummary>[] = [
  { header: 'NAME', cell: (r) => r.consumableResourceName ?? '' },
  { header: 'TYPE', cell: (r, c) => (r.resourceType === 'NON_REPLENISHABLE' ? c.dim('NON_REPLENISHABLE') : (r.resourceType ?? '-')) },
  { header: 'TOTAL', cell: (r) => String(r.totalQuantity ?? '-') },
  { header: 'IN USE', cell: (r) => String(r.inUseQuantity ?? '-') },
  { header: 'USE', cell: (r, c) => utilisation(r, c) },
  { header: 'ARN', wide: true, cell: (r) => r.consumableResourceArn ?? '' },
];

/** `3 of 4` available, red when none is. */
function availableCell(r: DescribeConsumableResourceResponse, c: Palette): string {
  const a = r.availableQuantity ?? 0;
  const text = `${a} of ${r.totalQuantity ?? 0}`;
  return a <= 0 ? c.red(text) : c.green(text);
}

/** The describe view of one resource; `jobs` (ListJobsByConsumableResource) adds how many use or wait for it. */
export function describeConsumableResource(r: DescribeConsumableResourceResponse, c: Palette, style: TimeStyle, jobs?: ListJobsByConsumableResourceSummary[]): string {
  const counts = new Map<string, number>();
  for (const j of jobs ?? []) counts.set(j.jobStatus ?? '?', (counts.get(j.jobStatus ?? '?') ?? 0) + 1);
  const active = ['RUNNABLE', 'STARTING', 'RUNNING'].filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${jobStatusCell({ status: s as JobDetail['status'] }, c)}`);
  const sections: DetailSection[] = [
    {
      rows: [
        ['ARN', r.consumableResourceArn],
        ['Type', r.resourceType === 'NON_REPLENISHABLE' ? `NON_REPLENISHABLE ${c.dim('(units are used up, never returned)')}` : `${r.resourceType ?? 'REPLENISHABLE'} ${c.dim('(units return when a job ends)')}`],
        ['Total', String(r.totalQuantity ?? 0)],
        ['In use', String(r.inUseQuantity ?? 0)],
        ['Available', availableCell(r, c)],
        ['Utilisation', utilisation(r, c)],
        ['Created', r.createdAt === undefined ? undefined : timeCell(r.createdAt, style)],
        ['Jobs', jobs === undefined ? undefined : active.length ? active.join(' · ') : c.dim('none running or waiting')],
      ],
    },
    { title: 'Tags', rows: tagRows(r.tags) },
  ];
  return renderDetail(r.consumableResourceName ?? '', sections, c);
}

/** The job id at the end of a job ARN. */
export function jobIdOfArn(arn: string | undefined): string {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : '';
}

/** `resource jobs` columns: ID NAME STATUS QUANTITY QUEUE CREATED STARTED; -o wide adds DEFINITION, SHARE, NEEDS, REASON. */
export function resourceJobColumns(style: TimeStyle): Column<ListJobsByConsumableResourceSummary>[] {
  return [
    { header: 'ID', cell: (j) => jobIdOfArn(j.jobArn) },
    { header: 'NAME', cell: (j) => j.jobName ?? '' },
    { header: 'STATUS', cell: (j, c) => jobStatusCell({ status: j.jobStatus as JobDetail['status'] }, c) },
    { header: 'QUANTITY', cell: (j) => String(j.quantity ?? '-') },
    { header: 'QUEUE', cell: (j) => (j.jobQueueArn ? nameFromArn(j.jobQueueArn) : '-') },
    { header: 'CREATED', cell: (j) => timeCell(j.createdAt, style) },
    { header: 'STARTED', cell: (j) => timeCell(j.startedAt, style) },
    { header: 'DEFINITION', wide: true, cell: (j) => definitionName(j.jobDefinitionArn) },
    { header: 'SHARE', wide: true, cell: (j) => j.shareIdentifier ?? '-' },
    { header: 'NEEDS', wide: true, cell: (j) => (j.consumableResourceProperties?.consumableResourceList ?? []).map((r) => `${nameFromArn(r.consumableResource)}:${r.quantity ?? 1}`).join(', ') || '-' },
    { header: 'REASON', wide: true, cell: (j) => j.statusReason ?? '-' },
  ];
}
