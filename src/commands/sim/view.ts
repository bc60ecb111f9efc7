/** How `sim status`, `sim advance` and `sim speed` show the simulator's state. */
import type { SimStatus } from '../../backend/sim/index.js';
import type { Palette } from '../../io/color.js';
import type { View } from '../../output/printer.js';
import { compareStrings } from '../../domain/compare.js';

/** What `-o json` prints: the status plus the simulated time as ISO and its lead on the wall clock. */
export interface SimStatusData extends SimStatus {
  time: string;
  aheadOfWallClockMs: number;
}

export function simStatusData(status: SimStatus, wallNow: number): SimStatusData {
  return { ...status, time: new Date(status.now).toISOString(), aheadOfWallClockMs: status.now - wallNow };
}

/** `12m 30s`, `3d 4h`, `250ms`: the two largest units, for people. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)}ms`;
  const units: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]];
  const parts: string[] = [];
  let rest = Math.floor(abs / 1000) * 1000;
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** "10m ahead of the wall clock" / "in step with the wall clock" / "5s behind the wall clock". */
export function describeLead(aheadMs: number): string {
  if (Math.abs(aheadMs) < 1000) return 'in step with the wall clock';
  return `${formatDuration(aheadMs)} ${aheadMs > 0 ? 'ahead of' : 'behind'} the wall clock`;
}

/** People's names for the simulator's count keys, [singular, plural], in the order they are listed. */
const COUNT_NAMES: Record<string, [string, string]> = {
  'batch:compute-environment': ['compute environment', 'compute environments'],
  'batch:job-queue': ['job queue', 'job queues'],
  'batch:job-definition': ['job definition', 'job definitions'],
  'batch:scheduling-policy': ['scheduling policy', 'scheduling policies'],
  'batch:consumable-resource': ['consumable resource', 'consumable resources'],
  'batch:client-token': ['client token', 'client tokens'],
  jobs: ['job', 'jobs'],
  'logs:group': ['log group', 'log groups'],
  'logs:event': ['log event', 'log events'],
  'iam:role': ['IAM role', 'IAM roles'],
  'iam:instance-profile': ['instance profile', 'instance profiles'],
  'iam:policy': ['IAM policy', 'IAM policies'],
  'eks:cluster': ['EKS cluster', 'EKS clusters'],
  'ec2:vpc': ['VPC', 'VPCs'],
  'ec2:subnet': ['subnet', 'subnets'],
  'ec2:security-group': ['security group', 'security groups'],
  'ec2:route-table': ['route table', 'route tables'],
  'ec2:internet-gateway': ['internet gateway', 'internet gateways'],
  'ec2:nat-gateway': ['NAT gateway', 'NAT gateways'],
  'ec2:vpc-endpoint': ['VPC endpoint', 'VPC endpoints'],
  'ec2:launch-template': ['launch template', 'launch templates'],
};

/** "2 compute environments, 1 job queue, 3 subnets": non-zero counts, Batch first; unknown keys last. */
export function formatCounts(counts: Record<string, number>): string {
  const known = Object.keys(COUNT_NAMES);
  const order = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order(a) - order(b) || compareStrings(a, b));
  if (entries.length === 0) return 'nothing';
  return entries.map(([k, n]) => `${n} ${COUNT_NAMES[k]?.[n === 1 ? 0 : 1] ?? k}`).join(', ');
}

export function simStatusView(status: SimStatus, wallNow: number): View {
  const data = simStatusData(status, wallNow);
  return {
    data,
    human: (c: Palette) => {
      const rows: Array<[string, string]> = [
        ['time', `${data.time} ${c.dim(`(${describeLead(data.aheadOfWallClockMs)})`)}`],
        ['speed', `${status.speed}x`],
        ['store', `${status.path} ${c.dim(`(schema v${status.schemaVersion})`)}`],
        ['world', `${status.region}, account ${status.accountId}`],
        ['resources', formatCounts(status.counts)],
      ];
      return rows.map(([k, v]) => `${c.bold(k.padEnd(10))} ${v}`).join('\n') + '\n';
    },
  };
}
