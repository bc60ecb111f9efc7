/**
 * `batchctl job cancel|terminate|stop ID…` (or by selector): one plan step per job, shown before
 * anything changes (--dry-run stops there; confirmation or --yes), then a report of what each job
 * became, read back with DescribeJobs (`isCancelled` / `isTerminated` / status).
 *
 * - cancel: CancelJob. Fails SUBMITTED and RUNNABLE jobs; a PENDING job only once its
 *   dependencies finish; does nothing to STARTING/RUNNING jobs (the API still succeeds), which
 *   batchctl warns about.
 * - terminate: TerminateJob. Also stops STARTING/RUNNING jobs.
 * - stop: per job, cancel before STARTING and terminate from STARTING on.
 * By selector, `cancel` picks SUBMITTED/PENDING/RUNNABLE jobs and the others every active job,
 * unless --status says otherwise; finished jobs are skipped.
 */
import { Command } from 'commander';
import type { JobDetail, JobStatus, JobSummary } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { MAX_STOP_REASON_LENGTH, stopEffect } from '../../domain/jobs/cancel.js';
import { describeJobsBatched } from '../../domain/jobs/list.js';
import { ACTIVE_STATUSES, CANCELLABLE_STATUSES } from '../../domain/jobs/selector.js';
import { isJobStatus, isTerminal } from '../../domain/jobs/status.js';
import type { Plan, PlanStep } from '../../domain/plan.js';
import { colorStatus } from '../../render/status.js';
import { jobLabel } from '../../render/job.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { applyPlan } from '../shared/plan-runner.js';
import { addSelectorOptions, hasSelector, scopesFrom, selectJobs, selectorFrom, type SelectorFlags } from './shared.js';

export type StopVerb = 'cancel' | 'terminate' | 'stop';

export interface JobStopOptions extends SelectorFlags {
  verb: StopVerb;
  ids: string[];
  reason?: string;
}

/** What each verb says by default as the `reason` AWS records. */
export const DEFAULT_REASONS: Record<StopVerb, string> = {
  cancel: 'Cancelled by batchctl',
  terminate: 'Terminated by batchctl',
  stop: 'Stopped by batchctl',
};

const EARLY: ReadonlySet<string> = new Set(['SUBMITTED', 'PENDING', 'RUNNABLE']);

const DESCRIPTIONS: Record<StopVerb, string> = {
  cancel: 'Cancel jobs that have not started (SUBMITTED, PENDING, RUNNABLE)',
  terminate: 'Terminate jobs, running ones included',
  stop: 'Cancel or terminate each job, whichever its state needs',
};

export function jobStopCommand(ctx: Context, verb: StopVerb, runF: (ctx: Context, opts: JobStopOptions) => Promise<void> = runJobStop): Command {
  const cmd = new Command(verb).description(DESCRIPTIONS[verb]).argument('[id...]', 'job ids (or select jobs with --queue and the filters below)');
  cmd.option('--reason <text>', `why (recorded as the job's statusReason; default "${DEFAULT_REASONS[verb]}")`);
  addSelectorOptions(cmd, { statusHelp: verb === 'cancel' ? 'only this status (default: SUBMITTED, PENDING, RUNNABLE)' : 'only this status (default: every active status)' });
  const notes: Record<StopVerb, string> = {
    cancel: `CancelJob fails SUBMITTED and RUNNABLE jobs at once and a PENDING job once its dependencies
finish. It does nothing to STARTING or RUNNING jobs (the API still succeeds): use terminate or stop.`,
    terminate: 'TerminateJob stops STARTING and RUNNING jobs (their container is killed) and cancels the others.',
    stop: 'Cancels jobs that have not started and terminates the ones that have (STARTING, RUNNING).',
  };
  return cmd
    .addHelpText(
      'after',
      `
${notes[verb]}
Cancelling or terminating an array job acts on all its children. Shows the jobs first; asks, or
--yes; --dry-run shows them and changes nothing. Afterwards each job is described again to report
what changed.
Examples:
  $ batchctl job ${verb} 3f1c… --reason "wrong input" --yes
  $ batchctl job ${verb} --queue work --name 'nightly-*' --dry-run
  $ batchctl job ${verb} --array-parent 3f1c… --status RUNNABLE --yes`,
    )
    .action(async (ids: string[], flags: SelectorFlags & { reason?: string }) => {
      await runF(ctx, { ...flags, ids, verb });
    });
}

