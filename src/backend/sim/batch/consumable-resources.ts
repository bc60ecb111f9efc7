/**
 * Consumable resources (spec/03 §6, spec/07 §2.6): create, describe, list, update, delete, and the
 * jobs that use one. The quantities live in the resource row; the job engine locks them when a job
 * starts and releases them when the attempt ends (engine/jobs/world.ts, `consumables`).
 *
 * A deleted resource stays as a hidden row (status DELETED) for TIMING.consumableDeleteLagMs, so
 * jobs may still start on it just after the delete (AWS: "there may be a lag"); releases to it are
 * ignored. Re-creating the name makes a new row that waiting jobs use.
 */
import type * as B from '@aws-sdk/client-batch';
import { clientException } from '../../../errors.js';
import {
  MAX_CONSUMABLE_RESOURCES,
  validateConsumableFilters,
  validateCreateConsumableResource,
  validateUpdateConsumableResource,
} from '../../../domain/validation/index.js';
import type { SimCtx } from '../context.js';
import { JobWorld } from '../engine/jobs/world.js';
import { engineWorld } from '../engine/jobs/process.js';
import type { JobSpec } from '../engine/jobs/spec.js';
import type { ResourceRow } from '../store/resources.js';
import { CONSUMABLE_KIND, type ConsumableBody, consumableName } from '../engine/jobs/model.js';
import { TIMING } from './timings.js';

export { CONSUMABLE_KIND, type ConsumableBody };
import { assertValid, checkMaxResults, compact, fail, page } from './common.js';

/** Rows remembering an UpdateConsumableResource clientToken for 8 hours. */
export const CLIENT_TOKEN_KIND = 'batch:client-token';

interface ClientTokenBody {
  operation: string;
  request: string;
  response: unknown;
}

function notFound(ref: string): Error {
  return clientException(`ConsumableResource ${ref} not found.`);
}

/** The engine may hold resource rows of this transaction: write them first, re-read after. */
function sync(ctx: SimCtx): void {
  const w = JobWorld.of(ctx);
  if (w) {
    w.flush();
    w.dropConsumables();
  }
}

/** The resource row of a name or ARN, including a deleted one still in its lag. */
function rowOf(ctx: SimCtx, ref: string): ResourceRow<ConsumableBody> | undefined {
  sync(ctx);
  return ctx.resources.get<ConsumableBody>(CONSUMABLE_KIND, consumableName(ref));
}

/** A live resource (a deleted one is not found). */
function find(ctx: SimCtx, ref: string): ResourceRow<ConsumableBody> | undefined {
  const row = rowOf(ctx, ref);
  return row && row.status !== 'DELETED' ? row : undefined;
}

/** DescribeConsumableResource's shape (spec/03 §6, verbatim): the debt of a deferred shrink is ours. */
function described(b: ConsumableBody): B.DescribeConsumableResourceResponse {
  return {
    availableQuantity: b.availableQuantity,
    consumableResourceArn: b.consumableResourceArn,
    consumableResourceName: b.consumableResourceName,
    createdAt: b.createdAt,
    inUseQuantity: b.inUseQuantity,
    resourceType: b.resourceType,
    tags: { ...b.tags },
    totalQuantity: b.totalQuantity,
  };
}

/**
 * A clientToken already seen: the same request gets the first answer again (the update happened
 * once); a different request with that token is refused. Unseen: undefined, and `remember` records it.
 */
function replay(ctx: SimCtx, operation: string, token: string | undefined, request: unknown): { response?: unknown; remember(response: unknown): void } {
  if (!token) return { remember: () => undefined };
  const id = `${operation}/${token}`;
  const key = JSON.stringify(request, Object.keys(request as object).sort());
  const seen = ctx.resources.get<ClientTokenBody>(CLIENT_TOKEN_KIND, id);
  if (seen && (seen.nextEventAt ?? 0) > ctx.now) {
    if (seen.body.request !== key) throw clientException(`clientToken ${token} was already used with a different ${operation} request (a token names one request for 8 hours)`);
    return { response: seen.body.response, remember: () => undefined };
  }
  return {
    remember(response) {
      if (seen) ctx.resources.delete(seen.seq);
      ctx.resources.insert<ClientTokenBody>({ kind: CLIENT_TOKEN_KIND, id, createdAt: ctx.now, nextEventAt: ctx.now + TIMING.clientTokenValidMs, body: { operation, request: key, response } });
    },
  };
}

