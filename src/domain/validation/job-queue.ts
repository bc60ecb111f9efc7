/**
 * CreateJobQueue / UpdateJobQueue rules that need no world (spec/03 §2–3, spec/07 §2.2, §5).
 * That the CEs exist, are VALID, share a provisioning model and an architecture, and that the
 * scheduling policy exists, is checked by the simulator.
 */
import type { CreateJobQueueRequest, UpdateJobQueueRequest } from '@aws-sdk/client-batch';
import { SCHEDULING_POLICY_ARN_RE, asObjects, checkEnum, checkInt, checkListLength, checkName, checkTags } from './common.js';
import { type Issue, IssueList, type ValidateOptions, join } from './issue.js';
import { checkRequest } from './shape-check.js';

export const JQ_STATES = ['ENABLED', 'DISABLED'] as const;
export const JOB_QUEUE_TYPES = ['EKS', 'ECS', 'ECS_FARGATE', 'SAGEMAKER_TRAINING', 'ECS_MANAGED_INSTANCES'] as const;
export const MAX_CES_PER_QUEUE = 3;

/** The blocked-queue reasons a jobStateTimeLimitAction can name (spec/03 §3.2). */
export const TIME_LIMIT_REASONS = [
  'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY',
  'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE',
  'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT',
  'MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED',
  'MISCONFIGURATION:SERVICE_ENVIRONMENT_MAX_RESOURCE',
] as const;

function checkCommon(req: Record<string, unknown>, out: IssueList): void {
  checkEnum(req.state, 'state', JQ_STATES, out);
  checkInt(req.priority, 'priority', out, 0);
  // "" is the CLI skeleton's blank: no policy on create; on update, the rule below.
  if (typeof req.schedulingPolicyArn === 'string' && req.schedulingPolicyArn !== '' && !SCHEDULING_POLICY_ARN_RE.test(req.schedulingPolicyArn)) {
    out.error('schedulingPolicyArn', 'must be a scheduling policy ARN (arn:aws:batch:<region>:<account>:scheduling-policy/<name>)');
  }
  if (Array.isArray(req.computeEnvironmentOrder)) {
    checkListLength(req.computeEnvironmentOrder, 'computeEnvironmentOrder', out, 0, MAX_CES_PER_QUEUE, 'compute environments');
    const orders = new Set<number>();
    const ces = new Set<string>();
    asObjects(req.computeEnvironmentOrder).forEach((o, i) => {
      const f = join('computeEnvironmentOrder', i);
      checkInt(o.order, join(f, 'order'), out, 0);
      if (typeof o.order === 'number') {
        if (orders.has(o.order)) out.error(join(f, 'order'), `duplicates order ${o.order}`);
        orders.add(o.order);
      }
      if (typeof o.computeEnvironment === 'string') {
        if (o.computeEnvironment === '') out.error(join(f, 'computeEnvironment'), 'must not be empty');
        if (ces.has(o.computeEnvironment)) out.error(join(f, 'computeEnvironment'), `lists ${o.computeEnvironment} twice`);
        ces.add(o.computeEnvironment);
      }
    });
  }
  if (Array.isArray(req.computeEnvironmentOrder) && req.computeEnvironmentOrder.length > 0 && Array.isArray(req.serviceEnvironmentOrder) && req.serviceEnvironmentOrder.length > 0) {
    out.error('serviceEnvironmentOrder', "A job queue can't have both a serviceEnvironmentOrder and a computeEnvironmentOrder");
  }
  checkListLength(req.serviceEnvironmentOrder, 'serviceEnvironmentOrder', out, 0, 1, 'service environments');
  const reasons = new Set<string>();
  asObjects(req.jobStateTimeLimitActions).forEach((a, i) => {
    const f = join('jobStateTimeLimitActions', i);
    checkEnum(a.state, join(f, 'state'), ['RUNNABLE'], out);
    checkInt(a.maxTimeSeconds, join(f, 'maxTimeSeconds'), out, 600, 86400);
    const sagemaker = req.jobQueueType === 'SAGEMAKER_TRAINING';
    if (checkEnum(a.action, join(f, 'action'), ['CANCEL', 'TERMINATE'], out) && a.action === 'TERMINATE' && !sagemaker) {
      out.error(join(f, 'action'), 'CANCEL is the only supported action for ECS, Fargate and EKS job queues');
    }
    if (typeof a.reason === 'string') {
      if (!(TIME_LIMIT_REASONS as readonly string[]).includes(a.reason)) out.error(join(f, 'reason'), `must be one of ${TIME_LIMIT_REASONS.join(', ')}`);
      else if (reasons.has(a.reason)) out.error(join(f, 'reason'), `duplicates an action for ${a.reason}`);
      reasons.add(a.reason);
    }
  });
}

export function validateCreateJobQueue(input: CreateJobQueueRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('CreateJobQueueRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkName(req.jobQueueName, 'jobQueueName', out);
  checkEnum(req.jobQueueType, 'jobQueueType', JOB_QUEUE_TYPES, out);
  checkTags(req.tags, 'tags', out);
  checkCommon(req, out);
  const ceo = Array.isArray(req.computeEnvironmentOrder) ? req.computeEnvironmentOrder.length : 0;
  const seo = Array.isArray(req.serviceEnvironmentOrder) ? req.serviceEnvironmentOrder.length : 0;
  if (ceo === 0 && seo === 0) out.error('computeEnvironmentOrder', 'must name 1-3 compute environments (or a serviceEnvironmentOrder for SAGEMAKER_TRAINING queues)');
  return out.items;
}

export function validateUpdateJobQueue(input: UpdateJobQueueRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('UpdateJobQueueRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkCommon(req, out);
  if (req.schedulingPolicyArn === '') out.error('schedulingPolicyArn', 'a scheduling policy can be replaced but not removed');
  if (Array.isArray(req.computeEnvironmentOrder) && req.computeEnvironmentOrder.length === 0) {
    out.error('computeEnvironmentOrder', 'must name 1-3 compute environments when given');
  }
  return out.items;
}
