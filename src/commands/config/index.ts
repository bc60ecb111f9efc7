/** `batchctl config`: the settings in the config file (flags > environment > file > defaults). */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { nounCommand } from '../shared/noun.js';
import { configGetCommand } from './get.js';
import { configListCommand } from './list.js';
import { configPathCommand } from './path.js';
import { configSetCommand } from './set.js';
import { configUnsetCommand } from './unset.js';

export default function configCommand(ctx: Context, verb?: string): Command {
  return nounCommand(
    'config',
    'Read and write settings in the config file',
    [
      { name: 'get', build: () => configGetCommand(ctx) },
      { name: 'set', build: () => configSetCommand(ctx) },
      { name: 'unset', build: () => configUnsetCommand(ctx) },
      { name: 'list', aliases: ['ls'], build: () => configListCommand(ctx) },
      { name: 'path', build: () => configPathCommand(ctx) },
    ],
    verb,
  );
}

