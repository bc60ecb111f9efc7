/**
 * The dashboard's refresh loop (k9s's model/table.go, without React): a plain class that polls on
 * its own schedule and publishes immutable snapshots to subscribers.
 *
 * - The first tick comes fast (FIRST_TICK_MS), then one every `intervalMs`.
 * - A refresh that fails backs off: interval × 2^failures, capped at MAX_BACKOFF_MS; throttling
 *   (TooManyRequestsException and friends) starts one step further back.
 * - A refresh asked for while one is in flight is dropped, never queued (`dropped` counts them).
 * - After an error the last good rows stay on screen, marked `stale`, with the error beside them.
 */
import { unparsableResponse } from '../../errors.js';

/** What a view renders: the rows of the last good load, and how fresh they are. */
export interface Snapshot<R, X = undefined> {
  readonly rows: readonly R[];
  /** Anything else the view needs (totals, the front of a queue...). */
  readonly extra: X;
  /** The last refresh's error message, cleared by the next success. */
  readonly error?: string;
  /** Wall-clock ms of the last successful load; undefined until the first one. */
  readonly loadedAt?: number;
  /** True when the rows are older than the last attempt (it failed). */
  readonly stale: boolean;
  /** True until the first load ended (successfully or not). */
  readonly loading: boolean;
}

/** The timers a model uses; tests pass vitest's fake timers through the globals or their own. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const FIRST_TICK_MS = 50;
export const MAX_BACKOFF_MS = 60_000;

const THROTTLE_NAMES = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'ThrottledError']);

/** True for the errors AWS (and the simulator) raise when a caller goes too fast. */
export function isThrottle(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return THROTTLE_NAMES.has(e?.name ?? '') || e?.$metadata?.httpStatusCode === 429;
}

/** The delay before the next refresh after `failures` consecutive failures (0 = healthy). */
export function nextDelay(intervalMs: number, failures: number, throttled: boolean): number {
  if (failures === 0) return intervalMs;
  const steps = failures + (throttled ? 1 : 0);
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** steps);
}

/** A one-line message for an error crossing the port. */
export function errorMessage(err: unknown): string {
  // An endpoint without the operation (moto's HTML 404) says so, not "Unexpected token '<'".
  const unparsable = unparsableResponse(err);
  if (unparsable) return unparsable.message;
  if (err instanceof Error) {
    const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    return `${name}${err.message}`.split('\n')[0]!;
  }
  return String(err);
}

export interface PollerOptions {
  intervalMs: number;
  timers?: Timers;
}

export abstract class Poller<R, X = undefined> {
  private current: Snapshot<R, X>;
  private readonly listeners = new Set<() => void>();
  private timer: unknown;
  private running = false;
  private inFlight = false;
  private failures = 0;
  private lastThrottled = false;
  protected readonly timers: Timers;
  intervalMs: number;
  /** Refreshes skipped because one was in flight (k9s: "Dropping update..."). */
  dropped = 0;
  /** Refreshes started. */
  refreshes = 0;

  constructor(opts: PollerOptions, initialExtra: X) {
    this.timers = opts.timers ?? realTimers;
    this.intervalMs = opts.intervalMs;
    this.current = { rows: [], extra: initialExtra, stale: false, loading: true };
  }

  /** Loads the rows; throws to report an error (the previous rows are kept, marked stale). */
  protected abstract load(): Promise<{ rows: readonly R[]; extra: X }>;

  /** The current snapshot: the same object until something changes (useSyncExternalStore needs that). */
  readonly snapshot = (): Snapshot<R, X> => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts polling: the first refresh after FIRST_TICK_MS. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(FIRST_TICK_MS);
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Refreshes now (the `r` key), unless a refresh is in flight; the schedule restarts after it. */
  refreshNow(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    return this.tick();
  }

  /** One refresh. Overlapping calls are dropped. */
  async refresh(): Promise<boolean> {
    if (this.inFlight) {
      this.dropped++;
      return false;
    }
    this.inFlight = true;
    this.refreshes++;
    try {
      const { rows, extra } = await this.load();
      this.failures = 0;
      this.lastThrottled = false;
      this.publish({ rows, extra, loadedAt: this.timers.now(), stale: false, loading: false });
    } catch (err) {
      this.failures++;
      this.lastThrottled = isThrottle(err);
      const prev = this.current;
      this.publish({ ...prev, error: errorMessage(err), stale: prev.loadedAt !== undefined, loading: false });
    } finally {
      this.inFlight = false;
    }
    return true;
  }

  /** Consecutive failed refreshes (0 when healthy). */
  get failureCount(): number {
    return this.failures;
  }

  /** Replaces the snapshot and tells every subscriber. */
  protected publish(next: Snapshot<R, X>): void {
    this.current = next;
    for (const l of [...this.listeners]) l();
  }

  /** Publishes a change to the current snapshot (e.g. after a local edit) without loading. */
  protected patch(fn: (s: Snapshot<R, X>) => Snapshot<R, X>): void {
    this.publish(fn(this.current));
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    const ran = await this.refresh();
    if (!ran) return; // the refresh in flight schedules the next one
    this.schedule(nextDelay(this.intervalMs, this.failures, this.lastThrottled));
  }
}
