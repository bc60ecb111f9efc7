/**
 * Create/UpdateConsumableResource and the list filters (spec/07 §2.6, spec/03 §6). Shared by the
 * `resource` commands (exit 2 before any call) and the simulator (ClientException).
 */
import type { CreateConsumableResourceRequest, KeyValuesPair, UpdateConsumableResourceRequest } from '@aws-sdk/client-batch';
import { JOB_STATUSES } from '../jobs/status.js';
import { checkEnum, checkInt, checkTags } from './common.js';
import { type Issue, IssueList, type ValidateOptions, join } from './issue.js';
import { checkRequest } from './shape-check.js';

export const CONSUMABLE_RESOURCE_TYPES = ['REPLENISHABLE', 'NON_REPLENISHABLE'] as const;
export const CONSUMABLE_UPDATE_OPERATIONS = ['SET', 'ADD', 'REMOVE'] as const;
/** Batch's account quota (spec/03 §6). */
export const MAX_CONSUMABLE_RESOURCES = 50_000;
/** A job definition (or a SubmitJob override) names at most 5 (spec/04 §12). */
export const MAX_CONSUMABLE_RESOURCES_PER_JOB = 5;

/**
 * The API documents only "Must be unique"; like every other Batch name we take 1-128 letters,
 * numbers, hyphens and underscores, and (our choice, as job names) a letter or number first.
 */
export const CONSUMABLE_RESOURCE_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function checkQuantity(value: unknown, field: string, out: IssueList): void {
  if (typeof value !== 'number') return;
  if (!Number.isInteger(value)) return out.error(field, `must be a whole number (got ${value})`);
  checkInt(value, field, out, 0, Number.MAX_SAFE_INTEGER);
}

export function validateCreateConsumableResource(input: CreateConsumableResourceRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('CreateConsumableResourceRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  const name = req.consumableResourceName;
  if (typeof name === 'string' && !CONSUMABLE_RESOURCE_NAME_RE.test(name)) {
    out.error('consumableResourceName', 'must be 1-128 letters, numbers, hyphens and underscores, starting with a letter or number');
  }
  checkQuantity(req.totalQuantity, 'totalQuantity', out);
  checkEnum(req.resourceType, 'resourceType', CONSUMABLE_RESOURCE_TYPES, out);
  checkTags(req.tags, 'tags', out);
  return out.items;
}

/**
 * `quantity` is required here although the model marks it optional: without it SET would set the
 * total to an implied 0 and ADD/REMOVE would do nothing (a simulator decision, docs/simulator.md).
 */
export function validateUpdateConsumableResource(input: UpdateConsumableResourceRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  if (!checkRequest('UpdateConsumableResourceRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  if (req.consumableResource === '') out.error('consumableResource', 'is required');
  checkEnum(req.operation, 'operation', CONSUMABLE_UPDATE_OPERATIONS, out);
  if (req.quantity === undefined || req.quantity === null) out.error('quantity', 'is required');
  checkQuantity(req.quantity, 'quantity', out);
  if (typeof req.clientToken === 'string' && (req.clientToken.length < 1 || req.clientToken.length > 64)) out.error('clientToken', 'must be 1-64 characters');
  return out.items;
}

/** `filters` of ListConsumableResources (CONSUMABLE_RESOURCE_NAME) or ListJobsByConsumableResource (JOB_STATUS, JOB_NAME). */
export function validateConsumableFilters(filters: KeyValuesPair[] | undefined, allowed: readonly string[]): Issue[] {
  const out = new IssueList();
  (filters ?? []).forEach((f, i) => {
    const at = join('filters', i);
    if (!f.name || !allowed.includes(f.name)) return out.error(join(at, 'name'), `must be ${allowed.join(' or ')} (filter names are case sensitive; got ${f.name ?? 'nothing'})`);
    if (!f.values?.length) return out.error(join(at, 'values'), 'must not be empty');
    if (f.name === 'JOB_STATUS') {
      f.values.forEach((v, k) => {
        if (!(JOB_STATUSES as readonly string[]).includes(v)) out.error(join(join(at, 'values'), k), `must be one of ${JOB_STATUSES.join(', ')} (got ${v})`);
      });
    }
  });
  return out.items;
}
