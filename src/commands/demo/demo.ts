/**
 * `batchctl demo`: the whole Fargate first run, offline, in a few seconds of wall time:
 *
 *   1. `setup fargate demo` through setup's own code (console defaults, tagged batchctl:stack=demo),
 *      which also runs the hello-world job;
 *   2. the hello-world job's output;
 *   3. an array job of 5 children and a job that depends on it, waited for by moving the simulated
 *      clock, one stderr line per state change;
 *   4. their logs (children labelled [index]), read with `batchctl logs`' code;
 *   5. a summary on stdout (jobs, states, simulated makespan, vCPU-seconds; `-o json`: a document);
 *   6. the commands to try next, `batchctl teardown demo` among them.
 *
 * No confirmation: it is a rehearsal inside the simulator, which is what the user asked for by
 * typing `demo`. `--dry-run` prints setup's plan and changes nothing. It refuses the AWS backend.
 * Running it again reuses the stack ("exists, matches") and submits a fresh array job and dependent.
 */
import type { JobDetail, SubmitJobResponse } from '@aws-sdk/client-batch';
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { formatLine, ColourPicker, colourKey, type LogLine } from '../../domain/logs/format.js';
import { FailureError, UsageError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import { setupStack } from '../setup/run.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { formatDuration } from '../sim/view.js';
import { describeChildren, jobLines, measure, waitInSimTime, type RunMeasure } from './jobs.js';
import { DEMO, DEMO_STACK, arrayJobRequest, dependentJobRequest } from './world.js';

export function demoCommand(ctx: Context): Command {
  return new Command('demo')
    .description("Try batchctl offline: the Fargate first run in the simulator, jobs and logs included")
    .addHelpText(
      'after',
      `
In the simulator only, in a few seconds (the simulated clock is moved forward, nothing sleeps):
  1. batchctl setup fargate ${DEMO_STACK}: compute environment ${DEMO_STACK}-ce, queue ${DEMO_STACK}-queue,
     job definition ${DEMO_STACK}-job-def, roles, all tagged batchctl:stack=${DEMO_STACK}; the hello-world job
  2. an array job of ${DEMO.arraySize} children and a job that depends on it, their state changes
  3. their logs, then a summary: jobs, states, simulated makespan, vCPU-seconds
Running it again reuses the stack and submits new jobs. \`batchctl teardown ${DEMO_STACK}\` removes it.
Examples:
  $ batchctl demo
  $ batchctl demo --dry-run          # the plan, nothing changed
  $ batchctl demo -o json            # the summary as data: job ids, states, outputs
  $ batchctl demo --top              # then open the dashboard`,
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

/** One job of the summary, as `-o json` prints it. */
export interface DemoJob {
  role: 'hello-world' | 'array' | 'dependent';
  jobId: string;
  jobName: string;
  status: string;
  statusReason?: string;
  /** The hello-world job was submitted by an earlier run (setup shows it again instead of submitting another). */
  fromEarlierRun?: boolean;
  output: string[];
  children?: Array<{ index: number; jobId: string; status: string; output: string[] }>;
  dependsOn?: string[];
}

export interface DemoSummary {
  world: string;
  stack: string;
  /** What setup changed this time (empty on a re-run) and what it found in place. */
  applied: string[];
  reused: string[];
  jobs: DemoJob[];
  /** Over the jobs submitted by this run. */
  simulated: { from: string; to: string; makespanMs: number; vcpuSeconds: number };
  wallMs: number;
  next: string[];
}

export async function runDemo(ctx: Context): Promise<DemoSummary | undefined> {
  if (ctx.config.backend !== 'sim') {
    throw new UsageError(
      'demo works in the simulator only, and the backend is aws',
      'drop --backend aws (or unset BATCHCTL_BACKEND) to use the simulator; `batchctl setup fargate` is the same first run against AWS',
    );
  }
  const wallStart = performance.now();
  const sim = await ctx.sim();
  const c = ctx.io.color();
  const machine = wantsMachineOutput(ctx);
  const heading = (n: number, title: string) => ctx.io.err(`\n${c.bold(`${n}. ${title}`)}\n`);

  ctx.io.err(`${c.bold('batchctl demo')}: AWS Batch's Fargate first run, in the simulator ${c.dim(`[${sim.label}, simulated clock]`)}\n`);
  heading(1, `Set up the stack: batchctl setup fargate ${DEMO_STACK}`);
  const setup = await setupStack(ctx, { platform: 'fargate', stackName: DEMO_STACK, noConfirm: true });
  if (!setup) {
    ctx.io.err(c.dim(`then the demo would run the hello-world job, an array job of ${DEMO.arraySize} with a job that depends on it, and show their logs and a summary\n`));
    return undefined;
  }
  const { answers, plan } = setup;
  const hello = setup.job;
  if (!hello) throw new FailureError(`setup ran no hello-world job for stack ${DEMO_STACK} [${sim.label}]`);
  const helloIsNew = plan.steps.some((s) => s.operation === 'SubmitJob');

  heading(2, `The hello-world job${helloIsNew ? '' : ' (from an earlier run: setup does not submit it twice)'}`);
  const helloOutput = setup.output?.messages ?? [];
  if (!machine) printLines(ctx, hello, helloOutput.length ? helloOutput : [c.dim(setup.output?.note ?? '(no output)')]);

  heading(3, `An array job of ${DEMO.arraySize} children, and a job that depends on it`);
  const arrayId = (await sim.batch.submitJob(arrayJobRequest(answers)) as SubmitJobResponse).jobId!;
  ctx.io.err(`${c.green('✓')} submitted ${DEMO.arrayJob} ${c.dim(`(${DEMO.arraySize} children, each says its index and sleeps ${DEMO.childSeconds}s) ${arrayId}`)}\n`);
  const dependentId = (await sim.batch.submitJob(dependentJobRequest(answers, arrayId)) as SubmitJobResponse).jobId!;
  ctx.io.err(`${c.green('✓')} submitted ${DEMO.dependentJob} ${c.dim(`(runs once ${DEMO.arrayJob} has succeeded) ${dependentId}`)}\n`);
  const names = new Map([[arrayId, DEMO.arrayJob], [dependentId, DEMO.dependentJob]]);
  const [arrayJob, dependent] = await waitInSimTime(ctx, sim, [arrayId, dependentId], names);
  const children = await describeChildren(sim, arrayJob!);

  heading(4, 'Their logs');
  const childLines = await jobLines(ctx, arrayId, { children: true });
  const dependentLines = await jobLines(ctx, dependentId);
  if (!machine) {
    printLogLines(ctx, arrayJob!, childLines);
    printLogLines(ctx, dependent!, dependentLines);
  }

  const measured = measure([...(helloIsNew ? [hello] : []), arrayJob!, dependent!], [...(helloIsNew ? [hello] : []), ...children, dependent!]);
  const next: Array<[string, string]> = [
    ['batchctl top', 'the dashboard: queues, jobs, logs (q quits)'],
    [`batchctl job list --queue ${answers.jobQueueName}`, 'every job the demo submitted'],
    [`batchctl logs ${arrayId} --children`, "the array children's logs again"],
    ['batchctl doctor', "checks the stack's setup, as on AWS"],
    [`batchctl teardown ${DEMO_STACK}`, 'delete the demo stack (add --roles for its IAM roles)'],
  ];
  const summary: DemoSummary = {
    world: sim.label,
    stack: DEMO_STACK,
    applied: plan.steps.map((s) => s.title),
    reused: plan.skipped.map((s) => `${s.kind} ${s.name}`),
    jobs: [
      jobEntry('hello-world', hello, helloOutput, helloIsNew ? {} : { fromEarlierRun: true }),
      jobEntry('array', arrayJob!, [], {
        children: children.map((ch, i) => ({
          index: ch.arrayProperties?.index ?? i,
          jobId: ch.jobId!,
          status: ch.status ?? '?',
          output: childLines.filter((l) => l.source.jobId === ch.jobId).map((l) => l.message),
        })),
      }),
      jobEntry('dependent', dependent!, dependentLines.map((l) => l.message), { dependsOn: [arrayId] }),
    ],
    simulated: { from: iso(measured.startedAt), to: iso(measured.endedAt), makespanMs: measured.makespanMs, vcpuSeconds: measured.vcpuSeconds },
    wallMs: Math.round(performance.now() - wallStart),
    next: next.map(([cmd]) => cmd),
  };

  if (!machine) heading(5, 'Summary');
  await ctx.print({ data: summary, human: (p) => summaryText(summary, measured, helloIsNew, p) });
  if (!machine) {
    const width = Math.max(...next.map(([cmd]) => cmd.length));
    ctx.io.err(`\n${c.bold('Next, try:')}\n${next.map(([cmd, why]) => `  ${cmd.padEnd(width)}  ${c.dim(`# ${why}`)}`).join('\n')}\n`);
  }
  const failed = summary.jobs.filter((j) => j.status !== 'SUCCEEDED');
  if (failed.length) {
    throw new FailureError(`${failed.map((j) => `${j.jobName} ${j.status}${j.statusReason ? `: ${j.statusReason}` : ''}`).join('; ')} [${sim.label}]`, `\`batchctl job describe ${failed[0]!.jobId}\` shows its attempts`);
  }
  return summary;
}

function iso(ms: number): string {
  return ms ? new Date(ms).toISOString() : '';
}

function jobEntry(role: DemoJob['role'], job: JobDetail, output: string[], more: Partial<DemoJob>): DemoJob {
  return {
    role,
    jobId: job.jobId ?? '',
    jobName: job.jobName ?? '',
    status: job.status ?? '?',
    ...(job.statusReason ? { statusReason: job.statusReason } : {}),
    output,
    ...more,
  };
}

/** A job's name and id, then its lines, indented (stdout: they are the job's output). */
function printLines(ctx: Context, job: JobDetail, lines: string[]): void {
  const c = ctx.io.color();
  ctx.io.out(`${c.bold(job.jobName ?? '')} ${c.dim(job.jobId ?? '')}\n${lines.map((l) => `  ${l}\n`).join('')}`);
}

/** Like printLines, for lines read by the logs code: several streams get `batchctl logs`' [index] labels. */
function printLogLines(ctx: Context, job: JobDetail, lines: LogLine[]): void {
  const c = ctx.io.color();
  const colours = new ColourPicker();
  const labels = new Set(lines.map((l) => l.source.jobId)).size > 1;
  // Child by child, in index order (children run side by side: time order would shuffle them).
  lines = [...lines].sort((a, b) => (a.source.index ?? 0) - (b.source.index ?? 0) || a.timestamp - b.timestamp);
  const style = { format: 'short' as const, timestamps: false, labels, showJob: false };
  const text = lines.map((l) => `  ${formatLine(l, style, { label: (s) => c[colours.pick(colourKey(l.source))](s), dim: c.dim })}`);
  ctx.io.out(`${c.bold(job.jobName ?? '')} ${c.dim(job.jobId ?? '')}\n${text.join('') || `  ${c.dim('(no output)')}\n`}`);
}

function summaryText(s: DemoSummary, m: RunMeasure, helloIsNew: boolean, c: Palette): string {
  const paint = (status: string, padded: string) => (status === 'SUCCEEDED' ? c.green(padded) : status === 'FAILED' ? c.red(padded) : c.yellow(padded));
  const rows = s.jobs.map((j) => {
    const note = j.children
      ? `${j.children.filter((ch) => ch.status === 'SUCCEEDED').length}/${j.children.length} children succeeded`
      : j.fromEarlierRun
        ? 'from an earlier run'
        : j.dependsOn
          ? `after ${s.jobs.find((x) => x.jobId === j.dependsOn![0])?.jobName ?? j.dependsOn[0]}`
          : '';
    return { name: j.jobName, status: j.status, id: j.jobId, note };
  });
  const w = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map((r) => `  ${r.name.padEnd(w)}  ${paint(r.status, r.status.padEnd(9))}  ${c.dim(r.id)}${r.note ? `  ${r.note}` : ''}`);
  const over = helloIsNew ? 'all three jobs' : `${DEMO.arrayJob} and ${DEMO.dependentJob}`;
  lines.push(
    '',
    `  ${'simulated time'.padEnd(w)}  ${formatDuration(m.makespanMs)} ${c.dim(`from the first submit to the last job's end (${over})`)}`,
    `  ${'vCPU-seconds'.padEnd(w)}  ${m.vcpuSeconds} ${c.dim('of containers running (Fargate bills per vCPU-second)')}`,
    `  ${'wall time'.padEnd(w)}  ${formatDuration(s.wallMs)} ${c.dim('(the simulated clock was moved forward)')}`,
  );
  return lines.join('\n') + '\n';
}
