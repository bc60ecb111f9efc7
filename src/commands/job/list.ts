/**
 * `batchctl job list`: jobs of a queue (or of every queue, or an array's children) in every state
 * by default, newest first. ListJobs answers one status per call, so this lists per status (in
 * lifecycle order, paginated) and keeps each job's most advanced observation
 * (domain/jobs/list.ts). A one-line count per state follows on stderr when it is a terminal.
 *
 * `--watch` refreshes every --interval: on a terminal the table is redrawn in place (cursor up,
 * clear to the end); elsewhere the first listing is printed, then only the jobs that are new or
 * changed status, as rows (`-o json`: one compact `{"jobSummaryList":[…]}` line per refresh).
 * Ctrl-C stops it (exit 130, as for every interrupted command).
 */
import { Command, Option } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/iostreams.js';
import { describeJobsBatched, type ListedJobs } from '../../domain/jobs/list.js';
import { printView, type View } from '../../output/printer.js';
import { jobColumns, jobStatusCell, statusCountsLine, type JobRow } from '../../render/job.js';
import { palette } from '../../io/color.js';
import { parseDuration } from '../shared/flags.js';
import { wholeNumber } from '../shared/resource-options.js';
import { addSelectorOptions, scopesFrom, selectJobs, selectorFrom, wallClockSleep, worldNow, type SelectorFlags, type Sleeper } from './shared.js';

export const DEFAULT_LIST_LIMIT = 100;

export interface JobListOptions extends SelectorFlags {
  limit?: number;
  all?: boolean;
  watch?: boolean;
  /** --interval in ms (default 2 s). */
  interval?: number;
  /** Tests: the sleeper between refreshes, and how many refreshes to run. */
  sleep?: Sleeper;
  refreshes?: number;
}

export function jobListCommand(ctx: Context, runF: (ctx: Context, opts: JobListOptions) => Promise<void> = runJobList): Command {
  const cmd = new Command('list').description('List jobs in every state (newest first), with a count per state');
  addSelectorOptions(cmd, { statusHelp: 'only this status (default: all seven)', since: true, multiNode: true });
  return cmd
    .option('-L, --limit <n>', `the newest N jobs (default ${DEFAULT_LIST_LIMIT})`, wholeNumber(1))
    .option('-A, --all', 'every matching job (no limit; exact counts)')
    .option('-w, --watch', 'refresh until Ctrl-C: in place on a terminal, changes only otherwise')
    .addOption(new Option('--interval <duration>', 'with --watch: time between refreshes (default 2s, at least 1s)').argParser(parseDuration))
    .addHelpText(
      'after',
      `
Without --queue, every queue is listed. ListJobs answers one status per call, so batchctl makes one
paginated call per status (in lifecycle order) and keeps each job's most advanced state: a job that
moves on during the listing appears once. Filters are matched by batchctl, so they combine freely.
Columns: ID NAME STATUS (array parents: finished/size) CREATED STARTED DURATION REASON;
-o wide adds QUEUE DEFINITION ATTEMPTS EXIT. Times are relative on a terminal, ISO 8601 otherwise.
Examples:
  $ batchctl job list --queue work
  $ batchctl job list --status RUNNABLE,RUNNING --name 'nightly-*' --since 2h
  $ batchctl job list --array-parent 3f1c… --status FAILED
  $ batchctl job list --multi-node-job 3f1c…
  $ batchctl job list --queue work --watch
  $ batchctl job list --queue work -o json --query 'jobSummaryList[].jobId'`,
    )
    .action(async (flags: JobListOptions) => {
      await runF(ctx, flags);
    });
}

export async function runJobList(ctx: Context, opts: JobListOptions): Promise<void> {
  if (opts.all && opts.limit !== undefined) throw new UsageError('give --limit or --all, not both');
  if (opts.watch && (ctx.config.query !== undefined || ctx.config.output === 'yaml')) throw new UsageError('--watch prints table, wide, text or json output (not yaml or --query)');
  const interval = opts.interval ?? 2_000;
  if (opts.watch && interval < 1_000) throw new UsageError('--interval must be at least 1s');
  const backend = await ctx.backend();
  const selector = selectorFrom(opts, ctx.now());
  const { scopes, queues } = await scopesFrom(backend, opts, { allQueues: true, verb: 'list' });
  const limit = opts.all ? undefined : (opts.limit ?? DEFAULT_LIST_LIMIT);
  const wide = ctx.config.output === 'wide';

  const fetch = async (): Promise<{ listed: ListedJobs; rows: JobRow[] }> => {
    if (!scopes.length) return { listed: { jobs: [], counts: {}, truncated: false, calls: 0 }, rows: [] };
    const listed = await selectJobs(backend, scopes, { ...selector, limit });
    let rows: JobRow[] = listed.jobs;
    if (wide && rows.length) rows = await enrich(backend, rows);
    return { listed, rows };
  };

  if (!opts.watch) {
    const { listed, rows } = await fetch();
    await ctx.print(listView(rows, ctx, backend, queues.length === 0 && !opts.arrayParent && !opts.multiNodeJob));
    footer(ctx, listed, limit);
    return;
  }
  await watch(ctx, backend, fetch, { interval, limit, sleep: opts.sleep ?? wallClockSleep, refreshes: opts.refreshes });
}

