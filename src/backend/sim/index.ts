/**
 * The simulator's entry point. Loaded with `await import()`; importing it does not load SQLite:
 * openSimBackend does, when it is called.
 */
export { type Clock, ManualClock } from './clock.js';
export type { FaultSettings, RunSummary, SimBackend, SimControl, SimOptions, SimStatus } from './types.js';
import type { SimBackend, SimOptions } from './types.js';

export async function openSimBackend(opts: SimOptions = {}): Promise<SimBackend> {
  const { createSimBackend } = await import('./backend.js');
  return createSimBackend(opts);
}
