/** `batchctl queue delete <queue...>`: AWS deletes only DISABLED queues, so the plan disables first. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { runMutation } from '../shared/mutate.js';
import { requireJobQueues } from '../shared/resolve.js';

export interface QueueDeleteOptions {
  names: string[];
}

export function queueDeleteCommand(ctx: Context, runF: (ctx: Context, opts: QueueDeleteOptions) => Promise<void> = runQueueDelete): Command {
  return new Command('delete')
    .description('Delete job queues (disabling them first)')
    .argument('<queue...>', 'job queue names or ARNs')
    .addHelpText(
      'after',
      `
Jobs still in the queue are terminated when it is deleted; disable it and let them finish first
if they matter (\`batchctl queue disable <queue>\`).
Examples:
  $ batchctl queue delete old-queue --dry-run
  $ batchctl queue delete old-queue --yes`,
    )
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runQueueDelete(ctx: Context, opts: QueueDeleteOptions): Promise<void> {
  const backend = await ctx.backend();
  const queues = (await requireJobQueues(backend, opts.names)).filter((q) => q.status !== 'DELETING' && q.status !== 'DELETED');
  const steps: PlanStep[] = [];
  for (const q of queues) {
    const name = q.jobQueueName!;
    if (q.state !== 'DISABLED') {
      steps.push({ service: 'batch', operation: 'UpdateJobQueue', input: { jobQueue: name, state: 'DISABLED' }, title: `disable job queue ${name}`, reason: 'only a DISABLED job queue can be deleted' });
    }
    steps.push({ service: 'batch', operation: 'DeleteJobQueue', input: { jobQueue: name }, title: `delete job queue ${name}`, reason: 'jobs still in it are terminated' });
  }
  await runMutation(ctx, { title: `Delete job queue${opts.names.length === 1 ? '' : 's'} ${opts.names.join(', ')}`, steps }, {
    success: `Deleting job queue${queues.length === 1 ? '' : 's'} ${queues.map((q) => q.jobQueueName).join(', ')}`,
    data: () => ({}),
    nothingToDo: 'already being deleted',
  });
}
