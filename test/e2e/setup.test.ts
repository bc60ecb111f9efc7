/**
 * The first-run wizards end to end, through `run()` as a user types them: `setup` then `teardown`
 * against the simulator (everything listed afterwards: nothing left behind), and the same against
 * the AWS backend pointed at a moto server, where moto's deviations (docs/aws.md) are asserted
 * explicitly rather than skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { createContext, type Context } from '../../src/context.js';
import { testStreams } from '../../src/io/iostreams.js';
import { scriptedPrompter } from '../../src/io/prompter.js';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { skipWithoutMoto, startMoto, useFakeAwsEnv, type MotoServer } from '../helpers/moto.js';

/** Runs argv and returns what this one command printed. */
async function cli(t: TestContext, ...argv: string[]) {
  const out = t.stdout().length;
  const err = t.stderr().length;
  const code = await t.run(...argv);
  return { code, stdout: t.stdout().slice(out), stderr: t.stderr().slice(err) };
}

/** Everything the list commands show, as names. */
async function everything(t: TestContext) {
  const ces = JSON.parse((await cli(t, 'ce', 'list', '-o', 'json')).stdout).computeEnvironments as Array<{ computeEnvironmentName: string; status: string }>;
  const qs = JSON.parse((await cli(t, 'queue', 'list', '-o', 'json')).stdout).jobQueues as Array<{ jobQueueName: string; status: string }>;
  const jds = JSON.parse((await cli(t, 'jobdef', 'list', '-o', 'json')).stdout).jobDefinitions as Array<{ jobDefinitionName: string }>;
  return {
    computeEnvironments: ces.filter((c) => c.status !== 'DELETED').map((c) => c.computeEnvironmentName),
    jobQueues: qs.filter((q) => q.status !== 'DELETED').map((q) => q.jobQueueName),
    jobDefinitions: jds.map((j) => j.jobDefinitionName),
  };
}

