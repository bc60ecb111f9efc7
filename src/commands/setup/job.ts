/**
 * Step 6 of the console wizard, "view the job's output": wait for the hello-world job to finish
 * (polling DescribeJobs; the simulator's clock is moved instead of sleeping) and read its lines from
 * CloudWatch Logs, where Batch's awslogs driver writes them (`/aws/batch/job`,
 * `<jobDefinitionName>/default/<jobId>`, spec/01 §5.6).
 */
import type * as B from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { PendingError } from '../../errors.js';
import { passTime } from '../shared/plan-runner.js';

export const DEFAULT_LOG_GROUP = '/aws/batch/job';
const DONE = new Set(['SUCCEEDED', 'FAILED']);

export interface JobWaitOptions {
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Polls the job until SUCCEEDED or FAILED; a PendingError (exit 8) after the timeout. */
export async function waitForJob(ctx: Context, backend: Backend, jobId: string, jobName: string, opts: JobWaitOptions = {}): Promise<B.JobDetail> {
  const c = ctx.io.color();
  const limit = opts.timeoutMs ?? 15 * 60_000;
  const poll = opts.pollMs ?? 5_000;
  let waited = 0;
  let last = '';
  for (;;) {
    const job = (await backend.batch.describeJobs({ jobs: [jobId] })).jobs?.[0];
    const status = job?.status ?? 'unknown';
    if (job && DONE.has(status)) return job;
    if (waited >= limit) {
      throw new PendingError(
        `job ${jobName} (${jobId}) is still ${status} after ${Math.round(waited / 1000)}s`,
        'the stack is ready; the job keeps running. Run the same setup command again to see its output (--timeout waits longer)',
      );
    }
    if (status !== last) ctx.io.err(`${c.dim('…')} job ${jobName} is ${status}\n`);
    last = status;
    await passTime(backend, poll, opts);
    waited += poll;
  }
}

export interface JobOutput {
  logGroupName: string;
  logStreamName?: string;
  messages: string[];
  /** Why there are no messages, when there are none. */
  note?: string;
}

/** Where the job's container wrote its output: its awslogs group (default /aws/batch/job) and stream. */
export function logLocation(job: B.JobDetail): { logGroupName: string; logStreamName?: string } {
  const container = job.container ?? job.attempts?.at(-1)?.container;
  const group = job.container?.logConfiguration?.options?.['awslogs-group'] ?? DEFAULT_LOG_GROUP;
  const stream = container?.logStreamName ?? job.attempts?.at(-1)?.container?.logStreamName;
  return { logGroupName: group, logStreamName: stream };
}

/** The job's log lines, oldest first (every page of GetLogEvents). */
export async function jobOutput(backend: Backend, job: B.JobDetail): Promise<JobOutput> {
  const where = logLocation(job);
  if (job.eksProperties || job.eksAttempts) {
    return { ...where, messages: [], note: 'EKS jobs log where the cluster ships pod logs (e.g. Fluent Bit to CloudWatch); Batch deletes the pods when the job ends' };
  }
  if (!where.logStreamName) return { ...where, messages: [], note: 'the job has no log stream (it never started a container)' };
  const messages: string[] = [];
  let token: string | undefined;
  try {
    for (let page = 0; page < 100; page++) {
      const out = await backend.logs.getLogEvents({ logGroupName: where.logGroupName, logStreamName: where.logStreamName, startFromHead: true, nextToken: token });
      for (const e of out.events ?? []) messages.push(e.message ?? '');
      if (!out.nextForwardToken || out.nextForwardToken === token || (out.events ?? []).length === 0) break;
      token = out.nextForwardToken;
    }
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
    return { ...where, messages: [], note: `no log stream ${where.logStreamName} in ${where.logGroupName}` };
  }
  return { ...where, messages };
}
