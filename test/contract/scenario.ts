/**
 * The contract suite: scenarios written once against the Backend port and run against every
 * world (the simulator with a manual clock, and the AWS backend pointed at a local moto server).
 * Where moto differs from AWS, a scenario checks AWS's behaviour on the simulator and states the
 * moto deviation explicitly with `world.kind === 'moto'`; it never skips silently.
 */
import type { Backend } from '../../src/backend/port.js';

export interface World {
  readonly kind: 'sim' | 'moto';
  readonly backend: Backend;
  /** Moves simulated time forward (the simulator); a no-op against moto, whose state changes are immediate. */
  advance(ms: number): Promise<void>;
}

export interface Scenario {
  name: string;
  run(world: World): Promise<void>;
}

/** Polls `check` (advancing simulated time by `stepMs` between tries) until it returns true. */
export async function eventually(world: World, check: () => Promise<boolean>, opts: { stepMs?: number; tries?: number } = {}): Promise<void> {
  const tries = opts.tries ?? 30;
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await world.advance(opts.stepMs ?? 5_000);
  }
  throw new Error(`condition not met after ${tries} tries`);
}
