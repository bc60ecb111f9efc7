/**
 * Seeded, order-independent randomness: every draw is a hash of the world's seed and the thing it
 * is about (a job attempt, an instance), so the same seed gives the same delays and faults
 * whatever order events are processed in.
 */
import { sha256 } from '../../hash.js';

/** A number in [0, 1) for `parts`. */
export function draw(seed: number, ...parts: (string | number)[]): number {
  const h = sha256(`${seed}|${parts.join('|')}`);
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

/** A whole number of seconds in [minS, maxS], as milliseconds. */
export function delayMs(seed: number, minS: number, maxS: number, ...parts: (string | number)[]): number {
  return (minS + Math.floor(draw(seed, ...parts) * (maxS - minS + 1))) * 1000;
}

/** 32 hex digits (an ECS task id). */
export function hexId(seed: number, ...parts: (string | number)[]): string {
  return sha256(`${seed}|hex|${parts.join('|')}`).toString('hex').slice(0, 32);
}
