/** Scheduling policies: create, describe, list, update, delete (spec/07 §2.5). */
import type * as B from '@aws-sdk/client-batch';
import { validateCreateSchedulingPolicy, validateUpdateSchedulingPolicy } from '../../../domain/validation/index.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from '../world/kinds.js';
import { assertValid, compact, fail, page } from './common.js';

type SP = B.SchedulingPolicyDetail;

export function findSchedulingPolicy(ctx: SimCtx, arn: string): ResourceRow<SP> | undefined {
  const row = ctx.resources.byArn<SP>(arn);
  return row?.kind === KIND.schedulingPolicy ? row : undefined;
}

function policyNotFound(arn: string): Error {
  return clientException(`SchedulingPolicy ${arn} not found.`);
}

export function createSchedulingPolicy(ctx: SimCtx, input: B.CreateSchedulingPolicyRequest): B.CreateSchedulingPolicyResponse {
  assertValid(validateCreateSchedulingPolicy(input, { unknownMembers: 'ignore' }));
  const name = input.name!;
  if (ctx.resources.get(KIND.schedulingPolicy, name)) throw clientException('Object already exists');
  const arn = ctx.batchArn('scheduling-policy', name);
  const body: SP = compact({ name, arn, fairsharePolicy: input.fairsharePolicy, quotaSharePolicy: input.quotaSharePolicy, tags: input.tags ?? {} });
  ctx.resources.insert({ kind: KIND.schedulingPolicy, id: name, name, arn, createdAt: ctx.now, body });
  return { name, arn };
}

export function describeSchedulingPolicies(ctx: SimCtx, input: B.DescribeSchedulingPoliciesRequest): B.DescribeSchedulingPoliciesResponse {
  const arns = input.arns ?? [];
  if (arns.length === 0) fail('arns', 'is required');
  if (arns.length > 100) fail('arns', 'must name at most 100 scheduling policies');
  // Unknown ARNs are left out of the answer, as DescribeJobs does with unknown ids.
  const found = arns.map((a) => findSchedulingPolicy(ctx, a)).filter((r) => r !== undefined);
  return { schedulingPolicies: found.map((r) => r.body) };
}

export function listSchedulingPolicies(ctx: SimCtx, input: B.ListSchedulingPoliciesRequest): B.ListSchedulingPoliciesResponse {
  const { items, nextToken } = page(ctx.resources.list<SP>(KIND.schedulingPolicy), input.maxResults, input.nextToken, 'sp');
  return { schedulingPolicies: items.map((r) => ({ arn: r.arn! })), nextToken };
}

export function updateSchedulingPolicy(ctx: SimCtx, input: B.UpdateSchedulingPolicyRequest): B.UpdateSchedulingPolicyResponse {
  assertValid(validateUpdateSchedulingPolicy(input, { unknownMembers: 'ignore' }));
  const row = findSchedulingPolicy(ctx, input.arn!);
  if (!row) throw policyNotFound(input.arn!);
  const p = row.body;
  if (p.fairsharePolicy && input.quotaSharePolicy) fail('quotaSharePolicy', 'a fair-share scheduling policy cannot be switched to a quota-share policy');
  if (p.quotaSharePolicy && input.fairsharePolicy) fail('fairsharePolicy', 'a quota-share scheduling policy cannot be switched to a fair-share policy');
  if (input.fairsharePolicy) p.fairsharePolicy = compact(input.fairsharePolicy);
  if (input.quotaSharePolicy) p.quotaSharePolicy = compact(input.quotaSharePolicy);
  ctx.resources.update(row);
  return {};
}

export function deleteSchedulingPolicy(ctx: SimCtx, input: B.DeleteSchedulingPolicyRequest): B.DeleteSchedulingPolicyResponse {
  if (!input.arn) fail('arn', 'is required');
  const row = findSchedulingPolicy(ctx, input.arn);
  if (!row) throw policyNotFound(input.arn);
  const user = ctx.resources
    .list<B.JobQueueDetail>(KIND.jobQueue)
    .find((q) => q.status !== 'DELETED' && q.body.schedulingPolicyArn === input.arn);
  if (user) throw clientException(`Cannot delete scheduling policy ${row.id}: it is used by job queue ${user.id}`);
  ctx.resources.delete(row.seq);
  return {};
}
