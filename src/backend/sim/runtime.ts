/**
 * Runs every port operation as ONE immediate transaction: advance the world from the last stored
 * instant to the clock's now (never backwards), run the operation at that instant, persist.
 * A throw rolls everything back, so the store is never half-changed.
 */
import { FailureError } from '../../errors.js';
import { type Clock, rebase, simulatedNow } from './clock.js';
import { META, SimCtx } from './context.js';
import type { Engine } from './engine/index.js';
import type { Store } from './store/store.js';

export class SimRuntime {
  readonly region: string;
  readonly account: string;

  constructor(
    readonly store: Store,
    private readonly engine: Engine,
    /** A manual clock (tests); undefined means the clock persisted in the store. */
    private readonly clock: Clock | undefined,
    private readonly debug?: (line: string) => void,
  ) {
    this.region = store.getMeta(META.region)!;
    this.account = store.getMeta(META.account)!;
  }

  /**
   * The simulated now as the clock sees it (not yet clamped to the world's last instant), in whole
   * milliseconds: AWS's times are integer epoch ms, and a fractional instant (a clock advanced by
   * 1.5 ms, a speed of 2.5) would leak into timestamps and log tokens.
   */
  clockNow(): number {
    return Math.floor(this.rawClockNow());
  }

  private rawClockNow(): number {
    if (this.clock) return this.clock.now();
    const s = this.store;
    return simulatedNow({ simAnchor: Number(s.getMeta(META.simAnchor)), realAnchor: Number(s.getMeta(META.realAnchor)), speed: Number(s.getMeta(META.speed)) }, Date.now());
  }

  worldNow(): number {
    return Number(this.store.getMeta(META.worldNow) ?? 0);
  }

  speed(): number {
    return Number(this.store.getMeta(META.speed) ?? 1);
  }

  /** Called before every port operation, outside any transaction (the throttling fault). */
  gate?: (name: string) => void;

  /** The engine (for `runUntilIdle`). */
  get engineRef(): Engine {
    return this.engine;
  }

  /**
   * Inside a transaction: advances the world and returns a context at the new instant. The instant
   * is not written here: runSync writes it with the transaction's changes, and runUntilIdle where
   * its run ended.
   */
  begin(): SimCtx {
    return this.advance().ctx;
  }

  /** begin(), with the instant the world was stored at before it advanced. */
  private advance(): { ctx: SimCtx; stored: number } {
    const stored = this.worldNow();
    const target = Math.max(stored, this.clockNow());
    // The context starts at the last stored instant; the engine moves it through every event to the target.
    const ctx = new SimCtx(this.store, this.region, this.account, stored);
    this.engine.advanceTo(ctx, target);
    return { ctx, stored };
  }

  /** Runs `fn` synchronously in one transaction (for control operations). */
  runSync<T>(fn: (ctx: SimCtx) => T): T {
    try {
      return this.store.tx(() => {
        const changes = this.store.totalChanges();
        const { ctx, stored } = this.advance();
        const target = ctx.now;
        const result = fn(ctx);
        ctx.finish();
        // The world's instant moves with the world. When no event was due and the operation only
        // read, the transaction writes nothing (no page of the store, no log frame): the next
        // operation advances from the same stored instant over the same empty stretch of time.
        if (target !== stored && this.store.totalChanges() !== changes) this.store.setMeta(META.worldNow, target);
        return result;
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new FailureError(`the simulator's store ${this.store.path} is busy: another batchctl process held it for more than 10 s`, 'try again');
      }
      throw err;
    }
  }

  /** A port operation: one transaction, one debug line (`sim batch.CreateJobQueue 200 3ms`). */
  async run<T>(name: string, fn: (ctx: SimCtx) => T): Promise<T> {
    // Date.now(), not performance.now(): the global `performance` loads node:perf_hooks, a dozen
    // modules, at the first use, and a whole-millisecond duration is all the debug line shows.
    const start = Date.now();
    try {
      this.gate?.(name);
      const result = this.runSync(fn);
      this.debug?.(`sim ${name} 200 ${Date.now() - start}ms`);
      return result;
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      this.debug?.(`sim ${name} ${e.$metadata?.httpStatusCode ?? 500} ${e.name ?? 'Error'} ${Date.now() - start}ms`);
      throw err;
    }
  }

  /** Re-anchors the persisted clock: `advanceMs` jumps forward, `speed` changes the rate. */
  reanchor(advanceMs: number, speed: number): void {
    this.store.tx(() => {
      const now = Math.max(this.worldNow(), this.clockNow()) + advanceMs;
      const a = rebase(now, Date.now(), speed);
      this.store.setMeta(META.simAnchor, a.simAnchor);
      this.store.setMeta(META.realAnchor, a.realAnchor);
      this.store.setMeta(META.speed, a.speed);
    });
  }
}
