import { describe, expect, it } from 'vitest';
import {
  ACTIONABLE_CODES,
  BLOCKED_REASONS,
  type BlockedCeView,
  blockedReason,
  blockedReasonCode,
  evaluateTimeLimitActions,
  timeLimitDeadline,
  timeLimitStatusReason,
} from '../../../src/domain/scheduling/blocked.js';
import { instanceCapacity } from '../../../src/domain/scheduling/capacity.js';

const m5large = { name: 'm5.large', vcpus: 2, memoryMiB: 8192, gpus: 0, price: 0.096 };
const m5xlarge = { name: 'm5.xlarge', vcpus: 4, memoryMiB: 16384, gpus: 0, price: 0.192 };

const ce = (name: string, over: Partial<BlockedCeView> = {}): BlockedCeView => ({
  name,
  type: 'EC2',
  allocationStrategy: 'BEST_FIT_PROGRESSIVE',
  minvCpus: 0,
  maxvCpus: 16,
  instanceTypes: [m5large, m5xlarge],
  instances: [],
  state: 'ENABLED',
  status: 'VALID',
  ...over,
});
const queue = (...names: string[]) => ({ computeEnvironmentOrder: names.map((computeEnvironment, k) => ({ computeEnvironment, order: k + 1 })) });
const small = { demand: { vcpus: 1, memoryMiB: 1024, gpus: 0 } };

