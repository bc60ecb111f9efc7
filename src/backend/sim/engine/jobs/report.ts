/**
 * What `sim run --until-idle` reports: how the workload (every job that was not finished when the
 * run began) played out — makespan, vCPU-hours per compute environment, the time each job waited
 * before it started, and the failures with their reasons.
 */
import type * as B from '@aws-sdk/client-batch';
import type { SimCtx } from '../../context.js';
import { KIND } from '../../world/kinds.js';
import type { CeUsage, Inst } from './model.js';
import { compareStrings } from '../../../../domain/compare.js';

export interface RunSummary {
  /** Simulated instant the run began and ended at (epoch ms). */
  startedAt: number;
  endedAt: number;
  /** How it ended: every job finished, the --max limit, or nothing left that could ever happen (jobs stuck). */
  outcome: 'IDLE' | 'MAX_REACHED' | 'STUCK';
  /** From the earliest createdAt of the workload to its last job's end (or the end of the run). */
  makespanMs: number;
  jobs: { total: number; succeeded: number; failed: number; unfinished: number };
  computeEnvironments: Array<{ name: string; jobVcpuHours: number; instanceVcpuHours: number }>;
  /** createdAt -> first STARTING, over jobs that started. */
  wait: { count: number; p50Ms: number; p90Ms: number; maxMs: number; slowest: Array<{ jobId: string; jobName: string; waitMs: number }> };
  failures: Array<{ statusReason: string; count: number; jobIds: string[] }>;
  /** Up to 10 jobs still unfinished at the end (with their status and reason). */
  unfinished: Array<{ jobId: string; jobName: string; status: string; statusReason?: string }>;
}

/** Instance vCPU-milliseconds per CE at `t`: terminated instances plus the live ones so far. */
export function instanceVcpuMs(usage: Record<string, CeUsage>, instances: Iterable<Inst>, t: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [arn, u] of Object.entries(usage)) if (arn) out.set(arn, u.iv);
  for (const i of instances) out.set(i.ceArn, (out.get(i.ceArn) ?? 0) + i.tv * (t - i.launchedAt));
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

export interface Snapshot {
  jobVcpuMs: Map<string, number>;
  instanceVcpuMs: Map<string, number>;
}

export function summarise(ctx: SimCtx, start: number, end: number, outcome: RunSummary['outcome'], before: Snapshot, after: Snapshot): RunSummary {
  const rows = ctx.jobs.workload(start);
  let succeeded = 0;
  let failed = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = start;
  const waits: Array<{ jobId: string; jobName: string; waitMs: number }> = [];
  const failures = new Map<string, { count: number; jobIds: string[] }>();
  const unfinished: RunSummary['unfinished'] = [];
  for (const r of rows) {
    first = Math.min(first, r.createdAt);
    if (r.stoppedAt !== null) last = Math.max(last, r.stoppedAt);
    if (r.firstStartingAt !== null) waits.push({ jobId: r.jobId, jobName: r.name, waitMs: r.firstStartingAt - r.createdAt });
    if (r.status === 'SUCCEEDED') succeeded++;
    else if (r.status === 'FAILED') {
      failed++;
      const key = r.statusReason ?? '(no reason)';
      const f = failures.get(key) ?? { count: 0, jobIds: [] };
      f.count++;
      if (f.jobIds.length < 5) f.jobIds.push(r.jobId);
      failures.set(key, f);
    } else if (unfinished.length < 10) unfinished.push({ jobId: r.jobId, jobName: r.name, status: r.status, ...(r.statusReason ? { statusReason: r.statusReason } : {}) });
  }
  const total = rows.length;
  const open = total - succeeded - failed;
  if (open > 0) last = end;
  const sorted = waits.map((w) => w.waitMs).sort((a, b) => a - b);
  const slowest = [...waits].sort((a, b) => b.waitMs - a.waitMs || (a.jobId < b.jobId ? -1 : 1)).slice(0, 5);
  const names = new Map(ctx.resources.list<B.ComputeEnvironmentDetail>(KIND.computeEnvironment).map((r) => [r.arn!, r.id]));
  const ceArns = new Set([...after.jobVcpuMs.keys(), ...after.instanceVcpuMs.keys()]);
  const ces = [...ceArns]
    .filter((a) => a)
    .map((arn) => ({
      name: names.get(arn) ?? arn,
      jobVcpuHours: round(((after.jobVcpuMs.get(arn) ?? 0) - (before.jobVcpuMs.get(arn) ?? 0)) / 3_600_000),
      instanceVcpuHours: round(((after.instanceVcpuMs.get(arn) ?? 0) - (before.instanceVcpuMs.get(arn) ?? 0)) / 3_600_000),
    }))
    .filter((c) => c.jobVcpuHours > 0 || c.instanceVcpuHours > 0)
    .sort((a, b) => compareStrings(a.name, b.name));
  return {
    startedAt: start,
    endedAt: end,
    outcome,
    makespanMs: total === 0 ? 0 : Math.max(0, last - first),
    jobs: { total, succeeded, failed, unfinished: open },
    computeEnvironments: ces,
    wait: { count: sorted.length, p50Ms: percentile(sorted, 50), p90Ms: percentile(sorted, 90), maxMs: sorted[sorted.length - 1] ?? 0, slowest },
    failures: [...failures.entries()].map(([statusReason, f]) => ({ statusReason, ...f })).sort((a, b) => b.count - a.count || compareStrings(a.statusReason, b.statusReason)),
    unfinished,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
