/** The job engine's control operations: run until idle, faults, and the throttling gate. */
import { AwsShapedError } from '../../../../errors.js';
import { ManualClock, type Clock, rebase } from '../../clock.js';
import { META } from '../../context.js';
import type { SimRuntime } from '../../runtime.js';
import { type FaultSettings, NO_FAULTS, readFaults, writeFaults } from './faults.js';
import { draw } from './random.js';
import { instanceVcpuMs, type RunSummary, type Snapshot, summarise } from './report.js';
import { JobWorld } from './world.js';
import { engineWorld } from './process.js';

/** How far `runUntilIdle` goes without `maxMs`: 30 simulated days. */
export const RUN_DEFAULT_MAX_MS = 30 * 24 * 3_600_000;

function snapshot(w: JobWorld, t: number): Snapshot {
  const usage = w.allUsage();
  const jobVcpuMs = new Map<string, number>();
  for (const [arn, u] of Object.entries(usage)) if (arn) jobVcpuMs.set(arn, u.jv);
  return { jobVcpuMs, instanceVcpuMs: instanceVcpuMs(usage, w.instances().values(), t) };
}

export function runUntilIdle(rt: SimRuntime, clock: Clock | undefined, opts: { maxMs?: number } = {}): RunSummary {
  // A long run touches many pages in one transaction: let SQLite keep them in memory.
  rt.store.db.pragma('cache_size = -262144');
  const summary = rt.store.tx(() => {
    const ctx = rt.begin();
    const start = ctx.now;
    const w = engineWorld(ctx);
    const before = snapshot(w, start);
    const limit = start + (opts.maxMs ?? RUN_DEFAULT_MAX_MS);
    const idle = () => w.activeJobs() === 0;
    let end = start;
    let outcome: RunSummary['outcome'] = 'IDLE';
    if (!idle()) {
      end = rt.engineRef.advanceTo(ctx, limit, idle, { stopWhenNoEvents: true });
      outcome = idle() ? 'IDLE' : end >= limit ? 'MAX_REACHED' : 'STUCK';
    }
    rt.store.setMeta(META.worldNow, end);
    const after = snapshot(engineWorld(ctx), end);
    const s = summarise(ctx, start, end, outcome, before, after);
    ctx.finish();
    return s;
  });
  // The clock jumps to where the run ended.
  if (clock instanceof ManualClock) clock.set(Math.max(clock.now(), summary.endedAt));
  else if (!clock) {
    const a = rebase(summary.endedAt, Date.now(), rt.speed());
    rt.store.tx(() => {
      rt.store.setMeta(META.simAnchor, a.simAnchor);
      rt.store.setMeta(META.realAnchor, a.realAnchor);
    });
  }
  return summary;
}

export function getFaults(rt: SimRuntime): FaultSettings {
  return readFaults(rt.store);
}

export function setFaults(rt: SimRuntime, change: Partial<FaultSettings>): FaultSettings {
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) continue;
    if (!(k in NO_FAULTS)) throw new RangeError(`unknown fault setting ${k}`);
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(`${k} must be a number between 0 and 1`);
  }
  return rt.store.tx(() => {
    const next = { ...readFaults(rt.store), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as FaultSettings;
    writeFaults(rt.store, next);
    return next;
  });
}

/** The throttling fault: a seeded share of Batch calls fail with TooManyRequestsException before any transaction. */
export function throttleGate(rt: SimRuntime): (name: string) => void {
  let calls = 0;
  const seed = Number(rt.store.getMeta(META.seed) ?? 0);
  return (name) => {
    if (!name.startsWith('batch.')) return;
    const raw = rt.store.getMeta('faults');
    if (!raw) return;
    const rate = readFaults(rt.store).throttleRate;
    calls++;
    if (rate > 0 && draw(seed, 'throttle', process.pid, calls, name) < rate) {
      throw new AwsShapedError('TooManyRequestsException', 'Too Many Requests', 429);
    }
  };
}
