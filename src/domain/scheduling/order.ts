/**
 * Dispatch order (spec/03 §2.5–2.6, §5, §6; spec/07 §5): which queue goes first, which CE a queue
 * tries first, the order of RUNNABLE jobs inside a queue (FIFO or fair share), head-of-line walking
 * and the GetJobQueueSnapshot front. (The consumable-resource gate, lock and release live with the
 * engine's state: src/backend/sim/engine/jobs/world.ts and model.ts.)
 *
 * Decisions (docs/simulator.md):
 * - Queues: ENABLED and VALID/UPDATING only; priority descending (higher integer first), ties by
 *   createdAt then name. Sorting all queues globally is equivalent to arbitrating each shared CE.
 * - CEs within a queue: ascending `order`, ties by position; only ENABLED and VALID/UPDATING CEs.
 * - FIFO: jobs requeued by a retry go first (earliest requeue first), then createdAt, then jobId.
 * - Fair share: a share's score is weightFactor x (vCPUs in use now + decayed history / decay window);
 *   the history H follows dH/dt = vCPUs - H/shareDecaySeconds (an exponential moving window), so with
 *   shareDecaySeconds 0 the score is weight x current vCPUs. The lowest score dispatches next; each
 *   pick adds its vCPUs to the share provisionally, so shares interleave. Ties: earliest head job,
 *   then share key. Within a share: schedulingPriority descending, then the FIFO rule.
 *   A policy entry ending in `*` pools every identifier with that prefix under its weight; an
 *   identifier the policy does not list has weight 1.
 * - computeReservation: with A active shares (jobs SUBMITTED..RUNNING), (cr/100)^A x maxvCpus is held
 *   back from shares already running something; a share with nothing STARTING/RUNNING may use it.
 * - Head of line: `walkQueue` stops at the first job that cannot start (strict, the default), or in
 *   `backfill` mode skips jobs that merely wait and stops only at a blocked one.
 */
import type { FairsharePolicy } from '@aws-sdk/client-batch';
import { compareStrings } from '../compare.js';

/** The queue facts the order needs (JobQueueDetail plus an optional creation time). */
export interface QueueView {
  jobQueueName: string;
  priority: number;
  state?: string;
  status?: string;
  createdAt?: number;
  computeEnvironmentOrder: ReadonlyArray<{ computeEnvironment?: string; order?: number }>;
  fairsharePolicy?: FairsharePolicy;
}

/** The CE facts the order needs. */
export interface CeStateView {
  state?: string;
  status?: string;
}

/** True if the scheduler may place jobs in this CE (ENABLED, and VALID or UPDATING). */
export function isUsableCe(ce: CeStateView): boolean {
  return (ce.state ?? 'ENABLED') === 'ENABLED' && (ce.status === undefined || ce.status === 'VALID' || ce.status === 'UPDATING');
}

/** True if the scheduler dispatches from this queue (ENABLED, and VALID or UPDATING). */
export function isDispatchingQueue(q: Pick<QueueView, 'state' | 'status'>): boolean {
  return isUsableCe(q);
}

/** Queues in dispatch order: priority descending, then createdAt, then name; DISABLED/INVALID ones dropped. */
export function queueDispatchOrder<Q extends QueueView>(queues: readonly Q[]): Q[] {
  return queues
    .filter(isDispatchingQueue)
    .sort((a, b) => b.priority - a.priority || (a.createdAt ?? 0) - (b.createdAt ?? 0) || compareStrings(a.jobQueueName, b.jobQueueName));
}

/** The queues that share a CE, in the order they get it. */
export function queuesForCe<Q extends QueueView>(ceName: string, queues: readonly Q[], ceArn?: string): Q[] {
  return queueDispatchOrder(queues.filter((q) => q.computeEnvironmentOrder.some((o) => o.computeEnvironment === ceName || (ceArn !== undefined && o.computeEnvironment === ceArn))));
}

