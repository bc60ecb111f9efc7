/**
 * `batchctl sim faults set|show|clear`: opt-in, seeded faults in the simulated world (throttling,
 * Spot reclaims, image-pull failures, capacity shortages). Like `sim speed`, this changes only the
 * local simulator, so it asks for no confirmation.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { FaultSettings } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import type { View } from '../../output/printer.js';

function rate(value: string): number {
  const n = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a rate between 0 and 1 (or a percentage, e.g. 20%)');
  return n;
}

const LABELS: Array<[keyof FaultSettings, string, string]> = [
  ['throttleRate', 'throttle', 'Batch API calls answered TooManyRequestsException (429)'],
  ['spotReclaimRate', 'spot reclaim', 'Spot instances reclaimed while running (their attempts fail: Host EC2 … terminated.)'],
  ['pullFailureRate', 'pull failure', 'attempts failing in STARTING with CannotPullContainerError'],
  ['capacityShortageRate', 'capacity shortage', 'instance types EC2 cannot supply, per 10-minute window (CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY)'],
];

export function faultsView(f: FaultSettings): View {
  return {
    data: f,
    human: (c: Palette) =>
      LABELS.map(([k, label, what]) => `${c.bold(label.padEnd(18))} ${f[k] > 0 ? `${Math.round(f[k] * 1000) / 10}%` : c.dim('off')}  ${c.dim(what)}`).join('\n') + '\n',
  };
}

interface SetOptions {
  throttleRate?: number;
  spotReclaimRate?: number;
  pullFailureRate?: number;
  capacityShortageRate?: number;
}

export function simFaultsCommand(ctx: Context): Command {
  const set = new Command('set')
    .description('Turn faults on (rates between 0 and 1; 0 turns one off; the others stay as they are)')
    .option('--throttle-rate <rate>', 'share of Batch API calls throttled', rate)
    .option('--spot-reclaim-rate <rate>', 'share of Spot instances reclaimed', rate)
    .option('--pull-failure-rate <rate>', 'share of attempts whose image pull fails', rate)
    .option('--capacity-shortage-rate <rate>', 'share of instance types short of capacity', rate)
    .addHelpText('after', '\nExample:\n  $ batchctl sim faults set --throttle-rate 0.2 --pull-failure-rate 0.05')
    .action(async (opts: SetOptions) => {
      if (Object.values(opts).every((v) => v === undefined)) throw new UsageError('name at least one fault: --throttle-rate, --spot-reclaim-rate, --pull-failure-rate or --capacity-shortage-rate');
      const sim = await ctx.sim();
      await ctx.print(faultsView(sim.control.setFaults(opts)));
    });
  return new Command('faults')
    .description('Opt-in, seeded faults in the simulated world: set, show, clear')
    .addCommand(set)
    .addCommand(
      new Command('show').description('Show the fault settings').action(async () => {
        const sim = await ctx.sim();
        await ctx.print(faultsView(sim.control.faults()));
      }),
    )
    .addCommand(
      new Command('clear').description('Turn every fault off').action(async () => {
        const sim = await ctx.sim();
        await ctx.print(faultsView(sim.control.clearFaults()));
      }),
    );
}
