/**
 * What the doctor's rules read: AWS's own Describe* outputs, gathered once by the command
 * (commands/doctor/facts.ts) and judged here without I/O. A rule reads only what it names in
 * `reads`, so docs/doctor.md can say which API and field each verdict rests on.
 */
import type { ComputeEnvironmentDetail, DescribeConsumableResourceResponse, GetJobQueueSnapshotResponse, JobDefinition, JobDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import type { IamFacts } from '../checks/iam.js';
import type { NetworkFacts } from '../checks/network.js';

export interface DoctorFacts {
  /** When the facts were read (epoch ms). */
  now: number;
  region: string;
  /** Every job queue (DescribeJobQueues). */
  queues: JobQueueDetail[];
  /** Every compute environment (DescribeComputeEnvironments). */
  ces: ComputeEnvironmentDetail[];
  /** GetJobQueueSnapshot per queue ARN. */
  snapshots: Record<string, GetJobQueueSnapshotResponse>;
  /** The first RUNNABLE jobs per queue ARN, in snapshot (dispatch) order, described (ListJobs + DescribeJobs). */
  runnable: Record<string, JobDetail[]>;
  /** Job definitions by ARN (those of the jobs read). */
  definitions: Record<string, JobDefinition>;
  /** IAM facts per compute environment name (roles and instance profile it names). */
  iam: Record<string, IamFacts>;
  /** Network facts per compute environment name (its subnets and security groups). */
  network: Record<string, NetworkFacts>;
  /**
   * The consumable resources the target job needs, by the reference the job gives (name or ARN):
   * DescribeConsumableResource's output, null when there is no such resource; absent when not read.
   */
  consumables: Record<string, DescribeConsumableResourceResponse | null>;
  /** The caller's account id, when known. */
  accountId?: string;
}

export function emptyFacts(now: number, region: string): DoctorFacts {
  return { now, region, queues: [], ces: [], snapshots: {}, runnable: {}, definitions: {}, iam: {}, network: {}, consumables: {} };
}

/** A queue by name or ARN. */
export function findQueue(f: DoctorFacts, ref: string | undefined): JobQueueDetail | undefined {
  if (!ref) return undefined;
  return f.queues.find((q) => q.jobQueueArn === ref || q.jobQueueName === ref);
}

/** A compute environment by name or ARN. */
export function findCe(f: DoctorFacts, ref: string | undefined): ComputeEnvironmentDetail | undefined {
  if (!ref) return undefined;
  return f.ces.find((c) => c.computeEnvironmentArn === ref || c.computeEnvironmentName === ref);
}

/** A queue's compute environments in its order (unknown ones left out). */
export function queueCes(f: DoctorFacts, q: JobQueueDetail): ComputeEnvironmentDetail[] {
  return [...(q.computeEnvironmentOrder ?? [])]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((o) => findCe(f, o.computeEnvironment))
    .filter((c): c is ComputeEnvironmentDetail => c !== undefined);
}

/** The queues that use a compute environment. */
export function cesQueues(f: DoctorFacts, ce: ComputeEnvironmentDetail): JobQueueDetail[] {
  return f.queues.filter((q) => (q.computeEnvironmentOrder ?? []).some((o) => o.computeEnvironment === ce.computeEnvironmentArn || o.computeEnvironment === ce.computeEnvironmentName));
}

/** A short name for a job in evidence: `name (id)`. */
export function jobRef(j: JobDetail): string {
  return `${j.jobName ?? '?'} (${j.jobId})`;
}
