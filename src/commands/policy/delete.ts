/** `batchctl policy delete <policy...>`: a policy still used by a queue cannot be deleted (AWS refuses). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { FailureError } from '../../errors.js';
import type { PlanStep } from '../../domain/plan.js';
import { runMutation } from '../shared/mutate.js';
import { describeJobQueues, requireSchedulingPolicies } from '../shared/resolve.js';

export interface PolicyDeleteOptions {
  names: string[];
}

export function policyDeleteCommand(ctx: Context, runF: (ctx: Context, opts: PolicyDeleteOptions) => Promise<void> = runPolicyDelete): Command {
  return new Command('delete')
    .description('Delete scheduling policies')
    .argument('<policy...>', 'scheduling policy names or ARNs')
    .addHelpText('after', `\nA policy used by a job queue cannot be deleted: delete the queue first (a queue's policy can be replaced, not removed).\nExamples:\n  $ batchctl policy delete teams --yes`)
    .action(async (names: string[]) => {
      await runF(ctx, { names });
    });
}

export async function runPolicyDelete(ctx: Context, opts: PolicyDeleteOptions): Promise<void> {
  const backend = await ctx.backend();
  const policies = await requireSchedulingPolicies(backend, opts.names);
  const queues = await describeJobQueues(backend);
  const used = policies
    .map((p) => ({ policy: p.name!, queues: queues.filter((q) => q.schedulingPolicyArn === p.arn && q.status !== 'DELETED').map((q) => q.jobQueueName!) }))
    .filter((u) => u.queues.length);
  if (used.length) {
    throw new FailureError(
      `cannot delete: ${used.map((u) => `${u.policy} is used by queue ${u.queues.join(', ')}`).join('; ')}`,
      `give the queue another policy (\`batchctl queue update ${used[0]!.queues[0]} --scheduling-policy <other>\`) or delete it`,
    );
  }
  const steps: PlanStep[] = policies.map((p) => ({ service: 'batch', operation: 'DeleteSchedulingPolicy', input: { arn: p.arn }, title: `delete scheduling policy ${p.name}`, reason: 'no job queue uses it' }));
  await runMutation(ctx, { title: `Delete scheduling polic${policies.length === 1 ? 'y' : 'ies'} ${policies.map((p) => p.name).join(', ')}`, steps }, {
    success: `Deleted scheduling polic${policies.length === 1 ? 'y' : 'ies'} ${policies.map((p) => p.name).join(', ')}`,
    data: () => ({}),
  });
}
