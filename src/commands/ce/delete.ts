/**
 * `batchctl ce delete <ce...>`: AWS deletes only DISABLED compute environments that no queue uses,
 * so the plan disables first, and refuses (naming the queues) while a queue still uses one.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { FailureError } from '../../errors.js';
import { nameFromArn } from '../../render/format.js';
import { runMutation } from '../shared/mutate.js';
import { describeJobQueues, requireComputeEnvironments } from '../shared/resolve.js';

export interface CeDeleteOptions {
  names: string[];
}

export function ceDeleteCommand(ctx: Context, runF: (ctx: Context, opts: CeDeleteOptions) => Promise<void> = runCeDelete): Command {
  return new Command('delete')
    .description('Delete compute environments (disabling them first)')
    .argument('<ce...>', 'compute environment names or ARNs')
    .addHelpText(
      'after',
      `
A compute environment used by a job queue cannot be deleted: remove it from the queue first
(\`batchctl queue update <queue> --ce <other>\`) or delete the queue. Deleting terminates its instances.
Examples:
  $ batchctl ce delete old-ce --dry-run
  $ batchctl ce delete old-ce --yes`,
    )
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runCeDelete(ctx: Context, opts: CeDeleteOptions): Promise<void> {
  const backend = await ctx.backend();
  const ces = await requireComputeEnvironments(backend, opts.names);
  const queues = await describeJobQueues(backend);
  const blocked = ces
    .map((ce) => ({
      ce: ce.computeEnvironmentName!,
      queues: queues
        .filter((q) => q.status !== 'DELETED' && (q.computeEnvironmentOrder ?? []).some((o) => o.computeEnvironment === ce.computeEnvironmentArn || o.computeEnvironment === ce.computeEnvironmentName))
        .map((q) => q.jobQueueName!),
    }))
    .filter((b) => b.queues.length > 0);
  if (blocked.length) {
    const lines = blocked.map((b) => `  - ${b.ce} is used by ${b.queues.map((q) => `queue ${q}`).join(', ')}`);
    throw new FailureError(
      `cannot delete: ${blocked.length === 1 ? 'a compute environment is' : 'compute environments are'} still attached to job queues\n${lines.join('\n')}`,
      `detach it first (\`batchctl queue update ${blocked[0]!.queues[0]} --ce <other-ce>\`) or delete the queue (\`batchctl queue delete ${blocked[0]!.queues[0]}\`)`,
    );
  }
  const steps: PlanStep[] = [];
  for (const ce of ces) {
    const name = ce.computeEnvironmentName!;
    if (ce.status === 'DELETING' || ce.status === 'DELETED') continue;
    if (ce.state !== 'DISABLED') {
      steps.push({
        service: 'batch',
        operation: 'UpdateComputeEnvironment',
        input: { computeEnvironment: name, state: 'DISABLED' },
        title: `disable compute environment ${name}`,
        reason: 'only a DISABLED compute environment can be deleted',
      });
    }
    steps.push({ service: 'batch', operation: 'DeleteComputeEnvironment', input: { computeEnvironment: name }, title: `delete compute environment ${name}`, reason: ce.computeResources ? `its instances (${nameFromArn(ce.ecsClusterArn) || 'the ECS cluster'}) are terminated` : 'the unmanaged environment is removed; your instances stay' });
  }
  const deleted = ces.filter((ce) => ce.status !== 'DELETING' && ce.status !== 'DELETED').map((ce) => ce.computeEnvironmentName);
  await runMutation(ctx, { title: `Delete compute environment${ces.length === 1 ? '' : 's'} ${ces.map((c) => c.computeEnvironmentName).join(', ')}`, steps }, {
    success: `Deleting compute environment${deleted.length === 1 ? '' : 's'} ${deleted.join(', ')}`,
    data: () => ({}),
    nothingToDo: 'already being deleted',
  });
}
