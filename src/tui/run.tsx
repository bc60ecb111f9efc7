/**
 * `batchctl top`'s runner, loaded with `await import()` by the command so that Ink and React load
 * for the dashboard only. Builds the models' environment (the counted backend, the world's clock),
 * enters the alternate screen, renders the app and always restores the terminal.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import type { Backend } from '../backend/port.js';
import type { SimBackend } from '../backend/sim/index.js';
import type { Context } from '../context.js';
import { App } from './app.js';
import { ApiMeter, countCalls } from './models/api-meter.js';
import type { ModelEnv } from './models/env.js';
import { realTimers } from './models/poller.js';
import type { Route } from './routes.js';
import { enterAltScreen, type ProcessLike } from './screen.js';

export interface TopOptions {
  /** Seconds between refreshes (>= 1). */
  refresh: number;
  readonly: boolean;
  /** Start in this queue's jobs view. */
  queue?: string;
}

/**
 * The world's now: the simulator's clock (re-read every 5 s, extrapolated at its speed between), or
 * the wall clock. `control.now()` and `control.speed()` read the clock without counting the world's
 * resources, jobs and log events as `status()` does (~50 ms with 100k jobs).
 */
export function worldClock(backend: Backend, wall: () => number = Date.now): WorldClock {
  if (backend.kind !== 'sim' || !(backend as SimBackend).control) return () => wall();
  const { control } = backend as SimBackend;
  const read = () => ({ now: control.now(), speed: control.speed() });
  let base = read();
  let at = wall();
  const now: WorldClock = () => {
    const t = wall();
    if (t - at >= 5000) {
      try {
        base = read();
        at = t;
      } catch {
        // a busy store: extrapolate a little longer
      }
    }
    return base.now + (t - at) * base.speed;
  };
  now.speed = () => base.speed;
  return now;
}

/** The world's now; in the simulator also the speed of its clock (the header shows it). */
export interface WorldClock {
  (): number;
  speed?(): number;
}

export interface DashboardStreams {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  proc?: ProcessLike;
  /** Route console.* above the frame (default true; vitest's own console cannot be patched). */
  patchConsole?: boolean;
}

/**
 * Renders `element` full screen on `streams` and resolves when it exits. The alternate screen is
 * left whatever happens; an error (a render that throws) is re-thrown after the terminal is back.
 */
export async function runFullScreen(element: ReactElement, streams: DashboardStreams): Promise<void> {
  const screen = enterAltScreen(streams.stdout, streams.stdin, streams.proc);
  try {
    const instance = render(element, {
      stdout: streams.stdout,
      stdin: streams.stdin,
      exitOnCtrlC: false,
      patchConsole: streams.patchConsole ?? true,
      maxFps: 20,
    });
    try {
      await instance.waitUntilExit();
    } finally {
      instance.unmount();
      instance.cleanup();
    }
  } finally {
    screen.leave();
  }
}

export async function runTop(ctx: Context, opts: TopOptions): Promise<void> {
  const backend = countCalls(await ctx.backend());
  const clock = worldClock(backend);
  const env: ModelEnv = { backend, timers: realTimers, intervalMs: Math.max(1, opts.refresh) * 1000, worldNow: clock, worldSpeed: clock.speed };
  const meter = new ApiMeter(backend);
  meter.start();
  const profile = ctx.config.profile;
  const world = backend.kind === 'sim' ? 'sim' : `${backend.label}${profile ? ` (${profile})` : ''}`;
  const initial: Route | undefined = opts.queue ? { kind: 'jobs', queue: opts.queue } : undefined;
  try {
    await runFullScreen(<App env={env} meter={meter} world={world} readonly={opts.readonly} palette={ctx.io.color()} initial={initial} />, {
      stdout: process.stdout,
      stdin: process.stdin,
    });
  } finally {
    meter.stop();
  }
}
