/**
 * Compute environments: create, update, delete, describe, and their status machine
 * (CREATING → VALID | INVALID, UPDATING → VALID | INVALID, DELETING → DELETED → gone).
 */
import type * as B from '@aws-sdk/client-batch';
import { BATCH_SLR_NAME, isArn } from '../../../domain/ids.js';
import { type Architecture, architectureOf, DEFAULT_INSTANCE_TYPES } from '../../../domain/instance-types.js';
import { FARGATE_FORBIDDEN, isFargateType, validateCreateComputeEnvironment, validateUpdateComputeEnvironment } from '../../../domain/validation/index.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { ensureBatchServiceLinkedRole } from '../world/iam-model.js';
import { KIND } from '../world/kinds.js';
import { HEALTHY, invalidReason } from './ce-checks.js';
import { assertValid, beginDelete, compact, describePage, fail, findByNameOrArn } from './common.js';
import { QUOTA, TIMING } from './timings.js';

type CE = B.ComputeEnvironmentDetail;

export function ceNotFound(ref: string): Error {
  return clientException(`ComputeEnvironment ${ref} not found.`);
}

export function findCe(ctx: SimCtx, ref: string): ResourceRow<CE> | undefined {
  return findByNameOrArn<CE>(ctx, KIND.computeEnvironment, ref);
}

/** The provisioning model queues must not mix (spec/07 §5). */
export function provisioningModel(ce: CE): 'EC2' | 'FARGATE' | 'EKS' {
  if (ce.containerOrchestrationType === 'EKS') return 'EKS';
  return isFargateType(ce.computeResources?.type) ? 'FARGATE' : 'EC2';
}

export function ceArchitecture(ce: CE): Architecture | undefined {
  if (!ce.computeResources || isFargateType(ce.computeResources.type)) return ce.computeResources ? 'x86_64' : undefined;
  const types = ce.computeResources.instanceTypes?.length ? ce.computeResources.instanceTypes : DEFAULT_INSTANCE_TYPES;
  return architectureOf(types[0]!);
}

function isSlr(role: string | undefined): boolean {
  return !!role && role.endsWith(`/${BATCH_SLR_NAME}`) && role.includes('/aws-service-role/');
}

function creationDelay(ce: CE): number {
  if (ce.type === 'UNMANAGED') return TIMING.ceCreateUnmanagedMs;
  if (ce.containerOrchestrationType === 'EKS') return TIMING.ceCreateEksMs;
  return isFargateType(ce.computeResources?.type) ? TIMING.ceCreateFargateMs : TIMING.ceCreateEc2Ms;
}

/** A role given by name means `arn:aws:iam::<account>:role/<name>` (no path), as AWS reads it. */
function roleArnOf(ctx: SimCtx, role: string): string {
  return isArn(role) ? role : `arn:aws:iam::${ctx.account}:role/${role}`;
}

function withDefaults(cr: B.ComputeResource, eks: boolean): B.ComputeResource {
  if (isFargateType(cr.type)) return { ...cr };
  const min = cr.minvCpus ?? 0;
  return {
    ...cr,
    allocationStrategy: cr.allocationStrategy ?? 'BEST_FIT',
    minvCpus: min,
    desiredvCpus: cr.desiredvCpus ?? min,
    instanceTypes: cr.instanceTypes?.length ? cr.instanceTypes : [...DEFAULT_INSTANCE_TYPES],
    ec2Configuration: cr.ec2Configuration?.length ? cr.ec2Configuration : [{ imageType: eks ? 'EKS_AL2023' : 'ECS_AL2023' }],
  };
}

export function createComputeEnvironment(ctx: SimCtx, input: B.CreateComputeEnvironmentRequest): B.CreateComputeEnvironmentResponse {
  assertValid(validateCreateComputeEnvironment(input, { unknownMembers: 'ignore' }));
  const name = input.computeEnvironmentName!;
  const existing = ctx.resources.get<CE>(KIND.computeEnvironment, name);
  if (existing && existing.status !== 'DELETED') throw clientException('Object already exists');
  if (ctx.resources.count(KIND.computeEnvironment, 'DELETED') >= QUOTA.computeEnvironments) {
    throw clientException(`Maximum number of compute environments (${QUOTA.computeEnvironments}) reached in this account and region`);
  }
  if (existing) ctx.resources.delete(existing.seq);
  const eks = input.eksConfiguration !== undefined;
  const uuid = ctx.ids.uuid();
  let serviceRole = input.serviceRole ? roleArnOf(ctx, input.serviceRole) : undefined;
  if (!serviceRole && input.type === 'MANAGED') serviceRole = ensureBatchServiceLinkedRole(ctx);
  const arn = ctx.batchArn('compute-environment', name);
  const ce: CE = compact({
    computeEnvironmentName: name,
    computeEnvironmentArn: arn,
    ecsClusterArn: eks ? undefined : `arn:aws:ecs:${ctx.region}:${ctx.account}:cluster/${name}_Batch_${uuid}`,
    tags: input.tags ?? {},
    type: input.type,
    state: input.state ?? 'ENABLED',
    status: 'CREATING',
    unmanagedvCpus: input.type === 'UNMANAGED' ? (input.unmanagedvCpus ?? 0) : undefined,
    computeResources: input.computeResources ? withDefaults(input.computeResources, eks) : undefined,
    serviceRole,
    updatePolicy: input.type === 'MANAGED' ? { terminateJobsOnUpdate: false, jobExecutionTimeoutMinutes: 30 } : undefined,
    eksConfiguration: input.eksConfiguration,
    containerOrchestrationType: eks ? 'EKS' : 'ECS',
    uuid,
    context: input.context,
  });
  ctx.resources.insert({ kind: KIND.computeEnvironment, id: name, name, arn, status: 'CREATING', createdAt: ctx.now, nextEventAt: ctx.now + creationDelay(ce), body: ce });
  return { computeEnvironmentName: name, computeEnvironmentArn: arn };
}