export function createConsumableResource(ctx: SimCtx, input: B.CreateConsumableResourceRequest): B.CreateConsumableResourceResponse {
  assertValid(validateCreateConsumableResource(input, { unknownMembers: 'ignore' }));
  const name = input.consumableResourceName!;
  const type = (input.resourceType ?? 'REPLENISHABLE') as ConsumableBody['resourceType'];
  const total = input.totalQuantity ?? 0;
  const existing = rowOf(ctx, name);
  if (existing && existing.status !== 'DELETED') throw clientException('Object already exists');
  if (ctx.resources.count(CONSUMABLE_KIND, 'DELETED') >= MAX_CONSUMABLE_RESOURCES) {
    throw clientException(`You have reached the limit of ${MAX_CONSUMABLE_RESOURCES} consumable resources in this account`);
  }
  // Re-creating a name during the delete lag: the new resource replaces the hidden row.
  if (existing) ctx.resources.delete(existing.seq);
  const arn = `arn:aws:batch:${ctx.region}:${ctx.account}:consumable-resource/${name}`;
  const body: ConsumableBody = { consumableResourceName: name, consumableResourceArn: arn, resourceType: type, totalQuantity: total, inUseQuantity: 0, availableQuantity: total, createdAt: ctx.now, tags: input.tags ?? {} };
  ctx.resources.insert({ kind: CONSUMABLE_KIND, id: name, name, arn, createdAt: ctx.now, body });
  // Jobs waiting for a re-created name may start now.
  engineWorld(ctx).requestPass();
  return { consumableResourceName: name, consumableResourceArn: arn };
}

export function describeConsumableResource(ctx: SimCtx, input: B.DescribeConsumableResourceRequest): B.DescribeConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
  const row = find(ctx, input.consumableResource);
  if (!row) throw notFound(input.consumableResource);
  return described(row.body);
}

export function listConsumableResources(ctx: SimCtx, input: B.ListConsumableResourcesRequest): B.ListConsumableResourcesResponse {
  assertValid(validateConsumableFilters(input.filters, ['CONSUMABLE_RESOURCE_NAME']));
  sync(ctx);
  let rows = ctx.resources.list<ConsumableBody>(CONSUMABLE_KIND).filter((r) => r.status !== 'DELETED');
  for (const f of input.filters ?? []) {
    // Case-insensitive; a trailing * matches a prefix (spec/07 §2.6).
    const values = (f.values ?? []).map((v) => v.toLowerCase());
    rows = rows.filter((r) => values.some((v) => (v.endsWith('*') ? r.id.toLowerCase().startsWith(v.slice(0, -1)) : r.id.toLowerCase() === v)));
  }
  const { items, nextToken } = page(rows, input.maxResults, input.nextToken, 'cr');
  return compact({
    consumableResources: items.map((r) => ({
      consumableResourceName: r.body.consumableResourceName, consumableResourceArn: r.body.consumableResourceArn, totalQuantity: r.body.totalQuantity,
      inUseQuantity: r.body.inUseQuantity, resourceType: r.body.resourceType,
    })),
    nextToken,
  });
}

/**
 * SET / ADD / REMOVE apply to the total of a REPLENISHABLE resource and to the available amount of
 * a NON_REPLENISHABLE one (spec/03 §6); REMOVE stops at 0. Lowering a REPLENISHABLE total below
 * what is in use takes the free units at once and records the rest as a pending removal that
 * releases pay (the total reaches the new value as jobs end); raising it cancels that debt first.
 */
export function applyUpdate(b: ConsumableBody, operation: string, q: number): void {
  if (b.resourceType === 'NON_REPLENISHABLE') {
    const avail = operation === 'SET' ? q : operation === 'ADD' ? b.availableQuantity + q : Math.max(0, b.availableQuantity - q);
    b.totalQuantity += avail - b.availableQuantity;
    b.availableQuantity = avail;
    return;
  }
  const eventual = b.totalQuantity - (b.pendingRemoval ?? 0);
  const target = operation === 'SET' ? q : operation === 'ADD' ? eventual + q : Math.max(0, eventual - q);
  delete b.pendingRemoval;
  if (target >= b.totalQuantity) {
    b.availableQuantity += target - b.totalQuantity;
    b.totalQuantity = target;
    return;
  }
  const cut = b.totalQuantity - target;
  const now = Math.min(Math.max(0, b.availableQuantity), cut);
  b.availableQuantity -= now;
  b.totalQuantity -= now;
  if (cut > now) b.pendingRemoval = cut - now;
}

