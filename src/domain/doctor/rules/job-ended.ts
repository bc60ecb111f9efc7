/**
 * STARTING and FAILED jobs (spec/06 §4.3, §4.4, §10 C1/C2): image pulls, EKS volume mounts, and
 * the failure decoded from attempts[].statusReason, container.reason and exitCode, with the retry
 * strategy that would have helped (checked with evaluateRetry against this very attempt).
 */
import type { JobDetail, RetryStrategy } from '@aws-sdk/client-batch';
import { evaluateNetwork } from '../../checks/network.js';
import { fail, pass, warn, type Check } from '../../checks/types.js';
import { DEPENDENCY_FAILED_REASON } from '../../jobs/dependencies.js';
import { evaluateRetry, type AttemptCause, type AttemptOutcome } from '../../jobs/retry.js';
import { findQueue, queueCes } from '../facts.js';
import { defineRule } from '../rule.js';
import { cePlatform, ceNetworkTarget } from './ce-views.js';

const PULL_RE = /^(CannotPullContainerError|DockerTimeoutError|CannotInspectContainerError|ResourceInitializationError)/;

/** The last attempt's outcome as evaluateOnExit would see it. */
export function lastOutcome(job: JobDetail): AttemptOutcome {
  const attempts = job.attempts ?? [];
  const a = attempts[attempts.length - 1];
  const status = a?.statusReason ?? job.statusReason ?? '';
  const cause: AttemptCause = job.isCancelled ? 'CANCELLED' : job.isTerminated ? 'TERMINATED' : /timeout/i.test(status) ? 'TIMEOUT' : /^Host EC2/.test(status) ? 'HOST_FAILURE' : 'EXITED';
  return { attempt: Math.max(1, attempts.length), exitCode: a?.container?.exitCode ?? job.container?.exitCode, reason: a?.container?.reason ?? job.container?.reason, statusReason: a?.statusReason ?? job.statusReason, cause };
}

export type FailureKind = 'timeout' | 'oom' | 'image-pull' | 'spot-reclaim' | 'dependency' | 'cancelled' | 'terminated' | 'exit-code' | 'unknown';

export interface Diagnosis {
  kind: FailureKind;
  cause: string;
  fix: string;
  /** A retryStrategy that would have retried this failure, when retrying helps. */
  retry?: RetryStrategy;
}

const SPOT_RETRY: RetryStrategy = { attempts: 3, evaluateOnExit: [{ onStatusReason: 'Host EC2*', action: 'RETRY' }, { onReason: '*', action: 'EXIT' }] };
const PULL_RETRY: RetryStrategy = { attempts: 3, evaluateOnExit: [{ onReason: 'CannotPullContainerError*', action: 'RETRY' }, { onStatusReason: 'Task failed to start', action: 'RETRY' }, { onReason: '*', action: 'EXIT' }] };

/** What a FAILED job's fields say happened. */
export function diagnoseFailure(job: JobDetail): Diagnosis {
  const o = lastOutcome(job);
  const status = o.statusReason ?? '';
  const reason = o.reason ?? '';
  if (job.isCancelled || /^Canceled by JobStateTimeLimit/.test(status)) {
    return { kind: 'cancelled', cause: `the job was cancelled: ${status || 'CancelJob'}`, fix: /JobStateTimeLimit/.test(status) ? 'the queue cancelled it after it stayed blocked: fix the blocked reason (see the code) and resubmit' : 'resubmit it if the cancel was a mistake' };
  }
  if (job.isTerminated) return { kind: 'terminated', cause: `the job was terminated: ${status || 'TerminateJob'}`, fix: 'resubmit it if the termination was a mistake' };
  if (status.startsWith(DEPENDENCY_FAILED_REASON)) return { kind: 'dependency', cause: 'a job it depends on failed, so it never ran', fix: 'fix the failed dependency (batchctl doctor job <dependency>) and resubmit both' };
  if (/^OutOfMemoryError/.test(reason) || (o.exitCode === 137 && /memory/i.test(reason))) {
    return { kind: 'oom', cause: `the container ran out of memory (${reason})`, fix: 'raise the MEMORY resourceRequirement (or use less memory); retrying with the same memory fails the same way' };
  }
  if (/timeout/i.test(status)) {
    return { kind: 'timeout', cause: `the attempt ran longer than timeout.attemptDurationSeconds (${status}${o.exitCode !== undefined ? `, exit code ${o.exitCode}` : ''})`, fix: 'raise timeout.attemptDurationSeconds, or make the job faster; timed-out attempts are never retried' };
  }
  if (PULL_RE.test(reason)) {
    return { kind: 'image-pull', cause: `the image could not be pulled (${reason})`, fix: 'check the image name and tag, registry access (execution role for ECR, a route to the registry: NAT or VPC endpoints), and the image size', retry: PULL_RETRY };
  }
  if (/^Host EC2/.test(status)) {
    return { kind: 'spot-reclaim', cause: `the instance went away under the job (${status}): a Spot reclaim or instance failure`, fix: 'retry on host failures (the strategy below), and checkpoint long jobs or run them On-Demand', retry: SPOT_RETRY };
  }
  if (o.exitCode !== undefined && o.exitCode !== 0) {
    return { kind: 'exit-code', cause: `the container exited with code ${o.exitCode}${status ? ` (${status})` : ''}${o.exitCode === 137 ? ': killed (SIGKILL), often memory' : ''}`, fix: 'read the job\'s output: batchctl logs ' + job.jobId };
  }
  return { kind: 'unknown', cause: status || 'no statusReason', fix: 'read the job\'s output: batchctl logs ' + job.jobId };
}

