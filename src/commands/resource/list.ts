/** `batchctl resource list`: every consumable resource (ListConsumableResources, pagination followed). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { RESOURCE_COLUMNS } from '../../render/consumable-resource.js';
import { repeatable } from '../shared/resource-options.js';
import { listOf } from '../shared/flags.js';
import { listConsumableResources } from './shared.js';

export interface ResourceListOptions {
  name?: string[];
}

export function resourceListCommand(ctx: Context, runF: (ctx: Context, opts: ResourceListOptions) => Promise<void> = runResourceList): Command {
  return new Command('list')
    .description('List consumable resources')
    .option('--name <pattern>', "only these names (case-insensitive; a trailing * matches a prefix; repeatable or comma-separated)", repeatable)
    .addHelpText(
      'after',
      `
Columns: NAME TYPE TOTAL IN USE USE (in use ÷ total); -o wide adds ARN.
Examples:
  $ batchctl resource list
  $ batchctl resource list --name 'lic*'
  $ batchctl resource list -o json     # ListConsumableResources' {"consumableResources": [...]}`,
    )
    .action(async (flags: ResourceListOptions) => {
      await runF(ctx, flags);
    });
}

export async function runResourceList(ctx: Context, opts: ResourceListOptions): Promise<void> {
  const backend = await ctx.backend();
  const names = listOf(opts.name);
  const resources = await listConsumableResources(backend, names);
  await ctx.print({
    data: { consumableResources: resources },
    rows: resources,
    columns: RESOURCE_COLUMNS,
    empty: names?.length ? `no consumable resources match ${names.join(', ')} [${backend.label}]` : `no consumable resources [${backend.label}]; create one with \`batchctl resource create\``,
  });
}
