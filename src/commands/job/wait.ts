/**
 * `batchctl job wait ID…` (or `--queue` + selector): polls DescribeJobs with a budget-aware backoff
 * (domain/jobs/wait.ts) until every job is terminal. Exit 0 when all SUCCEEDED, 1 when any FAILED
 * (naming it and its reason), 8 when --timeout passes first, 3 for an unknown id. State changes go
 * to stderr as they are seen; `-o json` prints DescribeJobs' `{jobs}` at the end.
 */
import { Command } from 'commander';
import type { JobDetail } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { FailureError, NotFoundError, PendingError, UsageError } from '../../errors.js';
import { ACTIVE_STATUSES } from '../../domain/jobs/selector.js';
import { waitForJobs } from '../../domain/jobs/wait.js';
import { changeLine, failureReason, formatDuration, jobLabel } from '../../render/job.js';
import { parseDuration } from '../shared/flags.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { addSelectorOptions, hasSelector, scopesFrom, selectJobs, selectorFrom, wallClockSleep, type SelectorFlags, type Sleeper } from './shared.js';

export interface JobWaitOptions extends SelectorFlags {
  ids: string[];
  /** --timeout in ms. */
  timeout?: number;
  /** Tests inject a sleeper that moves a manual clock, the matching clock and a fixed jitter. */
  sleep?: Sleeper;
  now?: () => number;
  random?: () => number;
}

export function jobWaitCommand(ctx: Context, runF: (ctx: Context, opts: JobWaitOptions) => Promise<void> = runJobWait): Command {
  const cmd = new Command('wait')
    .description('Wait until jobs finish: exit 0 if all SUCCEEDED, 1 if any FAILED, 8 on --timeout')
    .argument('[id...]', 'job ids (or select jobs with --queue and the filters below)')
    .option('--timeout <duration>', 'give up after this long, exit 8: 90s, 10m, 2h', parseDuration);
  addSelectorOptions(cmd, { statusHelp: 'only jobs in this status (default: every active status)' });
  return cmd
    .addHelpText(
      'after',
      `
Polls DescribeJobs (100 jobs per call, only jobs not finished yet), starting every 2 s and slowing
to every 30 s, with jitter; a large wait slows further to stay near 5 Batch calls/s. Each change
is printed on stderr. With a selector, the jobs that are active when the wait starts are waited for.
Exit codes: 0 all SUCCEEDED, 1 any FAILED, 3 unknown id, 8 still active at --timeout.
Examples:
  $ batchctl job wait 3f1c…                     # one job
  $ batchctl job wait --queue work --timeout 1h # everything active in a queue
  $ batchctl job wait $(batchctl job submit --queue work --definition hello --yes --quiet)`,
    )
    .action(async (ids: string[], flags: SelectorFlags & { timeout?: number }) => {
      await runF(ctx, { ...flags, ids });
    });
}

export async function runJobWait(ctx: Context, opts: JobWaitOptions): Promise<void> {
  if (opts.ids.length && hasSelector(opts)) throw new UsageError('give job ids or selector flags (--queue …), not both');
  if (!opts.ids.length && !hasSelector(opts)) throw new UsageError('which jobs? give job ids, or --queue (and filters)', 'e.g. batchctl job wait --queue work');
  const backend = await ctx.backend();
  let ids = opts.ids;
  if (!ids.length) {
    const now = ctx.now();
    const { scopes } = await scopesFrom(backend, opts, { allQueues: false, verb: 'wait' });
    const listed = await selectJobs(backend, scopes, selectorFrom(opts, now, ACTIVE_STATUSES));
    ids = listed.jobs.map((j) => j.jobId!);
    if (!ids.length) {
      ctx.io.err(`${ctx.io.color().dim('·')} nothing to wait for: no active job matches ${ctx.io.color().dim(`[${backend.label}]`)}\n`);
      if (wantsMachineOutput(ctx)) await ctx.print({ data: { jobs: [] } });
      return;
    }
    ctx.io.err(`waiting for ${ids.length} job${ids.length === 1 ? '' : 's'} ${ctx.io.color().dim(`[${backend.label}]`)}\n`);
  }
  await waitAndReport(ctx, backend, ids, opts);
}

export interface WaitReportOptions {
  timeout?: number;
  sleep?: Sleeper;
  now?: () => number;
  random?: () => number;
  /** No progress lines (`job submit --quiet --wait`). */
  quiet?: boolean;
}

/** Waits for `ids`, printing changes; throws the error that carries the documented exit code. */
export async function waitAndReport(ctx: Context, backend: Backend, ids: string[], opts: WaitReportOptions): Promise<JobDetail[]> {
  const c = ctx.io.color();
  const now = opts.now ?? Date.now;
  const started = now();
  const result = await waitForJobs(backend.batch, ids, {
    sleep: opts.sleep ?? wallClockSleep,
    now,
    random: opts.random,
    timeoutMs: opts.timeout,
    onChange: (change) => {
      if (!opts.quiet) ctx.io.err(changeLine(change, c));
    },
  });
  if (result.missing.length) {
    const what = result.missing.length === 1 ? `job ${result.missing[0]}` : `jobs ${result.missing.join(', ')}`;
    throw new NotFoundError(`${what} not found [${backend.label}]`, 'DescribeJobs knows jobs for about 7 days after they finish; check the id with `batchctl job list`');
  }
  if (wantsMachineOutput(ctx)) await ctx.print({ data: { jobs: result.jobs } });
  if (result.pending.length) {
    const list = result.pending.map((j) => `${jobLabel(j)} ${j.status}`).join(', ');
    throw new PendingError(
      `still active after ${formatDuration(now() - started)}: ${list}`,
      `\`batchctl job wait ${result.pending.length === 1 ? result.pending[0]!.jobId : '…'}\` waits again; --timeout sets how long`,
    );
  }
  const failed = result.jobs.filter((j) => j.status === 'FAILED');
  if (failed.length === 1) throw new FailureError(`job ${jobLabel(failed[0]!)} FAILED: ${failureReason(failed[0]!)}`, `\`batchctl job describe ${failed[0]!.jobId}\` shows its attempts`);
  if (failed.length > 1) {
    throw new FailureError(`${failed.length} of ${result.jobs.length} jobs FAILED:\n${failed.map((j) => `  - ${jobLabel(j)}: ${failureReason(j)}`).join('\n')}`);
  }
  if (!opts.quiet && result.jobs.length > 1) ctx.io.err(`${c.green('✓')} all ${result.jobs.length} jobs SUCCEEDED\n`);
  return result.jobs;
}
