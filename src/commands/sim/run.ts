/**
 * `batchctl sim run --until-idle [--max DURATION]`: fast-forwards simulated time until nothing is
 * left to run and reports how the workload played out — a dry run that predicts makespan, cost in
 * vCPU-hours, queueing and failures before anything runs on AWS.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { RunSummary } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import type { View } from '../../output/printer.js';
import { parseDuration } from '../shared/flags.js';
import { formatDuration } from './view.js';

export interface SimRunOptions {
  untilIdle?: boolean;
  max?: number;
}

function maxDuration(value: string): number {
  const ms = parseDuration(value);
  if (!(ms > 0)) throw new InvalidArgumentError(`"${value}" must be longer than zero`);
  return ms;
}

export function simRunCommand(ctx: Context): Command {
  return new Command('run')
    .description('Fast-forward simulated time until every job has finished, and summarise the run')
    .option('--until-idle', 'run until no job is left to run (required: the only mode so far)')
    .addOption(new Option('--max <duration>', 'stop after this much simulated time (default 30d)').argParser(maxDuration))
    .addHelpText('after', '\nExamples:\n  $ batchctl sim run --until-idle\n  $ batchctl sim run --until-idle --max 12h -o json')
    .action((opts: SimRunOptions) => runSimRun(ctx, opts));
}

export async function runSimRun(ctx: Context, opts: SimRunOptions): Promise<void> {
  if (!opts.untilIdle) throw new UsageError('say how far to run: --until-idle (optionally with --max DURATION)');
  const sim = await ctx.sim();
  const summary = sim.control.runUntilIdle({ maxMs: opts.max });
  await ctx.print(simRunView(summary));
}

const OUTCOME: Record<RunSummary['outcome'], string> = {
  IDLE: 'every job finished',
  MAX_REACHED: 'stopped at --max with jobs still to run',
  STUCK: 'stopped: the jobs left can never run (see below)',
};

export function simRunView(s: RunSummary): View {
  return {
    data: s,
    human: (c: Palette) => {
      const out: string[] = [];
      const row = (k: string, v: string) => out.push(`${c.bold(k.padEnd(12))} ${v}`);
      row('outcome', OUTCOME[s.outcome]);
      row('simulated', `${new Date(s.startedAt).toISOString()} -> ${new Date(s.endedAt).toISOString()}`);
      row('jobs', `${s.jobs.total} (${s.jobs.succeeded} succeeded, ${s.jobs.failed} failed${s.jobs.unfinished ? `, ${s.jobs.unfinished} unfinished` : ''})`);
      row('makespan', s.jobs.total ? formatDuration(s.makespanMs) : '-');
      if (s.wait.count) {
        row('wait', `p50 ${formatDuration(s.wait.p50Ms)}, p90 ${formatDuration(s.wait.p90Ms)}, max ${formatDuration(s.wait.maxMs)} ${c.dim('(submit -> STARTING)')}`);
      }
      if (s.computeEnvironments.length) {
        out.push('', c.bold('vCPU-hours by compute environment'));
        for (const ce of s.computeEnvironments) out.push(`  ${ce.name.padEnd(28)} jobs ${ce.jobVcpuHours.toFixed(2).padStart(10)}   instances ${ce.instanceVcpuHours.toFixed(2).padStart(10)}`);
      }
      if (s.wait.slowest.length) {
        out.push('', c.bold('slowest to start'));
        for (const w of s.wait.slowest) out.push(`  ${w.jobId}  ${w.jobName}  ${formatDuration(w.waitMs)}`);
      }
      if (s.failures.length) {
        out.push('', c.bold('failures'));
        for (const f of s.failures) out.push(`  ${String(f.count).padStart(6)}  ${f.statusReason} ${c.dim(`(e.g. ${f.jobIds.slice(0, 3).join(', ')})`)}`);
      }
      if (s.unfinished.length) {
        out.push('', c.bold('unfinished'));
        for (const u of s.unfinished) out.push(`  ${u.jobId}  ${u.jobName}  ${u.status}${u.statusReason ? ` - ${u.statusReason}` : ''}`);
      }
      return out.join('\n') + '\n';
    },
  };
}