/** The MEMORY the job asked for (MiB, as DescribeJobs shows it), if any. */
function memoryOf(job: JobDetail): string | undefined {
  const c = job.container;
  return c?.resourceRequirements?.find((r) => r.type === 'MEMORY')?.value ?? (c?.memory !== undefined ? String(c.memory) : undefined);
}

export const failedRule = defineRule({
  id: 'job.failed.reason',
  scope: 'job',
  when: 'a FAILED job',
  title: 'why the job failed',
  reads: ['batch:DescribeJobs jobs[].{statusReason,isCancelled,isTerminated,attempts[].statusReason,attempts[].container.{reason,exitCode},retryStrategy}'],
  scenario: 'image-pull-failure',
  evaluate(_f, job) {
    if (job.status !== 'FAILED') return [];
    const d = diagnoseFailure(job);
    const o = lastOutcome(job);
    const evidence = [
      `DescribeJobs(${job.jobId}).statusReason=${job.statusReason ?? '(none)'}`,
      ...(o.reason ? [`attempts[${o.attempt - 1}].container.reason=${o.reason}`] : []),
      ...(o.exitCode !== undefined ? [`attempts[${o.attempt - 1}].container.exitCode=${o.exitCode}`] : []),
      `attempts=${(job.attempts ?? []).length}, retryStrategy=${JSON.stringify(job.retryStrategy ?? {})}`,
      ...(d.kind === 'oom' ? [`DescribeJobs(${job.jobId}).container.resourceRequirements: MEMORY=${memoryOf(job) ?? '(none)'}`] : []),
      `cause: ${d.cause}`,
    ];
    let fix = d.fix;
    if (d.retry) {
      const would = evaluateRetry(d.retry, { ...o, attempt: 1 });
      const had = evaluateRetry(job.retryStrategy, { ...o, attempt: 1 });
      evidence.push(`its own retryStrategy: ${had.action} (${had.message}); the suggested one: ${would.action}`);
      fix += `; a retryStrategy that retries this failure: ${JSON.stringify(d.retry)}`;
    }
    return [fail(`${this.id}.${d.kind}`, `the job FAILED: ${d.kind.replace('-', ' ')}`, this.reads[0]!, evidence, fix)];
  },
});

export const failedNetworkRule = defineRule({
  id: 'job.failed.network',
  scope: 'job',
  when: 'a FAILED job whose image could not be pulled',
  title: "the compute environments' subnets reach the job's image registry",
  reads: ['batch:DescribeJobs jobs[].{attempts[].container.reason,container.image,container.networkConfiguration}', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeNatGateways', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeSecurityGroups'],
  scenario: 'fargate-no-public-ip',
  evaluate(f, job) {
    if (job.status !== 'FAILED' || !PULL_RE.test(lastOutcome(job).reason ?? '')) return [];
    const q = findQueue(f, job.jobQueue);
    if (!q) return [];
    const fargateJob = (job.platformCapabilities ?? []).includes('FARGATE');
    const ip = job.container?.networkConfiguration?.assignPublicIp;
    const out: Check[] = [];
    for (const ce of queueCes(f, q)) {
      if ((cePlatform(ce) === 'fargate') !== fargateJob) continue;
      const facts = f.network[ce.computeEnvironmentName ?? ''];
      // The job's own public IP choice (AWS's default DISABLED), not the CE-alone assumption.
      const base = ceNetworkTarget(ce, f.region, ip === 'ENABLED' ? 'ENABLED' : 'DISABLED');
      if (!facts || !base) continue;
      const target = { ...base, image: job.container?.image };
      const checks = evaluateNetwork(target, facts).filter((c) => c.id.startsWith('network.egress') || c.id === 'network.fargate.public-ip' || c.id === 'network.sg.egress');
      const bad = checks.filter((c) => c.verdict !== 'PASS');
      if (bad.length === 0) {
        out.push(pass(`${this.id}.${ce.computeEnvironmentName}`, `${ce.computeEnvironmentName}: its subnets reach the registry, so the pull failed for another reason (image name or tag, registry credentials)`, this.reads[1]!, checks.flatMap((c) => c.evidence).slice(0, 6)));
        continue;
      }
      out.push(...bad.map((c) => ({ ...c, id: `${this.id}.${c.id.replace(/^network\./, '')}`, title: `${ce.computeEnvironmentName}: ${c.title}` })));
    }
    return out;
  },
});