/** A job about to be acted on: what ListJobs or DescribeJobs said about it. */
type Target = Pick<JobSummary, 'jobId' | 'jobName' | 'status' | 'arrayProperties'>;

export async function runJobStop(ctx: Context, opts: JobStopOptions): Promise<void> {
  const { verb } = opts;
  const reason = opts.reason ?? DEFAULT_REASONS[verb];
  if (!reason.trim()) throw new UsageError('--reason must not be empty');
  if (reason.length > MAX_STOP_REASON_LENGTH) throw new UsageError(`--reason is ${reason.length} characters; AWS takes at most ${MAX_STOP_REASON_LENGTH}`);
  if (opts.ids.length && hasSelector(opts)) throw new UsageError('give job ids or selector flags (--queue …), not both');
  if (!opts.ids.length && !hasSelector(opts)) throw new UsageError(`which jobs? give job ids, or --queue (and filters)`, `e.g. batchctl job ${verb} --queue work --status RUNNABLE --dry-run`);
  const backend = await ctx.backend();
  const c = ctx.io.color();

  let found: Target[];
  if (opts.ids.length) {
    const { jobs, missing } = await describeJobsBatched(backend.batch, opts.ids);
    if (missing.length) {
      throw new NotFoundError(`${missing.length === 1 ? `job ${missing[0]}` : `jobs ${missing.join(', ')}`} not found [${backend.label}]`, 'nothing was changed');
    }
    found = jobs;
  } else {
    const { scopes } = await scopesFrom(backend, opts, { allQueues: false, verb });
    found = (await selectJobs(backend, scopes, selectorFrom(opts, ctx.now(), verb === 'cancel' ? CANCELLABLE_STATUSES : ACTIVE_STATUSES))).jobs;
  }
  const finished = found.filter((j) => isJobStatus(j.status) && isTerminal(j.status));
  const targets = found.filter((j) => !finished.includes(j));
  for (const j of finished) ctx.io.err(`${c.dim('·')} ${jobLabel(j)} is already ${colorStatus(j.status, c)}: skipped\n`);
  if (!targets.length) {
    ctx.io.err(`${c.dim('·')} nothing to ${verb}: no active job ${opts.ids.length ? 'among those given' : 'matches'} ${c.dim(`[${backend.label}]`)}\n`);
    if (wantsMachineOutput(ctx) && !ctx.config.dryRun) await ctx.print({ data: { results: [] } });
    return;
  }
  warn(ctx, verb, targets);

  const steps: PlanStep[] = targets.map((j) => {
    const op = operationFor(verb, j.status as JobStatus);
    const request = op === 'CancelJob' ? 'cancel' : 'terminate';
    return {
      service: 'batch',
      operation: op,
      input: { jobId: j.jobId, reason },
      title: `${request} job ${jobLabel(j)} [${j.status}]`,
      reason: effectText(j, request),
    };
  });
  const plan: Plan = { title: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${targets.length} job${targets.length === 1 ? '' : 's'}`, steps };
  const n = targets.length;
  const result = await applyPlan(ctx, plan, { question: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${n === 1 ? 'this job' : `these ${n} jobs`}?` });
  if (!result.applied) return;

  // What each job became: AWS answers {} whatever happened, so ask again.
  const after = new Map((await describeJobsBatched(backend.batch, targets.map((t) => t.jobId!))).jobs.map((j) => [j.jobId!, j]));
  const results = targets.map((t, i) => {
    const now = after.get(t.jobId!);
    const changed = Boolean(now && (now.status !== t.status || now.isCancelled || now.isTerminated));
    return { jobId: t.jobId, jobName: t.jobName, action: steps[i]!.operation, statusBefore: t.status, status: now?.status, isCancelled: now?.isCancelled ?? false, isTerminated: now?.isTerminated ?? false, changed };
  });
  if (wantsMachineOutput(ctx)) await ctx.print({ data: { results } });
  for (const [i, r] of results.entries()) ctx.io.err(reportLine(targets[i]!, after.get(r.jobId!), r.action, c));
  const done = results.filter((r) => r.status === 'FAILED').length;
  ctx.io.err(`${done === n ? c.green('✓') : c.yellow('!')} ${done} of ${n} job${n === 1 ? '' : 's'} stopped ${c.dim(`[${backend.label}]`)}\n`);
}