export function updateConsumableResource(ctx: SimCtx, input: B.UpdateConsumableResourceRequest): B.UpdateConsumableResourceResponse {
  assertValid(validateUpdateConsumableResource(input, { unknownMembers: 'ignore' }));
  const { clientToken, ...request } = input;
  const seen = replay(ctx, 'UpdateConsumableResource', clientToken, request);
  if (seen.response) return { ...(seen.response as B.UpdateConsumableResourceResponse) };
  const row = find(ctx, input.consumableResource!);
  if (!row) throw notFound(input.consumableResource!);
  const b = row.body;
  applyUpdate(b, input.operation ?? 'SET', input.quantity!);
  ctx.resources.update(row);
  engineWorld(ctx).requestPass();
  const out = { consumableResourceName: b.consumableResourceName, consumableResourceArn: b.consumableResourceArn, totalQuantity: b.totalQuantity };
  seen.remember(out);
  return out;
}

/** Hidden for the delete lag, then purged (advanceConsumableResource). */
export function deleteConsumableResource(ctx: SimCtx, input: B.DeleteConsumableResourceRequest): B.DeleteConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
  const row = find(ctx, input.consumableResource);
  if (!row) throw notFound(input.consumableResource);
  row.status = 'DELETED';
  row.nextEventAt = ctx.now + TIMING.consumableDeleteLagMs;
  ctx.resources.update(row);
  return {};
}

/** Resource transitions: a deleted resource's lag is over, or a clientToken expired. */
export function advanceConsumableResource(ctx: SimCtx, row: ResourceRow<unknown>): void {
  if (row.kind === CLIENT_TOKEN_KIND || row.status === 'DELETED') {
    sync(ctx);
    ctx.resources.delete(row.seq);
    return;
  }
  row.nextEventAt = null;
  ctx.resources.update(row);
}

/**
 * The top-level jobs (plain, array parents, MNP parents) whose spec names the resource, newest
 * first. A simulator choice: this scans the job specs (no index), fine for an occasional call.
 */
export function listJobsByConsumableResource(ctx: SimCtx, input: B.ListJobsByConsumableResourceRequest): B.ListJobsByConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
  assertValid(validateConsumableFilters(input.filters, ['JOB_STATUS', 'JOB_NAME']));
  const max = checkMaxResults(input.maxResults);
  const row = find(ctx, input.consumableResource);
  if (!row) throw notFound(input.consumableResource);
  const name = row.id;
  const rows = ctx.store
    .stmt(`SELECT seq, job_id, arn, name, queue_arn, status, created_at, started_at, body FROM jobs WHERE parent_id IS NULL AND instr(body, '"consumableResource"') > 0 ORDER BY created_at DESC, seq DESC`)
    .all() as Array<{ seq: number; job_id: string; arn: string; name: string; queue_arn: string; status: string; created_at: number; started_at: number | null; body: string }>;
  let jobs = rows.flatMap((r) => {
    const spec = JSON.parse(r.body) as JobSpec;
    const c = spec.consumables?.find((x) => consumableName(x.consumableResource) === name);
    if (!c) return [];
    return [{ r, quantity: c.quantity, definition: spec.detail.jobDefinition, share: spec.detail.shareIdentifier, all: spec.consumables }];
  });
  for (const f of input.filters ?? []) {
    const values = f.values ?? [];
    if (f.name === 'JOB_STATUS') jobs = jobs.filter((j) => values.includes(j.r.status));
    else if (f.name === 'JOB_NAME') jobs = jobs.filter((j) => values.some((v) => (v.endsWith('*') ? j.r.name.toLowerCase().startsWith(v.slice(0, -1).toLowerCase()) : j.r.name.toLowerCase() === v.toLowerCase())));
  }
  const start = input.nextToken ? Number(Buffer.from(input.nextToken, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) fail('nextToken', 'is not valid (pass the nextToken of the previous response of the same operation)');
  const slice = jobs.slice(start, start + max);
  return compact({
    jobs: slice.map((j) => compact({
      jobArn: j.r.arn, jobQueueArn: j.r.queue_arn, jobName: j.r.name, jobDefinitionArn: j.definition, shareIdentifier: j.share, jobStatus: j.r.status as B.JobStatus,
      quantity: j.quantity, createdAt: j.r.created_at, startedAt: j.r.started_at ?? undefined,
      // Every resource the job needs (the console's "other resources"), as the job named them.
      consumableResourceProperties: { consumableResourceList: j.all.map((c) => ({ consumableResource: c.consumableResource, quantity: c.quantity })) },
    })) as B.ListJobsByConsumableResourceSummary[],
    nextToken: start + max < jobs.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  });
}
