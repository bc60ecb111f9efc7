/**
 * The alternate screen (Ink 6 has no option for it): entered before the first frame and ALWAYS
 * left again: when the app ends, when it throws, on SIGTERM/SIGHUP, and on any process exit
 * (Ctrl-C's SIGINT goes through main.ts's process.exit, which fires 'exit'). Crash handlers run
 * after ours (we prepend), so an error message lands on the normal screen, where it stays visible.
 */

export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l';
export const LEAVE_ALT_SCREEN = '\x1b[?25h\x1b[?1049l';

interface Out {
  write(s: string): unknown;
}
interface In {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
}
/** The part of `process` used here (tests pass an EventEmitter). */
export interface ProcessLike {
  prependListener(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  kill(pid: number, signal: string): unknown;
  pid: number;
}

export interface AltScreen {
  /** Leaves the alternate screen (idempotent) and removes the handlers. */
  leave(): void;
  readonly active: boolean;
}

const SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

export function enterAltScreen(out: Out, stdin?: In, proc: ProcessLike = process as unknown as ProcessLike): AltScreen {
  let active = true;
  const onExit = () => leave();
  const onCrash = () => leave();
  const onSignal = (signal: unknown) => {
    leave();
    // Re-raise with the default handler gone: the process ends as the signal intends.
    proc.kill(proc.pid, String(signal));
  };
  function leave(): void {
    if (!active) return;
    active = false;
    proc.removeListener('exit', onExit);
    proc.removeListener('uncaughtException', onCrash);
    proc.removeListener('unhandledRejection', onCrash);
    for (const s of SIGNALS) proc.removeListener(s, onSignal);
    try {
      if (stdin?.isTTY && stdin.isRaw) stdin.setRawMode?.(false);
    } catch {
      // a closed stdin cannot be reset; the screen still is
    }
    out.write(LEAVE_ALT_SCREEN);
  }
  proc.prependListener('exit', onExit);
  proc.prependListener('uncaughtException', onCrash);
  proc.prependListener('unhandledRejection', onCrash);
  for (const s of SIGNALS) proc.prependListener(s, onSignal);
  out.write(ENTER_ALT_SCREEN);
  return {
    leave,
    get active() {
      return active;
    },
  };
}
