/**
 * Runs the built CLI (`node bin/batchctl.js`, which needs `npm run build`) as a user would, in a
 * sandbox: a temporary BATCHCTL_HOME and config file, HOME pointing into the sandbox, NO_COLOR, no
 * AWS or BATCHCTL variables from the developer's shell, and stdin/stdout/stderr on pipes (no TTY).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'batchctl.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment for this run only. */
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Node options before the script (e.g. `--import` a tracer). */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export interface Sandbox {
  dir: string;
  /** BATCHCTL_HOME: the simulator's store lives here. */
  home: string;
  /** BATCHCTL_CONFIG: the config file (absent until something writes it). */
  config: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], opts?: RunOptions): Promise<CliResult>;
  /** Runs with `-o json`, expects exit 0, and parses stdout. */
  json(args: string[], opts?: RunOptions): Promise<any>;
  cleanup(): void;
}

/** Fails early and clearly when dist/ is missing (vitest runs TS; the e2e tests run the build). */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'main.cjs'))) {
    throw new Error('dist/main.cjs is missing: the end-to-end tests run the built CLI; run `npm run build` (npm test does)');
  }
}

export function sandbox(extraEnv: NodeJS.ProcessEnv = {}): Sandbox {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'batchctl-e2e-'));
  const home = join(dir, 'state');
  mkdirSync(home);
  const config = join(dir, 'config', 'config.json');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    TMPDIR: process.env.TMPDIR,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    BATCHCTL_HOME: home,
    BATCHCTL_CONFIG: config,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return {
    dir,
    home,
    config,
    env,
    run: (args, opts = {}) => runCli(args, { ...opts, env: { ...env, ...opts.env } }),
    json: async (args, opts = {}) => {
      const r = await runCli([...args, '-o', 'json'], { ...opts, env: { ...env, ...opts.env } });
      if (r.code !== 0) throw new Error(`batchctl ${args.join(' ')} -o json exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Spawns the CLI with exactly `opts.env` as its environment. */
export function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { env: opts.env ?? {}, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`batchctl ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 20_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 20_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