function listView(rows: JobRow[], ctx: Context, backend: Backend, noQueues: boolean): View<JobRow> {
  const style = { relative: ctx.io.isStdoutTTY() && ['table', 'wide'].includes(ctx.config.output), now: worldNow(ctx, backend) };
  return {
    data: { jobSummaryList: rows.map(stripRow) },
    rows,
    columns: jobColumns(style),
    empty: noQueues ? `no job queues [${backend.label}]; create one with \`batchctl queue create\`` : `no jobs match [${backend.label}]`,
  };
}

/** The ListJobs summary without the fields wide output adds. */
function stripRow(row: JobRow): Record<string, unknown> {
  const { attempts: _a, jobQueue: _q, ...summary } = row;
  return summary;
}

/** `12 jobs: 2 RUNNABLE · …` on stderr, for people (terminal, table output) only. */
function footer(ctx: Context, listed: ListedJobs, limit: number | undefined): void {
  if (!ctx.io.isStderrTTY() || !['table', 'wide'].includes(ctx.config.output) || ctx.config.query !== undefined) return;
  ctx.io.err(footerText(ctx.io.color(), listed, limit));
}

function footerText(c: ReturnType<IOStreams['color']>, listed: ListedJobs, limit: number | undefined): string {
  const more = listed.truncated && limit !== undefined ? c.dim(` (showing the newest ${listed.jobs.length}; --limit N or --all for more)`) : '';
  return `${statusCountsLine(listed.counts, c)}${more}\n`;
}

/** -o wide: queue and attempts come from DescribeJobs (100 jobs per call). */
async function enrich(backend: Backend, rows: JobRow[]): Promise<JobRow[]> {
  const { jobs } = await describeJobsBatched(backend.batch, rows.map((r) => r.jobId!));
  const byId = new Map(jobs.map((j) => [j.jobId!, j]));
  return rows.map((r) => {
    const d = byId.get(r.jobId!);
    return d ? { ...r, jobQueue: d.jobQueue, attempts: d.attempts?.length ?? 0 } : r;
  });
}

interface WatchOptions {
  interval: number;
  limit: number | undefined;
  sleep: Sleeper;
  refreshes?: number;
}

async function watch(ctx: Context, backend: Backend, fetch: () => Promise<{ listed: ListedJobs; rows: JobRow[] }>, opts: WatchOptions): Promise<void> {
  const io = ctx.io;
  const redraw = io.isStdoutTTY() && ['table', 'wide'].includes(ctx.config.output);
  const seen = new Map<string, string>();
  let drawnLines = 0;
  for (let i = 0; opts.refreshes === undefined || i < opts.refreshes; i++) {
    if (i > 0) await opts.sleep(opts.interval);
    const { listed, rows } = await fetch();
    const view = listView(rows, ctx, backend, false);
    if (redraw) {
      let frame = '';
      const capture: IOStreams = { ...io, out: (s: string) => void (frame += s), err: () => undefined };
      await printView(capture, view, { format: ctx.config.output });
      if (!rows.length) frame += `${io.color().dim(view.empty ?? 'no jobs')}\n`;
      frame += footerText(io.color(), listed, opts.limit);
      frame += io.color().dim(`every ${Math.round(opts.interval / 1000)}s · Ctrl-C to stop`) + '\n';
      io.out((drawnLines ? `\x1b[${drawnLines}A\x1b[0J` : '') + frame);
      drawnLines = frame.split('\n').length - 1;
      continue;
    }
    const plain = palette(false);
    const changed = rows.filter((r) => {
      const key = jobStatusCell(r, plain);
      const before = seen.get(r.jobId!);
      seen.set(r.jobId!, key);
      return before !== key;
    });
    if (i > 0 && !changed.length) continue;
    if (ctx.config.output === 'json') {
      io.out(JSON.stringify({ jobSummaryList: changed.map(stripRow) }) + '\n');
      continue;
    }
    let out = '';
    const capture: IOStreams = { ...io, out: (s: string) => void (out += s) };
    await printView(capture, { ...view, rows: changed, empty: undefined }, { format: ctx.config.output });
    // After the first listing, rows only (the header was printed once).
    io.out(i > 0 && ctx.config.output !== 'text' ? out.slice(out.indexOf('\n') + 1) : out);
  }
}
