/** `batchctl queue enable|disable <queue...>`: a DISABLED queue takes no new jobs; queued ones still run. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { runMutation } from '../shared/mutate.js';
import { requireJobQueues } from '../shared/resolve.js';

export interface QueueStateOptions {
  names: string[];
  state: 'ENABLED' | 'DISABLED';
}

export function queueStateCommand(ctx: Context, verb: 'enable' | 'disable', runF: (ctx: Context, opts: QueueStateOptions) => Promise<void> = runQueueState): Command {
  const state = verb === 'enable' ? 'ENABLED' : 'DISABLED';
  return new Command(verb)
    .description(verb === 'enable' ? 'Enable job queues (they accept new jobs)' : 'Disable job queues (no new jobs; jobs already queued still run)')
    .argument('<queue...>', 'job queue names or ARNs')
    .addHelpText('after', `\nExamples:\n  $ batchctl queue ${verb} work\n  $ batchctl queue ${verb} q1 q2 --yes`)
    .action(async (names: string[]) => {
      await runF(ctx, { names, state });
    });
}

export async function runQueueState(ctx: Context, opts: QueueStateOptions): Promise<void> {
  const backend = await ctx.backend();
  const queues = await requireJobQueues(backend, opts.names);
  const verb = opts.state === 'ENABLED' ? 'enable' : 'disable';
  const steps: PlanStep[] = queues
    .filter((q) => q.state !== opts.state)
    .map((q) => ({
      service: 'batch',
      operation: 'UpdateJobQueue',
      input: { jobQueue: q.jobQueueName, state: opts.state },
      title: `${verb} job queue ${q.jobQueueName}`,
      reason: `it is ${q.state ?? 'in an unknown state'}`,
    }));
  const names = queues.map((q) => q.jobQueueName).join(', ');
  await runMutation(ctx, { title: `${verb === 'enable' ? 'Enable' : 'Disable'} job queues`, steps }, {
    success: `${verb === 'enable' ? 'Enabled' : 'Disabled'} job queue${steps.length === 1 ? '' : 's'} ${steps.map((s) => s.input.jobQueue).join(', ')}`,
    nothingToDo: `${names} ${queues.length === 1 ? 'is' : 'are'} already ${opts.state}`,
  });
}
