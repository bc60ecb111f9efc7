/** A simulator with a compute environment, a queue and a job definition, ready for jobs. */
import type * as B from '@aws-sdk/client-batch';
import { ManualClock, openSimBackend, type SimBackend } from '../../../../src/backend/sim/index.js';

export interface JobSim {
  sim: SimBackend;
  clock: ManualClock;
  subnets: string[];
  sg: string;
  /** Advances the clock by `ms` and lets the world catch up (one cheap call). */
  advance(ms: number): Promise<void>;
  job(id: string): Promise<B.JobDetail>;
  submit(extra?: Partial<B.SubmitJobRequest>): Promise<string>;
}

export const START = Date.UTC(2026, 0, 15);

export async function jobSim(opts: { seed?: number; path?: string } = {}): Promise<JobSim> {
  const clock = new ManualClock(START);
  const sim = await openSimBackend({ path: opts.path ?? ':memory:', clock, seed: opts.seed ?? 5 });
  const subnets = (await sim.ec2.describeSubnets({})).Subnets!.map((s) => s.SubnetId!);
  const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups![0]!.GroupId!;
  const s: JobSim = {
    sim, clock, subnets, sg,
    async advance(ms) {
      clock.advance(ms);
      await sim.batch.describeJobQueues({});
    },
    async job(id) {
      const j = (await sim.batch.describeJobs({ jobs: [id] })).jobs![0];
      if (!j) throw new Error(`no job ${id}`);
      return j;
    },
    async submit(extra = {}) {
      const r = await sim.batch.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'jd', ...extra });
      return r.jobId!;
    },
  };
  return s;
}

/** An EC2 CE (m5 family, BEST_FIT_PROGRESSIVE) `ce` and queue `q`, VALID. */
export async function ec2World(s: JobSim, cr: Record<string, unknown> = {}, queue: Partial<B.CreateJobQueueRequest> = {}): Promise<void> {
  const b = s.sim.batch;
  await s.sim.iam.createRole({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
  await s.sim.iam.createInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' });
  await b.createComputeEnvironment({
    computeEnvironmentName: 'ce', type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 64, instanceTypes: ['m5'], instanceRole: 'ecsInstanceRole', subnets: s.subnets, securityGroupIds: [s.sg], allocationStrategy: 'BEST_FIT_PROGRESSIVE', ...cr },
  } as B.CreateComputeEnvironmentRequest);
  await s.advance(10_000);
  await b.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }], ...queue });
  await s.advance(1_000);
}

/** A Fargate CE `fce` and queue `fq`, VALID. */
export async function fargateWorld(s: JobSim, maxvCpus = 16): Promise<void> {
  const b = s.sim.batch;
  await b.createComputeEnvironment({ computeEnvironmentName: 'fce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus, subnets: s.subnets, securityGroupIds: [s.sg] } });
  await s.advance(5_000);
  await b.createJobQueue({ jobQueueName: 'fq', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fce' }] });
  await s.advance(1_000);
}

export async function definition(s: JobSim, command: string[] | string, extra: Partial<B.RegisterJobDefinitionRequest> = {}, name = 'jd', res: { vcpus?: string; memory?: string } = {}): Promise<string> {
  const r = await s.sim.batch.registerJobDefinition({
    jobDefinitionName: name, type: 'container',
    containerProperties: {
      image: 'busybox', command: typeof command === 'string' ? ['sh', '-c', command] : command,
      resourceRequirements: [{ type: 'VCPU', value: res.vcpus ?? '1' }, { type: 'MEMORY', value: res.memory ?? '2048' }],
    },
    ...extra,
  } as B.RegisterJobDefinitionRequest);
  return r.jobDefinitionArn!;
}

export async function fargateDefinition(s: JobSim, command: string, name = 'fjd'): Promise<string> {
  const r = await s.sim.batch.registerJobDefinition({
    jobDefinitionName: name, type: 'container', platformCapabilities: ['FARGATE'],
    containerProperties: { image: 'busybox', command: ['sh', '-c', command], executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }], networkConfiguration: { assignPublicIp: 'ENABLED' } },
  });
  return r.jobDefinitionArn!;
}

/** Advances in steps until `check` holds (at most `maxMs`). */
export async function until(s: JobSim, check: () => Promise<boolean>, stepMs = 1_000, maxMs = 3_600_000): Promise<number> {
  let waited = 0;
  while (!(await check())) {
    if (waited >= maxMs) throw new Error(`condition not met within ${maxMs} ms`);
    await s.advance(stepMs);
    waited += stepMs;
  }
  return waited;
}
