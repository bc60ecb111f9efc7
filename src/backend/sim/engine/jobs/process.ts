/** The job engine as an engine process: job events, instance events and scheduling passes. */
import type { SimCtx } from '../../context.js';
import type { EngineProcess } from '../index.js';
import { instanceNextEvent } from './model.js';
import { Scheduler } from './scheduler.js';
import { JobWorld, jobWorld } from './world.js';

const schedulers = new WeakMap<JobWorld, Scheduler>();

export function schedulerOf(w: JobWorld): Scheduler {
  let s = schedulers.get(w);
  if (!s) {
    s = new Scheduler(w);
    schedulers.set(w, s);
  }
  return s;
}

/** A world with its scheduler wired in (the scheduler provides share keys and time-limit actions). */
export function engineWorld(ctx: SimCtx): JobWorld {
  const w = jobWorld(ctx);
  schedulerOf(w);
  return w;
}

export class JobEngine implements EngineProcess {
  nextEventAt(ctx: SimCtx): number | undefined {
    const w = JobWorld.of(ctx);
    const candidates = w
      ? [w.nextJobEventAt(), w.nextInstanceEventAt(), w.passPending ? ctx.now : undefined]
      : [ctx.jobs.nextEventAt(), ctx.jobs.instanceNextEventAt(), JobWorld.persistedPassAt(ctx)];
    let t: number | undefined;
    for (const c of candidates) if (c !== undefined && (t === undefined || c < t)) t = c;
    return t;
  }

  advanceTo(ctx: SimCtx, t: number): boolean {
    const w = engineWorld(ctx);
    const sched = schedulerOf(w);
    let changed = false;
    for (const r of w.dueJobs(t)) {
      if (r.row.active !== 1 || r.row.nextEventAt === null || r.row.nextEventAt > t) continue;
      w.onJobEvent(r);
      changed = true;
    }
    for (const i of [...w.instances().values()]) {
      const n = instanceNextEvent(i);
      if (n === null || n > t) continue;
      w.onInstanceEvent(i, (x) => sched.mayScaleDown(x));
      changed = true;
    }
    w.drain();
    if (w.passPending) {
      sched.pass();
      changed = true;
    }
    // Rows are written when the advance settles; a very long one writes what piled up.
    w.flushDesired();
    w.flushFinishedIfMany(20_000);
    return changed;
  }

  worldChanged(ctx: SimCtx): void {
    const w = engineWorld(ctx);
    w.resourcesVersion++;
    w.requestPass();
  }

  settle(ctx: SimCtx): void {
    JobWorld.of(ctx)?.flush();
  }
}
