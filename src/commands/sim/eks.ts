/**
 * `batchctl sim eks create-cluster NAME` / `delete-cluster NAME`: an EKS cluster in the simulator,
 * so that `setup eks` and EKS compute environments can be rehearsed. Simulator only: batchctl does
 * not manage EKS clusters on AWS (eksctl does). Everything goes through the port (IAM CreateRole,
 * EKS CreateCluster / DeleteCluster, as on AWS); without --no-wait the simulated clock is moved
 * until the cluster is ACTIVE (or gone).
 */
import type * as K from '@aws-sdk/client-eks';
import { Command } from 'commander';
import type { SimBackend } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { FailureError } from '../../errors.js';
import { collect, listOf } from '../shared/flags.js';
import { compareStrings } from '../../domain/compare.js';

/** How --wait moves the simulated clock: a minute at a time, at most half an hour. */
const STEP_MS = 60_000;
const MAX_WAIT_MS = 30 * 60_000;

/** The role a cluster created without --role-arn uses (created on first use, trusting eks.amazonaws.com). */
export const SIM_EKS_CLUSTER_ROLE = 'batchctl-eks-cluster-role';

export interface SimEksCreateOptions {
  name: string;
  version?: string;
  subnets?: string[];
  securityGroups?: string[];
  roleArn?: string;
  wait?: boolean;
}

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

async function clusterRole(sim: SimBackend): Promise<string> {
  try {
    return (await sim.iam.getRole({ RoleName: SIM_EKS_CLUSTER_ROLE })).Role!.Arn!;
  } catch (err) {
    if ((err as Error).name !== 'NoSuchEntityException' && (err as Error).name !== 'NoSuchEntity') throw err;
  }
  const arn = (await sim.iam.createRole({ RoleName: SIM_EKS_CLUSTER_ROLE, AssumeRolePolicyDocument: TRUST, Description: 'EKS cluster role for simulated clusters (batchctl sim eks)' })).Role!.Arn!;
  await sim.iam.attachRolePolicy({ RoleName: SIM_EKS_CLUSTER_ROLE, PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' });
  return arn;
}

/** The default VPC's default subnets, by zone. */
async function defaultSubnets(sim: SimBackend): Promise<string[]> {
  const subnets = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets ?? [];
  return subnets.sort((a, b) => compareStrings((a.AvailabilityZone ?? ''), b.AvailabilityZone ?? '')).map((s) => s.SubnetId!);
}

export async function createSimCluster(sim: SimBackend, o: SimEksCreateOptions): Promise<K.Cluster> {
  const roleArn = o.roleArn ?? (await clusterRole(sim));
  const subnetIds = o.subnets?.length ? o.subnets : await defaultSubnets(sim);
  let { cluster } = await sim.eks.createCluster({
    name: o.name, version: o.version, roleArn,
    resourcesVpcConfig: { subnetIds, ...(o.securityGroups?.length ? { securityGroupIds: o.securityGroups } : {}) },
    tags: { 'created-by': 'batchctl sim eks' },
  });
  if (o.wait !== false) {
    for (let t = 0; cluster?.status === 'CREATING' && t < MAX_WAIT_MS; t += STEP_MS) {
      sim.control.advance(STEP_MS);
      cluster = (await sim.eks.describeCluster({ name: o.name })).cluster;
    }
    if (cluster?.status !== 'ACTIVE') throw new FailureError(`EKS cluster ${o.name} is ${cluster?.status}, not ACTIVE`);
  }
  return cluster!;
}

/** Deletes the cluster; with `wait`, moves the clock until it is gone. */
export async function deleteSimCluster(sim: SimBackend, name: string, wait = true): Promise<K.Cluster> {
  const { cluster } = await sim.eks.deleteCluster({ name });
  if (!wait) return cluster!;
  for (let t = 0; t < MAX_WAIT_MS; t += STEP_MS) {
    sim.control.advance(STEP_MS);
    if (!(await sim.eks.listClusters({})).clusters?.includes(name)) return cluster!;
  }
  throw new FailureError(`EKS cluster ${name} is still DELETING`);
}

function clusterView(ctx: Context, cluster: K.Cluster) {
  const c = ctx.io.color();
  const vpc = cluster.resourcesVpcConfig;
  return {
    data: { cluster },
    human: () =>
      `${c.green('✓')} EKS cluster ${cluster.name} created ${c.dim('[sim]')}: ${cluster.status}, Kubernetes ${cluster.version}\n` +
      `  arn             ${cluster.arn}\n` +
      `  subnets         ${(vpc?.subnetIds ?? []).join(', ')}\n` +
      `  cluster SG      ${vpc?.clusterSecurityGroupId ?? '-'}\n` +
      (cluster.endpoint ? `  endpoint        ${cluster.endpoint}\n` : '') +
      (cluster.status === 'ACTIVE' ? `  ${c.dim('$')} batchctl setup eks NAME --eks-cluster ${cluster.name} --instance-role PROFILE\n` : ''),
  };
}

export function simEksCommand(ctx: Context): Command {
  const create = new Command('create-cluster')
    .description('Create an EKS cluster in the simulator (CREATING, ACTIVE after 10 simulated minutes)')
    .argument('<name>', 'the cluster name')
    .option('--kubernetes-version <version>', 'Kubernetes version, e.g. 1.30 (default: the simulated EKS\'s, see docs/simulator.md)')
    .option('--subnets <ids>', 'subnet ids in two zones or more, comma-separated or repeated (default: the default VPC\'s)', collect)
    .option('--security-groups <ids>', 'extra security groups for the control plane ENIs, comma-separated or repeated', collect)
    .option('--role-arn <arn>', `the cluster role (default: ${SIM_EKS_CLUSTER_ROLE}, created if missing)`)
    .option('--no-wait', 'return while the cluster is CREATING (the simulated clock is not moved)')
    .addHelpText('after', '\nExamples:\n  $ batchctl sim eks create-cluster lab --kubernetes-version 1.30\n  $ batchctl setup eks hello --eks-cluster lab --instance-role eks-node-profile --no-job --yes')
    .action(async (name: string, flags: { kubernetesVersion?: string; subnets?: string[]; securityGroups?: string[]; roleArn?: string; wait: boolean }) => {
      const cluster = await createSimCluster(await ctx.sim(), { name, version: flags.kubernetesVersion, subnets: listOf(flags.subnets), securityGroups: listOf(flags.securityGroups), roleArn: flags.roleArn, wait: flags.wait });
      await ctx.print(clusterView(ctx, cluster));
    });
  const del = new Command('delete-cluster')
    .description('Delete a simulated EKS cluster (DELETING, gone after 5 simulated minutes)')
    .argument('<name>', 'the cluster name')
    .option('--no-wait', 'return while the cluster is DELETING')
    .action(async (name: string, flags: { wait: boolean }) => {
      const cluster = await deleteSimCluster(await ctx.sim(), name, flags.wait);
      const c = ctx.io.color();
      await ctx.print({ data: { cluster }, human: () => `${c.green('✓')} EKS cluster ${name} ${flags.wait ? 'deleted' : 'is DELETING'} ${c.dim('[sim]')}\n` });
    });
  return new Command('eks')
    .description('EKS clusters in the simulator, to rehearse `setup eks` (batchctl does not manage clusters on AWS)')
    .addCommand(create)
    .addCommand(del);
}
