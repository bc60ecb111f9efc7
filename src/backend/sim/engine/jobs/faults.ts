/**
 * Opt-in, seeded faults (DESIGN.md "Faults"), persisted in the store's meta table so that every
 * process sharing the world sees them. All rates are probabilities in [0, 1]; 0 (the default) is off.
 */
import type { Store } from '../../store/store.js';

export interface FaultSettings {
  /** Share of Batch API calls answered with TooManyRequestsException (429). */
  throttleRate: number;
  /** Share of Spot instances reclaimed while running (their jobs' attempts fail). */
  spotReclaimRate: number;
  /** Share of attempts whose image pull fails in STARTING (CannotPullContainerError). */
  pullFailureRate: number;
  /** Share of (instance type, 10-minute window) pairs EC2 cannot supply. */
  capacityShortageRate: number;
}

export const NO_FAULTS: FaultSettings = { throttleRate: 0, spotReclaimRate: 0, pullFailureRate: 0, capacityShortageRate: 0 };

export const FAULTS_META_KEY = 'faults';

export function readFaults(store: Store): FaultSettings {
  const raw = store.getMeta(FAULTS_META_KEY);
  if (!raw) return { ...NO_FAULTS };
  try {
    return { ...NO_FAULTS, ...(JSON.parse(raw) as Partial<FaultSettings>) };
  } catch {
    return { ...NO_FAULTS };
  }
}

export function writeFaults(store: Store, f: FaultSettings): void {
  store.setMeta(FAULTS_META_KEY, JSON.stringify(f));
}

export function anyFault(f: FaultSettings): boolean {
  return f.throttleRate > 0 || f.spotReclaimRate > 0 || f.pullFailureRate > 0 || f.capacityShortageRate > 0;
}

/** The container reason of a failed image pull. */
export function pullFailureReason(image: string | undefined): string {
  const ref = image ?? 'image';
  return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: not found`;
}

/** The attempt statusReason of a task that never started. */
export const TASK_FAILED_TO_START = 'Task failed to start';

/** How long a capacity shortage of one instance type lasts (a draw per window). */
export const SHORTAGE_WINDOW_MS = 10 * 60_000;
