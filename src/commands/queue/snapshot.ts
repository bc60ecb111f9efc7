/**
 * `batchctl queue snapshot <queue>`: GetJobQueueSnapshot (the first 100 RUNNABLE jobs in dispatch
 * order with `earliestTimeAtPosition`, and the capacity in use, per share on fair-share queues),
 * the names of those jobs (one DescribeJobs call), and how many jobs the queue holds per state
 * (ListJobs per status, paginated).
 *
 * `-o json`: the snapshot's own fields (`frontOfQueue`, `frontOfQuotaShares`, `queueUtilization`),
 * each front job with its `jobId`, `jobName` and `status` added, plus `statusCounts` (every state).
 */
import { Command } from 'commander';
import type { GetJobQueueSnapshotResponse, JobDetail } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { FailureError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import { describeJobsBatched, jobIdOf, listJobsByStatus } from '../../domain/jobs/list.js';
import { renderDetail, type DetailRow } from '../../render/format.js';
import { allStatusCounts, isoTime, relativeTime, statusCountsLine } from '../../render/job.js';
import { queuePolicy } from '../../render/job-queue.js';
import { requireJobQueues } from '../shared/resolve.js';
import { worldNow } from '../job/shared.js';

export interface QueueSnapshotOptions {
  name: string;
}

export function queueSnapshotCommand(ctx: Context, runF: (ctx: Context, opts: QueueSnapshotOptions) => Promise<void> = runQueueSnapshot): Command {
  return new Command('snapshot')
    .description('The front of a queue in dispatch order, capacity in use, and jobs per state')
    .argument('<queue>', 'job queue name or ARN')
    .addHelpText(
      'after',
      `
The front of the queue is what GetJobQueueSnapshot returns: up to 100 RUNNABLE jobs in the order
the scheduler will dispatch them (FIFO: submission order; fair share: priority and share usage),
each with the earliest time it reached that position.
Examples:
  $ batchctl queue snapshot work
  $ batchctl queue snapshot work -o json --query 'frontOfQueue.jobs[0].jobName'`,
    )
    .action(async (name: string) => {
      await runF(ctx, { name });
    });
}

type FrontJob = { jobArn?: string; earliestTimeAtPosition?: number; jobId: string; jobName?: string; status?: string };

export async function runQueueSnapshot(ctx: Context, opts: QueueSnapshotOptions): Promise<void> {
  const backend = await ctx.backend();
  const [queue] = await requireJobQueues(backend, [opts.name]);
  const name = queue!.jobQueueName!;
  let snapshot: GetJobQueueSnapshotResponse;
  try {
    const { $metadata: _m, ...out } = (await backend.batch.getJobQueueSnapshot({ jobQueue: queue!.jobQueueArn ?? name })) as GetJobQueueSnapshotResponse & { $metadata?: unknown };
    snapshot = out;
  } catch (err) {
    throw unsupported(err, backend.label);
  }
  const front = snapshot.frontOfQueue?.jobs ?? [];
  const { jobs: details } = front.length ? await describeJobsBatched(backend.batch, front.map((j) => jobIdOf(j.jobArn ?? ''))) : { jobs: [] as JobDetail[] };
  const byId = new Map(details.map((d) => [d.jobId!, d]));
  const frontJobs: FrontJob[] = front.map((j) => {
    const id = jobIdOf(j.jobArn ?? '');
    const d = byId.get(id);
    return { ...j, jobId: id, ...(d?.jobName ? { jobName: d.jobName } : {}), ...(d?.status ? { status: d.status } : {}) };
  });
  const listed = await listJobsByStatus(backend.batch, { jobQueue: name });
  const data = {
    ...snapshot,
    frontOfQueue: { ...(snapshot.frontOfQueue ?? {}), jobs: frontJobs },
    statusCounts: allStatusCounts(listed.counts),
  };
  const now = worldNow(ctx, backend);
  await ctx.print({
    data,
    human: (c) => humanSnapshot(name, queuePolicy(queue!), data, frontJobs, statusCountsLine(listed.counts, c), c, now, backend.label),
  });
}

/** moto (and endpoints without the operation) answer GetJobQueueSnapshot with an HTML 404. */
function unsupported(err: unknown, label: string): unknown {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number }; message?: string };
  const status = e?.$metadata?.httpStatusCode;
  if (e?.name !== 'ClientException' && (status === 404 || status === 501 || /deserializ|Unexpected token|not valid JSON/i.test(e?.message ?? ''))) {
    return new FailureError(
      `GetJobQueueSnapshot is not supported by this endpoint [${label}]${status ? ` (HTTP ${status})` : ''}`,
      'AWS Batch has it in every region; emulators such as moto do not. `batchctl job list --queue Q --status RUNNABLE` lists the waiting jobs instead',
    );
  }
  return err;
}

function humanSnapshot(
  name: string,
  policy: string,
  data: GetJobQueueSnapshotResponse,
  front: FrontJob[],
  counts: string,
  c: Palette,
  now: number,
  label: string,
): string {
  const updated = data.frontOfQueue?.lastUpdatedAt;
  const u = data.queueUtilization;
  const usage = (u?.totalCapacityUsage ?? []).map((x) => `${x.quantity ?? 0} ${x.capacityUnit ?? ''}`.trim()).join(', ');
  const fair = u?.fairshareUtilization;
  const shareRows: DetailRow[] = (fair?.topCapacityUtilization ?? []).map((s) => [
    s.shareIdentifier ?? '-',
    (s.capacityUsage ?? []).map((x) => `${x.quantity ?? 0} ${x.capacityUnit ?? ''}`.trim()).join(', ') || '-',
  ]);
  const head = renderDetail(`${name} ${c.dim(`[${label}]`)}`, [
    {
      rows: [
        ['Scheduling', policy],
        ['Jobs', counts],
        ['Capacity in use', usage || '-'],
        ['Active shares', fair?.activeShareCount === undefined ? undefined : String(fair.activeShareCount)],
        ['Snapshot', updated === undefined ? undefined : `${isoTime(updated)} (${relativeTime(updated, now)})`],
      ],
    },
    { title: 'Capacity by share', rows: shareRows },
  ], c);
  const lines = [head];
  lines.push(`  ${c.bold(`Front of the queue (${front.length}${front.length === 100 ? ', the first 100' : ''} RUNNABLE, dispatch order)`)}`);
  if (!front.length) lines.push(`    ${c.dim('nothing RUNNABLE')}`);
  front.forEach((j, i) => {
    const at = j.earliestTimeAtPosition === undefined ? '' : c.dim(` since ${relativeTime(j.earliestTimeAtPosition, now)}`);
    lines.push(`    ${String(i + 1).padStart(3)}. ${j.jobName ?? '?'} ${c.dim(j.jobId)}${at}`);
  });
  return lines.join('\n') + '\n';
}
