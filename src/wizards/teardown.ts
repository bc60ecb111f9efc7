/**
 * `batchctl teardown NAME`: the plan that removes what a setup created, in AWS's dependency order
 * (spec/01 §13): disable the queues, wait, delete them, wait until they are gone; disable the compute
 * environments, wait, delete them, wait; deregister the job definitions; and, only with
 * `roles: true`, the IAM roles the stack created (remove from the instance profile, delete the
 * profile, detach the policies, delete the role). Only resources tagged `batchctl:stack=NAME` are
 * touched; a re-run after an interruption plans only what is left.
 */
import type * as B from '@aws-sdk/client-batch';
import type * as I from '@aws-sdk/client-iam';
import { SLR_NAME } from '../domain/checks/iam-roles.js';
import { emptyReportedPlan, type ReportedPlan } from '../domain/checks/plan-notes.js';
import { STACK_TAG } from './defaults.js';
import { waitStep } from './wait-steps.js';

export interface StackRole {
  role: I.Role;
  /** ListAttachedRolePolicies(role).AttachedPolicies. */
  attachedPolicies: I.AttachedPolicy[];
  /** GetInstanceProfile(<role name>).InstanceProfile, when a profile of that name exists. */
  instanceProfile?: I.InstanceProfile;
}

export interface StackResources {
  stack: string;
  computeEnvironments: B.ComputeEnvironmentDetail[];
  jobQueues: B.JobQueueDetail[];
  /** ACTIVE revisions. */
  jobDefinitions: B.JobDefinition[];
  /** Roles tagged with the stack (GetRole returns Role.Tags). */
  roles?: StackRole[];
  /** Every queue of the region that is not part of the stack: a CE they use is not deleted. */
  otherJobQueues?: B.JobQueueDetail[];
}

const tagged = (tags: Record<string, string> | undefined, stack: string) => tags?.[STACK_TAG] === stack;
const roleTagged = (tags: I.Tag[] | undefined, stack: string) => (tags ?? []).some((t) => t.Key === STACK_TAG && t.Value === stack);

/**
 * Picks a stack's resources out of region-wide Describe answers (DescribeComputeEnvironments,
 * DescribeJobQueues and DescribeJobDefinitions status=ACTIVE, all pages) and the GetRole results of
 * candidate roles; the rest of the queues become `otherJobQueues`.
 */
export function selectStackResources(
  stack: string,
  all: { computeEnvironments: B.ComputeEnvironmentDetail[]; jobQueues: B.JobQueueDetail[]; jobDefinitions: B.JobDefinition[]; roles?: StackRole[] },
): StackResources {
  return {
    stack,
    computeEnvironments: all.computeEnvironments.filter((c) => tagged(c.tags, stack) && c.status !== 'DELETED'),
    jobQueues: all.jobQueues.filter((q) => tagged(q.tags, stack) && q.status !== 'DELETED'),
    jobDefinitions: all.jobDefinitions.filter((j) => tagged(j.tags, stack) && (j.status ?? 'ACTIVE') === 'ACTIVE'),
    roles: (all.roles ?? []).filter((r) => roleTagged(r.role.Tags, stack) && r.role.RoleName !== SLR_NAME),
    otherJobQueues: all.jobQueues.filter((q) => !tagged(q.tags, stack) && q.status !== 'DELETED'),
  };
}

const nameOfCe = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

