/**
 * SHA-256 for the simulator's seeded ids and draws, with node:crypto loaded at the first hash:
 * loading it costs a fifth of Node's start-up, and most commands (every list and describe) hash
 * nothing.
 */
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function sha256(data: string): Buffer {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.createHash('sha256').update(data).digest();
}
