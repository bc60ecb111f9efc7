/** Shared setup for the contract scenarios: the default network and a Batch service role, via the port only. */
import { expect } from 'vitest';
import type { Backend } from '../../../src/backend/port.js';
import { type World, eventually } from '../scenario.js';

export interface Network {
  subnets: string[];
  securityGroups: string[];
}

export async function defaultNetwork(b: Backend): Promise<Network> {
  const vpcs = (await b.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs ?? [];
  const vpcId = vpcs[0]?.VpcId;
  expect(vpcId).toBeTruthy();
  const subnets = (await b.ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpcId!] }] })).Subnets ?? [];
  const groups = (await b.ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [vpcId!] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups ?? [];
  return { subnets: subnets.map((s) => s.SubnetId!), securityGroups: groups.map((g) => g.GroupId!) };
}

const BATCH_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/**
 * A regular (non-SLR) Batch service role. AWS and the simulator would use the service-linked role
 * without one; moto deviates: it requires `serviceRole` and checks that the role exists.
 */
export async function serviceRole(b: Backend, name = 'BatchServiceRole'): Promise<string> {
  const created = await b.iam.createRole({ RoleName: name, AssumeRolePolicyDocument: BATCH_TRUST });
  return created.Role!.Arn!;
}

/** Creates a Fargate CE and waits until it is VALID. */
export async function validFargateCe(world: World, name: string, role: string, net: Network): Promise<string> {
  const b = world.backend;
  const { computeEnvironmentArn } = await b.batch.createComputeEnvironment({
    computeEnvironmentName: name,
    type: 'MANAGED',
    serviceRole: role,
    computeResources: { type: 'FARGATE', maxvCpus: 16, subnets: net.subnets, securityGroupIds: net.securityGroups },
  });
  await eventually(world, async () => (await ceStatus(b, name)) === 'VALID');
  return computeEnvironmentArn!;
}

export async function ceStatus(b: Backend, name: string): Promise<string | undefined> {
  return (await b.batch.describeComputeEnvironments({ computeEnvironments: [name] })).computeEnvironments?.[0]?.status;
}

export async function queueStatus(b: Backend, name: string): Promise<string | undefined> {
  return (await b.batch.describeJobQueues({ jobQueues: [name] })).jobQueues?.[0]?.status;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { name: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
