/** The header's clock in the simulator: control.now()/speed() every 5 s, never status() (it counts the world). */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/port.js';
import { worldClock } from '../../src/tui/run.js';

describe('worldClock', () => {
  it('reads the simulated clock every 5 s and extrapolates at its speed between', () => {
    let wall = 1_000_000;
    let simNow = 5_000_000;
    const reads: string[] = [];
    const backend = {
      kind: 'sim',
      control: {
        now: () => (reads.push('now'), simNow),
        speed: () => (reads.push('speed'), 30),
        status: () => {
          throw new Error('status() counts every job: not for a clock');
        },
      },
    } as unknown as Backend;
    const now = worldClock(backend, () => wall);
    expect(now()).toBe(5_000_000);
    wall += 1000;
    expect(now()).toBe(5_030_000);
    expect(reads).toEqual(['now', 'speed']);
    wall += 4000;
    simNow = 5_200_000;
    expect(now()).toBe(5_200_000);
    expect(reads).toEqual(['now', 'speed', 'now', 'speed']);
  });

  it('is the wall clock against AWS', () => {
    const now = worldClock({ kind: 'aws' } as unknown as Backend, () => 42);
    expect(now()).toBe(42);
  });
});
