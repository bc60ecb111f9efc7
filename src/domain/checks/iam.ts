/**
 * IAM preflight (`batchctl iam check`, `doctor` D, the setup wizards): which reads to make, how to
 * judge what they return, and the plan that creates exactly what is missing (`iam create-roles`).
 * Facts are the SDK's own GetRole / GetInstanceProfile / ListAttachedRolePolicies outputs, or
 * `'missing'` where IAM answered NoSuchEntity. Nothing here calls AWS.
 */
import type * as I from '@aws-sdk/client-iam';
import type { PlanStep } from '../plan.js';
import {
  iamRequirements,
  managedPolicyArn,
  policyNameOf,
  SLR_NAME,
  SLR_PATH,
  SLR_SERVICE,
  type IamOptions,
  type Platform,
  type RoleKey,
  type RoleRequirement,
} from './iam-roles.js';
import { emptyReportedPlan, type ReportedPlan } from './plan-notes.js';
import {
  arnAccount,
  conditionValues,
  decodePolicyDocument,
  policyJson,
  serviceTrustPolicy,
  trustedServices,
  trustStatementsFor,
  type PolicyDocument,
} from './policy-document.js';
import { fail, MISSING, pass, warn, type Check, type FactRequest, type Missing } from './types.js';

export { operatorPolicy, type OperatorCommand, type OperatorPolicy } from './operator-policy.js';
export type { IamOptions, Platform } from './iam-roles.js';

export interface IamFacts {
  /** GetRole outputs by role name. */
  roles: Record<string, I.GetRoleResponse | Missing>;
  /** ListAttachedRolePolicies outputs (all pages concatenated) by role name. */
  attachedPolicies: Record<string, I.ListAttachedRolePoliciesResponse | Missing>;
  /** GetInstanceProfile outputs by instance-profile name. */
  instanceProfiles: Record<string, I.GetInstanceProfileResponse | Missing>;
}

export function emptyIamFacts(): IamFacts {
  return { roles: {}, attachedPolicies: {}, instanceProfiles: {} };
}

const KEY = {
  role: (name: string) => `GetRole:${name}`,
  attached: (name: string) => `ListAttachedRolePolicies:${name}`,
  profile: (name: string) => `GetInstanceProfile:${name}`,
};

/**
 * The IAM reads still needed for `platform`, given the facts gathered so far. Call it in a loop:
 * make the reads (in parallel), record each with `recordIamFact`, and ask again until it returns
 * nothing. Two rounds at most: a role reached through an instance profile is only known once the
 * profile has been read.
 */
export function iamFactRequests(platform: Platform, facts: IamFacts, opts: IamOptions = {}): FactRequest[] {
  const out = new Map<string, FactRequest>();
  for (const req of iamRequirements(platform, opts)) {
    if (req.instanceProfile !== undefined && !(req.instanceProfile in facts.instanceProfiles)) {
      const key = KEY.profile(req.instanceProfile);
      out.set(key, { key, service: 'iam', operation: 'GetInstanceProfile', input: { InstanceProfileName: req.instanceProfile } });
      continue;
    }
    const name = resolvedRoleName(req, facts);
    if (!(name in facts.roles)) {
      const key = KEY.role(name);
      out.set(key, { key, service: 'iam', operation: 'GetRole', input: { RoleName: name } });
    }
    if (!req.serviceLinked && !(name in facts.attachedPolicies)) {
      const key = KEY.attached(name);
      out.set(key, { key, service: 'iam', operation: 'ListAttachedRolePolicies', input: { RoleName: name } });
    }
  }
  return [...out.values()];
}

