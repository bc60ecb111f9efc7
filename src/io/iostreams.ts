/**
 * IOStreams: the one object that knows the terminal (gh's iostreams). Data goes to `out`,
 * progress and diagnostics to `err`. Tests build one over string buffers with `testStreams()`.
 */
import { Readable } from 'node:stream';
import { palette, type Palette } from './color.js';

export interface Writable {
  write(chunk: string): unknown;
}

export interface IOStreams {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
  isStdinTTY(): boolean;
  isStdoutTTY(): boolean;
  isStderrTTY(): boolean;
  /** Prompts are possible only with stdin and stdout on a terminal (and BATCHCTL_NO_PROMPT unset). */
  canPrompt(): boolean;
  /** Terminal width for tables (80 when unknown). */
  columns(): number;
  /** Colour for stdout and stderr (decided by --no-color, NO_COLOR and TTY-ness). */
  color(): Palette;
  setColorEnabled(enabled: boolean): void;
  out(text: string): void;
  err(text: string): void;
}

export interface ProcessStreamsOptions {
  env?: NodeJS.ProcessEnv;
}

export function processStreams(opts: ProcessStreamsOptions = {}): IOStreams {
  const env = opts.env ?? process.env;
  // process.stdin/stdout/stderr are getters that build a stream the first time (stdin's costs most
  // of a start-up's budget), so each is touched only when a command reads, writes or asks about it.
  let stdinTTY: boolean | undefined;
  let stdoutTTY: boolean | undefined;
  let stderrTTY: boolean | undefined;
  const isStdinTTY = () => (stdinTTY ??= Boolean(process.stdin.isTTY));
  const isStdoutTTY = () => (stdoutTTY ??= Boolean(process.stdout.isTTY));
  const isStderrTTY = () => (stderrTTY ??= Boolean(process.stderr.isTTY));
  let colors: Palette | undefined;
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    isStdinTTY,
    isStdoutTTY,
    isStderrTTY,
    canPrompt: () => isStdinTTY() && isStdoutTTY() && !env.BATCHCTL_NO_PROMPT,
    columns: () => process.stdout.columns || Number(env.COLUMNS) || 80,
    color: () => (colors ??= palette(isStdoutTTY() && !('NO_COLOR' in env) && env.TERM !== 'dumb')),
    setColorEnabled: (enabled) => {
      colors = palette(enabled);
    },
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

export interface TestStreams {
  io: IOStreams;
  stdout(): string;
  stderr(): string;
  /** Queues lines that prompts will read, in order. */
  input: string[];
}

/** Streams over string buffers, every TTY flag off unless asked (gh's iostreams.Test()). */
export function testStreams(opts: { tty?: boolean; columns?: number; color?: boolean } = {}): TestStreams {
  let out = '';
  let err = '';
  const input: string[] = [];
  const tty = opts.tty ?? false;
  let colors = palette(opts.color ?? false);
  const stdin = Readable.from([]) as NodeJS.ReadableStream;
  const io: IOStreams = {
    stdin,
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    isStdinTTY: () => tty,
    isStdoutTTY: () => tty,
    isStderrTTY: () => tty,
    canPrompt: () => tty,
    columns: () => opts.columns ?? 120,
    color: () => colors,
    setColorEnabled: (enabled) => {
      colors = palette(enabled);
    },
    out: (text) => void (out += text),
    err: (text) => void (err += text),
  };
  return { io, stdout: () => out, stderr: () => err, input };
}

