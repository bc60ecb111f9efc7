/**
 * Reading consumable resources through the port: every one (pagination followed), named ones
 * (a name that matches nothing is a NotFoundError, exit 3), the jobs that use one, and the
 * resources a set of jobs needs (for `job describe`).
 */
import type { ConsumableResourceSummary, DescribeConsumableResourceResponse, JobDetail, KeyValuesPair, ListJobsByConsumableResourceSummary } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { NotFoundError, toBatchctlError } from '../../errors.js';

/** API field -> the flag that sets it (for validation messages). */
export const RESOURCE_FLAG_FIELDS: Record<string, string> = {
  consumableResourceName: '<name>',
  consumableResource: '<name>',
  totalQuantity: '--total',
  resourceType: '--type',
  tags: '--tag',
  operation: '--set/--add/--remove',
  quantity: '--set/--add/--remove',
  clientToken: '--client-token',
  'filters[0]': '--name',
};

/** ListConsumableResources to the end, optionally with a CONSUMABLE_RESOURCE_NAME filter (`lic*` = prefix). */
export async function listConsumableResources(backend: Backend, names?: readonly string[]): Promise<ConsumableResourceSummary[]> {
  const filters: KeyValuesPair[] | undefined = names?.length ? [{ name: 'CONSUMABLE_RESOURCE_NAME', values: [...names] }] : undefined;
  const out: ConsumableResourceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await backend.batch.listConsumableResources({ filters, nextToken });
    out.push(...(page.consumableResources ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** DescribeConsumableResource, or undefined when AWS says there is no such resource. */
export async function describeConsumableResource(backend: Backend, ref: string): Promise<DescribeConsumableResourceResponse | undefined> {
  try {
    const { $metadata: _m, ...out } = (await backend.batch.describeConsumableResource({ consumableResource: ref })) as DescribeConsumableResourceResponse & { $metadata?: unknown };
    return out;
  } catch (err) {
    if (toBatchctlError(err) instanceof NotFoundError) return undefined;
    throw err;
  }
}

/** The named resources (names or ARNs) in the order asked; a NotFoundError names the missing ones. */
export async function requireConsumableResources(backend: Backend, refs: readonly string[]): Promise<DescribeConsumableResourceResponse[]> {
  const unique = [...new Set(refs)];
  const found = await Promise.all(unique.map((r) => describeConsumableResource(backend, r)));
  const missing = unique.filter((_r, i) => !found[i]);
  if (missing.length) {
    const what = missing.length === 1 ? `consumable resource "${missing[0]}"` : `consumable resources ${missing.map((m) => `"${m}"`).join(', ')}`;
    throw new NotFoundError(`${what} not found [${backend.label}]`, '`batchctl resource list` lists what exists in this world');
  }
  return found.filter((r): r is DescribeConsumableResourceResponse => r !== undefined);
}

/** ListJobsByConsumableResource to the end, with JOB_STATUS / JOB_NAME filters. */
export async function listJobsByConsumableResource(backend: Backend, ref: string, filters: KeyValuesPair[] = []): Promise<ListJobsByConsumableResourceSummary[]> {
  const out: ListJobsByConsumableResourceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await backend.batch.listJobsByConsumableResource({ consumableResource: ref, filters: filters.length ? filters : undefined, nextToken });
    out.push(...(page.jobs ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/**
 * The resources the jobs need, read once each (null: no such resource). A failing read leaves the
 * resource out (the view then shows only what the job needs).
 */
export async function readConsumables(backend: Backend, jobs: readonly JobDetail[]): Promise<Record<string, DescribeConsumableResourceResponse | null>> {
  const refs = [...new Set(jobs.flatMap((j) => (j.consumableResourceProperties?.consumableResourceList ?? []).map((r) => r.consumableResource!).filter(Boolean)))];
  const out: Record<string, DescribeConsumableResourceResponse | null> = {};
  await Promise.all(
    refs.map(async (ref) => {
      try {
        out[ref] = (await describeConsumableResource(backend, ref)) ?? null;
      } catch {
        // Not readable (permissions, an endpoint without the operation): show the need alone.
      }
    }),
  );
  return out;
}

/**
 * Warns (stderr) about consumable resources that do not exist: a job that needs one waits RUNNABLE
 * until a resource of that name is created. Resources that cannot be read are not warned about.
 */
export async function warnMissingConsumables(ctx: Context, backend: Backend, refs: readonly string[]): Promise<void> {
  const c = ctx.io.color();
  for (const ref of [...new Set(refs)]) {
    const found = await describeConsumableResource(backend, ref).catch(() => 'unreadable' as const);
    if (found !== undefined) continue;
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    ctx.io.err(`${c.yellow('warning:')} consumable resource ${name} does not exist [${backend.label}]: jobs that need it wait RUNNABLE until it is created (\`batchctl resource create ${name} --total N\`)\n`);
  }
}
