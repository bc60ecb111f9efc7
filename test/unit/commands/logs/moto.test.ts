/**
 * `logs` through the AWS backend against moto: a stream created there, the job naming it (moto's
 * Batch writes no job logs, so DescribeJobs is scripted), read once and followed with forward tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '@aws-sdk/client-batch';
import { createAwsBackend, type AwsBackend } from '../../../../src/backend/aws/index.js';
import type { Backend } from '../../../../src/backend/port.js';
import { followJobLogs } from '../../../../src/commands/logs/follow.js';
import { runLogs } from '../../../../src/commands/logs/logs.js';
import { createContext } from '../../../../src/context.js';
import { testStreams } from '../../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../../src/io/prompter.js';
import { skipWithoutMoto, startMoto, useFakeAwsEnv, type MotoServer } from '../../../helpers/moto.js';

const skip = skipWithoutMoto('test/unit/commands/logs/moto.test.ts');
const ID = '0b0b0b0b-1111-2222-3333-444444444444';
const GROUP = '/aws/batch/job';
const STREAM = 'jd/default/moto-task';

describe.skipIf(skip)('logs against moto', () => {
  let moto: MotoServer;
  let aws: AwsBackend;
  let restore: () => void;
  let status = 'RUNNING';

  beforeAll(async () => {
    restore = useFakeAwsEnv();
    moto = await startMoto();
    aws = await createAwsBackend({ region: 'us-east-1', endpointUrl: moto.endpoint });
    await aws.logs.createLogGroup({ logGroupName: GROUP });
    await aws.logs.createLogStream({ logGroupName: GROUP, logStreamName: STREAM });
    const t0 = Date.now() - 60_000;
    await aws.logs.putLogEvents({ logGroupName: GROUP, logStreamName: STREAM, logEvents: [1, 2, 3].map((i) => ({ timestamp: t0 + i * 1000, message: `moto line ${i}` })) });
  }, 60_000);
  afterAll(async () => {
    await aws?.close();
    await moto?.stop();
    restore?.();
  });

  function context() {
    const streams = testStreams();
    const batch: Backend['batch'] = { ...aws.batch, describeJobs: async () => ({
      jobs: [{ jobId: ID, jobName: 'moto-job', jobQueue: 'q', jobDefinition: 'jd', status: status as JobDetail['status'], startedAt: 1, container: { logStreamName: STREAM, ...(status === 'SUCCEEDED' ? { exitCode: 0 } : {}) } }],
    }) };
    const backend: Backend = { kind: 'aws', label: 'aws:us-east-1', region: 'us-east-1', batch, ec2: aws.ec2, iam: aws.iam, logs: aws.logs, eks: aws.eks, close: async () => undefined };
    const ctx = createContext({ io: streams.io, env: { BATCHCTL_CONFIG: '/nonexistent/config.json' }, prompter: scriptedPrompter([]), backendFactory: async () => backend });
    ctx.configure({ backend: 'aws' });
    return { ctx, streams };
  }

  it('prints the stream, and --tail', async () => {
    const { ctx, streams } = context();
    await runLogs(ctx, { jobIds: [ID] });
    await runLogs(ctx, { jobIds: [ID], tail: 1 });
    expect(streams.stdout()).toBe('moto line 1\nmoto line 2\nmoto line 3\nmoto line 3\n');
  });

  it('follows with forward tokens until the job ends, picking up lines written meanwhile', async () => {
    const { ctx, streams } = context();
    status = 'RUNNING';
    let polls = 0;
    const sleep = async () => {
      polls++;
      if (polls === 2) await aws.logs.putLogEvents({ logGroupName: GROUP, logStreamName: STREAM, logEvents: [{ timestamp: Date.now(), message: 'moto line 4' }] });
      if (polls === 4) status = 'SUCCEEDED';
    };
    const r = await followJobLogs(ctx, [ID], { sleep, pollMs: 0, jobPollMs: 0, graceMs: 0 });
    expect(r.outcome).toBe('SUCCEEDED');
    expect(streams.stdout()).toBe('moto line 1\nmoto line 2\nmoto line 3\nmoto line 4\n');
  });
});
