/**
 * The engine moves the world from the last stored instant to `now` before every operation. It is
 * a list of processes, each advancing its part of the world; today the resource status machines
 * (CREATING → VALID, DELETING → DELETED, ...). The job engine (next issue) plugs in as another
 * process.
 */
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';

export interface EngineProcess {
  /** Applies everything due at or before `now`, in time order; `ctx.now` is set to each event's time. */
  advanceTo(ctx: SimCtx, now: number): void;
}

/** A due status transition of one resource row; the handler must clear or move `nextEventAt`. */
export type TransitionHandler = (ctx: SimCtx, row: ResourceRow<never>) => void;

/** Runs the `next_event_at` transitions of resource rows, by kind. */
export class ResourceTransitions implements EngineProcess {
  constructor(private readonly handlers: Record<string, TransitionHandler>) {}

  advanceTo(ctx: SimCtx, now: number): void {
    for (;;) {
      const due = ctx.resources.due<never>(now);
      if (due.length === 0) return;
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

  advanceTo(ctx: SimCtx, now: number): void {
    for (const p of this.processes) p.advanceTo(ctx, now);
    ctx.now = now;
  }
}