export function buildTeardownPlan(stack: StackResources, opts: { roles: boolean }): ReportedPlan {
  const plan = emptyReportedPlan(`Tear down the stack ${stack.stack}`);

  // 1. Queues: DISABLED, then deleted, then gone (a CE cannot be deleted while a queue uses it).
  const queues = stack.jobQueues.filter((q) => q.status !== 'DELETED');
  const toDisable = queues.filter((q) => q.state === 'ENABLED' && q.status !== 'DELETING');
  for (const q of toDisable) {
    plan.steps.push({
      service: 'batch', operation: 'UpdateJobQueue', input: { jobQueue: q.jobQueueName, state: 'DISABLED' },
      reason: 'a job queue must be DISABLED before it can be deleted', title: `disable job queue ${q.jobQueueName}`,
    });
  }
  const toDelete = queues.filter((q) => q.status !== 'DELETING');
  const settling = toDelete.filter((q) => toDisable.includes(q) || q.status === 'UPDATING' || q.status === 'CREATING');
  if (settling.length > 0) {
    plan.steps.push(waitStep('WaitForJobQueues', settling.map((q) => q.jobQueueName!), { state: 'DISABLED', status: ['VALID', 'INVALID'] },
      'DeleteJobQueue needs the queue DISABLED and settled'));
  }
  for (const q of toDelete) {
    plan.steps.push({
      service: 'batch', operation: 'DeleteJobQueue', input: { jobQueue: q.jobQueueName },
      reason: `job queue ${q.jobQueueName} belongs to stack ${stack.stack}; its remaining jobs are terminated`, title: `delete job queue ${q.jobQueueName}`,
    });
  }
  if (queues.length > 0 && stack.computeEnvironments.length > 0) {
    plan.steps.push(waitStep('WaitForJobQueues', queues.map((q) => q.jobQueueName!), 'DELETED',
      'a compute environment cannot be deleted while a job queue still references it'));
  }

  // 2. Compute environments: refuse one that a queue outside the stack still uses.
  const ces: B.ComputeEnvironmentDetail[] = [];
  for (const ce of stack.computeEnvironments.filter((c) => c.status !== 'DELETED')) {
    const users = (stack.otherJobQueues ?? []).filter((q) =>
      (q.computeEnvironmentOrder ?? []).some((o) => o.computeEnvironment === ce.computeEnvironmentArn || nameOfCe(o.computeEnvironment ?? '') === ce.computeEnvironmentName),
    );
    if (users.length > 0) {
      plan.conflicts.push({
        kind: 'compute-environment', name: ce.computeEnvironmentName!, reason: 'state',
        message: `compute environment ${ce.computeEnvironmentName} is still used by job queue${users.length > 1 ? 's' : ''} ${users.map((q) => q.jobQueueName).join(', ')} outside the stack`,
        differences: [],
        fix: `detach it from ${users.map((q) => q.jobQueueName).join(', ')} (batchctl queue update ... --compute-environment-order ...), then run teardown again`,
      });
      continue;
    }
    ces.push(ce);
  }
  const ceDisable = ces.filter((c) => c.state === 'ENABLED' && c.status !== 'DELETING');
  for (const c of ceDisable) {
    plan.steps.push({
      service: 'batch', operation: 'UpdateComputeEnvironment', input: { computeEnvironment: c.computeEnvironmentName, state: 'DISABLED' },
      reason: 'a compute environment must be DISABLED before it can be deleted (1–2 minutes)', title: `disable compute environment ${c.computeEnvironmentName}`,
    });
  }
  const ceDelete = ces.filter((c) => c.status !== 'DELETING');
  const ceSettling = ceDelete.filter((c) => ceDisable.includes(c) || c.status === 'UPDATING' || c.status === 'CREATING');
  if (ceSettling.length > 0) {
    plan.steps.push(waitStep('WaitForComputeEnvironments', ceSettling.map((c) => c.computeEnvironmentName!), { state: 'DISABLED', status: ['VALID', 'INVALID'] },
      'DeleteComputeEnvironment needs the compute environment DISABLED and settled'));
  }
  for (const c of ceDelete) {
    plan.steps.push({
      service: 'batch', operation: 'DeleteComputeEnvironment', input: { computeEnvironment: c.computeEnvironmentName },
      reason: `compute environment ${c.computeEnvironmentName} belongs to stack ${stack.stack}; its instances are terminated`,
      title: `delete compute environment ${c.computeEnvironmentName}`,
    });
  }
  if (ces.length > 0) {
    plan.steps.push(waitStep('WaitForComputeEnvironments', ces.map((c) => c.computeEnvironmentName!), 'DELETED',
      'deleting takes 1–2 minutes; the roles its instances use must outlive it'));
  }

  // 3. Job definitions: every ACTIVE revision.
  for (const jd of stack.jobDefinitions.filter((j) => (j.status ?? 'ACTIVE') === 'ACTIVE')) {
    plan.steps.push({
      service: 'batch', operation: 'DeregisterJobDefinition', input: { jobDefinition: jd.jobDefinitionArn },
      reason: `job definition ${jd.jobDefinitionName}:${jd.revision} belongs to stack ${stack.stack}`,
      title: `deregister job definition ${jd.jobDefinitionName}:${jd.revision}`,
    });
  }

  // 4. Roles, only when asked: they may be shared with other stacks or tools.
  const roles = stack.roles ?? [];
  if (!opts.roles) {
    for (const r of roles) plan.skipped.push({ kind: 'role', name: r.role.RoleName!, note: 'kept (pass --roles to delete the roles this stack created)' });
  } else {
    for (const r of roles) planRoleDeletion(plan, r, stack.stack);
    plan.skipped.push({ kind: 'service-linked-role', name: SLR_NAME, note: 'kept: shared by every compute environment of the account, in every region' });
  }
  return plan;
}

function planRoleDeletion(plan: ReportedPlan, r: StackRole, stack: string): void {
  const name = r.role.RoleName!;
  const profile = r.instanceProfile;
  if (profile && (profile.Roles ?? []).some((x) => x.RoleName === name)) {
    plan.steps.push({
      service: 'iam', operation: 'RemoveRoleFromInstanceProfile', input: { InstanceProfileName: profile.InstanceProfileName, RoleName: name },
      reason: 'IAM refuses to delete a role that an instance profile still holds', title: `remove role ${name} from instance profile ${profile.InstanceProfileName}`,
    });
  }
  if (profile && roleTagged(profile.Tags, stack)) {
    plan.steps.push({
      service: 'iam', operation: 'DeleteInstanceProfile', input: { InstanceProfileName: profile.InstanceProfileName },
      reason: `instance profile ${profile.InstanceProfileName} was created for stack ${stack}`, title: `delete instance profile ${profile.InstanceProfileName}`,
    });
  }
  for (const p of r.attachedPolicies) {
    plan.steps.push({
      service: 'iam', operation: 'DetachRolePolicy', input: { RoleName: name, PolicyArn: p.PolicyArn },
      reason: 'policies must be detached before the role is deleted', title: `detach ${p.PolicyName} from ${name}`,
    });
  }
  plan.steps.push({
    service: 'iam', operation: 'DeleteRole', input: { RoleName: name },
    reason: `role ${name} was created for stack ${stack} (--roles)`, title: `delete role ${name}`,
  });
}
