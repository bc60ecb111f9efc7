/** A small world for the job run tests: a Fargate CE, queue `work`, definitions `hello` (sleep 30) and `fail` (exit 3). */
import { createTestContext, type TestContext, type TestContextOptions } from '../../../helpers/test-context.js';
import { fargateCe, queue } from '../world.js';

export const EXEC_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

export async function jobWorld(opts: TestContextOptions = {}): Promise<TestContext> {
  const t = createTestContext(opts);
  await fargateCe(t, 'ce');
  await queue(t, 'work', 'ce');
  const b = await t.sim();
  for (const [name, command] of [['hello', ['sleep', '30']], ['fail', ['sh', '-c', 'exit 3']]] as const) {
    await b.batch.registerJobDefinition({
      jobDefinitionName: name,
      type: 'container',
      platformCapabilities: ['FARGATE'],
      // A public IP: the CE is in the default VPC's public subnets, where a Fargate task needs one to pull busybox.
      containerProperties: { image: 'busybox', command: [...command], executionRoleArn: EXEC_ROLE, resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], networkConfiguration: { assignPublicIp: 'ENABLED' } },
    });
  }
  return t;
}

/** Submits through the port (not the CLI) and returns the job id. */
export async function submit(t: TestContext, definition: string, extra: Record<string, unknown> = {}): Promise<string> {
  const b = await t.sim();
  const out = await b.batch.submitJob({ jobName: definition, jobQueue: 'work', jobDefinition: definition, ...extra });
  return out.jobId!;
}

/** Replaces each id with <name> so outputs can be compared exactly. */
export function scrub(text: string, ids: Record<string, string>): string {
  let out = text;
  for (const [name, id] of Object.entries(ids)) out = out.split(id).join(`<${name}>`);
  return out;
}

/** A sleeper that moves the simulated clock instead of waiting, and the matching clock. */
export function simTime(t: TestContext) {
  return { sleep: async (ms: number) => t.advance(ms), now: () => t.clock.now(), random: () => 0.5 };
}

import type { JobDetail, JobSummary, ListJobsRequest } from '@aws-sdk/client-batch';
import type { Backend } from '../../../../src/backend/port.js';
import { createContext, type Context } from '../../../../src/context.js';
import { testStreams } from '../../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../../src/io/prompter.js';

export const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A context over a fake AWS-like backend holding fixed jobs (for exact, engine-independent output). */
export function fakeJobsContext(jobs: Array<JobSummary & Partial<JobDetail>>, opts: { tty?: boolean } = {}) {
  const streams = testStreams({ tty: opts.tty });
  const calls: Array<{ op: string; input: unknown }> = [];
  const batch = {
    async listJobs(req: ListJobsRequest) {
      calls.push({ op: 'ListJobs', input: req });
      return { jobSummaryList: jobs.filter((j) => j.status === req.jobStatus).sort((a, b) => b.createdAt! - a.createdAt!) };
    },
    async describeJobs(req: { jobs: string[] }) {
      calls.push({ op: 'DescribeJobs', input: req });
      return { jobs: jobs.filter((j) => req.jobs.includes(j.jobId!)) as JobDetail[] };
    },
    async describeJobQueues() {
      return { jobQueues: [{ jobQueueName: 'work', jobQueueArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/work', priority: 1, state: 'ENABLED', computeEnvironmentOrder: [] }] };
    },
  };
  const backend = { kind: 'aws', label: 'aws:us-east-1', region: 'us-east-1', batch, close: async () => undefined } as unknown as Backend;
  const ctx: Context = createContext({ io: streams.io, env: { BATCHCTL_CONFIG: '/nonexistent/config.json' }, prompter: scriptedPrompter([]), backendFactory: async () => backend, now: () => NOW });
  return { ctx, calls, stdout: streams.stdout, stderr: streams.stderr };
}

/** Three fixed jobs: one running array parent, one failed, one succeeded. */
export function fixedJobs(): Array<JobSummary & Partial<JobDetail>> {
  const def = (n: string) => `arn:aws:batch:us-east-1:123456789012:job-definition/${n}`;
  return [
    { jobId: 'a1', jobName: 'render', status: 'PENDING', createdAt: NOW - 600_000, jobDefinition: def('render:3'), arrayProperties: { size: 100, statusSummary: { SUCCEEDED: 30, FAILED: 7, RUNNING: 63 } } },
    { jobId: 'f1', jobName: 'etl', status: 'FAILED', createdAt: NOW - 3_600_000, startedAt: NOW - 3_500_000, stoppedAt: NOW - 3_380_000, statusReason: 'Essential container in task exited', jobDefinition: def('etl:1'), container: { exitCode: 2 } },
    { jobId: 's1', jobName: 'hello', status: 'SUCCEEDED', createdAt: NOW - 7_200_000, startedAt: NOW - 7_190_000, stoppedAt: NOW - 7_185_000, jobDefinition: def('hello:1'), container: { exitCode: 0 } },
  ];
}
