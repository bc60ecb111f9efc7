/**
 * `batchctl resource delete <resource...>`: AWS deletes a consumable resource at any time, even
 * while jobs hold its units (their releases are then ignored); jobs waiting for it keep waiting
 * until a resource of that name exists again.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { runMutation } from '../shared/mutate.js';
import { requireConsumableResources } from './shared.js';

export interface ResourceDeleteOptions {
  names: string[];
}

export function resourceDeleteCommand(ctx: Context, runF: (ctx: Context, opts: ResourceDeleteOptions) => Promise<void> = runResourceDelete): Command {
  return new Command('delete')
    .description('Delete consumable resources')
    .argument('<name...>', 'consumable resource names or ARNs')
    .addHelpText(
      'after',
      `
A resource can be deleted while jobs use it. For a short while after the delete, jobs may still
start on it; jobs that need it then wait (RUNNABLE) until a resource of the same name is created
again, which counts as the same resource.
Examples:
  $ batchctl resource delete licences --dry-run
  $ batchctl resource delete licences --yes`,
    )
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runResourceDelete(ctx: Context, opts: ResourceDeleteOptions): Promise<void> {
  const backend = await ctx.backend();
  const resources = await requireConsumableResources(backend, opts.names);
  const steps: PlanStep[] = resources.map((r) => ({
    service: 'batch',
    operation: 'DeleteConsumableResource',
    input: { consumableResource: r.consumableResourceName },
    title: `delete consumable resource ${r.consumableResourceName}`,
    reason: r.inUseQuantity ? `${r.inUseQuantity} unit${r.inUseQuantity === 1 ? '' : 's'} in use: running jobs keep them, their release is ignored` : 'no units in use',
  }));
  const names = resources.map((r) => r.consumableResourceName).join(', ');
  await runMutation(ctx, { title: `Delete consumable resource${resources.length === 1 ? '' : 's'} ${names}`, steps }, {
    success: `Deleted consumable resource${resources.length === 1 ? '' : 's'} ${names}`,
    data: () => ({}),
  });
}
