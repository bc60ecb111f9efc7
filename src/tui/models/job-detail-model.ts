/**
 * The Job detail view's data: what `job describe` reads for people. One DescribeJobs of the job per
 * refresh; a multi-node parallel job's nodes (`ID#0`…, one more DescribeJobs of at most 100 ids:
 * the first 100 nodes); while the job is not finished, the consumable resources it needs
 * (DescribeConsumableResource each: how much is available, the reason a RUNNABLE job can wait with
 * no statusReason). A finished job's nodes and resources are read once.
 */
import type { JobDetail, JobStatus } from '@aws-sdk/client-batch';
import { readConsumables } from '../../commands/resource/shared.js';
import { isTerminal } from '../../domain/jobs/status.js';
import { mnpNodeId } from '../../domain/jobs/nodes.js';
import type { JobExtras } from '../../render/job.js';
import type { ModelEnv } from './env.js';
import { Poller } from './poller.js';

/** DescribeJobs takes at most 100 ids (spec/05 §6.2): the nodes beyond are not shown. */
export const MAX_NODES_SHOWN = 100;

export interface JobDetailExtra extends JobExtras {
  /** The job's node count when more nodes exist than are shown. */
  moreNodes?: number;
}

export class JobDetailModel extends Poller<JobDetail, JobDetailExtra> {
  private extras: JobDetailExtra = {};
  private settled = false;

  constructor(
    private readonly env: ModelEnv,
    readonly jobId: string,
  ) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, {});
  }

  protected async load(): Promise<{ rows: JobDetail[]; extra: JobDetailExtra }> {
    const { backend } = this.env;
    const out = await backend.batch.describeJobs({ jobs: [this.jobId] });
    const job = out.jobs?.[0];
    if (!job) throw new Error(`job ${this.jobId} not found (DescribeJobs returned nothing)`);
    if (!this.settled) {
      const extras: JobDetailExtra = {};
      const numNodes = job.nodeProperties && !job.nodeDetails ? (job.nodeProperties.numNodes ?? 0) : 0;
      const [nodes, consumables] = await Promise.all([
        numNodes
          ? backend.batch.describeJobs({ jobs: Array.from({ length: Math.min(numNodes, MAX_NODES_SHOWN) }, (_, n) => mnpNodeId(job.jobId!, n)) }).then((r) => r.jobs ?? [])
          : undefined,
        job.consumableResourceProperties?.consumableResourceList?.length ? readConsumables(backend, [job]) : undefined,
      ]);
      if (nodes) extras.nodes = [...nodes].sort((a, b) => (a.nodeDetails?.nodeIndex ?? 0) - (b.nodeDetails?.nodeIndex ?? 0));
      if (consumables) extras.consumables = consumables;
      if (numNodes > MAX_NODES_SHOWN) extras.moreNodes = numNodes;
      this.extras = extras;
      this.settled = isTerminal(job.status as JobStatus);
    }
    return { rows: [job], extra: this.extras };
  }
}
