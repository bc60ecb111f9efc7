/**
 * IOStreams: the one object that knows the terminal (gh's iostreams). Data goes to `out`,
 * progress and diagnostics to `err`. Tests build one over string buffers with `testStreams()`.
 */
import { fstatSync, writeSync } from 'node:fs';
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
  // process.stdin/stdout/stderr are getters that build a stream the first time, and a stream loads
  // node:stream, node:net and node:tty (stdin's costs most of a start-up's budget, stdout's on a pipe
  // about a tenth of it). So TTY-ness is read from the file descriptor, and output that is not for
  // a terminal is written to it directly; a stream is built only for a terminal or a prompt.
  let stdinTTY: boolean | undefined;
  let stdoutTTY: boolean | undefined;
  let stderrTTY: boolean | undefined;
  const isStdinTTY = () => (stdinTTY ??= isTerminal(0));
  const isStdoutTTY = () => (stdoutTTY ??= isTerminal(1));
  const isStderrTTY = () => (stderrTTY ??= isTerminal(2));
  let colors: Palette | undefined;
  const out = fdWriter(1, isStdoutTTY, () => process.stdout);
  const err = fdWriter(2, isStderrTTY, () => process.stderr);
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
    columns: () => (isStdoutTTY() && process.stdout.columns) || Number(env.COLUMNS) || 80,
    color: () => (colors ??= palette(isStdoutTTY() && !('NO_COLOR' in env) && env.TERM !== 'dumb')),
    setColorEnabled: (enabled) => {
      colors = palette(enabled);
    },
    out,
    err,
  };
}

/**
 * Whether a file descriptor is a terminal, without building its stream: a pipe or a file never is,
 * so only a character device (a terminal, or /dev/null) is asked about through node:tty.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * Writes to a terminal through its stream, and to anything else straight to the descriptor. A
 * descriptor another program left non-blocking (EAGAIN) hands the rest to the stream, which waits;
 * a reader that went away (EPIPE: `batchctl job list | head`) ends the output, not the command.
 */
function fdWriter(fd: 1 | 2, isTTY: () => boolean, stream: () => NodeJS.WriteStream): (text: string) => void {
  let mode: 'fd' | 'stream' | 'closed' | undefined;
  return (text) => {
    mode ??= isTTY() ? 'stream' : 'fd';
    if (mode === 'closed') return;
    if (mode === 'stream') {
      stream().write(text);
      return;
    }
    const buf = Buffer.from(text, 'utf8');
    for (let off = 0; off < buf.length; ) {
      try {
        off += writeSync(fd, buf, off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          mode = 'closed';
          return;
        }
        if (code !== 'EAGAIN') throw e;
        mode = 'stream';
        stream().write(buf.subarray(off));
        return;
      }
    }
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
  // node:stream only here: the CLI's start-up never loads it for its own streams.
  const stdin = process.getBuiltinModule('node:stream').Readable.from([]) as NodeJS.ReadableStream;
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

