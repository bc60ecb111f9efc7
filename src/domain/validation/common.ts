/** Rule helpers shared by the request validators: names, integers, ranges, enums, tags. */
import { RESOURCE_NAME_RE } from '../ids.js';
import { type IssueList, join } from './issue.js';

export function checkName(value: unknown, field: string, out: IssueList): void {
  if (typeof value !== 'string') return;
  if (!RESOURCE_NAME_RE.test(value)) {
    out.error(field, 'must be 1-128 characters of letters (A-Z, a-z), numbers (0-9), hyphens (-) and underscores (_)');
  }
}

/** An integer in [min, max] (either bound optional). Absent values pass. */
export function checkInt(value: unknown, field: string, out: IssueList, min?: number, max?: number): boolean {
  if (value === undefined || value === null || typeof value !== 'number') return true;
  if (!Number.isInteger(value)) {
    out.error(field, 'must be an integer');
    return false;
  }
  return checkRange(value, field, out, min, max);
}

export function checkRange(value: number, field: string, out: IssueList, min?: number, max?: number): boolean {
  if (min !== undefined && max !== undefined && (value < min || value > max)) {
    out.error(field, `must be between ${min} and ${max}`);
    return false;
  }
  if (min !== undefined && value < min) {
    out.error(field, `must be >= ${min}`);
    return false;
  }
  if (max !== undefined && value > max) {
    out.error(field, `must be <= ${max}`);
    return false;
  }
  return true;
}

export function checkEnum(value: unknown, field: string, allowed: readonly string[], out: IssueList): boolean {
  if (value === undefined || value === null || typeof value !== 'string') return true;
  if (!allowed.includes(value)) {
    out.error(field, `must be one of ${allowed.join(', ')}`);
    return false;
  }
  return true;
}

export function checkMaxLength(value: unknown, field: string, max: number, out: IssueList): void {
  if (typeof value === 'string' && value.length > max) out.error(field, `must be at most ${max} characters`);
}

export function checkListLength(value: unknown, field: string, out: IssueList, min: number, max: number, what = 'entries'): void {
  if (!Array.isArray(value)) return;
  if (value.length < min) out.error(field, min === 1 ? 'must not be empty' : `must have at least ${min} ${what}`);
  else if (value.length > max) out.error(field, `must have at most ${max} ${what}`);
}

/** Marks members that do not apply in this context (e.g. `allocationStrategy` on Fargate). */
export function forbid(obj: Record<string, unknown> | undefined, base: string, members: readonly string[], why: string, out: IssueList): void {
  if (!obj) return;
  for (const m of members) if (obj[m] !== undefined && obj[m] !== null) out.error(join(base, m), why);
}

export const TAG_LIMITS = { maxTags: 50, maxKey: 128, maxValue: 256 } as const;

function checkTagKey(key: string, field: string, out: IssueList): void {
  if (key.length < 1 || key.length > TAG_LIMITS.maxKey) out.error(field, `tag keys must be 1-${TAG_LIMITS.maxKey} characters`);
  else if (/^aws:/i.test(key)) out.error(field, 'tag keys starting with "aws:" are reserved for AWS use');
}

/** Tag maps on create and TagResource (spec/06 §7): 1–50 tags, keys 1–128, values 0–256, no `aws:`. */
export function checkTags(tags: unknown, field: string, out: IssueList, opts: { allowEmpty?: boolean } = {}): void {
  if (tags === undefined || tags === null || typeof tags !== 'object') return;
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length === 0 && !opts.allowEmpty) out.error(field, 'must contain at least 1 tag');
  if (entries.length > TAG_LIMITS.maxTags) out.error(field, `must contain at most ${TAG_LIMITS.maxTags} tags (got ${entries.length})`);
  for (const [k, v] of entries) {
    checkTagKey(k, join(field, k), out);
    if (typeof v === 'string' && v.length > TAG_LIMITS.maxValue) out.error(join(field, k), `tag values must be at most ${TAG_LIMITS.maxValue} characters`);
  }
}

export function checkTagKeys(keys: unknown, field: string, out: IssueList): void {
  if (!Array.isArray(keys)) return;
  checkListLength(keys, field, out, 1, TAG_LIMITS.maxTags, 'keys');
  keys.forEach((k, i) => typeof k === 'string' && checkTagKey(k, join(field, i), out));
}

/** `arn:aws:iam::<account>:role/...` */
export const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/;
export const SCHEDULING_POLICY_ARN_RE = /^arn:aws[a-z-]*:batch:[a-z0-9-]+:\d{12}:scheduling-policy\/[A-Za-z0-9_-]{1,128}$/;
export const INSTANCE_PROFILE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/.+/;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asObjects(v: unknown): Record<string, unknown>[] {
  return asList(v).filter(isObject);
}
