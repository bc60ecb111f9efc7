/** Exit codes, as documented in docs/exit-codes.md (DESIGN.md). */
export const ExitCode = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  AUTH: 4,
  THROTTLED: 5,
  PENDING: 8,
  INTERRUPTED: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base of every error batchctl raises on purpose: a message for people, an exit code, an optional hint. */
export class BatchctlError extends Error {
  // Spelled out: the bundles are minified without keeping class names (scripts/build.mjs).
  override name = 'BatchctlError';
  readonly exitCode: number;
  readonly hint?: string;
  constructor(message: string, exitCode: number, hint?: string) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad usage or invalid input, found before anything was changed (exit 2). */
export class UsageError extends BatchctlError {
  override name = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.USAGE, hint);
  }
}

/** A named resource or job does not exist (exit 3). */
export class NotFoundError extends BatchctlError {
  override name = 'NotFoundError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.NOT_FOUND, hint);
  }
}

/** Credentials missing, expired or access denied (exit 4). */
export class AuthError extends BatchctlError {
  override name = 'AuthError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.AUTH, hint);
  }
}

/** Throttled after every retry (exit 5). */
export class ThrottledError extends BatchctlError {
  override name = 'ThrottledError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.THROTTLED, hint);
  }
}

/** Work still pending when a timeout expired (exit 8). */
export class PendingError extends BatchctlError {
  override name = 'PendingError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.PENDING, hint);
  }
}

/** Interrupted by Ctrl-C or a declined confirmation (exit 130). */
export class CancelledError extends BatchctlError {
  override name = 'CancelledError';
  constructor(message = 'cancelled', hint?: string) {
    super(message, ExitCode.INTERRUPTED, hint);
  }
}

/** The operation failed (exit 1). */
export class FailureError extends BatchctlError {
  override name = 'FailureError';
  constructor(message: string, hint?: string) {
    super(message, ExitCode.FAILURE, hint);
  }
}

/** A failure whose explanation was already printed: exit with the code, print nothing more. */
export class SilentError extends BatchctlError {
  override name = 'SilentError';
  constructor(exitCode: number = ExitCode.FAILURE) {
    super('', exitCode);
  }
}

/**
 * An error shaped like the AWS SDK's service exceptions: what crosses the Backend port from the
 * simulator, so that callers handle both worlds with one `catch`.
 */
export class AwsShapedError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  constructor(name: string, message: string, httpStatusCode = 400) {
    super(message);
    this.name = name;
    this.$fault = httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode };
  }
}

/** Batch's ClientException (400): invalid input or an unknown identifier. */
export function clientException(message: string): AwsShapedError {
  return new AwsShapedError('ClientException', message, 400);
}

const AUTH_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'CredentialsError',
  'TokenProviderError',
]);
const THROTTLE_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'ThrottledException',
]);
const NOT_FOUND_NAMES = new Set([
  'NoSuchEntity',
  'NoSuchEntityException',
  'ResourceNotFoundException',
  'InvalidSubnetID.NotFound',
  'InvalidGroup.NotFound',
  'InvalidVpcID.NotFound',
]);

const USAGE_NAMES = new Set([
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
  'ValidationException',
  'InvalidInput',
  'InvalidInputException',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** The AWS call an error came from, as the AWS backend records it on the error (not enumerable). */
export interface AwsCall {
  /** batch, ec2, iam, logs, eks */
  service: string;
  /** ListConsumableResources */
  operation: string;
  /** --endpoint-url, when the call did not go to AWS's own endpoint. */
  endpoint?: string;
}

const AWS_CALL = '$batchctlCall';

/** Records on a thrown error which AWS call it came from (the AWS backend does this for every failure). */
export function tagAwsCall(err: unknown, call: AwsCall): void {
  if (typeof err !== 'object' || err === null || AWS_CALL in err) return;
  try {
    Object.defineProperty(err, AWS_CALL, { value: call, enumerable: false, configurable: true });
  } catch {
    // a frozen error keeps its own message
  }
}

function awsCallOf(err: unknown): AwsCall | undefined {
  return typeof err === 'object' && err !== null ? ((err as Record<string, unknown>)[AWS_CALL] as AwsCall | undefined) : undefined;
}

/** An endpoint URL as it may be printed: without a user or password in it. */
export function printableEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (!url.username && !url.password) return endpoint;
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, endpoint.endsWith('/') ? '/' : '');
  } catch {
    return endpoint.replace(/\/\/[^/@]*@/, '//');
  }
}