/** A queue's CE names/ARNs in the order it tries them (ascending `order`, ties by position). */
export function computeEnvironmentOrder(queue: Pick<QueueView, 'computeEnvironmentOrder'>): string[] {
  return queue.computeEnvironmentOrder
    .map((o, k) => ({ ce: o.computeEnvironment ?? '', order: o.order ?? 0, k }))
    .filter((o) => o.ce !== '')
    .sort((a, b) => a.order - b.order || a.k - b.k)
    .map((o) => o.ce);
}

/** A RUNNABLE job as the order sees it. */
export interface QueuedJob {
  jobId: string;
  createdAt: number;
  /** Set when a retry put the job back to RUNNABLE (it goes to the front). */
  requeuedAt?: number;
  shareIdentifier?: string;
  schedulingPriority?: number;
  /** vCPUs it will use (fair share accounting). */
  vcpus?: number;
}

/** The FIFO comparison: retried jobs first (earliest requeue first), then createdAt, then jobId. */
export function compareFifo(a: QueuedJob, b: QueuedJob): number {
  const ra = a.requeuedAt !== undefined;
  const rb = b.requeuedAt !== undefined;
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb && a.requeuedAt !== b.requeuedAt) return (a.requeuedAt as number) - (b.requeuedAt as number);
  return a.createdAt - b.createdAt || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0);
}

/** FIFO order of a queue's RUNNABLE jobs. */
export function fifoOrder<J extends QueuedJob>(jobs: readonly J[]): J[] {
  return [...jobs].sort(compareFifo);
}

/** Order within one share: schedulingPriority descending, then FIFO. */
export function compareWithinShare(a: QueuedJob, b: QueuedJob): number {
  return (b.schedulingPriority ?? 0) - (a.schedulingPriority ?? 0) || compareFifo(a, b);
}

/** The share a job's identifier counts under: a matching `prefix*` policy entry pools identifiers. */
export function shareKey(shareIdentifier: string, policy: FairsharePolicy | undefined): string {
  for (const s of policy?.shareDistribution ?? []) {
    const id = s.shareIdentifier ?? '';
    if (id.endsWith('*') && shareIdentifier.startsWith(id.slice(0, -1))) return id;
  }
  return shareIdentifier;
}

/** The weightFactor of a share key (1 when the policy does not list it). Lower weight, more compute. */
export function shareWeight(key: string, policy: FairsharePolicy | undefined): number {
  const entry = policy?.shareDistribution?.find((s) => s.shareIdentifier === key);
  const w = entry?.weightFactor;
  return w !== undefined && w > 0 ? w : 1;
}

const EPS = 1e-12;

/** Usage of one share: vCPUs in use now and the decayed history (vCPU-seconds). */
export interface ShareUsage {
  current: number;
  history: number;
}

/** Advances a share's history by `elapsedMs` during which it used `vcpus` (exact for constant use). */
export function accrueHistory(history: number, vcpus: number, elapsedMs: number, shareDecaySeconds: number): number {
  if (shareDecaySeconds <= 0 || elapsedMs <= 0) return shareDecaySeconds <= 0 ? 0 : history;
  const tau = shareDecaySeconds;
  const f = Math.exp(-elapsedMs / 1000 / tau);
  return history * f + vcpus * tau * (1 - f);
}

/** Advances every share's usage by `elapsedMs` (vCPUs in use stay `current` over the interval). */
export function accrueUsage(usage: ReadonlyMap<string, ShareUsage>, elapsedMs: number, shareDecaySeconds: number): Map<string, ShareUsage> {
  const out = new Map<string, ShareUsage>();
  for (const [k, u] of usage) out.set(k, { current: u.current, history: accrueHistory(u.history, u.current, elapsedMs, shareDecaySeconds) });
  return out;
}

/** The fair-share score of a share: lower dispatches first. */
export function shareScore(u: ShareUsage | undefined, weight: number, shareDecaySeconds: number): number {
  const current = u?.current ?? 0;
  const past = shareDecaySeconds > 0 ? (u?.history ?? 0) / shareDecaySeconds : 0;
  return weight * (current + past);
}

/**
 * Fair-share order of a queue's RUNNABLE jobs: repeatedly take the best job of the lowest-scoring
 * share, adding its vCPUs to that share provisionally.
 */
