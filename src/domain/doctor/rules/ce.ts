/**
 * Compute environments (spec/06 §4.2, §4.4, §8, §10 A1–A7): INVALID reasons decoded, state,
 * sizing, instance types against the largest RUNNABLE job of its queues, roles and instance profile
 * (domain/checks/iam), subnets and security groups (domain/checks/network), Spot best practices.
 */
import { evaluateIam } from '../../checks/iam.js';
import { evaluateNetwork } from '../../checks/network.js';
import { fail, pass, warn, type Check } from '../../checks/types.js';
import { canEverFit } from '../../scheduling/capacity.js';
import { capacityCe, describeDemand, jobDemand } from '../demand.js';
import { cesQueues } from '../facts.js';
import { defineRule } from '../rule.js';
import { ceIamOptions, ceNetworkTarget, cePlatform } from './ce-views.js';

/** INVALID statusReasons (spec/06 §4.2, §4.4, §10 A1): pattern, cause, fix. */
export const INVALID_REASONS: Array<{ re: RegExp; cause: string; fix: string }> = [
  { re: /Not authorized to perform sts:AssumeRole/, cause: 'Batch cannot assume the service role: a wrong name or ARN (a bare name means path /), or a role that does not trust batch.amazonaws.com', fix: 'update the CE with the full ARN including its path, or an empty serviceRole for the service-linked role' },
  { re: /IamFleetRole is invalid/, cause: 'the Spot Fleet role (spotIamFleetRole) is missing or wrong', fix: 'point spotIamFleetRole at a role that trusts spotfleet.amazonaws.com with AmazonEC2SpotFleetTaggingRole' },
  { re: /assumed-role\/.*\/aws-batch is not authorized/, cause: 'the AWSBatchServiceRole policy is on a role that is not a Batch service role', fix: 'use the service-linked role, or a role that trusts batch.amazonaws.com' },
  { re: /Instance profile .* does not exist/, cause: 'the instance profile in instanceRole does not exist (deleted, or a role ARN given instead of an instance-profile ARN)', fix: 'create the instance profile with its role (batchctl iam create-roles --platform ec2), then update the CE' },
  { re: /Unable to validate Kubernetes Namespace/, cause: 'the namespace is missing, RBAC is wrong, or the EKS API endpoint is unreachable', fix: 'create the namespace, reapply the RBAC objects and the aws-auth mapping (batchctl setup eks prints them)' },
  { re: /EKS Cluster version \[.*\] is unsupported/, cause: 'the cluster was upgraded to an unsupported version', fix: 'recreate or update the CE with a supported Kubernetes version (1.29–1.34)' },
  { re: /EKS cluster .* does not exist/, cause: 'the EKS cluster is gone (a same-name recreated cluster does not fix it)', fix: 'delete and recreate the compute environment' },
  { re: /none of the (instances|nodes) joined/, cause: 'instances never joined the cluster: network, instance role or AMI', fix: 'check the subnets (route to ECS/EKS), the instance profile, and custom AMI or launch template user data' },
  { re: /InvalidSubnetID\.NotFound|subnet ID .* does not exist/, cause: 'a subnet does not exist', fix: 'update the CE with existing subnets' },
  { re: /InvalidGroup\.NotFound|security group .* does not exist/, cause: 'a security group does not exist', fix: 'update the CE with existing security groups' },
  { re: /Subnets must all belong to the same VPC/, cause: 'the subnets are in different VPCs', fix: 'keep the subnets of one VPC' },
];

export function classifyInvalid(reason: string | undefined): { cause: string; fix: string } {
  const hit = INVALID_REASONS.find((r) => r.re.test(reason ?? ''));
  return hit ?? { cause: 'unrecognised reason', fix: 'read statusReason; recovery is UpdateComputeEnvironment once the cause is fixed' };
}

export const ceStatusRule = defineRule({
  id: 'ce.status',
  scope: 'ce',
  when: 'every compute environment',
  title: 'the compute environment is VALID',
  reads: ['batch:DescribeComputeEnvironments computeEnvironments[].{status,statusReason}'],
  scenario: 'deleted-instance-role',
  evaluate(_f, ce) {
    const evidence = [`DescribeComputeEnvironments(${ce.computeEnvironmentName}): status=${ce.status}, statusReason=${ce.statusReason ?? ''}`];
    if (ce.status !== 'INVALID') return [pass(this.id, `the compute environment is ${ce.status}`, this.reads[0]!, evidence)];
    const c = classifyInvalid(ce.statusReason);
    return [fail(this.id, 'the compute environment is INVALID', this.reads[0]!, [...evidence, `cause: ${c.cause}`], c.fix)];
  },
});

