/** `batchctl config path`: where the config file is (BATCHCTL_CONFIG, XDG_CONFIG_HOME or ~/.config). */
import { Command } from 'commander';
import { configPath } from '../../config.js';
import type { Context } from '../../context.js';

export function configPathCommand(ctx: Context): Command {
  return new Command('path')
    .description('Print the path of the config file (it need not exist yet)')
    .action(() => runConfigPath(ctx));
}

export async function runConfigPath(ctx: Context): Promise<void> {
  const path = configPath(ctx.env);
  await ctx.print({ data: { path }, human: () => path + '\n' });
}
