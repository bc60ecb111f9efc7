/**
 * The engine moves the world from the last stored instant to `now` before every operation. It is
 * a list of processes (the resource status machines, the job engine), each with a next-event
 * time: the engine repeatedly takes the earliest event of any process and lets every process
 * handle what is due at that instant, so events of different processes interleave in time order
 * and idle time costs nothing (no ticks).
 */
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';

export interface EngineProcess {
  /** The earliest instant this process has something to do (undefined: nothing pending). */
  nextEventAt(ctx: SimCtx): number | undefined;
  /** Applies everything due at or before `t`; returns true if it changed anything. */
  advanceTo(ctx: SimCtx, t: number): boolean;
  /** Called when another process changed the world at `ctx.now`. */
  worldChanged?(ctx: SimCtx): void;
  /** Called once the engine reached its target (write back caches). */
  settle?(ctx: SimCtx): void;
}

/** A due status transition of one resource row; the handler must clear or move `nextEventAt`. */
export type TransitionHandler = (ctx: SimCtx, row: ResourceRow<never>) => void;

/** Runs the `next_event_at` transitions of resource rows, by kind. */
export class ResourceTransitions implements EngineProcess {
  constructor(private readonly handlers: Record<string, TransitionHandler>) {}

  nextEventAt(ctx: SimCtx): number | undefined {
    return (ctx.store.stmt('SELECT min(next_event_at) FROM resources WHERE next_event_at IS NOT NULL').pluck().get() as number | null) ?? undefined;
  }

  advanceTo(ctx: SimCtx, now: number): boolean {
    let changed = false;
    for (;;) {
      const due = ctx.resources.due<never>(now);
      if (due.length === 0) return changed;
      changed = true;
      for (const row of due) {
        const handler = this.handlers[row.kind];
        ctx.now = row.nextEventAt!;
        if (handler) handler(ctx, row);
        else {
          row.nextEventAt = null;
          ctx.resources.update(row);
        }
      }
    }
  }
}

export class Engine {
  constructor(private readonly processes: EngineProcess[]) {}

  /** The earliest pending event of any process. */
  nextEventAt(ctx: SimCtx): number | undefined {
    let t: number | undefined;
    for (const p of this.processes) {
      const n = p.nextEventAt(ctx);
      if (n !== undefined && (t === undefined || n < t)) t = n;
    }
    return t;
  }

  /**
   * Processes events in time order up to `now` (or until `stop` says so after an instant); sets
   * ctx.now to `now`, or to the instant it stopped at. Returns that instant.
   */
  advanceTo(ctx: SimCtx, now: number, stop?: () => boolean, opts: { stopWhenNoEvents?: boolean } = {}): number {
    const start = ctx.now;
    let last = start;
    for (;;) {
      const next = this.nextEventAt(ctx);
      if (next === undefined && opts.stopWhenNoEvents) {
        for (const p of this.processes) p.settle?.(ctx);
        ctx.now = last;
        return last;
      }
      if (next === undefined || next > now) break;
      const t = Math.max(next, start);
      last = t;
      ctx.now = t;
      for (const p of this.processes) {
        ctx.now = t;
        // A process with nothing due at t is skipped (asked again here: another one may just have changed the world).
        const due = p.nextEventAt(ctx);
        if (due === undefined || due > t) continue;
        if (p.advanceTo(ctx, t)) for (const q of this.processes) if (q !== p) q.worldChanged?.(ctx);
      }
      if (stop?.()) {
        for (const p of this.processes) p.settle?.(ctx);
        ctx.now = t;
        return t;
      }
    }
    ctx.now = now;
    for (const p of this.processes) p.settle?.(ctx);
    return now;
  }
}
