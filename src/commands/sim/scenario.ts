/**
 * `batchctl sim scenario list|apply NAME`: builds, in the simulator, each failure the doctor's
 * catalogue knows (docs/doctor.md), so that people can see what `batchctl doctor` says about it.
 * Everything is made through the Backend port (EC2, IAM, Batch) plus the simulator's controls (the clock,
 * and seeded faults for Spot reclaims and image pulls, switched off again once the job has failed).
 * Resource names start with `scn-<scenario>`.
 */
import type { CRAllocationStrategy, JobDetail, RegisterJobDefinitionRequest } from '@aws-sdk/client-batch';
import { Command } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { SimBackend } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { FailureError, UsageError } from '../../errors.js';

/** The simulator's fault controls, when the engine provides them. */
interface FaultControl {
  setFaults(change: Record<string, number>): unknown;
}

export interface ScenarioResult {
  /** Jobs worth a `batchctl doctor job ID`. */
  jobIds: string[];
  queues: string[];
  computeEnvironments: string[];
  /** What to run next. */
  next: string[];
}

export interface Scenario {
  name: string;
  summary: string;
  /** The doctor rules that FAIL (or WARN) on it. */
  expect: string[];
  /** Why it cannot be built yet, when the simulator lacks something. */
  unavailable?: string;
  apply(sim: SimBackend): Promise<ScenarioResult>;
}

const TRUST = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

async function instanceProfile(b: Backend, name: string): Promise<void> {
  await b.iam.createRole({ RoleName: name, AssumeRolePolicyDocument: TRUST('ec2.amazonaws.com') }).catch(ignoreExists);
  await b.iam.attachRolePolicy({ RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role' }).catch(ignoreExists);
  await b.iam.createInstanceProfile({ InstanceProfileName: name }).catch(ignoreExists);
  await b.iam.addRoleToInstanceProfile({ InstanceProfileName: name, RoleName: name }).catch(() => undefined);
}

function ignoreExists(err: unknown): void {
  if (!/EntityAlreadyExists|already exists/i.test(`${(err as Error).name} ${(err as Error).message}`)) throw err;
}

async function defaultNetwork(b: Backend): Promise<{ subnets: string[]; sg: string }> {
  const subnets = (await b.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets!.map((s) => s.SubnetId!).sort();
  const sg = (await b.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] })).SecurityGroups![0]!.GroupId!;
  return { subnets, sg };
}

interface CeSpec {
  type: 'EC2' | 'SPOT' | 'FARGATE';
  /** Default: the default VPC's default subnets. */
  subnets?: string[];
  instanceTypes?: string[];
  maxvCpus?: number;
  allocationStrategy?: string;
}

/** A CE and a queue on it, both VALID (time moves past their creation). */
async function ceAndQueue(sim: SimBackend, prefix: string, spec: CeSpec): Promise<{ ce: string; queue: string }> {
  const net = await defaultNetwork(sim);
  const { sg } = net;
  const subnets = spec.subnets ?? net.subnets;
  const ce = `${prefix}-ce`;
  const queue = `${prefix}-queue`;
  const ec2 = spec.type !== 'FARGATE';
  if (ec2) await instanceProfile(sim, `${prefix}-instance-role`);
  else {
    await sim.iam.createRole({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: TRUST('ecs-tasks.amazonaws.com') }).catch(ignoreExists);
    await sim.iam.attachRolePolicy({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }).catch(ignoreExists);
  }
  await sim.batch.createComputeEnvironment({
    computeEnvironmentName: ce,
    type: 'MANAGED',
    computeResources: {
      type: spec.type,
      maxvCpus: spec.maxvCpus ?? 16,
      subnets,
      securityGroupIds: [sg],
      ...(ec2 ? { minvCpus: 0, instanceTypes: spec.instanceTypes ?? ['m5.large', 'c5.xlarge'], instanceRole: `${prefix}-instance-role`, allocationStrategy: (spec.allocationStrategy ?? 'BEST_FIT_PROGRESSIVE') as CRAllocationStrategy } : {}),
    },
  });
  sim.control.advance(30_000);
  await sim.batch.createJobQueue({ jobQueueName: queue, priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ce }] });
  sim.control.advance(5_000);
  return { ce, queue };
}

/**
 * A subnet in the default VPC (172.31.128.0/20, zone a, no public IPs) with its own route table that
 * has only the local route: no internet gateway, no NAT gateway, no VPC endpoints.
 */
