/**
 * Parsing a command's argv without running it: the run function is replaced by a spy, so a test
 * sees exactly the options commander handed over, or the usage error it printed.
 */
import type { Command } from 'commander';
import { expect } from 'vitest';
import type { Context } from '../../src/context.js';

const ctx = {} as Context;

export type Builder<O> = (ctx: Context, runF: (ctx: Context, opts: O) => Promise<void>) => Command;

/** Parses argv with the run function replaced by a spy; resolves to the options it got. */
export async function parse<O>(build: Builder<O>, args: string[]): Promise<O> {
  let got: O | undefined;
  const cmd = build(ctx, async (_ctx, opts) => {
    got = opts;
  });
  cmd.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  await cmd.parseAsync(args, { from: 'user' });
  if (!got) throw new Error('run function not called');
  return got;
}

/** Parses argv that commander must refuse; resolves to what it wrote on stderr. */
export async function parseError<O>(build: Builder<O>, args: string[]): Promise<string> {
  let message = '';
  const cmd = build(ctx, async () => undefined);
  cmd.exitOverride().configureOutput({ writeErr: (s) => (message += s), writeOut: () => undefined });
  await expect(cmd.parseAsync(args, { from: 'user' })).rejects.toThrow();
  return message;
}
