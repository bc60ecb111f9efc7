/**
 * CreateComputeEnvironment / UpdateComputeEnvironment: every rule that needs no world
 * (spec/02 §2, §7; spec/07 §2.1, §3.1). World rules (references exist, desiredvCpus against the
 * current value, infrastructure-update preconditions) live in the simulator.
 */
import type { CreateComputeEnvironmentRequest, UpdateComputeEnvironmentRequest } from '@aws-sdk/client-batch';
import { architectureOf } from '../instance-types.js';
import {
  INSTANCE_PROFILE_ARN_RE,
  ROLE_ARN_RE,
  asObjects,
  checkEnum,
  checkInt,
  checkListLength,
  checkName,
  checkTags,
  forbid,
  isObject,
} from './common.js';
import { type Issue, IssueList, type ValidateOptions, join } from './issue.js';
import { checkRequest } from './shape-check.js';

export const CE_TYPES = ['MANAGED', 'UNMANAGED'] as const;
export const CE_STATES = ['ENABLED', 'DISABLED'] as const;
export const CR_TYPES = ['EC2', 'SPOT', 'FARGATE', 'FARGATE_SPOT', 'ECS_MANAGED_INSTANCES'] as const;
export const ALLOCATION_STRATEGIES = [
  'BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'BEST_FIT_PROGRESSIVE_ORDERED',
  'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED', 'SPOT_CAPACITY_OPTIMIZED_PRIORITIZED',
] as const;
export const UPDATE_ALLOCATION_STRATEGIES = ALLOCATION_STRATEGIES.filter((s) => s !== 'BEST_FIT');
export const IMAGE_TYPES = [
  'ECS_AL1', 'ECS_AL2', 'ECS_AL2_NVIDIA', 'ECS_AL2023', 'ECS_AL2023_NVIDIA',
  'EKS_AL2', 'EKS_AL2_NVIDIA', 'EKS_AL2023', 'EKS_AL2023_NVIDIA',
] as const;
/** Kubernetes versions Batch supports for EKS CEs (spec/02 §8.4): data, because the list moves. */
export const EKS_KUBERNETES_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];

/** computeResources members that "cannot be provided" on Fargate (spec/02 §2.2). */
export const FARGATE_FORBIDDEN = [
  'allocationStrategy', 'bidPercentage', 'desiredvCpus', 'imageId', 'instanceTypes', 'ec2Configuration', 'ec2KeyPair',
  'instanceRole', 'launchTemplate', 'minvCpus', 'placementGroup', 'spotIamFleetRole', 'tags',
] as const;

export function isFargateType(t: unknown): boolean {
  return t === 'FARGATE' || t === 'FARGATE_SPOT';
}

const EKS_CLUSTER_ARN_RE = /^arn:aws[a-z-]*:eks:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9][A-Za-z0-9_-]*$/;
const K8S_NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function checkServiceRole(role: unknown, field: string, out: IssueList): void {
  if (typeof role !== 'string' || role === '') return;
  if (role.startsWith('arn:')) {
    if (!ROLE_ARN_RE.test(role)) out.error(field, 'must be an IAM role ARN (arn:aws:iam::<account>:role/<path><name>) or a role name');
  } else if (!/^[\w+=,.@-]{1,64}$/.test(role)) {
    out.error(field, 'must be an IAM role ARN or a role name of 1-64 characters');
  }
}

function checkInstanceRole(role: unknown, field: string, out: IssueList): void {
  if (typeof role !== 'string') return;
  if (role === '') return out.error(field, 'must not be empty');
  if (role.startsWith('arn:') && !INSTANCE_PROFILE_ARN_RE.test(role)) {
    out.error(field, /:role\//.test(role)
      ? 'must be an instance profile (arn:aws:iam::<account>:instance-profile/<name>), not a role ARN'
      : 'must be an instance profile name or ARN (arn:aws:iam::<account>:instance-profile/<name>)');
  }
}

