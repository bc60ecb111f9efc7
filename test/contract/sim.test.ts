/** Runs every contract scenario against a fresh in-memory simulator on a manual clock. */
import { describe, it } from 'vitest';
import { ManualClock, openSimBackend } from '../../src/backend/sim/index.js';
import type { World } from './scenario.js';
import { scenarios } from './scenarios/index.js';

describe('contract scenarios against the simulator', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const clock = new ManualClock(Date.UTC(2026, 0, 15, 9));
      const backend = await openSimBackend({ path: ':memory:', clock, seed: 7 });
      const world: World = { kind: 'sim', backend, advance: async (ms) => clock.advance(ms) };
      try {
        await s.run(world);
      } finally {
        await backend.close();
      }
    });
  }
});
