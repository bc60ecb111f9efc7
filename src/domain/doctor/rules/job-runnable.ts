/**
 * A RUNNABLE job (spec/06 §4.1, §4.1b, §10 B3/B4): why it is not starting, from the evidence.
 */
import type { ComputeEnvironmentDetail, JobDetail } from '@aws-sdk/client-batch';
import { evaluateIam } from '../../checks/iam.js';
import { evaluateNetwork } from '../../checks/network.js';
import { fail, pass, warn, type Check } from '../../checks/types.js';
import { BLOCKED_CODES, blockedReasonCode, timeLimitDeadline } from '../../scheduling/blocked.js';
import { canEverFit, candidateTypes, isFargate } from '../../scheduling/capacity.js';
import { isUsableCe } from '../../scheduling/order.js';
import { capacityCe, describeDemand, jobDemand } from '../demand.js';
import { findQueue, queueCes, type DoctorFacts } from '../facts.js';
import { defineRule } from '../rule.js';
import { ceIamOptions, cePlatform, ceNetworkTarget } from './ce-views.js';

const runnable = (j: JobDetail) => j.status === 'RUNNABLE';

/** Cause and fix of each blocked-queue code (spec/06 §4.1). */
export const BLOCKED_EXPLAINED: Record<string, { cause: string; fix: string }> = {
  [BLOCKED_CODES.INSUFFICIENT_INSTANCE_CAPACITY]: {
    cause: 'EC2 cannot supply the instance type the compute environments need right now',
    fix: 'allow more instance types and subnets in more zones (diversify); the service role needs autoscaling:DescribeScalingActivities and ec2:DescribeSpotFleetRequestHistory',
  },
  [BLOCKED_CODES.COMPUTE_ENVIRONMENT_MAX_RESOURCE]: {
    cause: "every compute environment's maxvCpus is smaller than the job's vCPUs",
    fix: 'raise maxvCpus (batchctl ce update NAME --max-vcpus N) or ask for fewer vCPUs',
  },
  [BLOCKED_CODES.JOB_RESOURCE_REQUIREMENT]: {
    cause: 'no instance type the compute environments allow can hold the job (vCPU, memory after the agent\'s reservation, or GPU)',
    fix: 'allow bigger instance types (or GPU families for GPU jobs), or shrink the job\'s resourceRequirements',
  },
  [BLOCKED_CODES.SERVICE_ROLE_PERMISSIONS]: {
    cause: "the compute environments' service role lacks permissions Batch needs",
    fix: 'use the service-linked role (serviceRole empty), or attach AWSBatchServiceRole with the 2023-12 actions',
  },
  [BLOCKED_CODES.EC2_INSTANCE_CONFIGURATION_UNSUPPORTED]: {
    cause: 'an instance type is not offered in the subnets\' zones, or the launch template is incompatible',
    fix: 'check the type offerings per zone and the launch template; prefer current-generation types',
  },
  [BLOCKED_CODES.ACTION_REQUIRED]: {
    cause: 'every compute environment of the queue is INVALID',
    fix: 'fix the compute environments (batchctl doctor ce NAME shows why each is INVALID)',
  },
  [BLOCKED_CODES.UNDETERMINED]: {
    cause: 'Batch could not tell why',
    fix: 'check the network (route to ECS), the ECS agent and the AMI, EC2 quotas and scaling activity',
  },
};

export const blockedReasonRule = defineRule({
  id: 'job.runnable.blocked-reason',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: 'the job is not blocking its queue',
  reads: ['batch:DescribeJobs jobs[].statusReason'],
  scenario: 'oversized-job',
  evaluate(_f, job) {
    if (!runnable(job)) return [];
    const code = blockedReasonCode(job.statusReason);
    const evidence = [`DescribeJobs(${job.jobId}).statusReason=${job.statusReason ?? '(none)'}`];
    if (!code) return [pass(this.id, 'the job is waiting, not blocked (no blocked-queue statusReason)', this.reads[0]!, evidence)];
    const e = BLOCKED_EXPLAINED[code]!;
    return [fail(this.id, `the job blocks its queue: ${code}`, this.reads[0]!, [...evidence, `cause: ${e.cause}`], e.fix)];
  },
});

