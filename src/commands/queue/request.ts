/** Flags -> CreateJobQueue / UpdateJobQueue requests (pure), and which flag sets which API field. */
import type { ComputeEnvironmentOrder, JobStateTimeLimitAction } from '@aws-sdk/client-batch';
import { InvalidArgumentError } from 'commander';
import { TIME_LIMIT_REASONS } from '../../domain/validation/job-queue.js';
import { parseDuration } from '../shared/flags.js';

/** API field -> the flag that sets it (for validation messages). */
export const QUEUE_FLAG_FIELDS: Record<string, string> = {
  jobQueueName: '<name>',
  jobQueue: '<queue>',
  priority: '--priority',
  computeEnvironmentOrder: '--ce',
  schedulingPolicyArn: '--scheduling-policy',
  jobStateTimeLimitActions: '--state-time-limit',
  tags: '--tag',
};

/**
 * `--ce NAME[:ORDER]` values -> computeEnvironmentOrder. An entry without `:ORDER` takes its
 * position (1, 2, 3), so `--ce fast --ce cheap` tries fast first.
 */
export function parseCeOrder(values: readonly string[]): ComputeEnvironmentOrder[] {
  const entries = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return entries.map((v, i) => {
    const m = /^(.+):(\d+)$/.exec(v);
    return m ? { computeEnvironment: m[1]!, order: Number(m[2]) } : { computeEnvironment: v, order: i + 1 };
  });
}

/**
 * `--state-time-limit REASON:DURATION` -> a jobStateTimeLimitAction (CANCEL a RUNNABLE job stuck at
 * the head of the queue with that reason). REASON may drop its `CAPACITY:`/`MISCONFIGURATION:`
 * prefix; DURATION is seconds or `10m`, `4h`.
 */
export function parseTimeLimit(value: string): JobStateTimeLimitAction {
  const at = value.lastIndexOf(':');
  if (at <= 0) throw new InvalidArgumentError(`"${value}" must look like REASON:DURATION, e.g. CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY:4h`);
  const rawReason = value.slice(0, at).trim().toUpperCase();
  const reason = TIME_LIMIT_REASONS.find((r) => r === rawReason || r.endsWith(`:${rawReason}`)) ?? rawReason;
  const seconds = Math.round(parseDuration(value.slice(at + 1)) / 1000);
  return { reason, state: 'RUNNABLE', maxTimeSeconds: seconds, action: 'CANCEL' };
}

/** commander accumulator for repeatable `--state-time-limit`. */
export function collectTimeLimit(value: string, prev: JobStateTimeLimitAction[] = []): JobStateTimeLimitAction[] {
  return [...prev, parseTimeLimit(value)];
}
