import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, shortHash } from '../../../src/backend/sim/hash.js';

describe('sha256 (plain JavaScript)', () => {
  it('matches node:crypto for every length around the block boundaries, and for non-ASCII text', () => {
    const inputs = ['', 'abc', '1:1', 'é€😀 unicode', 'x'.repeat(1000)];
    for (let n = 50; n <= 130; n++) inputs.push('a'.repeat(n));
    for (let i = 0; i < 200; i++) inputs.push(`${i * 7919}|seed|${'z'.repeat(i % 70)}|${i}`);
    for (const s of inputs) expect(sha256(s).toString('hex'), JSON.stringify(s)).toBe(createHash('sha256').update(s).digest('hex'));
  });

  it('has the FIPS 180-4 test vector', () => {
    expect(sha256('abc').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('shortHash', () => {
  it('is 16 hex digits, stable, and tells near inputs apart', () => {
    expect(shortHash('queue-a|{}')).toMatch(/^[0-9a-f]{16}$/);
    expect(shortHash('queue-a|{}')).toBe(shortHash('queue-a|{}'));
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => shortHash(`arn:aws:batch:us-east-1:123456789012:job-queue/q${i}|RUNNING`)));
    expect(seen.size).toBe(5000);
  });
});