export const fitsRule = defineRule({
  id: 'job.runnable.fits',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: "an instance type of the queue's compute environments can hold the job, within maxvCpus",
  reads: ['batch:DescribeJobs jobs[].container.resourceRequirements', 'batch:DescribeComputeEnvironments computeResources.{instanceTypes,maxvCpus}', 'ec2:DescribeInstanceTypes (the catalogue)'],
  scenario: 'oversized-job',
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    const demand = jobDemand(job);
    if (!q || !demand) return [];
    const ces = queueCes(f, q);
    const evidence = [`job needs ${describeDemand(demand)}`];
    let anyFit = false;
    for (const ce of ces) {
      const cap = capacityCe(ce);
      const fit = canEverFit(demand, cap);
      const fitting = isFargate(cap.type) ? [] : candidateTypes(cap, demand).map((t) => t.name);
      const biggest = [...cap.instanceTypes].sort((a, b) => b.vcpus - a.vcpus || b.memoryMiB - a.memoryMiB)[0];
      evidence.push(
        `${ce.computeEnvironmentName}: ${cap.type}, maxvCpus=${cap.maxvCpus}` +
          (isFargate(cap.type) ? '' : `, instanceTypes=${(ce.computeResources?.instanceTypes ?? []).join(',')} (largest ${biggest ? `${biggest.name}: ${biggest.vcpus} vCPU, ${biggest.memoryMiB} MiB, ${biggest.gpus} GPU` : 'none'})`) +
          ` -> ${fit.ok ? `fits${fitting.length ? ` (${fitting.slice(0, 5).join(', ')}${fitting.length > 5 ? ', …' : ''})` : ''}` : fit.reason}`,
      );
      if (fit.ok) anyFit = true;
    }
    if (ces.length === 0) return [fail(this.id, 'the queue has no compute environment', this.reads[1]!, evidence, 'add a compute environment to the queue')];
    if (anyFit) return [pass(this.id, this.title, this.reads[1]!, evidence)];
    const fix = demand.instanceType
      ? `allow ${demand.instanceType} in a compute environment of the queue (instanceTypes), or drop instanceType from the job definition's node ranges`
      : 'allow bigger instance types or raise maxvCpus, or shrink the job (memory counts after the ECS agent\'s reservation: m4.large registers about 7,985 MiB)';
    return [fail(this.id, 'no compute environment of the queue can ever run the job', this.reads[1]!, evidence, fix)];
  },
});

