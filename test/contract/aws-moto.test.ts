/**
 * The contract suite against the AWS backend pointed at a local moto server.
 *
 * 1. Every scenario of test/contract/scenarios/index.ts runs once with `kind: 'moto'`
 *    (scenario-files.ts; moto is reset before each one; `advance` is a no-op because moto changes
 *    state at once).
 * 2. Smoke checks of the AWS backend itself over the real SDK wire protocols.
 * 3. "moto deviation" checks pin what moto does differently from AWS (docs/aws.md lists them), so
 *    that scenario authors can rely on them and we notice when moto changes.
 *
 * Without python3 + moto the file is skipped with a loud message; BATCHCTL_REQUIRE_MOTO=1 fails it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/backend/aws/index.js';
import { run } from '../../src/cli.js';
import { createContext } from '../../src/context.js';
import { ExitCode, toBatchctlError } from '../../src/errors.js';
import { testStreams } from '../../src/io/iostreams.js';
import { scriptedPrompter } from '../../src/io/prompter.js';
import { skipWithoutMoto, startMoto, useFakeAwsEnv, type MotoServer } from '../helpers/moto.js';
import type { World } from './scenario.js';
import { loadScenarios } from './scenario-files.js';

const skip = skipWithoutMoto('test/contract/aws-moto.test.ts');

const scenarios = skip ? [] : await loadScenarios();

let moto: MotoServer;
let backend: AwsBackend;
let restoreEnv: () => void;
const debugLines: string[] = [];

beforeAll(async () => {
  if (skip) return;
  restoreEnv = useFakeAwsEnv();
  moto = await startMoto();
  backend = await createAwsBackend({
    region: 'us-east-1',
    endpointUrl: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing-session' },
    maxAttempts: 3,
    debug: (line) => debugLines.push(line),
  });
});

afterAll(async () => {
  await backend?.close();
  await moto?.stop();
  restoreEnv?.();
});

function world(): World {
  return { kind: 'moto', backend, advance: async () => {} };
}

describe.skipIf(skip)('contract scenarios against moto', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  if (scenarios.length === 0) {
    it.todo('no scenarios in test/contract/scenarios yet');
  }
  for (const { file, scenario } of scenarios) {
    it(`${file}: ${scenario.name}`, async () => {
      await scenario.run(world());
    });
  }
});

// --- smoke checks --------------------------------------------------------------------------------

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A Fargate CE in the default VPC with a real (moto) IAM role, which moto requires. */
async function fargateCe(name: string): Promise<string> {
  const role = await backend.iam.createRole({ RoleName: `${name}-svc`, AssumeRolePolicyDocument: TRUST });
  const subnets = await backend.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] });
  const sgs = await backend.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] });
  const out = await backend.batch.createComputeEnvironment({
    computeEnvironmentName: name,
    type: 'MANAGED',
    state: 'ENABLED',
    serviceRole: role.Role!.Arn,
    computeResources: {
      type: 'FARGATE',
      maxvCpus: 4,
      subnets: subnets.Subnets!.map((s) => s.SubnetId!),
      securityGroupIds: [sgs.SecurityGroups![0]!.GroupId!],
    },
  });
  return out.computeEnvironmentArn!;
}

