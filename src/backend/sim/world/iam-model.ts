/**
 * IAM roles and instance profiles as stored rows, and the lookups the Batch side needs (does the
 * instance profile / service role a CE names exist?). The facet (iam.ts) turns these into
 * IAM's API shapes and errors.
 */
import { BATCH_SLR_NAME, BATCH_SLR_PATH } from '../../../domain/ids.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from './kinds.js';
import { MANAGED_POLICIES, managedPolicyArn } from './managed-policies.js';

export interface StoredRole {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: number;
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  Tags?: { Key: string; Value: string }[];
  /** Attached managed policy ARNs (not part of the Role shape). */
  attached: string[];
}

export interface StoredInstanceProfile {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: number;
  Tags?: { Key: string; Value: string }[];
  /** Role names (at most one, as IAM allows). */
  roles: string[];
}

export function getRoleRow(ctx: SimCtx, name: string): ResourceRow<StoredRole> | undefined {
  return ctx.resources.get<StoredRole>(KIND.role, name);
}

export function getInstanceProfileRow(ctx: SimCtx, name: string): ResourceRow<StoredInstanceProfile> | undefined {
  return ctx.resources.get<StoredInstanceProfile>(KIND.instanceProfile, name);
}

/** A role named by full ARN: it exists only if name AND path match (a bare name means path `/`). */
export function roleExists(ctx: SimCtx, ref: string): boolean {
  if (!ref.startsWith('arn:')) return getRoleRow(ctx, ref)?.body.Path === '/';
  const row = ctx.resources.byArn<StoredRole>(ref);
  return row?.kind === KIND.role;
}

/** An instance profile named by name or ARN. */
export function instanceProfileExists(ctx: SimCtx, ref: string): boolean {
  if (!ref.startsWith('arn:')) return getInstanceProfileRow(ctx, ref) !== undefined;
  return ctx.resources.byArn(ref)?.kind === KIND.instanceProfile;
}

export function roleArn(ctx: SimCtx, path: string, name: string): string {
  return `arn:aws:iam::${ctx.account}:role${path}${name}`;
}

export function insertRole(ctx: SimCtx, r: { name: string; path: string; assumeRolePolicyDocument: string; description?: string; tags?: { Key: string; Value: string }[]; attached?: string[] }): StoredRole {
  const role: StoredRole = {
    Path: r.path, RoleName: r.name, RoleId: ctx.ids.iam('AROA'), Arn: roleArn(ctx, r.path, r.name), CreateDate: ctx.now,
    AssumeRolePolicyDocument: r.assumeRolePolicyDocument, Description: r.description, MaxSessionDuration: 3600, Tags: r.tags, attached: r.attached ?? [],
  };
  ctx.resources.insert({ kind: KIND.role, id: r.name, name: r.name, arn: role.Arn, createdAt: ctx.now, body: role });
  return role;
}

/** Service-linked roles IAM can create here: service principal → role name and managed policy. */
export const SERVICE_LINKED_ROLES: Record<string, { name: string; policy?: string }> = {
  'batch.amazonaws.com': { name: BATCH_SLR_NAME, policy: 'BatchServiceRolePolicy' },
  'ecs.amazonaws.com': { name: 'AWSServiceRoleForECS' },
  'spot.amazonaws.com': { name: 'AWSServiceRoleForEC2Spot' },
  'spotfleet.amazonaws.com': { name: 'AWSServiceRoleForEC2SpotFleet' },
  'autoscaling.amazonaws.com': { name: 'AWSServiceRoleForAutoScaling' },
  'eks.amazonaws.com': { name: 'AWSServiceRoleForAmazonEKS' },
};

export function createServiceLinkedRoleRow(ctx: SimCtx, service: string, description?: string): StoredRole {
  const slr = SERVICE_LINKED_ROLES[service]!;
  const policy = MANAGED_POLICIES.find((p) => p.name === slr.policy);
  const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }] });
  return insertRole(ctx, {
    name: slr.name, path: `/aws-service-role/${service}/`, assumeRolePolicyDocument: doc, description, attached: policy ? [managedPolicyArn(policy)] : [],
  });
}

/** Batch creates its SLR on the first managed CE that uses no explicit service role, as AWS does. */
export function ensureBatchServiceLinkedRole(ctx: SimCtx): string {
  const existing = getRoleRow(ctx, BATCH_SLR_NAME);
  if (existing && existing.body.Path === BATCH_SLR_PATH) return existing.body.Arn;
  return createServiceLinkedRoleRow(ctx, 'batch.amazonaws.com').Arn;
}