export const runnableCesRule = defineRule({
  id: 'job.runnable.compute-environments',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: "the queue's compute environments are ENABLED and VALID",
  reads: ['batch:DescribeComputeEnvironments computeEnvironments[].{state,status,statusReason}'],
  scenario: 'deleted-instance-role',
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    const ces = queueCes(f, q);
    const evidence = ces.map((c) => `${c.computeEnvironmentName}: state=${c.state}, status=${c.status}${c.status === 'INVALID' ? `, statusReason=${c.statusReason}` : ''}`);
    const usable = ces.filter(isUsableCe);
    if (usable.length === 0) {
      const invalid = ces.some((c) => c.status === 'INVALID');
      return [fail(this.id, invalid ? 'no compute environment can run jobs: INVALID' : 'no compute environment can run jobs: DISABLED', this.reads[0]!, evidence,
        invalid ? 'fix the INVALID compute environments (batchctl doctor ce NAME)' : 'enable one: batchctl ce enable NAME')];
    }
    if (usable.length < ces.length) return [warn(this.id, 'some compute environments of the queue are not usable', this.reads[0]!, evidence, 'enable or fix them, or take them out of the queue')];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const runnableQueueStateRule = defineRule({
  id: 'job.runnable.queue-state',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: 'the job queue is ENABLED and VALID',
  reads: ['batch:DescribeJobQueues jobQueues[].{state,status,statusReason}'],
  scenario: 'disabled-queue',
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    const evidence = [`DescribeJobQueues(${q.jobQueueName}): state=${q.state}, status=${q.status}, statusReason=${q.statusReason ?? ''}`];
    if (q.state === 'DISABLED') {
      return [fail(this.id, 'the job queue is DISABLED', this.reads[0]!, evidence, `batchctl queue enable ${q.jobQueueName} (a DISABLED queue takes no new jobs; batchctl's simulator also dispatches none from it)`)];
    }
    if (q.status === 'INVALID') return [fail(this.id, 'the job queue is INVALID', this.reads[0]!, evidence, 'batchctl doctor queue ' + q.jobQueueName)];
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

function serviceRoleChecks(f: DoctorFacts, ce: ComputeEnvironmentDetail): Check[] {
  const facts = f.iam[ce.computeEnvironmentName ?? ''];
  if (!facts) return [];
  return evaluateIam(cePlatform(ce), facts, { ...ceIamOptions(ce), accountId: f.accountId }).filter((c) => c.id.startsWith('iam.service-role') || c.id.startsWith('iam.slr'));
}

export const serviceRoleRule = defineRule({
  id: 'job.runnable.service-role',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: "the compute environments' service role exists, trusts batch and has its policy",
  reads: ['batch:DescribeComputeEnvironments serviceRole', 'iam:GetRole Role.AssumeRolePolicyDocument', 'iam:ListAttachedRolePolicies AttachedPolicies'],
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    return queueCes(f, q).flatMap((ce) => serviceRoleChecks(f, ce).map((c) => ({ ...c, id: `${this.id}.${c.id.replace(/^iam\./, '')}`, title: `${ce.computeEnvironmentName}: ${c.title}` })));
  },
});

export const positionRule = defineRule({
  id: 'job.runnable.position',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: 'where the job is in its queue (GetJobQueueSnapshot)',
  reads: ['batch:GetJobQueueSnapshot frontOfQueue.jobs[].{jobArn,earliestTimeAtPosition}'],
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    const snap = q ? f.snapshots[q.jobQueueArn ?? ''] : undefined;
    if (!q || !snap) return [];
    const front = snap.frontOfQueue?.jobs ?? [];
    const i = front.findIndex((e) => e.jobArn === job.jobArn || (e.jobArn ?? '').endsWith(`/${job.jobId}`));
    if (i < 0) {
      return [warn(this.id, 'the job is not among the first 100 RUNNABLE jobs of its queue', this.reads[0]!, [`GetJobQueueSnapshot(${q.jobQueueName}).frontOfQueue.jobs: ${front.length} jobs, this one not among them`], 'it waits behind at least 100 jobs: raise maxvCpus, or submit it to a higher-priority queue')];
    }
    const at = front[i]!.earliestTimeAtPosition;
    const evidence = [`GetJobQueueSnapshot(${q.jobQueueName}).frontOfQueue.jobs[${i}]: position ${i + 1} of ${front.length}${at ? `, earliestTimeAtPosition=${new Date(at).toISOString()}` : ''}`];
    if (i > 0) {
      const head = front[0]!.jobArn;
      const headJob = (f.runnable[q.jobQueueArn ?? ''] ?? []).find((j) => j.jobArn === head);
      const code = blockedReasonCode(headJob?.statusReason);
      evidence.push(`head of the queue: ${head}${headJob?.statusReason ? ` (statusReason=${headJob.statusReason})` : ''}`);
      if (code) return [fail(this.id, `the job waits behind a blocked head job (${code})`, this.reads[0]!, evidence, `batchctl doctor job ${headJob?.jobId}; cancelling the head job lets the queue move`)];
      return [pass(this.id, `${i} job(s) ahead of it in the queue`, this.reads[0]!, evidence)];
    }
    return [pass(this.id, 'the job is at the head of its queue', this.reads[0]!, evidence)];
  },
});

export const shareIdentifierRule = defineRule({
  id: 'job.runnable.share-identifier',
  scope: 'job',
  when: 'a RUNNABLE job in a fair-share queue',
  title: 'the job has a share identifier (fair-share queue)',
  reads: ['batch:DescribeJobQueues schedulingPolicyArn', 'batch:DescribeJobs jobs[].shareIdentifier'],
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q?.schedulingPolicyArn) return [];
    const evidence = [`DescribeJobQueues(${q.jobQueueName}).schedulingPolicyArn=${q.schedulingPolicyArn}`, `DescribeJobs(${job.jobId}).shareIdentifier=${job.shareIdentifier ?? '(none)'}`];
    if (!job.shareIdentifier) return [fail(this.id, 'the job has no share identifier in a fair-share queue', this.reads[1]!, evidence, 'submit it with --share-identifier (SubmitJob shareIdentifier); fair-share queues schedule by share')];
    return [pass(this.id, this.title, this.reads[1]!, evidence)];
  },
});

