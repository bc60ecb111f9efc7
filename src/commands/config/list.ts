/** `batchctl config list`: every setting, its effective value and where that value comes from. */
import { Command } from 'commander';
import { SETTINGS, configPath, readConfigFile } from '../../config.js';
import type { Context } from '../../context.js';
import type { Column } from '../../output/printer.js';
import { settingRows, settingsHelp, type SettingRow } from './shared.js';

export function configListCommand(ctx: Context): Command {
  return new Command('list')
    .description('Show every setting with its effective value and its source (flag, env, file, default)')
    .addHelpText('after', settingsHelp())
    .action((_opts, command: Command) => runConfigList(ctx, command));
}

const COLUMNS: Column<SettingRow>[] = [
  { header: 'key', cell: (r) => r.key },
  { header: 'value', cell: (r, c) => (r.value === null ? c.dim('-') : r.value) },
  { header: 'source', cell: (r, c) => (r.source === 'default' ? c.dim('default') : r.source === 'file' ? 'file' : `${r.source} ${c.dim(`(${r.origin})`)}`) },
  { header: 'description', cell: (r) => SETTINGS[r.key].help, wide: true },
];

export async function runConfigList(ctx: Context, command: Command): Promise<void> {
  const path = configPath(ctx.env);
  const rows = settingRows(ctx, command, path, readConfigFile(path));
  await ctx.print({ data: rows, rows, columns: COLUMNS });
}
