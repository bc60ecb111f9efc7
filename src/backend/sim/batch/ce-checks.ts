/**
 * What decides a CE's status after CREATING or UPDATING: every resource it names must exist in
 * the world. The first missing one sets INVALID with AWS's statusReason (spec/06 §4.2, §4.4).
 */
import type { ComputeEnvironmentDetail } from '@aws-sdk/client-batch';
import { isArn } from '../../../domain/ids.js';
import type { SimCtx } from '../context.js';
import { instanceProfileExists, roleExists } from '../world/iam-model.js';
import { KIND } from '../world/kinds.js';

export const HEALTHY = 'ComputeEnvironment Healthy';

function instanceProfileArn(ctx: SimCtx, ref: string): string {
  return isArn(ref) ? ref : `arn:aws:iam::${ctx.account}:instance-profile/${ref}`;
}

/** The INVALID statusReason for `ce` in the current world, or undefined when it is VALID. */
export function invalidReason(ctx: SimCtx, ce: ComputeEnvironmentDetail): string | undefined {
  const requestId = () => ctx.ids.uuid();
  if (ce.serviceRole && !roleExists(ctx, ce.serviceRole)) {
    return `CLIENT_ERROR - Not authorized to perform sts:AssumeRole (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: ${requestId()})`;
  }
  if (ce.eksConfiguration?.eksClusterArn) {
    const name = ce.eksConfiguration.eksClusterArn.split('/').pop()!;
    const cluster = ctx.resources.get<{ status?: string }>(KIND.eksCluster, name);
    if (!cluster) return `CLIENT_ERROR - EKS cluster ${ce.eksConfiguration.eksClusterArn} does not exist`;
    if (cluster.body.status !== 'ACTIVE') return `CLIENT_ERROR - EKS cluster ${ce.eksConfiguration.eksClusterArn} is not ACTIVE (status ${cluster.body.status})`;
  }
  const cr = ce.computeResources;
  if (!cr) return undefined;
  if (cr.instanceRole && !instanceProfileExists(ctx, cr.instanceRole)) {
    return `CLIENT_ERROR - Instance profile ${instanceProfileArn(ctx, cr.instanceRole)} does not exist`;
  }
  if (cr.spotIamFleetRole && !roleExists(ctx, cr.spotIamFleetRole)) {
    const p = 'Parameter: SpotFleetRequestConfig.IamFleetRole is invalid';
    return `CLIENT_ERROR - ${p}. (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSpotFleetRequestConfig; Request ID: ${requestId()}) ${p}`;
  }
  const vpcs = new Set<string>();
  for (const id of cr.subnets ?? []) {
    const subnet = ctx.resources.get<{ VpcId: string }>(KIND.subnet, id);
    if (!subnet) return `CLIENT_ERROR - The subnet ID '${id}' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound; Request ID: ${requestId()})`;
    vpcs.add(subnet.body.VpcId);
  }
  if (vpcs.size > 1) return 'CLIENT_ERROR - Subnets must all belong to the same VPC';
  for (const id of cr.securityGroupIds ?? []) {
    if (!ctx.resources.get(KIND.securityGroup, id)) {
      return `CLIENT_ERROR - The security group '${id}' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidGroup.NotFound; Request ID: ${requestId()})`;
    }
  }
  return undefined;
}
