/**
 * The AWS backend against a scripted local endpoint: lazy loading of SDK clients, the 1:1 mapping
 * onto SDK commands, `$metadata` stripping, `--debug` lines, retries, rate-limit accounting, and
 * the shape of errors crossing the port (and what toBatchctlError makes of them).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwsBackend, operationName, type AwsOptions } from '../../../src/backend/aws/index.js';
import { ApiRateLimiter } from '../../../src/backend/aws/rate-limiter.js';
import { ExitCode, toBatchctlError } from '../../../src/errors.js';
import { batchError, closedPort, startFakeAws, type FakeAws } from './fake-aws.js';

// Count when each SDK package is first imported: vi.mock factories run on first import only.
const loads = vi.hoisted(() => ({ batch: 0, ec2: 0, iam: 0, logs: 0, eks: 0 }));
vi.mock('@aws-sdk/client-batch', async (importOriginal) => {
  loads.batch++;
  return await importOriginal();
});
vi.mock('@aws-sdk/client-ec2', async (importOriginal) => {
  loads.ec2++;
  return await importOriginal();
});
vi.mock('@aws-sdk/client-iam', async (importOriginal) => {
  loads.iam++;
  return await importOriginal();
});
vi.mock('@aws-sdk/client-cloudwatch-logs', async (importOriginal) => {
  loads.logs++;
  return await importOriginal();
});
vi.mock('@aws-sdk/client-eks', async (importOriginal) => {
  loads.eks++;
  return await importOriginal();
});

const CREDS = { accessKeyId: 'AKIDFAKEEXAMPLE1', secretAccessKey: 'wJalrFAKESECRETKEY', sessionToken: 'FAKESESSIONTOKEN42' };

let fake: FakeAws;
let lines: string[];
const opened: Array<{ close(): Promise<void> }> = [];

async function backend(extra: Partial<AwsOptions> = {}) {
  const b = await createAwsBackend({
    region: 'us-east-1',
    endpointUrl: fake.endpoint,
    credentials: CREDS,
    debug: (l) => lines.push(l),
    limiter: new ApiRateLimiter(),
    ...extra,
  });
  opened.push(b);
  return b;
}

beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  lines = [];
  fake.requests.length = 0;
  fake.handler = () => ({ body: {} });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  while (opened.length) await opened.pop()!.close();
});

describe('lazy loading', () => {
  it('imports no @aws-sdk/client-* until a facet is used, then only that service', async () => {
    const b = await backend();
    expect(loads).toEqual({ batch: 0, ec2: 0, iam: 0, logs: 0, eks: 0 });
    expect(b.kind).toBe('aws');
    expect(b.label).toBe('aws:us-east-1');

    fake.handler = () => ({ body: { computeEnvironments: [] } });
    await b.batch.describeComputeEnvironments({});
    await b.batch.describeComputeEnvironments({});
    expect(loads).toEqual({ batch: 1, ec2: 0, iam: 0, logs: 0, eks: 0 });
    expect(lines.filter((l) => l.startsWith('aws batch client:'))).toHaveLength(1);

    await b.logs.describeLogGroups({});
    expect(loads).toEqual({ batch: 1, ec2: 0, iam: 0, logs: 1, eks: 0 });
  });
});

describe('the port maps onto SDK commands', () => {
  it('every facet method has an SDK command of the same name', async () => {
    const b = await backend();
    const modules = {
      batch: await import('@aws-sdk/client-batch'),
      ec2: await import('@aws-sdk/client-ec2'),
      iam: await import('@aws-sdk/client-iam'),
      logs: await import('@aws-sdk/client-cloudwatch-logs'),
      eks: await import('@aws-sdk/client-eks'),
    };
    for (const service of ['batch', 'ec2', 'iam', 'logs', 'eks'] as const) {
      const methods = Object.keys(b[service]);
      expect(methods.length).toBeGreaterThan(0);
      for (const m of methods) {
        expect(typeof (modules[service] as Record<string, unknown>)[`${operationName(m)}Command`], `${service}.${m}`).toBe('function');
      }
    }
  });

  it('sends the input to the operation and strips $metadata from the output', async () => {
    fake.handler = () => ({ body: { jobQueues: [{ jobQueueName: 'q', state: 'ENABLED' }], nextToken: 'page2' } });
    const b = await backend();
    const out = await b.batch.describeJobQueues({ jobQueues: ['q'], maxResults: 10 });
    expect(out).toEqual({ jobQueues: [{ jobQueueName: 'q', state: 'ENABLED' }], nextToken: 'page2' });
    expect(out).not.toHaveProperty('$metadata');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.url).toBe('/v1/describejobqueues');
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({ jobQueues: ['q'], maxResults: 10 });
  });

  it('sends every service to --endpoint-url (IAM here) and signs with the given credentials', async () => {
    fake.handler = () => ({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<ListAttachedRolePoliciesResponse><ListAttachedRolePoliciesResult><IsTruncated>false</IsTruncated><AttachedPolicies/></ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>',
    });
    const b = await backend();
    const out = await b.iam.listAttachedRolePolicies({ RoleName: 'r' });
    expect(out.IsTruncated).toBe(false);
    expect(fake.requests[0]!.body).toContain('Action=ListAttachedRolePolicies');
    expect(String(fake.requests[0]!.headers.authorization)).toContain('Credential=AKIDFAKEEXAMPLE1/');
  });

  it('uses the named profile from the shared config files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-aws-'));
    try {
      writeFileSync(join(dir, 'credentials'), '[ci]\naws_access_key_id = AKIDFROMPROFILE9\naws_secret_access_key = profilesecret\n');
      writeFileSync(join(dir, 'config'), '[profile ci]\nregion = eu-west-1\n');
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
      vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
      vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
      vi.stubEnv('AWS_SESSION_TOKEN', undefined);
      vi.stubEnv('AWS_PROFILE', undefined);
      const b = await backend({ credentials: undefined, profile: 'ci' });
      await b.batch.listJobs({ jobQueue: 'q' });
      expect(String(fake.requests[0]!.headers.authorization)).toContain('Credential=AKIDFROMPROFILE9/');
      expect(lines.join('\n')).not.toContain('profilesecret');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--debug', () => {
  it('prints one line per call with the redacted input, status and duration, and never credentials', async () => {
    fake.handler = () => ({ body: { jobId: 'j-1', jobName: 'n' } });
    const b = await backend();
    await b.batch.submitJob({
      jobName: 'n',
      jobQueue: 'q',
      jobDefinition: 'd',
      containerOverrides: { environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] },
    });
    const calls = lines.filter((l) => l.startsWith('aws batch SubmitJob'));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^aws batch SubmitJob \{"jobName":"n",.*"value":"\*\*\*".*\} -> 200 \d+ms$/);
    const all = lines.join('\n');
    for (const secret of ['hunter2', CREDS.accessKeyId, CREDS.secretAccessKey, CREDS.sessionToken]) expect(all).not.toContain(secret);
    expect(lines.find((l) => l.startsWith('aws batch client:'))).toBe(
      `aws batch client: region us-east-1, endpoint ${fake.endpoint}, retries adaptive (max 8 attempts)`,
    );
  });
});

describe('errors crossing the port', () => {
  it('a Batch ClientException arrives as the SDK exception with name, message and HTTP status', async () => {
    fake.handler = () => batchError('ClientException', 'JobQueue nope not found.');
    const b = await backend();
    const err = await b.batch.submitJob({ jobName: 'n', jobQueue: 'nope', jobDefinition: 'd' }).catch((e: unknown) => e);
    const { ClientException } = await import('@aws-sdk/client-batch');
    expect(err).toBeInstanceOf(ClientException);
    expect(err).toMatchObject({ name: 'ClientException', message: 'JobQueue nope not found.', $metadata: { httpStatusCode: 400, attempts: 1 } });
    expect(fake.requests).toHaveLength(1); // client errors are not retried
    expect(lines.at(-1)).toMatch(/-> 400 ClientException \d+ms$/);
    const mapped = toBatchctlError(err);
    expect(mapped.exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it('an IAM NoSuchEntity (awsQuery XML) arrives as NoSuchEntityException 404 -> exit 3', async () => {
    fake.handler = () => ({
      status: 404,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name nope cannot be found.</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
    });
    const b = await backend();
    const err = await b.iam.getRole({ RoleName: 'nope' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it('throttling is retried with backoff; each attempt takes a rate-limiter token', async () => {
    let n = 0;
    fake.handler = () => (++n <= 2 ? batchError('TooManyRequestsException', 'Too Many Requests', 429) : { body: { jobs: [] } });
    const limiter = new ApiRateLimiter();
    const b = await backend({ limiter });
    const out = await b.batch.describeJobs({ jobs: ['a'] });
    expect(out).toEqual({ jobs: [] });
    expect(fake.requests).toHaveLength(3);
    expect(limiter.callsInLastMinute('batch')).toBe(3);
    expect(b.apiCallsLastMinute().batch).toBe(3);
    expect(lines.at(-1)).toMatch(/^aws batch DescribeJobs \{"jobs":\["a"\]\} -> 200 \d+ms attempts=3$/);
  });

  it('throttled after every attempt -> TooManyRequestsException -> exit 5', async () => {
    fake.handler = () => batchError('TooManyRequestsException', 'Too Many Requests', 429);
    const b = await backend({ maxAttempts: 2 });
    const err = await b.batch.listJobs({ jobQueue: 'q' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429, attempts: 2 } });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.THROTTLED);
  });

  it('an IAM quota error (LimitExceeded, 409) is not retried although the SDK classes it as throttling', async () => {
    fake.handler = () => ({
      status: 409,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>LimitExceeded</Code><Message>Cannot exceed quota for RolesPerAccount: 1000</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
    });
    const b = await backend();
    const err = await b.iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: '{}' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'LimitExceededException', $metadata: { httpStatusCode: 409, attempts: 1 } });
    expect(fake.requests).toHaveLength(1);
  });

  it('an unreachable endpoint fails at once: ECONNREFUSED, one attempt, exit 1 with a hint', async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const b = await backend({ endpointUrl: endpoint });
    const err = await b.batch.describeComputeEnvironments({}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', $metadata: { attempts: 1 } });
    expect((err as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode).toBeUndefined();
    expect(lines.at(-1)).toMatch(/-> ECONNREFUSED \d+ms$/);
    const mapped = toBatchctlError(err, { endpoint });
    expect(mapped.exitCode).toBe(ExitCode.FAILURE);
    expect(mapped.message).toBe(`cannot reach ${endpoint}: ECONNREFUSED`);
    expect(mapped.hint).toMatch(/--endpoint-url/);
  });

  // moto and LocalStack answer an operation they lack with an HTML 404 page; the SDK can only say
  // "Unexpected token '<' … Deserialization error".
  it('an HTML 404 for an operation the endpoint lacks -> "does not implement batch:<Op> (HTTP 404)", exit 1, no credentials', async () => {
    const html = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>';
    fake.handler = () => ({ status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
    const b = await backend();
    const err = await b.batch.listConsumableResources({}).catch((e: unknown) => e);
    expect(err).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((err as Error).message).toMatch(/Deserialization error/);
    expect(fake.requests).toHaveLength(1); // a 404 is not retried
    const mapped = toBatchctlError(err);
    expect(mapped.exitCode).toBe(ExitCode.FAILURE);
    expect(mapped.message).toBe(
      `the endpoint ${fake.endpoint} does not implement batch:ListConsumableResources (HTTP 404): it is not AWS, or an older version of the API`,
    );
    expect(mapped.hint).toMatch(/moto, LocalStack/);
    expect(`${mapped.message} ${mapped.hint}`).not.toMatch(/AKIDFAKE|FAKESECRET|FAKESESSION|Unexpected token/);
  });

  it('a user and password in --endpoint-url are not printed', async () => {
    fake.handler = () => ({ status: 404, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
    const endpoint = fake.endpoint.replace('http://', 'http://alice:s3cret@');
    const b = await backend({ endpointUrl: endpoint });
    const err = await b.batch.getJobQueueSnapshot({ jobQueue: 'q' }).catch((e: unknown) => e);
    const mapped = toBatchctlError(err);
    expect(mapped.message).toBe(`the endpoint ${fake.endpoint} does not implement batch:GetJobQueueSnapshot (HTTP 404): it is not AWS, or an older version of the API`);
  });

  it('an HTML page with another status (a proxy\'s 502) -> "not an AWS response", naming the status and content type', async () => {
    fake.handler = () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' });
    const b = await backend({ maxAttempts: 1 });
    const err = await b.batch.describeJobQueues({}).catch((e: unknown) => e);
    const mapped = toBatchctlError(err);
    expect(mapped.exitCode).toBe(ExitCode.FAILURE);
    expect(mapped.message).toBe(`the endpoint ${fake.endpoint} answered batch:DescribeJobQueues with HTTP 502 and a body that is not an AWS response (text/html)`);
    expect(mapped.hint).toMatch(/--endpoint-url/);
  });

  it('missing credentials -> CredentialsProviderError before any request -> exit 4', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-aws-'));
    try {
      for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
        vi.stubEnv(k, undefined);
      }
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'none'));
      vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'none'));
      vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
      const b = await backend({ credentials: undefined });
      const err = await b.batch.describeJobQueues({}).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'CredentialsProviderError' });
      expect(fake.requests).toHaveLength(0);
      const mapped = toBatchctlError(err);
      expect(mapped.exitCode).toBe(ExitCode.AUTH);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start without a region', async () => {
    await expect(createAwsBackend({ region: '' })).rejects.toMatchObject({ exitCode: ExitCode.USAGE });
  });
});
