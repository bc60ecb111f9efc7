/**
 * Jobs: the job engine is the next issue. Until then the read operations answer over an empty
 * jobs table, and the write operations refuse clearly instead of faking success.
 */
import type * as B from '@aws-sdk/client-batch';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import { fail } from './common.js';
import { findQueue, queueNotFound } from './job-queues.js';

export function notImplemented(op: string): never {
  throw clientException(`${op} is not implemented in the simulator yet (the job engine arrives in the next release)`);
}

export function describeJobs(_ctx: SimCtx, input: B.DescribeJobsRequest): B.DescribeJobsResponse {
  const ids = input.jobs ?? [];
  if (ids.length === 0) fail('jobs', 'is required');
  if (ids.length > 100) fail('jobs', 'must list at most 100 job IDs');
  // Unknown ids are silently omitted (spec/07 §5).
  return { jobs: [] };
}

export function listJobs(ctx: SimCtx, input: B.ListJobsRequest): B.ListJobsResponse {
  const targets = [input.jobQueue, input.arrayJobId, input.multiNodeJobId].filter((t) => t !== undefined);
  if (targets.length > 1) fail('jobQueue', 'You must specify only one of jobQueue, arrayJobId or multiNodeJobId');
  if (targets.length === 0 && !input.filters?.length) fail('jobQueue', 'is required (or arrayJobId, multiNodeJobId)');
  if (input.jobQueue && !findQueue(ctx, input.jobQueue)) throw queueNotFound(input.jobQueue);
  return { jobSummaryList: [] };
}
