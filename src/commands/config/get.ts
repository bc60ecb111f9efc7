/** `batchctl config get <key>`: the value batchctl uses for a setting (flags > env > file > default). */
import { Command } from 'commander';
import { configPath, readConfigFile, type SettingName } from '../../config.js';
import type { Context } from '../../context.js';
import { keyArgument, settingRows, settingsHelp } from './shared.js';

export interface ConfigGetOptions {
  key: SettingName;
  command: Command;
}

export function configGetCommand(ctx: Context): Command {
  return new Command('get')
    .description('Print the value batchctl uses for a setting (empty when unset)')
    .addArgument(keyArgument())
    .addHelpText('after', settingsHelp())
    .action((key: SettingName, _opts, command: Command) => runConfigGet(ctx, { key, command }));
}

export async function runConfigGet(ctx: Context, opts: ConfigGetOptions): Promise<void> {
  const path = configPath(ctx.env);
  const row = settingRows(ctx, opts.command, path, readConfigFile(path)).find((r) => r.key === opts.key)!;
  await ctx.print({ data: row, human: () => (row.value ?? '') + '\n' });
}
