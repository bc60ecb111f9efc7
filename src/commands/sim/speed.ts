/** `batchctl sim speed <n>`: how many times faster than the wall clock simulated time runs (persisted). */
import { Command, InvalidArgumentError } from 'commander';
import type { Context } from '../../context.js';
import { checkSetting } from '../../config.js';
import { UsageError } from '../../errors.js';
import { simStatusView } from './view.js';

export interface SimSpeedOptions {
  speed: number;
}

/** The same rule as the `sim-speed` setting: a number in (0, 100000]. */
export function parseSpeed(value: string): number {
  try {
    return Number(checkSetting('sim-speed', value.replace(/x$/i, ''), 'speed'));
  } catch (err) {
    if (err instanceof UsageError) throw new InvalidArgumentError('must be a number greater than 0 and at most 100000 (1 = real time)');
    throw err;
  }
}

export function simSpeedCommand(ctx: Context): Command {
  return new Command('speed')
    .description('Make simulated time run N times faster than the wall clock (1 = real time; kept in the store)')
    .argument('<n>', 'speed factor, e.g. 1, 60 or 0.5', parseSpeed)
    .addHelpText('after', '\nExample:\n  $ batchctl sim speed 60      # a simulated minute per second')
    .action((speed: number) => runSimSpeed(ctx, { speed }));
}

export async function runSimSpeed(ctx: Context, opts: SimSpeedOptions): Promise<void> {
  const sim = await ctx.sim();
  const status = sim.control.setSpeed(opts.speed);
  await ctx.print(simStatusView(status, ctx.now()));
}
