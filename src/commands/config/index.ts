/** `batchctl config`: the settings in the config file (flags > environment > file > defaults). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { configGetCommand } from './get.js';
import { configListCommand } from './list.js';
import { configPathCommand } from './path.js';
import { configSetCommand } from './set.js';
import { configUnsetCommand } from './unset.js';

export default function configCommand(ctx: Context): Command {
  return new Command('config')
    .description('Read and write settings in the config file')
    .addCommand(configGetCommand(ctx))
    .addCommand(configSetCommand(ctx))
    .addCommand(configUnsetCommand(ctx))
    .addCommand(configListCommand(ctx))
    .addCommand(configPathCommand(ctx));
}
