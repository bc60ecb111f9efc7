/** Flags -> fairsharePolicy (pure), and which flag sets which API field. */
import type { FairsharePolicy, ShareAttributes } from '@aws-sdk/client-batch';
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../shared/flags.js';
import { compact } from '../shared/resource-options.js';

export const POLICY_FLAG_FIELDS: Record<string, string> = {
  name: '<name>',
  arn: '<policy>',
  'fairsharePolicy.shareDecaySeconds': '--share-decay',
  'fairsharePolicy.computeReservation': '--compute-reservation',
  'fairsharePolicy.shareDistribution': '--share',
  tags: '--tag',
};

export interface FairShareFlags {
  shareDecay?: number;
  computeReservation?: number;
  share?: ShareAttributes[];
}

/** `--share ID[:WEIGHT]` -> `{shareIdentifier, weightFactor}` (weight defaults to 1; lower gets more). */
export function parseShare(value: string, prev: ShareAttributes[] = []): ShareAttributes[] {
  const at = value.lastIndexOf(':');
  const id = (at > 0 ? value.slice(0, at) : value).trim();
  if (!id) throw new InvalidArgumentError(`"${value}" must look like ID[:WEIGHT], e.g. teamA:1 or 'ml*:0.5'`);
  let weightFactor: number | undefined;
  if (at > 0) {
    const raw = value.slice(at + 1).trim();
    weightFactor = Number(raw);
    if (raw === '' || !Number.isFinite(weightFactor)) throw new InvalidArgumentError(`weight in "${value}" must be a number (0.0001-999.9999)`);
  }
  return [...prev, compact({ shareIdentifier: id, weightFactor })];
}

/** `--share-decay 1h` / `3600` -> seconds. */
export function parseShareDecay(value: string): number {
  return Math.round(parseDuration(value) / 1000);
}

/** The fairsharePolicy from flags over an existing one (update) or nothing (create). */
export function fairShareFrom(flags: FairShareFlags, base: FairsharePolicy = {}): FairsharePolicy | undefined {
  const over = compact({
    shareDecaySeconds: flags.shareDecay,
    computeReservation: flags.computeReservation,
    shareDistribution: flags.share,
  });
  if (Object.keys(over).length === 0) return Object.keys(base).length ? base : undefined;
  return { ...base, ...over };
}
