/** `batchctl sim advance <duration>`: moves simulated time forward; the world catches up. */
import { Command, InvalidArgumentError } from 'commander';
import type { Context } from '../../context.js';
import { parseDuration } from '../shared/flags.js';
import { simStatusView } from './view.js';

export interface SimAdvanceOptions {
  ms: number;
}

/** A duration greater than zero (time only moves forward). */
export function positiveDuration(value: string): number {
  if (value.trim().startsWith('-')) throw new InvalidArgumentError(`"${value}" is negative: time only moves forward`);
  const ms = parseDuration(value);
  if (!(ms > 0)) throw new InvalidArgumentError(`"${value}" must be longer than zero (time only moves forward)`);
  return ms;
}

export function simAdvanceCommand(ctx: Context): Command {
  return new Command('advance')
    .description('Move simulated time forward (jobs run, instances scale, states change)')
    .argument('<duration>', 'how far: 90s, 10m, 1h30m, 2d, or seconds', positiveDuration)
    // So that `advance -5m` reaches the argument parser (and its message) instead of "unknown option".
    .allowUnknownOption()
    .addHelpText('after', '\nExample:\n  $ batchctl sim advance 10m')
    .action((ms: number) => runSimAdvance(ctx, { ms }));
}

export async function runSimAdvance(ctx: Context, opts: SimAdvanceOptions): Promise<void> {
  const sim = await ctx.sim();
  const status = sim.control.advance(opts.ms);
  await ctx.print(simStatusView(status, ctx.now()));
}
