/**
 * Job queues: create, update, delete, describe, the status machine (CREATING/UPDATING → VALID,
 * DELETING → DELETED → gone).
 */
import type * as B from '@aws-sdk/client-batch';
import { validateCreateJobQueue, validateUpdateJobQueue } from '../../../domain/validation/index.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from '../world/kinds.js';
import { assertValid, beginDelete, compact, describePage, fail, findByNameOrArn } from './common.js';
import { ceArchitecture, findCe, provisioningModel } from './compute-environments.js';
import { findSchedulingPolicy } from './scheduling-policies.js';
import { QUOTA, TIMING } from './timings.js';

type JQ = B.JobQueueDetail;

export const QUEUE_HEALTHY = 'JobQueue Healthy';

export function queueNotFound(ref: string): Error {
  return clientException(`JobQueue ${ref} not found.`);
}

export function findQueue(ctx: SimCtx, ref: string): ResourceRow<JQ> | undefined {
  return findByNameOrArn<JQ>(ctx, KIND.jobQueue, ref);
}

const QUEUE_TYPE = { EC2: 'ECS', FARGATE: 'ECS_FARGATE', EKS: 'EKS' } as const;

/**
 * Resolves the CE order to ARNs and checks the world rules: each CE exists and is VALID, and all
 * share one provisioning model and one architecture (spec/07 §5). Returns the derived queue type.
 */
function resolveComputeEnvironments(ctx: SimCtx, order: B.ComputeEnvironmentOrder[]): { order: B.ComputeEnvironmentOrder[]; type: B.JobQueueType } {
  const resolved: B.ComputeEnvironmentOrder[] = [];
  const models = new Map<string, string>();
  const arches = new Map<string, string>();
  order.forEach((o, i) => {
    const field = `computeEnvironmentOrder[${i}].computeEnvironment`;
    const row = findCe(ctx, o.computeEnvironment!);
    if (!row) fail(field, `ComputeEnvironment ${o.computeEnvironment} not found.`);
    const ce = row.body;
    if (ce.status !== 'VALID') fail(field, `compute environment ${ce.computeEnvironmentName} is ${ce.status}; it must be VALID to be associated with a job queue`);
    if (resolved.some((r) => r.computeEnvironment === ce.computeEnvironmentArn)) fail(field, `lists ${ce.computeEnvironmentName} twice`);
    const model = provisioningModel(ce);
    if (!models.has(model)) models.set(model, ce.computeEnvironmentName!);
    const arch = ceArchitecture(ce);
    if (arch && !arches.has(arch)) arches.set(arch, ce.computeEnvironmentName!);
    resolved.push({ order: o.order, computeEnvironment: ce.computeEnvironmentArn });
  });
  if (models.size > 1) {
    const [[m1, n1], [m2, n2]] = [...models.entries()] as [string, string][];
    fail('computeEnvironmentOrder', `compute environments must share one provisioning model (${n1} is ${m1}, ${n2} is ${m2})`);
  }
  if (arches.size > 1) {
    const [[a1, n1], [a2, n2]] = [...arches.entries()] as [string, string][];
    fail('computeEnvironmentOrder', `compute environments must share one architecture (${n1} is ${a1}, ${n2} is ${a2})`);
  }
  const model = [...models.keys()][0] as keyof typeof QUEUE_TYPE;
  return { order: resolved, type: QUEUE_TYPE[model] };
}

function requirePolicy(ctx: SimCtx, arn: string): void {
  if (!findSchedulingPolicy(ctx, arn)) fail('schedulingPolicyArn', `SchedulingPolicy ${arn} not found.`);
}

export function createJobQueue(ctx: SimCtx, input: B.CreateJobQueueRequest): B.CreateJobQueueResponse {
  assertValid(validateCreateJobQueue(input, { unknownMembers: 'ignore' }));
  const name = input.jobQueueName!;
  const existing = ctx.resources.get<JQ>(KIND.jobQueue, name);
  if (existing && existing.status !== 'DELETED') throw clientException('Object already exists');
  if (ctx.resources.count(KIND.jobQueue, 'DELETED') >= QUOTA.jobQueues) {
    throw clientException(`Maximum number of job queues (${QUOTA.jobQueues}) reached in this account and region`);
  }
  if (input.serviceEnvironmentOrder?.length) fail('serviceEnvironmentOrder', 'service environments (SageMaker Training) are not simulated');
  const { order, type } = resolveComputeEnvironments(ctx, input.computeEnvironmentOrder ?? []);
  if (input.jobQueueType && input.jobQueueType !== type) fail('jobQueueType', `must be ${type} for these compute environments (got ${input.jobQueueType})`);
  if (input.schedulingPolicyArn) requirePolicy(ctx, input.schedulingPolicyArn);
  if (existing) ctx.resources.delete(existing.seq);
  const arn = ctx.batchArn('job-queue', name);
  const q: JQ = compact({
    jobQueueName: name,
    jobQueueArn: arn,
    state: input.state ?? 'ENABLED',
    schedulingPolicyArn: input.schedulingPolicyArn,
    status: 'CREATING',
    priority: input.priority,
    computeEnvironmentOrder: order,
    serviceEnvironmentOrder: [],
    jobQueueType: type,
    tags: input.tags ?? {},
    jobStateTimeLimitActions: input.jobStateTimeLimitActions ?? [],
  });
  ctx.resources.insert({ kind: KIND.jobQueue, id: name, name, arn, status: 'CREATING', createdAt: ctx.now, nextEventAt: ctx.now + TIMING.queueCreateMs, body: q });
  return { jobQueueName: name, jobQueueArn: arn };
}

