/**
 * Retry policy for the AWS backend: the SDK's adaptive strategy (client-side rate adaptation and
 * jittered exponential backoff, 1 s base on throttling), except that failures to *connect* fail
 * fast, and a full account quota (LimitExceededException) is not mistaken for throttling. The SDK classes ECONNREFUSED and connection timeouts as transient and would retry them up
 * to maxAttempts times; against a wrong `--endpoint-url` or a dead network that only delays the
 * error. Errors during an established exchange (ECONNRESET, EPIPE, 5xx, throttling) keep the
 * normal policy.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

export const DEFAULT_MAX_ATTEMPTS = 8;
/** Connect phase timeout passed to the node http handler. */
export const CONNECTION_TIMEOUT_MS = 3_000;
/** A whole request/response; thrown as TimeoutError (code ETIMEDOUT), which is retried. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Nobody listens there, or the name does not resolve: retrying will not help. */
const NO_RETRY_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);
/** The network may be blipping: one more try, then give up. */
const ONE_RETRY_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function errorCode(err: unknown, depth = 0): string | undefined {
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  if (!e || depth > 5) return undefined;
  if (typeof e.code === 'string') return e.code;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const c = errorCode(inner, depth + 1);
      if (c) return c;
    }
  }
  return e.cause !== undefined ? errorCode(e.cause, depth + 1) : undefined;
}

/** The connect-phase timeout of @smithy/node-http-handler: a TimeoutError with this message. */
function isConnectTimeout(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | undefined;
  return e?.name === 'TimeoutError' && /did not establish a connection/i.test(e.message ?? '');
}

/**
 * Error names the SDK classes as throttling that, for the services batchctl calls, are quotas:
 * IAM's LimitExceeded (409, "Cannot exceed quota for RolesPerAccount") and CloudWatch Logs'
 * LimitExceededException ("reached the maximum number of resources"). Waiting will not help.
 */
const QUOTA_NAMES = new Set(['LimitExceededException', 'LimitExceeded']);

/**
 * How many retries a failure gets when batchctl overrides the SDK: 0 for refused connections,
 * unknown hosts and full quotas, 1 for other connection failures, or undefined (the wrapped
 * strategy decides).
 */
export function connectRetryBudget(err: unknown): number | undefined {
  if (QUOTA_NAMES.has((err as { name?: string } | undefined)?.name ?? '')) return 0;
  const code = errorCode(err);
  if (code && NO_RETRY_CODES.has(code)) return 0;
  if ((code && ONE_RETRY_CODES.has(code)) || isConnectTimeout(err)) return 1;
  return undefined;
}

/** Wraps a RetryStrategyV2 (the SDK's AdaptiveRetryStrategy) with the fail-fast rule above. */
export class FailFastRetryStrategy implements RetryStrategyV2 {
  constructor(readonly inner: RetryStrategyV2) {}

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const budget = connectRetryBudget(errorInfo.error);
    if (budget !== undefined && token.getRetryCount() >= budget) {
      // The SDK's retry middleware rethrows the original error when no token is granted.
      return Promise.reject(new Error('No retry token available'));
    }
    return this.inner.refreshRetryTokenForRetry(token, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token);
  }
}
