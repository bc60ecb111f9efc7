/**
 * Configuration: flags > environment > config file > defaults. The config file is JSON at
 * `$BATCHCTL_CONFIG`, else `$XDG_CONFIG_HOME/batchctl/config.json`, else `~/.config/batchctl/config.json`.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';

export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const BACKENDS = ['sim', 'aws'] as const;
export type BackendKind = (typeof BACKENDS)[number];

/**
 * Every setting a user can put in the config file: the environment variables that set it (the
 * first set one wins), its default (undefined: none, or decided elsewhere) and its meaning.
 */
export const SETTINGS = {
  backend: { env: ['BATCHCTL_BACKEND'], default: 'sim', help: 'sim (the offline simulator, default) or aws' },
  region: { env: ['AWS_REGION', 'AWS_DEFAULT_REGION'], default: 'us-east-1', help: 'AWS region (the simulator uses it too)' },
  profile: { env: ['AWS_PROFILE'], default: undefined, help: 'AWS shared-config profile' },
  'endpoint-url': { env: ['BATCHCTL_ENDPOINT_URL', 'AWS_ENDPOINT_URL'], default: undefined, help: 'send AWS calls to this endpoint (e.g. a local moto server)' },
  output: { env: ['BATCHCTL_OUTPUT'], default: 'table', help: `default output format: ${OUTPUT_FORMATS.join('|')}` },
  home: { env: ['BATCHCTL_HOME'], default: undefined, help: "the simulator's state directory (default $XDG_STATE_HOME/batchctl or ~/.local/state/batchctl)" },
  'sim-speed': { env: ['BATCHCTL_SIM_SPEED'], default: undefined, help: 'how many times faster than the wall clock simulated time runs (default: what the store last saved, else 1)' },
  color: { env: ['NO_COLOR'], default: 'true', help: 'true or false: colour on terminals (NO_COLOR and --no-color turn it off)' },
} as const satisfies Record<string, { env: readonly string[]; default: string | undefined; help: string }>;
export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

export type ConfigFile = Partial<Record<SettingName, string>>;

/** The flags that override configuration (commander's camelCase names). */
export interface GlobalFlags {
  backend?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  output?: string;
  query?: string;
  color?: boolean;
  debug?: boolean;
  home?: string;
  yes?: boolean;
  dryRun?: boolean;
  simSpeed?: string;
}

export interface ResolvedConfig {
  backend: BackendKind;
  region: string;
  /** False when the region is the built-in default (the AWS backend then asks the profile). */
  regionExplicit: boolean;
  profile?: string;
  endpointUrl?: string;
  output: OutputFormat;
  /** Whether -o was given explicitly (some commands pick a better default otherwise). */
  outputExplicit: boolean;
  query?: string;
  color: boolean;
  debug: boolean;
  home: string;
  yes: boolean;
  dryRun: boolean;
  simSpeed?: number;
}

export function configPath(env: NodeJS.ProcessEnv): string {
  if (env.BATCHCTL_CONFIG) return env.BATCHCTL_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'batchctl', 'config.json');
}

export function defaultHome(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'batchctl');
}

/** Reads the config file; a missing file is an empty config, a malformed one a UsageError. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`cannot read the config file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`the config file ${path} is not valid JSON: ${(err as Error).message}`, 'fix the file or delete it (docs/configuration.md lists the settings)');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`the config file ${path} must hold a JSON object`);
  }
  const out: ConfigFile = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(key in SETTINGS)) {
      throw new UsageError(`the config file ${path} has an unknown setting "${key}"`, `known settings: ${SETTING_NAMES.join(', ')}`);
    }
    out[key as SettingName] = String(value);
  }
  return out;
}

/**
 * Writes the config file atomically (a temporary file renamed over it, so a reader never sees half a
 * file), creating its directory. Keys are written in SETTINGS order.
 */