/** Members of ComputeResourceUpdate that force an infrastructure update (spec/07 §3.1). */
const INFRASTRUCTURE_FIELDS = [
  'subnets', 'securityGroupIds', 'allocationStrategy', 'ec2KeyPair', 'instanceRole', 'tags', 'placementGroup', 'bidPercentage',
  'launchTemplate', 'ec2Configuration', 'updateToLatestImageVersion', 'type', 'imageId', 'instanceTypes',
] as const;

function applyComputeResourceUpdate(ce: CE, cru: B.ComputeResourceUpdate): boolean {
  const cr = ce.computeResources!;
  const fargate = isFargateType(cr.type);
  const given = (k: string) => (cru as Record<string, unknown>)[k] !== undefined;
  if (fargate) {
    const forbidden = FARGATE_FORBIDDEN.find((k) => given(k));
    if (forbidden) fail(`computeResources.${forbidden}`, `must not be set for ${cr.type} compute resources`);
  }
  if (cru.type !== undefined && isFargateType(cru.type) !== fargate) {
    fail('computeResources.type', `cannot change from ${cr.type} to ${cru.type}; create a new compute environment`);
  }
  // Fargate: subnets and security groups are scaling updates, and an empty list means "no change".
  const infra = INFRASTRUCTURE_FIELDS.filter((k) => given(k) && !(fargate && (k === 'subnets' || k === 'securityGroupIds')));
  if (infra.length > 0) {
    if (!isSlr(ce.serviceRole)) {
      fail(`computeResources.${infra[0]}`, 'needs an infrastructure update, which requires the service-linked role (AWSServiceRoleForBatch); replace the compute environment (blue/green) instead');
    }
    if ((cru.allocationStrategy ?? cr.allocationStrategy) === 'BEST_FIT') {
      fail(`computeResources.${infra[0]}`, 'needs an infrastructure update, which BEST_FIT compute environments do not support; replace the compute environment (blue/green) instead');
    }
  }
  const min = cru.minvCpus ?? cr.minvCpus ?? 0;
  const max = cru.maxvCpus ?? cr.maxvCpus ?? 0;
  if (max < min) fail('computeResources.maxvCpus', `must be >= minvCpus (${min})`);
  if (cru.desiredvCpus !== undefined) {
    if (ce.containerOrchestrationType === 'EKS') fail('computeResources.desiredvCpus', 'cannot be updated on EKS compute environments');
    if (cru.desiredvCpus < (cr.desiredvCpus ?? 0) || cru.desiredvCpus < min || cru.desiredvCpus > max) {
      throw clientException('Manually scaling down compute environment is not supported. Disconnecting job queues from compute environment will cause it to scale-down to minvCpus.');
    }
  }
  const next: Record<string, unknown> = { ...cr };
  for (const [k, v] of Object.entries(cru)) {
    if (v === undefined || k === 'updateToLatestImageVersion') continue;
    if (fargate && (k === 'subnets' || k === 'securityGroupIds') && Array.isArray(v) && v.length === 0) continue;
    next[k] = v;
  }
  if (cru.ec2KeyPair === '') delete next.ec2KeyPair;
  if (cru.imageId === '') delete next.imageId;
  if (cru.launchTemplate && (cru.launchTemplate.launchTemplateId === '' || cru.launchTemplate.launchTemplateName === '')) delete next.launchTemplate;
  if (!fargate) {
    if ((next.subnets as string[] | undefined)?.length === 0) fail('computeResources.subnets', 'must not be empty');
    const desired = Math.min(Math.max((next.desiredvCpus as number | undefined) ?? 0, min), max);
    next.desiredvCpus = desired;
  }
  ce.computeResources = next as unknown as B.ComputeResource;
  return infra.length > 0;
}