/** Records the output of one request from `iamFactRequests` (or `'missing'` for NoSuchEntity). */
export function recordIamFact(facts: IamFacts, request: FactRequest, output: unknown): IamFacts {
  const value = output === MISSING ? MISSING : output;
  switch (request.operation) {
    case 'GetRole':
      facts.roles[String(request.input.RoleName)] = value as I.GetRoleResponse | Missing;
      break;
    case 'ListAttachedRolePolicies':
      facts.attachedPolicies[String(request.input.RoleName)] = value as I.ListAttachedRolePoliciesResponse | Missing;
      break;
    case 'GetInstanceProfile':
      facts.instanceProfiles[String(request.input.InstanceProfileName)] = value as I.GetInstanceProfileResponse | Missing;
      break;
    default:
      throw new Error(`not an IAM fact request: ${request.operation}`);
  }
  return facts;
}

/** The role a requirement refers to: the one inside its instance profile, else its default name. */
function resolvedRoleName(req: RoleRequirement, facts: IamFacts): string {
  if (req.instanceProfile === undefined) return req.roleName;
  const profile = facts.instanceProfiles[req.instanceProfile];
  if (profile && profile !== MISSING) {
    const first = profile.InstanceProfile?.Roles?.[0]?.RoleName;
    if (first) return first;
  }
  return req.roleName;
}

const ID: Record<RoleKey, string> = {
  slr: 'iam.slr',
  serviceRole: 'iam.service-role',
  executionRole: 'iam.execution-role',
  instanceRole: 'iam.instance-role',
  eksNodeRole: 'iam.eks-node-role',
};

const READS = {
  getRole: 'iam:GetRole Role',
  trust: 'iam:GetRole Role.AssumeRolePolicyDocument',
  attached: 'iam:ListAttachedRolePolicies AttachedPolicies[].PolicyArn',
  profile: 'iam:GetInstanceProfile InstanceProfile.Roles',
};

export interface EvaluateIamOptions extends IamOptions {
  /** The caller's account (sts:GetCallerIdentity), to compare with aws:SourceAccount conditions. */
  accountId?: string;
}

/** Judges the gathered IAM facts for a platform: one or more checks per required identity. */
export function evaluateIam(platform: Platform, facts: IamFacts, opts: EvaluateIamOptions = {}): Check[] {
  const checks: Check[] = [];
  if (platform === 'ec2' && opts.instanceRole && /:role\//.test(opts.instanceRole)) {
    checks.push(
      fail(
        'iam.instance-role.reference',
        'instanceRole names an instance profile',
        'CreateComputeEnvironment computeResources.instanceRole',
        [`computeResources.instanceRole=${opts.instanceRole}`],
        `use the instance profile, not the role: arn:aws:iam::<account>:instance-profile/${opts.instanceRole.slice(opts.instanceRole.lastIndexOf('/') + 1)} (or just its name)`,
      ),
    );
  }
  for (const req of iamRequirements(platform, opts)) {
    if (req.serviceLinked) checks.push(...evaluateSlr(facts));
    else checks.push(...evaluateRole(req, facts, platform, opts));
  }
  if (platform === 'eks' && !opts.eksInstanceProfile) {
    checks.push(
      fail(
        'iam.eks-node-role.instance-profile',
        'EKS node instance profile given',
        'CreateComputeEnvironment computeResources.instanceRole',
        ['no instance profile was given for the EKS nodes'],
        'pass --instance-role with the node instance profile (aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy, then aws iam list-instance-profiles-for-role)',
      ),
    );
  }
  return checks;
}

function evaluateSlr(facts: IamFacts): Check[] {
  const id = ID.slr;
  const title = `service-linked role ${SLR_NAME} exists`;
  const got = facts.roles[SLR_NAME];
  if (got === undefined) return [notRead(id, title, `GetRole(${SLR_NAME})`)];
  if (got === MISSING) {
    return [
      warn(id, title, READS.getRole, [`GetRole(${SLR_NAME}): NoSuchEntity`],
        `Batch creates it with the first MANAGED compute environment, if you may call iam:CreateServiceLinkedRole (iam:AWSServiceName=${SLR_SERVICE}); or create it now: batchctl iam create-roles (aws iam create-service-linked-role --aws-service-name ${SLR_SERVICE})`),
    ];
  }
  const path = got.Role?.Path ?? '';
  const evidence = [`GetRole(${SLR_NAME}).Role.Path=${path}`, `GetRole(${SLR_NAME}).Role.Arn=${got.Role?.Arn ?? ''}`];
  if (path !== SLR_PATH) {
    return [
      fail(id, title, READS.getRole, evidence,
        `a role named ${SLR_NAME} exists at path ${path}, so it is not the service-linked role; delete it and let Batch create the real one (path ${SLR_PATH})`),
    ];
  }
  return [pass(id, title, READS.getRole, evidence)];
}

