import { describe, expect, it } from 'vitest';
import { describeFailure, formatDebugLine, formatInput, isSecretKey, redact, REDACTED } from '../../../src/backend/aws/debug.js';

describe('isSecretKey', () => {
  it.each([
    'secretAccessKey',
    'SecretAccessKey',
    'accessKeyId',
    'AccessKeyId',
    'sessionToken',
    'SessionToken',
    'password',
    'dbPassword',
    'Authorization',
    'authorizationToken',
    'credentials',
    'credentialsParameter',
    'token',
    'idToken',
    'privateKey',
    'apiKey',
  ])('%s is secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(['nextToken', 'NextToken', 'nextForwardToken', 'nextBackwardToken', 'clientToken', 'ClientToken', 'clientRequestToken', 'jobName', 'RoleName', 'Marker', 'keyName', 'value'])(
    '%s is not secret',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );
});

describe('redact', () => {
  it('hides values under secret keys at any depth and keeps pagination tokens', () => {
    const input = {
      nextToken: 'eyJwYWdlIjoyfQ==',
      nextForwardToken: 'f/123',
      deep: { list: [{ sessionToken: 'IQoJb3JpZ2luX2VjE', ok: 1 }], password: 'hunter2' },
    };
    expect(redact(input)).toEqual({
      nextToken: 'eyJwYWdlIjoyfQ==',
      nextForwardToken: 'f/123',
      deep: { list: [{ sessionToken: REDACTED, ok: 1 }], password: REDACTED },
    });
  });

  it('hides the value of name/value pairs whose name looks secret (container environment, tags)', () => {
    const input = {
      containerOverrides: {
        environment: [
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI' },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
      },
      Tags: [{ Key: 'ApiToken', Value: 'abc' }, { Key: 'team', Value: 'infra' }],
    };
    expect(redact(input)).toEqual({
      containerOverrides: {
        environment: [
          { name: 'DB_PASSWORD', value: REDACTED },
          { name: 'AWS_SECRET_ACCESS_KEY', value: REDACTED },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
      },
      Tags: [{ Key: 'ApiToken', Value: REDACTED }, { Key: 'team', Value: 'infra' }],
    });
  });

  it('does not modify its input, and survives dates, bytes and cycles', () => {
    const input: Record<string, unknown> = { at: new Date(0), body: new Uint8Array(3), password: 'x' };
    input.self = input;
    const out = redact(input) as Record<string, unknown>;
    expect(out).toEqual({ at: '1970-01-01T00:00:00.000Z', body: '<3 bytes>', password: REDACTED, self: '<cycle>' });
    expect(input.password).toBe('x');
  });
});

describe('formatDebugLine', () => {
  it('prints service, operation, compact redacted input, status and duration', () => {
    const line = formatDebugLine('batch', 'SubmitJob', { jobName: 'j', containerOverrides: { environment: [{ name: 'PASSWORD', value: 'p' }] } }, { status: 200, durationMs: 41.6 });
    expect(line).toBe('aws batch SubmitJob {"jobName":"j","containerOverrides":{"environment":[{"name":"PASSWORD","value":"***"}]}} -> 200 42ms');
  });

  it('adds the error name for a failed call and the attempts when there were retries', () => {
    expect(formatDebugLine('iam', 'GetRole', { RoleName: 'r' }, { status: 404, error: 'NoSuchEntityException', durationMs: 12 })).toBe(
      'aws iam GetRole {"RoleName":"r"} -> 404 NoSuchEntityException 12ms',
    );
    expect(formatDebugLine('batch', 'ListJobs', {}, { status: 200, attempts: 3, durationMs: 2300 })).toBe('aws batch ListJobs {} -> 200 2300ms attempts=3');
    expect(formatDebugLine('batch', 'ListJobs', undefined, { error: 'ECONNREFUSED', durationMs: 3 })).toBe('aws batch ListJobs {} -> ECONNREFUSED 3ms');
  });

  it('cuts very long inputs', () => {
    const json = formatInput({ logEvents: Array.from({ length: 500 }, (_, i) => ({ timestamp: i, message: 'x'.repeat(20) })) });
    expect(json.length).toBeLessThan(2_100);
    expect(json).toMatch(/…\(\+\d+ chars\)$/);
  });
});

describe('describeFailure', () => {
  it('reads SDK service errors and node network errors', () => {
    expect(describeFailure({ name: 'ClientException', $metadata: { httpStatusCode: 400, attempts: 1 } })).toEqual({ status: 400, error: 'ClientException', attempts: 1 });
    expect(describeFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', $metadata: { attempts: 1 } }))).toEqual({
      status: undefined,
      error: 'ECONNREFUSED',
      attempts: 1,
    });
  });
});