function checkInstanceTypes(types: unknown, field: string, out: IssueList): void {
  if (!Array.isArray(types)) return;
  const arches = new Map<string, string>();
  types.forEach((t, i) => {
    if (typeof t !== 'string') return;
    const arch = architectureOf(t);
    if (!arch) out.warn(join(field, i), `"${t}" is not in batchctl's instance-type catalogue`);
    else if (!arches.has(arch)) arches.set(arch, t);
  });
  if (arches.size > 1) {
    const [a, b] = [...arches.entries()];
    out.error(field, `must all have one architecture ("${a![1]}" is ${a![0]}, "${b![1]}" is ${b![0]})`);
  }
}

function checkEc2Configuration(list: unknown, field: string, eks: boolean, out: IssueList): void {
  if (!Array.isArray(list)) return;
  checkListLength(list, field, out, 1, 2);
  asObjects(list).forEach((c, i) => {
    const f = join(field, i);
    if (checkEnum(c.imageType, join(f, 'imageType'), IMAGE_TYPES, out) && typeof c.imageType === 'string') {
      if (eks !== c.imageType.startsWith('EKS_')) {
        out.error(join(f, 'imageType'), eks ? 'must be an EKS_* image type on an EKS compute environment' : 'must be an ECS_* image type on an ECS compute environment');
      }
    }
    if (typeof c.imageKubernetesVersion === 'string') {
      if (!eks) out.error(join(f, 'imageKubernetesVersion'), 'applies to EKS compute environments only');
      else if (!EKS_KUBERNETES_VERSIONS.includes(c.imageKubernetesVersion)) {
        out.error(join(f, 'imageKubernetesVersion'), 'At least one imageKubernetesVersion in EC2Configuration is not supported.');
      }
    }
  });
}

function checkLaunchTemplate(lt: unknown, field: string, instanceTypes: unknown, out: IssueList): void {
  if (!isObject(lt)) return;
  const idAndName = (o: Record<string, unknown>, f: string) => {
    if (o.launchTemplateId && o.launchTemplateName) out.error(f, 'must name either launchTemplateId or launchTemplateName, not both');
  };
  idAndName(lt, field);
  if (typeof lt.version === 'string' && !/^(\$Default|\$Latest|\d+)$/.test(lt.version)) out.error(join(field, 'version'), 'must be a version number, $Default or $Latest');
  const overrides = asObjects(lt.overrides);
  checkListLength(lt.overrides, join(field, 'overrides'), out, 0, 10);
  const allowed = Array.isArray(instanceTypes) ? new Set(instanceTypes as string[]) : undefined;
  overrides.forEach((o, i) => {
    const f = join(join(field, 'overrides'), i);
    idAndName(o, f);
    if (!o.launchTemplateId && !o.launchTemplateName) out.error(f, 'must name a launchTemplateId or launchTemplateName');
    if (!Array.isArray(o.targetInstanceTypes) || o.targetInstanceTypes.length === 0) out.error(join(f, 'targetInstanceTypes'), 'is required');
    else if (allowed) {
      (o.targetInstanceTypes as string[]).forEach((t, j) => {
        if (!allowed.has(t)) out.error(join(join(f, 'targetInstanceTypes'), j), `"${t}" must also be listed in computeResources.instanceTypes`);
      });
    }
  });
}

function checkScalingPolicy(sp: unknown, field: string, out: IssueList): void {
  if (!isObject(sp) || typeof sp.minScaleDownDelayMinutes !== 'number') return;
  const v = sp.minScaleDownDelayMinutes;
  const f = join(field, 'minScaleDownDelayMinutes');
  if (checkInt(v, f, out) && v !== 0 && (v < 20 || v > 10080)) out.error(f, 'must be 0 (unset) or between 20 and 10080');
}

