/**
 * Flags -> CreateComputeEnvironment / UpdateComputeEnvironment requests (pure), and which flag sets
 * which API field (so validation errors name the flag).
 */
import type {
  ComputeResource,
  CreateComputeEnvironmentRequest,
  LaunchTemplateSpecification,
  UpdateComputeEnvironmentRequest,
} from '@aws-sdk/client-batch';
import { listOf } from '../shared/flags.js';
import { compact, mergeRequest } from '../shared/resource-options.js';

export const CE_TYPE_CHOICES = ['MANAGED', 'UNMANAGED'] as const;
export const COMPUTE_TYPE_CHOICES = ['EC2', 'SPOT', 'FARGATE', 'FARGATE_SPOT'] as const;
export const ALLOCATION_CHOICES = ['BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'] as const;
export const UPDATE_ALLOCATION_CHOICES = ['BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'] as const;
export const IMAGE_TYPE_CHOICES = ['ECS_AL2023', 'ECS_AL2023_NVIDIA', 'ECS_AL2', 'ECS_AL2_NVIDIA', 'EKS_AL2023', 'EKS_AL2023_NVIDIA', 'EKS_AL2', 'EKS_AL2_NVIDIA'] as const;

/** Flags shared by `ce create` and `ce update` (commander's camelCase names). */
export interface CeResourceFlags {
  maxVcpus?: number;
  minVcpus?: number;
  desiredVcpus?: number;
  instanceTypes?: string[];
  subnets?: string[];
  securityGroups?: string[];
  instanceRole?: string;
  serviceRole?: string;
  allocationStrategy?: string;
  bidPercentage?: number;
  launchTemplate?: string;
  imageType?: string;
  unmanagedVcpus?: number;
}

export interface CeCreateFlags extends CeResourceFlags {
  type?: string;
  computeType?: string;
  spotFleetRole?: string;
  eksCluster?: string;
  namespace?: string;
  tag?: Record<string, string>;
}

export interface CeUpdateFlags extends CeResourceFlags {
  scaleDownDelay?: number;
  updateToLatestImage?: boolean;
  terminateJobsOnUpdate?: boolean;
  jobExecutionTimeout?: number;
}

/** API field -> the flag that sets it (for validation messages). */
export const CE_FLAG_FIELDS: Record<string, string> = {
  computeEnvironmentName: '<name>',
  computeEnvironment: '<ce>',
  type: '--type',
  unmanagedvCpus: '--unmanaged-vcpus',
  serviceRole: '--service-role',
  tags: '--tag',
  'eksConfiguration.eksClusterArn': '--eks-cluster',
  'eksConfiguration.kubernetesNamespace': '--namespace',
  'computeResources.type': '--compute-type',
  'computeResources.maxvCpus': '--max-vcpus',
  'computeResources.minvCpus': '--min-vcpus',
  'computeResources.desiredvCpus': '--desired-vcpus',
  'computeResources.instanceTypes': '--instance-types',
  'computeResources.subnets': '--subnets',
  'computeResources.securityGroupIds': '--security-groups',
  'computeResources.instanceRole': '--instance-role',
  'computeResources.allocationStrategy': '--allocation-strategy',
  'computeResources.bidPercentage': '--bid-percentage',
  'computeResources.spotIamFleetRole': '--spot-fleet-role',
  'computeResources.launchTemplate': '--launch-template',
  'computeResources.ec2Configuration': '--image-type',
  'computeResources.scalingPolicy': '--scale-down-delay',
  'computeResources.updateToLatestImageVersion': '--update-to-latest-image',
  'updatePolicy.terminateJobsOnUpdate': '--terminate-jobs-on-update',
  'updatePolicy.jobExecutionTimeoutMinutes': '--job-execution-timeout',
};

/** `lt-0abc123[:version]` (an id) or `my-template[:version]` (a name); version is a number, $Default or $Latest. */
export function parseLaunchTemplate(value: string): LaunchTemplateSpecification {
  const m = /^(.+?)(?::(\$Default|\$Latest|\d+))?$/.exec(value.trim());
  const ref = m?.[1] ?? value;
  const version = m?.[2];
  return compact({
    ...(/^lt-[0-9a-f]+$/.test(ref) ? { launchTemplateId: ref } : { launchTemplateName: ref }),
    version,
  });
}

function resourceFields(f: CeResourceFlags): Record<string, unknown> {
  return compact({
    maxvCpus: f.maxVcpus,
    minvCpus: f.minVcpus,
    desiredvCpus: f.desiredVcpus,
    instanceTypes: listOf(f.instanceTypes),
    subnets: listOf(f.subnets),
    securityGroupIds: listOf(f.securityGroups),
    instanceRole: f.instanceRole,
    allocationStrategy: f.allocationStrategy as ComputeResource['allocationStrategy'],
    bidPercentage: f.bidPercentage,
    launchTemplate: f.launchTemplate ? parseLaunchTemplate(f.launchTemplate) : undefined,
    ec2Configuration: f.imageType ? [{ imageType: f.imageType }] : undefined,
  });
}

