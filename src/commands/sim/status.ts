/** `batchctl sim status`: simulated time, speed, store, world and resource counts. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { simStatusView } from './view.js';

export function simStatusCommand(ctx: Context): Command {
  return new Command('status')
    .description("Show the simulator's clock, speed, store file and resource counts")
    .action(() => runSimStatus(ctx));
}

export async function runSimStatus(ctx: Context): Promise<void> {
  const sim = await ctx.sim();
  await ctx.print(simStatusView(sim.control.status(), ctx.now()));
}
