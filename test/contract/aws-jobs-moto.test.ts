/**
 * The job commands through the AWS backend against a local moto server: submit -> list -> describe
 * -> wait -> cancel/terminate -> queue snapshot, run as `batchctl …` over a Context whose backend is
 * the real SDK pointed at moto.
 *
 * moto deviations (docs/aws.md), stated here rather than skipped:
 * - Without Docker a job is SUCCEEDED almost at once after SubmitJob (no RUNNABLE/STARTING/RUNNING),
 *   so `job wait` ends at the first poll, and cancel/terminate find a finished job (AWS would fail a
 *   queued job: the simulator's run tests cover that).
 * - ListJobs ignores pagination; batchctl still asks per status and keeps only the status asked.
 * - DescribeJobDefinitions finds nothing for `jobDefinitions: ['name:rev']` (moto looks up names
 *   and ARNs only); batchctl resolves `name:rev` through `jobDefinitionName`, which moto answers.
 * - GetJobQueueSnapshot is not implemented (an HTML 404): `queue snapshot` exits 1 with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/backend/aws/index.js';
import { runWithBackend } from '../helpers/run-with-backend.js';
import { skipWithoutMoto, startMoto, useFakeAwsEnv, type MotoServer } from '../helpers/moto.js';
import { defaultNetwork, serviceRole } from './scenarios/helpers.js';

const skip = skipWithoutMoto('test/contract/aws-jobs-moto.test.ts');

let moto: MotoServer;
let backend: AwsBackend;
let restoreEnv: () => void;

beforeAll(async () => {
  if (skip) return;
  restoreEnv = useFakeAwsEnv();
  moto = await startMoto();
  backend = await createAwsBackend({ region: 'us-east-1', endpointUrl: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 2 });
  const role = await serviceRole(backend);
  const net = await defaultNetwork(backend);
  const ce = await backend.batch.createComputeEnvironment({ computeEnvironmentName: 'jobs-ce', type: 'MANAGED', state: 'ENABLED', serviceRole: role, computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: net.subnets, securityGroupIds: net.securityGroups } });
  await backend.batch.createJobQueue({ jobQueueName: 'work', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ce.computeEnvironmentArn! }] });
  await backend.batch.registerJobDefinition({
    jobDefinitionName: 'hello', type: 'container', platformCapabilities: ['FARGATE'],
    containerProperties: { image: 'busybox', command: ['echo', 'hi'], executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }] },
  });
});

afterAll(async () => {
  await backend?.close();
  await moto?.stop();
  restoreEnv?.();
});

/** Runs batchctl against moto; resolves to the exit code and the output. */
const cli = (...argv: string[]) => runWithBackend(backend, argv);

async function settle(id: string): Promise<string | undefined> {
  for (let i = 0; i < 50; i++) {
    const s = (await backend.batch.describeJobs({ jobs: [id] })).jobs?.[0]?.status;
    if (s === 'SUCCEEDED' || s === 'FAILED') return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

describe.skipIf(skip)('job commands over the AWS backend (moto)', () => {
  let id = '';

  it('submit --yes prints the id; local validation stops bad input before any call', async () => {
    const r = await cli('job', 'submit', '--queue', 'work', '--definition', 'hello', '--env', 'STAGE=test', '--yes');
    expect(r.code).toBe(0);
    id = r.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.stderr).toBe(`✓ Submitted job hello (${id}) to work [aws:us-east-1]\n`);
    const bad = await cli('job', 'submit', '--queue', 'work', '--definition', 'hello', '--array-size', '10001', '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('arrayProperties.size (--array-size): must be an integer between 2 and 10000');
    const json = await cli('-o', 'json', 'job', 'submit', '--queue', 'work', '--definition', 'hello:1', '--name', 'second', '--yes');
    expect(json.stderr).toContain('✓ Submitted job second');
    expect(Object.keys(JSON.parse(json.stdout)).sort()).toEqual(['jobArn', 'jobId', 'jobName']);
  });

  it('list: every status merged, newest first; describe; wait (moto: already SUCCEEDED)', async () => {
    expect(await settle(id)).toBe('SUCCEEDED');
    const list = await cli('-o', 'json', 'job', 'list', '--queue', 'work');
    expect(list.code).toBe(0);
    const jobs = JSON.parse(list.stdout).jobSummaryList as Array<{ jobId: string; jobName: string; status: string }>;
    expect(jobs.map((j) => j.jobName)).toEqual(['second', 'hello']);
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(2);
    const text = await cli('-o', 'text', 'job', 'list', '--name', 'hel*');
    expect(text.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const d = await cli('-o', 'json', 'job', 'describe', id, 'no-such-job');
    expect(d.code).toBe(3);
    expect(JSON.parse(d.stdout).jobs[0]).toMatchObject({ jobId: id, status: 'SUCCEEDED' });
    expect(d.stderr).toContain('job no-such-job not found [aws:us-east-1]');
    const w = await cli('job', 'wait', id);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe(`· hello (${id}): SUCCEEDED\n`);
  });

  it('cancel/terminate of a finished job changes nothing and says so', async () => {
    const c = await cli('job', 'cancel', id, '--yes');
    expect(c.code).toBe(0);
    expect(c.stderr).toBe(`· hello (${id}) is already SUCCEEDED: skipped\n· nothing to cancel: no active job among those given [aws:us-east-1]\n`);
    const t = await cli('job', 'terminate', '--queue', 'work', '--yes');
    expect(t.code).toBe(0);
    expect(t.stderr).toContain('nothing to terminate: no active job matches [aws:us-east-1]');
  });

  it('queue snapshot: moto has no GetJobQueueSnapshot -> exit 1, a clear message, no stack', async () => {
    const s = await cli('queue', 'snapshot', 'work');
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('error: GetJobQueueSnapshot is not supported by this endpoint [aws:us-east-1] (HTTP 404)');
    expect(s.stderr).not.toMatch(/\n\s+at /);
  });
});