function evaluateRole(req: RoleRequirement, facts: IamFacts, platform: Platform, opts: EvaluateIamOptions): Check[] {
  const id = ID[req.key];
  const checks: Check[] = [];
  const createHint = req.creatable ? `batchctl iam create-roles ${platform}` : undefined;

  if (req.instanceProfile !== undefined) {
    const pid = `${id}.instance-profile`;
    const ptitle = `instance profile ${req.instanceProfile} holds the ${req.label}`;
    const profile = facts.instanceProfiles[req.instanceProfile];
    if (profile === undefined) checks.push(notRead(pid, ptitle, `GetInstanceProfile(${req.instanceProfile})`));
    else if (profile === MISSING) {
      checks.push(
        fail(pid, ptitle, READS.profile, [`GetInstanceProfile(${req.instanceProfile}): NoSuchEntity`],
          createHint
            ? `create it and add the role: ${createHint} (aws iam create-instance-profile --instance-profile-name ${req.instanceProfile}; aws iam add-role-to-instance-profile --instance-profile-name ${req.instanceProfile} --role-name ${req.roleName}). A role without its instance profile is the classic EC2 setup failure`
            : `no such instance profile: give the node group's instance profile (aws iam list-instance-profiles-for-role --role-name <node role>)`),
      );
    } else {
      const roles = profile.InstanceProfile?.Roles ?? [];
      const ev = [`GetInstanceProfile(${req.instanceProfile}).InstanceProfile.Roles=[${roles.map((r) => r.RoleName).join(', ')}]`];
      if (roles.length === 0) {
        checks.push(
          fail(pid, ptitle, READS.profile, ev,
            `add the role: aws iam add-role-to-instance-profile --instance-profile-name ${req.instanceProfile} --role-name ${req.roleName}${createHint ? ` (or ${createHint})` : ''}`),
        );
      } else checks.push(pass(pid, ptitle, READS.profile, ev));
    }
  }

  const name = resolvedRoleName(req, facts);
  const eid = `${id}.exists`;
  const etitle = `${req.label} ${name} exists`;
  const role = facts.roles[name];
  if (role === undefined) return [...checks, notRead(eid, etitle, `GetRole(${name})`)];
  if (role === MISSING) {
    checks.push(
      fail(eid, etitle, READS.getRole, [`GetRole(${name}): NoSuchEntity`],
        createHint
          ? `create it: ${createHint} (trust ${req.trustService}, policies ${req.policies.filter((p) => p.required).map((p) => policyNameOf(p.path)).join(', ')})`
          : `no role named ${name}: ${req.key === 'serviceRole' ? 'fix the serviceRole ARN (full ARN with its path) or use "" for the service-linked role' : 'check the name'}`),
    );
    return checks;
  }
  checks.push(pass(eid, etitle, READS.getRole, [`GetRole(${name}).Role.Arn=${role.Role?.Arn ?? ''}`]));

  const decoded = decodePolicyDocument(role.Role?.AssumeRolePolicyDocument);
  const tid = `${id}.trust`;
  const ttitle = `${name} trusts ${req.trustService}`;
  if (!decoded.ok) {
    checks.push(fail(tid, ttitle, READS.trust, [`GetRole(${name}).Role.AssumeRolePolicyDocument: ${decoded.error}`],
      `set a trust policy allowing ${req.trustService} to sts:AssumeRole`));
  } else {
    const services = trustedServices(decoded.doc);
    const ev = [`GetRole(${name}).Role.AssumeRolePolicyDocument: Principal.Service=[${services.join(', ')}], Action=sts:AssumeRole`];
    if (trustStatementsFor(decoded.doc, req.trustService).length > 0) checks.push(pass(tid, ttitle, READS.trust, ev));
    else {
      checks.push(fail(tid, ttitle, READS.trust, ev,
        `allow ${req.trustService} to assume it: aws iam update-assume-role-policy --role-name ${name} --policy-document '${policyJson(serviceTrustPolicy(req.trustService))}'`));
    }
    if (req.confusedDeputy) checks.push(confusedDeputyCheck(`${id}.confused-deputy`, name, decoded.doc, req.trustService, opts.accountId));
  }

  checks.push(...policyChecks(req, name, facts, opts.partition));
  return checks;
}

