/** `batchctl queue describe <queue...>`: priority, state, compute environments by order, time limits, tags. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { joinDetails } from '../../render/format.js';
import { describeJobQueue } from '../../render/job-queue.js';
import { requireJobQueues } from '../shared/resolve.js';

export interface QueueDescribeOptions {
  names: string[];
}

export function queueDescribeCommand(ctx: Context, runF: (ctx: Context, opts: QueueDescribeOptions) => Promise<void> = runQueueDescribe): Command {
  return new Command('describe')
    .description('Show job queues in detail')
    .argument('<queue...>', 'job queue names or ARNs')
    .addHelpText('after', `\nExamples:\n  $ batchctl queue describe work\n  $ batchctl queue describe work -o json   # {"jobQueues": [...]}`)
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runQueueDescribe(ctx: Context, opts: QueueDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const queues = await requireJobQueues(backend, opts.names);
  await ctx.print({ data: { jobQueues: queues }, human: (c) => joinDetails(queues.map((q) => describeJobQueue(q, c))) });
}
