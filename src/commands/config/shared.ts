/** What the config verbs share: the setting-name argument and the sentence that lists the names. */
import { Argument, InvalidArgumentError, type Command } from 'commander';
import { SETTING_NAMES, SETTINGS, explainConfig, type ConfigFile, type GlobalFlags, type ResolvedSetting, type SettingName } from '../../config.js';
import type { Context } from '../../context.js';

/** The `<key>` argument: one of SETTING_NAMES (shown in help and completed by the shells). */
export function keyArgument(): Argument {
  return new Argument('<key>', 'setting name').choices(SETTING_NAMES).argParser((value: string) => {
    if (!(SETTING_NAMES as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`unknown setting; known settings: ${SETTING_NAMES.join(', ')}`);
    }
    return value;
  });
}

/** The text after the verbs' help: every setting and its environment variables. */
export function settingsHelp(): string {
  const width = Math.max(...SETTING_NAMES.map((n) => n.length));
  const lines = SETTING_NAMES.map((n) => `  ${n.padEnd(width)}  ${SETTINGS[n].help}${SETTINGS[n].env.length ? ` (env ${SETTINGS[n].env.join(', ')})` : ''}`);
  return `\nSettings:\n${lines.join('\n')}`;
}

/** One row of `config get`/`config list` output. */
export interface SettingRow {
  key: SettingName;
  value: string | null;
  source: ResolvedSetting['source'];
  origin: string | null;
}

/** Every setting's effective value and source, seen with the flags of this invocation. */
export function settingRows(ctx: Context, cmd: Command, path: string, file: ConfigFile): SettingRow[] {
  const flags = cmd.optsWithGlobals() as GlobalFlags;
  const explained = explainConfig(flags, ctx.env, file, path);
  return SETTING_NAMES.map((key) => ({ key, value: explained[key].value ?? null, source: explained[key].source, origin: explained[key].origin ?? null }));
}
