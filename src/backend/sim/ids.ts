/**
 * Deterministic identifiers: a counter stored with the world and a seed, hashed. The same seed,
 * inputs and clock give the same ids (DESIGN.md "Determinism"), and two processes never collide
 * because the counter moves inside the write transaction.
 */
import { sha256 } from './hash.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class IdGenerator {
  private dirty = false;
  constructor(private readonly seed: number, private counter: number) {}

  private next(): Buffer {
    this.counter++;
    this.dirty = true;
    return sha256(`${this.seed}:${this.counter}`);
  }

  /** An RFC 4122 version-4-shaped UUID. */
  uuid(): string {
    const b = this.next();
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.subarray(0, 16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  /** `<prefix>-` and 17 hex digits: EC2's vpc-/subnet-/sg-/igw-/rtb- ids. */
  ec2(prefix: string): string {
    return `${prefix}-${this.next().toString('hex').slice(0, 17)}`;
  }

  /** IAM unique ids: a four-letter prefix (AROA role, AIPA instance profile, ANPA policy) and 17 base32 characters. */
  iam(prefix: string): string {
    const b = this.next();
    let s = prefix;
    for (let i = 0; i < 17; i++) s += BASE32[b[i]! % 32];
    return s;
  }

  /** The counter to persist, if it moved. */
  take(): number | undefined {
    if (!this.dirty) return undefined;
    this.dirty = false;
    return this.counter;
  }
}