/** Rules common to ComputeResource and ComputeResourceUpdate. */
function checkComputeResourceFields(cr: Record<string, unknown>, base: string, eks: boolean, out: IssueList): void {
  for (const k of ['minvCpus', 'maxvCpus', 'desiredvCpus'] as const) checkInt(cr[k], join(base, k), out, 0);
  checkInt(cr.bidPercentage, join(base, 'bidPercentage'), out, 0, 100);
  checkInstanceTypes(cr.instanceTypes, join(base, 'instanceTypes'), out);
  checkInstanceRole(cr.instanceRole, join(base, 'instanceRole'), out);
  checkEc2Configuration(cr.ec2Configuration, join(base, 'ec2Configuration'), eks, out);
  checkLaunchTemplate(cr.launchTemplate, join(base, 'launchTemplate'), cr.instanceTypes, out);
  checkScalingPolicy(cr.scalingPolicy, join(base, 'scalingPolicy'), out);
  if (typeof cr.spotIamFleetRole === 'string' && cr.spotIamFleetRole !== '' && !ROLE_ARN_RE.test(cr.spotIamFleetRole)) {
    out.error(join(base, 'spotIamFleetRole'), 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)');
  }
  const { minvCpus: min, maxvCpus: max, desiredvCpus: desired } = cr as { minvCpus?: number; maxvCpus?: number; desiredvCpus?: number };
  if (typeof min === 'number' && typeof max === 'number' && max < min) out.error(join(base, 'maxvCpus'), `must be >= minvCpus (${min})`);
  if (typeof desired === 'number') {
    if (typeof min === 'number' && desired < min) out.error(join(base, 'desiredvCpus'), `must be >= minvCpus (${min})`);
    if (typeof max === 'number' && desired > max) out.error(join(base, 'desiredvCpus'), `must be <= maxvCpus (${max})`);
  }
}

/** Rules that depend on the market type (create, and update when `type` is given). */
function checkMarketRules(cr: Record<string, unknown>, base: string, out: IssueList): void {
  const type = cr.type;
  const strategy = cr.allocationStrategy;
  if (isFargateType(type)) {
    forbid(cr, base, FARGATE_FORBIDDEN, `must not be set for ${String(type)} compute resources`, out);
    checkListLength(cr.subnets, join(base, 'subnets'), out, 0, 16, 'subnets');
    checkListLength(cr.securityGroupIds, join(base, 'securityGroupIds'), out, 0, 5, 'security groups');
    return;
  }
  if (typeof strategy === 'string' && strategy.startsWith('SPOT_') && type !== 'SPOT') {
    out.error(join(base, 'allocationStrategy'), `${strategy} applies to SPOT compute resources only`);
  }
  if (type !== 'SPOT') {
    forbid(cr, base, ['bidPercentage', 'spotIamFleetRole'], 'applies to SPOT compute resources only', out);
  }
}

