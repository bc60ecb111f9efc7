/**
 * The alternate screen is always left: after a normal exit, when the app throws while rendering,
 * on SIGTERM, and on process exit or crash (handlers that run before main.ts's).
 */
import { EventEmitter } from 'node:events';
import { Text, useApp, useInput } from 'ink';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { runFullScreen } from '../../src/tui/run.js';
import { enterAltScreen, ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, type ProcessLike } from '../../src/tui/screen.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  out = '';
  write = (s: string) => {
    this.out += s;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  isRaw = false;
  private data: string | null = null;
  type(s: string) {
    this.data = s;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode(mode: boolean) {
    this.isRaw = mode;
  }
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

class FakeProcess extends EventEmitter implements ProcessLike {
  pid = 4242;
  killed: string[] = [];
  kill(_pid: number, signal: string) {
    this.killed.push(signal);
    return true;
  }
}

function streams() {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const proc = new FakeProcess();
  return { stdout, stdin, proc, io: { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, proc, patchConsole: false } };
}

function Quitter() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return <Text>dashboard</Text>;
}

function Crasher(): never {
  throw new Error('render blew up');
}

function LateCrash() {
  const { exit } = useApp();
  useEffect(() => {
    setTimeout(() => exit(new Error('model failed')), 10);
  }, [exit]);
  return <Text>about to fail</Text>;
}

describe('alternate screen', () => {
  it('is entered before the first frame and left after a normal exit', async () => {
    const s = streams();
    const done = runFullScreen(<Quitter />, s.io);
    // The first frame comes on Ink's schedule; on a loaded machine that can take well over 50 ms.
    for (let i = 0; i < 100 && !s.stdout.out.includes('dashboard'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(s.stdout.out.startsWith(ENTER_ALT_SCREEN)).toBe(true);
    expect(s.stdout.out).toContain('dashboard');
    s.stdin.type('q');
    await done;
    expect(s.stdout.out.endsWith(LEAVE_ALT_SCREEN)).toBe(true);
    expect(s.proc.listenerCount('exit')).toBe(0);
    expect(s.proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('is left when rendering throws, and the error reaches the caller afterwards', async () => {
    const s = streams();
    await expect(runFullScreen(<Crasher />, s.io)).rejects.toThrow('render blew up');
    expect(s.stdout.out.lastIndexOf(LEAVE_ALT_SCREEN)).toBeGreaterThan(s.stdout.out.indexOf(ENTER_ALT_SCREEN));
    expect(s.stdout.out.endsWith(LEAVE_ALT_SCREEN)).toBe(true);
  });

  it('is left when the app exits with an error', async () => {
    const s = streams();
    await expect(runFullScreen(<LateCrash />, s.io)).rejects.toThrow('model failed');
    expect(s.stdout.out.endsWith(LEAVE_ALT_SCREEN)).toBe(true);
  });

  it('is left on process exit, a crash, or SIGTERM (re-raised), exactly once', () => {
    for (const event of ['exit', 'uncaughtException', 'unhandledRejection', 'SIGTERM', 'SIGHUP']) {
      const s = streams();
      s.stdin.isRaw = true;
      const screen = enterAltScreen(s.stdout, s.stdin, s.proc);
      s.proc.emit(event, event.startsWith('SIG') ? event : new Error('x'));
      expect(screen.active, event).toBe(false);
      expect(s.stdout.out, event).toBe(ENTER_ALT_SCREEN + LEAVE_ALT_SCREEN);
      expect(s.stdin.isRaw, event).toBe(false);
      if (event.startsWith('SIG')) expect(s.proc.killed).toEqual([event]);
      screen.leave();
      expect(s.stdout.out.split(LEAVE_ALT_SCREEN)).toHaveLength(2);
    }
  });

  it('runs before handlers registered earlier (main.ts prints crashes on the normal screen)', () => {
    const s = streams();
    const order: string[] = [];
    s.proc.on('uncaughtException', () => order.push(s.stdout.out.endsWith(LEAVE_ALT_SCREEN) ? 'main after leave' : 'main before leave'));
    enterAltScreen(s.stdout, s.stdin, s.proc);
    s.proc.emit('uncaughtException', new Error('boom'));
    expect(order).toEqual(['main after leave']);
  });
});
