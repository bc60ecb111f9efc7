/**
 * Blocked queues (spec/03 §3, spec/06 §4.1): the verbatim statusReason a RUNNABLE job at the head of
 * a queue shows when it can't be placed, and `jobStateTimeLimitActions` evaluation (cancel a head job
 * that kept the same reason for maxTimeSeconds).
 *
 * Decisions (docs/simulator.md):
 * - Checks run in this order over the queue's CEs (in queue order), the first that applies wins:
 *   no usable CE (ENABLED and VALID/UPDATING): ACTION_REQUIRED if one is INVALID, otherwise no
 *   reason (DISABLED CEs mean waiting, not blocked); a queue with no CE at all: UNDETERMINED;
 *   every usable CE has a service-role problem: SERVICE_ROLE_PERMISSIONS; no CE can ever hold the
 *   job: JOB_RESOURCE_REQUIREMENT if no CE has an instance type (or Fargate size) big enough,
 *   otherwise COMPUTE_ENVIRONMENT_MAX_RESOURCE; every CE that could hold it has an unsupported
 *   instance configuration: EC2_INSTANCE_CONFIGURATION_UNSUPPORTED; it fits nowhere now and every
 *   such EC2 CE waits on a type EC2 cannot supply: INSUFFICIENT_INSTANCE_CAPACITY naming the first
 *   CE's type (for MNP jobs the first CE alone decides). Anything else is waiting, not blocked.
 * - `[instanceTypeName]` keeps its square brackets, as in the documented text.
 * - The time-limit clock starts when the job got its current blocked reason (`reasonSince`); with
 *   several actions for one reason the smallest maxTimeSeconds wins. CANCEL gives
 *   `Canceled by JobStateTimeLimit action due to reason: <CODE>`; TERMINATE (SageMaker queues)
 *   `Terminated by JobStateTimeLimit action due to reason: <CODE>`.
 */
import type { JobStateTimeLimitAction } from '@aws-sdk/client-batch';
import { type CapacityCe, type Demand, canEverFit, chooseInstanceType, isFargate, placeOnInstances } from './capacity.js';
import { computeEnvironmentOrder, isUsableCe } from './order.js';

/** The codes of the blocked-queue reasons (the part before ` - `). */
export const BLOCKED_CODES = {
  INSUFFICIENT_INSTANCE_CAPACITY: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY',
  COMPUTE_ENVIRONMENT_MAX_RESOURCE: 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE',
  JOB_RESOURCE_REQUIREMENT: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT',
  SERVICE_ROLE_PERMISSIONS: 'MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS',
  EC2_INSTANCE_CONFIGURATION_UNSUPPORTED: 'MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED',
  ACTION_REQUIRED: 'ACTION_REQUIRED',
  UNDETERMINED: 'UNDETERMINED',
} as const;

/** The verbatim statusReason texts (spec/06 §4.1). */
export const BLOCKED_REASONS = {
  insufficientInstanceCapacity: (instanceType: string) =>
    `CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Service cannot fulfill the capacity requested for instance type [${instanceType}]`,
  computeEnvironmentMaxResource: 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.',
  jobResourceRequirement:
    'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.',
  serviceRolePermissions: 'MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS - Batch service role has a permission issue.',
  ec2InstanceConfigurationUnsupported:
    'MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED - Your compute environment associated with this job queue has an unsupported instance type configuration.',
  actionRequired: 'ACTION_REQUIRED - CE(s) associated with the job queue are invalid.',
  undetermined: 'UNDETERMINED - Batch job is blocked, root cause is undetermined.',
} as const;

/** Codes a jobStateTimeLimitAction can act on (SERVICE_ROLE_PERMISSIONS, ACTION_REQUIRED, UNDETERMINED can't). */
export const ACTIONABLE_CODES: readonly string[] = [
  BLOCKED_CODES.INSUFFICIENT_INSTANCE_CAPACITY,
  BLOCKED_CODES.COMPUTE_ENVIRONMENT_MAX_RESOURCE,
  BLOCKED_CODES.JOB_RESOURCE_REQUIREMENT,
  BLOCKED_CODES.EC2_INSTANCE_CONFIGURATION_UNSUPPORTED,
  'MISCONFIGURATION:SERVICE_ENVIRONMENT_MAX_RESOURCE',
];

/** The code of a blocked statusReason (`CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - …` -> the part before ` - `). */
export function blockedReasonCode(statusReason: string | undefined): string | undefined {
  if (!statusReason) return undefined;
  const code = statusReason.split(' - ')[0] as string;
  return (Object.values(BLOCKED_CODES) as string[]).includes(code) ? code : undefined;
}

/** A CE as the blocked-reason check sees it: capacity plus state and the faults that block. */
export interface BlockedCeView extends CapacityCe {
  computeEnvironmentArn?: string;
  state?: string;
  status?: string;
  /** false when the CE's service role lacks a permission Batch needs. */
  serviceRoleOk?: boolean;
  /** true when its instance types can't be launched as configured (AZ offering, launch template). */
  unsupportedInstanceConfiguration?: boolean;
}

/** The head job: what it needs, and whether it is a multi-node parallel job. */
export interface BlockedJobView {
  demand: Demand;
  multiNode?: boolean;
}

