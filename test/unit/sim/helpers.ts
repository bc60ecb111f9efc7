import { ManualClock, openSimBackend, type SimBackend } from '../../../src/backend/sim/index.js';

export interface Sim {
  sim: SimBackend;
  clock: ManualClock;
  subnets: string[];
  sg: string;
  /** Creates an instance profile (with a role in it) and returns its name. */
  instanceProfile(name?: string): Promise<string>;
}

export async function newSim(): Promise<Sim> {
  const clock = new ManualClock(Date.UTC(2026, 0, 15));
  const sim = await openSimBackend({ path: ':memory:', clock, seed: 5 });
  const subnets = (await sim.ec2.describeSubnets({})).Subnets!.map((s) => s.SubnetId!);
  const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups![0]!.GroupId!;
  return {
    sim, clock, subnets, sg,
    async instanceProfile(name = 'ecsInstanceRole') {
      await sim.iam.createRole({ RoleName: name, AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
      await sim.iam.createInstanceProfile({ InstanceProfileName: name });
      await sim.iam.addRoleToInstanceProfile({ InstanceProfileName: name, RoleName: name });
      return name;
    },
  };
}

export async function ceDetail(s: Sim, name: string) {
  return (await s.sim.batch.describeComputeEnvironments({ computeEnvironments: [name] })).computeEnvironments![0];
}

export function fargateCe(s: Sim, name: string, extra: Record<string, unknown> = {}) {
  return s.sim.batch.createComputeEnvironment({
    computeEnvironmentName: name, type: 'MANAGED',
    computeResources: { type: 'FARGATE', maxvCpus: 16, subnets: s.subnets, securityGroupIds: [s.sg] }, ...extra,
  });
}

export function ec2Ce(s: Sim, name: string, cr: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return s.sim.batch.createComputeEnvironment({
    computeEnvironmentName: name, type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 64, instanceTypes: ['m5'], instanceRole: 'ecsInstanceRole', subnets: s.subnets, securityGroupIds: [s.sg], allocationStrategy: 'BEST_FIT_PROGRESSIVE', ...cr },
    ...extra,
  } as never);
}
