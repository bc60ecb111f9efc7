/** `batchctl ce describe <ce...>`: details, status reason, resources, network and tags. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { describeComputeEnvironment } from '../../render/compute-environment.js';
import { joinDetails } from '../../render/format.js';
import { requireComputeEnvironments } from '../shared/resolve.js';

export interface CeDescribeOptions {
  names: string[];
}

export function ceDescribeCommand(ctx: Context, runF: (ctx: Context, opts: CeDescribeOptions) => Promise<void> = runCeDescribe): Command {
  return new Command('describe')
    .description('Show compute environments in detail')
    .argument('<ce...>', 'compute environment names or ARNs')
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl ce describe demo-ce
  $ batchctl ce describe demo-ce other-ce -o json   # {"computeEnvironments": [...]}`,
    )
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runCeDescribe(ctx: Context, opts: CeDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const ces = await requireComputeEnvironments(backend, opts.names);
  await ctx.print({
    data: { computeEnvironments: ces },
    human: (c) => joinDetails(ces.map((ce) => describeComputeEnvironment(ce, c))),
  });
}
