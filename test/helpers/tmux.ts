/**
 * A real terminal for end-to-end tests: a private tmux server running a bare bash with exactly a
 * sandbox's environment (env -i: no CI, in which Ink draws only its last frame). Tests type keys
 * (send-keys) and read the screen (capture-pane).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { Sandbox } from './cli.js';

export const HAVE_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** Warns loudly when tmux is missing; CI (BATCHCTL_TEST_IN_CI) runs the test anyway, and it fails. */
export function warnWithoutTmux(file: string): void {
  if (!HAVE_TMUX && !process.env.BATCHCTL_TEST_IN_CI) {
    console.warn(`\n*** ${file} SKIPPED: tmux is not installed (apt-get install tmux); CI requires it ***\n`);
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Terminal {
  /** The tmux session's name, for -t. */
  session: string;
  tmux(...args: string[]): string;
  /** The visible screen. */
  screen(): string;
  /** The screen and everything scrolled off it. */
  history(): string;
  keys(...k: string[]): void;
  /** Types literal text (no key-name lookup). */
  type(text: string): void;
  waitFor(what: string | RegExp, timeoutMs?: number, read?: () => string): Promise<string>;
  /** Starts bash in the sandbox's environment and waits for its prompt. */
  start(box: Sandbox, columns: number, rows: number): Promise<void>;
  /** Ends the tmux server, then removes the sandbox (retrying while the shell closes its files). */
  stop(box: Sandbox | undefined): Promise<void>;
}

export function terminal(name: string): Terminal {
  const socket = `batchctl-${name}-e2e-${process.pid}`;
  const session = name;
  const t: Terminal = {
    session,
    tmux: (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' }),
    screen: () => t.tmux('capture-pane', '-p', '-t', session),
    history: () => t.tmux('capture-pane', '-p', '-S', '-', '-t', session),
    keys: (...k) => void t.tmux('send-keys', '-t', session, ...k),
    type: (text) => void t.tmux('send-keys', '-t', session, '-l', text),
    async waitFor(what, timeoutMs = 15_000, read = t.screen) {
      const end = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < end) {
        last = read();
        if (typeof what === 'string' ? last.includes(what) : what.test(last)) return last;
        await pause(100);
      }
      throw new Error(`the screen never showed ${String(what)}; it shows:\n${last}`);
    },
    async start(box, columns, rows) {
      t.tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), 'env', '-i', ...Object.entries(box.env).map(([k, v]) => `${k}=${v}`), 'TERM=xterm-256color', 'PS1=shell$ ', 'HISTFILE=/dev/null', 'bash', '--norc', '--noprofile');
      await t.waitFor('shell$');
    },
    async stop(box) {
      if (HAVE_TMUX) spawnSync('tmux', ['-L', socket, 'kill-server']);
      for (let i = 0; i < 20; i++) {
        try {
          box?.cleanup();
          return;
        } catch {
          await pause(100);
        }
      }
      box?.cleanup();
    },
  };
  return t;
}
