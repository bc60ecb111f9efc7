/**
 * Test helpers for the setup, teardown, iam and network commands: a test context whose simulator
 * can have single operations replaced (to inject a failure or an answer the world cannot give, such
 * as no default VPC), and listings of everything a stack could leave behind. Networks and EKS
 * clusters are made through the port (CreateVpc, CreateSubnet, `sim eks create-cluster`).
 */
import type { Backend } from '../../../../src/backend/port.js';
import type { SimBackend } from '../../../../src/backend/sim/index.js';
import { ManualClock, openSimBackend } from '../../../../src/backend/sim/index.js';
import { run } from '../../../../src/cli.js';
import { createContext, type Context } from '../../../../src/context.js';
import { testStreams } from '../../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../../src/io/prompter.js';

type Fn = (input: never, next: (input: unknown) => Promise<unknown>) => Promise<unknown>;
/** `'ec2.describeRouteTables'` -> a replacement that may call the real operation through `next`. */
export type Overrides = Record<string, Fn>;

export interface Harness {
  ctx: Context;
  sim(): Promise<SimBackend>;
  /** The backend commands see (the simulator with the overrides). */
  backend(): Promise<Backend>;
  clock: ManualClock;
  overrides: Overrides;
  /** Every call made through the wrapped backend, as `service.operation`. */
  calls: string[];
  run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** The simulator with some operations replaced; everything else (and `control`) passes through. */
export function wrap(sim: SimBackend, overrides: Overrides, calls: string[]): SimBackend {
  const facet = (service: 'batch' | 'ec2' | 'iam' | 'logs' | 'eks') =>
    new Proxy(sim[service] as unknown as Record<string, (i: unknown) => Promise<unknown>>, {
      get(target, op: string) {
        const real = target[op];
        if (typeof real !== 'function') return real;
        return async (input: unknown) => {
          calls.push(`${service}.${op}`);
          const next = (i: unknown) => real.call(target, i);
          const o = overrides[`${service}.${op}`];
          return o ? o(input as never, next) : next(input);
        };
      },
    });
  return Object.create(sim, {
    batch: { value: facet('batch') }, ec2: { value: facet('ec2') }, iam: { value: facet('iam') }, logs: { value: facet('logs') }, eks: { value: facet('eks') },
    close: { value: async () => undefined },
  }) as SimBackend;
}

export function harness(opts: { tty?: boolean; answers?: Array<string | boolean>; overrides?: Overrides } = {}): Harness {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
  const overrides: Overrides = { ...(opts.overrides ?? {}) };
  const calls: string[] = [];
  let simP: Promise<SimBackend> | undefined;
  const sim = () => (simP ??= openSimBackend({ path: ':memory:', clock, region: 'us-east-1', seed: 42 }));
  let wrapped: SimBackend | undefined;
  const backend = async () => (wrapped ??= wrap(await sim(), overrides, calls));
  let streams = testStreams({ tty: opts.tty });
  const make = () =>
    createContext({
      io: streams.io,
      env: { HOME: '/nonexistent-home', BATCHCTL_CONFIG: '/nonexistent/config.json' },
      prompter: scriptedPrompter(opts.answers ?? []),
      backendFactory: backend,
      now: () => clock.now(),
    });
  const h: Harness = {
    ctx: make(),
    sim,
    backend,
    clock,
    overrides,
    calls,
    async run(...argv) {
      streams = testStreams({ tty: opts.tty });
      const ctx = make();
      const keepOpen: Context = Object.create(ctx, { close: { value: async () => undefined } });
      const code = await run(argv, keepOpen);
      return { code, stdout: streams.stdout(), stderr: streams.stderr() };
    },
  };
  return h;
}

/** Everything a stack could leave behind, by name (DELETED resources excluded). */
export async function leftovers(b: Backend): Promise<{ computeEnvironments: string[]; jobQueues: string[]; jobDefinitions: string[]; roles: string[]; instanceProfiles: string[] }> {
  const ces = (await b.batch.describeComputeEnvironments({})).computeEnvironments ?? [];
  const qs = (await b.batch.describeJobQueues({})).jobQueues ?? [];
  const jds = (await b.batch.describeJobDefinitions({ status: 'ACTIVE' })).jobDefinitions ?? [];
  const exists = async (f: () => Promise<unknown>) => f().then(() => true, () => false);
  const roles: string[] = [];
  for (const r of ['ecsTaskExecutionRole', 'ecsInstanceRole']) if (await exists(() => b.iam.getRole({ RoleName: r }))) roles.push(r);
  const instanceProfiles: string[] = [];
  if (await exists(() => b.iam.getInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' }))) instanceProfiles.push('ecsInstanceRole');
  return {
    computeEnvironments: ces.filter((c) => c.status !== 'DELETED').map((c) => c.computeEnvironmentName!),
    jobQueues: qs.filter((q) => q.status !== 'DELETED').map((q) => q.jobQueueName!),
    jobDefinitions: jds.map((j) => `${j.jobDefinitionName}:${j.revision}`),
    roles,
    instanceProfiles,
  };
}

/** The default VPC's subnets (sorted by zone) and default security group. */
export async function defaultNetwork(b: Backend): Promise<{ vpc: string; subnets: string[]; sg: string }> {
  const vpc = (await b.ec2.describeVpcs({})).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  const subnets = (await b.ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'default-for-az', Values: ['true'] }] })).Subnets!.sort((x, y) => x.AvailabilityZone!.localeCompare(y.AvailabilityZone!)).map((s) => s.SubnetId!);
  const sg = (await b.ec2.describeSecurityGroups({})).SecurityGroups!.find((g) => g.GroupName === 'default' && g.VpcId === vpc)!.GroupId!;
  return { vpc, subnets, sg };
}
