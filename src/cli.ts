/**
 * Runs batchctl over a Context: parses argv, runs the command, and maps every error to an exit
 * code (printed the way people read it). main.ts calls this; tests call it with a test Context.
 */
import { CommanderError } from 'commander';
import type { Context } from './context.js';
import { BatchctlError, ExitCode, SilentError, toBatchctlError } from './errors.js';
import { buildProgram } from './program.js';

/** Runs batchctl with argv (without node and the script) and resolves to the exit code. */
export async function run(argv: string[], ctx: Context): Promise<number> {
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.OK;
  } catch (err) {
    return report(ctx, err);
  } finally {
    await ctx.close().catch(() => undefined);
  }
}

/** Prints an error the way people read it (message, hint; the stack only with --debug). */
export function report(ctx: Context, err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message; help and version are successes.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.OK;
    if (err.code === 'commander.executeSubCommandAsync') return ExitCode.OK;
    return ExitCode.USAGE;
  }
  if (err instanceof SilentError) return err.exitCode;
  let debug = false;
  try {
    debug = ctx.config.debug;
  } catch {
    debug = process.argv.includes('--debug');
  }
  let endpoint: string | undefined;
  try {
    endpoint = ctx.config.endpointUrl;
  } catch {
    endpoint = undefined;
  }
  const e: BatchctlError = toBatchctlError(err, { endpoint });
  const c = ctx.io.color();
  ctx.io.err(`${c.red('error:')} ${e.message}\n`);
  if (e.hint) ctx.io.err(`${c.dim('hint:')} ${e.hint}\n`);
  if (debug && err instanceof Error && err.stack) ctx.io.err(c.dim(err.stack) + '\n');
  else if (!(err instanceof BatchctlError) && e.exitCode === ExitCode.FAILURE && !(err as { $metadata?: unknown })?.$metadata) {
    ctx.io.err(c.dim('run again with --debug for details') + '\n');
  }
  return e.exitCode;
}

