/**
 * `batchctl config set <key> <value>`. No confirmation: it edits a local file and changes no AWS
 * (or simulator) state, and `config unset` undoes it.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { checkSetting, configPath, readConfigFile, writeConfigFile, type SettingName } from '../../config.js';
import type { Context } from '../../context.js';
import { keyArgument, settingsHelp } from './shared.js';

export interface ConfigSetOptions {
  key: SettingName;
  value: string;
}

export function configSetCommand(ctx: Context): Command {
  return new Command('set')
    .description('Save a setting in the config file (a local change: no confirmation)')
    .addArgument(keyArgument())
    .argument('<value>', 'the new value')
    .addHelpText('after', `${settingsHelp()}\n\nExample:\n  $ batchctl config set output json`)
    .action((key: SettingName, value: string) => runConfigSet(ctx, { key, value }));
}

export async function runConfigSet(ctx: Context, opts: ConfigSetOptions): Promise<void> {
  const path = configPath(ctx.env);
  let value = checkSetting(opts.key, opts.value, `config set ${opts.key}`);
  // A relative home would move with the working directory; store where it points now.
  if (opts.key === 'home') value = resolve(value);
  const file = readConfigFile(path);
  file[opts.key] = value;
  writeConfigFile(path, file);
  await ctx.print({ data: { key: opts.key, value, path }, human: (c) => `${c.green('✓')} ${opts.key} = ${value} ${c.dim(`(${path})`)}\n` });
}
