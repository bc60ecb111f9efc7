/**
 * The Compute environments view's data: DescribeComputeEnvironments, and the vCPUs in use.
 *
 * vCPUs in use: for EC2/SPOT, `desiredvCpus` (what Batch has scaled the environment to for its
 * jobs); for Fargate, which has no desired count, the vCPUs that the queues' snapshots
 * (queueUtilization) report, when the queue draws on this one environment only. One refresh:
 * 1 + 1 + queues calls.
 */
import type { ComputeEnvironmentDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import type { ModelEnv } from './env.js';
import { Poller } from './poller.js';
import { compareStrings } from '../../domain/compare.js';

export interface CeRow {
  ce: ComputeEnvironmentDetail;
  name: string;
  /** vCPUs in use, when known. */
  inUse?: number;
  /** The queues that use this environment. */
  queues: string[];
}

export class CeModel extends Poller<CeRow> {
  constructor(private readonly env: ModelEnv) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, undefined);
  }

  protected async load(): Promise<{ rows: CeRow[]; extra: undefined }> {
    const { batch } = this.env.backend;
    const ces: ComputeEnvironmentDetail[] = [];
    const queues: JobQueueDetail[] = [];
    let t1: string | undefined;
    do {
      const p = await batch.describeComputeEnvironments({ maxResults: 100, nextToken: t1 });
      ces.push(...(p.computeEnvironments ?? []));
      t1 = p.nextToken;
    } while (t1);
    let t2: string | undefined;
    do {
      const p = await batch.describeJobQueues({ maxResults: 100, nextToken: t2 });
      queues.push(...(p.jobQueues ?? []));
      t2 = p.nextToken;
    } while (t2);
    const fargate = new Set(ces.filter((c) => c.computeResources?.type?.startsWith('FARGATE')).map((c) => c.computeEnvironmentArn));
    const usage = new Map<string, number>();
    // Only queues whose single environment is Fargate can attribute their usage to it.
    const solo = queues.filter((q) => q.status !== 'DELETED' && q.computeEnvironmentOrder?.length === 1 && fargate.has(q.computeEnvironmentOrder[0]!.computeEnvironment));
    const snaps = await Promise.all(solo.map((q) => batch.getJobQueueSnapshot({ jobQueue: q.jobQueueArn! }).catch(() => undefined)));
    solo.forEach((q, i) => {
      const cu = snaps[i]?.queueUtilization?.totalCapacityUsage?.find((u) => /^v?cpu$/i.test(u.capacityUnit ?? ''));
      const ce = q.computeEnvironmentOrder![0]!.computeEnvironment!;
      if (cu?.quantity !== undefined) usage.set(ce, (usage.get(ce) ?? 0) + cu.quantity);
    });
    const rows = ces
      .filter((ce) => ce.status !== 'DELETED')
      .map((ce): CeRow => {
        const arn = ce.computeEnvironmentArn!;
        const r = ce.computeResources;
        const inUse = fargate.has(arn) ? usage.get(arn) : r ? r.desiredvCpus : undefined;
        const users = queues.filter((q) => q.computeEnvironmentOrder?.some((o) => o.computeEnvironment === arn)).map((q) => q.jobQueueName ?? '');
        return { ce, name: ce.computeEnvironmentName ?? arn, inUse, queues: users };
      })
      .sort((a, b) => compareStrings(a.name, b.name));
    return { rows, extra: undefined };
  }
}
