/** The simulator's log streams behave like CloudWatch's for a follower (spec/07 §8). */
import { describe, expect, it } from 'vitest';
import { ManualClock, openSimBackend } from '../../../src/backend/sim/index.js';

describe('simulated CloudWatch Logs streams', () => {
  it('orders events by timestamp across PutLogEvents calls, and a forward token picks up only what is new', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 15));
    const sim = await openSimBackend({ path: ':memory:', clock, seed: 1 });
    const g = { logGroupName: 'g', logStreamName: 's' };
    await sim.logs.createLogGroup({ logGroupName: 'g' });
    await sim.logs.createLogStream(g);
    const t = clock.now();
    await sim.logs.putLogEvents({ ...g, logEvents: [{ timestamp: t + 30, message: 'c' }] });
    await sim.logs.putLogEvents({ ...g, logEvents: [{ timestamp: t + 10, message: 'a' }, { timestamp: t + 20, message: 'b' }] });
    const first = await sim.logs.getLogEvents({ ...g, startFromHead: true });
    expect(first.events!.map((e) => e.message)).toEqual(['a', 'b', 'c']);
    const end = await sim.logs.getLogEvents({ ...g, startFromHead: true, nextToken: first.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(first.nextForwardToken);
    await sim.logs.putLogEvents({ ...g, logEvents: [{ timestamp: t + 40, message: 'd' }] });
    const more = await sim.logs.getLogEvents({ ...g, startFromHead: true, nextToken: end.nextForwardToken });
    expect(more.events!.map((e) => e.message)).toEqual(['d']);
    expect(more.nextForwardToken).not.toBe(end.nextForwardToken);
    const filtered = await sim.logs.filterLogEvents({ logGroupName: 'g', logStreamNames: ['s'] });
    expect(filtered.events!.map((e) => e.message)).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(filtered.events!.map((e) => e.eventId)).size).toBe(4);
    expect(filtered.nextToken).toBeUndefined();
    await sim.close();
  });
});
