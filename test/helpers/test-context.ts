/**
 * A Context for tests (gh's iostreams.Test()): string buffers for stdout/stderr, every TTY flag off
 * unless asked, a scripted prompter, and an in-memory simulator on a manual clock.
 */
import { createContext, type Context } from '../../src/context.js';
import { run } from '../../src/cli.js';
import { testStreams } from '../../src/io/iostreams.js';
import { scriptedPrompter } from '../../src/io/prompter.js';
import { ManualClock, openSimBackend, type SimBackend } from '../../src/backend/sim/index.js';

export interface TestContext {
  ctx: Context;
  stdout(): string;
  stderr(): string;
  clock: ManualClock;
  /** The simulator behind ctx.backend() (opened on first use). */
  sim(): Promise<SimBackend>;
  /** Runs batchctl argv in this context; resolves to the exit code. Output accumulates in stdout()/stderr(). */
  run(...argv: string[]): Promise<number>;
  /** Moves the simulated clock. */
  advance(ms: number): void;
}

export interface TestContextOptions {
  tty?: boolean;
  columns?: number;
  /** Colour on stdout and stderr (off by default, as on a pipe). */
  color?: boolean;
  answers?: Array<string | boolean>;
  env?: NodeJS.ProcessEnv;
  /** Start of simulated time (epoch ms). */
  start?: number;
}

export function createTestContext(opts: TestContextOptions = {}): TestContext {
  const streams = testStreams({ tty: opts.tty, columns: opts.columns, color: opts.color });
  const clock = new ManualClock(opts.start ?? Date.UTC(2026, 0, 15, 9, 0, 0));
  let simPromise: Promise<SimBackend> | undefined;
  const openSim = () => (simPromise ??= openSimBackend({ path: ':memory:', clock, region: 'us-east-1', seed: 42 }));
  const env: NodeJS.ProcessEnv = { HOME: '/nonexistent-home', BATCHCTL_CONFIG: '/nonexistent/config.json', ...opts.env };
  const ctx = createContext({
    io: streams.io,
    env,
    prompter: scriptedPrompter(opts.answers ?? []),
    backendFactory: async () => openSim(),
    now: () => clock.now(),
  });
  // The simulator outlives single commands in a test: closing the context must not close it.
  const keepOpen: Context = Object.create(ctx, { close: { value: async () => undefined } });
  return {
    ctx: keepOpen,
    stdout: streams.stdout,
    stderr: streams.stderr,
    clock,
    sim: openSim,
    run: (...argv) => run(argv, keepOpen),
    advance: (ms) => clock.advance(ms),
  };
}