export function writeConfigFile(path: string, file: ConfigFile): void {
  const ordered: ConfigFile = {};
  for (const name of SETTING_NAMES) if (file[name] !== undefined) ordered[name] = file[name];
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(ordered, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Checks one setting's value; returns the normalised string or throws a UsageError naming it. */
export function checkSetting(name: SettingName, value: string, origin: string): string {
  switch (name) {
    case 'backend':
      if (!(BACKENDS as readonly string[]).includes(value)) throw new UsageError(`${origin}: backend must be one of ${BACKENDS.join(', ')}, not "${value}"`);
      return value;
    case 'output':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`${origin}: output must be one of ${OUTPUT_FORMATS.join(', ')}, not "${value}"`);
      return value;
    case 'sim-speed': {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0 || n > 100_000) throw new UsageError(`${origin}: sim-speed must be a number greater than 0 and at most 100000, not "${value}"`);
      return String(n);
    }
    case 'color':
      if (value !== 'true' && value !== 'false') throw new UsageError(`${origin}: color must be true or false, not "${value}"`);
      return value;
    case 'region':
      if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) throw new UsageError(`${origin}: region "${value}" is not an AWS region name (like us-east-1)`);
      return value;
    case 'endpoint-url':
      try {
        const u = new URL(value);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
      } catch {
        throw new UsageError(`${origin}: endpoint-url must be an http(s) URL, not "${value}"`);
      }
      return value;
    default:
      if (value === '') throw new UsageError(`${origin}: ${name} must not be empty`);
      return value;
  }
}

/** Where a setting's effective value came from. */
export type SettingSource = 'flag' | 'env' | 'file' | 'default';

export interface ResolvedSetting {
  /** The checked value; undefined when nothing sets it and it has no default. */
  value?: string;
  source: SettingSource;
  /** The flag or environment variable that set it (`--region`, `AWS_REGION`), or the file's path. */
  origin?: string;
}

/** The flags (commander's camelCase names) that override each setting. */
const SETTING_FLAGS: Record<SettingName, keyof GlobalFlags> = {
  backend: 'backend',
  region: 'region',
  profile: 'profile',
  'endpoint-url': 'endpointUrl',
  output: 'output',
  home: 'home',
  'sim-speed': 'simSpeed',
  color: 'color',
};

/** One setting: flags > environment > config file > default, each value checked with checkSetting. */
export function resolveSetting(name: SettingName, flags: GlobalFlags, env: NodeJS.ProcessEnv, file: ConfigFile, filePath = 'the config file'): ResolvedSetting {
  const flag = flags[SETTING_FLAGS[name]];
  if (name === 'color') {
    // --no-color and NO_COLOR (any value, per no-color.org) only ever turn colour off.
    if (flag === false) return { value: 'false', source: 'flag', origin: '--no-color' };
    if ('NO_COLOR' in env) return { value: 'false', source: 'env', origin: 'NO_COLOR' };
  } else {
    if (typeof flag === 'string') return { value: checkSetting(name, flag, `--${name}`), source: 'flag', origin: `--${name}` };
    for (const e of SETTINGS[name].env) {
      const v = env[e];
      if (v !== undefined && v !== '') return { value: checkSetting(name, v, e), source: 'env', origin: e };
    }
  }
  const f = file[name];
  if (f !== undefined) return { value: checkSetting(name, f, `config file setting ${name}`), source: 'file', origin: filePath };
  const fallback = name === 'home' ? defaultHome(env) : SETTINGS[name].default;
  return { value: fallback, source: 'default' };
}

/** Every setting with its effective value and where it came from (`batchctl config list`). */
export function explainConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv, file: ConfigFile, filePath?: string): Record<SettingName, ResolvedSetting> {
  return Object.fromEntries(SETTING_NAMES.map((n) => [n, resolveSetting(n, flags, env, file, filePath)])) as Record<SettingName, ResolvedSetting>;
}

/** Resolves the effective configuration: flags > environment > config file > defaults. */
export function resolveConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv, file: ConfigFile): ResolvedConfig {
  const s = explainConfig(flags, env, file);
  return {
    backend: s.backend.value as BackendKind,
    region: s.region.value!,
    regionExplicit: s.region.source !== 'default',
    profile: s.profile.value,
    endpointUrl: s['endpoint-url'].value,
    output: s.output.value as OutputFormat,
    outputExplicit: flags.output !== undefined,
    query: flags.query,
    color: s.color.value !== 'false',
    debug: Boolean(flags.debug),
    home: s.home.value!,
    yes: Boolean(flags.yes),
    dryRun: Boolean(flags.dryRun),
    simSpeed: s['sim-speed'].value !== undefined ? Number(s['sim-speed'].value) : undefined,
  };
}