function policyChecks(req: RoleRequirement, name: string, facts: IamFacts, partition = 'aws'): Check[] {
  if (req.policies.length === 0) return [];
  const id = `${ID[req.key]}.policies`;
  const title = `${name} has ${req.policies.filter((p) => p.required).map((p) => policyNameOf(p.path)).join(', ') || 'its policies'}`;
  const attached = facts.attachedPolicies[name];
  if (attached === undefined) return [notRead(id, title, `ListAttachedRolePolicies(${name})`)];
  if (attached === MISSING) return [];
  const names = (attached.AttachedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOf(p.PolicyArn ?? ''));
  const evidence = [`ListAttachedRolePolicies(${name}).AttachedPolicies=[${names.join(', ')}]`];
  const missing = missingPolicies(req, attached);
  const missingRequired = missing.filter((p) => p.required);
  const attach = (paths: string[]) =>
    paths.map((p) => `aws iam attach-role-policy --role-name ${name} --policy-arn ${managedPolicyArn(p, partition)}`).join('; ');
  if (missingRequired.length > 0) {
    return [fail(id, title, READS.attached, [...evidence, ...missingRequired.map((p) => `missing ${policyNameOf(p.path)}: ${p.why}`)],
      `${req.creatable || req.key === 'eksNodeRole' ? 'batchctl iam create-roles attaches it, or: ' : ''}${attach(missingRequired.map((p) => p.path))}`)];
  }
  if (missing.length > 0) {
    return [warn(id, title, READS.attached, [...evidence, ...missing.map((p) => `missing ${policyNameOf(p.path)}: ${p.why}`)],
      attach(missing.map((p) => p.path)))];
  }
  return [pass(id, title, READS.attached, evidence)];
}

function missingPolicies(req: RoleRequirement, attached: I.ListAttachedRolePoliciesResponse): RoleRequirement['policies'] {
  const have = new Set((attached.AttachedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOf(p.PolicyArn ?? '')));
  return req.policies.filter((p) => ![policyNameOf(p.path), ...(p.alternatives ?? []).map(policyNameOf)].some((n) => have.has(n)));
}

