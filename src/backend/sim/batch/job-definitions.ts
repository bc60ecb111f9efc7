/**
 * Job definitions: immutable revisions 1, 2, 3… per name (never reused), ACTIVE → INACTIVE on
 * deregister, purged 180 days later; describe by name, name:revision, ARN, name + status filters.
 */
import type * as B from '@aws-sdk/client-batch';
import { isArn, parseBatchArn } from '../../../domain/ids.js';
import { validateRegisterJobDefinition } from '../../../domain/validation/index.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from '../world/kinds.js';
import { assertValid, compact, fail, page } from './common.js';
import { TIMING } from './timings.js';

type JD = B.JobDefinition;

/** `name`, `name:rev`, or an ARN with or without `:rev`, as {name, revision?}. */
export function parseJobDefinitionRef(ref: string): { name: string; revision?: number } | undefined {
  let id = ref;
  if (isArn(ref)) {
    const arn = parseBatchArn(ref);
    if (!arn || arn.type !== 'job-definition') return undefined;
    id = arn.id;
  }
  const m = /^([A-Za-z0-9_-]{1,128})(?::(\d+))?$/.exec(id);
  return m ? { name: m[1]!, revision: m[2] === undefined ? undefined : Number(m[2]) } : undefined;
}

export function findJobDefinitionRevision(ctx: SimCtx, name: string, revision: number): ResourceRow<JD> | undefined {
  return ctx.resources.get<JD>(KIND.jobDefinition, `${name}:${revision}`);
}

function revisionKey(name: string): string {
  return `jobdef_revision:${name}`;
}

export function registerJobDefinition(ctx: SimCtx, input: B.RegisterJobDefinitionRequest): B.RegisterJobDefinitionResponse {
  assertValid(validateRegisterJobDefinition(input, { unknownMembers: 'ignore' }));
  const name = input.jobDefinitionName!;
  const revision = Number(ctx.store.getMeta(revisionKey(name)) ?? 0) + 1;
  ctx.store.setMeta(revisionKey(name), revision);
  const arn = ctx.batchArn('job-definition', `${name}:${revision}`);
  const { jobDefinitionName: _n, ...rest } = input;
  const body: JD = compact({
    jobDefinitionName: name,
    jobDefinitionArn: arn,
    revision,
    status: 'ACTIVE',
    ...rest,
    tags: input.tags ?? {},
    containerOrchestrationType: input.eksProperties ? 'EKS' : 'ECS',
  });
  ctx.resources.insert({ kind: KIND.jobDefinition, id: `${name}:${revision}`, name, num: revision, arn, status: 'ACTIVE', createdAt: ctx.now, body });
  return { jobDefinitionName: name, jobDefinitionArn: arn, revision };
}

export function deregisterJobDefinition(ctx: SimCtx, input: B.DeregisterJobDefinitionRequest): B.DeregisterJobDefinitionResponse {
  const ref = input.jobDefinition ?? '';
  const parsed = parseJobDefinitionRef(ref);
  if (!parsed || parsed.revision === undefined) fail('jobDefinition', 'must be name:revision or a job definition ARN with its revision');
  const row = findJobDefinitionRevision(ctx, parsed.name, parsed.revision);
  if (!row) throw clientException(`JobDefinition ${ref} not found.`);
  if (row.status === 'INACTIVE') return {};
  row.body.status = 'INACTIVE';
  row.status = 'INACTIVE';
  row.nextEventAt = ctx.now + TIMING.inactiveJobDefinitionRetentionMs;
  ctx.resources.update(row);
  return {};
}

export function describeJobDefinitions(ctx: SimCtx, input: B.DescribeJobDefinitionsRequest): B.DescribeJobDefinitionsResponse {
  const refs = input.jobDefinitions;
  let rows: ResourceRow<JD>[];
  if (refs?.length) {
    if (refs.length > 100) fail('jobDefinitions', 'must name at most 100 job definitions');
    if (input.jobDefinitionName !== undefined || input.status !== undefined) fail('jobDefinitions', "can't be used with other parameters (jobDefinitionName, status)");
    const wanted = refs.map((r, i) => parseJobDefinitionRef(r) ?? fail(`jobDefinitions[${i}]`, 'must be a name, name:revision or a job definition ARN'));
    rows = ctx.resources.list<JD>(KIND.jobDefinition).filter((r) => wanted.some((w) => w.name === r.name && (w.revision === undefined || w.revision === r.num)));
  } else {
    if (input.status !== undefined && input.status !== 'ACTIVE' && input.status !== 'INACTIVE') fail('status', 'must be ACTIVE or INACTIVE');
    rows = ctx.resources.list<JD>(KIND.jobDefinition, { name: input.jobDefinitionName, status: input.status });
  }
  const { items, nextToken } = page(rows, input.maxResults, input.nextToken, 'jd');
  return { jobDefinitions: items.map((r) => r.body), nextToken };
}

/** INACTIVE revisions are purged 180 days after deregistration. */
export function advanceJobDefinition(ctx: SimCtx, row: ResourceRow<JD>): void {
  if (row.status === 'INACTIVE') ctx.resources.delete(row.seq);
  else {
    row.nextEventAt = null;
    ctx.resources.update(row);
  }
}
