/** `batchctl ce list`: every compute environment (pagination followed to the end). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { CE_COLUMNS } from '../../render/compute-environment.js';
import { describeComputeEnvironments } from '../shared/resolve.js';

export type CeListOptions = Record<string, never>;

export function ceListCommand(ctx: Context, runF: (ctx: Context, opts: CeListOptions) => Promise<void> = runCeList): Command {
  return new Command('list')
    .description('List compute environments')
    .addHelpText(
      'after',
      `
Columns: NAME TYPE STATE STATUS VCPUS (min/desired/max) INSTANCE TYPES; -o wide adds SUBNETS, ARN, REASON.
Examples:
  $ batchctl ce list
  $ batchctl ce list -o json                       # DescribeComputeEnvironments' output
  $ batchctl ce list --query 'computeEnvironments[?status==\`INVALID\`].computeEnvironmentName'`,
    )
    .action(async () => {
      await runF(ctx, {});
    });
}

export async function runCeList(ctx: Context, _opts: CeListOptions): Promise<void> {
  const backend = await ctx.backend();
  const ces = await describeComputeEnvironments(backend);
  await ctx.print({
    data: { computeEnvironments: ces },
    rows: ces,
    columns: CE_COLUMNS,
    empty: `no compute environments [${backend.label}]; create one with \`batchctl ce create\``,
  });
}
