/** `batchctl sim`: the simulator's clock, speed and state. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { simAdvanceCommand } from './advance.js';
import { simEksCommand } from './eks.js';
import { simFaultsCommand } from './faults.js';
import { simResetCommand } from './reset.js';
import { simRunCommand } from './run.js';
import { simScenarioCommand } from './scenario.js';
import { simSpeedCommand } from './speed.js';
import { simStatusCommand } from './status.js';

export default function simCommand(ctx: Context): Command {
  return new Command('sim')
    .description("The simulator: status, advance its clock, change its speed, reset, scenarios, EKS clusters")
    .addCommand(simStatusCommand(ctx))
    .addCommand(simAdvanceCommand(ctx))
    .addCommand(simSpeedCommand(ctx))
    .addCommand(simResetCommand(ctx))
    .addCommand(simScenarioCommand(ctx))
    .addCommand(simRunCommand(ctx))
    .addCommand(simFaultsCommand(ctx))
    .addCommand(simEksCommand(ctx));
}