export const succeededRule = defineRule({
  id: 'job.succeeded',
  scope: 'job',
  when: 'a SUCCEEDED job',
  title: 'the job succeeded',
  reads: ['batch:DescribeJobs jobs[].status'],
  evaluate(_f, job) {
    if (job.status !== 'SUCCEEDED') return [];
    return [pass(this.id, this.title, this.reads[0]!, [`DescribeJobs(${job.jobId}).status=SUCCEEDED, attempts=${(job.attempts ?? []).length}`])];
  },
});

const STARTING_SLOW_MS = 10 * 60_000;

export const startingRule = defineRule({
  id: 'job.starting.image-pull',
  scope: 'job',
  when: 'a STARTING job',
  title: 'the job gets past STARTING (image pull)',
  reads: ['batch:DescribeJobs jobs[].{status,statusReason,container.reason,container.image,attempts}'],
  scenario: 'image-pull-failure',
  evaluate(f, job) {
    if (job.status !== 'STARTING') return [];
    const reason = job.container?.reason ?? '';
    const evidence = [`DescribeJobs(${job.jobId}).status=STARTING`, `container.image=${job.container?.image ?? '(none)'}`, ...(reason ? [`container.reason=${reason}`] : [])];
    if (PULL_RE.test(reason)) return [fail(this.id, 'the image cannot be pulled', this.reads[0]!, evidence, 'check the image name, registry access and a route to the registry (NAT or VPC endpoints)')];
    const lastEnd = (job.attempts ?? []).reduce((m, a) => Math.max(m, a.stoppedAt ?? 0), 0);
    const since = Math.max(job.createdAt ?? 0, lastEnd);
    if (since && f.now - since > STARTING_SLOW_MS) {
      return [warn(this.id, `the job has been starting for ${Math.round((f.now - since) / 60_000)} min`, this.reads[0]!, [...evidence, `since about ${new Date(since).toISOString()}`],
        'a slow pull of a large image (keep layers ≤ 2 GB, images ≤ 4 GB), or for EKS a volume that does not mount; STARTING time does not count toward the timeout')];
    }
    return [pass(this.id, 'the job is starting (pulling the image)', this.reads[0]!, evidence)];
  },
});

export const eksStartingRule = defineRule({
  id: 'job.starting.eks-volumes',
  scope: 'job',
  when: 'a STARTING EKS job',
  title: "the EKS pod's volumes mount",
  reads: ['batch:DescribeJobs jobs[].eksProperties.podProperties.{volumes,podName}', 'batch:DescribeJobs jobs[].statusReason'],
  evaluate(_f, job) {
    if (job.status !== 'STARTING' || !job.eksProperties) return [];
    const pod = job.eksProperties.podProperties;
    const vols = (pod?.volumes ?? []).map((v) => `${v.name}${v.persistentVolumeClaim ? ` (PVC ${v.persistentVolumeClaim.claimName})` : v.hostPath ? ` (hostPath ${v.hostPath.path})` : ''}`);
    const evidence = [`eksProperties.podProperties.podName=${pod?.podName ?? '(not yet)'}`, `volumes: ${vols.join(', ') || '(none)'}`, `statusReason=${job.statusReason ?? '(none)'}`];
    const cmd = `kubectl describe pod ${pod?.podName ?? 'aws-batch.<uuid>'} -n <namespace>`;
    if (/FailedMount|Unable to attach or mount/i.test(job.statusReason ?? '')) {
      return [fail(this.id, 'a volume of the pod does not mount', this.reads[0]!, evidence, `fix the job definition's volumes; Batch terminates PVC mount failures, otherwise batchctl job terminate ${job.jobId}; see ${cmd}`)];
    }
    if (vols.length === 0) return [pass(this.id, 'the pod has no volumes to mount', this.reads[0]!, evidence)];
    return [warn(this.id, 'the pod mounts volumes: if it stays STARTING, a mount may be failing', this.reads[0]!, evidence, `look for a FailedMount event: ${cmd}`)];
  },
});

export const ENDED_RULES = [startingRule, eksStartingRule, failedRule, failedNetworkRule, succeededRule];
