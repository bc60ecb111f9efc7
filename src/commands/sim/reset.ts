/**
 * `batchctl sim reset`: deletes the simulator's state (every resource, job and log) and starts a
 * fresh world. A mutation like any other: confirmed on a terminal, `--yes` in scripts, `--dry-run`
 * says what would go. It also works when the store cannot be opened (a corrupt file, one from a
 * newer batchctl), which is when the simulator's own error message sends people here.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { toBatchctlError } from '../../errors.js';
import { confirmChange } from '../shared/plan-runner.js';
import { formatCounts } from './view.js';

/** The store's file name under BATCHCTL_HOME (the simulator's choice; SQLite adds -wal and -shm). */
export const STORE_FILE = 'sim.db';

export function simResetCommand(ctx: Context): Command {
  return new Command('reset')
    .description("Delete the simulator's state (all resources, jobs and logs) and start a fresh world")
    .addHelpText('after', '\nExamples:\n  $ batchctl sim reset --dry-run   # what would be deleted\n  $ batchctl sim reset --yes')
    .action(() => runSimReset(ctx));
}

export async function runSimReset(ctx: Context): Promise<void> {
  let sim;
  try {
    sim = await ctx.sim();
  } catch (err) {
    if (ctx.config.backend !== 'sim') throw err;
    return resetUnreadableStore(ctx, err);
  }
  const before = sim.control.status();
  const summary = formatCounts(before.counts);
  if (ctx.config.dryRun) {
    await ctx.print({
      data: { dryRun: true, world: sim.label, path: before.path, wouldDelete: before.counts },
      human: (c) => `Would delete the simulator's state in ${before.path} (${summary}) and start a fresh world.\n${c.dim('dry run: nothing was changed')}\n`,
    });
    return;
  }
  await confirmChange(ctx, {
    what: "delete the simulator's state",
    show: () => ctx.io.err(`This deletes the simulator's state in ${before.path} (${summary}) and starts a fresh world.\n`),
    question: "Delete the simulator's state?",
    defaultYes: false,
  });
  sim.control.reset();
  await ctx.print({
    data: { reset: true, world: sim.label, path: before.path, deleted: before.counts },
    human: () => `Deleted the simulator's state in ${before.path} (${summary}); the world is fresh.\n`,
  });
}

/** The store would not open: delete its files (after the same confirmation) and open a new one. */
async function resetUnreadableStore(ctx: Context, openError: unknown): Promise<void> {
  const path = join(ctx.config.home, STORE_FILE);
  const files = [path, `${path}-wal`, `${path}-shm`].filter((f) => existsSync(f));
  if (files.length === 0) throw openError; // nothing of ours to delete: the failure is elsewhere
  const why = toBatchctlError(openError).message;
  if (ctx.config.dryRun) {
    await ctx.print({
      data: { dryRun: true, world: 'sim', path, wouldDelete: files, reason: why },
      human: (c) => `Would delete the simulator's store ${path}, which cannot be opened (${why}), and start a fresh world.\n${c.dim('dry run: nothing was changed')}\n`,
    });
    return;
  }
  await confirmChange(ctx, {
    what: "delete the simulator's store",
    show: () => ctx.io.err(`The simulator's store cannot be opened: ${why}\nThis deletes ${files.join(', ')} and starts a fresh world.\n`),
    question: "Delete the simulator's store?",
    defaultYes: false,
  });
  for (const f of files) rmSync(f, { force: true });
  const sim = await ctx.sim();
  await ctx.print({
    data: { reset: true, world: sim.label, path, deleted: files },
    human: () => `Deleted the simulator's store ${path}, which could not be opened; the world is fresh.\n`,
  });
}