export const consumablesRule = defineRule({
  id: 'job.runnable.consumables',
  scope: 'job',
  when: 'a RUNNABLE job that needs consumable resources',
  title: 'the consumable resources the job needs are available',
  reads: ['batch:DescribeJobs jobs[].consumableResourceProperties.consumableResourceList', 'batch:DescribeConsumableResource {totalQuantity,inUseQuantity,availableQuantity,resourceType}'],
  evaluate(f, job) {
    const list = job.consumableResourceProperties?.consumableResourceList ?? [];
    if (!runnable(job) || list.length === 0) return [];
    const evidence: string[] = [];
    const missing: string[] = [];
    const never: string[] = [];
    const short: string[] = [];
    let unread = false;
    for (const need of list) {
      const ref = need.consumableResource ?? '?';
      const name = ref.slice(ref.lastIndexOf('/') + 1);
      const q = need.quantity ?? 1;
      const r = f.consumables[ref];
      if (r === undefined) {
        unread = true;
        evidence.push(`needs ${q} of ${name}`);
        continue;
      }
      if (r === null) {
        missing.push(name);
        evidence.push(`needs ${q} of ${name}: DescribeConsumableResource(${name}) found no such resource`);
        continue;
      }
      const avail = r.availableQuantity ?? 0;
      const total = r.totalQuantity ?? 0;
      const inUse = r.inUseQuantity ?? 0;
      evidence.push(`needs ${q} of ${name}: availableQuantity=${avail}, inUseQuantity=${inUse}, totalQuantity=${total}${r.resourceType === 'NON_REPLENISHABLE' ? ' (NON_REPLENISHABLE)' : ''}`);
      if (avail >= q) continue;
      // Units come back only to a REPLENISHABLE resource, and never beyond its total.
      if (r.resourceType === 'NON_REPLENISHABLE' || total < q) never.push(name);
      else short.push(name);
    }
    const first = missing[0] ?? never[0] ?? short[0];
    if (missing.length) {
      return [fail(this.id, `consumable resource ${missing.join(', ')} does not exist: the job waits until one of that name is created`, this.reads[1]!, evidence, `create it: \`batchctl resource create ${first} --total N\` (a re-created name is the same resource)`)];
    }
    if (never.length) {
      return [fail(this.id, `${never.join(', ')} can never supply what the job needs as things stand (the total is too small, or used units never return)`, this.reads[1]!, evidence, `add units: \`batchctl resource update ${first} --add N\`; or resubmit with fewer (\`job submit --consumable-resource ${first}:N\`)`)];
    }
    if (short.length) {
      return [warn(this.id, `the job waits for ${short.join(', ')}: jobs holding the units release them when they end`, this.reads[1]!, evidence, `\`batchctl resource jobs ${first} --status RUNNING\` shows who holds them; \`batchctl resource update ${first} --add N\` adds units`)];
    }
    if (unread) {
      return [warn(this.id, 'the job needs consumable resources; their availability was not read', this.reads[0]!, evidence, `\`batchctl resource describe ${list.map((n) => (n.consumableResource ?? '').split('/').pop()).join(' ')}\` shows what is available`)];
    }
    return [pass(this.id, 'every consumable resource the job needs has the quantity available', this.reads[1]!, evidence)];
  },
});

