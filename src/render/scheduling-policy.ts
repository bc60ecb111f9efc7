/** Scheduling policies -> table cells and describe views (pure; shared by `policy list/describe` and the dashboard). */
import type { SchedulingPolicyDetail } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { renderDetail, tagRows, type DetailSection } from './format.js';
import { formatSeconds } from './job-queue.js';

/** `team-a:1, team-b*:0.5` (weight factor 1 is the default and still shown). */
export function policyShares(p: SchedulingPolicyDetail): string {
  const shares = p.fairsharePolicy?.shareDistribution ?? [];
  return shares.length ? shares.map((s) => `${s.shareIdentifier}:${s.weightFactor ?? 1}`).join(', ') : '-';
}

/** FAIR_SHARE or QUOTA_SHARE. */
export function policyKind(p: SchedulingPolicyDetail): string {
  if (p.quotaSharePolicy) return 'QUOTA_SHARE';
  return 'FAIR_SHARE';
}

/** `policy list` columns: NAME KIND SHARE DECAY RESERVATION SHARES (+ ARN with -o wide). */
export const POLICY_COLUMNS: Column<SchedulingPolicyDetail>[] = [
  { header: 'NAME', cell: (p) => p.name ?? '' },
  { header: 'KIND', cell: (p) => policyKind(p) },
  { header: 'SHARE DECAY', cell: (p) => (p.fairsharePolicy ? formatSeconds(p.fairsharePolicy.shareDecaySeconds ?? 0) : '-') },
  { header: 'RESERVATION', cell: (p) => (p.fairsharePolicy ? `${p.fairsharePolicy.computeReservation ?? 0}%` : '-') },
  { header: 'SHARES', cell: (p) => policyShares(p) },
  { header: 'ARN', wide: true, cell: (p) => p.arn ?? '' },
];

/** The describe view of one scheduling policy. */
export function describeSchedulingPolicy(p: SchedulingPolicyDetail, c: Palette): string {
  const f = p.fairsharePolicy;
  const decay = f?.shareDecaySeconds;
  const sections: DetailSection[] = [
    {
      rows: [
        ['ARN', p.arn],
        ['Kind', policyKind(p)],
        ['Share decay', f ? (decay ? formatSeconds(decay) : `0 ${c.dim('(the 600s minimum)')}`) : undefined],
        ['Reservation', f ? `${f.computeReservation ?? 0}%` : undefined],
        ['Idle capacity', p.quotaSharePolicy?.idleResourceAssignmentStrategy],
      ],
    },
    {
      title: 'Shares (lower weight = larger share)',
      rows: (f?.shareDistribution ?? []).map((s): [string, string] => [s.shareIdentifier ?? '', String(s.weightFactor ?? 1)]),
    },
    { title: 'Tags', rows: tagRows(p.tags) },
  ];
  return renderDetail(p.name ?? '', sections, c);
}
