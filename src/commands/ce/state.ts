/** `batchctl ce enable|disable <ce...>`: flip the state; CEs already in that state are left alone. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { runMutation } from '../shared/mutate.js';
import { requireComputeEnvironments } from '../shared/resolve.js';

export interface CeStateOptions {
  names: string[];
  state: 'ENABLED' | 'DISABLED';
}

export function ceStateCommand(ctx: Context, verb: 'enable' | 'disable', runF: (ctx: Context, opts: CeStateOptions) => Promise<void> = runCeState): Command {
  const state = verb === 'enable' ? 'ENABLED' : 'DISABLED';
  return new Command(verb)
    .description(verb === 'enable' ? 'Enable compute environments (queues may place jobs on them)' : 'Disable compute environments (no new jobs are placed; running jobs finish)')
    .argument('<ce...>', 'compute environment names or ARNs')
    .addHelpText('after', `\nExamples:\n  $ batchctl ce ${verb} demo-ce\n  $ batchctl ce ${verb} ce-a ce-b --yes`)
    .action(async (names: string[]) => {
      await runF(ctx, { names, state });
    });
}

export async function runCeState(ctx: Context, opts: CeStateOptions): Promise<void> {
  const backend = await ctx.backend();
  const ces = await requireComputeEnvironments(backend, opts.names);
  const verb = opts.state === 'ENABLED' ? 'enable' : 'disable';
  const steps: PlanStep[] = ces
    .filter((ce) => ce.state !== opts.state)
    .map((ce) => ({
      service: 'batch',
      operation: 'UpdateComputeEnvironment',
      input: { computeEnvironment: ce.computeEnvironmentName, state: opts.state },
      title: `${verb} compute environment ${ce.computeEnvironmentName}`,
      reason: `it is ${ce.state ?? 'in an unknown state'}`,
    }));
  const names = ces.map((ce) => ce.computeEnvironmentName).join(', ');
  await runMutation(ctx, { title: `${verb === 'enable' ? 'Enable' : 'Disable'} compute environments`, steps }, {
    success: `${verb === 'enable' ? 'Enabled' : 'Disabled'} compute environment${steps.length === 1 ? '' : 's'} ${steps.map((s) => s.input.computeEnvironment).join(', ')}`,
    nothingToDo: `${names} ${ces.length === 1 ? 'is' : 'are'} already ${opts.state}`,
  });
}