/** spec/06 §1.5: a role assumed by batch.amazonaws.com should pin aws:SourceAccount / aws:SourceArn. */
function confusedDeputyCheck(id: string, name: string, doc: PolicyDocument, service: string, accountId?: string): Check {
  const title = `${name} trust is hardened against the confused deputy`;
  const reads = READS.trust;
  const statements = trustStatementsFor(doc, service);
  const evidence: string[] = [];
  const problems: string[] = [];
  let unconditioned = false;
  for (const s of statements) {
    const accounts = conditionValues(s, 'aws:SourceAccount').flatMap((c) => c.values);
    const arns = conditionValues(s, 'aws:SourceArn').flatMap((c) => c.values);
    evidence.push(`Condition aws:SourceAccount=[${accounts.join(', ')}], aws:SourceArn=[${arns.join(', ')}]`);
    if (accounts.length === 0 && arns.length === 0) unconditioned = true;
    if (accountId && accounts.length > 0 && !accounts.includes(accountId)) {
      problems.push(`aws:SourceAccount ${accounts.join(', ')} is not this account (${accountId}): Batch cannot assume the role`);
    }
    for (const arn of arns) {
      const acct = arnAccount(arn);
      if (acct && accounts.length > 0 && !accounts.includes(acct)) problems.push(`aws:SourceArn ${arn} names account ${acct}, aws:SourceAccount does not`);
    }
  }
  const example = `"Condition":{"StringEquals":{"aws:SourceAccount":"${accountId ?? '<account>'}"},"ArnLike":{"aws:SourceArn":["arn:aws:batch:<region>:${accountId ?? '<account>'}:compute-environment/*","arn:aws:batch:<region>:${accountId ?? '<account>'}:job/*"]}}`;
  if (problems.length > 0) return fail(id, title, reads, [...evidence, ...problems], `make the condition values name this account: ${example}`);
  if (unconditioned) {
    return warn(id, title, reads, [...evidence, `a statement trusting ${service} has no aws:SourceAccount or aws:SourceArn condition`],
      `add to the trust statement: ${example}`);
  }
  return pass(id, title, reads, evidence);
}

function notRead(id: string, title: string, call: string): Check {
  return warn(id, title, call, [`${call} was not read`], 'run the reads listed by iamFactRequests first');
}

// ---------------------------------------------------------------------------------------------
// iam create-roles

export interface IamCreateRolesOptions extends IamOptions {
  /** Tags for created roles and instance profiles (the setup wizards pass batchctl:stack=NAME). */
  tags?: Record<string, string>;
}

/**
 * The plan that creates exactly what `platform` is missing: the service-linked role, roles with the
 * right trust policy, their managed policies and instance profiles. Existing identities are skipped
 * ("exists, matches"); an existing role with the wrong trust is a conflict (never rewritten); an EKS
 * node profile is a prerequisite batchctl does not create.
 */
export function iamCreateRolesPlan(
  facts: IamFacts,
  platform: Platform,
  accountId: string,
  opts: IamCreateRolesOptions = {},
): ReportedPlan {
  const plan = emptyReportedPlan(`Create the IAM roles for ${platform}`);
  const partition = opts.partition ?? 'aws';
  const tagList = opts.tags ? Object.entries(opts.tags).map(([Key, Value]) => ({ Key, Value })) : undefined;
  for (const req of iamRequirements(platform, opts)) {
    if (req.serviceLinked) {
      const got = facts.roles[SLR_NAME];
      if (got === MISSING) {
        plan.steps.push({
          service: 'iam',
          operation: 'CreateServiceLinkedRole',
          input: { AWSServiceName: SLR_SERVICE },
          reason: `no role named ${SLR_NAME}`,
          title: `create service-linked role ${SLR_NAME}`,
        });
      } else if (got && got.Role?.Path !== SLR_PATH) {
        plan.conflicts.push({
          kind: 'service-linked-role', name: SLR_NAME, reason: 'mismatch',
          message: `a role named ${SLR_NAME} exists at path ${got.Role?.Path}, not ${SLR_PATH}`,
          differences: [`Path: existing ${got.Role?.Path}, wanted ${SLR_PATH}`],
          fix: `delete that role; Batch then creates the service-linked role`,
        });
      } else if (got) {
        plan.skipped.push({ kind: 'service-linked-role', name: SLR_NAME, note: 'exists, matches' });
      }
      continue;
    }
    planRole(plan, req, facts, partition, accountId, tagList);
  }
  return plan;
}

