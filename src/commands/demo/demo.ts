/**
 * `batchctl demo`: builds a small AWS Batch world in the simulator (a Fargate compute environment,
 * a job queue, a job definition, the execution role) as one Plan, waits for it by advancing the
 * simulated clock, then shows it and what to try next. Re-running skips what exists.
 *
 * No confirmation: it is a rehearsal inside the simulator, which is what the user asked for by
 * typing `demo`. `--dry-run` still prints the plan and changes nothing. It refuses the AWS backend.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { CE_COLUMNS } from '../../render/compute-environment.js';
import { JOBDEF_COLUMNS } from '../../render/job-definition.js';
import { QUEUE_COLUMNS } from '../../render/job-queue.js';
import type { Column } from '../../output/printer.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { applyPlan } from '../shared/plan-runner.js';
import { describeComputeEnvironments, describeJobDefinitions, describeJobQueues } from '../shared/resolve.js';
import { waitUntilValid } from './wait.js';
import { DEMO, demoPlan, discover } from './world.js';

export function demoCommand(ctx: Context): Command {
  return new Command('demo')
    .description('Try batchctl offline: build a small Batch world in the simulator')
    .addHelpText(
      'after',
      `
Builds, in the simulator only: compute environment ${DEMO.computeEnvironment} (Fargate, ${DEMO.maxvCpus} vCPUs,
default VPC), job queue ${DEMO.jobQueue}, job definition ${DEMO.jobDefinition} and the ecsTaskExecutionRole,
tagged batchctl:stack=demo. Re-running skips what exists; \`batchctl sim reset\` starts over.
Examples:
  $ batchctl demo
  $ batchctl demo --dry-run          # the plan, nothing changed`,
    )
    .option('--top', 'then open the dashboard (batchctl top) on the demo world')
    .action(async (flags: { top?: boolean }) => {
      await runDemo(ctx);
      if (flags.top && !ctx.config.dryRun) {
        // Loaded only with --top: the dashboard brings Ink and React.
        const { runTopCommand } = await import('../top/index.js');
        await runTopCommand(ctx, { refresh: 2 });
      }
    });
}

export async function runDemo(ctx: Context): Promise<void> {
  if (ctx.config.backend !== 'sim') {
    throw new UsageError(
      'demo builds its world in the simulator only, and the backend is aws',
      'drop --backend aws (or unset BATCHCTL_BACKEND) to use the simulator',
    );
  }
  const sim = await ctx.sim();
  const world = await discover(sim, sim.control.status().accountId);
  const plan = demoPlan(world);
  const result = await applyPlan(ctx, plan, {
    noConfirm: true,
    // A compute environment must be VALID before a queue may use it; the queue, before jobs may go in.
    afterStep: async (step) => {
      if (step.operation === 'CreateComputeEnvironment') await waitUntilValid(sim, ctx.io, 'compute environment', DEMO.computeEnvironment);
      if (step.operation === 'CreateJobQueue') await waitUntilValid(sim, ctx.io, 'job queue', DEMO.jobQueue);
    },
  });
  if (!result.applied) return; // --dry-run: the plan was printed
  // An earlier run may have been interrupted while they were still being created.
  if (world.computeEnvironment && world.computeEnvironment.status !== 'VALID') await waitUntilValid(sim, ctx.io, 'compute environment', DEMO.computeEnvironment);
  if (world.jobQueue && world.jobQueue.status !== 'VALID') await waitUntilValid(sim, ctx.io, 'job queue', DEMO.jobQueue);
  if (plan.steps.length === 0) ctx.io.err(`${ctx.io.color().dim('·')} the demo world already exists ${ctx.io.color().dim(`[${sim.label}]`)}\n`);
  await showWorld(ctx);
  if (!wantsMachineOutput(ctx)) printNextSteps(ctx);
}

/** The demo's resources: three tables for people, one document for programs. */
async function showWorld(ctx: Context): Promise<void> {
  const backend = await ctx.backend();
  const [computeEnvironments, jobQueues, jobDefinitions] = await Promise.all([
    describeComputeEnvironments(backend, [DEMO.computeEnvironment]),
    describeJobQueues(backend, [DEMO.jobQueue]),
    describeJobDefinitions(backend, { jobDefinitionName: DEMO.jobDefinition, status: 'ACTIVE' }),
  ]);
  if (wantsMachineOutput(ctx)) {
    await ctx.print({ data: { world: backend.label, computeEnvironments, jobQueues, jobDefinitions } });
    return;
  }
  const section = async <T>(title: string, rows: T[], columns: Column<T>[]) => {
    ctx.io.out(`\n${ctx.io.color().bold(title)}\n`);
    await ctx.print({ data: rows, rows, columns });
  };
  await section('Compute environments', computeEnvironments, CE_COLUMNS);
  await section('Job queues', jobQueues, QUEUE_COLUMNS);
  await section('Job definitions', jobDefinitions, JOBDEF_COLUMNS);
}

function printNextSteps(ctx: Context): void {
  const c = ctx.io.color();
  const tries = [
    ['batchctl ce describe demo-fargate', 'every field of the compute environment'],
    ['batchctl queue list -o json', 'the same data as AWS returns it'],
    ['batchctl jobdef describe demo-hello', 'the job definition'],
    ['batchctl sim status', "the simulator's clock and what it holds"],
    ['batchctl sim reset', 'start over'],
  ];
  const width = Math.max(...tries.map(([cmd]) => cmd!.length));
  ctx.io.err(`\n${c.bold('Next, try:')}\n${tries.map(([cmd, why]) => `  ${cmd!.padEnd(width)}  ${c.dim(`# ${why}`)}`).join('\n')}\n`);
}
