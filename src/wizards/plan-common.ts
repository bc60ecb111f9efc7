/**
 * What the three setup flows share: the facts a setup reads, and the idempotent assembly of a setup
 * plan from the desired requests. Existing resources (found by name) that carry this stack's tag
 * and match are skipped ("exists, matches"); ones that differ, belong to someone else, or are in a
 * blocking state become conflicts, never overwrites. A job definition is the exception: a changed
 * one gets a new revision (revisions are immutable, so nothing is overwritten).
 */
import type * as B from '@aws-sdk/client-batch';
import { iamCreateRolesPlan, type IamFacts } from '../domain/checks/iam.js';
import { iamNameOf, type IamOptions } from '../domain/checks/iam-roles.js';
import { emptyReportedPlan, mergeReportedPlan, type PlanConflict, type ReportedPlan } from '../domain/checks/plan-notes.js';
import type { FactRequest } from '../domain/checks/types.js';
import { MISSING } from '../domain/checks/types.js';
import { STACK_TAG, type SetupAnswers } from './defaults.js';
import { waitStep } from './wait-steps.js';

/** What already exists, as the Describe/List calls of `setupBatchFactRequests` and the IAM reads return it. */
export interface ExistingResources {
  accountId: string;
  region: string;
  partition?: string;
  iam: IamFacts;
  computeEnvironments: B.ComputeEnvironmentDetail[];
  jobQueues: B.JobQueueDetail[];
  /** ACTIVE revisions of the job definition name. */
  jobDefinitions: B.JobDefinition[];
  /** Jobs named like the hello-world job in the queue (only when the queue exists). */
  jobs?: B.JobSummary[];
}

export interface DesiredResources {
  computeEnvironment: B.CreateComputeEnvironmentRequest;
  jobQueue: B.CreateJobQueueRequest;
  jobDefinition: B.RegisterJobDefinitionRequest;
  job?: B.SubmitJobRequest;
}

/**
 * The Batch reads a setup needs (the IAM reads come from `iamFactRequests`). ListJobs only makes sense
 * once DescribeJobQueues found the queue: pass `queueExists` after the first round.
 */
export function setupBatchFactRequests(answers: SetupAnswers, queueExists = false): FactRequest[] {
  const out: FactRequest[] = [
    { key: 'computeEnvironments', service: 'batch', operation: 'DescribeComputeEnvironments', input: { computeEnvironments: [answers.computeEnvironmentName] } },
    { key: 'jobQueues', service: 'batch', operation: 'DescribeJobQueues', input: { jobQueues: [answers.jobQueueName] } },
    { key: 'jobDefinitions', service: 'batch', operation: 'DescribeJobDefinitions', input: { jobDefinitionName: answers.jobDefinitionName, status: 'ACTIVE' } },
  ];
  if (queueExists && !answers.noJob) {
    out.push({
      key: 'jobs', service: 'batch', operation: 'ListJobs',
      input: { jobQueue: answers.jobQueueName, filters: [{ name: 'JOB_NAME', values: [answers.jobName] }] },
    });
  }
  return out;
}

export function stackTags(answers: SetupAnswers): Record<string, string> {
  return { [STACK_TAG]: answers.stack };
}

/** The job queue every platform's wizard creates: enabled, its one compute environment first. */
export function desiredJobQueue(answers: SetupAnswers, tags: Record<string, string>): B.CreateJobQueueRequest {
  return {
    jobQueueName: answers.jobQueueName,
    state: 'ENABLED',
    priority: answers.priority,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: answers.computeEnvironmentName }],
    tags,
  };
}

/** The IAM options a platform's answers imply. */
export function iamOptionsFor(answers: SetupAnswers): IamOptions {
  switch (answers.platform) {
    case 'fargate': return { executionRole: answers.executionRole };
    case 'ec2': return { instanceRole: answers.instanceRole };
    case 'eks': return { eksInstanceProfile: answers.instanceRole || undefined, eksPrivate: answers.private };
  }
}

