/** TagResource / UntagResource / ListTagsForResource over Batch resources (spec/07 §2.9). */
import type * as B from '@aws-sdk/client-batch';
import { TAG_LIMITS } from '../../../domain/validation/common.js';
import { validateTagResource, validateUntagResource } from '../../../domain/validation/index.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from '../world/kinds.js';
import { CONSUMABLE_KIND } from '../engine/jobs/model.js';
import { assertValid, fail } from './common.js';

const TAGGABLE: string[] = [KIND.computeEnvironment, KIND.jobQueue, KIND.jobDefinition, KIND.schedulingPolicy, CONSUMABLE_KIND];

function findTaggable(ctx: SimCtx, arn: string): ResourceRow<{ tags?: Record<string, string> }> {
  const row = ctx.resources.byArn<{ tags?: Record<string, string> }>(arn);
  if (!row || !TAGGABLE.includes(row.kind) || row.status === 'DELETED') throw clientException(`Resource ${arn} not found.`);
  return row;
}

/** `aws:` tags do not count toward the 50 (spec/06 §7). */
function userTagCount(tags: Record<string, string>): number {
  return Object.keys(tags).filter((k) => !/^aws:/i.test(k)).length;
}

export function tagResource(ctx: SimCtx, input: B.TagResourceRequest): B.TagResourceResponse {
  assertValid(validateTagResource(input, { unknownMembers: 'ignore' }));
  const row = findTaggable(ctx, input.resourceArn!);
  const tags = { ...(row.body.tags ?? {}), ...input.tags };
  if (userTagCount(tags) > TAG_LIMITS.maxTags) fail('tags', `a resource can have at most ${TAG_LIMITS.maxTags} tags (this would make ${userTagCount(tags)})`);
  row.body.tags = tags;
  ctx.resources.update(row);
  return {};
}

export function untagResource(ctx: SimCtx, input: B.UntagResourceRequest): B.UntagResourceResponse {
  assertValid(validateUntagResource(input, { unknownMembers: 'ignore' }));
  const row = findTaggable(ctx, input.resourceArn!);
  const tags = { ...(row.body.tags ?? {}) };
  for (const k of input.tagKeys ?? []) delete tags[k];
  row.body.tags = tags;
  ctx.resources.update(row);
  return {};
}

export function listTagsForResource(ctx: SimCtx, input: B.ListTagsForResourceRequest): B.ListTagsForResourceResponse {
  if (!input.resourceArn) fail('resourceArn', 'is required');
  return { tags: { ...(findTaggable(ctx, input.resourceArn).body.tags ?? {}) } };
}