describe.skipIf(skip)('AWS backend over moto: smoke', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('EC2 DescribeSubnets and DescribeSecurityGroups see the default VPC', async () => {
    const subnets = await backend.ec2.describeSubnets({});
    expect(subnets.Subnets!.length).toBeGreaterThanOrEqual(3);
    expect(subnets).not.toHaveProperty('$metadata');
    const sgs = await backend.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] });
    expect(sgs.SecurityGroups![0]!.IpPermissionsEgress![0]).toMatchObject({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
  });

  it('CE -> describe -> queue -> job definition -> deregister', async () => {
    const ceArn = await fargateCe('smoke-ce');
    expect(ceArn).toBe('arn:aws:batch:us-east-1:123456789012:compute-environment/smoke-ce');
    const ces = await backend.batch.describeComputeEnvironments({ computeEnvironments: ['smoke-ce'] });
    expect(ces.computeEnvironments).toHaveLength(1);
    expect(ces.computeEnvironments![0]).toMatchObject({ computeEnvironmentName: 'smoke-ce', type: 'MANAGED', state: 'ENABLED', status: 'VALID' });

    const q = await backend.batch.createJobQueue({
      jobQueueName: 'smoke-q',
      state: 'ENABLED',
      priority: 1,
      computeEnvironmentOrder: [{ order: 1, computeEnvironment: ceArn }],
    });
    expect(q.jobQueueArn).toBe('arn:aws:batch:us-east-1:123456789012:job-queue/smoke-q');

    const jd = await backend.batch.registerJobDefinition({
      jobDefinitionName: 'smoke-jd',
      type: 'container',
      platformCapabilities: ['FARGATE'],
      containerProperties: {
        image: 'public.ecr.aws/docker/library/busybox:latest',
        command: ['echo', 'hello'],
        resourceRequirements: [
          { type: 'VCPU', value: '0.25' },
          { type: 'MEMORY', value: '512' },
        ],
      },
    });
    expect(jd).toMatchObject({ jobDefinitionName: 'smoke-jd', revision: 1 });
    await backend.batch.deregisterJobDefinition({ jobDefinition: 'smoke-jd:1' });
    const defs = await backend.batch.describeJobDefinitions({ jobDefinitionName: 'smoke-jd' });
    expect(defs.jobDefinitions!.map((d) => d.status)).toEqual(['INACTIVE']);
  });

  it('a Batch error from moto is a ClientException (400) and maps to exit 3 for an unknown queue', async () => {
    const err = await backend.batch.submitJob({ jobName: 'j', jobQueue: 'no-such-queue', jobDefinition: 'd' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ClientException', $metadata: { httpStatusCode: 400 } });
    // moto checks the job definition before the queue: "Job definition d does not exist".
    expect((err as Error).message).toMatch(/does not exist/);
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it('IAM GetRole on a missing role -> NoSuchEntityException (404) -> exit 3', async () => {
    const err = await backend.iam.getRole({ RoleName: 'no-such-role' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it('CloudWatch Logs on a missing group -> ResourceNotFoundException -> exit 3', async () => {
    const err = await backend.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'x/default/y', startFromHead: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(toBatchctlError(err).exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it('--debug lines carry status and never the credentials', async () => {
    debugLines.length = 0;
    await backend.iam.getRole({ RoleName: 'nope' }).catch(() => undefined);
    await backend.ec2.describeVpcs({});
    expect(debugLines).toEqual([
      expect.stringMatching(/^aws iam GetRole \{"RoleName":"nope"\} -> 404 NoSuchEntityException \d+ms$/),
      expect.stringMatching(/^aws ec2 DescribeVpcs \{\} -> 200 \d+ms$/),
    ]);
    expect(debugLines.join('\n')).not.toMatch(/testing-session|Credential=/);
  });

  it('counts the calls of the last minute per service', async () => {
    const before = backend.apiCallsLastMinute();
    await backend.eks.listClusters({});
    expect(backend.apiCallsLastMinute().eks).toBe(before.eks + 1);
  });
});

// --- known moto deviations (docs/aws.md) ---------------------------------------------------------

describe.skipIf(skip)('moto deviations (AWS behaves differently; see docs/aws.md)', () => {
  beforeEach(async () => {
    await moto.reset();
  });

  it('CreateComputeEnvironment needs a serviceRole that exists in moto IAM (AWS falls back to the service-linked role)', async () => {
    const noRole = await backend.batch
      .createComputeEnvironment({ computeEnvironmentName: 'ce-a', type: 'UNMANAGED' })
      .catch((e: unknown) => e);
    expect(noRole).toMatchObject({ name: 'ClientException', message: expect.stringMatching(/ServiceRole is required/) });
    const fakeRole = await backend.batch
      .createComputeEnvironment({ computeEnvironmentName: 'ce-b', type: 'UNMANAGED', serviceRole: 'arn:aws:iam::123456789012:role/not-created' })
      .catch((e: unknown) => e);
    expect(fakeRole).toMatchObject({ name: 'InvalidParameterValue', $metadata: { httpStatusCode: 400 } });
  });

  it('CE names need 3+ characters and errors use InvalidParameterValue, not ClientException', async () => {
    const role = await backend.iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: TRUST });
    const err = await backend.batch
      .createComputeEnvironment({ computeEnvironmentName: 'ce', type: 'UNMANAGED', serviceRole: role.Role!.Arn })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('a new CE is VALID at once, and omits `state` unless it was given', async () => {
    const role = await backend.iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: TRUST });
    await backend.batch.createComputeEnvironment({ computeEnvironmentName: 'ce-u', type: 'UNMANAGED', serviceRole: role.Role!.Arn });
    const ce = (await backend.batch.describeComputeEnvironments({ computeEnvironments: ['ce-u'] })).computeEnvironments![0]!;
    expect(ce.status).toBe('VALID');
    expect(ce.state).toBeUndefined(); // AWS: ENABLED
  });

  it('CreateJobQueue requires `state` (AWS defaults it to ENABLED)', async () => {
    const ceArn = await fargateCe('ce-q');
    const err = await backend.batch
      .createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ceArn }] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ClientException', message: 'state must be provided' });
  });

  it('jobs finish SUCCEEDED at once (batch.use_docker=false) and ListJobs without jobStatus lists every status (AWS: RUNNING only)', async () => {
    const ceArn = await fargateCe('ce-j');
    await backend.batch.createJobQueue({ jobQueueName: 'q', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ceArn }] });
    await backend.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128 } });
    const { jobId } = await backend.batch.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'jd' });
    let status: string | undefined;
    for (let i = 0; i < 50 && status !== 'SUCCEEDED'; i++) {
      status = (await backend.batch.describeJobs({ jobs: [jobId!] })).jobs![0]?.status;
      if (status !== 'SUCCEEDED') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('SUCCEEDED');
    const listed = await backend.batch.listJobs({ jobQueue: 'q' });
    expect(listed.jobSummaryList!.map((j) => j.status)).toEqual(['SUCCEEDED']);
  });

  it('RegisterJobDefinition checks containerProperties on revision 1 only; later revisions register without them (AWS: ClientException)', async () => {
    const first = await backend.batch.registerJobDefinition({ jobDefinitionName: 'empty', type: 'container' }).catch((e: unknown) => e);
    expect(first).toMatchObject({ name: 'ClientException', message: 'containerProperties or eksProperties must be provided' });
    await backend.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128 } });
    const second = await backend.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container' });
    expect(second.revision).toBe(2);
  });

  it('deleting an ENABLED CE still referenced by a queue succeeds (AWS: ClientException)', async () => {
    const ceArn = await fargateCe('ce-d');
    await backend.batch.createJobQueue({ jobQueueName: 'q', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ceArn }] });
    await backend.batch.deleteComputeEnvironment({ computeEnvironment: 'ce-d' });
    const ces = await backend.batch.describeComputeEnvironments({});
    expect(ces.computeEnvironments).toEqual([]);
  });

  it('deleting an ENABLED queue succeeds and the queue is gone at once (AWS: must be DISABLED, then DELETING)', async () => {
    const ceArn = await fargateCe('ce-e');
    await backend.batch.createJobQueue({ jobQueueName: 'q', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ceArn }] });
    await backend.batch.deleteJobQueue({ jobQueue: 'q' });
    expect((await backend.batch.describeJobQueues({})).jobQueues).toEqual([]);
  });

  it('GetJobQueueSnapshot is not implemented: an HTML 404 the SDK cannot parse, mapped to "does not implement" (exit 1)', async () => {
    const err = await backend.batch.getJobQueueSnapshot({ jobQueue: 'q' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect((err as Error).name).not.toBe('ClientException');
    const mapped = toBatchctlError(err);
    expect(mapped.exitCode).toBe(ExitCode.FAILURE);
    expect(mapped.message).toBe(`the endpoint ${moto.endpoint} does not implement batch:GetJobQueueSnapshot (HTTP 404): it is not AWS, or an older version of the API`);
  });

  it('the consumable-resource operations are not implemented: HTML 404s the SDK cannot parse, each named in the mapped error', async () => {
    const b = backend.batch;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['CreateConsumableResource', () => b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 })],
      ['DescribeConsumableResource', () => b.describeConsumableResource({ consumableResource: 'lic' })],
      ['ListConsumableResources', () => b.listConsumableResources({})],
      ['UpdateConsumableResource', () => b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 1 })],
      ['DeleteConsumableResource', () => b.deleteConsumableResource({ consumableResource: 'lic' })],
      ['ListJobsByConsumableResource', () => b.listJobsByConsumableResource({ consumableResource: 'lic' })],
    ];
    for (const [op, call] of calls) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toMatchObject({ $metadata: { httpStatusCode: 404 } });
      expect((err as Error).name).not.toBe('ClientException');
      expect(toBatchctlError(err).message).toBe(`the endpoint ${moto.endpoint} does not implement batch:${op} (HTTP 404): it is not AWS, or an older version of the API`);
    }
  });

  it('`batchctl resource list --backend aws --endpoint-url <moto>`: one clear paragraph, a hint, exit 1, no credentials', async () => {
    const streams = testStreams();
    const ctx = createContext({ io: streams.io, env: { ...process.env, BATCHCTL_CONFIG: '/nonexistent/config.json' }, prompter: scriptedPrompter([]) });
    const code = await run(['resource', 'list', '--backend', 'aws', '--endpoint-url', moto.endpoint], ctx);
    expect(code).toBe(ExitCode.FAILURE);
    expect(streams.stdout()).toBe('');
    expect(streams.stderr()).toBe(
      `error: the endpoint ${moto.endpoint} does not implement batch:ListConsumableResources (HTTP 404): it is not AWS, or an older version of the API\n` +
        'hint: local emulators (moto, LocalStack) implement only part of AWS Batch; use a real AWS endpoint, or --backend sim, for this command\n',
    );
  });

  it('CreateServiceLinkedRole names the role AWSServiceRoleForbatch and a second call is EntityAlreadyExists (AWS: AWSServiceRoleForBatch, InvalidInput)', async () => {
    const out = await backend.iam.createServiceLinkedRole({ AWSServiceName: 'batch.amazonaws.com' });
    expect(out.Role!.RoleName).toBe('AWSServiceRoleForbatch');
    expect(out.Role!.Path).toBe('/aws-service-role/batch.amazonaws.com/');
    const again = await backend.iam.createServiceLinkedRole({ AWSServiceName: 'batch.amazonaws.com' }).catch((e: unknown) => e);
    expect(again).toMatchObject({ name: 'EntityAlreadyExistsException', $metadata: { httpStatusCode: 409 } });
  });

  it('the default VPC has no internet gateway and no 0.0.0.0/0 route (AWS: IGW + default route)', async () => {
    const igws = await backend.ec2.describeInternetGateways({});
    expect(igws.InternetGateways).toEqual([]);
    const rtbs = await backend.ec2.describeRouteTables({ Filters: [{ Name: 'association.main', Values: ['true'] }] });
    const routes = rtbs.RouteTables!.flatMap((t) => t.Routes ?? []);
    expect(routes.map((r) => r.GatewayId)).toEqual(['local']);
  });

  it('no CloudWatch Logs are written for jobs', async () => {
    const groups = await backend.logs.describeLogGroups({});
    expect(groups.logGroups).toEqual([]);
  });
});
