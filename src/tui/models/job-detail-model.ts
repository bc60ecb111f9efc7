/** The Job detail view's data: one DescribeJobs of the job per refresh. */
import type { JobDetail } from '@aws-sdk/client-batch';
import type { ModelEnv } from './env.js';
import { Poller } from './poller.js';

export class JobDetailModel extends Poller<JobDetail> {
  constructor(
    private readonly env: ModelEnv,
    readonly jobId: string,
  ) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, undefined);
  }

  protected async load(): Promise<{ rows: JobDetail[]; extra: undefined }> {
    const out = await this.env.backend.batch.describeJobs({ jobs: [this.jobId] });
    const job = out.jobs?.[0];
    if (!job) throw new Error(`job ${this.jobId} not found (DescribeJobs returned nothing)`);
    return { rows: [job], extra: undefined };
  }
}