async function privateSubnet(b: Backend, prefix: string): Promise<string> {
  const vpc = (await b.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs![0]!.VpcId!;
  const zone = (await b.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets!.map((s) => s.AvailabilityZone!).sort()[0];
  const tag = (type: 'subnet' | 'route-table', name: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: name }] }];
  const subnet = (await b.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.128.0/20', AvailabilityZone: zone, TagSpecifications: tag('subnet', `${prefix}-subnet`) })).Subnet!.SubnetId!;
  const rtb = (await b.ec2.createRouteTable({ VpcId: vpc, TagSpecifications: tag('route-table', `${prefix}-rtb`) })).RouteTable!.RouteTableId!;
  await b.ec2.associateRouteTable({ RouteTableId: rtb, SubnetId: subnet });
  return subnet;
}

async function jobDefinition(b: Backend, name: string, fargate: boolean, command: string[], extra: Partial<RegisterJobDefinitionRequest> = {}, vcpus = '1', memory = '2048', assignPublicIp: 'ENABLED' | 'DISABLED' = 'ENABLED'): Promise<string> {
  const executionRoleArn = fargate ? (await b.iam.getRole({ RoleName: 'ecsTaskExecutionRole' })).Role?.Arn : undefined;
  const res = await b.batch.registerJobDefinition({
    jobDefinitionName: name,
    type: 'container',
    ...(fargate ? { platformCapabilities: ['FARGATE'] } : {}),
    containerProperties: {
      image: 'public.ecr.aws/amazonlinux/amazonlinux:2023',
      command,
      resourceRequirements: [{ type: 'VCPU', value: vcpus }, { type: 'MEMORY', value: memory }],
      ...(fargate ? { executionRoleArn, networkConfiguration: { assignPublicIp } } : {}),
    },
    ...extra,
  });
  return res.jobDefinitionArn!;
}

async function submit(b: Backend, name: string, queue: string, def: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await b.batch.submitJob({ jobName: name, jobQueue: queue, jobDefinition: def, ...extra })).jobId!;
}

async function describe(b: Backend, id: string): Promise<JobDetail | undefined> {
  return (await b.batch.describeJobs({ jobs: [id] })).jobs?.[0];
}

/** Moves simulated time in steps until the job satisfies `done` (at most `maxMs`). */
async function until(sim: SimBackend, id: string, done: (j: JobDetail) => boolean, maxMs = 2 * 3_600_000, stepMs = 10_000): Promise<JobDetail> {
  for (let t = 0; t <= maxMs; t += stepMs) {
    const j = await describe(sim, id);
    if (j && done(j)) return j;
    sim.control.advance(stepMs);
  }
  const j = await describe(sim, id);
  throw new FailureError(`scenario: job ${id} did not get there in ${maxMs / 60_000} simulated minutes (it is ${j?.status}${j?.statusReason ? `: ${j.statusReason}` : ''})`);
}

const terminal = (j: JobDetail) => j.status === 'SUCCEEDED' || j.status === 'FAILED';

function faults(sim: SimBackend): FaultControl {
  const c = sim.control as unknown as Partial<FaultControl>;
  if (typeof c.setFaults !== 'function') throw new FailureError('this simulator has no fault controls yet (sim faults arrive with the job engine)');
  return c as FaultControl;
}