/** The ARN of a role the plan references: the real one when GetRole found it (it may have a path). */
export function roleArn(name: string, existing: ExistingResources): string {
  const got = existing.iam.roles[iamNameOf(name)];
  if (name.startsWith('arn:')) return name;
  if (got && got !== MISSING && got.Role?.Arn) return got.Role.Arn;
  return `arn:${existing.partition ?? 'aws'}:iam::${existing.accountId}:role/${name}`;
}

/** The instance-profile ARN for a CE's instanceRole (spec/06 §1.2: a profile, never a role ARN). */
export function instanceProfileArn(nameOrArn: string, existing: ExistingResources): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  const got = existing.iam.instanceProfiles[nameOrArn];
  if (got && got !== MISSING && got.InstanceProfile?.Arn) return got.InstanceProfile.Arn;
  return `arn:${existing.partition ?? 'aws'}:iam::${existing.accountId}:instance-profile/${nameOrArn}`;
}

/** Builds the idempotent setup plan: roles, CE (+ wait VALID), queue (+ wait VALID), job definition, job. */
export function assembleSetupPlan(answers: SetupAnswers, existing: ExistingResources, desired: DesiredResources): ReportedPlan {
  const plan = emptyReportedPlan(`Set up the ${answers.platform} stack ${answers.stack}`);
  planRoles(plan, answers, existing);
  const ceReady = planComputeEnvironment(plan, answers, existing, desired.computeEnvironment);
  const queueReady = planJobQueue(plan, answers, existing, desired.jobQueue, ceReady);
  planJobDefinition(plan, answers, existing, desired.jobDefinition);
  if (desired.job) planJob(plan, existing, desired.job, queueReady);
  else plan.skipped.push({ kind: 'job', name: answers.jobName, note: 'not submitted (--no-job)' });
  return plan;
}

function planRoles(plan: ReportedPlan, answers: SetupAnswers, existing: ExistingResources): void {
  const opts = iamOptionsFor(answers);
  const roles = iamCreateRolesPlan(existing.iam, answers.platform, existing.accountId, { ...opts, partition: existing.partition, tags: stackTags(answers) });
  if (answers.createRoles) {
    mergeReportedPlan(plan, roles);
    return;
  }
  // --no-create-roles: whatever would be created is a missing prerequisite instead. The SLR is
  // not: Batch creates it with the first MANAGED compute environment.
  plan.skipped.push(...roles.skipped);
  plan.conflicts.push(...roles.conflicts);
  for (const s of roles.steps) {
    if (s.operation === 'CreateServiceLinkedRole') continue;
    const profile = s.operation === 'CreateInstanceProfile' || s.operation === 'AddRoleToInstanceProfile';
    plan.conflicts.push({
      kind: profile ? 'instance-profile' : 'role',
      name: String(profile ? s.input.InstanceProfileName : s.input.RoleName), reason: 'prerequisite',
      message: `${s.reason} (--no-create-roles)`, differences: [], fix: 'drop --no-create-roles, or run batchctl iam create-roles first',
    });
  }
}

function owned(tags: Record<string, string> | undefined, answers: SetupAnswers): boolean {
  return tags?.[STACK_TAG] === answers.stack;
}