export function updateJobQueue(ctx: SimCtx, input: B.UpdateJobQueueRequest): B.UpdateJobQueueResponse {
  assertValid(validateUpdateJobQueue(input, { unknownMembers: 'ignore' }));
  const row = findQueue(ctx, input.jobQueue!);
  if (!row) throw queueNotFound(input.jobQueue!);
  const q = row.body;
  if (row.status === 'DELETING') fail('jobQueue', `${q.jobQueueName} is being deleted`);
  if (input.schedulingPolicyArn !== undefined) {
    if (input.schedulingPolicyArn === '') fail('schedulingPolicyArn', 'a scheduling policy can be replaced but not removed');
    if (!q.schedulingPolicyArn) fail('schedulingPolicyArn', "a FIFO job queue (created without a scheduling policy) can't have a fair-share scheduling policy added");
    requirePolicy(ctx, input.schedulingPolicyArn);
    q.schedulingPolicyArn = input.schedulingPolicyArn;
  }
  if (input.computeEnvironmentOrder) {
    const { order, type } = resolveComputeEnvironments(ctx, input.computeEnvironmentOrder);
    if (type !== q.jobQueueType) fail('computeEnvironmentOrder', `must keep the queue's provisioning model (${q.jobQueueType}); these compute environments are ${type}`);
    q.computeEnvironmentOrder = order;
  }
  if (input.state) q.state = input.state;
  if (input.priority !== undefined) q.priority = input.priority;
  if (input.jobStateTimeLimitActions) q.jobStateTimeLimitActions = input.jobStateTimeLimitActions;
  q.status = 'UPDATING';
  delete q.statusReason;
  row.status = 'UPDATING';
  row.nextEventAt = ctx.now + TIMING.queueUpdateMs;
  ctx.resources.update(row);
  return { jobQueueName: q.jobQueueName, jobQueueArn: q.jobQueueArn };
}

export function deleteJobQueue(ctx: SimCtx, input: B.DeleteJobQueueRequest): B.DeleteJobQueueResponse {
  if (!input.jobQueue) fail('jobQueue', 'is required');
  const row = findQueue(ctx, input.jobQueue);
  if (!row) throw queueNotFound(input.jobQueue);
  if (row.status === 'DELETING') return {};
  if (row.body.state !== 'DISABLED') throw clientException(`Cannot delete, job queue ${row.id} is ENABLED; set its state to DISABLED first`);
  beginDelete(ctx, row, TIMING.queueDeleteMs);
  return {};
}

export function describeJobQueues(ctx: SimCtx, input: B.DescribeJobQueuesRequest): B.DescribeJobQueuesResponse {
  const { items, nextToken } = describePage<JQ>(ctx, KIND.jobQueue, input.jobQueues, input, 'jobQueues', 'job queues', 'jq');
  return { jobQueues: items.map((r) => r.body), nextToken };
}

// GetJobQueueSnapshot lives with the jobs (jobs.ts): it reads the engine's RUNNABLE jobs.

export function advanceJobQueue(ctx: SimCtx, row: ResourceRow<JQ>): void {
  const q = row.body;
  switch (row.status) {
    case 'CREATING':
    case 'UPDATING':
      q.status = 'VALID';
      q.statusReason = QUEUE_HEALTHY;
      row.nextEventAt = null;
      break;
    case 'DELETING':
      q.status = 'DELETED';
      row.nextEventAt = ctx.now + TIMING.deletedVisibleMs;
      break;
    case 'DELETED':
      ctx.resources.delete(row.seq);
      return;
    default:
      row.nextEventAt = null;
  }
  row.status = q.status!;
  ctx.resources.update(row);
}