describe('blockedReason', () => {
  it('the documented texts, verbatim', () => {
    expect(BLOCKED_REASONS.insufficientInstanceCapacity('p4d.24xlarge')).toBe(
      'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Service cannot fulfill the capacity requested for instance type [p4d.24xlarge]',
    );
    expect(BLOCKED_REASONS.computeEnvironmentMaxResource).toBe(
      'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.',
    );
    expect(BLOCKED_REASONS.jobResourceRequirement).toBe(
      'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.',
    );
    expect(BLOCKED_REASONS.serviceRolePermissions).toBe('MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS - Batch service role has a permission issue.');
    expect(BLOCKED_REASONS.ec2InstanceConfigurationUnsupported).toBe(
      'MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED - Your compute environment associated with this job queue has an unsupported instance type configuration.',
    );
    expect(BLOCKED_REASONS.actionRequired).toBe('ACTION_REQUIRED - CE(s) associated with the job queue are invalid.');
    expect(BLOCKED_REASONS.undetermined).toBe('UNDETERMINED - Batch job is blocked, root cause is undetermined.');
  });

  it('a job that fits is not blocked', () => {
    expect(blockedReason(small, queue('a'), [ce('a')])).toBeUndefined();
  });

  it('a job that can never fit any instance type: JOB_RESOURCE_REQUIREMENT', () => {
    expect(blockedReason({ demand: { vcpus: 64, memoryMiB: 1024, gpus: 0 } }, queue('a', 'b'), [ce('a'), ce('b')])).toBe(BLOCKED_REASONS.jobResourceRequirement);
    expect(blockedReason({ demand: { vcpus: 1, memoryMiB: 1024, gpus: 1 } }, queue('a'), [ce('a')])).toBe(BLOCKED_REASONS.jobResourceRequirement);
  });

  it('a job bigger than every maxvCpus: COMPUTE_ENVIRONMENT_MAX_RESOURCE (even if another CE lacks the type)', () => {
    const job = { demand: { vcpus: 4, memoryMiB: 1024, gpus: 0 } };
    expect(blockedReason(job, queue('a'), [ce('a', { maxvCpus: 2 })])).toBe(BLOCKED_REASONS.computeEnvironmentMaxResource);
    expect(blockedReason(job, queue('a', 'b'), [ce('a', { maxvCpus: 2 }), ce('b', { instanceTypes: [m5large] })])).toBe(BLOCKED_REASONS.computeEnvironmentMaxResource);
  });

  it('looks CEs up by ARN or through a map', () => {
    const c = ce('a', { computeEnvironmentArn: 'arn:ce/a', maxvCpus: 2 });
    const job = { demand: { vcpus: 4, memoryMiB: 1024, gpus: 0 } };
    expect(blockedReason(job, queue('arn:ce/a'), [c])).toBe(BLOCKED_REASONS.computeEnvironmentMaxResource);
    expect(blockedReason(job, queue('a'), new Map([['a', c]]))).toBe(BLOCKED_REASONS.computeEnvironmentMaxResource);
  });

  it('all CEs INVALID (or INVALID and DISABLED): ACTION_REQUIRED', () => {
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { status: 'INVALID' }), ce('b', { status: 'INVALID' })])).toBe(BLOCKED_REASONS.actionRequired);
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { status: 'INVALID' }), ce('b', { state: 'DISABLED' })])).toBe(BLOCKED_REASONS.actionRequired);
  });

  it('an INVALID CE is skipped when another can run the job', () => {
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { status: 'INVALID' }), ce('b')])).toBeUndefined();
  });

  it('all CEs DISABLED: waiting, not blocked', () => {
    expect(blockedReason(small, queue('a'), [ce('a', { state: 'DISABLED' })])).toBeUndefined();
  });

  it('a queue whose CEs are gone: UNDETERMINED', () => {
    expect(blockedReason(small, queue('gone'), [])).toBe(BLOCKED_REASONS.undetermined);
  });

  it('service-role problems in every usable CE: SERVICE_ROLE_PERMISSIONS', () => {
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { serviceRoleOk: false }), ce('b', { serviceRoleOk: false })])).toBe(BLOCKED_REASONS.serviceRolePermissions);
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { serviceRoleOk: false }), ce('b')])).toBeUndefined();
  });

  it('unsupported instance configuration in every CE that could run it', () => {
    expect(blockedReason(small, queue('a'), [ce('a', { unsupportedInstanceConfiguration: true })])).toBe(BLOCKED_REASONS.ec2InstanceConfigurationUnsupported);
  });

  it('insufficient capacity in every CE: names the instance type the first CE wants', () => {
    const short = new Set(['m5.large', 'm5.xlarge']);
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { unavailableTypes: short }), ce('b', { unavailableTypes: short })])).toBe(
      BLOCKED_REASONS.insufficientInstanceCapacity('m5.large'),
    );
    // One CE still able to launch: not blocked.
    expect(blockedReason(small, queue('a', 'b'), [ce('a', { unavailableTypes: short }), ce('b')])).toBeUndefined();
    // BEST_FIT waits for its single type even if another type is available.
    expect(blockedReason(small, queue('a'), [ce('a', { allocationStrategy: 'BEST_FIT', unavailableTypes: new Set(['m5.large']) })])).toBe(
      BLOCKED_REASONS.insufficientInstanceCapacity('m5.large'),
    );
  });

  it('room on a running instance means not blocked, whatever EC2 can supply', () => {
    const running = { id: 'i-1', type: 'm5.large', typeVcpus: 2, ...instanceCapacity(m5large), usedVcpus: 0, usedMemoryMiB: 0, usedGpus: 0, jobs: 0, state: 'RUNNING' as const };
    expect(blockedReason(small, queue('a'), [ce('a', { unavailableTypes: new Set(['m5.large', 'm5.xlarge']), instances: [running] })])).toBeUndefined();
  });

  it('MNP: insufficient capacity in the first CE blocks the queue even if a later CE could run it', () => {
    const mnp = { demand: { vcpus: 2, memoryMiB: 1024, gpus: 0, nodes: 2 }, multiNode: true };
    const queueAB = queue('a', 'b');
    expect(blockedReason(mnp, queueAB, [ce('a', { unavailableTypes: new Set(['m5.large', 'm5.xlarge']) }), ce('b')])).toBe(
      BLOCKED_REASONS.insufficientInstanceCapacity('m5.large'),
    );
  });

  it('Fargate: too big or GPU is a resource requirement problem; capacity is never short', () => {
    const f = ce('f', { type: 'FARGATE', instanceTypes: [], maxvCpus: 8 });
    expect(blockedReason({ demand: { vcpus: 1, memoryMiB: 2048, gpus: 1 } }, queue('f'), [f])).toBe(BLOCKED_REASONS.jobResourceRequirement);
    expect(blockedReason({ demand: { vcpus: 16, memoryMiB: 32768, gpus: 0 } }, queue('f'), [f])).toBe(BLOCKED_REASONS.computeEnvironmentMaxResource);
    expect(blockedReason({ demand: { vcpus: 1, memoryMiB: 2048, gpus: 0 } }, queue('f'), [f])).toBeUndefined();
  });

  it('extracts the code of a reason', () => {
    expect(blockedReasonCode(BLOCKED_REASONS.insufficientInstanceCapacity('x'))).toBe('CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY');
    expect(blockedReasonCode(BLOCKED_REASONS.actionRequired)).toBe('ACTION_REQUIRED');
    expect(blockedReasonCode('Essential container in task exited')).toBeUndefined();
    expect(blockedReasonCode(undefined)).toBeUndefined();
  });
});