function notOwned(kind: PlanConflict['kind'], name: string, tags: Record<string, string> | undefined, answers: SetupAnswers): PlanConflict {
  const other = tags?.[STACK_TAG];
  return {
    kind, name, reason: 'not-owned',
    message: other ? `${name} belongs to stack ${other}` : `${name} exists and was not created by batchctl (no ${STACK_TAG} tag)`,
    differences: [`tag ${STACK_TAG}: existing ${other ?? '(none)'}, wanted ${answers.stack}`],
    fix: `choose another stack name (--name) or resource name, or delete ${name}`,
  };
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function diff(out: string[], field: string, existing: unknown, wanted: unknown, equal = existing === wanted): void {
  if (!equal) out.push(`${field}: existing ${show(existing)}, wanted ${show(wanted)}`);
}

/** Field-by-field differences between an existing CE and the one the answers describe. */
export function computeEnvironmentDifferences(ce: B.ComputeEnvironmentDetail, want: B.CreateComputeEnvironmentRequest): string[] {
  const d: string[] = [];
  diff(d, 'type', ce.type, want.type);
  const have = ce.computeResources;
  const w = want.computeResources;
  if (w) {
    diff(d, 'computeResources.type', have?.type, w.type);
    diff(d, 'computeResources.maxvCpus', have?.maxvCpus, w.maxvCpus);
    if (w.minvCpus !== undefined) diff(d, 'computeResources.minvCpus', have?.minvCpus ?? 0, w.minvCpus);
    diff(d, 'computeResources.subnets', have?.subnets, w.subnets, sameSet(have?.subnets, w.subnets));
    diff(d, 'computeResources.securityGroupIds', have?.securityGroupIds, w.securityGroupIds, sameSet(have?.securityGroupIds, w.securityGroupIds));
    if (w.instanceTypes) diff(d, 'computeResources.instanceTypes', have?.instanceTypes, w.instanceTypes, sameSet(have?.instanceTypes, w.instanceTypes));
    if (w.allocationStrategy) diff(d, 'computeResources.allocationStrategy', have?.allocationStrategy, w.allocationStrategy);
    if (w.instanceRole) {
      diff(d, 'computeResources.instanceRole', have?.instanceRole, w.instanceRole, iamNameOf(have?.instanceRole ?? '') === iamNameOf(w.instanceRole));
    }
    if (w.ec2KeyPair !== undefined) diff(d, 'computeResources.ec2KeyPair', have?.ec2KeyPair, w.ec2KeyPair);
  }
  if (want.eksConfiguration) {
    diff(d, 'eksConfiguration.eksClusterArn', ce.eksConfiguration?.eksClusterArn, want.eksConfiguration.eksClusterArn);
    diff(d, 'eksConfiguration.kubernetesNamespace', ce.eksConfiguration?.kubernetesNamespace, want.eksConfiguration.kubernetesNamespace);
  }
  return d;
}

/** Returns whether the CE will be usable by a queue (exists or is being created by the plan). */
function planComputeEnvironment(plan: ReportedPlan, answers: SetupAnswers, existing: ExistingResources, want: B.CreateComputeEnvironmentRequest): boolean {
  const name = want.computeEnvironmentName!;
  const ce = existing.computeEnvironments.find((c) => c.computeEnvironmentName === name && c.status !== 'DELETED');
  if (!ce) {
    plan.steps.push({
      service: 'batch', operation: 'CreateComputeEnvironment', input: asInput(want),
      reason: `no compute environment named ${name}`, title: `create compute environment ${name}`,
    });
    plan.steps.push(waitStep('WaitForComputeEnvironments', [name], { status: 'VALID' },
      'a job queue can only use a VALID compute environment', { status: 'INVALID' }));
    return true;
  }
  if (!owned(ce.tags, answers)) {
    plan.conflicts.push(notOwned('compute-environment', name, ce.tags, answers));
    return false;
  }
  const differences = computeEnvironmentDifferences(ce, want);
  if (differences.length > 0) {
    plan.conflicts.push({
      kind: 'compute-environment', name, reason: 'mismatch', message: `compute environment ${name} exists with different settings`,
      differences, fix: `update it (batchctl ce update ${name} ...), or delete it (batchctl teardown ${answers.stack}) and run setup again`,
    });
    return false;
  }
  if (ce.status === 'INVALID' || ce.status === 'DELETING') {
    plan.conflicts.push({
      kind: 'compute-environment', name, reason: 'state', message: `compute environment ${name} is ${ce.status}${ce.statusReason ? `: ${ce.statusReason}` : ''}`,
      differences: [], fix: ce.status === 'INVALID' ? 'fix the cause (batchctl doctor), update the CE, then run setup again' : 'wait until it is deleted, then run setup again',
    });
    return false;
  }
  if (ce.state === 'DISABLED') {
    plan.conflicts.push({
      kind: 'compute-environment', name, reason: 'state', message: `compute environment ${name} is DISABLED`, differences: [],
      fix: `enable it: batchctl ce update ${name} --state ENABLED (or aws batch update-compute-environment --compute-environment ${name} --state ENABLED)`,
    });
    return false;
  }
  plan.skipped.push({ kind: 'compute-environment', name, note: `exists, matches (${ce.status})` });
  if (ce.status !== 'VALID') {
    plan.steps.push(waitStep('WaitForComputeEnvironments', [name], { status: 'VALID' },
      `compute environment ${name} is ${ce.status}; a job queue needs it VALID`, { status: 'INVALID' }));
  }
  return true;
}

export function jobQueueDifferences(q: B.JobQueueDetail, want: B.CreateJobQueueRequest): string[] {
  const d: string[] = [];
  diff(d, 'priority', q.priority, want.priority);
  const have = (q.computeEnvironmentOrder ?? []).map((o) => `${o.order}:${iamNameOf(o.computeEnvironment ?? '')}`);
  const wanted = (want.computeEnvironmentOrder ?? []).map((o) => `${o.order}:${iamNameOf(o.computeEnvironment ?? '')}`);
  diff(d, 'computeEnvironmentOrder', have, wanted, sameSet(have, wanted));
  return d;
}

function planJobQueue(plan: ReportedPlan, answers: SetupAnswers, existing: ExistingResources, want: B.CreateJobQueueRequest, ceReady: boolean): boolean {
  const name = want.jobQueueName!;
  const q = existing.jobQueues.find((x) => x.jobQueueName === name && x.status !== 'DELETED');
  if (!q) {
    if (!ceReady) {
      plan.skipped.push({ kind: 'job-queue', name, note: 'not created: its compute environment has a conflict' });
      return false;
    }
    plan.steps.push({
      service: 'batch', operation: 'CreateJobQueue', input: asInput(want),
      reason: `no job queue named ${name}`, title: `create job queue ${name}`,
    });
    plan.steps.push(waitStep('WaitForJobQueues', [name], { status: 'VALID' }, 'jobs can be submitted once the queue is VALID', { status: 'INVALID' }));
    return true;
  }
  if (!owned(q.tags, answers)) {
    plan.conflicts.push(notOwned('job-queue', name, q.tags, answers));
    return false;
  }
  const differences = jobQueueDifferences(q, want);
  if (differences.length > 0) {
    plan.conflicts.push({
      kind: 'job-queue', name, reason: 'mismatch', message: `job queue ${name} exists with different settings`, differences,
      fix: `update it (batchctl queue update ${name} ...), or tear the stack down and run setup again`,
    });
    return false;
  }
  if (q.state === 'DISABLED' || q.status === 'INVALID' || q.status === 'DELETING') {
    plan.conflicts.push({
      kind: 'job-queue', name, reason: 'state', message: `job queue ${name} is ${q.state}/${q.status}${q.statusReason ? `: ${q.statusReason}` : ''}`,
      differences: [], fix: q.state === 'DISABLED' ? `enable it: aws batch update-job-queue --job-queue ${name} --state ENABLED` : 'wait or fix it (batchctl doctor), then run setup again',
    });
    return false;
  }
  plan.skipped.push({ kind: 'job-queue', name, note: `exists, matches (${q.status})` });
  if (q.status !== 'VALID') plan.steps.push(waitStep('WaitForJobQueues', [name], { status: 'VALID' }, `job queue ${name} is ${q.status}`, { status: 'INVALID' }));
  return true;
}

/** The parts of a job definition setup cares about, normalised for comparison. */
function jobDefinitionShape(jd: Pick<B.JobDefinition, 'type' | 'platformCapabilities' | 'containerProperties' | 'eksProperties'>): Record<string, string> {
  const c = jd.containerProperties;
  const pod = jd.eksProperties?.podProperties;
  const k = pod?.containers?.[0];
  const rr = (c?.resourceRequirements ?? []).map((r) => `${r.type}=${r.value}`).sort().join(',');
  return {
    type: jd.type ?? '',
    platformCapabilities: (jd.platformCapabilities ?? (jd.eksProperties ? [] : ['EC2'])).join(','),
    image: c?.image ?? k?.image ?? '',
    command: JSON.stringify(c?.command ?? k?.command ?? []),
    resourceRequirements: rr,
    executionRoleArn: c?.executionRoleArn ?? '',
    assignPublicIp: c ? c.networkConfiguration?.assignPublicIp ?? 'DISABLED' : '',
    eksLimits: k ? JSON.stringify(k.resources?.limits ?? {}) : '',
    hostNetwork: pod ? String(pod.hostNetwork ?? true) : '',
  };
}

export function jobDefinitionDifferences(jd: B.JobDefinition, want: B.RegisterJobDefinitionRequest): string[] {
  const a = jobDefinitionShape(jd);
  const b = jobDefinitionShape(want);
  return Object.keys(b).filter((k) => a[k] !== b[k]).map((k) => `${k}: existing ${a[k] || '(none)'}, wanted ${b[k] || '(none)'}`);
}

function planJobDefinition(plan: ReportedPlan, answers: SetupAnswers, existing: ExistingResources, want: B.RegisterJobDefinitionRequest): void {
  const name = want.jobDefinitionName!;
  const active = existing.jobDefinitions.filter((j) => j.jobDefinitionName === name && (j.status ?? 'ACTIVE') === 'ACTIVE');
  const latest = active.reduce<B.JobDefinition | undefined>((a, j) => (!a || (j.revision ?? 0) > (a.revision ?? 0) ? j : a), undefined);
  const register = (reason: string) =>
    plan.steps.push({ service: 'batch', operation: 'RegisterJobDefinition', input: asInput(want), reason, title: `register job definition ${name}` });
  if (!latest) {
    register(`no ACTIVE job definition named ${name}`);
    return;
  }
  if (!owned(latest.tags, answers)) {
    plan.conflicts.push(notOwned('job-definition', name, latest.tags, answers));
    return;
  }
  const differences = jobDefinitionDifferences(latest, want);
  if (differences.length === 0) {
    plan.skipped.push({ kind: 'job-definition', name, note: `exists, matches (revision ${latest.revision})` });
    return;
  }
  // Revisions are immutable: registering another one changes nothing that exists.
  register(`revision ${latest.revision} differs (${differences.join('; ')}): registering a new revision`);
}

function planJob(plan: ReportedPlan, existing: ExistingResources, want: B.SubmitJobRequest, queueReady: boolean): void {
  const name = want.jobName!;
  const earlier = (existing.jobs ?? []).find((j) => j.jobName === name && j.status !== 'FAILED');
  if (earlier) {
    plan.skipped.push({ kind: 'job', name, note: `already submitted (${earlier.jobId}, ${earlier.status})` });
    return;
  }
  if (!queueReady) {
    plan.skipped.push({ kind: 'job', name, note: 'not submitted: its job queue has a conflict' });
    return;
  }
  plan.steps.push({
    service: 'batch', operation: 'SubmitJob', input: asInput(want),
    reason: 'the hello-world job proves the stack works end to end', title: `submit job ${name}`,
  });
}

/** A typed SDK request as a plan step's input. */
export function asInput(request: object): Record<string, unknown> {
  return request as unknown as Record<string, unknown>;
}