/** The operation for one job: cancel, terminate, or (stop) whichever its status needs. */
export function operationFor(verb: StopVerb, status: JobStatus): 'CancelJob' | 'TerminateJob' {
  if (verb === 'cancel') return 'CancelJob';
  if (verb === 'terminate') return 'TerminateJob';
  return EARLY.has(status) ? 'CancelJob' : 'TerminateJob';
}

function effectText(j: Target, request: 'cancel' | 'terminate'): string {
  const status = j.status as JobStatus;
  const children = j.arrayProperties?.size !== undefined && j.arrayProperties.index === undefined ? `, with its ${j.arrayProperties.size} children` : '';
  switch (stopEffect(status, request)) {
    case 'FAIL_NOW':
      return `${status} -> FAILED${children}`;
    case 'FAIL_WHEN_DEPENDENCIES_SETTLE':
      return `PENDING -> FAILED once its dependencies finish${children}`;
    case 'KILL':
      return `${status}: its container is stopped -> FAILED`;
    default:
      return `${status}: CancelJob has no effect once a job is STARTING or RUNNING (the API still succeeds)`;
  }
}

function warn(ctx: Context, verb: StopVerb, targets: Target[]): void {
  const c = ctx.io.color();
  const list = (js: Target[]) => js.slice(0, 5).map(jobLabel).join(', ') + (js.length > 5 ? ` and ${js.length - 5} more` : '');
  if (verb === 'cancel') {
    const started = targets.filter((j) => j.status === 'STARTING' || j.status === 'RUNNING');
    if (started.length) ctx.io.err(`${c.yellow('warning:')} cancel does nothing to jobs already STARTING or RUNNING (${list(started)}); use \`batchctl job terminate\` or \`job stop\`\n`);
  }
  const pending = targets.filter((j) => j.status === 'PENDING' && operationFor(verb, 'PENDING') === 'CancelJob' && j.arrayProperties?.size === undefined);
  if (pending.length) ctx.io.err(`${c.dim('note:')} a PENDING job is cancelled only once its dependencies finish (${list(pending)})\n`);
  const arrays = targets.filter((j) => j.arrayProperties?.size !== undefined && j.arrayProperties.index === undefined);
  if (arrays.length) ctx.io.err(`${c.dim('note:')} stopping an array job stops all its children (${list(arrays)})\n`);
}

function reportLine(before: Target, after: JobDetail | undefined, action: string, c: ReturnType<Context['io']['color']>): string {
  const label = jobLabel(before);
  if (!after) return `${c.yellow('?')} ${label}: no longer returned by DescribeJobs\n`;
  const flag = after.isTerminated ? 'terminated' : after.isCancelled ? 'cancelled' : '';
  if (after.status === 'FAILED') return `${c.green('✓')} ${label}: ${colorStatus('FAILED', c)}${flag ? ` (${flag})` : ''}\n`;
  if (after.status === 'SUCCEEDED') return `${c.dim('·')} ${label}: finished first (${colorStatus('SUCCEEDED', c)})\n`;
  if (action === 'CancelJob' && (after.status === 'STARTING' || after.status === 'RUNNING')) {
    return `${c.yellow('·')} ${label}: still ${after.status}: cancel has no effect once a job started; \`batchctl job terminate ${after.jobId}\`\n`;
  }
  if (after.status === 'PENDING') return `${c.dim('…')} ${label}: PENDING${flag ? ` (${flag})` : ''}: takes effect once its dependencies finish\n`;
  return `${c.dim('…')} ${label}: ${after.status}${flag ? ` (${flag})` : ''}: stopping\n`;
}
