/** Listing every status without the race, and DescribeJobs batching, over a fake counting backend. */
import { describe, expect, it } from 'vitest';
import type { JobStatus, JobSummary, ListJobsRequest } from '@aws-sdk/client-batch';
import { chunk, countByStatus, describeJobsBatched, jobIdOf, listJobsByStatus, listJobsInScopes, mapLimit, type JobsReader } from '../../../src/domain/jobs/list.js';

/** A fake ListJobs/DescribeJobs over a list of jobs, with pages of `page` and a call log. */
function fake(jobs: JobSummary[], opts: { page?: number; onList?: (req: ListJobsRequest, n: number) => void } = {}) {
  const calls: Array<{ op: string; input: unknown }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const api: JobsReader = {
    async listJobs(req) {
      calls.push({ op: 'ListJobs', input: req });
      opts.onList?.(req, calls.length);
      const matching = jobs.filter((j) => j.status === req.jobStatus && (!(j as { q?: string }).q || (j as { q?: string }).q === req.jobQueue) && (!req.arrayJobId || j.jobId!.startsWith(`${req.arrayJobId}:`))).sort((a, b) => b.createdAt! - a.createdAt!);
      const size = Math.min(req.maxResults ?? 1000, opts.page ?? 1000);
      const start = Number(req.nextToken ?? 0);
      const slice = matching.slice(start, start + size);
      return { jobSummaryList: slice.map((j) => ({ ...j })), nextToken: start + size < matching.length ? String(start + size) : undefined };
    },
    async describeJobs(req) {
      calls.push({ op: 'DescribeJobs', input: req });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (req.jobs.length > 100) throw new Error('more than 100 ids');
      return { jobs: jobs.filter((j) => req.jobs.includes(j.jobId!)).map(({ nodeProperties: _summary, ...j }) => ({ ...j, jobId: j.jobId!, jobName: j.jobName!, jobQueue: 'q', jobDefinition: 'd', startedAt: 0, status: j.status! })) };
    },
  };
  return { api, calls, maxInFlight: () => maxInFlight };
}

const job = (id: string, status: JobStatus, createdAt: number, name = id): JobSummary => ({ jobId: id, jobName: name, status, createdAt });

