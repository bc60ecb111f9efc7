/**
 * `batchctl resource describe <resource...>`: total, in use, available, utilisation, tags, and how
 * many jobs run on or wait for each (ListJobsByConsumableResource). `-o json`:
 * `{"consumableResources": [DescribeConsumableResource output, ...]}`, one per name asked.
 */
import { Command } from 'commander';
import type { ListJobsByConsumableResourceSummary } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { joinDetails } from '../../render/format.js';
import { describeConsumableResource } from '../../render/consumable-resource.js';
import { worldNow } from '../job/shared.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { listJobsByConsumableResource, requireConsumableResources } from './shared.js';

export interface ResourceDescribeOptions {
  names: string[];
}

export function resourceDescribeCommand(ctx: Context, runF: (ctx: Context, opts: ResourceDescribeOptions) => Promise<void> = runResourceDescribe): Command {
  return new Command('describe')
    .description('Show consumable resources in detail: total, in use, available, the jobs using them')
    .argument('<name...>', 'consumable resource names or ARNs')
    .addHelpText('after', `\nExamples:\n  $ batchctl resource describe licences\n  $ batchctl resource describe licences -o json   # {"consumableResources": [...]}`)
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runResourceDescribe(ctx: Context, opts: ResourceDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const resources = await requireConsumableResources(backend, opts.names);
  const style = { relative: ctx.io.isStdoutTTY(), now: worldNow(ctx, backend) };
  // The jobs line is for people: -o json stays DescribeConsumableResource's output.
  const active = [{ name: 'JOB_STATUS', values: ['RUNNABLE', 'STARTING', 'RUNNING'] }];
  const jobs: Array<ListJobsByConsumableResourceSummary[] | undefined> = wantsMachineOutput(ctx)
    ? []
    : await Promise.all(resources.map((r) => listJobsByConsumableResource(backend, r.consumableResourceArn ?? r.consumableResourceName!, active).catch(() => undefined)));
  await ctx.print({
    data: { consumableResources: resources },
    human: (c) => joinDetails(resources.map((r, i) => describeConsumableResource(r, c, style, jobs[i]))),
  });
}
