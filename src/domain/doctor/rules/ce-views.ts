/** How a compute environment maps onto the IAM and network checks' inputs. */
import type { ComputeEnvironmentDetail } from '@aws-sdk/client-batch';
import type { IamOptions, Platform } from '../../checks/iam-roles.js';
import type { NetworkTarget } from '../../checks/network.js';

export function cePlatform(ce: ComputeEnvironmentDetail): Platform {
  if (ce.containerOrchestrationType === 'EKS' || ce.eksConfiguration) return 'eks';
  const t = ce.computeResources?.type;
  return t === 'FARGATE' || t === 'FARGATE_SPOT' ? 'fargate' : 'ec2';
}

/** A service role other than the service-linked one, or undefined. */
export function customServiceRole(ce: ComputeEnvironmentDetail): string | undefined {
  const r = ce.serviceRole;
  if (!r || /aws-service-role\/batch\.amazonaws\.com\/AWSServiceRoleForBatch$/.test(r)) return undefined;
  return r;
}

export function ceIamOptions(ce: ComputeEnvironmentDetail): IamOptions {
  const p = cePlatform(ce);
  const role = ce.computeResources?.instanceRole;
  return {
    serviceRole: customServiceRole(ce),
    ...(p === 'ec2' && role ? { instanceRole: role } : {}),
    ...(p === 'eks' && role ? { eksInstanceProfile: role } : {}),
  };
}

/** The network target of a managed CE (undefined for UNMANAGED ones). */
export function ceNetworkTarget(ce: ComputeEnvironmentDetail, region: string, assignPublicIp?: 'ENABLED' | 'DISABLED'): NetworkTarget | undefined {
  const cr = ce.computeResources;
  if (!cr) return undefined;
  const platform = cePlatform(ce);
  // Fargate's public IP is the job definition's choice; for the CE alone, assume the wizard's ENABLED.
  return { platform, region, subnetIds: cr.subnets ?? [], securityGroupIds: cr.securityGroupIds ?? [], ...(platform === 'fargate' ? { assignPublicIp: assignPublicIp ?? 'ENABLED' } : {}) };
}
