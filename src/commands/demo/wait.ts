/**
 * Waiting in the simulator: instead of sleeping, move its clock forward until a resource settles.
 * Progress goes to stderr, one line per status change.
 */
import type { SimBackend } from '../../backend/sim/index.js';
import type { IOStreams } from '../../io/iostreams.js';
import { FailureError } from '../../errors.js';
import { describeComputeEnvironments, describeJobQueues } from '../shared/resolve.js';

export interface WaitOptions {
  /** Simulated time per step. */
  stepMs?: number;
  /** Give up after this much simulated time. */
  limitMs?: number;
}

/** The resources whose status goes CREATING -> VALID (or INVALID). */
export type Settling = 'compute environment' | 'job queue';

async function readStatus(sim: SimBackend, kind: Settling, name: string): Promise<{ status?: string; statusReason?: string } | undefined> {
  if (kind === 'compute environment') return (await describeComputeEnvironments(sim, [name]))[0];
  return (await describeJobQueues(sim, [name]))[0];
}

/** Advances the simulated clock until the resource is VALID; INVALID or gone is a FailureError. */
export async function waitUntilValid(sim: SimBackend, io: IOStreams, kind: Settling, name: string, opts: WaitOptions = {}): Promise<void> {
  const step = opts.stepMs ?? 5_000;
  const limit = opts.limitMs ?? 15 * 60_000;
  const c = io.color();
  let waited = 0;
  let last: string | undefined;
  for (;;) {
    const found = await readStatus(sim, kind, name);
    const status = found?.status ?? 'MISSING';
    if (status === 'VALID') {
      if (last) io.err(`${c.green('✓')} ${kind} ${name} is VALID ${c.dim(`(after ${waited / 1000}s of simulated time)`)}\n`);
      return;
    }
    if (status === 'INVALID' || status === 'MISSING' || status === 'DELETED' || status === 'DELETING') {
      throw new FailureError(`${kind} ${name} is ${status}${found?.statusReason ? `: ${found.statusReason}` : ''} [${sim.label}]`, '`batchctl sim reset` starts the simulator over; then run `batchctl demo` again');
    }
    if (waited >= limit) {
      throw new FailureError(`${kind} ${name} is still ${status} after ${limit / 60_000} minutes of simulated time [${sim.label}]`);
    }
    if (status !== last) io.err(`${c.dim('…')} waiting for ${kind} ${name} to become VALID (${status}); advancing the simulated clock\n`);
    last = status;
    sim.control.advance(step);
    waited += step;
  }
}
