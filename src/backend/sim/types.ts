/** The simulator's public types (re-exported by index.ts). */
import type { Backend } from '../port.js';
import type { Clock } from './clock.js';
import type { FaultSettings } from './engine/jobs/faults.js';
import type { RunSummary } from './engine/jobs/report.js';

export type { FaultSettings, RunSummary };

export interface SimOptions {
  /** Directory; the store is <home>/sim.db (created with mode 0700). */
  home?: string;
  /** Explicit store path, ':memory:' in tests (takes precedence over home). */
  path?: string;
  /** Default 'us-east-1'; only used when the store is created (a store holds one region). */
  region?: string;
  /** A manual clock for tests; default: the simulated clock persisted in the store. */
  clock?: Clock;
  /** `--sim-speed N`: when given, persisted (re-anchoring the clock at the current instant). */
  speed?: number;
  /** Only used when the store is created. */
  seed?: number;
  /** Called once per API call: "sim batch.CreateJobQueue 200 3ms". */
  debug?: (line: string) => void;
  /**
   * The store is used until the process exits (the CLI): close() leaves the connection to the exit,
   * which keeps SQLite's write-ahead log for the next process (Store.release).
   */
  untilExit?: boolean;
}

export interface SimStatus {
  now: number;
  speed: number;
  path: string;
  schemaVersion: number;
  region: string;
  accountId: string;
  counts: Record<string, number>;
}

export interface SimControl {
  status(): SimStatus;
  /** The simulated instant (status().now without counting the world's resources, jobs and logs). */
  now(): number;
  /** Simulated seconds per wall-clock second (status().speed, read without counting anything). */
  speed(): number;
  advance(ms: number): SimStatus;
  setSpeed(n: number): SimStatus;
  reset(): void;
  /**
   * Fast-forwards simulated time until no job is left to run (or `maxMs` of simulated time passed,
   * or nothing more can happen) and reports how the workload played out.
   */
  runUntilIdle(opts?: { maxMs?: number }): RunSummary;
  /** The fault settings (all 0 = off). */
  faults(): FaultSettings;
  /** Changes some fault settings (the rest stay); returns the result. */
  setFaults(change: Partial<FaultSettings>): FaultSettings;
  clearFaults(): FaultSettings;
}

export interface SimBackend extends Backend {
  readonly kind: 'sim';
  readonly control: SimControl;
}