function result(jobIds: string[], queue: string | undefined, ce: string | undefined, next: string[] = []): ScenarioResult {
  return {
    jobIds,
    queues: queue ? [queue] : [],
    computeEnvironments: ce ? [ce] : [],
    next: [...jobIds.map((id) => `batchctl doctor job ${id}`), ...(queue ? [`batchctl doctor queue ${queue}`] : []), ...(ce ? [`batchctl doctor ce ${ce}`] : []), ...next],
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'oversized-job',
    summary: 'a job asking for 64 vCPU and 256 GiB on a queue whose CE allows m5.large and c5.xlarge (RUNNABLE, JOB_RESOURCE_REQUIREMENT)',
    expect: ['job.runnable.blocked-reason', 'job.runnable.fits', 'queue.head-of-line', 'ce.instance-types-fit'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-oversized', { type: 'EC2' });
      const def = await jobDefinition(sim, 'scn-oversized-jd', false, ['echo', 'too big'], {}, '64', String(256 * 1024));
      const id = await submit(sim, 'scn-oversized-job', queue, def);
      await until(sim, id, (j) => j.status === 'RUNNABLE' && /JOB_RESOURCE_REQUIREMENT/.test(j.statusReason ?? ''), 600_000, 5_000);
      return result([id], queue, ce);
    },
  },
  {
    name: 'deleted-instance-role',
    summary: "an EC2 compute environment whose instance role and instance profile were deleted (INVALID, jobs RUNNABLE with ACTION_REQUIRED)",
    expect: ['ce.status', 'ce.iam', 'queue.compute-environments', 'job.runnable.compute-environments'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-norole', { type: 'EC2' });
      const role = 'scn-norole-instance-role';
      await sim.iam.removeRoleFromInstanceProfile({ InstanceProfileName: role, RoleName: role });
      await sim.iam.deleteInstanceProfile({ InstanceProfileName: role });
      await sim.iam.detachRolePolicy({ RoleName: role, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role' });
      await sim.iam.deleteRole({ RoleName: role });
      // Batch notices on its next validation: an update (any) re-checks what the CE names.
      await sim.batch.updateComputeEnvironment({ computeEnvironment: ce, computeResources: { maxvCpus: 32 } });
      sim.control.advance(120_000);
      const def = await jobDefinition(sim, 'scn-norole-jd', false, ['echo', 'hello']);
      const id = await submit(sim, 'scn-norole-job', queue, def);
      sim.control.advance(60_000);
      return result([id], queue, ce);
    },
  },
  {
    name: 'private-subnet-no-nat',
    summary: 'a compute environment in a private subnet with no NAT gateway and no VPC endpoints: its instance never joins the cluster, the job stays RUNNABLE (the classic "stuck in RUNNABLE")',
    expect: ['ce.network', 'job.runnable.network'],
    async apply(sim) {
      const subnet = await privateSubnet(sim, 'scn-private');
      const { ce, queue } = await ceAndQueue(sim, 'scn-private', { type: 'EC2', subnets: [subnet] });
      const def = await jobDefinition(sim, 'scn-private-jd', false, ['echo', 'hello from a private subnet']);
      const id = await submit(sim, 'scn-private-job', queue, def);
      // The instance launches (desiredvCpus rises) but cannot reach ECS, so it never joins the
      // cluster and the job stays RUNNABLE, with no statusReason (docs/simulator.md "Networking").
      await until(sim, id, (j) => j.status === 'RUNNABLE', 60_000, 5_000);
      sim.control.advance(15 * 60_000);
      const j = await describe(sim, id);
      if (j?.status !== 'RUNNABLE') throw new FailureError(`scenario: job ${id} left RUNNABLE (${j?.status}): the simulator let an instance in ${subnet} join`);
      return result([id], queue, ce, [`batchctl network check --platform ec2 --subnets ${subnet}`]);
    },
  },
  {
    name: 'image-pull-failure',
    summary: 'a job whose image cannot be pulled (CannotPullContainerError), no retry strategy (FAILED)',
    expect: ['job.failed.reason'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-pull', { type: 'FARGATE' });
      const def = await jobDefinition(sim, 'scn-pull-jd', true, ['echo', 'never runs']);
      const f = faults(sim);
      f.setFaults({ pullFailureRate: 1 });
      try {
        const id = await submit(sim, 'scn-pull-job', queue, def);
        await until(sim, id, terminal, 3_600_000, 5_000);
        return result([id], queue, ce);
      } finally {
        f.setFaults({ pullFailureRate: 0 });
      }
    },
  },
  {
    name: 'fargate-no-public-ip',
    summary: 'a Fargate job in public subnets (route to an internet gateway) with assignPublicIp DISABLED: the task cannot reach the registry (FAILED: CannotPullContainerError)',
    expect: ['job.failed.reason', 'job.failed.network'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-nopip', { type: 'FARGATE' });
      const def = await jobDefinition(sim, 'scn-nopip-jd', true, ['echo', 'never runs'], {}, '1', '2048', 'DISABLED');
      const id = await submit(sim, 'scn-nopip-job', queue, def);
      await until(sim, id, terminal, 3_600_000, 5_000);
      return result([id], queue, ce);
    },
  },
  {
    name: 'spot-reclaim',
    summary: 'a job on a Spot compute environment (one instance type) whose instance is reclaimed, with no retry strategy (FAILED: Host EC2…)',
    expect: ['job.failed.reason', 'ce.spot'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-spot', { type: 'SPOT', instanceTypes: ['c5.large'], allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
      const def = await jobDefinition(sim, 'scn-spot-jd', false, ['sleep', '3600']);
      const f = faults(sim);
      f.setFaults({ spotReclaimRate: 1 });
      try {
        const id = await submit(sim, 'scn-spot-job', queue, def);
        await until(sim, id, terminal, 6 * 3_600_000, 60_000);
        return result([id], queue, ce);
      } finally {
        f.setFaults({ spotReclaimRate: 0 });
      }
    },
  },
  {
    name: 'disabled-queue',
    summary: 'a job submitted to a queue that was then DISABLED (RUNNABLE, never dispatched by the simulator)',
    expect: ['job.runnable.queue-state', 'queue.state'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-disabled', { type: 'FARGATE' });
      const def = await jobDefinition(sim, 'scn-disabled-jd', true, ['echo', 'waiting']);
      await sim.batch.updateJobQueue({ jobQueue: queue, state: 'DISABLED' });
      sim.control.advance(5_000);
      // SubmitJob to a DISABLED queue is refused, so submit first on AWS; here the queue is
      // re-enabled for a moment only if the simulator refuses the submit.
      let id: string;
      try {
        id = await submit(sim, 'scn-disabled-job', queue, def);
      } catch {
        await sim.batch.updateJobQueue({ jobQueue: queue, state: 'ENABLED' });
        sim.control.advance(1_000);
        id = await submit(sim, 'scn-disabled-job', queue, def);
        await sim.batch.updateJobQueue({ jobQueue: queue, state: 'DISABLED' });
      }
      sim.control.advance(60_000);
      return result([id], queue, ce);
    },
  },
  {
    name: 'dependency-failure',
    summary: 'a job that depends on a job that exits 1 (FAILED: Dependent Job failed)',
    expect: ['job.failed.reason'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-dep', { type: 'FARGATE' });
      const failing = await jobDefinition(sim, 'scn-dep-failing', true, ['exit', '1']);
      const ok = await jobDefinition(sim, 'scn-dep-ok', true, ['echo', 'never runs']);
      const first = await submit(sim, 'scn-dep-first', queue, failing);
      const second = await submit(sim, 'scn-dep-second', queue, ok, { dependsOn: [{ jobId: first }] });
      await until(sim, second, terminal, 3_600_000, 5_000);
      return result([second, first], queue, ce);
    },
  },
  {
    name: 'timeout',
    summary: 'a job that sleeps 10 minutes with a 60-second attemptDurationSeconds (FAILED: timeout)',
    expect: ['job.failed.reason'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-timeout', { type: 'FARGATE' });
      const def = await jobDefinition(sim, 'scn-timeout-jd', true, ['sleep', '600'], { timeout: { attemptDurationSeconds: 60 } });
      const id = await submit(sim, 'scn-timeout-job', queue, def);
      await until(sim, id, terminal, 3_600_000, 5_000);
      return result([id], queue, ce);
    },
  },
  {
    name: 'oom',
    summary: 'a job with 2048 MiB that allocates 3 GiB (stress --vm 1 --vm-bytes 3G): killed with exit code 137, OutOfMemoryError (FAILED)',
    expect: ['job.failed.reason'],
    async apply(sim) {
      const { ce, queue } = await ceAndQueue(sim, 'scn-oom', { type: 'FARGATE' });
      const def = await jobDefinition(sim, 'scn-oom-jd', true, ['sh', '-c', 'echo loading the model; stress --vm 1 --vm-bytes 3G --timeout 60s; echo done']);
      const id = await submit(sim, 'scn-oom-job', queue, def);
      await until(sim, id, terminal, 3_600_000, 5_000);
      return result([id], queue, ce);
    },
  },
];

export function findScenario(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new UsageError(`no scenario ${name}`, `batchctl sim scenario list shows them: ${SCENARIOS.map((x) => x.name).join(', ')}`);
  return s;
}

export function simScenarioCommand(ctx: Context): Command {
  const list = new Command('list')
    .alias('ls')
    .description('List the failure scenarios the simulator can build')
    .action(async () => {
      await ctx.print({
        data: { scenarios: SCENARIOS.map(({ name, summary, expect, unavailable }) => ({ name, summary, doctorRules: expect, ...(unavailable ? { unavailable } : {}) })) },
        rows: SCENARIOS,
        columns: [
          { header: 'NAME', cell: (s, c) => (s.unavailable ? c.dim(s.name) : s.name) },
          { header: 'WHAT', cell: (s, c) => (s.unavailable ? c.dim(`(not yet) ${s.summary}`) : s.summary) },
          { header: 'DOCTOR RULES', cell: (s) => s.expect.join(', '), wide: true },
        ],
      });
    });
  const apply = new Command('apply')
    .description('Build a failure scenario in the simulator (moves simulated time), then try `batchctl doctor`')
    .argument('<name>', 'a scenario from `sim scenario list`')
    .action(async (name: string) => {
      await runScenarioApply(ctx, name);
    });
  return new Command('scenario')
    .description('Failure scenarios for `batchctl doctor`: list them, build one in the simulator')
    .addCommand(list)
    .addCommand(apply)
    .addHelpText('after', '\nExamples:\n  $ batchctl sim scenario list\n  $ batchctl sim scenario apply oversized-job && batchctl doctor');
}

export async function runScenarioApply(ctx: Context, name: string): Promise<ScenarioResult> {
  const scenario = findScenario(name);
  const sim = await ctx.sim();
  const res = await scenario.apply(sim);
  const c = ctx.io.color();
  await ctx.print({
    data: { scenario: name, ...res },
    human: () => `${c.green('✓')} scenario ${name} built ${c.dim('[sim]')}\n${res.next.map((n) => `  ${c.dim('$')} ${n}`).join('\n')}\n`,
  });
  return res;
}
