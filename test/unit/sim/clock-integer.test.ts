import { describe, expect, it } from 'vitest';
import { ManualClock, openSimBackend } from '../../../src/backend/sim/index.js';

describe('simulated time is whole milliseconds', () => {
  it('a fractional advance does not leak into timestamps or log tokens', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const sim = await openSimBackend({ path: ':memory:', clock, seed: 1 });
    try {
      await sim.logs.createLogGroup({ logGroupName: '/t' });
      await sim.logs.createLogStream({ logGroupName: '/t', logStreamName: 's' });
      clock.advance(1.5);
      await sim.logs.putLogEvents({ logGroupName: '/t', logStreamName: 's', logEvents: [{ timestamp: Date.UTC(2026, 0, 1) + 1, message: 'x' }] });
      const first = await sim.logs.getLogEvents({ logGroupName: '/t', logStreamName: 's', startFromHead: true });
      expect(first.events?.map((e) => e.message)).toEqual(['x']);
      expect(Number.isInteger(first.events?.[0]?.ingestionTime)).toBe(true);
      const again = await sim.logs.getLogEvents({ logGroupName: '/t', logStreamName: 's', startFromHead: true, nextToken: first.nextForwardToken });
      expect(again.nextForwardToken).toBe(first.nextForwardToken);
      expect(Number.isInteger(sim.control.status().now)).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
