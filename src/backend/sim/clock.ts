/**
 * Simulated time. Tests pass a ManualClock; otherwise time is persisted in the store as
 * `{simAnchor, realAnchor, speed}` so that every batchctl process sees the same simulated
 * instant: now = simAnchor + (Date.now() - realAnchor) * speed.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export class ManualClock implements Clock {
  private ms: number;
  constructor(startMs: number = Date.UTC(2026, 0, 1)) {
    this.ms = startMs;
  }
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    this.ms += ms;
  }
}

export interface ClockAnchors {
  simAnchor: number;
  realAnchor: number;
  speed: number;
}

export function simulatedNow(a: ClockAnchors, realNow: number): number {
  return Math.floor(a.simAnchor + (realNow - a.realAnchor) * a.speed);
}

/** Re-anchors at `simNow` so that a new speed or a jump applies from this instant on. */
export function rebase(simNow: number, realNow: number, speed: number): ClockAnchors {
  return { simAnchor: simNow, realAnchor: realNow, speed };
}
