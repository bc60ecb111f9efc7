/**
 * `batchctl job describe ID…`: a readable view of each job (status and reason, queue, definition,
 * timings, attempts with exit codes, reasons and log streams, dependencies, array summary, a
 * multi-node job's nodes (described as `id#N`), consumable resources with their availability
 * (DescribeConsumableResource), log stream); `-o json` gives DescribeJobs' `{jobs: [JobDetail…]}`. Any number of ids: 100 per call,
 * 4 calls at most in flight. AWS omits unknown ids silently; batchctl prints the jobs it found and
 * then exits 3 naming the others.
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { describeJobsBatched } from '../../domain/jobs/list.js';
import { joinDetails } from '../../render/format.js';
import { describeJob, type JobConsumables } from '../../render/job.js';
import { readConsumables } from '../resource/shared.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { worldNow } from './shared.js';

export interface JobDescribeOptions {
  ids: string[];
}

export function jobDescribeCommand(ctx: Context, runF: (ctx: Context, opts: JobDescribeOptions) => Promise<void> = runJobDescribe): Command {
  return new Command('describe')
    .description('Show jobs in detail: status, timings, attempts, dependencies, array children, nodes, logs')
    .argument('<id...>', 'job ids (array children as ID:INDEX, multi-node nodes as ID#NODE)')
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl job describe 3f1c…
  $ batchctl job describe 3f1c…:7                 # one child of an array job
  $ batchctl job describe 3f1c…#0                 # one node of a multi-node job (the parent lists its nodes)
  $ batchctl job describe 3f1c… -o json           # {"jobs": [JobDetail]}, as DescribeJobs returns it`,
    )
    .action(async (ids: string[]) => {
      await runF(ctx, { ids });
    });
}

export async function runJobDescribe(ctx: Context, opts: JobDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const { jobs, missing } = await describeJobsBatched(backend.batch, opts.ids);
  const style = { relative: ctx.io.isStdoutTTY(), now: worldNow(ctx, backend) };
  // The human view also reads a multi-node job's nodes (as `id#N`) and the availability of the
  // consumable resources the jobs need; -o json stays DescribeJobs' answer alone.
  const nodes = new Map<string, JobDetail[]>();
  const human = !wantsMachineOutput(ctx);
  const parents = human ? jobs.filter((j) => j.nodeProperties && !j.nodeDetails && j.jobId) : [];
  if (parents.length) {
    const ids = parents.flatMap((p) => Array.from({ length: p.nodeProperties?.numNodes ?? 0 }, (_, n) => `${p.jobId}#${n}`));
    const found = await describeJobsBatched(backend.batch, ids);
    for (const n of found.jobs) {
      const parent = n.jobId?.replace(/#\d+$/, '') ?? '';
      nodes.set(parent, [...(nodes.get(parent) ?? []), n]);
    }
  }
  if (jobs.length || !missing.length) {
    const consumables: JobConsumables = human ? await readConsumables(backend, jobs) : {};
    await ctx.print({ data: { jobs }, human: (c) => joinDetails(jobs.map((j) => describeJob(j, c, style, { consumables, nodes: nodes.get(j.jobId ?? '') }))) });
  }
  if (missing.length) {
    const what = missing.length === 1 ? `job ${missing[0]}` : `jobs ${missing.join(', ')}`;
    throw new NotFoundError(`${what} not found [${backend.label}]`, 'DescribeJobs knows jobs for about 7 days after they finish; `batchctl job list` shows what exists');
  }
}