/**
 * The CreateComputeEnvironment request: the --input file's fields, overridden by flags. Without a
 * file, the type defaults to MANAGED and the compute type to EC2 (unmanaged CEs get no resources).
 */
export function buildCreateRequest(name: string | undefined, flags: CeCreateFlags, file: Record<string, unknown> = {}): CreateComputeEnvironmentRequest {
  const fileType = typeof file.type === 'string' ? file.type.toUpperCase() : undefined;
  const type = (flags.type ?? fileType ?? (flags.unmanagedVcpus !== undefined ? 'UNMANAGED' : 'MANAGED')) as CreateComputeEnvironmentRequest['type'];
  const resources = compact({
    ...resourceFields(flags),
    type: flags.computeType as ComputeResource['type'],
    spotIamFleetRole: flags.spotFleetRole,
  });
  const fileResources = (file.computeResources as Record<string, unknown> | undefined) ?? {};
  const over: Record<string, unknown> = {
    computeEnvironmentName: name,
    type,
    serviceRole: flags.serviceRole,
    unmanagedvCpus: flags.unmanagedVcpus,
    tags: flags.tag ? { ...((file.tags as Record<string, string>) ?? {}), ...flags.tag } : undefined,
  };
  if (type === 'MANAGED') {
    const merged: Record<string, unknown> = { ...fileResources, ...resources };
    if (merged.type === undefined) merged.type = 'EC2';
    over.computeResources = merged;
  }
  if (flags.eksCluster !== undefined || flags.namespace !== undefined) {
    over.eksConfiguration = compact({
      ...((file.eksConfiguration as Record<string, unknown>) ?? {}),
      eksClusterArn: flags.eksCluster,
      kubernetesNamespace: flags.namespace,
    });
  }
  const req = mergeRequest(file, over) as Record<string, unknown>;
  if (type === 'MANAGED') req.computeResources = over.computeResources;
  if (req.state === undefined) req.state = 'ENABLED';
  return req as unknown as CreateComputeEnvironmentRequest;
}

/** The UpdateComputeEnvironment request: the --input file's fields, overridden by flags. */
export function buildUpdateRequest(ce: string | undefined, flags: CeUpdateFlags, file: Record<string, unknown> = {}): UpdateComputeEnvironmentRequest {
  const resources: Record<string, unknown> = compact({
    ...resourceFields(flags),
    scalingPolicy: flags.scaleDownDelay !== undefined ? { minScaleDownDelayMinutes: flags.scaleDownDelay } : undefined,
    updateToLatestImageVersion: flags.updateToLatestImage,
  });
  const policy = compact({
    terminateJobsOnUpdate: flags.terminateJobsOnUpdate,
    jobExecutionTimeoutMinutes: flags.jobExecutionTimeout,
  });
  const over: Record<string, unknown> = {
    computeEnvironment: ce,
    serviceRole: flags.serviceRole,
    unmanagedvCpus: flags.unmanagedVcpus,
    computeResources: Object.keys(resources).length ? resources : undefined,
    updatePolicy: Object.keys(policy).length ? policy : undefined,
  };
  return mergeRequest(file, over) as unknown as UpdateComputeEnvironmentRequest;
}

/** Whether an update request changes anything besides naming the CE. */
export function updateChangesSomething(req: UpdateComputeEnvironmentRequest): boolean {
  return Object.entries(req).some(([k, v]) => k !== 'computeEnvironment' && v !== undefined && !(k === 'computeResources' && Object.keys(v as object).length === 0));
}

const SCALING_FIELDS = new Set(['minvCpus', 'maxvCpus', 'desiredvCpus', 'scalingPolicy']);

/**
 * What kind of update the request asks for (spec/02 §3): a scaling update only moves vCPU bounds;
 * anything else in computeResources replaces instances (an infrastructure update). Fargate also
 * changes subnets and security groups with a scaling update.
 */
export function updateKind(req: UpdateComputeEnvironmentRequest, fargate: boolean): 'scaling' | 'infrastructure' | 'settings' {
  const fields = Object.keys(req.computeResources ?? {});
  if (fields.length === 0) return 'settings';
  const scaling = fargate ? new Set([...SCALING_FIELDS, 'subnets', 'securityGroupIds']) : SCALING_FIELDS;
  return fields.every((f) => scaling.has(f)) ? 'scaling' : 'infrastructure';
}
