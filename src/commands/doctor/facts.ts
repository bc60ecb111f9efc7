/**
 * Reads what the doctor's rules judge, through the port: every queue and compute environment, the
 * target job (and the consumable resources a RUNNABLE one needs), each queue's snapshot and first
 * RUNNABLE jobs, and the IAM and network facts of the
 * compute environments in scope (the same readers as `iam check` and `network check`).
 */
import type { ComputeEnvironmentDetail, JobDetail, JobQueueDetail } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import { emptyIamFacts } from '../../domain/checks/iam.js';
import type { Target } from '../../domain/doctor/diagnose.js';
import { cesQueues, emptyFacts, findCe, findQueue, queueCes, type DoctorFacts } from '../../domain/doctor/facts.js';
import { ceIamOptions, ceNetworkTarget, cePlatform } from '../../domain/doctor/rules/ce-views.js';
import { NotFoundError } from '../../errors.js';
import { accountIdOf, gatherIamFacts } from '../iam/facts.js';
import { describeJobsById } from '../logs/resolve.js';
import { gatherNetworkFacts } from '../network/facts.js';
import { describeComputeEnvironments, describeJobQueues } from '../shared/resolve.js';
import { readConsumables } from '../resource/shared.js';

export type DoctorSubject = { kind: 'all' } | { kind: 'job' | 'queue' | 'ce'; ref: string };

export interface Gathered {
  facts: DoctorFacts;
  targets: Target[];
}

/** Up to `limit` RUNNABLE jobs of a queue in dispatch order (the snapshot's order when there is one). */
async function runnableJobs(backend: Backend, q: JobQueueDetail, facts: DoctorFacts, limit = 100): Promise<JobDetail[]> {
  const arn = q.jobQueueArn ?? '';
  const listed = await backend.batch.listJobs({ jobQueue: arn, jobStatus: 'RUNNABLE', maxResults: limit }).catch(() => ({ jobSummaryList: [] }));
  const ids = (listed.jobSummaryList ?? []).map((s) => s.jobId!).filter(Boolean);
  const front = (facts.snapshots[arn]?.frontOfQueue?.jobs ?? []).map((j) => (j.jobArn ?? '').split('/').pop()!);
  const ordered = [...new Set([...front, ...ids])].slice(0, limit);
  if (ordered.length === 0) return [];
  const byId = await describeJobsById(backend, ordered);
  return ordered.map((id) => byId.get(id)).filter((j): j is JobDetail => j !== undefined && j.status === 'RUNNABLE');
}

async function ceFacts(backend: Backend, facts: DoctorFacts, ce: ComputeEnvironmentDetail): Promise<void> {
  const name = ce.computeEnvironmentName ?? '';
  if (!ce.computeResources || facts.iam[name]) return;
  facts.iam[name] = await gatherIamFacts(backend, [cePlatform(ce)], ceIamOptions(ce), emptyIamFacts()).catch(() => emptyIamFacts());
  const target = ceNetworkTarget(ce, backend.region);
  if (target && target.subnetIds.length > 0) facts.network[name] = await gatherNetworkFacts(backend, target).catch(() => ({}));
}

export async function gatherDoctorFacts(backend: Backend, subject: DoctorSubject, now: number): Promise<Gathered> {
  const facts = emptyFacts(now, backend.region);
  [facts.queues, facts.ces] = await Promise.all([describeJobQueues(backend), describeComputeEnvironments(backend)]);
  facts.queues = facts.queues.filter((q) => q.status !== 'DELETED');
  facts.ces = facts.ces.filter((c) => c.status !== 'DELETED');
  let targets: Target[];
  let queues: JobQueueDetail[];
  let ces: ComputeEnvironmentDetail[];
  if (subject.kind === 'job') {
    const job = (await describeJobsById(backend, [subject.ref])).get(subject.ref);
    if (!job) throw new NotFoundError(`no job ${subject.ref} [${backend.label}]`, 'job ids are UUIDs (array child id:N, node id#N); terminal jobs are kept for about 7 days');
    const q = findQueue(facts, job.jobQueue);
    queues = q ? [q] : [];
    ces = q ? queueCes(facts, q) : [];
    targets = [{ kind: 'job', job }];
    if (job.status === 'RUNNABLE') facts.consumables = await readConsumables(backend, [job]);
  } else if (subject.kind === 'queue') {
    const q = findQueue(facts, subject.ref);
    if (!q) throw new NotFoundError(`no job queue ${subject.ref} [${backend.label}]`, 'batchctl queue list shows them');
    queues = [q];
    ces = queueCes(facts, q);
    targets = [{ kind: 'queue', queue: q }];
  } else if (subject.kind === 'ce') {
    const ce = findCe(facts, subject.ref);
    if (!ce) throw new NotFoundError(`no compute environment ${subject.ref} [${backend.label}]`, 'batchctl ce list shows them');
    queues = cesQueues(facts, ce);
    ces = [ce];
    targets = [{ kind: 'ce', ce }];
  } else {
    queues = facts.queues;
    ces = facts.ces;
    targets = [...queues.map((queue): Target => ({ kind: 'queue', queue })), ...ces.map((ce): Target => ({ kind: 'ce', ce }))];
  }
  for (const q of queues) {
    const arn = q.jobQueueArn ?? '';
    const snap = await backend.batch.getJobQueueSnapshot({ jobQueue: arn }).catch(() => undefined);
    if (snap) facts.snapshots[arn] = snap;
    facts.runnable[arn] = await runnableJobs(backend, q, facts);
  }
  for (const ce of ces) await ceFacts(backend, facts, ce);
  const arns = [...facts.ces.map((c) => c.computeEnvironmentArn), ...facts.queues.map((q) => q.jobQueueArn)];
  facts.accountId = await accountIdOf(backend, { arns }).catch(() => undefined);
  return { facts, targets };
}
