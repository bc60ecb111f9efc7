/**
 * Consumable resources (spec/03 §6, spec/07 §2.6): create, describe, list, update, delete, and the
 * jobs that use one. The quantities live in the resource row; the job engine locks them when a job
 * starts and releases them when the attempt ends (engine/jobs/world.ts, `consumables`).
 */
import type * as B from '@aws-sdk/client-batch';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import { JobWorld } from '../engine/jobs/world.js';
import { engineWorld } from '../engine/jobs/process.js';
import type { JobSpec } from '../engine/jobs/spec.js';
import type { ResourceRow } from '../store/resources.js';
import { CONSUMABLE_KIND, type ConsumableBody, consumableName } from '../engine/jobs/model.js';

export { CONSUMABLE_KIND, type ConsumableBody };
import { compact, fail, page } from './common.js';

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

function find(ctx: SimCtx, ref: string): ResourceRow<ConsumableBody> | undefined {
  sync(ctx);
  return ctx.resources.get<ConsumableBody>(CONSUMABLE_KIND, consumableName(ref));
}

function quantity(field: string, v: number | undefined): number {
  if (v === undefined) return 0;
  if (!Number.isInteger(v) || v < 0) fail(field, `must be a whole number >= 0 (got ${v})`);
  return v;
}

export function createConsumableResource(ctx: SimCtx, input: B.CreateConsumableResourceRequest): B.CreateConsumableResourceResponse {
  const name = input.consumableResourceName;
  if (!name) fail('consumableResourceName', 'is required');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(name)) fail('consumableResourceName', 'must be 1-128 letters, numbers, hyphens and underscores, starting with a letter or number');
  const type = input.resourceType ?? 'REPLENISHABLE';
  if (type !== 'REPLENISHABLE' && type !== 'NON_REPLENISHABLE') fail('resourceType', `must be REPLENISHABLE or NON_REPLENISHABLE (got ${type})`);
  const total = quantity('totalQuantity', input.totalQuantity);
  if (find(ctx, name)) throw clientException('Object already exists');
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
  return { ...row.body };
}

export function listConsumableResources(ctx: SimCtx, input: B.ListConsumableResourcesRequest): B.ListConsumableResourcesResponse {
  sync(ctx);
  let rows = ctx.resources.list<ConsumableBody>(CONSUMABLE_KIND);
  for (const f of input.filters ?? []) {
    if (f.name !== 'CONSUMABLE_RESOURCE_NAME') fail('filters.name', `must be CONSUMABLE_RESOURCE_NAME (got ${f.name})`);
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
 * a NON_REPLENISHABLE one (spec/03 §6). Lowering below what is in use leaves availableQuantity
 * negative: the debt is absorbed as jobs release their units.
 */
export function updateConsumableResource(ctx: SimCtx, input: B.UpdateConsumableResourceRequest): B.UpdateConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
  const row = find(ctx, input.consumableResource);
  if (!row) throw notFound(input.consumableResource);
  const op = input.operation ?? 'SET';
  if (op !== 'SET' && op !== 'ADD' && op !== 'REMOVE') fail('operation', `must be SET, ADD or REMOVE (got ${op})`);
  const q = quantity('quantity', input.quantity);
  const b = row.body;
  if (b.resourceType === 'REPLENISHABLE') {
    const total = op === 'SET' ? q : op === 'ADD' ? b.totalQuantity + q : Math.max(0, b.totalQuantity - q);
    b.availableQuantity += total - b.totalQuantity;
    b.totalQuantity = total;
  } else {
    const avail = op === 'SET' ? q : op === 'ADD' ? b.availableQuantity + q : Math.max(0, b.availableQuantity - q);
    b.totalQuantity += avail - b.availableQuantity;
    b.availableQuantity = avail;
  }
  ctx.resources.update(row);
  engineWorld(ctx).requestPass();
  return { consumableResourceName: b.consumableResourceName, consumableResourceArn: b.consumableResourceArn, totalQuantity: b.totalQuantity };
}

export function deleteConsumableResource(ctx: SimCtx, input: B.DeleteConsumableResourceRequest): B.DeleteConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
  const row = find(ctx, input.consumableResource);
  if (!row) throw notFound(input.consumableResource);
  ctx.resources.delete(row.seq);
  return {};
}

/**
 * The top-level jobs (plain, array parents, MNP parents) whose spec names the resource, newest
 * first. A simulator choice: this scans the job specs (no index), fine for an occasional call.
 */
export function listJobsByConsumableResource(ctx: SimCtx, input: B.ListJobsByConsumableResourceRequest): B.ListJobsByConsumableResourceResponse {
  if (!input.consumableResource) fail('consumableResource', 'is required');
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
    return [{ r, quantity: c.quantity, definition: spec.detail.jobDefinition }];
  });
  for (const f of input.filters ?? []) {
    const values = f.values ?? [];
    if (f.name === 'JOB_STATUS') jobs = jobs.filter((j) => values.includes(j.r.status));
    else if (f.name === 'JOB_NAME') jobs = jobs.filter((j) => values.some((v) => (v.endsWith('*') ? j.r.name.toLowerCase().startsWith(v.slice(0, -1).toLowerCase()) : j.r.name.toLowerCase() === v.toLowerCase())));
    else fail('filters.name', `must be JOB_STATUS or JOB_NAME (got ${f.name})`);
  }
  const max = input.maxResults ?? 100;
  const start = input.nextToken ? Number(Buffer.from(input.nextToken, 'base64url').toString()) : 0;
  const slice = jobs.slice(start, start + max);
  return compact({
    jobs: slice.map((j) => compact({
      jobArn: j.r.arn, jobQueueArn: j.r.queue_arn, jobName: j.r.name, jobDefinitionArn: j.definition, jobStatus: j.r.status as B.JobStatus,
      quantity: j.quantity, createdAt: j.r.created_at, startedAt: j.r.started_at ?? undefined,
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: row.body.consumableResourceArn, quantity: j.quantity }] },
    })) as B.ListJobsByConsumableResourceSummary[],
    nextToken: start + max < jobs.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  });
}
