/** TagResource / UntagResource (spec/07 §2.9, spec/06 §7). */
import type { TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-batch';
import { checkTagKeys, checkTags } from './common.js';
import { type Issue, IssueList, type ValidateOptions } from './issue.js';
import { checkRequest } from './shape-check.js';

function checkResourceArn(arn: unknown, out: IssueList): void {
  if (typeof arn === 'string' && !/^arn:aws[a-z-]*:batch:[a-z0-9-]+:\d{12}:[a-z-]+\/.+/.test(arn)) {
    out.error('resourceArn', 'must be the ARN of a Batch compute environment, job queue, job definition, scheduling policy, consumable resource or job');
  }
}

export function validateTagResource(input: TagResourceRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('TagResourceRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkResourceArn(req.resourceArn, out);
  checkTags(req.tags, 'tags', out);
  return out.items;
}

export function validateUntagResource(input: UntagResourceRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('UntagResourceRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkResourceArn(req.resourceArn, out);
  checkTagKeys(req.tagKeys, 'tagKeys', out);
  return out.items;
}
