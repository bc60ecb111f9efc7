/** The IAM facet over the simulated account (errors with IAM's own names and status codes). */
import type * as I from '@aws-sdk/client-iam';
import { AwsShapedError } from '../../../errors.js';
import type { IamApi } from '../../port.js';
import type { SimCtx } from '../context.js';
import type { SimRuntime } from '../runtime.js';
import { KIND } from './kinds.js';
import {
  SERVICE_LINKED_ROLES, type StoredInstanceProfile, type StoredRole, createServiceLinkedRoleRow, getInstanceProfileRow, getRoleRow, insertRole,
} from './iam-model.js';

const noSuchEntity = (m: string) => new AwsShapedError('NoSuchEntityException', m, 404);
const alreadyExists = (m: string) => new AwsShapedError('EntityAlreadyExistsException', m, 409);
const invalidInput = (m: string) => new AwsShapedError('InvalidInputException', m, 400);
const deleteConflict = (m: string) => new AwsShapedError('DeleteConflictException', m, 409);
const limitExceeded = (m: string) => new AwsShapedError('LimitExceededException', m, 409);

const ROLE_NAME_RE = /^[\w+=,.@-]{1,64}$/;
const PROFILE_NAME_RE = /^[\w+=,.@-]{1,128}$/;
const PATH_RE = /^(\/|\/[\x21-\x7e]*\/)$/;

function toRole(r: StoredRole): I.Role {
  const { attached: _attached, CreateDate, AssumeRolePolicyDocument, ...rest } = r;
  // IAM returns the trust policy URL-encoded (spec/07 §9).
  return { ...rest, CreateDate: new Date(CreateDate), AssumeRolePolicyDocument: encodeURIComponent(AssumeRolePolicyDocument) };
}

function requireRole(ctx: SimCtx, name: string | undefined): { row: NonNullable<ReturnType<typeof getRoleRow>>; name: string } {
  if (!name) throw invalidInput('RoleName is required');
  const row = getRoleRow(ctx, name);
  if (!row) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return { row, name };
}

function toProfile(ctx: SimCtx, p: StoredInstanceProfile): I.InstanceProfile {
  const { roles, CreateDate, ...rest } = p;
  return { ...rest, CreateDate: new Date(CreateDate), Roles: roles.map((n) => getRoleRow(ctx, n)).filter((r) => r !== undefined).map((r) => toRole(r.body)) };
}

function requireProfile(ctx: SimCtx, name: string | undefined) {
  if (!name) throw invalidInput('InstanceProfileName is required');
  const row = getInstanceProfileRow(ctx, name);
  if (!row) throw noSuchEntity(`Instance Profile ${name} cannot be found.`);
  return row;
}

function isRoleInProfile(ctx: SimCtx, roleName: string): boolean {
  return ctx.resources.list<StoredInstanceProfile>(KIND.instanceProfile).some((p) => p.body.roles.includes(roleName));
}

