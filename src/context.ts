/**
 * The Context handed to every command (gh's Factory): streams, prompter, resolved configuration,
 * and a lazy backend. Only this file reaches backend/aws or backend/sim, always through
 * `await import()`, so a command loads the SDK or the SQLite driver only when it calls the backend.
 */
import type { Backend } from './backend/port.js';
import type { SimBackend, SimOptions } from './backend/sim/index.js';
import { configPath, readConfigFile, resolveConfig, type GlobalFlags, type ResolvedConfig } from './config.js';
import { UsageError } from './errors.js';
import type { IOStreams } from './io/iostreams.js';
import type { Prompter } from './io/prompter.js';
import { printView, type View } from './output/printer.js';

export type BackendFactory = (config: ResolvedConfig, ctx: Context) => Promise<Backend>;

export interface Context {
  readonly io: IOStreams;
  readonly env: NodeJS.ProcessEnv;
  readonly prompter: Prompter;
  /** The effective configuration; set by `configure()` before any command runs. */
  readonly config: ResolvedConfig;
  configure(flags: GlobalFlags): void;
  /** The backend for this run, created on first use and reused. */
  backend(): Promise<Backend>;
  /** The simulator's controls (`sim` commands); a UsageError when the backend is AWS. */
  sim(): Promise<SimBackend>;
  /** Prints a result in the chosen `-o` format, applying `--query`. */
  print<T>(view: View<T>): Promise<void>;
  /** One `--debug` line on stderr. */
  debug(line: string): void;
  /** The wall clock, for "3 minutes ago" in tables. */
  now(): number;
  close(): Promise<void>;
}

export interface ContextOptions {
  io: IOStreams;
  env?: NodeJS.ProcessEnv;
  prompter: Prompter;
  /** Tests inject a backend (an in-memory simulator on a manual clock). */
  backendFactory?: BackendFactory;
  /** Tests pin the wall clock. */
  now?: () => number;
  /** The process exits right after close() (bin/batchctl.js): the simulator's store is left to the exit (SimOptions.untilExit). */
  exitsAfterClose?: boolean;
}

export function createContext(opts: ContextOptions): Context {
  const env = opts.env ?? process.env;
  let config: ResolvedConfig | undefined;
  let backendPromise: Promise<Backend> | undefined;
  const factory = opts.backendFactory ?? ((config, c) => defaultBackendFactory(config, c, opts.exitsAfterClose ?? false));

  const ctx: Context = {
    io: opts.io,
    env,
    prompter: opts.prompter,
    get config(): ResolvedConfig {
      if (!config) config = resolveConfig({}, env, readConfigFile(configPath(env)));
      return config;
    },
    configure(flags) {
      config = resolveConfig(flags, env, readConfigFile(configPath(env)));
      if (!config.color) opts.io.setColorEnabled(false);
    },
    backend() {
      backendPromise ??= factory(ctx.config, ctx);
      // A failed open (corrupt store, bad credentials) must not be cached as a rejected promise
      // that a long-running dashboard keeps re-raising: let the next call try again.
      backendPromise.catch(() => {
        backendPromise = undefined;
      });
      return backendPromise;
    },
    async sim() {
      const b = await ctx.backend();
      if (b.kind !== 'sim') {
        throw new UsageError('this command works on the simulator only, but the backend is aws', 'drop --backend aws (or BATCHCTL_BACKEND=aws) to use the simulator');
      }
      return b as SimBackend;
    },
    print(view) {
      return printView(opts.io, view, { format: ctx.config.output, query: ctx.config.query });
    },
    debug(line) {
      if (ctx.config.debug) opts.io.err(opts.io.color().dim(`[debug] ${line}`) + '\n');
    },
    now: opts.now ?? Date.now,
    async close() {
      if (backendPromise) {
        const b = await backendPromise.catch(() => undefined);
        await b?.close();
      }
    },
  };
  return ctx;
}

async function defaultBackendFactory(config: ResolvedConfig, ctx: Context, untilExit: boolean): Promise<Backend> {
  const debug = config.debug ? (line: string) => ctx.debug(line) : undefined;
  if (config.backend === 'aws') {
    const { createAwsBackend, profileRegion } = await import('./backend/aws/index.js');
    // The AWS CLI's order: flag > AWS_REGION > AWS_DEFAULT_REGION > the profile's region > default.
    const region = config.regionExplicit ? config.region : ((await profileRegion(config.profile)) ?? config.region);
    return createAwsBackend({ region, profile: config.profile, endpointUrl: config.endpointUrl, debug });
  }
  const { openSimBackend } = await import('./backend/sim/index.js');
  const options: SimOptions = { home: config.home, region: config.region, speed: config.simSpeed, debug, untilExit };
  return openSimBackend(options);
}
