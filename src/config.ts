/**
 * Configuration: flags > environment > config file > defaults. The config file is JSON at
 * `$BATCHCTL_CONFIG`, else `$XDG_CONFIG_HOME/batchctl/config.json`, else `~/.config/batchctl/config.json`.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';

export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const BACKENDS = ['sim', 'aws'] as const;
export type BackendKind = (typeof BACKENDS)[number];

/** Every setting a user can put in the config file, with its environment variable and meaning. */
export const SETTINGS = {
  backend: { env: 'BATCHCTL_BACKEND', help: 'sim (the offline simulator, default) or aws' },
  region: { env: 'AWS_REGION', help: 'AWS region (also AWS_DEFAULT_REGION); default us-east-1' },
  profile: { env: 'AWS_PROFILE', help: 'AWS shared-config profile' },
  'endpoint-url': { env: 'BATCHCTL_ENDPOINT_URL', help: 'send AWS calls to this endpoint (e.g. a local moto server); also AWS_ENDPOINT_URL' },
  output: { env: 'BATCHCTL_OUTPUT', help: `default output format: ${OUTPUT_FORMATS.join('|')}` },
  home: { env: 'BATCHCTL_HOME', help: "the simulator's state directory" },
  'sim-speed': { env: 'BATCHCTL_SIM_SPEED', help: 'how many times faster than the wall clock simulated time runs' },
  color: { env: '', help: 'true or false: colour on terminals (NO_COLOR and --no-color also turn it off)' },
} as const;
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
    throw new UsageError(`the config file ${path} is not valid JSON: ${(err as Error).message}`, 'fix or delete the file; `batchctl config list` shows what it holds');
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

/** Resolves the effective configuration: flags > environment > config file > defaults. */
export function resolveConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv, file: ConfigFile): ResolvedConfig {
  const pick = (name: SettingName, flag: string | undefined, ...envNames: string[]): string | undefined => {
    if (flag !== undefined) return checkSetting(name, flag, `--${name}`);
    for (const e of envNames) {
      const v = env[e];
      if (v !== undefined && v !== '') return checkSetting(name, v, e);
    }
    const f = file[name];
    if (f !== undefined) return checkSetting(name, f, `config file setting ${name}`);
    return undefined;
  };
  const output = pick('output', flags.output, 'BATCHCTL_OUTPUT');
  const colorSetting = pick('color', undefined);
  const speed = pick('sim-speed', flags.simSpeed, 'BATCHCTL_SIM_SPEED');
  return {
    backend: (pick('backend', flags.backend, 'BATCHCTL_BACKEND') ?? 'sim') as BackendKind,
    region: pick('region', flags.region, 'AWS_REGION', 'AWS_DEFAULT_REGION') ?? 'us-east-1',
    profile: pick('profile', flags.profile, 'AWS_PROFILE'),
    endpointUrl: pick('endpoint-url', flags.endpointUrl, 'BATCHCTL_ENDPOINT_URL', 'AWS_ENDPOINT_URL'),
    output: (output ?? 'table') as OutputFormat,
    outputExplicit: flags.output !== undefined,
    query: flags.query,
    color: flags.color !== false && !('NO_COLOR' in env) && colorSetting !== 'false',
    debug: Boolean(flags.debug),
    home: pick('home', flags.home, 'BATCHCTL_HOME') ?? defaultHome(env),
    yes: Boolean(flags.yes),
    dryRun: Boolean(flags.dryRun),
    simSpeed: speed !== undefined ? Number(speed) : undefined,
  };
}
