/**
 * What toBatchctlError (src/errors.ts) makes of the errors the AWS backend lets through, shaped
 * exactly as the SDK throws them (see backend.test.ts for the real thing over HTTP).
 *
 * `it.fails` marks a mapping that is wrong today: the test states the right behaviour and is
 * expected to fail until errors.ts changes; then vitest reports it, and `.fails` must go.
 */
import { describe, expect, it } from 'vitest';
import { AwsShapedError, ExitCode, toBatchctlError } from '../../../src/errors.js';

/** A node socket error as the SDK rethrows it: the code on the error itself, $metadata without a status. */
const netError = (code: string, message: string) => Object.assign(new Error(message), { code, $metadata: { attempts: 1, totalRetryDelay: 0 } });

describe('toBatchctlError on AWS backend errors', () => {
  it('ECONNREFUSED and ENOTFOUND -> exit 1 naming the endpoint', () => {
    const e = toBatchctlError(netError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5000'), { endpoint: 'http://127.0.0.1:5000' });
    expect(e.exitCode).toBe(ExitCode.FAILURE);
    expect(e.message).toBe('cannot reach http://127.0.0.1:5000: ECONNREFUSED');
    expect(toBatchctlError(netError('ENOTFOUND', 'getaddrinfo ENOTFOUND batch.xx-nowhere-1.amazonaws.com')).message).toMatch(/cannot reach the AWS endpoint: ENOTFOUND/);
  });

  it('CredentialsProviderError -> exit 4', () => {
    const err = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.AUTH);
  });

  it('an expired SSO session -> exit 4', () => {
    const err = Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid.'), { name: 'CredentialsProviderError' });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.AUTH);
  });

  it('UnrecognizedClientException (bad keys) -> exit 4', () => {
    expect(toBatchctlError(new AwsShapedError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403)).exitCode).toBe(ExitCode.AUTH);
  });

  it('Batch and Logs throttling -> exit 5', () => {
    expect(toBatchctlError(new AwsShapedError('TooManyRequestsException', 'Too Many Requests', 429)).exitCode).toBe(ExitCode.THROTTLED);
    expect(toBatchctlError(new AwsShapedError('ThrottlingException', 'Rate exceeded', 400)).exitCode).toBe(ExitCode.THROTTLED);
  });

  // The connect timeout of @smithy/node-http-handler is a TimeoutError without a `code`, so it
  // falls through to a generic failure carrying the SDK's long internal message and no hint.
  it('a connect timeout -> "cannot reach <endpoint>" like the other network errors', () => {
    const err = Object.assign(
      new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 3000 ms.'),
      { name: 'TimeoutError', $metadata: { attempts: 2 } },
    );
    const e = toBatchctlError(err, { endpoint: 'https://batch.us-east-1.amazonaws.com' });
    expect(e.exitCode).toBe(ExitCode.FAILURE);
    expect(e.message).toMatch(/^cannot reach https:\/\/batch\.us-east-1\.amazonaws\.com/);
  });

  // IAM (CreateRole, CreateInstanceProfile) and CloudWatch Logs (CreateLogGroup) raise
  // LimitExceededException when an account quota is full ("Cannot exceed quota for
  // RolesPerAccount: 1000"). That is not throttling: waiting and retrying will not help.
  it('IAM LimitExceededException (a quota, 409) is not "throttled" (exit 5)', () => {
    const e = toBatchctlError(new AwsShapedError('LimitExceededException', 'Cannot exceed quota for RolesPerAccount: 1000', 409));
    expect(e.exitCode).not.toBe(ExitCode.THROTTLED);
  });

  // EC2 reports bad input as InvalidParameterValue / InvalidParameterCombination / MissingParameter
  // (400); moto uses InvalidParameterValue for Batch CreateComputeEnvironment too.
  it('EC2 InvalidParameterValue -> usage error (exit 2)', () => {
    expect(toBatchctlError(new AwsShapedError('InvalidParameterValue', 'Value (x) for parameter groupName is invalid.', 400)).exitCode).toBe(ExitCode.USAGE);
  });
});
