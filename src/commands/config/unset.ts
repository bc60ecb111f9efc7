/** `batchctl config unset <key>`: removes a setting from the config file (its default applies again). */
import { Command } from 'commander';
import { configPath, readConfigFile, writeConfigFile, type SettingName } from '../../config.js';
import type { Context } from '../../context.js';
import { keyArgument } from './shared.js';

export interface ConfigUnsetOptions {
  key: SettingName;
}

export function configUnsetCommand(ctx: Context): Command {
  return new Command('unset')
    .description('Remove a setting from the config file')
    .addArgument(keyArgument())
    .action((key: SettingName) => runConfigUnset(ctx, { key }));
}

export async function runConfigUnset(ctx: Context, opts: ConfigUnsetOptions): Promise<void> {
  const path = configPath(ctx.env);
  const file = readConfigFile(path);
  const was = file[opts.key];
  if (was !== undefined) {
    delete file[opts.key];
    writeConfigFile(path, file);
  }
  await ctx.print({
    data: { key: opts.key, removed: was !== undefined, path },
    human: (c) => (was !== undefined ? `${c.green('✓')} removed ${opts.key} ${c.dim(`(${path})`)}\n` : `${opts.key} was not set in ${path}\n`),
  });
}
