/**
 * Staying inside CloudWatch Logs' quotas while following many streams (spec/06 §5, DESIGN
 * "Polite to AWS"): FilterLogEvents is 5 TPS per account and region, GetLogEvents 25 TPS. A
 * follower spends at most a share of each, whatever the number of streams: with 100 array
 * children it reads a few streams per tick in round-robin instead of all of them at once.
 *
 * Pure: the caller owns the clock; `take()` answers how many calls it may make now.
 */

/** The share of each quota one `batchctl logs --follow` allows itself (the rest is for everyone else). */
export const FOLLOW_BUDGET = { GetLogEvents: 10, FilterLogEvents: 2, DescribeJobs: 2 } as const;

/** A token bucket over an injected clock: `rate` calls per second, at most `burst` at once. */
export class CallBudget {
  private tokens: number;
  private last: number;
  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** How many whole calls may be made now (they are spent), at most `want`. */
  take(now: number, want: number): number {
    this.refill(now);
    const n = Math.max(0, Math.min(want, Math.floor(this.tokens)));
    this.tokens -= n;
    return n;
  }

  /** Milliseconds until one call is allowed. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }
}

/**
 * Round-robin order: the `n` keys read least recently (never-read first), so every stream is read
 * in turn however many there are.
 */
export function leastRecentlyRead<K>(keys: readonly K[], lastRead: (k: K) => number | undefined, n: number): K[] {
  return [...keys]
    .map((k, i) => ({ k, i, t: lastRead(k) ?? -Infinity }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .slice(0, n)
    .map((x) => x.k);
}

/** FilterLogEvents takes 1–100 stream names: the batches for a list of streams. */
export function streamBatches<T>(streams: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < streams.length; i += size) out.push(streams.slice(i, i + size));
  return out;
}

/** Exponential backoff with full jitter after `failures` throttled calls (1 s, 2 s, 4 s … ≤ 30 s). */
export function throttleBackoffMs(failures: number, random: () => number = Math.random): number {
  const cap = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

const THROTTLE = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded', 'LimitExceededException']);

/** True for the errors CloudWatch Logs and Batch raise when a quota is exceeded. */
export function isThrottle(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  return THROTTLE.has(name);
}
