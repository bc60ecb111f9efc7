/** Shared set-up for the run tests: the simulator's default network, and resources seeded through the port. */
import type { TestContext } from '../../helpers/test-context.js';

export interface Network {
  subnets: string[];
  sg: string;
}

export async function network(t: TestContext): Promise<Network> {
  const b = await t.sim();
  const subnets = (await b.ec2.describeSubnets({})).Subnets!.map((s) => s.SubnetId!).sort();
  const sg = (await b.ec2.describeSecurityGroups({})).SecurityGroups!.find((g) => g.GroupName === 'default')!.GroupId!;
  return { subnets, sg };
}

/** A Fargate CE made VALID (the simulated clock moves past its creation). */
export async function fargateCe(t: TestContext, name: string, maxvCpus = 16): Promise<void> {
  const { subnets, sg } = await network(t);
  const b = await t.sim();
  await b.batch.createComputeEnvironment({ computeEnvironmentName: name, type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus, subnets: subnets.slice(0, 2), securityGroupIds: [sg] } });
  t.advance(60_000);
}

export async function queue(t: TestContext, name: string, ce: string, priority = 1, schedulingPolicyArn?: string): Promise<void> {
  const b = await t.sim();
  await b.batch.createJobQueue({ jobQueueName: name, priority, computeEnvironmentOrder: [{ order: 1, computeEnvironment: ce }], ...(schedulingPolicyArn ? { schedulingPolicyArn } : {}) });
  t.advance(10_000);
}
