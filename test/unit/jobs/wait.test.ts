/** Waiting for jobs: the backoff schedule, the budget floor, changes, timeouts, unknown ids. */
import { describe, expect, it } from 'vitest';
import type { JobDetail } from '@aws-sdk/client-batch';
import { arrayProgress, backoffDelay, jittered, waitForJobs } from '../../../src/domain/jobs/wait.js';
import type { JobsReader } from '../../../src/domain/jobs/list.js';

describe('backoff', () => {
  it('starts at 2 s, grows 1.5x, caps at 30 s', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n))).toEqual([2000, 3000, 4500, 6750, 30000]);
  });
  it('jitter is ±20%, and the floor keeps one waiter near 5 calls/s', () => {
    expect(jittered(10_000, 1, 0)).toBe(8000);
    expect(jittered(10_000, 1, 0.5)).toBe(10_000);
    expect(jittered(10_000, 1, 0.9999)).toBe(12_000);
    // 10,000 jobs = 100 DescribeJobs per poll -> at least 20 s between polls.
    expect(jittered(2_000, 100, 0.5)).toBe(20_000);
  });
  it('arrayProgress counts finished children', () => {
    expect(arrayProgress({ arrayProperties: { size: 10, statusSummary: { SUCCEEDED: 3, FAILED: 1, RUNNING: 6 } } })).toEqual({ done: 4, size: 10 });
    expect(arrayProgress({})).toBeUndefined();
  });
});

/** Jobs whose status follows a script: `timeline[id]` lists the status seen at each poll. */
function scripted(timeline: Record<string, string[]>) {
  const polls: string[][] = [];
  const api: JobsReader = {
    listJobs: async () => ({ jobSummaryList: [] }),
    async describeJobs({ jobs }) {
      polls.push(jobs);
      const n = polls.filter((p) => p.some((id) => jobs.includes(id))).length - 1;
      return {
        jobs: jobs.filter((id) => timeline[id]).map((id): JobDetail => {
          const seq = timeline[id]!;
          const status = seq[Math.min(n, seq.length - 1)]!;
          return { jobId: id, jobName: id, status: status as JobDetail['status'], jobQueue: 'q', jobDefinition: 'd', startedAt: 0, ...(status === 'FAILED' ? { statusReason: 'boom' } : {}) };
        }),
      };
    },
  };
  return { api, polls };
}

function clock() {
  let t = 0;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { slept.push(ms); t += ms; }, slept };
}

describe('waitForJobs', () => {
  it('polls until all are terminal, reporting first sight and each change; finished jobs are not asked again', async () => {
    const s = scripted({ a: ['RUNNABLE', 'RUNNING', 'SUCCEEDED'], b: ['SUCCEEDED'] });
    const c = clock();
    const changes: string[] = [];
    const r = await waitForJobs(s.api, ['a', 'b'], { ...c, random: () => 0.5, onChange: (ch) => changes.push(`${ch.job.jobId} ${ch.kind} ${ch.job.status}`) });
    expect(changes).toEqual(['a first RUNNABLE', 'b first SUCCEEDED', 'a status RUNNING', 'a status SUCCEEDED']);
    expect(s.polls).toEqual([['a', 'b'], ['a'], ['a']]);
    expect(r.pending).toEqual([]);
    expect(r.jobs.map((j) => j.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    // A change resets the delay to 2 s.
    expect(c.slept).toEqual([3000, 2000]);
  });

  it('backs off while nothing changes', async () => {
    const s = scripted({ a: ['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'FAILED'] });
    const c = clock();
    const r = await waitForJobs(s.api, ['a'], { ...c, random: () => 0.5 });
    expect(c.slept).toEqual([3000, 4500, 6750, 10125]);
    expect(r.jobs[0]!.status).toBe('FAILED');
  });

  it('stops at the timeout with the jobs still active; the last sleep ends at the deadline', async () => {
    const s = scripted({ a: ['RUNNING'] });
    const c = clock();
    const r = await waitForJobs(s.api, ['a'], { ...c, random: () => 0.5, timeoutMs: 10_000 });
    expect(r.pending.map((j) => j.jobId)).toEqual(['a']);
    expect(c.slept).toEqual([3000, 4500, 2500]);
    expect(c.now()).toBe(10_000);
  });

  it('unknown ids end the wait after the first poll', async () => {
    const s = scripted({ a: ['RUNNING'] });
    const r = await waitForJobs(s.api, ['a', 'ghost'], { ...clock(), random: () => 0.5 });
    expect(r.missing).toEqual(['ghost']);
    expect(s.polls).toHaveLength(1);
  });
});