describe('setup and teardown in the simulator', () => {
  it('setup fargate --yes --no-job, then teardown --roles --yes: nothing is left', async () => {
    const t = createTestContext();
    const setup = await cli(t, 'setup', 'fargate', 'first', '--yes', '--no-job');
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toContain('Stack first (fargate) [sim]');
    expect(await everything(t)).toEqual({ computeEnvironments: ['first-ce'], jobQueues: ['first-queue'], jobDefinitions: ['first-job-def'] });
    expect((await cli(t, 'iam', 'check', '--platform', 'fargate')).code).toBe(0);

    const again = await cli(t, 'setup', 'fargate', 'first', '--yes', '--no-job');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to change: the stack first exists and matches');

    const down = await cli(t, 'teardown', 'first', '--roles', '--yes');
    expect(down.code, down.stderr).toBe(0);
    expect(await everything(t)).toEqual({ computeEnvironments: [], jobQueues: [], jobDefinitions: [] });
    const iam = await cli(t, 'iam', 'check', '--platform', 'fargate', '-o', 'json');
    expect(JSON.parse(iam.stdout).checks.find((c: { id: string }) => c.id === 'iam.execution-role.exists').verdict).toBe('FAIL');
    expect((await cli(t, 'teardown', 'first', '--yes')).stderr).toContain('nothing to tear down');
  });

  it('setup ec2 --yes --no-job, then teardown: nothing is left', async () => {
    const t = createTestContext();
    const setup = await cli(t, 'setup', 'ec2', 'second', '--yes', '--no-job', '--max-vcpus', '32');
    expect(setup.code, setup.stderr).toBe(0);
    const ce = JSON.parse((await cli(t, 'ce', 'describe', 'second-ce', '-o', 'json')).stdout);
    expect(JSON.stringify(ce)).toContain('"instanceRole":"arn:aws:iam::123456789012:instance-profile/ecsInstanceRole"');
    expect((await cli(t, 'iam', 'check', '--platform', 'ec2')).code).toBe(0);
    expect((await cli(t, 'teardown', 'second', '--roles', '--yes')).code).toBe(0);
    expect(await everything(t)).toEqual({ computeEnvironments: [], jobQueues: [], jobDefinitions: [] });
    expect((await cli(t, 'iam', 'check', '--platform', 'ec2')).code).toBe(1);
  });

  it('setup fargate --yes submits the hello-world job, waits for it and prints "hello world" from /aws/batch/job; a re-run shows the same job', async () => {
    const t = createTestContext();
    const r = await cli(t, 'setup', 'fargate', 'hello', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✓ submit job hello-hello-world\n');
    const jobId = /job {18}hello-hello-world {2}SUCCEEDED {2}(\S+)/.exec(r.stdout)?.[1];
    expect(jobId, r.stdout).toBeDefined();
    expect(r.stdout).toMatch(/Output of hello-hello-world \(\/aws\/batch\/job hello-job-def\/default\/\w+\)\n {2}hello world\n$/);

    const again = await cli(t, 'setup', 'fargate', 'hello', '--yes', '-o', 'json');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`· job hello-hello-world: already submitted (${jobId}, SUCCEEDED)`);
    const out = JSON.parse(again.stdout);
    expect(out.job).toMatchObject({ jobId, status: 'SUCCEEDED' });
    expect(out.output.messages).toEqual(['hello world']);

    expect((await cli(t, 'teardown', 'hello', '--roles', '--yes')).code).toBe(0);
    expect(await everything(t)).toEqual({ computeEnvironments: [], jobQueues: [], jobDefinitions: [] });
  });

  it('setup ec2 --yes: the hello-world job runs on the instances the compute environment launches', async () => {
    const t = createTestContext();
    const r = await cli(t, 'setup', 'ec2', 'onec2', '--yes', '--command', 'echo hello from ec2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/job {18}onec2-hello-world {2}SUCCEEDED/);
    expect(r.stdout).toMatch(/\n {2}hello from ec2\n$/);
    expect((await cli(t, 'teardown', 'onec2', '--roles', '--yes')).code).toBe(0);
    expect(await everything(t)).toEqual({ computeEnvironments: [], jobQueues: [], jobDefinitions: [] });
  });

  it('a job that fails is exit 1 with its reason, after its output; the stack stays', async () => {
    const t = createTestContext();
    const r = await cli(t, 'setup', 'fargate', 'sad', '--yes', '--command', 'sh -c "echo about to fail; exit 3"');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('about to fail');
    expect(r.stderr).toMatch(/error: job sad-hello-world \(\S+\) FAILED/);
    expect((await everything(t)).computeEnvironments).toEqual(['sad-ce']);
  });
});

const skipMoto = skipWithoutMoto('test/e2e/setup.test.ts (moto)');

describe.skipIf(skipMoto)('setup and teardown against moto (AWS backend)', () => {
  let moto: MotoServer;
  let restore: () => void;
  beforeAll(async () => {
    restore = useFakeAwsEnv();
    // moto loads the AWS managed policies (AmazonECSTaskExecutionRolePolicy & co.) only when asked.
    const saved = process.env.MOTO_IAM_LOAD_MANAGED_POLICIES;
    process.env.MOTO_IAM_LOAD_MANAGED_POLICIES = 'true';
    try {
      moto = await startMoto();
    } finally {
      if (saved === undefined) delete process.env.MOTO_IAM_LOAD_MANAGED_POLICIES;
      else process.env.MOTO_IAM_LOAD_MANAGED_POLICIES = saved;
    }
  });
  afterAll(async () => {
    await moto?.stop();
    restore?.();
  });

  async function aws(...argv: string[]) {
    const s = testStreams();
    const ctx: Context = createContext({ io: s.io, env: { ...process.env, BATCHCTL_CONFIG: '/nonexistent/config.json' }, prompter: scriptedPrompter([]) });
    const code = await run(['--backend', 'aws', '--region', 'us-east-1', '--endpoint-url', moto.endpoint, ...argv], ctx);
    return { code, stdout: s.stdout(), stderr: s.stderr() };
  }

  it('network check FAILs on moto\'s default VPC: it has no internet gateway route (a moto deviation; AWS\'s default VPC passes)', async () => {
    const r = await aws('network', 'check');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}subnet-\w+ can reach ECR, ECS and CloudWatch Logs\n/);
    expect(r.stdout).toMatch(/rtb-\w+: no 0\.0\.0\.0\/0 route/);
    expect(r.stdout).toContain('PASS  the security groups allow HTTPS (tcp 443) out');
  });

  it('setup stops at the network preflight on moto (nothing created); iam create-roles works', async () => {
    const r = await aws('setup', 'fargate', 'motostack', '--yes', '--no-job');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: network preflight:');
    const roles = await aws('iam', 'create-roles', 'fargate', '--yes');
    expect(roles.code, roles.stderr).toBe(0);
    const check = await aws('iam', 'check', '--platform', 'fargate', '-o', 'json');
    const byId = Object.fromEntries(JSON.parse(check.stdout).checks.map((c: { id: string; verdict: string }) => [c.id, c.verdict]));
    expect(byId['iam.execution-role.policies']).toBe('PASS');
    // moto names the service-linked role AWSServiceRoleForbatch (lower-case b), so AWSServiceRoleForBatch stays missing: WARN.
    expect(byId['iam.slr']).toBe('WARN');
    // ... and a second create-roles meets EntityAlreadyExists (AWS: "has been taken"), which counts as done.
    const again = await aws('iam', 'create-roles', 'fargate', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('create service-linked role AWSServiceRoleForBatch (it already exists)');
  });

  it('with --ignore-checks and a service role (moto requires one), setup then teardown leave nothing behind', async () => {
    await moto.reset(); // the roles of the test above were made by iam create-roles, untagged: start clean
    // moto has no service-linked-role fallback for compute environments: serviceRole must name an existing role.
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const { createAwsBackend } = await import('../../src/backend/aws/index.js');
    const b = await createAwsBackend({ region: 'us-east-1', endpointUrl: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await b.iam.createRole({ RoleName: 'BatchServiceRole', AssumeRolePolicyDocument: trust });
    await b.iam.attachRolePolicy({ RoleName: 'BatchServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole' });
    await b.close();

    const setup = await aws('setup', 'fargate', 'motostack', '--yes', '--no-job', '--ignore-checks', '--service-role', 'arn:aws:iam::123456789012:role/BatchServiceRole');
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toMatch(/compute environment {2}motostack-ce +ENABLED\/VALID/);
    const rerun = await aws('setup', 'fargate', 'motostack', '--yes', '--no-job', '--ignore-checks', '--service-role', 'arn:aws:iam::123456789012:role/BatchServiceRole');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('· compute-environment motostack-ce: exists, matches (VALID)');
    // With the job: moto (without Docker) marks it SUCCEEDED at once and writes no CloudWatch Logs.
    const job = await aws('setup', 'fargate', 'motostack', '--yes', '--ignore-checks', '--service-role', 'arn:aws:iam::123456789012:role/BatchServiceRole');
    expect(job.code, job.stderr).toBe(0);
    expect(job.stdout).toMatch(/job {18}motostack-hello-world {2}SUCCEEDED/);
    expect(job.stdout).toMatch(/Output of motostack-hello-world[^\n]*\n {2}(no log stream|the job has no log stream)/);

    const down = await aws('teardown', 'motostack', '--roles', '--yes');
    expect(down.code, down.stderr).toBe(0);
    const ces = JSON.parse((await aws('ce', 'list', '-o', 'json')).stdout).computeEnvironments;
    const qs = JSON.parse((await aws('queue', 'list', '-o', 'json')).stdout).jobQueues;
    const jds = JSON.parse((await aws('jobdef', 'list', '-o', 'json')).stdout).jobDefinitions;
    expect({ ces, qs, jds }).toEqual({ ces: [], qs: [], jds: [] });
    // setup created ecsTaskExecutionRole tagged batchctl:stack=motostack, so --roles deleted it.
    expect((await aws('iam', 'check', '--platform', 'fargate')).stdout).toContain('FAIL  task execution role ecsTaskExecutionRole exists');
  }, 120_000);
});