function planRole(
  plan: ReportedPlan,
  req: RoleRequirement,
  facts: IamFacts,
  partition: string,
  accountId: string,
  tags: { Key: string; Value: string }[] | undefined,
): void {
  const profileName = req.instanceProfile;
  const profile = profileName !== undefined ? facts.instanceProfiles[profileName] : undefined;
  const name = resolvedRoleName(req, facts);
  const role = facts.roles[name];
  const steps: PlanStep[] = [];

  if (!req.creatable && (role === MISSING || profile === MISSING)) {
    const what = profile === MISSING ? `instance profile ${profileName}` : `role ${name}`;
    plan.conflicts.push({
      kind: profile === MISSING ? 'instance-profile' : 'role', name: profile === MISSING ? profileName! : name, reason: 'prerequisite',
      message: `the ${req.label} (${what}) does not exist and batchctl does not create it`,
      differences: [],
      fix: req.key === 'eksNodeRole'
        ? 'create the cluster\'s node group with eksctl, then pass its instance profile with --instance-role'
        : 'create the role, or pass an existing one',
    });
    return;
  }

  if (role === MISSING) {
    steps.push({
      service: 'iam',
      operation: 'CreateRole',
      input: {
        RoleName: name,
        AssumeRolePolicyDocument: policyJson(serviceTrustPolicy(req.trustService)),
        Description: `${req.label} for AWS Batch (created by batchctl)`,
        ...(tags ? { Tags: tags } : {}),
      },
      reason: `no role named ${name}`,
      title: `create role ${name}`,
    });
  } else if (role !== undefined) {
    const decoded = decodePolicyDocument(role.Role?.AssumeRolePolicyDocument);
    if (!decoded.ok || trustStatementsFor(decoded.doc, req.trustService).length === 0) {
      plan.conflicts.push({
        kind: 'role', name, reason: 'mismatch',
        message: `role ${name} exists but does not trust ${req.trustService}`,
        differences: [`trust: existing [${decoded.ok ? trustedServices(decoded.doc).join(', ') : decoded.error}], wanted [${req.trustService}]`],
        fix: `update its trust policy (aws iam update-assume-role-policy --role-name ${name} ...) or choose another role name`,
      });
      return;
    }
  }

  if (profileName !== undefined) {
    if (profile === MISSING) {
      steps.push({
        service: 'iam',
        operation: 'CreateInstanceProfile',
        input: { InstanceProfileName: profileName, ...(tags ? { Tags: tags } : {}) },
        reason: `no instance profile named ${profileName}`,
        title: `create instance profile ${profileName}`,
      });
    }
    const held = profile && profile !== MISSING ? profile.InstanceProfile?.Roles ?? [] : [];
    if (profile === MISSING || held.length === 0) {
      steps.push({
        service: 'iam',
        operation: 'AddRoleToInstanceProfile',
        input: { InstanceProfileName: profileName, RoleName: name },
        reason: profile === MISSING ? `the new instance profile ${profileName} must hold ${name}` : `instance profile ${profileName} holds no role`,
        title: `add role ${name} to instance profile ${profileName}`,
      });
    } else {
      plan.skipped.push({ kind: 'instance-profile', name: profileName, note: `exists, holds ${held[0]?.RoleName}` });
    }
  }

  const attached = facts.attachedPolicies[name];
  const wanted = req.policies.filter((p) => p.required);
  const missing =
    role === MISSING || attached === MISSING || attached === undefined
      ? wanted
      : missingPolicies({ ...req, policies: wanted }, attached);
  for (const p of missing) {
    const policyName = policyNameOf(p.path);
    steps.push({
      service: 'iam',
      operation: 'AttachRolePolicy',
      input: { RoleName: name, PolicyArn: managedPolicyArn(p.path, partition) },
      reason: role === MISSING ? `the new role ${name} needs ${policyName}: ${p.why}` : `${name} lacks ${policyName}: ${p.why}`,
      title: `attach ${policyName} to ${name}`,
    });
  }
  if (role !== MISSING && role !== undefined) {
    plan.skipped.push({
      kind: 'role', name,
      note: missing.length === 0 ? `exists, matches (arn:${partition}:iam::${accountId}:role/${name})` : `exists; attaching ${missing.map((p) => policyNameOf(p.path)).join(', ')}`,
    });
  }
  plan.steps.push(...steps);
}