describe('jobStateTimeLimitActions', () => {
  const actions = [
    { reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE' as const, maxTimeSeconds: 14400, action: 'CANCEL' as const },
    { reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE' as const, maxTimeSeconds: 600, action: 'CANCEL' as const },
    { reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE' as const, maxTimeSeconds: 900, action: 'CANCEL' as const },
  ];
  const head = (statusReason: string, reasonSince = 0, status = 'RUNNABLE') => ({ jobId: 'j', status, statusReason, reasonSince });

  it('cancels a head job that kept the matching reason for maxTimeSeconds, with the documented text', () => {
    const h = head(BLOCKED_REASONS.insufficientInstanceCapacity('m5.large'), 1000);
    expect(evaluateTimeLimitActions([h], actions, 1000 + 14400_000 - 1)).toEqual([]);
    expect(evaluateTimeLimitActions([h], actions, 1000 + 14400_000)).toEqual([
      { jobId: 'j', action: 'CANCEL', statusReason: 'Canceled by JobStateTimeLimit action due to reason: CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY' },
    ]);
  });

  it('the smallest maxTimeSeconds among actions for one reason wins', () => {
    expect(timeLimitDeadline(head(BLOCKED_REASONS.jobResourceRequirement, 0), actions)?.at).toBe(600_000);
  });

  it('ignores jobs with another reason, non-RUNNABLE jobs and non-actionable reasons', () => {
    expect(evaluateTimeLimitActions([head(BLOCKED_REASONS.computeEnvironmentMaxResource)], actions, 1e12)).toEqual([]);
    expect(evaluateTimeLimitActions([head(BLOCKED_REASONS.jobResourceRequirement, 0, 'STARTING')], actions, 1e12)).toEqual([]);
    const odd = [{ reason: 'ACTION_REQUIRED', state: 'RUNNABLE' as const, maxTimeSeconds: 600, action: 'CANCEL' as const }];
    expect(evaluateTimeLimitActions([head(BLOCKED_REASONS.actionRequired)], odd, 1e12)).toEqual([]);
    expect(ACTIONABLE_CODES).not.toContain('MISCONFIGURATION:SERVICE_ROLE_PERMISSIONS');
    expect(ACTIONABLE_CODES).not.toContain('UNDETERMINED');
    expect(evaluateTimeLimitActions([head('')], actions, 1e12)).toEqual([]);
  });

  it('TERMINATE (SageMaker queues) words the reason accordingly', () => {
    expect(timeLimitStatusReason('CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', 'TERMINATE')).toBe(
      'Terminated by JobStateTimeLimit action due to reason: CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY',
    );
  });
});