/** Validates a CreateComputeEnvironment request. */
export function validateCreateComputeEnvironment(input: CreateComputeEnvironmentRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('CreateComputeEnvironmentRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkName(req.computeEnvironmentName, 'computeEnvironmentName', out);
  checkEnum(req.type, 'type', CE_TYPES, out);
  if (checkEnum(req.state, 'state', CE_STATES, out) && req.state === 'DISABLED') out.error('state', 'A compute environment must be created in the ENABLED state');
  checkServiceRole(req.serviceRole, 'serviceRole', out);
  checkTags(req.tags, 'tags', out);
  const eks = isObject(req.eksConfiguration);
  if (isObject(req.eksConfiguration)) {
    const e = req.eksConfiguration;
    if (typeof e.eksClusterArn === 'string' && !EKS_CLUSTER_ARN_RE.test(e.eksClusterArn)) {
      out.error('eksConfiguration.eksClusterArn', 'must be an EKS cluster ARN (arn:aws:eks:<region>:<account>:cluster/<name>)');
    }
    const ns = e.kubernetesNamespace;
    if (typeof ns === 'string') {
      if (ns.length >= 64 || !K8S_NAMESPACE_RE.test(ns)) out.error('eksConfiguration.kubernetesNamespace', 'must be under 64 characters of lowercase letters, numbers and hyphens, starting and ending with a letter or number');
      else if (ns === 'default' || ns.startsWith('kube-')) out.error('eksConfiguration.kubernetesNamespace', 'must not be "default" or start with "kube-"');
    }
  }
  if (req.type === 'UNMANAGED') {
    if (req.computeResources !== undefined) out.error('computeResources', 'must not be set for UNMANAGED compute environments');
    if (typeof req.serviceRole !== 'string' || req.serviceRole === '') out.error('serviceRole', 'is required for UNMANAGED compute environments (they cannot use the service-linked role)');
    checkInt(req.unmanagedvCpus, 'unmanagedvCpus', out, 0);
    return out.items;
  }
  if (req.unmanagedvCpus !== undefined) out.error('unmanagedvCpus', 'is only supported when type is UNMANAGED');
  if (req.type === 'MANAGED' && !isObject(req.computeResources)) out.error('computeResources', 'is required for MANAGED compute environments');
  if (!isObject(req.computeResources)) return out.items;
  const cr = req.computeResources;
  checkEnum(cr.type, 'computeResources.type', CR_TYPES, out);
  checkEnum(cr.allocationStrategy, 'computeResources.allocationStrategy', ALLOCATION_STRATEGIES, out);
  checkComputeResourceFields(cr, 'computeResources', eks, out);
  checkMarketRules(cr, 'computeResources', out);
  if (eks && isFargateType(cr.type)) out.error('computeResources.type', 'EKS compute environments support EC2 and SPOT only');
  if (!Array.isArray(cr.subnets) || cr.subnets.length === 0) out.error('computeResources.subnets', 'is required (at least one subnet)');
  if (isFargateType(cr.type)) {
    if (!Array.isArray(cr.securityGroupIds) || cr.securityGroupIds.length === 0) out.error('computeResources.securityGroupIds', 'is required for Fargate compute resources');
    return out.items;
  }
  if (cr.type === 'ECS_MANAGED_INSTANCES') {
    if (!isObject(cr.managedInstancesProvider)) out.error('computeResources.managedInstancesProvider', 'is required for ECS_MANAGED_INSTANCES');
    return out.items;
  }
  if (cr.instanceRole === undefined) out.error('computeResources.instanceRole', 'is required for EC2 and SPOT compute resources (an instance profile name or ARN)');
  if ((!Array.isArray(cr.securityGroupIds) || cr.securityGroupIds.length === 0) && !isObject(cr.launchTemplate)) {
    out.error('computeResources.securityGroupIds', 'is required unless the launch template provides security groups');
  }
  if (cr.type === 'SPOT' && (cr.allocationStrategy === undefined || cr.allocationStrategy === 'BEST_FIT') && !cr.spotIamFleetRole) {
    out.error('computeResources.spotIamFleetRole', 'is required for SPOT compute resources when allocationStrategy is BEST_FIT or unset');
  }
  if (cr.allocationStrategy === 'BEST_FIT_PROGRESSIVE_ORDERED' && cr.type !== 'EC2') out.error('computeResources.allocationStrategy', 'BEST_FIT_PROGRESSIVE_ORDERED applies to EC2 compute resources only');
  return out.items;
}

/** Validates an UpdateComputeEnvironment request (rules that need the current CE are the simulator's). */
export function validateUpdateComputeEnvironment(input: UpdateComputeEnvironmentRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('UpdateComputeEnvironmentRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkEnum(req.state, 'state', CE_STATES, out);
  checkInt(req.unmanagedvCpus, 'unmanagedvCpus', out, 0);
  checkServiceRole(req.serviceRole, 'serviceRole', out);
  if (isObject(req.updatePolicy)) checkInt(req.updatePolicy.jobExecutionTimeoutMinutes, 'updatePolicy.jobExecutionTimeoutMinutes', out, 1, 7200);
  if (isObject(req.computeResources)) {
    const cr = req.computeResources;
    checkEnum(cr.type, 'computeResources.type', CR_TYPES, out);
    if (cr.allocationStrategy === 'BEST_FIT') out.error('computeResources.allocationStrategy', 'BEST_FIT is not supported when updating a compute environment');
    else checkEnum(cr.allocationStrategy, 'computeResources.allocationStrategy', UPDATE_ALLOCATION_STRATEGIES, out);
    const eks = Array.isArray(cr.ec2Configuration) && asObjects(cr.ec2Configuration).some((c) => String(c.imageType ?? '').startsWith('EKS_'));
    checkComputeResourceFields(cr, 'computeResources', eks, out);
    if (cr.type !== undefined) checkMarketRules(cr, 'computeResources', out);
  }
  return out.items;
}
