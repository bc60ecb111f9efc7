/** `batchctl policy describe <policy...>`: names or ARNs (the API takes ARNs; names are looked up). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { joinDetails } from '../../render/format.js';
import { describeSchedulingPolicy } from '../../render/scheduling-policy.js';
import { requireSchedulingPolicies } from '../shared/resolve.js';

export interface PolicyDescribeOptions {
  names: string[];
}

export function policyDescribeCommand(ctx: Context, runF: (ctx: Context, opts: PolicyDescribeOptions) => Promise<void> = runPolicyDescribe): Command {
  return new Command('describe')
    .description('Show scheduling policies in detail')
    .argument('<policy...>', 'scheduling policy names or ARNs')
    .addHelpText('after', `\nExamples:\n  $ batchctl policy describe teams\n  $ batchctl policy describe teams -o json`)
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runPolicyDescribe(ctx: Context, opts: PolicyDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const policies = await requireSchedulingPolicies(backend, opts.names);
  await ctx.print({ data: { schedulingPolicies: policies }, human: (c) => joinDetails(policies.map((p) => describeSchedulingPolicy(p, c))) });
}
