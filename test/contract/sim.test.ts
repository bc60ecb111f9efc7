/** Runs every contract scenario once against a fresh in-memory simulator on a manual clock. */
import { describe, expect, it } from 'vitest';
import { ManualClock, openSimBackend } from '../../src/backend/sim/index.js';
import type { World } from './scenario.js';
import { loadScenarios } from './scenario-files.js';

const scenarios = await loadScenarios();

describe('contract scenarios against the simulator', () => {
  it('each scenario of scenarios/*.ts is listed once (index.ts decides the order), with a unique name', () => {
    expect(new Set(scenarios.map((e) => e.scenario)).size).toBe(scenarios.length);
    expect(new Set(scenarios.map((e) => e.scenario.name)).size).toBe(scenarios.length);
  });

  for (const { file, scenario } of scenarios) {
    it(`${file}: ${scenario.name}`, async () => {
      const clock = new ManualClock(Date.UTC(2026, 0, 15, 9));
      const backend = await openSimBackend({ path: ':memory:', clock, seed: 7 });
      const world: World = { kind: 'sim', backend, advance: async (ms) => clock.advance(ms) };
      try {
        await scenario.run(world);
      } finally {
        await backend.close();
      }
    });
  }
});
