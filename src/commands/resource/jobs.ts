/**
 * `batchctl resource jobs <resource>`: ListJobsByConsumableResource, pagination followed: the jobs
 * that need the resource, newest first, with the quantity each needs. `--status` and `--name` are
 * the API's JOB_STATUS and JOB_NAME filters.
 */
import { Command, Option } from 'commander';
import type { KeyValuesPair } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseStatuses } from '../../domain/jobs/selector.js';
import { validateConsumableFilters } from '../../domain/validation/consumable-resource.js';
import { resourceJobColumns } from '../../render/consumable-resource.js';
import { worldNow } from '../job/shared.js';
import { collect } from '../shared/flags.js';
import { checkIssues } from '../shared/validate.js';
import { listJobsByConsumableResource, requireConsumableResources } from './shared.js';

export interface ResourceJobsOptions {
  resource: string;
  status?: string[];
  /** --name: the JOB_NAME filter. */
  name?: string;
}

export function resourceJobsCommand(ctx: Context, runF: (ctx: Context, opts: ResourceJobsOptions) => Promise<void> = runResourceJobs): Command {
  return new Command('jobs')
    .description('List the jobs that need a consumable resource')
    .argument('<name>', 'consumable resource name or ARN')
    .addOption(new Option('-s, --status <status>', 'only jobs in this status (repeatable, or comma-separated)').argParser(collect))
    .option('--name <job-name>', 'only jobs with this name, or a prefix ending in * (case-insensitive)')
    .addHelpText(
      'after',
      `
Columns: ID NAME STATUS QUANTITY QUEUE CREATED STARTED; -o wide adds DEFINITION, SHARE, NEEDS (every
resource the job needs), REASON.
Examples:
  $ batchctl resource jobs licences
  $ batchctl resource jobs licences --status RUNNABLE          # waiting for units (or for capacity)
  $ batchctl resource jobs licences --name 'render-*' -o json  # {"jobs": [...]}`,
    )
    .action(async (resource: string, flags: Omit<ResourceJobsOptions, 'resource'>) => {
      await runF(ctx, { ...flags, resource });
    });
}

/** The flags as the API's filters (statuses upper-cased and checked). */
export function jobFilters(opts: Pick<ResourceJobsOptions, 'status' | 'name'>): KeyValuesPair[] {
  const filters: KeyValuesPair[] = [];
  if (opts.status?.length) {
    try {
      filters.push({ name: 'JOB_STATUS', values: parseStatuses(opts.status) });
    } catch (err) {
      throw new UsageError(`--status: ${(err as Error).message}`);
    }
  }
  if (opts.name !== undefined) {
    if (!opts.name.trim()) throw new UsageError('--name: give a job name or a prefix ending in *');
    filters.push({ name: 'JOB_NAME', values: [opts.name] });
  }
  return filters;
}

export async function runResourceJobs(ctx: Context, opts: ResourceJobsOptions): Promise<void> {
  const filters = jobFilters(opts);
  checkIssues(ctx, validateConsumableFilters(filters, ['JOB_STATUS', 'JOB_NAME']), { what: 'job filter', flags: { filters: '--status/--name' } });
  const backend = await ctx.backend();
  const [resource] = await requireConsumableResources(backend, [opts.resource]);
  const jobs = await listJobsByConsumableResource(backend, resource!.consumableResourceName!, filters);
  const style = { relative: ctx.io.isStdoutTTY(), now: worldNow(ctx, backend) };
  const filtered = filters.length ? ' matching the filters' : '';
  await ctx.print({
    data: { jobs },
    rows: jobs,
    columns: resourceJobColumns(style),
    empty: `no jobs${filtered} need consumable resource ${resource!.consumableResourceName} [${backend.label}]`,
  });
}
