/**
 * `batchctl logs JOB [JOB…]`: a job's CloudWatch Logs, found from the job itself (DescribeJobs
 * names each attempt's stream; the group is the definition's `awslogs-group` or /aws/batch/job).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Context } from '../../context.js';
import { LOG_FORMATS, type LogFormat } from '../../domain/logs/format.js';
import { parseSince } from '../../domain/logs/since.js';
import { SilentError } from '../../errors.js';
import { intIn } from '../shared/flags.js';
import { followJobLogs, type FollowOptions } from './follow.js';
import { LinePrinter, statusLine } from './printer.js';
import { readJobLogs } from './read.js';

export interface LogsOptions extends FollowOptions {
  jobIds: string[];
  follow?: boolean;
  /** --since as given, resolved against the simulated or real clock when the command runs. */
  sinceText?: string;
}

function sinceArg(value: string): string {
  if (parseSince(value, 0) === undefined) throw new InvalidArgumentError(`"${value}" is neither a duration (10m, 1h30m, 2d) nor an ISO date (2026-01-15T09:00:00Z)`);
  return value;
}

export function logsCommand(ctx: Context, runF: (ctx: Context, opts: LogsOptions) => Promise<void> = runLogs): Command {
  return new Command('logs')
    .description("Print or follow a job's CloudWatch logs (streams found from the job: attempts, array children, nodes, containers)")
    .argument('<job...>', 'job ids (array child id:N, node id#N)')
    .option('-f, --follow', 'follow until the jobs end (waits for the stream while the job is RUNNABLE or STARTING); exit 1 if one FAILED')
    .option('--attempt <n>', 'this attempt (1-based) instead of the latest', intIn(1, 10))
    .option('--index <n>', 'array jobs: this child', intIn(0, 9999))
    .option('--children', 'array jobs: every child, each line labelled [index]')
    .option('--node <n>', 'multi-node jobs: this node (default: every node, labelled #node)', intIn(0, 999))
    .option('--container <name>', 'ECS multi-container jobs: this container (default: all, labelled by name)')
    .option('--since <when>', 'only events since a duration ago (10m, 2h) or an ISO date', sinceArg)
    .option('--tail <n>', 'only the last N events (per stream with --follow)', intIn(0, 10000))
    .option('--timestamps', 'prefix each line with its event time (ISO 8601)')
    .addOption(new Option('--format <format>', 'short: the messages; json: one object per event (default with -o json)').choices(LOG_FORMATS))
    .addHelpText(
      'after',
      `
Exit status with --follow: 0 when every job SUCCEEDED, 1 when one FAILED (like \`job wait\`).
Examples:
  $ batchctl logs 4c7599ae-0a82-49aa-ba5a-4727fcce14a8
  $ batchctl logs -f 4c7599ae-0a82-49aa-ba5a-4727fcce14a8 --timestamps
  $ batchctl logs 4c7599ae-… --children --since 10m     # every array child, labelled [index]
  $ batchctl logs 4c7599ae-… --attempt 1 --tail 50       # the first attempt's last 50 lines
  $ batchctl logs 4c7599ae-… --format json | jq .message`,
    )
    .action(async (jobIds: string[], flags: Omit<LogsOptions, 'jobIds' | 'sinceText'> & { since?: string }) => {
      const { since, ...rest } = flags;
      await runF(ctx, { ...rest, jobIds, sinceText: since });
    });
}

export async function runLogs(ctx: Context, opts: LogsOptions): Promise<void> {
  const format: LogFormat = opts.format ?? (ctx.config.output === 'json' ? 'json' : 'short');
  const since = opts.sinceText !== undefined ? parseSince(opts.sinceText, ctx.now()) : opts.since;
  const options: FollowOptions = { ...opts, format, since };
  if (opts.follow) {
    const result = await followJobLogs(ctx, opts.jobIds, options);
    if (result.outcome !== 'SUCCEEDED') throw new SilentError(1);
    return;
  }
  const result = await readJobLogs(ctx, opts.jobIds, options);
  const fanIn = result.sources.length > 1 || opts.jobIds.length > 1 || result.leaves.length > 1;
  const printer = new LinePrinter(ctx, { format, timestamps: opts.timestamps ?? false, labels: fanIn, showJob: opts.jobIds.length > 1 });
  for (const line of result.lines) printer.print(line);
  for (const job of result.notStarted) {
    ctx.io.err(statusLine(ctx, job));
    const ended = job.status === 'SUCCEEDED' || job.status === 'FAILED';
    ctx.io.err(
      ctx.io.color().dim(
        ended
          ? `  no log stream: it ended without reaching RUNNING\n`
          : `  no log stream yet: streams appear when an attempt reaches RUNNING (batchctl logs -f ${job.jobId} waits for it)\n`,
      ),
    );
  }
}
