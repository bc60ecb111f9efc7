/** The job engine's in-memory shapes: a loaded job, its mutable state, an instance, timings. */
import type * as B from '@aws-sdk/client-batch';
import type { StatusSummary } from '../../../../domain/jobs/array.js';
import type { AttemptCause } from '../../../../domain/jobs/retry.js';
import type { JobRow } from '../../store/jobs.js';

/** How long things take (documented in docs/simulator.md "Jobs"). */
export const JOB_TIMING = {
  /** SUBMITTED -> PENDING/RUNNABLE: the scheduler evaluates a new job 1 s after SubmitJob. */
  submitEvalMs: 1_000,
  /** STARTING (image pull, container start) on EC2, seeded per attempt, whole seconds. */
  ec2StartMinS: 10,
  ec2StartMaxS: 30,
  /** STARTING on Fargate (task start). */
  fargateStartMinS: 25,
  fargateStartMaxS: 35,
  /** EC2 instance launch until it takes jobs, seeded per instance. */
  launchMinS: 60,
  launchMaxS: 180,
  /** Idle instances go after this long (or computeResources.scalingPolicy.minScaleDownDelayMinutes). */
  defaultScaleDownDelayMs: 5 * 60_000,
  /** A reclaimed Spot instance goes this long after it started. */
  spotReclaimMinS: 60,
  spotReclaimMaxS: 1_800,
} as const;

export const SCHEDULER = {
  /** Waiting (not blocked) jobs the scheduler looks past, per queue and pass (backfill). */
  backfillWindow: 100,
  /** Rows fetched at a time when walking a queue. */
  chunk: 256,
  /** Jobs read per share per pass in fair-share queues. */
  perShare: 64,
  /** Most jobs read to size a scale-up. */
  maxScaleUpDemands: 4_096,
  /** Retried jobs go to the front: their dispatch key is the requeue time minus this. */
  requeueOffset: 1e15,
} as const;

/** How the current attempt will end (computed when it starts RUNNING). */
export interface AttemptOutcome {
  exitCode?: number;
  reason?: string;
  statusReason?: string;
  cause: AttemptCause;
  ok: boolean;
}

/** The attempt in progress (STARTING or RUNNING). */
export interface CurrentAttempt {
  n: number;
  ceArn: string;
  ceName: string;
  instanceId?: string;
  taskId: string;
  taskArn: string;
  containerInstanceArn?: string;
  vcpus: number;
  memoryMiB: number;
  gpus: number;
  /** STARTING since. */
  sAt: number;
  /** RUNNING since. */
  rAt?: number;
  /** When the container ends (absent: it never ends on its own). */
  eAt?: number;
  /** Consumable resources locked by this attempt (name, quantity, the resource row's seq). */
  cr?: Array<{ n: string; q: number; s?: number }>;
  /** MNP nodes: what the node holds on its instance (the whole free instance: nodes are single-tenant). */
  hold?: { v: number; m: number; g: number };
  /** Index of the next log step to write. */
  li?: number;
  logStream?: string;
  end?: AttemptOutcome;
}

export interface JobState {
  attempts?: B.AttemptDetail[];
  cur?: CurrentAttempt;
  isCancelled?: boolean;
  isTerminated?: boolean;
  /** A cancel/terminate of a PENDING job, applied once its dependencies are terminal. */
  stop?: { request: 'cancel' | 'terminate'; reason: string };
  /** When the job got its current blocked statusReason. */
  reasonSince?: number;
  /** Array parents: child counts and when they last changed. */
  summary?: StatusSummary;
  summaryAt?: number;
  /** When it last became RUNNABLE (GetJobQueueSnapshot's earliestTimeAtPosition). */
  ra?: number;
  /** First STARTING (for wait-time reports). */
  fs?: number;
  /** The container outcome of the latest finished attempt. */
  last?: B.ContainerDetail;
  /** MNP parents: the attempt in progress (its gang is placed) and the main node's private IPv4 once it runs. */
  gang?: { n: number; ip?: string };
}