export const ceStateRule = defineRule({
  id: 'ce.state',
  scope: 'ce',
  when: 'every compute environment',
  title: 'the compute environment is ENABLED (or in no ENABLED queue)',
  reads: ['batch:DescribeComputeEnvironments state', 'batch:DescribeJobQueues {state,computeEnvironmentOrder}'],
  evaluate(f, ce) {
    const queues = cesQueues(f, ce).filter((q) => q.state === 'ENABLED');
    const evidence = [`state=${ce.state}`, `ENABLED queues using it: ${queues.map((q) => q.jobQueueName).join(', ') || '(none)'}`];
    if (ce.state === 'DISABLED' && queues.length > 0) return [warn(this.id, 'the compute environment is DISABLED but ENABLED queues use it', this.reads[0]!, evidence, `batchctl ce enable ${ce.computeEnvironmentName} (a DISABLED CE also gets no automatic instance-family updates)`)];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const ceSizingRule = defineRule({
  id: 'ce.max-vcpus',
  scope: 'ce',
  when: 'a managed compute environment',
  title: 'maxvCpus leaves room for jobs (minvCpus ≤ desiredvCpus ≤ maxvCpus, maxvCpus > 0)',
  reads: ['batch:DescribeComputeEnvironments computeResources.{minvCpus,desiredvCpus,maxvCpus}'],
  evaluate(_f, ce) {
    const cr = ce.computeResources;
    if (!cr) return [];
    const evidence = [`minvCpus=${cr.minvCpus ?? 0}, desiredvCpus=${cr.desiredvCpus ?? 0}, maxvCpus=${cr.maxvCpus}`];
    if (!cr.maxvCpus) return [fail(this.id, 'maxvCpus is 0: the compute environment can never run a job', this.reads[0]!, evidence, `batchctl ce update ${ce.computeEnvironmentName} --max-vcpus N`)];
    if ((cr.minvCpus ?? 0) > (cr.desiredvCpus ?? 0) || (cr.desiredvCpus ?? 0) > cr.maxvCpus) return [warn(this.id, 'desiredvCpus is outside [minvCpus, maxvCpus]', this.reads[0]!, evidence, 'update minvCpus/maxvCpus')];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const ceFitRule = defineRule({
  id: 'ce.instance-types-fit',
  scope: 'ce',
  when: 'a compute environment whose queues have RUNNABLE jobs',
  title: 'its instance types and maxvCpus fit the largest RUNNABLE job of its queues',
  reads: ['batch:DescribeComputeEnvironments computeResources.{instanceTypes,maxvCpus}', 'batch:ListJobs(RUNNABLE) + DescribeJobs resourceRequirements', 'ec2:DescribeInstanceTypes (the catalogue)'],
  scenario: 'oversized-job',
  evaluate(f, ce) {
    if (!ce.computeResources) return [];
    const jobs = cesQueues(f, ce).flatMap((q) => f.runnable[q.jobQueueArn ?? ''] ?? []);
    const sized = jobs.map((j) => ({ j, d: jobDemand(j) })).filter((x) => x.d !== undefined);
    if (sized.length === 0) return [];
    const cap = capacityCe(ce);
    const misfits = sized.filter((x) => !canEverFit(x.d!, cap).ok);
    const largest = sized.reduce((a, b) => (b.d!.vcpus * 1e6 + b.d!.memoryMiB > a.d!.vcpus * 1e6 + a.d!.memoryMiB ? b : a));
    const evidence = [`instanceTypes=${(ce.computeResources.instanceTypes ?? []).join(',') || '(Fargate)'}, maxvCpus=${cap.maxvCpus}`, `largest RUNNABLE job: ${largest.j.jobName} (${largest.j.jobId}) needs ${describeDemand(largest.d!)}`];
    if (misfits.length === 0) return [pass(this.id, this.title, this.reads[0]!, evidence)];
    for (const m of misfits.slice(0, 5)) evidence.push(`cannot ever fit: ${m.j.jobName} (${m.j.jobId}) needs ${describeDemand(m.d!)} -> ${(canEverFit(m.d!, cap) as { reason: string }).reason}`);
    return [fail(this.id, `${misfits.length} RUNNABLE job(s) on its queues can never run here`, this.reads[0]!, evidence, 'allow bigger instance types or raise maxvCpus, or shrink those jobs')];
  },
});

export const ceIamRule = defineRule({
  id: 'ce.iam',
  scope: 'ce',
  when: 'a managed compute environment',
  title: 'its service role, instance role and instance profile (iam check)',
  reads: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:GetInstanceProfile'],
  scenario: 'deleted-instance-role',
  evaluate(f, ce) {
    const facts = f.iam[ce.computeEnvironmentName ?? ''];
    if (!facts || !ce.computeResources) return [];
    return evaluateIam(cePlatform(ce), facts, { ...ceIamOptions(ce), accountId: f.accountId })
      .filter((c) => !c.id.startsWith('iam.execution-role'))
      .map((c): Check => ({ ...c, id: `ce.${c.id}` }));
  },
});

export const ceNetworkRule = defineRule({
  id: 'ce.network',
  scope: 'ce',
  when: 'a managed compute environment',
  title: 'its subnets and security groups (network check)',
  reads: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeNatGateways', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeSecurityGroups'],
  scenario: 'private-subnet-no-nat',
  evaluate(f, ce) {
    const facts = f.network[ce.computeEnvironmentName ?? ''];
    const target = ceNetworkTarget(ce, f.region);
    if (!facts || !target) return [];
    return evaluateNetwork(target, facts).map((c): Check => ({ ...c, id: `ce.${c.id}` }));
  },
});

const SPOT_STRATEGIES = new Set(['SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED']);

export const ceSpotRule = defineRule({
  id: 'ce.spot',
  scope: 'ce',
  when: 'a SPOT compute environment',
  title: 'Spot best practices (spec/06 §8)',
  reads: ['batch:DescribeComputeEnvironments computeResources.{type,allocationStrategy,instanceTypes,subnets}', 'batch:DescribeJobs (RUNNABLE on its queues) retryStrategy'],
  scenario: 'spot-reclaim',
  evaluate(f, ce) {
    const cr = ce.computeResources;
    if (cr?.type !== 'SPOT') return [];
    const out: Check[] = [];
    const strat = cr.allocationStrategy ?? 'BEST_FIT';
    out.push(SPOT_STRATEGIES.has(strat)
      ? pass('ce.spot.allocation-strategy', 'Spot allocation strategy is capacity-optimized', this.reads[0]!, [`allocationStrategy=${strat}`])
      : warn('ce.spot.allocation-strategy', 'Spot allocation strategy is not capacity-optimized', this.reads[0]!, [`allocationStrategy=${strat}`], 'use SPOT_PRICE_CAPACITY_OPTIMIZED (or SPOT_CAPACITY_OPTIMIZED): fewer interruptions'));
    const families = new Set(capacityCe(ce).instanceTypes.map((t) => t.name.split('.')[0]));
    const types = cr.instanceTypes ?? [];
    const single = types.length <= 1 && !types.some((t) => ['optimal', 'default_x86_64', 'default_arm64'].includes(t) || !t.includes('.'));
    out.push(single || families.size <= 1
      ? warn('ce.spot.diversity', 'Spot instance types are not diversified', this.reads[0]!, [`instanceTypes=${types.join(',')}`, `families: ${[...families].join(', ')}`], 'allow several families and sizes (c5, c5a, c5n, m5, …) so that Spot has more pools to draw from')
      : pass('ce.spot.diversity', 'Spot instance types are diversified', this.reads[0]!, [`families: ${[...families].join(', ')}`]));
    const jobs = cesQueues(f, ce).flatMap((q) => f.runnable[q.jobQueueArn ?? ''] ?? []);
    const noRetry = jobs.filter((j) => (j.retryStrategy?.attempts ?? 1) < 2);
    const noHostRule = jobs.filter((j) => (j.retryStrategy?.evaluateOnExit?.length ?? 0) > 0 && !j.retryStrategy!.evaluateOnExit!.some((r) => (r.onStatusReason ?? '').startsWith('Host EC2') && String(r.action).toUpperCase() === 'RETRY'));
    if (noRetry.length || noHostRule.length) {
      out.push(warn('ce.spot.retry', 'jobs on this Spot compute environment are not retried on reclaim', this.reads[1]!,
        [...noRetry.slice(0, 5).map((j) => `${j.jobName} (${j.jobId}): retryStrategy.attempts=${j.retryStrategy?.attempts ?? 1}`), ...noHostRule.slice(0, 5).map((j) => `${j.jobName} (${j.jobId}): evaluateOnExit without a Host EC2* RETRY rule`)],
        'give Spot jobs {"attempts":3,"evaluateOnExit":[{"onStatusReason":"Host EC2*","action":"RETRY"},{"onReason":"*","action":"EXIT"}]}'));
    } else if (jobs.length) {
      out.push(pass('ce.spot.retry', 'RUNNABLE jobs on this Spot compute environment retry on reclaim', this.reads[1]!, [`${jobs.length} job(s) read`]));
    }
    return out;
  },
});

export const CE_RULES = [ceStatusRule, ceStateRule, ceSizingRule, ceFitRule, ceIamRule, ceNetworkRule, ceSpotRule];