describe('listJobsByStatus', () => {
  it('asks every status in lifecycle order, newest first across statuses', async () => {
    const f = fake([job('a', 'RUNNING', 1), job('b', 'SUCCEEDED', 3), job('c', 'SUBMITTED', 2)]);
    const r = await listJobsByStatus(f.api, { jobQueue: 'q' });
    expect(f.calls.map((c) => (c.input as ListJobsRequest).jobStatus)).toEqual(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
    expect(r.jobs.map((j) => j.jobId)).toEqual(['b', 'c', 'a']);
    expect(r.counts).toEqual({ SUBMITTED: { n: 1, more: false }, RUNNING: { n: 1, more: false }, SUCCEEDED: { n: 1, more: false } });
    expect(r.truncated).toBe(false);
  });

  it('a job that moves on during the listing is kept once, in its most advanced state', async () => {
    const jobs = [job('a', 'RUNNABLE', 1), job('b', 'RUNNABLE', 2)];
    // After the RUNNABLE call, `a` starts running: the RUNNING call sees it again.
    const f = fake(jobs, { onList: (req) => { if (req.jobStatus === 'STARTING') jobs[0]!.status = 'RUNNING'; } });
    const r = await listJobsByStatus(f.api, { jobQueue: 'q' });
    expect(r.jobs.map((j) => [j.jobId, j.status])).toEqual([['b', 'RUNNABLE'], ['a', 'RUNNING']]);
    expect(r.counts).toEqual({ RUNNABLE: { n: 1, more: false }, RUNNING: { n: 1, more: false } });
  });

  it('follows nextToken to the end without a limit', async () => {
    const jobs = Array.from({ length: 25 }, (_, i) => job(`j${i}`, 'SUCCEEDED', i));
    const f = fake(jobs, { page: 10 });
    const r = await listJobsByStatus(f.api, { jobQueue: 'q' }, { statuses: ['SUCCEEDED'] });
    expect(r.jobs).toHaveLength(25);
    expect(f.calls).toHaveLength(3);
  });

  it('with a limit, each status stops at the limit: 100 of 100,000 costs one call per status', async () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => job(`j${i}`, i % 2 ? 'SUCCEEDED' : 'FAILED', i));
    const f = fake(jobs);
    const r = await listJobsByStatus(f.api, { jobQueue: 'q' }, { limit: 100 });
    expect(f.calls).toHaveLength(7);
    expect((f.calls[5]!.input as ListJobsRequest).maxResults).toBe(100);
    expect(r.jobs).toHaveLength(100);
    expect(r.jobs[0]!.jobId).toBe('j2999');
    expect(r.truncated).toBe(true);
    expect(r.counts.SUCCEEDED).toEqual({ n: 100, more: true });
  });

  it('client-side filters keep paging until enough match', async () => {
    const jobs = Array.from({ length: 30 }, (_, i) => job(`j${i}`, 'RUNNING', i, i % 10 === 0 ? `keep-${i}` : `drop-${i}`));
    const f = fake(jobs, { page: 10 });
    const r = await listJobsByStatus(f.api, { jobQueue: 'q' }, { statuses: ['RUNNING'], name: 'keep-*', limit: 2 });
    expect(r.jobs.map((j) => j.jobName)).toEqual(['keep-20', 'keep-10']);
    expect(f.calls).toHaveLength(2);
  });

  it('drops summaries of other statuses (endpoints that ignore jobStatus)', async () => {
    const api: JobsReader = {
      listJobs: async () => ({ jobSummaryList: [job('a', 'SUCCEEDED', 1)] }),
      describeJobs: async () => ({ jobs: [] }),
    };
    const r = await listJobsByStatus(api, { jobQueue: 'q' });
    expect(r.jobs).toEqual([job('a', 'SUCCEEDED', 1)]);
  });

  it('several scopes are merged and limited once', async () => {
    const f = fake([{ ...job('a', 'RUNNING', 1), q: 'q1' }, { ...job('b', 'RUNNING', 5), q: 'q2' }] as unknown as JobSummary[]);
    const r = await listJobsInScopes(f.api, [{ jobQueue: 'q1' }, { jobQueue: 'q2' }], { statuses: ['RUNNING'], limit: 1 });
    expect(r.jobs.map((j) => j.jobId)).toEqual(['b']);
    expect(r.counts.RUNNING).toEqual({ n: 2, more: false });
    expect(r.truncated).toBe(true);
  });
});

describe('describeJobsBatched', () => {
  it('batches 250 ids as 100 + 100 + 50, at most 4 calls in flight, in the order asked; reports unknown ids', async () => {
    const jobs = Array.from({ length: 250 }, (_, i) => job(`j${i}`, 'RUNNING', i));
    const f = fake(jobs);
    const ids = [...jobs.map((j) => j.jobId!).reverse(), 'ghost', 'j0'];
    const r = await describeJobsBatched(f.api, ids);
    expect(f.calls.map((c) => (c.input as { jobs: string[] }).jobs.length)).toEqual([100, 100, 51]);
    expect(r.jobs.map((j) => j.jobId)).toEqual(jobs.map((j) => j.jobId).reverse());
    expect(r.missing).toEqual(['ghost']);
  });

  it('1,000 ids: 10 calls, never more than 4 at once', async () => {
    const jobs = Array.from({ length: 1000 }, (_, i) => job(`j${i}`, 'RUNNING', i));
    const f = fake(jobs);
    await describeJobsBatched(f.api, jobs.map((j) => j.jobId!));
    expect(f.calls).toHaveLength(10);
    expect(f.maxInFlight()).toBe(4);
  });
});

describe('helpers', () => {
  it('chunk, mapLimit, countByStatus, jobIdOf', async () => {
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(await mapLimit([3, 1, 2], 2, async (x) => x * 2)).toEqual([6, 2, 4]);
    expect(countByStatus([{ status: 'FAILED' }, { status: 'FAILED' }], new Set(['RUNNING']))).toEqual({ RUNNING: { n: 0, more: true }, FAILED: { n: 2, more: false } });
    expect(jobIdOf('arn:aws:batch:us-east-1:123456789012:job/abc')).toBe('abc');
    expect(jobIdOf('abc:3')).toBe('abc:3');
  });
});