/** Statuses with which a server says it has no such operation (or path). */
const NOT_IMPLEMENTED_STATUSES = new Set([404, 405, 501]);

/**
 * The SDK's "Deserialization error": a response arrived, but its body is not the service's protocol
 * (moto and LocalStack answer an HTML 404 for operations they lack; a proxy answers an HTML 502).
 * The SDK reports it as a SyntaxError (or similar) carrying the raw `$response`. Undefined for
 * any other error. toBatchctlError uses it; so does the dashboard, for its one-line messages.
 */
export function unparsableResponse(err: unknown, endpoint?: string): BatchctlError | undefined {
  const e = err as { name?: string; message?: string; $response?: { statusCode?: number; headers?: Record<string, string> } } | undefined;
  const status = e?.$response?.statusCode;
  if (typeof status !== 'number') return undefined;
  if (e?.name !== 'SyntaxError' && !/Deserialization error/i.test(e?.message ?? '')) return undefined;
  const call = awsCallOf(err);
  endpoint = call?.endpoint ?? endpoint;
  const where = endpoint ? `the endpoint ${printableEndpoint(endpoint)}` : 'the AWS endpoint';
  const op = call ? `${call.service}:${call.operation}` : 'the operation';
  if (NOT_IMPLEMENTED_STATUSES.has(status)) {
    return new FailureError(
      `${where} does not implement ${op} (HTTP ${status}): it is not AWS, or an older version of the API`,
      endpoint
        ? 'local emulators (moto, LocalStack) implement only part of AWS Batch; use a real AWS endpoint, or --backend sim, for this command'
        : 'check --region: the operation may not be available there yet',
    );
  }
  const type = e?.$response?.headers?.['content-type'] ?? e?.$response?.headers?.['Content-Type'];
  return new FailureError(
    `${where} answered ${op} with HTTP ${status} and a body that is not an AWS response${type ? ` (${type.split(';')[0]})` : ''}`,
    endpoint ? 'check --endpoint-url: is it an AWS API endpoint, and not a proxy or web page?' : 'a proxy or firewall between you and AWS may be answering in its place',
  );
}

/** Turns anything thrown below the commands into a BatchctlError with the documented exit code. */
export function toBatchctlError(err: unknown, opts: { endpoint?: string } = {}): BatchctlError {
  if (err instanceof BatchctlError) return err;
  const unparsable = unparsableResponse(err, opts.endpoint);
  if (unparsable) return unparsable;
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  const name = e?.name ?? 'Error';
  const message = e?.message || name;
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  if ((code && NETWORK_CODES.has(code)) || name === 'TimeoutError') {
    return new FailureError(
      `cannot reach ${opts.endpoint ? printableEndpoint(opts.endpoint) : 'the AWS endpoint'}: ${code ?? 'connection timed out'}`,
      opts.endpoint
        ? 'check --endpoint-url (is the server running on that port?)'
        : 'check your network connection and --region',
    );
  }
  if (AUTH_NAMES.has(name) || /could not load credentials|credential.*(missing|not found)/i.test(message)) {
    return new AuthError(`${name}: ${message}`, 'configure credentials with `aws configure`, AWS_PROFILE or --profile; `--backend sim` needs none');
  }
  if (THROTTLE_NAMES.has(name)) {
    return new ThrottledError(`${name}: ${message} (throttled after every retry)`, 'wait a moment and try again, or lower the polling rate');
  }
  if (NOT_FOUND_NAMES.has(name)) return new NotFoundError(message);
  if (name === 'ClientException') {
    if (/(not found|does not exist|cannot be found|unknown job)/i.test(message)) return new NotFoundError(message);
    return new UsageError(message);
  }
  if (USAGE_NAMES.has(name)) {
    return new UsageError(`${name}: ${message}`);
  }
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined) return new FailureError(`${name}: ${message}`);
  return new FailureError(message);
}
