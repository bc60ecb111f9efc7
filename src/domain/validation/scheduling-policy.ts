/** Create/UpdateSchedulingPolicy rules (spec/07 §2.5, spec/03 §5). */
import type { CreateSchedulingPolicyRequest, UpdateSchedulingPolicyRequest } from '@aws-sdk/client-batch';
import { SCHEDULING_POLICY_ARN_RE, asObjects, checkEnum, checkInt, checkListLength, checkName, checkTags, isObject } from './common.js';
import { type Issue, IssueList, type ValidateOptions, join } from './issue.js';
import { checkRequest } from './shape-check.js';

const SHARE_ID_RE = /^[A-Za-z0-9]{1,255}\*?$/;
export const MAX_SHARE_DISTRIBUTION = 500;

function checkPolicies(req: Record<string, unknown>, out: IssueList): void {
  if (req.fairsharePolicy !== undefined && req.quotaSharePolicy !== undefined) {
    out.error('quotaSharePolicy', 'Only one of fairsharePolicy or quotaSharePolicy can be set');
  }
  if (isObject(req.quotaSharePolicy)) {
    checkEnum(req.quotaSharePolicy.idleResourceAssignmentStrategy, 'quotaSharePolicy.idleResourceAssignmentStrategy', ['FIFO'], out);
  }
  if (!isObject(req.fairsharePolicy)) return;
  const fp = req.fairsharePolicy;
  checkInt(fp.shareDecaySeconds, 'fairsharePolicy.shareDecaySeconds', out, 0, 604800);
  checkInt(fp.computeReservation, 'fairsharePolicy.computeReservation', out, 0, 99);
  checkListLength(fp.shareDistribution, 'fairsharePolicy.shareDistribution', out, 0, MAX_SHARE_DISTRIBUTION);
  const seen: { id: string; field: string }[] = [];
  asObjects(fp.shareDistribution).forEach((s, i) => {
    const f = join('fairsharePolicy.shareDistribution', i);
    if (typeof s.weightFactor === 'number' && (s.weightFactor < 0.0001 || s.weightFactor > 999.9999)) {
      out.error(join(f, 'weightFactor'), 'must be between 0.0001 and 999.9999');
    }
    const id = s.shareIdentifier;
    if (typeof id !== 'string') return;
    if (!SHARE_ID_RE.test(id)) return out.error(join(f, 'shareIdentifier'), 'must be 1-255 letters and numbers, optionally followed by *');
    const prefix = id.endsWith('*') ? id.slice(0, -1) : undefined;
    for (const other of seen) {
      const otherPrefix = other.id.endsWith('*') ? other.id.slice(0, -1) : undefined;
      const overlap = other.id === id
        || (prefix !== undefined && (otherPrefix ?? other.id).startsWith(prefix))
        || (otherPrefix !== undefined && (prefix ?? id).startsWith(otherPrefix));
      if (overlap) return out.error(join(f, 'shareIdentifier'), `"${id}" overlaps "${other.id}" (${other.field}); identifiers and prefixes must be unique and non-overlapping`);
    }
    seen.push({ id, field: join(f, 'shareIdentifier') });
  });
}

export function validateCreateSchedulingPolicy(input: CreateSchedulingPolicyRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('CreateSchedulingPolicyRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkName(req.name, 'name', out);
  checkTags(req.tags, 'tags', out);
  checkPolicies(req, out);
  return out.items;
}

export function validateUpdateSchedulingPolicy(input: UpdateSchedulingPolicyRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('UpdateSchedulingPolicyRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  if (typeof req.arn === 'string' && !SCHEDULING_POLICY_ARN_RE.test(req.arn)) out.error('arn', 'must be a scheduling policy ARN (arn:aws:batch:<region>:<account>:scheduling-policy/<name>)');
  checkPolicies(req, out);
  return out.items;
}
