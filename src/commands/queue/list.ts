/** `batchctl queue list`: every job queue (pagination followed to the end). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { QUEUE_COLUMNS } from '../../render/job-queue.js';
import { describeJobQueues } from '../shared/resolve.js';

export type QueueListOptions = Record<string, never>;

export function queueListCommand(ctx: Context, runF: (ctx: Context, opts: QueueListOptions) => Promise<void> = runQueueList): Command {
  return new Command('list')
    .description('List job queues')
    .addHelpText(
      'after',
      `
Columns: NAME PRIORITY STATE STATUS COMPUTE ENVIRONMENTS (by order) POLICY; -o wide adds TIME LIMITS, ARN, REASON.
Examples:
  $ batchctl queue list
  $ batchctl queue list -o json            # DescribeJobQueues' output`,
    )
    .action(async () => {
      await runF(ctx, {});
    });
}

export async function runQueueList(ctx: Context, _opts: QueueListOptions): Promise<void> {
  const backend = await ctx.backend();
  const queues = await describeJobQueues(backend);
  await ctx.print({
    data: { jobQueues: queues },
    rows: queues,
    columns: QUEUE_COLUMNS,
    empty: `no job queues [${backend.label}]; create one with \`batchctl queue create\``,
  });
}
