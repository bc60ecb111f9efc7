/**
 * How an attempt ends (spec/05 §1.2, §4.3): the behaviour timeline cut by the attempt timeout, with
 * the exit code, container reason and statusReason DescribeJobs shows, and the retry cause.
 *
 * Decisions (docs/simulator.md):
 * - The timeout counts from RUNNING (startedAt). At expiry the container gets SIGTERM; the tiny
 *   shell runs as PID 1, which ignores SIGTERM, so SIGKILL ends it 30 s later with exit code 137.
 *   Log lines written before the kill are kept. statusReason: `Job attempt duration exceeded timeout`.
 * - Any container exit (zero or not) gives statusReason `Essential container in task exited`.
 * - A command that never ends (`sleep infinity`) without a timeout runs until cancelled or terminated.
 * - Memory: the first instant the command's allocations (`Timeline.memory`) exceed the container's
 *   memory (the MEMORY resource requirement; on Fargate the task's memory), the kernel's OOM killer
 *   ends the container there: exit code 137, container reason `OutOfMemoryError: Container killed due
 *   to memory usage` (spec/05 §1.5), statusReason `Essential container in task exited`, retryable
 *   like any exit. An OOM before the timeout's SIGTERM wins over the timeout.
 */
import type { MemoryUse, Timeline, TimelineStep } from './behaviour.js';
import type { AttemptCause } from './retry.js';

/** statusReason texts the simulator uses ([obs] in spec/05 §1.5). */
export const ATTEMPT_STATUS_REASONS = {
  containerExited: 'Essential container in task exited',
  timeout: 'Job attempt duration exceeded timeout',
  hostTerminated: (instanceId: string) => `Host EC2 (instance ${instanceId}) terminated.`,
} as const;

/** The container reason of an attempt killed by the OOM killer (spec/05 §1.5, verbatim). */
export const OUT_OF_MEMORY_REASON = 'OutOfMemoryError: Container killed due to memory usage';

/** Seconds between SIGTERM and SIGKILL when Batch stops a container. */
export const STOP_GRACE_MS = 30_000;

/** Exit code of a container killed by SIGKILL. */
export const SIGKILL_EXIT_CODE = 137;

/** The end of an attempt, relative to its startedAt (RUNNING). */
export interface AttemptEnd {
  /** ms after RUNNING when the container is gone (Infinity: it never ends on its own). */
  endsAfterMs: number;
  exitCode?: number;
  /** The container reason (the OOM kill's). */
  reason?: string;
  statusReason?: string;
  cause: AttemptCause;
  succeeded: boolean;
  /** The log lines written before the end. */
  steps: TimelineStep[];
}

/** The first instant (ms after RUNNING) the allocations add up to more than `limitMiB`, if ever. */
export function outOfMemoryAt(memory: readonly MemoryUse[] | undefined, limitMiB: number): number | undefined {
  if (!memory?.length) return undefined;
  const starts = [...new Set(memory.map((m) => m.from))].sort((a, b) => a - b);
  for (const t of starts) {
    const used = memory.reduce((n, m) => (m.from <= t && t < m.to ? n + m.mib : n), 0);
    if (used > limitMiB) return t;
  }
  return undefined;
}

/**
 * Cuts a behaviour timeline by the attempt timeout (seconds, optional) and the container's memory
 * (MiB, optional), and names the outcome.
 */
export function attemptEnd(timeline: Timeline, attemptDurationSeconds?: number, memoryLimitMiB?: number): AttemptEnd {
  const limitMs = attemptDurationSeconds !== undefined ? attemptDurationSeconds * 1000 : Number.POSITIVE_INFINITY;
  const oom = memoryLimitMiB !== undefined ? outOfMemoryAt(timeline.memory, memoryLimitMiB) : undefined;
  if (oom !== undefined && oom < timeline.durationMs && oom <= limitMs) {
    return {
      endsAfterMs: oom,
      exitCode: SIGKILL_EXIT_CODE,
      reason: OUT_OF_MEMORY_REASON,
      statusReason: ATTEMPT_STATUS_REASONS.containerExited,
      cause: 'EXITED',
      succeeded: false,
      steps: timeline.steps.filter((s) => s.at <= oom),
    };
  }
  if (timeline.durationMs > limitMs) {
    const endsAfterMs = limitMs + STOP_GRACE_MS;
    return {
      endsAfterMs: Math.min(endsAfterMs, timeline.durationMs),
      exitCode: endsAfterMs < timeline.durationMs ? SIGKILL_EXIT_CODE : timeline.exitCode,
      statusReason: ATTEMPT_STATUS_REASONS.timeout,
      cause: 'TIMEOUT',
      succeeded: false,
      steps: timeline.steps.filter((s) => s.at <= endsAfterMs),
    };
  }
  if (!Number.isFinite(timeline.durationMs)) {
    return { endsAfterMs: Number.POSITIVE_INFINITY, cause: 'EXITED', succeeded: false, steps: timeline.steps };
  }
  return {
    endsAfterMs: timeline.durationMs,
    exitCode: timeline.exitCode,
    statusReason: ATTEMPT_STATUS_REASONS.containerExited,
    cause: 'EXITED',
    succeeded: timeline.exitCode === 0,
    steps: timeline.steps,
  };
}