export function createIamApi(rt: SimRuntime): IamApi {
  return {
    getRole: (input) => rt.run('iam.GetRole', (ctx) => ({ Role: toRole(requireRole(ctx, input.RoleName).row.body) })),
    createRole: (input) => rt.run('iam.CreateRole', (ctx) => {
      const name = input.RoleName ?? '';
      if (!ROLE_NAME_RE.test(name)) throw invalidInput(`1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
      const path = input.Path ?? '/';
      if (!PATH_RE.test(path)) throw invalidInput(`The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
      if (!input.AssumeRolePolicyDocument) throw invalidInput('AssumeRolePolicyDocument is required');
      try {
        JSON.parse(input.AssumeRolePolicyDocument);
      } catch {
        throw new AwsShapedError('MalformedPolicyDocumentException', 'This policy contains invalid Json', 400);
      }
      if (getRoleRow(ctx, name)) throw alreadyExists(`Role with name ${name} already exists.`);
      const role = insertRole(ctx, {
        name, path, assumeRolePolicyDocument: input.AssumeRolePolicyDocument, description: input.Description,
        tags: input.Tags?.map((t) => ({ Key: t.Key!, Value: t.Value ?? '' })),
      });
      return { Role: toRole(role) };
    }),
    deleteRole: (input) => rt.run('iam.DeleteRole', (ctx) => {
      const { row, name } = requireRole(ctx, input.RoleName);
      if (row.body.Path.startsWith('/aws-service-role/')) throw new AwsShapedError('UnmodifiableEntityException', `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`, 400);
      if (row.body.attached.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
      if (isRoleInProfile(ctx, name)) throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
      ctx.resources.delete(row.seq);
      return {};
    }),
    createServiceLinkedRole: (input) => rt.run('iam.CreateServiceLinkedRole', (ctx) => {
      const service = input.AWSServiceName ?? '';
      const slr = SERVICE_LINKED_ROLES[service];
      if (!slr) throw invalidInput(`Unrecognized service principal: ${service}`);
      if (input.CustomSuffix) throw invalidInput(`Custom suffix is not allowed for ${service}`);
      if (getRoleRow(ctx, slr.name)) throw invalidInput(`Service role name ${slr.name} has been taken in this account, please try a different suffix.`);
      return { Role: toRole(createServiceLinkedRoleRow(ctx, service, input.Description)) };
    }),
    listAttachedRolePolicies: (input) => rt.run('iam.ListAttachedRolePolicies', (ctx) => {
      const { row } = requireRole(ctx, input.RoleName);
      const prefix = input.PathPrefix ?? '/';
      const all = row.body.attached
        .map((arn) => ctx.resources.get<{ PolicyName: string; Path: string }>(KIND.managedPolicy, arn))
        .filter((p) => p !== undefined && p.body.Path.startsWith(prefix))
        .map((p) => ({ PolicyName: p!.body.PolicyName, PolicyArn: p!.id }));
      const max = input.MaxItems ?? 100;
      if (max < 1 || max > 1000) throw invalidInput('MaxItems must be between 1 and 1000');
      const start = input.Marker ? Number(Buffer.from(input.Marker, 'base64url').toString()) : 0;
      const items = all.slice(start, start + max);
      const truncated = start + max < all.length;
      return { AttachedPolicies: items, IsTruncated: truncated, ...(truncated ? { Marker: Buffer.from(String(start + max)).toString('base64url') } : {}) };
    }),
    attachRolePolicy: (input) => rt.run('iam.AttachRolePolicy', (ctx) => {
      const { row } = requireRole(ctx, input.RoleName);
      const arn = input.PolicyArn ?? '';
      if (!/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+/.test(arn)) throw invalidInput(`ARN ${arn} is not valid.`);
      if (!ctx.resources.get(KIND.managedPolicy, arn)) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
      if (!row.body.attached.includes(arn)) {
        if (row.body.attached.length >= 10) throw limitExceeded('Cannot exceed quota for PoliciesPerRole: 10');
        row.body.attached.push(arn);
        ctx.resources.update(row);
      }
      return {};
    }),
    detachRolePolicy: (input) => rt.run('iam.DetachRolePolicy', (ctx) => {
      const { row } = requireRole(ctx, input.RoleName);
      const arn = input.PolicyArn ?? '';
      if (!row.body.attached.includes(arn)) throw noSuchEntity(`Policy ${arn} was not found.`);
      row.body.attached = row.body.attached.filter((a) => a !== arn);
      ctx.resources.update(row);
      return {};
    }),
    getInstanceProfile: (input) => rt.run('iam.GetInstanceProfile', (ctx) => ({ InstanceProfile: toProfile(ctx, requireProfile(ctx, input.InstanceProfileName).body) })),
    createInstanceProfile: (input) => rt.run('iam.CreateInstanceProfile', (ctx) => {
      const name = input.InstanceProfileName ?? '';
      if (!PROFILE_NAME_RE.test(name)) throw invalidInput(`1 validation error detected: Value '${name}' at 'instanceProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
      const path = input.Path ?? '/';
      if (!PATH_RE.test(path)) throw invalidInput('The specified value for path is invalid.');
      if (getInstanceProfileRow(ctx, name)) throw alreadyExists(`Instance Profile ${name} already exists.`);
      const p: StoredInstanceProfile = {
        Path: path, InstanceProfileName: name, InstanceProfileId: ctx.ids.iam('AIPA'), Arn: `arn:aws:iam::${ctx.account}:instance-profile${path}${name}`,
        CreateDate: ctx.now, Tags: input.Tags?.map((t) => ({ Key: t.Key!, Value: t.Value ?? '' })), roles: [],
      };
      ctx.resources.insert({ kind: KIND.instanceProfile, id: name, name, arn: p.Arn, createdAt: ctx.now, body: p });
      return { InstanceProfile: toProfile(ctx, p) };
    }),
    deleteInstanceProfile: (input) => rt.run('iam.DeleteInstanceProfile', (ctx) => {
      const row = requireProfile(ctx, input.InstanceProfileName);
      if (row.body.roles.length > 0) throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
      ctx.resources.delete(row.seq);
      return {};
    }),
    addRoleToInstanceProfile: (input) => rt.run('iam.AddRoleToInstanceProfile', (ctx) => {
      const row = requireProfile(ctx, input.InstanceProfileName);
      const { name } = requireRole(ctx, input.RoleName);
      if (row.body.roles.length >= 1) throw limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
      row.body.roles.push(name);
      ctx.resources.update(row);
      return {};
    }),
    removeRoleFromInstanceProfile: (input) => rt.run('iam.RemoveRoleFromInstanceProfile', (ctx) => {
      const row = requireProfile(ctx, input.InstanceProfileName);
      const name = input.RoleName ?? '';
      if (!row.body.roles.includes(name)) throw noSuchEntity(`The role with name ${name} cannot be found.`);
      row.body.roles = row.body.roles.filter((r) => r !== name);
      ctx.resources.update(row);
      return {};
    }),
  };
}
