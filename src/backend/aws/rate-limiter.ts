/**
 * Client-side rate limiting for the AWS backend: one token bucket per service (and per operation
 * where AWS's quota is per operation, as for CloudWatch Logs), shared by the whole process, plus a
 * count of the calls made in the last minute (shown by the dashboard as the "API budget").
 *
 * Pure: the clock and the sleep are injected, so the math is testable with a fake clock. No SDK
 * import here; the dashboard may load this module without loading any `@aws-sdk/client-*`.
 */
import type { ServiceName } from '../port.js';

export interface LimiterClock {
  /** Milliseconds, monotonic enough for rate limiting. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BucketLimit {
  /** Sustained calls per second. */
  rate: number;
  /** Calls that may go out back to back after an idle period. */
  burst: number;
}

/**
 * A token bucket with reservations: a caller takes a token at once, even if that drives the balance
 * below zero, and then waits until its token would have been refilled. So waiters are served in
 * arrival order and the wait is computed once, with no polling.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: BucketLimit,
    private readonly clock: LimiterClock,
  ) {
    if (!(limit.rate > 0) || !(limit.burst >= 1)) throw new RangeError(`bad bucket limit ${JSON.stringify(limit)}`);
    this.tokens = limit.burst;
    this.last = clock.now();
  }

  /** Reserves one token and returns how many ms the caller must wait before using it (0 = now). */
  reserve(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.limit.rate) * 1000);
  }

  /** Tokens available now (negative when callers are queued). */
  available(): number {
    const now = this.clock.now();
    return Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.rate);
  }
}

export interface ServiceLimits {
  /** The bucket every operation of the service draws from, unless it has its own. */
  default: BucketLimit;
  /** Operations (SDK command names without `Command`, e.g. `FilterLogEvents`) with their own quota. */
  operations?: Record<string, BucketLimit>;
}

/**
 * Batchctl's defaults, kept a little under AWS's published quotas (docs/aws.md explains each).
 * Batch: "50 TPS per account for AWS Batch API calls, including SubmitJob" (one bucket for all).
 * Logs: quotas are per operation; FilterLogEvents is a hard 5 TPS per account and region.
 */
export const DEFAULT_LIMITS: Record<ServiceName, ServiceLimits> = {
  batch: { default: { rate: 50, burst: 50 } },
  logs: {
    default: { rate: 5, burst: 5 },
    operations: {
      FilterLogEvents: { rate: 5, burst: 5 },
      GetLogEvents: { rate: 25, burst: 25 },
      DescribeLogStreams: { rate: 25, burst: 25 },
      DescribeLogGroups: { rate: 10, burst: 10 },
      CreateLogStream: { rate: 50, burst: 50 },
      PutLogEvents: { rate: 100, burst: 100 },
    },
  },
  iam: { default: { rate: 20, burst: 20 } },
  ec2: { default: { rate: 20, burst: 20 } },
  eks: { default: { rate: 10, burst: 10 } },
};

const WINDOW_MS = 60_000;

/** The limiter for all services: buckets by service/operation and a sliding one-minute call count. */
export class ApiRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  /** Call instants per service, oldest first; `head` skips the expired prefix without shifting. */
  private readonly calls = new Map<ServiceName, { times: number[]; head: number }>();

  constructor(
    private readonly limits: Record<ServiceName, ServiceLimits> = DEFAULT_LIMITS,
    private readonly clock: LimiterClock = realClock,
  ) {}

  /** The bucket a call of `operation` on `service` draws from. */
  bucketFor(service: ServiceName, operation: string): TokenBucket {
    const own = this.limits[service].operations?.[operation];
    const key = own ? `${service}:${operation}` : service;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(own ?? this.limits[service].default, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Waits for a token for one HTTP request, records it, and returns how long it waited in ms.
   * Call once per attempt: retries count against AWS's quota too.
   */
  async acquire(service: ServiceName, operation: string): Promise<number> {
    const wait = this.bucketFor(service, operation).reserve();
    if (wait > 0) await this.clock.sleep(wait);
    this.record(service);
    return wait;
  }

  private record(service: ServiceName): void {
    let log = this.calls.get(service);
    if (!log) {
      log = { times: [], head: 0 };
      this.calls.set(service, log);
    }
    log.times.push(this.clock.now());
    this.prune(log);
  }

  private prune(log: { times: number[]; head: number }): void {
    const cutoff = this.clock.now() - WINDOW_MS;
    while (log.head < log.times.length && log.times[log.head]! <= cutoff) log.head++;
    // Drop the expired prefix in chunks: memory stays within one minute of calls plus 1024.
    if (log.head >= 1024) {
      log.times.splice(0, log.head);
      log.head = 0;
    }
  }

  /** Calls made to `service` in the last 60 s. */
  callsInLastMinute(service: ServiceName): number {
    const log = this.calls.get(service);
    if (!log) return 0;
    this.prune(log);
    return log.times.length - log.head;
  }

  /** Calls in the last 60 s for every service (the dashboard's "API calls in the last minute"). */
  snapshot(): Record<ServiceName, number> {
    const out = {} as Record<ServiceName, number>;
    for (const service of Object.keys(this.limits) as ServiceName[]) out[service] = this.callsInLastMinute(service);
    return out;
  }
}

let shared: ApiRateLimiter | undefined;

/** The process-wide limiter every AWS backend in this process shares. */
export function sharedRateLimiter(): ApiRateLimiter {
  shared ??= new ApiRateLimiter();
  return shared;
}

/** Calls per service in the last minute, process-wide. */
export function apiCallsInLastMinute(): Record<ServiceName, number> {
  return sharedRateLimiter().snapshot();
}