export interface Rec {
  row: JobRow;
  st: JobState;
}

/** A launched EC2 instance. */
export interface Inst {
  id: string;
  ceArn: string;
  type: string;
  /** vCPUs of the type (what counts toward maxvCpus). */
  tv: number;
  /** Capacity usable by jobs. */
  v: number;
  m: number;
  g: number;
  uv: number;
  um: number;
  ug: number;
  jobs: number;
  state: 'PENDING' | 'RUNNING';
  launchedAt: number;
  readyAt: number;
  idleSince?: number;
  reclaimAt?: number;
  idleDelayMs: number;
  /** The subnet it was launched into (absent on instances from before subnets were recorded). */
  sn?: string;
  /** 1 when it got a public IPv4 address at launch (its subnet's MapPublicIpOnLaunch then). */
  pip?: 1;
  /**
   * Launched but never joined its ECS cluster (no route to ECS from its subnet): it stays PENDING,
   * holds no jobs, and joins at the first scheduling pass after its network is fixed.
   */
  nj?: 1;
}

export function instanceNextEvent(i: Inst): number | null {
  if (i.state === 'PENDING') return i.nj ? null : i.readyAt;
  let t = i.reclaimAt ?? Number.POSITIVE_INFINITY;
  if (i.jobs === 0 && i.idleSince !== undefined) t = Math.min(t, i.idleSince + i.idleDelayMs);
  return Number.isFinite(t) ? t : null;
}

/** Per-CE engine counters (persisted in meta). */
export interface CeUsage {
  /** Fargate vCPUs in use. */
  fv: number;
  /** Job vCPU-milliseconds (STARTING..end of each attempt). */
  jv: number;
  /** Instance vCPU-milliseconds of terminated instances (live ones are added when reported). */
  iv: number;
}

/** Fair-share usage of one share key in one queue. */
export interface ShareState {
  c: number;
  h: number;
  at: number;
}

/** Consumable resources: resource rows keyed by name (re-creating a name is the same resource). */
export const CONSUMABLE_KIND = 'batch:consumable-resource';

export interface ConsumableBody {
  consumableResourceName: string;
  consumableResourceArn: string;
  resourceType: 'REPLENISHABLE' | 'NON_REPLENISHABLE';
  totalQuantity: number;
  inUseQuantity: number;
  availableQuantity: number;
  createdAt: number;
  tags: Record<string, string>;
  /**
   * REPLENISHABLE only: units an update removed that were in use when it came (spec/03 §6,
   * deferred shrink). Releases pay this debt before anything returns to available; never reported.
   */
  pendingRemoval?: number;
}

/** A job's attempt takes `q` units at STARTING: NON_REPLENISHABLE units leave the total for good. */
export function lockUnits(b: ConsumableBody, q: number): void {
  b.availableQuantity -= q;
  b.inUseQuantity += q;
  if (b.resourceType === 'NON_REPLENISHABLE') b.totalQuantity -= q;
}

/**
 * The attempt that held `q` units ended: REPLENISHABLE units pay a pending removal first (the total
 * shrinks toward an update's value), the rest return to available; NON_REPLENISHABLE ones never do.
 */
export function releaseUnits(b: ConsumableBody, q: number): void {
  b.inUseQuantity = Math.max(0, b.inUseQuantity - q);
  if (b.resourceType !== 'REPLENISHABLE') return;
  const paid = Math.min(b.pendingRemoval ?? 0, q);
  b.totalQuantity -= paid;
  b.availableQuantity += q - paid;
  if (paid) b.pendingRemoval = (b.pendingRemoval ?? 0) - paid;
  if (!b.pendingRemoval) delete b.pendingRemoval;
}

/** A consumable resource reference (name or ARN) as its name. */
export function consumableName(ref: string): string {
  return ref.startsWith('arn:') ? (ref.split(':consumable-resource/')[1] ?? ref) : ref;
}
