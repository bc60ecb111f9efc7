/**
 * What the job verbs share: the selector flags (--queue, --status, --name, --definition,
 * --since/--after, --before, --array-parent, and for `job list` --multi-node-job), turning them into ListJobs scopes and a JobSelector,
 * the world's current instant, and the sleeper that polling commands use (tests inject one).
 */
import { Command, Option } from 'commander';
import type { JobStatus } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { SimBackend } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseStatuses, parseTimePoint, type JobSelector } from '../../domain/jobs/selector.js';
import { listJobsInScopes, type ListQuery, type ListScope, type ListedJobs } from '../../domain/jobs/list.js';
import { collect } from '../shared/flags.js';
import { describeJobQueues } from '../shared/resolve.js';

/** The selector flags as commander parses them (raw strings; checked in `selectorFrom`). */
export interface SelectorFlags {
  queue?: string;
  status?: string[];
  name?: string;
  definition?: string;
  since?: string;
  after?: string;
  before?: string;
  arrayParent?: string;
  multiNodeJob?: string;
}

/** Adds the selector flags to a command. `what` completes "jobs to …" in the help. */
export function addSelectorOptions(cmd: Command, opts: { statusHelp: string; since?: boolean; multiNode?: boolean }): Command {
  cmd
    .option('-q, --queue <queue>', 'job queue name or ARN')
    .addOption(new Option('-s, --status <status>', `${opts.statusHelp} (repeatable, or comma-separated)`).argParser(collect))
    .option('--name <glob>', 'job name glob, * and ? (case-insensitive)')
    .option('--definition <jobdef>', 'job definition: name (any revision), name:rev or ARN')
    .option('--after <time>', 'created at or after: a duration ago (10m, 2h, 1d) or an ISO date');
  if (opts.since) cmd.option('--since <time>', 'same as --after');
  cmd
    .option('--before <time>', 'created before: a duration ago (10m, 2h, 1d) or an ISO date')
    .option('--array-parent <id>', "an array job's id: select its children");
  // Only where acting on nodes makes sense: a node's cancel/terminate acts on its whole job.
  if (opts.multiNode) cmd.option('--multi-node-job <id>', "a multi-node parallel job's id: select its nodes (id#N)");
  return cmd;
}

/** Whether any selector flag was given. */
export function hasSelector(f: SelectorFlags): boolean {
  return [f.queue, f.status, f.name, f.definition, f.since, f.after, f.before, f.arrayParent, f.multiNodeJob].some((v) => v !== undefined);
}

/** The selector of the flags; bad statuses or times are usage errors naming the flag. */
export function selectorFrom(f: SelectorFlags, now: number, defaultStatuses?: JobStatus[]): JobSelector {
  const sel: JobSelector = {};
  if (f.status?.length) {
    try {
      sel.statuses = parseStatuses(f.status);
    } catch (err) {
      throw new UsageError(`--status: ${(err as Error).message}`);
    }
  } else if (defaultStatuses) sel.statuses = defaultStatuses;
  if (f.name !== undefined) sel.name = f.name;
  if (f.definition !== undefined) sel.definition = f.definition;
  const time = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    try {
      return parseTimePoint(v, now);
    } catch (err) {
      throw new UsageError(`${flag}: ${(err as Error).message}`);
    }
  };
  if (f.since !== undefined && f.after !== undefined) throw new UsageError('--since and --after mean the same: give one');
  sel.createdAfter = time(f.since !== undefined ? '--since' : '--after', f.since ?? f.after);
  sel.createdBefore = time('--before', f.before);
  if (sel.createdAfter === undefined) delete sel.createdAfter;
  if (sel.createdBefore === undefined) delete sel.createdBefore;
  return sel;
}

/** The ListJobs scopes of the flags: the array's children, one queue, or (when allowed) every queue. */
export async function scopesFrom(backend: Backend, f: SelectorFlags, opts: { allQueues: boolean; verb: string }): Promise<{ scopes: ListScope[]; queues: string[] }> {
  const given = [f.queue !== undefined && '--queue', f.arrayParent !== undefined && '--array-parent', f.multiNodeJob !== undefined && '--multi-node-job'].filter(Boolean);
  if (given.length > 1) {
    throw new UsageError(`give one of --queue, --array-parent or --multi-node-job (got ${given.join(' and ')})`, 'ListJobs lists one queue, the children of one array job or the nodes of one multi-node job');
  }
  if (f.arrayParent !== undefined) return { scopes: [{ arrayJobId: f.arrayParent }], queues: [] };
  if (f.multiNodeJob !== undefined) return { scopes: [{ multiNodeJobId: f.multiNodeJob }], queues: [] };
  if (f.queue !== undefined) return { scopes: [{ jobQueue: f.queue }], queues: [f.queue] };
  if (!opts.allQueues) {
    throw new UsageError(`${opts.verb} by selector needs --queue or --array-parent`, `e.g. batchctl job ${opts.verb} --queue work --status RUNNABLE`);
  }
  const queues = (await describeJobQueues(backend)).map((q) => q.jobQueueName!).filter(Boolean);
  return { scopes: queues.map((jobQueue) => ({ jobQueue })), queues };
}

/** Lists the jobs a selector picks (every status unless the selector narrows it). */
export async function selectJobs(backend: Backend, scopes: ListScope[], query: ListQuery): Promise<ListedJobs> {
  return listJobsInScopes(backend.batch, scopes, query);
}

/**
 * The world's current instant, for "3m ago" and running durations: the simulator's clock (which
 * `sim advance` and --sim-speed move away from the wall clock), or the wall clock on AWS.
 */
export function worldNow(ctx: Context, backend: Backend): number {
  const sim = backend as Partial<SimBackend>;
  if (backend.kind === 'sim' && sim.control) return sim.control.now();
  return ctx.now();
}

/** Waits `ms` of wall-clock time (the simulator's clock follows the wall clock). */
export type Sleeper = (ms: number) => Promise<void>;

export const wallClockSleep: Sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `--limit`: a whole number >= 1. */
export function parseLimit(raw: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new UsageError(`--limit: "${raw}" must be a whole number >= 1`);
  return Number(raw);
}
