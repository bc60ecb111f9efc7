/**
 * From the job ids on the command line to the jobs whose streams are read: array parents become
 * their children (`--index N` one, `--children` all), multi-node parents their nodes (`--node N`
 * one, otherwise all), everything else itself. DescribeJobs takes at most 100 ids per call.
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import { jobLogKind } from '../../domain/logs/sources.js';
import { NotFoundError, UsageError } from '../../errors.js';

export interface ExpandOptions {
  index?: number;
  node?: number;
  children?: boolean;
}

/** DescribeJobs over any number of ids, in batches of 100, in the order asked (unknown ids absent). */
export async function describeJobsById(backend: Backend, ids: readonly string[]): Promise<Map<string, JobDetail>> {
  const out = new Map<string, JobDetail>();
  for (let i = 0; i < ids.length; i += 100) {
    const res = await backend.batch.describeJobs({ jobs: ids.slice(i, i + 100) });
    for (const j of res.jobs ?? []) if (j.jobId) out.set(j.jobId, j);
  }
  return out;
}

/** The ids of the jobs that have streams for a root job (itself, its children or its nodes). */
export function leafIds(root: JobDetail, opts: ExpandOptions): string[] {
  const id = root.jobId ?? '';
  const kind = jobLogKind(root);
  if (kind === 'array-parent') {
    const size = root.arrayProperties?.size ?? 0;
    if (opts.index !== undefined) {
      if (opts.index < 0 || opts.index >= size) throw new UsageError(`--index ${opts.index}: job ${id} has children 0 to ${size - 1}`);
      return [`${id}:${opts.index}`];
    }
    if (opts.children) return Array.from({ length: size }, (_, i) => `${id}:${i}`);
    throw new UsageError(`job ${id} is an array job of ${size} children: its logs are in the children's streams`, `pass --index N for one child, or --children for all of them (labelled [index])`);
  }
  if (kind === 'multi-node-parent') {
    const n = root.nodeProperties?.numNodes ?? 0;
    if (opts.node !== undefined) {
      if (opts.node < 0 || opts.node >= n) throw new UsageError(`--node ${opts.node}: job ${id} has nodes 0 to ${n - 1}`);
      return [`${id}#${opts.node}`];
    }
    return Array.from({ length: n }, (_, i) => `${id}#${i}`);
  }
  if (opts.index !== undefined && root.arrayProperties?.index !== opts.index) throw new UsageError(`--index: job ${id} is not an array job`);
  return [id];
}

/** The root jobs, each named id found (NotFoundError naming the missing ones). */
export async function requireJobs(backend: Backend, ids: readonly string[]): Promise<JobDetail[]> {
  const found = await describeJobsById(backend, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new NotFoundError(`no job ${missing.join(', ')} [${backend.label}]`, 'job ids are UUIDs (array children id:N, nodes id#N); terminal jobs are kept for about 7 days');
  }
  return ids.map((id) => found.get(id)!);
}
