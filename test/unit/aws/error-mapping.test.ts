/**
 * What toBatchctlError (src/errors.ts) makes of the errors the AWS backend lets through, shaped
 * exactly as the SDK throws them (see backend.test.ts for the real thing over HTTP).
 *
 * `it.fails` marks a mapping that is wrong today: the test states the right behaviour and is
 * expected to fail until errors.ts changes; then vitest reports it, and `.fails` must go.
 */
import { describe, expect, it } from 'vitest';
import { AwsShapedError, ExitCode, printableEndpoint, tagAwsCall, toBatchctlError } from '../../../src/errors.js';

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

  // What the SDK throws when the body is not JSON (moto's HTML 404 for an operation it lacks).
  const deserializationError = (status: number, contentType = 'text/html; charset=utf-8') =>
    Object.assign(new SyntaxError(`Unexpected token '<', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`), {
      $response: { statusCode: status, headers: { 'content-type': contentType } },
      $metadata: { httpStatusCode: status, attempts: 1 },
    });

  it('an unparsable 404 from --endpoint-url -> "does not implement <service>:<Operation>", exit 1', () => {
    const err = deserializationError(404);
    tagAwsCall(err, { service: 'batch', operation: 'ListConsumableResources' });
    const e = toBatchctlError(err, { endpoint: 'http://127.0.0.1:5000' });
    expect(e.exitCode).toBe(ExitCode.FAILURE);
    expect(e.message).toBe('the endpoint http://127.0.0.1:5000 does not implement batch:ListConsumableResources (HTTP 404): it is not AWS, or an older version of the API');
    expect(e.hint).toMatch(/--backend sim/);
  });

  it('the endpoint recorded by the backend wins over the one the caller passes (plan steps pass none)', () => {
    const err = deserializationError(501);
    tagAwsCall(err, { service: 'batch', operation: 'GetJobQueueSnapshot', endpoint: 'http://localhost:4566' });
    expect(toBatchctlError(err).message).toMatch(/^the endpoint http:\/\/localhost:4566 does not implement batch:GetJobQueueSnapshot \(HTTP 501\)/);
  });

  it('on AWS itself (no --endpoint-url), the hint points at the region', () => {
    const e = toBatchctlError(deserializationError(404));
    expect(e.message).toMatch(/^the AWS endpoint does not implement the operation \(HTTP 404\)/);
    expect(e.hint).toMatch(/--region/);
  });

  it('an unparsable body with another status names the status and content type', () => {
    const e = toBatchctlError(deserializationError(200, 'text/plain'), { endpoint: 'http://127.0.0.1:5000' });
    expect(e.message).toBe('the endpoint http://127.0.0.1:5000 answered the operation with HTTP 200 and a body that is not an AWS response (text/plain)');
  });

  it('an endpoint is printed without its user and password', () => {
    expect(printableEndpoint('http://user:pw@127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(printableEndpoint('https://u:p@example.com/base/')).toBe('https://example.com/base/');
    expect(printableEndpoint('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    const e = toBatchctlError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { endpoint: 'http://k:secret@h:1' });
    expect(e.message).toBe('cannot reach http://h:1: ECONNREFUSED');
  });
});