export function updateComputeEnvironment(ctx: SimCtx, input: B.UpdateComputeEnvironmentRequest): B.UpdateComputeEnvironmentResponse {
  assertValid(validateUpdateComputeEnvironment(input, { unknownMembers: 'ignore' }));
  const row = findCe(ctx, input.computeEnvironment!);
  if (!row) throw ceNotFound(input.computeEnvironment!);
  const ce = row.body;
  if (row.status === 'DELETING') fail('computeEnvironment', `${ce.computeEnvironmentName} is being deleted`);
  if (input.computeResources && ce.type === 'UNMANAGED') fail('computeResources', 'must not be set for UNMANAGED compute environments');
  if (input.unmanagedvCpus !== undefined && ce.type !== 'UNMANAGED') fail('unmanagedvCpus', 'is only supported when type is UNMANAGED');
  if (input.serviceRole !== undefined) {
    const next = input.serviceRole === '' ? undefined : roleArnOf(ctx, input.serviceRole);
    if (ce.type === 'MANAGED' && isSlr(ce.serviceRole) !== (next === undefined || isSlr(next))) {
      fail('serviceRole', "a compute environment that uses the service-linked role can't switch to a regular service role, nor the reverse");
    }
    if (ce.type === 'UNMANAGED' && next === undefined) fail('serviceRole', 'is required for UNMANAGED compute environments');
    if (next) ce.serviceRole = next;
  }
  let infrastructure = false;
  if (input.computeResources && Object.values(input.computeResources).some((v) => v !== undefined)) {
    infrastructure = applyComputeResourceUpdate(ce, input.computeResources);
  }
  if (input.state) ce.state = input.state;
  if (input.unmanagedvCpus !== undefined) ce.unmanagedvCpus = input.unmanagedvCpus;
  if (input.updatePolicy) ce.updatePolicy = { ...ce.updatePolicy, ...compact(input.updatePolicy) };
  if (input.context !== undefined) ce.context = input.context;
  ce.status = 'UPDATING';
  delete ce.statusReason;
  row.status = 'UPDATING';
  row.nextEventAt = ctx.now + (infrastructure ? TIMING.ceInfrastructureUpdateMs : TIMING.ceUpdateMs);
  ctx.resources.update(row);
  return { computeEnvironmentName: ce.computeEnvironmentName, computeEnvironmentArn: ce.computeEnvironmentArn };
}

/** The queues (not deleted) that list this CE. */
export function queuesUsingCe(ctx: SimCtx, ceArn: string): string[] {
  return ctx.resources
    .list<B.JobQueueDetail>(KIND.jobQueue)
    .filter((q) => q.status !== 'DELETED' && q.body.computeEnvironmentOrder?.some((o) => o.computeEnvironment === ceArn))
    .map((q) => q.id);
}

export function deleteComputeEnvironment(ctx: SimCtx, input: B.DeleteComputeEnvironmentRequest): B.DeleteComputeEnvironmentResponse {
  if (!input.computeEnvironment) fail('computeEnvironment', 'is required');
  const row = findCe(ctx, input.computeEnvironment);
  if (!row) throw ceNotFound(input.computeEnvironment);
  if (row.status === 'DELETING') return {};
  if (row.body.state !== 'DISABLED') {
    throw clientException(`Cannot delete, compute environment ${row.id} is ENABLED; set its state to DISABLED first`);
  }
  if (queuesUsingCe(ctx, row.arn!).length > 0) throw clientException('Cannot delete, found existing JobQueue relationship');
  beginDelete(ctx, row, TIMING.ceDeleteMs);
  return {};
}

export function describeComputeEnvironments(ctx: SimCtx, input: B.DescribeComputeEnvironmentsRequest): B.DescribeComputeEnvironmentsResponse {
  const { items, nextToken } = describePage<CE>(ctx, KIND.computeEnvironment, input.computeEnvironments, input, 'computeEnvironments', 'compute environments', 'ce');
  return { computeEnvironments: items.map((r) => r.body), nextToken };
}

/** The CE status machine, run by the engine at `next_event_at`. */
export function advanceComputeEnvironment(ctx: SimCtx, row: ResourceRow<CE>): void {
  const ce = row.body;
  switch (row.status) {
    case 'CREATING':
    case 'UPDATING': {
      const reason = invalidReason(ctx, ce);
      ce.status = reason ? 'INVALID' : 'VALID';
      ce.statusReason = reason ?? HEALTHY;
      row.nextEventAt = null;
      break;
    }
    case 'DELETING':
      ce.status = 'DELETED';
      row.nextEventAt = ctx.now + TIMING.deletedVisibleMs;
      break;
    case 'DELETED':
      ctx.resources.delete(row.seq);
      return;
    default:
      row.nextEventAt = null;
  }
  row.status = ce.status!;
  ctx.resources.update(row);
}
