/** `batchctl sim`: the simulator's clock, speed and state. */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { simAdvanceCommand } from './advance.js';
import { simEksCommand } from './eks.js';
import { simFaultsCommand } from './faults.js';
import { simResetCommand } from './reset.js';
import { simRunCommand } from './run.js';
import { simScenarioCommand } from './scenario.js';
import { simSpeedCommand } from './speed.js';
import { simStatusCommand } from './status.js';

export default function simCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'sim',
    "The simulator: status, advance its clock, change its speed, reset, scenarios, EKS clusters",
    [
      { name: 'status', build: () => simStatusCommand(ctx) },
      { name: 'advance', build: () => simAdvanceCommand(ctx) },
      { name: 'speed', build: () => simSpeedCommand(ctx) },
      { name: 'reset', build: () => simResetCommand(ctx) },
      { name: 'scenario', build: () => simScenarioCommand(ctx) },
      { name: 'run', build: () => simRunCommand(ctx) },
      { name: 'faults', build: () => simFaultsCommand(ctx) },
      { name: 'eks', build: () => simEksCommand(ctx) },
    ],
    verb,
  );
}

