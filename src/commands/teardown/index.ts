/** `batchctl teardown NAME`: deletes a stack that `setup` created. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { parseDuration } from '../shared/flags.js';
import { emitOption } from '../shared/plan-runner.js';
import { runTeardown, type TeardownOptions } from './run.js';

/** The noun's command (program.ts loads it); tests pass `runF` to teardownCommand. */
export default function (ctx: Context): Command {
  return teardownCommand(ctx);
}

export function teardownCommand(ctx: Context, runF: (ctx: Context, opts: TeardownOptions) => Promise<void> = runTeardown): Command {
  return new Command('teardown')
    .description('Delete what a setup created (tagged batchctl:stack=NAME), in dependency order')
    .argument('<name>', 'the stack name given to setup')
    .option('--roles', 'also delete the IAM roles and instance profiles the stack created (they may be shared)')
    .addOption(emitOption())
    .option('--timeout <duration>', 'how long to wait for each queue and compute environment to settle (default 10m / 15m)', (v: string) => parseDuration(v))
    .addHelpText(
      'after',
      `
Order: disable the job queue, wait, delete it; disable the compute environment, wait, delete it;
deregister the job definitions; with --roles, the roles (never the service-linked role).
Running it again after an interruption does only what is left.
Examples:
  $ batchctl teardown hello --dry-run
  $ batchctl teardown hello --yes
  $ batchctl teardown hello --roles --yes`,
    )
    .action((stack: string, flags: Omit<TeardownOptions, 'stack'>) => runF(ctx, { ...flags, stack }));
}
