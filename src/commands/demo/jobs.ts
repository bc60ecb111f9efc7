/**
 * The demo's jobs after setup: submit the array job and the job that depends on it, wait for them
 * by moving the simulated clock (never sleeping on the wall clock), one stderr line per state
 * change, then read their logs with `batchctl logs`' code and measure the run from the jobs
 * themselves (makespan, vCPU-seconds of running).
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import type { SimBackend } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import type { LogLine } from '../../domain/logs/format.js';
import { PendingError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import { readJobLogs } from '../logs/read.js';
import { describeJobsById } from '../logs/resolve.js';
import { formatDuration } from '../sim/view.js';

/** Longest the demo waits for its jobs, in simulated time. */
export const JOB_WAIT_LIMIT_MS = 30 * 60_000;

/** Polls move the clock 1 s at first, growing to 10 s while nothing changes (a change starts over). */
const POLL = { initialMs: 1_000, factor: 1.5, maxMs: 10_000 };

const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

/** What a line is printed for: a new status, or (array parents) a new count of children per status. */
function stateKey(job: JobDetail): string {
  return `${job.status}|${childCounts(job)}`;
}

/** `2 RUNNING, 3 SUCCEEDED` from an array parent's statusSummary (statuses in lifecycle order). */
export function childCounts(job: JobDetail): string {
  const summary = job.arrayProperties?.statusSummary;
  if (!summary) return '';
  const order = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];
  return order.filter((s) => (summary[s] ?? 0) > 0).map((s) => `${summary[s]} ${s}`).join(', ');
}

/**
 * Waits for the jobs in simulated time: DescribeJobs, and while one is still active, move the clock
 * (never sleep). One stderr line per change: `  +12s    demo-array  PENDING    children: 5 RUNNING`.
 */
export async function waitInSimTime(ctx: Context, sim: SimBackend, ids: string[], names: Map<string, string>): Promise<JobDetail[]> {
  const c = ctx.io.color();
  const start = sim.control.now();
  let now = start;
  let step = POLL.initialMs;
  const width = Math.max(...[...names.values()].map((n) => n.length));
  const seen = new Map<string, string>();
  for (;;) {
    const found = await describeJobsById(sim, ids);
    const jobs = ids.map((id) => found.get(id)).filter((j): j is JobDetail => j !== undefined);
    let changed = false;
    for (const job of jobs) {
      const key = stateKey(job);
      if (seen.get(job.jobId!) === key) continue;
      const first = !seen.has(job.jobId!);
      seen.set(job.jobId!, key);
      changed = true;
      ctx.io.err(transitionLine(job, first, now - start, names, width, c));
    }
    if (jobs.length === ids.length && jobs.every((j) => TERMINAL.has(j.status ?? ''))) return jobs;
    if (now - start >= JOB_WAIT_LIMIT_MS) {
      const pending = jobs.filter((j) => !TERMINAL.has(j.status ?? ''));
      throw new PendingError(
        `after ${formatDuration(JOB_WAIT_LIMIT_MS)} of simulated time, still waiting for ${pending.map((j) => `${j.jobName} (${j.status})`).join(', ')} [${sim.label}]`,
        'other jobs may be holding the queue: `batchctl job list` shows them, `batchctl sim reset` starts the simulator over',
      );
    }
    step = changed ? POLL.initialMs : Math.min(POLL.maxMs, Math.round(step * POLL.factor)); // whole ms: the clock stamps log events
    now = sim.control.advance(step).now;
  }
}

function transitionLine(job: JobDetail, first: boolean, offsetMs: number, names: Map<string, string>, width: number, c: Palette): string {
  const status = job.status ?? '?';
  const padded = status.padEnd(10);
  const painted = status === 'SUCCEEDED' ? c.green(padded) : status === 'FAILED' ? c.red(padded) : c.yellow(padded);
  const counts = childCounts(job);
  const extra = counts ? `children: ${counts}` : first && job.dependsOn?.length ? `waits for ${job.dependsOn.map((d) => names.get(d.jobId ?? '') ?? d.jobId).join(', ')}` : '';
  const name = (names.get(job.jobId ?? '') ?? job.jobName ?? job.jobId ?? '').padEnd(width);
  const at = `+${offsetMs < 1000 ? '0s' : formatDuration(offsetMs)}`.padEnd(8);
  return `  ${c.dim(at)} ${name}  ${painted}${extra ? ` ${c.dim(extra)}` : ''}`.trimEnd() + '\n';
}

/** The lines of the jobs' streams: an array parent's children labelled [index], merged by time. */
export async function jobLines(ctx: Context, jobId: string, opts: { children?: boolean } = {}): Promise<LogLine[]> {
  return (await readJobLogs(ctx, [jobId], { children: opts.children })).lines;
}

/** An array parent's children, described (DescribeJobs by `id:N`). */
export async function describeChildren(sim: SimBackend, parent: JobDetail): Promise<JobDetail[]> {
  const size = parent.arrayProperties?.size ?? 0;
  const ids = Array.from({ length: size }, (_, i) => `${parent.jobId}:${i}`);
  const found = await describeJobsById(sim, ids);
  return ids.map((id) => found.get(id)).filter((j): j is JobDetail => j !== undefined);
}

export interface RunMeasure {
  /** First createdAt to last stoppedAt of the jobs measured (simulated ms). */
  makespanMs: number;
  startedAt: number;
  endedAt: number;
  /** Σ vCPUs × (stoppedAt − startedAt) over the jobs that ran a container. */
  vcpuSeconds: number;
}

/** vCPUs a job asked for (resourceRequirements VCPU, or the legacy vcpus field). */
export function vcpusOf(job: JobDetail): number {
  const r = job.container?.resourceRequirements?.find((x) => x.type === 'VCPU')?.value;
  return Number(r ?? job.container?.vcpus ?? 0) || 0;
}

/**
 * Makespan and vCPU-seconds: `spans` are the jobs whose creation-to-end counts (parents included),
 * `runners` those that ran a container (children and single jobs, not array parents).
 */
export function measure(spans: readonly JobDetail[], runners: readonly JobDetail[]): RunMeasure {
  const created = spans.map((j) => j.createdAt ?? Infinity);
  const stopped = spans.map((j) => j.stoppedAt ?? -Infinity);
  const startedAt = Math.min(...created);
  const endedAt = Math.max(...stopped);
  let vcpuMs = 0;
  for (const j of runners) if (j.startedAt && j.stoppedAt) vcpuMs += vcpusOf(j) * (j.stoppedAt - j.startedAt);
  const ok = Number.isFinite(startedAt) && Number.isFinite(endedAt) && endedAt >= startedAt;
  return { makespanMs: ok ? endedAt - startedAt : 0, startedAt: ok ? startedAt : 0, endedAt: ok ? endedAt : 0, vcpuSeconds: Math.round(vcpuMs) / 1000 };
}