export const runnableNetworkRule = defineRule({
  id: 'job.runnable.network',
  scope: 'job',
  when: 'a RUNNABLE job on EC2 or Fargate',
  title: "the compute environments' subnets reach ECS, ECR and CloudWatch Logs",
  reads: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeNatGateways', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeSecurityGroups'],
  scenario: 'private-subnet-no-nat',
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    return queueCes(f, q).flatMap((ce) => {
      const facts = f.network[ce.computeEnvironmentName ?? ''];
      // A Fargate task gets a public IP only when its networkConfiguration asks (AWS's default is
      // DISABLED), as the simulator's engine decides too.
      const ip = job.container?.networkConfiguration?.assignPublicIp === 'ENABLED' ? 'ENABLED' : 'DISABLED';
      const target = ceNetworkTarget(ce, f.region, ip);
      if (!facts || !target) return [];
      return evaluateNetwork(target, facts)
        .filter((c) => c.verdict !== 'PASS' || c.id.startsWith('network.egress'))
        .map((c) => ({ ...c, id: `${this.id}.${c.id.replace(/^network\./, '')}`, title: `${ce.computeEnvironmentName}: ${c.title}` }));
    });
  },
});

export const capacityRule = defineRule({
  id: 'job.runnable.capacity',
  scope: 'job',
  when: 'a RUNNABLE job',
  title: "jobs ahead of it and the compute environments' desiredvCpus",
  reads: ['batch:GetJobQueueSnapshot frontOfQueue.jobs', 'batch:DescribeJobs (jobs ahead) resourceRequirements', 'batch:DescribeComputeEnvironments computeResources.{desiredvCpus,maxvCpus}'],
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    const ahead = (f.runnable[q.jobQueueArn ?? ''] ?? []).filter((j) => j.jobId !== job.jobId);
    const idx = (f.runnable[q.jobQueueArn ?? ''] ?? []).findIndex((j) => j.jobId === job.jobId);
    const before = idx >= 0 ? ahead.slice(0, idx) : ahead;
    const vcpusAhead = before.reduce((s, j) => s + (jobDemand(j)?.vcpus ?? 0), 0);
    const ces = queueCes(f, q).filter((c) => c.computeResources);
    const evidence = [`${before.length} RUNNABLE job(s) ahead, needing ${vcpusAhead} vCPU`];
    let atMax = true;
    for (const ce of ces) {
      const cr = ce.computeResources!;
      evidence.push(`${ce.computeEnvironmentName}: desiredvCpus=${cr.desiredvCpus ?? 0}, maxvCpus=${cr.maxvCpus}`);
      if ((cr.desiredvCpus ?? 0) < (cr.maxvCpus ?? 0)) atMax = false;
    }
    if (ces.length > 0 && atMax && before.length > 0) {
      return [warn(this.id, 'the compute environments are at maxvCpus and jobs are ahead of this one', this.reads[2]!, evidence, 'wait, or raise maxvCpus so that more jobs run at once')];
    }
    return [pass(this.id, this.title, this.reads[0]!, evidence)];
  },
});

export const timeLimitRule = defineRule({
  id: 'job.runnable.time-limit',
  scope: 'job',
  when: 'a blocked RUNNABLE job whose queue has jobStateTimeLimitActions',
  title: 'a jobStateTimeLimitAction will cancel the job',
  reads: ['batch:DescribeJobQueues jobStateTimeLimitActions', 'batch:DescribeJobs jobs[].statusReason'],
  evaluate(f, job) {
    if (!runnable(job)) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    const d = timeLimitDeadline({ jobId: job.jobId ?? '', status: 'RUNNABLE', statusReason: job.statusReason, reasonSince: job.createdAt ?? f.now }, q.jobStateTimeLimitActions);
    if (!d) return [];
    const evidence = [
      `DescribeJobQueues(${q.jobQueueName}).jobStateTimeLimitActions: ${d.action.action} after ${d.action.maxTimeSeconds}s on ${d.action.reason}`,
      `the job has had this reason since at least its creation (${new Date(job.createdAt ?? f.now).toISOString()}): cancelled no earlier than ${new Date(d.at).toISOString()}`,
    ];
    return [warn(this.id, `the queue will ${String(d.action.action ?? 'CANCEL').toLowerCase()} this job after ${d.action.maxTimeSeconds}s blocked`, this.reads[0]!, evidence, 'fix the blocked reason before then, or resubmit it where it fits')];
  },
});

export const RUNNABLE_RULES = [blockedReasonRule, fitsRule, runnableCesRule, runnableQueueStateRule, serviceRoleRule, positionRule, shareIdentifierRule, consumablesRule, runnableNetworkRule, capacityRule, timeLimitRule];
