import { describe, expect, it, vi } from 'vitest';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { connectRetryBudget, FailFastRetryStrategy } from '../../../src/backend/aws/retry.js';

const netError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
const connectTimeout = () =>
  Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 3000 ms.'), {
    name: 'TimeoutError',
  });

describe('connectRetryBudget', () => {
  it('gives no retry to refused connections and unknown hosts', () => {
    expect(connectRetryBudget(netError('ECONNREFUSED'))).toBe(0);
    expect(connectRetryBudget(netError('ENOTFOUND'))).toBe(0);
  });

  it('gives one retry to unreachable networks, DNS hiccups and connect timeouts', () => {
    expect(connectRetryBudget(netError('EHOSTUNREACH'))).toBe(1);
    expect(connectRetryBudget(netError('EAI_AGAIN'))).toBe(1);
    expect(connectRetryBudget(connectTimeout())).toBe(1);
  });

  it('finds the code in an AggregateError or a cause', () => {
    expect(connectRetryBudget(Object.assign(new AggregateError([netError('ECONNREFUSED')]), {}))).toBe(0);
    expect(connectRetryBudget(new Error('wrapped', { cause: netError('ENOTFOUND') }))).toBe(0);
  });

  it('does not retry an account quota the SDK mistakes for throttling (IAM/Logs LimitExceededException)', () => {
    expect(connectRetryBudget({ name: 'LimitExceededException', $metadata: { httpStatusCode: 409 } })).toBe(0);
  });

  it('leaves other errors to the SDK strategy', () => {
    expect(connectRetryBudget(netError('ECONNRESET'))).toBeUndefined();
    expect(connectRetryBudget(Object.assign(new Error('slow'), { name: 'TimeoutError', code: 'ETIMEDOUT' }))).toBeUndefined();
    expect(connectRetryBudget({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } })).toBeUndefined();
  });
});

describe('FailFastRetryStrategy', () => {
  const token = (retryCount: number): RetryToken => ({ getRetryCount: () => retryCount, getRetryDelay: () => 0 });
  function inner(): RetryStrategyV2 {
    return {
      acquireInitialRetryToken: vi.fn(async () => token(0)),
      refreshRetryTokenForRetry: vi.fn(async (t: RetryToken) => token(t.getRetryCount() + 1)),
      recordSuccess: vi.fn(),
    };
  }
  const info = (error: unknown): RetryErrorInfo => ({ error: error as RetryErrorInfo['error'], errorType: 'TRANSIENT' });

  it('refuses to retry ECONNREFUSED without asking the SDK strategy', async () => {
    const wrapped = inner();
    const s = new FailFastRetryStrategy(wrapped);
    await expect(s.refreshRetryTokenForRetry(token(0), info(netError('ECONNREFUSED')))).rejects.toThrow(/No retry token/);
    expect(wrapped.refreshRetryTokenForRetry).not.toHaveBeenCalled();
  });

  it('allows exactly one retry for a connect timeout', async () => {
    const s = new FailFastRetryStrategy(inner());
    const t1 = await s.refreshRetryTokenForRetry(token(0), info(connectTimeout()));
    expect(t1.getRetryCount()).toBe(1);
    await expect(s.refreshRetryTokenForRetry(t1, info(connectTimeout()))).rejects.toThrow();
  });

  it('delegates throttling and everything else', async () => {
    const wrapped = inner();
    const s = new FailFastRetryStrategy(wrapped);
    const t = await s.refreshRetryTokenForRetry(token(4), { error: { name: 'ThrottlingException', $metadata: {} } as RetryErrorInfo['error'], errorType: 'THROTTLING' });
    expect(t.getRetryCount()).toBe(5);
    expect(wrapped.refreshRetryTokenForRetry).toHaveBeenCalledOnce();
    s.recordSuccess(t);
    expect(wrapped.recordSuccess).toHaveBeenCalledWith(t);
  });
});