/**
 * The statusReason of a RUNNABLE head job that can't be placed, or undefined when it is merely
 * waiting (or can run). `ces` are looked up by the names/ARNs in the queue's computeEnvironmentOrder.
 */
export function blockedReason(
  job: BlockedJobView,
  queue: { computeEnvironmentOrder: ReadonlyArray<{ computeEnvironment?: string; order?: number }> },
  ces: ReadonlyMap<string, BlockedCeView> | readonly BlockedCeView[],
): string | undefined {
  const lookup = (ref: string): BlockedCeView | undefined =>
    Array.isArray(ces)
      ? (ces as readonly BlockedCeView[]).find((c) => c.name === ref || c.computeEnvironmentArn === ref)
      : (ces as ReadonlyMap<string, BlockedCeView>).get(ref);
  const ordered = computeEnvironmentOrder(queue)
    .map(lookup)
    .filter((c): c is BlockedCeView => c !== undefined);
  if (ordered.length === 0) return BLOCKED_REASONS.undetermined;

  const usable = ordered.filter(isUsableCe);
  if (usable.length === 0) return ordered.some((c) => c.status === 'INVALID') ? BLOCKED_REASONS.actionRequired : undefined;

  const permitted = usable.filter((c) => c.serviceRoleOk !== false);
  if (permitted.length === 0) return BLOCKED_REASONS.serviceRolePermissions;

  const verdicts = permitted.map((c) => ({ ce: c, fit: canEverFit(job.demand, c) }));
  const fitting = verdicts.filter((v) => v.fit.ok).map((v) => v.ce);
  if (fitting.length === 0) {
    const allType = verdicts.every((v) => !v.fit.ok && v.fit.reason === 'JOB_RESOURCE_REQUIREMENT');
    return allType ? BLOCKED_REASONS.jobResourceRequirement : BLOCKED_REASONS.computeEnvironmentMaxResource;
  }

  const configured = fitting.filter((c) => !c.unsupportedInstanceConfiguration);
  if (configured.length === 0) return BLOCKED_REASONS.ec2InstanceConfigurationUnsupported;

  // Capacity: the job can't go on a running instance and every EC2 CE able to hold it waits on a short type.
  const shortType = (c: BlockedCeView): string | undefined => {
    if (isFargate(c.type)) return undefined;
    if ((job.demand.nodes ?? 1) <= 1 && placeOnInstances(job.demand, c.instances)) return undefined;
    const choice = chooseInstanceType(c, job.demand);
    return 'waitingFor' in choice ? choice.waitingFor : undefined;
  };
  if (job.multiNode) {
    const t = shortType(configured[0] as BlockedCeView);
    return t ? BLOCKED_REASONS.insufficientInstanceCapacity(t) : undefined;
  }
  const shorts = configured.map(shortType);
  if (shorts.every((t) => t !== undefined)) return BLOCKED_REASONS.insufficientInstanceCapacity(shorts[0] as string);
  return undefined;
}

/** The statusReason a job gets when a jobStateTimeLimitAction fires. */
export function timeLimitStatusReason(code: string, action: string = 'CANCEL'): string {
  return `${action === 'TERMINATE' ? 'Terminated' : 'Canceled'} by JobStateTimeLimit action due to reason: ${code}`;
}

/** A RUNNABLE head job with the blocked reason it shows and since when. */
export interface HeadJobView {
  jobId: string;
  status: string;
  statusReason?: string;
  /** When the job got its current statusReason (ms). */
  reasonSince: number;
}

/** A jobStateTimeLimitAction that fires: the job, the action and the job's new statusReason. */
export interface TimeLimitFiring {
  jobId: string;
  action: string;
  statusReason: string;
}

/** When the action matching a head job's reason fires (ms), or undefined if none applies. */
export function timeLimitDeadline(job: HeadJobView, actions: readonly JobStateTimeLimitAction[] | undefined): { at: number; action: JobStateTimeLimitAction } | undefined {
  if (job.status !== 'RUNNABLE') return undefined;
  const code = blockedReasonCode(job.statusReason);
  if (!code || !ACTIONABLE_CODES.includes(code)) return undefined;
  const matching = (actions ?? []).filter((a) => (a.state ?? 'RUNNABLE') === 'RUNNABLE' && a.reason === code && a.maxTimeSeconds !== undefined);
  if (matching.length === 0) return undefined;
  const first = matching.reduce((a, b) => ((b.maxTimeSeconds as number) < (a.maxTimeSeconds as number) ? b : a));
  return { at: job.reasonSince + (first.maxTimeSeconds as number) * 1000, action: first };
}

/** The head jobs whose matching jobStateTimeLimitAction has fired by `now`. */
export function evaluateTimeLimitActions(heads: readonly HeadJobView[], actions: readonly JobStateTimeLimitAction[] | undefined, now: number): TimeLimitFiring[] {
  const out: TimeLimitFiring[] = [];
  for (const job of heads) {
    const d = timeLimitDeadline(job, actions);
    if (!d || now < d.at) continue;
    const action = d.action.action ?? 'CANCEL';
    out.push({ jobId: job.jobId, action, statusReason: timeLimitStatusReason(d.action.reason as string, action) });
  }
  return out;
}
