/**
 * `batchctl top`: the full-screen dashboard (src/tui). This file loads no Ink or React: the action
 * checks the terminal, then imports the dashboard.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { enterInk } from '../../packages.js';

export interface TopFlags {
  refresh: number;
  readonly?: boolean;
  queue?: string;
}

function parseRefresh(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError('the refresh interval is at least 1 second');
  return n;
}

export default function topCommand(ctx: Context): Command {
  return new Command('top')
    .description('A full-screen dashboard: queues, jobs, logs and compute environments, live')
    .option('--refresh <seconds>', 'seconds between refreshes (at least 1)', parseRefresh, 2)
    .option('--readonly', 'hide every key that changes something (cancel, terminate, enable, disable)')
    .option('--queue <name>', 'start in the jobs view of this queue')
    .addHelpText(
      'after',
      `
Keys: arrows or j/k move, enter opens, esc goes back, : commands (:queues :jobs [queue] :ce :logs ID :q),
/ filters (a regex; ! inverts), 1-7 toggle job states, s sorts, l logs, d describe, c cancel,
t terminate, e/x enable/disable a queue, r refresh, ? help, q quit. See docs/top.md.
Needs a terminal; in scripts use \`batchctl job list --watch\`.
Examples:
  $ batchctl top
  $ batchctl top --queue demo-queue --refresh 5
  $ batchctl --backend aws --region eu-west-1 top --readonly`,
    )
    .action(async (flags: TopFlags) => runTopCommand(ctx, flags));
}

export async function runTopCommand(ctx: Context, flags: TopFlags): Promise<void> {
  if (!ctx.io.isStdoutTTY() || !ctx.io.isStdinTTY()) {
    throw new UsageError('batchctl top needs a terminal (stdin and stdout must be a TTY)', 'in scripts and pipes, watch jobs with `batchctl job list --queue QUEUE --watch`');
  }
  const { runTop } = await enterInk(() => import('../../tui/run.js'));
  await runTop(ctx, { refresh: flags.refresh, readonly: Boolean(flags.readonly), queue: flags.queue });
}