export function fairShareOrder<J extends QueuedJob>(jobs: readonly J[], usage: ReadonlyMap<string, ShareUsage>, policy: FairsharePolicy | undefined): J[] {
  const decay = policy?.shareDecaySeconds ?? 0;
  const byShare = new Map<string, J[]>();
  for (const j of jobs) {
    const key = shareKey(j.shareIdentifier ?? '', policy);
    const list = byShare.get(key) ?? [];
    list.push(j);
    byShare.set(key, list);
  }
  for (const list of byShare.values()) list.sort(compareWithinShare);
  const provisional = new Map<string, number>();
  const out: J[] = [];
  while (out.length < jobs.length) {
    let bestKey: string | undefined;
    let bestHead: J | undefined;
    let bestScore = Infinity;
    for (const [key, list] of byShare) {
      const head = list[0];
      if (head === undefined) continue;
      const u = usage.get(key);
      const score = shareScore({ current: (u?.current ?? 0) + (provisional.get(key) ?? 0), history: u?.history ?? 0 }, shareWeight(key, policy), decay);
      let better = bestKey === undefined || score < bestScore - EPS;
      if (!better && bestHead !== undefined && Math.abs(score - bestScore) <= EPS) {
        const c = compareFifo(head, bestHead);
        better = c < 0 || (c === 0 && key < (bestKey as string));
      }
      if (better) {
        bestKey = key;
        bestHead = head;
        bestScore = score;
      }
    }
    const list = byShare.get(bestKey as string) as J[];
    const job = list.shift() as J;
    provisional.set(bestKey as string, (provisional.get(bestKey as string) ?? 0) + (job.vcpus ?? 1));
    out.push(job);
  }
  return out;
}

/** vCPUs held back for inactive shares: (computeReservation/100)^activeShares x maxvCpus. */
export function reservedVcpus(computeReservation: number | undefined, activeShares: number, maxVcpus: number): number {
  if (!computeReservation || computeReservation <= 0 || activeShares <= 0) return 0;
  return Math.pow(computeReservation / 100, activeShares) * maxVcpus;
}

/** Whether a job of a share may take `vcpus` more given the reservation (spec/03 §5.4.4). */
export function reservationAllows(args: {
  computeReservation?: number;
  activeShares: number;
  maxVcpus: number;
  usedVcpus: number;
  jobVcpus: number;
  /** True if the job's share already has STARTING/RUNNING jobs. */
  shareRunning: boolean;
}): boolean {
  if (!args.shareRunning) return true;
  return args.usedVcpus + args.jobVcpus <= args.maxVcpus - reservedVcpus(args.computeReservation, args.activeShares, args.maxVcpus) + 1e-9;
}

/** What trying to start one job gave. */
export type Attempt = 'STARTED' | 'WAITING' | 'BLOCKED';

/**
 * Walks a queue in dispatch order, trying to start each job. Returns the jobs started and the head
 * (the first job left RUNNABLE), whose blocked reason the caller evaluates. `strict` stops at the
 * first job that does not start; `backfill` skips waiting jobs and stops at a blocked one.
 */
export function walkQueue<J>(ordered: readonly J[], tryStart: (job: J) => Attempt, mode: 'strict' | 'backfill' = 'strict'): { started: J[]; head?: J } {
  const started: J[] = [];
  let head: J | undefined;
  for (const job of ordered) {
    const r = tryStart(job);
    if (r === 'STARTED') {
      started.push(job);
      continue;
    }
    head ??= job;
    if (r === 'BLOCKED' || mode === 'strict') break;
  }
  return { started, head };
}

/** GetJobQueueSnapshot's frontOfQueue: the first 100 RUNNABLE jobs in dispatch order. */
export function frontOfQueue(
  ordered: ReadonlyArray<{ jobArn: string; createdAt: number; positionSince?: number }>,
  limit = 100,
): Array<{ jobArn: string; earliestTimeAtPosition: number }> {
  return ordered.slice(0, limit).map((j) => ({ jobArn: j.jobArn, earliestTimeAtPosition: j.positionSince ?? j.createdAt }));
}
