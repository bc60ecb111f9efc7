/**
 * The job engine's view of one transaction: loaded jobs (a cache over the `jobs` table, written
 * back at the end of every instant), instances, per-CE counters and fair-share usage. It applies
 * the state machine of spec/05 §1 (every change through `assertTransition`), dependencies, arrays,
 * retries, timeouts, cancel/terminate, logs and faults; the scheduler (scheduler.ts) places jobs.
 */
import type * as B from '@aws-sdk/client-batch';
import type { JobStatus } from '@aws-sdk/client-batch';
import { arrayParentStatus, emptyStatusSummary } from '../../../../domain/jobs/array.js';
import { ATTEMPT_STATUS_REASONS, SIGKILL_EXIT_CODE, attemptEnd } from '../../../../domain/jobs/attempt.js';
import { type Timeline, simulateCommand } from '../../../../domain/jobs/behaviour.js';
import { stopEffect } from '../../../../domain/jobs/cancel.js';
import { childDependencyIds, DEPENDENCY_FAILED_REASON, evaluateDependencies, jobDependencyIds } from '../../../../domain/jobs/dependencies.js';
import { attemptEnvironment } from '../../../../domain/jobs/environment.js';
import { logStreamName } from '../../../../domain/jobs/log-stream.js';
import { evaluateRetry } from '../../../../domain/jobs/retry.js';
import { assertTransition, isTerminal } from '../../../../domain/jobs/status.js';
import { timeLimitDeadline, timeLimitStatusReason, blockedReasonCode } from '../../../../domain/scheduling/blocked.js';
import { accrueHistory } from '../../../../domain/scheduling/order.js';
import type { SimCtx } from '../../context.js';
import type { JobRow } from '../../store/jobs.js';
import { type FaultSettings, pullFailureReason, readFaults, TASK_FAILED_TO_START } from './faults.js';
import type { ResourceRow } from '../../store/resources.js';
import { CONSUMABLE_KIND, type ConsumableBody, consumableName, lockUnits, releaseUnits } from './model.js';
import { type AttemptOutcome, type CeUsage, type CurrentAttempt, type Inst, instanceNextEvent, JOB_TIMING, type JobState, type Rec, SCHEDULER, type ShareState } from './model.js';
import { EngineNetwork } from './network.js';
import { delayMs, draw, hexId } from './random.js';
import { Heap } from './heap.js';
import { RunQueue } from './runq.js';
import type { JobSpec } from './spec.js';

const META_PASS = 'engine_pass_at';
const META_CES = 'engine_ces';
const META_SHARES = 'engine_shares';

const worlds = new WeakMap<SimCtx, JobWorld>();

/** The job world of a transaction (created on first use, flushed by ctx.finish). */
export function jobWorld(ctx: SimCtx): JobWorld {
  let w = worlds.get(ctx);
  if (!w) {
    w = new JobWorld(ctx);
    worlds.set(ctx, w);
    const world = w;
    ctx.onFinish(() => world.flush());
  }
  return w;
}

/** Parsed-once timelines of commands that read no variables (most commands). */
const TIMELINES = new Map<string, Timeline>();

export class JobWorld {
  readonly seed: number;
  readonly faults: FaultSettings;
  private readonly recs = new Map<string, Rec>();
  private readonly dirty = new Set<Rec>();
  private readonly specs = new Map<string, JobSpec>();
  private readonly timelines = new Map<string, ReturnType<typeof attemptEnd>>();
  private instMap?: Map<string, Inst>;
  private readonly dirtyInst = new Set<string>();
  private readonly removedInst = new Set<string>();
  private ceUsageMap?: Record<string, CeUsage>;
  private sharesMap?: Record<string, Record<string, ShareState>>;
  private usageDirty = false;
  private sharesDirty = false;
  private readonly touchedCes = new Set<string>();
  /** CEs that lost an instance in this transaction: only a scale-down lowers desiredvCpus. */
  private readonly shrunkCes = new Set<string>();
  /** Jobs that just became terminal: their dependents and parents are notified in `drain`. */
  private readonly terminalQueue: Rec[] = [];
  private draining = false;
  passPending = false;
  /** The pending-pass marker as stored (so that a pass requested in one operation runs in the next). */
  private passStored: boolean;
  private readonly knownGroups = new Set<string>();
  private readonly desiredCache = new Map<string, number>();
  /** Queues whose RUNNABLE set changed since their last walk (a job entered or left RUNNABLE). */
  readonly changedQueues = new Set<string>();
  /** Queue/CE/policy rows, re-read after resource changes. */
  resourcesVersion = 0;
  /**
   * Job events of this transaction (loaded on first use from the table, then kept here: rows are
   * written back only when an advance settles). Entries are (time, seq, rec); an entry is stale
   * when the job's nextEventAt moved since, and skipped.
   */
  private events?: Heap<{ t: number; s: number; r: Rec }>;
  /** Last event time pushed per job (so that touching a job without moving its event pushes nothing). */
  private readonly pushedAt = new WeakMap<Rec, number>();
  /** FIFO RUNNABLE lists per queue, built on first walk. */
  private readonly runqs = new Map<string, RunQueue>();
  /** Jobs SUBMITTED..RUNNING (counted once, then kept by setStatus). */
  private activeN?: number;
  /** CloudWatch writes of this transaction, inserted in bulk at flush (in the order they happened). */
  private logStreams: Array<{ group: string; name: string; createdAt: number }> = [];
  private logEvents: Array<{ group: string; stream: string; timestamp: number; ingestionTime: number; message: string }> = [];

  /** Subnets, routes and endpoints as instances and tasks see them (docs/simulator.md "Networking"). */
  readonly net: EngineNetwork;

  constructor(readonly ctx: SimCtx) {
    this.seed = Number(ctx.store.getMeta('seed') ?? 0);
    this.net = new EngineNetwork(ctx, this.seed, () => this.resourcesVersion);
    this.faults = readFaults(ctx.store);
    this.passStored = ctx.store.getMeta(META_PASS) !== undefined;
    this.passPending = this.passStored;
  }

  get now(): number {
    return this.ctx.now;
  }

  // ---- loading and saving ---------------------------------------------------------------------

  rec(row: JobRow): Rec {
    const cached = this.recs.get(row.jobId);
    if (cached) return cached;
    const r: Rec = { row, st: JSON.parse(row.stateJson) as JobState };
    this.recs.set(row.jobId, r);
    if (row.status === 'RUNNABLE') this.runqs.get(row.queueArn)?.add(r);
    return r;
  }

  /** The FIFO RUNNABLE list of a queue (built on first use from the held jobs and the table). */
  runnable(queueArn: string): RunQueue {
    let q = this.runqs.get(queueArn);
    if (!q) {
      q = new RunQueue(
        (after, limit) => this.ctx.jobs.runnableFifo(queueArn, after, limit),
        (row) => {
          if (this.recs.has(row.jobId)) return undefined;
          const r: Rec = { row, st: JSON.parse(row.stateJson) as JobState };
          this.recs.set(row.jobId, r);
          return r;
        },
      );
      for (const r of this.recs.values()) if (r.row.status === 'RUNNABLE' && r.row.queueArn === queueArn) q.add(r);
      this.runqs.set(queueArn, q);
    }
    return q;
  }

  /** Jobs were inserted in this transaction: counts and the event queue are re-read on next use. */
  jobsInserted(): void {
    if (this.events) {
      this.flush();
      this.events = undefined;
    }
    this.activeN = undefined;
  }

  /** How many jobs are SUBMITTED..RUNNING. */
  activeJobs(): number {
    if (this.activeN === undefined) {
      this.flush();
      this.activeN = this.ctx.jobs.activeCount();
    }
    return this.activeN;
  }

  private eventHeap(): Heap<{ t: number; s: number; r: Rec }> {
    if (!this.events) {
      const h = new Heap<{ t: number; s: number; r: Rec }>((a, b) => a.t < b.t || (a.t === b.t && a.s < b.s));
      this.events = h;
      for (const row of this.ctx.jobs.due(Number.MAX_SAFE_INTEGER)) this.rec(row);
      for (const r of this.recs.values()) this.pushEvent(r);
    }
    return this.events;
  }

  private pushEvent(r: Rec): void {
    const t = r.row.nextEventAt;
    if (t === null || !this.events || this.pushedAt.get(r) === t) return;
    this.pushedAt.set(r, t);
    this.events.push({ t, s: r.row.seq, r });
  }

  private liveTop(): { t: number; s: number; r: Rec } | undefined {
    const h = this.eventHeap();
    for (;;) {
      const e = h.peek();
      if (!e) return undefined;
      if (e.r.row.nextEventAt === e.t && e.r.row.active === 1) return e;
      h.pop();
      if (this.pushedAt.get(e.r) === e.t) this.pushedAt.delete(e.r);
    }
  }

  /** The earliest pending job event. */
  nextJobEventAt(): number | undefined {
    return this.liveTop()?.t;
  }

  /** The jobs whose event is due at or before `t`, earliest first (events added while handling them wait for the next round). */
  dueJobs(t: number): Rec[] {
    const out: Rec[] = [];
    const seen = new Set<Rec>();
    for (;;) {
      const e = this.liveTop();
      if (!e || e.t > t) return out;
      this.events!.pop();
      this.pushedAt.delete(e.r);
      if (!seen.has(e.r)) {
        seen.add(e.r);
        out.push(e.r);
      }
    }
  }

  /** The earliest instance event. */
  nextInstanceEventAt(): number | undefined {
    let t: number | undefined;
    for (const i of this.instances().values()) {
      const n = instanceNextEvent(i);
      if (n !== null && (t === undefined || n < t)) t = n;
    }
    return t;
  }

  // ---- consumable resources ------------------------------------------------------------------

  private crRows = new Map<string, ResourceRow<ConsumableBody> | undefined>();
  private readonly crDirty = new Set<ResourceRow<ConsumableBody>>();

  /** A consumable resource row (read once per transaction), undefined when it does not exist. */
  consumable(name: string): ResourceRow<ConsumableBody> | undefined {
    if (!this.crRows.has(name)) this.crRows.set(name, this.ctx.resources.get<ConsumableBody>(CONSUMABLE_KIND, name));
    return this.crRows.get(name);
  }

  /** Forget the cached rows (an API call changes them; call after flush). */
  dropConsumables(): void {
    this.crRows = new Map();
  }

  /** True when every consumable resource the job needs has its quantity available (a missing one: wait). */
  consumablesAvailable(spec: JobSpec, times = 1): boolean {
    for (const c of spec.consumables ?? []) {
      const row = this.consumable(consumableName(c.consumableResource));
      if (!row || row.body.availableQuantity < c.quantity * times) return false;
    }
    return true;
  }

  private lockConsumables(spec: JobSpec, cur: CurrentAttempt): void {
    if (!spec.consumables?.length) return;
    cur.cr = [];
    for (const c of spec.consumables) {
      const n = consumableName(c.consumableResource);
      const row = this.consumable(n);
      if (!row) continue;
      lockUnits(row.body, c.quantity);
      this.crDirty.add(row);
      cur.cr.push({ n, q: c.quantity, s: row.seq });
    }
  }

  private releaseConsumables(cur: CurrentAttempt): void {
    for (const { n, q, s } of cur.cr ?? []) {
      const row = this.consumable(n);
      // A deleted resource ignores releases, and a re-created one (a new row) owes nothing to
      // units its predecessor lent.
      if (!row || row.status === 'DELETED' || (s !== undefined && row.seq !== s)) continue;
      releaseUnits(row.body, q);
      this.crDirty.add(row);
    }
  }

  /** Rows changed and not yet written. */
  get dirtyCount(): number {
    return this.dirty.size;
  }

  /** Jobs that became terminal since the last flush (written and dropped from memory by the next one). */
  private finishedSinceFlush = 0;

  /** A long advance writes the finished jobs once many piled up (the active ones stay in memory). */
  flushFinishedIfMany(limit: number): void {
    if (this.finishedSinceFlush >= limit) this.flush(true);
  }

  createLogStream(group: string, name: string): void {
    this.logStreams.push({ group, name, createdAt: this.now });
  }

  get(jobId: string): Rec | undefined {
    const cached = this.recs.get(jobId);
    if (cached) return cached;
    const row = this.ctx.jobs.get(jobId);
    return row && this.rec(row);
  }

  statusOf = (jobId: string): JobStatus | undefined => this.recs.get(jobId)?.row.status ?? this.ctx.jobs.statusOf(jobId);

  /** The spec of a job (array children share their parent's; an MNP node is its parent's with its group's container). */
  spec(r: Rec): JobSpec {
    const top = r.row.parentId ?? r.row.jobId;
    let s = this.specs.get(top);
    if (!s) {
      const body = r.row.parentId ? (this.get(top)?.row.body ?? '{}') : r.row.body;
      s = JSON.parse(body) as JobSpec;
      this.specs.set(top, s);
    }
    if (r.row.kind === 'NODE') return this.nodeSpec(s, top, r.row.arrayIndex ?? 0);
    return s;
  }

  touch(r: Rec): void {
    r.row.updatedAt = this.now;
    this.dirty.add(r);
    if (this.events) this.pushEvent(r);
  }

  requestPass(): void {
    this.passPending = true;
  }

  /**
   * Writes every change back (jobs, instances, counters, the pending-pass marker). `finishedOnly`
   * (a long advance freeing memory) writes only the jobs that became terminal, and the logs.
   */
  flush(finishedOnly = false): void {
    const jobs = this.ctx.jobs;
    if (this.dirty.size) {
      const rows: JobRow[] = [];
      for (const r of this.dirty) {
        if (finishedOnly && r.row.active !== 0) continue;
        r.row.stateJson = JSON.stringify(r.st);
        rows.push(r.row);
        this.dirty.delete(r);
        if (r.row.active === 0 && r.row.kind !== 'ARRAY') this.recs.delete(r.row.jobId);
      }
      jobs.saveMany(rows);
    }
    if (this.logStreams.length || this.logEvents.length) {
      this.ctx.logs.bulk(this.logStreams, this.logEvents);
      this.logStreams = [];
      this.logEvents = [];
    }
    this.finishedSinceFlush = 0;
    if (finishedOnly) return;
    for (const row of this.crDirty) this.ctx.resources.update(row);
    this.crDirty.clear();
    if (this.instMap) {
      for (const id of this.removedInst) jobs.deleteInstance(id);
      for (const id of this.dirtyInst) {
        const i = this.instMap.get(id);
        if (i) jobs.putInstance(i.id, i.ceArn, instanceNextEvent(i), JSON.stringify(i));
      }
    }
    this.removedInst.clear();
    this.dirtyInst.clear();
    if (this.usageDirty) this.ctx.store.setMeta(META_CES, JSON.stringify(this.ceUsageMap ?? {}));
    if (this.sharesDirty) this.ctx.store.setMeta(META_SHARES, JSON.stringify(this.sharesMap ?? {}));
    this.usageDirty = this.sharesDirty = false;
    if (this.passPending !== this.passStored) {
      if (this.passPending) this.ctx.store.setMeta(META_PASS, this.now);
      else this.ctx.store.stmt('DELETE FROM meta WHERE key = ?').run(META_PASS);
      this.passStored = this.passPending;
    }
    this.flushDesired();
  }

  /** True if this transaction already built its job world. */
  static exists(ctx: SimCtx): boolean {
    return worlds.has(ctx);
  }

  /** The pending pass persisted by an earlier transaction. */
  static persistedPassAt(ctx: SimCtx): number | undefined {
    const v = ctx.store.getMeta(META_PASS);
    return v === undefined ? undefined : Number(v);
  }

  /** The world of a transaction, if one was built. */
  static of(ctx: SimCtx): JobWorld | undefined {
    return worlds.get(ctx);
  }

  // ---- instances and counters -----------------------------------------------------------------

  instances(): Map<string, Inst> {
    if (!this.instMap) {
      this.instMap = new Map();
      for (const r of this.ctx.jobs.instancesJson()) this.instMap.set(r.id, JSON.parse(r.body) as Inst);
    }
    return this.instMap;
  }

  /** Instances per CE (rebuilt when an instance comes or goes). */
  private byCe?: Map<string, Inst[]>;

  instancesOf(ceArn: string): Inst[] {
    if (!this.byCe) {
      this.byCe = new Map();
      for (const i of this.instances().values()) {
        let l = this.byCe.get(i.ceArn);
        if (!l) this.byCe.set(i.ceArn, (l = []));
        l.push(i);
      }
    }
    return this.byCe.get(ceArn) ?? [];
  }

  /** Bumped at every instance change (the scheduler's cached instance views check it). */
  instVersion = 0;

  putInst(i: Inst): void {
    this.instVersion++;
    const m = this.instances();
    if (m.get(i.id) !== i) this.byCe = undefined;
    m.set(i.id, i);
    this.dirtyInst.add(i.id);
    this.removedInst.delete(i.id);
    this.touchedCes.add(i.ceArn);
  }

  removeInst(i: Inst): void {
    this.instances().delete(i.id);
    this.instVersion++;
    this.byCe = undefined;
    this.dirtyInst.delete(i.id);
    this.removedInst.add(i.id);
    this.touchedCes.add(i.ceArn);
    this.shrunkCes.add(i.ceArn);
    this.usage(i.ceArn).iv += i.tv * (this.now - i.launchedAt);
    this.usageDirty = true;
  }

  usage(ceArn: string): CeUsage {
    this.ceUsageMap ??= JSON.parse(this.ctx.store.getMeta(META_CES) ?? '{}') as Record<string, CeUsage>;
    return (this.ceUsageMap[ceArn] ??= { fv: 0, jv: 0, iv: 0 });
  }

  allUsage(): Record<string, CeUsage> {
    this.usage('');
    return this.ceUsageMap!;
  }

  shareStates(queueArn: string): Record<string, ShareState> {
    this.sharesMap ??= JSON.parse(this.ctx.store.getMeta(META_SHARES) ?? '{}') as Record<string, Record<string, ShareState>>;
    return (this.sharesMap[queueArn] ??= {});
  }

  /** Adds `dv` vCPUs in use to a share, accruing its decayed history first. */
  shareUse(queueArn: string, key: string, dv: number, decaySeconds: number): void {
    const s = (this.shareStates(queueArn)[key] ??= { c: 0, h: 0, at: this.now });
    s.h = accrueHistory(s.h, s.c, this.now - s.at, decaySeconds);
    s.at = this.now;
    s.c = Math.max(0, s.c + dv);
    this.sharesDirty = true;
  }

  /**
   * CE desiredvCpus follows its instances (or Fargate tasks): it rises with launches (and a user's
   * raise is a target the scheduler launches toward) and only a scale-down lowers it, never below
   * minvCpus. Written only when it changes.
   */
  flushDesired(): void {
    for (const arn of this.touchedCes) {
      const cached = this.desiredCache.get(arn);
      if (cached !== undefined && !this.shrunkCes.has(arn)) {
        const quick = this.instMap ? this.instancesOf(arn).reduce((n, i) => n + i.tv, 0) : -1;
        if (quick >= 0 && quick <= cached && this.usage(arn).fv === 0) continue;
      }
      const row = this.ctx.resources.byArn<B.ComputeEnvironmentDetail>(arn);
      const cr = row?.body.computeResources;
      if (!row || !cr) continue;
      const fargate = cr.type === 'FARGATE' || cr.type === 'FARGATE_SPOT';
      const launched = fargate ? this.usage(arn).fv : this.instancesOf(arn).reduce((n, i) => n + i.tv, 0);
      const floor = this.shrunkCes.has(arn) ? (cr.minvCpus ?? 0) : Math.max(cr.minvCpus ?? 0, cr.desiredvCpus ?? 0);
      const desired = fargate ? launched : Math.max(floor, launched);
      if (cr.desiredvCpus !== desired) {
        cr.desiredvCpus = desired;
        this.ctx.resources.update(row);
      }
      this.desiredCache.set(arn, fargate ? Number.NaN : desired);
    }
    this.touchedCes.clear();
    this.shrunkCes.clear();
  }

  // ---- the state machine ----------------------------------------------------------------------

  /** Moves a job to `to` (asserted), keeping array parents' summaries and terminal bookkeeping. */
  setStatus(r: Rec, to: JobStatus, statusReason?: string | null): void {
    const from = r.row.status;
    assertTransition(from, to, r.row.kind === 'ARRAY' ? 'arrayParent' : r.row.kind === 'NODE' ? 'node' : 'job', r.row.jobId);
    if (r.row.kind === 'NODE' && isTerminal(from)) this.reviveNode(r);
    if (from === 'RUNNABLE' || to === 'RUNNABLE') this.changedQueues.add(r.row.queueArn);
    r.row.status = to;
    if (statusReason !== undefined) r.row.statusReason = statusReason;
    if (to === 'RUNNABLE') {
      r.row.dispatchAt ??= r.row.createdAt;
      r.st.ra = this.now;
      this.runqs.get(r.row.queueArn)?.add(r);
    }
    else if (r.row.kind !== 'ARRAY') r.row.dispatchAt = null;
    if (isTerminal(to)) {
      if (r.row.active === 1 && this.activeN !== undefined) this.activeN--;
      this.finishedSinceFlush++;
      r.row.active = 0;
      r.row.nextEventAt = null;
      r.row.stoppedAt = this.now;
      delete r.st.stop;
      this.terminalQueue.push(r);
    }
    this.touch(r);
    if (r.row.kind === 'CHILD' && r.row.parentId) this.childChanged(r.row.parentId, from, to);
    if (r.row.kind === 'MNP' && isTerminal(to)) this.endUnfinishedNodes(r);
    if (to === 'RUNNABLE') this.requestPass();
  }

  private childChanged(parentId: string, from: JobStatus, to: JobStatus): void {
    const p = this.get(parentId);
    if (!p) return;
    const sum = (p.st.summary ??= emptyStatusSummary());
    sum[from] -= 1;
    sum[to] += 1;
    p.st.summaryAt = this.now;
    this.touch(p);
    const next = arrayParentStatus(sum, p.row.status, p.row.arraySize ?? 0);
    if (next !== p.row.status) {
      const reason = next === 'FAILED' && p.st.stop ? p.st.stop.reason : undefined;
      this.setStatus(p, next, reason);
    }
  }

  fail(r: Rec, reason: string, flag?: 'cancel' | 'terminate'): void {
    if (flag === 'cancel') r.st.isCancelled = true;
    if (flag === 'terminate') r.st.isTerminated = true;
    this.setStatus(r, 'FAILED', reason);
  }

  /** Notifies dependents of jobs that became terminal (iteratively: chains can be 10,000 long). */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.terminalQueue.length) {
        const r = this.terminalQueue.shift()!;
        for (const id of this.ctx.jobs.dependents(r.row.jobId)) {
          const d = this.get(id);
          if (d && d.row.status === 'PENDING') this.evaluatePending(d);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The job IDs a job waits for. */
  depIds(r: Rec): string[] {
    const spec = this.spec(r);
    if (r.row.kind === 'CHILD') {
      return childDependencyIds(r.row.parentId!, r.row.arrayIndex!, spec.detail.dependsOn, (id) => this.arraySizeOf(id));
    }
    return jobDependencyIds(spec.detail.dependsOn);
  }

  private arraySizeOf(jobId: string): number | undefined {
    const r = this.get(jobId);
    return r?.row.kind === 'ARRAY' ? (r.row.arraySize ?? undefined) : undefined;
  }

  /** A PENDING job after one of its dependencies changed (or a child at its parent's evaluation). */
  evaluatePending(r: Rec): void {
    const ids = this.depIds(r);
    const dep = ids.length ? evaluateDependencies(ids, this.statusOf) : ({ state: 'SATISFIED' } as const);
    if (dep.state === 'FAILED') this.fail(r, DEPENDENCY_FAILED_REASON);
    else if (dep.state === 'SATISFIED') {
      if (r.st.stop) this.fail(r, r.st.stop.reason, r.st.stop.request);
      else this.setStatus(r, 'RUNNABLE', null);
    }
  }

  /** SUBMITTED evaluation (JOB_TIMING.submitEvalMs after SubmitJob). */
  evaluateSubmitted(r: Rec): void {
    r.row.nextEventAt = null;
    const spec = this.spec(r);
    if (r.row.kind === 'ARRAY') {
      this.setStatus(r, 'PENDING');
      const children = this.ctx.jobs.children(r.row.jobId, ['PENDING']).map((row) => this.rec(row));
      const plain = !spec.detail.dependsOn?.length;
      for (const c of children) {
        if (c.row.status !== 'PENDING') continue;
        if (spec.failureReason) this.fail(c, spec.failureReason);
        else if (plain && !c.st.stop) this.setStatus(c, 'RUNNABLE', null);
        else this.evaluatePending(c);
        this.drain();
      }
      return;
    }
    if (spec.failureReason) {
      this.fail(r, spec.failureReason);
      return;
    }
    const ids = this.depIds(r);
    const dep = ids.length ? evaluateDependencies(ids, this.statusOf) : ({ state: 'SATISFIED' } as const);
    if (dep.state === 'FAILED') this.fail(r, DEPENDENCY_FAILED_REASON);
    else if (dep.state === 'WAITING') this.setStatus(r, 'PENDING');
    else this.setStatus(r, 'RUNNABLE', null);
  }

  // ---- attempts -------------------------------------------------------------------------------

  /** RUNNABLE -> STARTING on a CE (an instance, or a Fargate task of `vcpus`). */
  start(r: Rec, ce: { arn: string; name: string; clusterArn?: string; fargate: boolean }, where: { instance?: Inst; fargateVcpus?: number; fargateMemoryMiB?: number }): void {
    const spec = this.spec(r);
    const n = (r.st.attempts?.length ?? 0) + 1;
    const taskId = hexId(this.seed, r.row.jobId, n);
    const cluster = (ce.clusterArn ?? '').split('/').pop() ?? ce.name;
    const prefix = `arn:aws:ecs:${this.ctx.region}:${this.ctx.account}`;
    const d = spec.demand;
    const cur: CurrentAttempt = {
      n, ceArn: ce.arn, ceName: ce.name, taskId, taskArn: `${prefix}:task/${cluster}/${taskId}`,
      vcpus: where.fargateVcpus ?? d.vcpus, memoryMiB: where.fargateMemoryMiB ?? d.memoryMiB, gpus: d.gpus, sAt: this.now,
    };
    if (where.instance) {
      const i = where.instance;
      cur.instanceId = i.id;
      cur.containerInstanceArn = `${prefix}:container-instance/${cluster}/${hexId(this.seed, i.id)}`;
      this.occupy(i, d.vcpus, d.memoryMiB, d.gpus);
    } else {
      this.usage(ce.arn).fv += cur.vcpus;
      this.usageDirty = true;
      this.touchedCes.add(ce.arn);
    }
    this.lockConsumables(spec, cur);
    r.st.cur = cur;
    r.st.fs ??= this.now;
    delete r.st.reasonSince;
    const [lo, hi] = ce.fargate ? [JOB_TIMING.fargateStartMinS, JOB_TIMING.fargateStartMaxS] : [JOB_TIMING.ec2StartMinS, JOB_TIMING.ec2StartMaxS];
    r.row.nextEventAt = this.now + delayMs(this.seed, lo, hi, 'start', r.row.jobId, n);
    const share = this.shareOf(r);
    if (share) this.shareUse(r.row.queueArn, share.key, cur.vcpus, share.decay);
    this.setStatus(r, 'STARTING', null);
  }

  /** Fair-share key and decay of a job's share, when its queue has a fair-share policy. */
  /** An attempt takes its share of an instance, which is then no longer idle. */
  private occupy(i: Inst, vcpus: number, memoryMiB: number, gpus: number): void {
    i.uv += vcpus;
    i.um += memoryMiB;
    i.ug += gpus;
    i.jobs += 1;
    delete i.idleSince;
    this.putInst(i);
  }

  shareOf(r: Rec): { key: string; decay: number } | undefined {
    return this.shareResolver?.(r);
  }

  /** Set by the scheduler: resolves a job's share key through its queue's policy. */
  shareResolver?: (r: Rec) => { key: string; decay: number } | undefined;

  private timeline(r: Rec, cur: CurrentAttempt): ReturnType<typeof attemptEnd> {
    const key = `${r.row.jobId}#${cur.n}`;
    let t = this.timelines.get(key);
    if (t) return t;
    const spec = this.spec(r);
    const cmd = spec.command;
    const plain = !JSON.stringify(cmd ?? []).includes('$');
    const memo = plain ? JSON.stringify(cmd ?? null) : undefined;
    let tl = memo !== undefined ? TIMELINES.get(memo) : undefined;
    if (!tl) {
      const env = attemptEnvironment(spec.environment, {
        jobId: r.row.jobId, attempt: cur.n, queueName: spec.queueName, computeEnvironmentName: cur.ceName,
        array: r.row.kind === 'CHILD' ? { index: r.row.arrayIndex!, size: r.row.arraySize ?? 0 } : undefined,
        node: r.row.kind === 'NODE' ? this.nodeEnvironment(r) : undefined,
      });
      tl = simulateCommand(cmd, { environment: env });
      if (memo !== undefined) TIMELINES.set(memo, tl);
    }
    // MNP: the timeout is the whole job's, counted from the main node's RUNNING (spec/05 §4.3): the
    // main node carries it, and its end stops the other nodes.
    t = attemptEnd(tl, r.row.kind === 'NODE' && !this.isMainNode(r) ? undefined : spec.attemptSeconds, cur.memoryMiB);
    this.timelines.set(key, t);
    return t;
  }

  /** STARTING -> RUNNING (or an image-pull failure). */
  private running(r: Rec): void {
    const cur = r.st.cur!;
    const spec = this.spec(r);
    if (this.faults.pullFailureRate > 0 && draw(this.seed, 'pull', r.row.jobId, cur.n) < this.faults.pullFailureRate) {
      this.endAttempt(r, { reason: pullFailureReason(spec.image), statusReason: TASK_FAILED_TO_START, cause: 'EXITED', ok: false });
      return;
    }
    // No route from the task's subnet to its registry: the task never starts (docs/simulator.md "Networking").
    const unreachable = this.net.pullFailure(spec, cur.ceArn, cur.instanceId === undefined, {
      instance: cur.instanceId !== undefined ? this.instances().get(cur.instanceId) : undefined, jobId: r.row.jobId, attempt: cur.n,
    });
    if (unreachable) {
      this.endAttempt(r, { reason: unreachable, statusReason: TASK_FAILED_TO_START, cause: 'EXITED', ok: false });
      return;
    }
    const end = this.timeline(r, cur);
    cur.rAt = this.now;
    if (Number.isFinite(end.endsAfterMs)) cur.eAt = this.now + end.endsAfterMs;
    cur.end = { exitCode: end.exitCode, statusReason: end.statusReason, cause: end.cause, ok: end.succeeded, ...(end.reason !== undefined ? { reason: end.reason } : {}) };
    cur.li = 0;
    if (spec.logGroup) {
      cur.logStream = logStreamName(spec.definitionName, cur.taskId, spec.logConfig);
      if (!this.knownGroups.has(spec.logGroup)) {
        if (this.ctx.store.stmt('SELECT 1 FROM log_groups WHERE name = ?').pluck().get(spec.logGroup) === undefined) this.ctx.logs.createGroup(spec.logGroup, this.now);
        this.knownGroups.add(spec.logGroup);
      }
      // A new task id per attempt: the stream cannot exist yet.
      this.createLogStream(spec.logGroup, cur.logStream);
    }
    r.row.startedAt = this.now;
    this.setStatus(r, 'RUNNING');
    if (r.row.kind === 'NODE' && this.isMainNode(r)) this.mainNodeRunning(r);
    this.runningTick(r);
  }

  /** Writes the log lines due by now and either ends the attempt or schedules the next line/end. */
  private runningTick(r: Rec): void {
    const cur = r.st.cur!;
    const end = this.timeline(r, cur);
    this.writeLogs(r, cur, end.steps, this.now - cur.rAt!);
    if (cur.eAt !== undefined && this.now >= cur.eAt) {
      this.endAttempt(r, cur.end!);
      return;
    }
    const next = end.steps[cur.li ?? 0];
    const nextLog = next ? cur.rAt! + next.at : Number.POSITIVE_INFINITY;
    const t = Math.min(nextLog, cur.eAt ?? Number.POSITIVE_INFINITY);
    r.row.nextEventAt = Number.isFinite(t) ? t : null;
    this.touch(r);
  }

  private writeLogs(r: Rec, cur: CurrentAttempt, steps: readonly { at: number; log?: string }[], upTo: number): void {
    let i = cur.li ?? 0;
    const batch: { timestamp: number; message: string }[] = [];
    while (i < steps.length && steps[i]!.at <= upTo) {
      const s = steps[i]!;
      if (s.log !== undefined) batch.push({ timestamp: cur.rAt! + s.at, message: s.log });
      i++;
    }
    cur.li = i;
    const group = this.spec(r).logGroup;
    if (batch.length && group && cur.logStream) {
      for (const e of batch) this.logEvents.push({ group, stream: cur.logStream, timestamp: e.timestamp, ingestionTime: this.now, message: e.message });
    }
  }

  /** Frees what the current attempt held. */
  private release(r: Rec, cur: CurrentAttempt): void {
    this.releaseConsumables(cur);
    if (cur.instanceId) {
      const i = this.instances().get(cur.instanceId);
      if (i) {
        i.uv -= cur.hold?.v ?? cur.vcpus;
        i.um -= cur.hold?.m ?? cur.memoryMiB;
        i.ug -= cur.hold?.g ?? cur.gpus;
        i.jobs -= 1;
        if (i.jobs === 0) i.idleSince = this.now;
        this.putInst(i);
      }
    } else {
      const u = this.usage(cur.ceArn);
      u.fv = Math.max(0, u.fv - cur.vcpus);
      this.touchedCes.add(cur.ceArn);
    }
    this.usage(cur.ceArn).jv += cur.vcpus * (this.now - cur.sAt);
    this.usageDirty = true;
    const share = this.shareOf(r);
    if (share) this.shareUse(r.row.queueArn, share.key, -cur.vcpus, share.decay);
    this.requestPass();
  }

  /**
   * Ends the current attempt with `out`: records it, then SUCCEEDED, a retry (RUNNABLE at the
   * front) or FAILED; `forced` (terminate) fails without retry.
   */
  endAttempt(r: Rec, out: AttemptOutcome, forced?: { reason: string; flag: 'cancel' | 'terminate' }): void {
    const cur = r.st.cur!;
    if (cur.rAt !== undefined) {
      const end = this.timeline(r, cur);
      this.writeLogs(r, cur, end.steps, this.now - cur.rAt);
    }
    this.release(r, cur);
    const container: B.ContainerDetail = { taskArn: cur.taskArn };
    if (out.exitCode !== undefined) container.exitCode = out.exitCode;
    if (out.reason !== undefined) container.reason = out.reason;
    if (cur.logStream) container.logStreamName = cur.logStream;
    if (cur.containerInstanceArn) container.containerInstanceArn = cur.containerInstanceArn;
    const attempt: B.AttemptDetail = { container, stoppedAt: this.now };
    if (cur.rAt !== undefined) attempt.startedAt = cur.rAt;
    if (out.statusReason !== undefined) attempt.statusReason = out.statusReason;
    (r.st.attempts ??= []).push(attempt);
    r.st.last = container;
    delete r.st.cur;
    this.timelines.delete(`${r.row.jobId}#${cur.n}`);
    r.row.exitCode = out.exitCode ?? null;
    r.row.nextEventAt = null;
    const from = r.row.status;
    if (r.row.kind === 'NODE') {
      this.nodeEnded(r, attempt, out, forced);
      return;
    }
    if (forced) {
      this.fail(r, forced.reason, forced.flag);
      return;
    }
    if (out.ok) {
      this.setStatus(r, 'SUCCEEDED', out.statusReason ?? null);
      return;
    }
    const decision = evaluateRetry(this.spec(r).retryStrategy, { attempt: cur.n, exitCode: out.exitCode, reason: out.reason, statusReason: out.statusReason, cause: out.cause });
    if (decision.action === 'RETRY' && (from === 'RUNNING' || from === 'STARTING')) {
      r.row.dispatchAt = this.now - SCHEDULER.requeueOffset;
      this.setStatus(r, 'RUNNABLE', null);
    } else {
      this.setStatus(r, 'FAILED', out.statusReason ?? null);
    }
  }

  /** A job's due event: evaluation, STARTING -> RUNNING, a log line or the end, a time limit. */
  onJobEvent(r: Rec): void {
    switch (r.row.status) {
      case 'SUBMITTED':
        this.evaluateSubmitted(r);
        break;
      case 'STARTING':
        this.running(r);
        break;
      case 'RUNNING':
        this.runningTick(r);
        break;
      case 'RUNNABLE':
        this.onTimeLimit(r);
        break;
      default:
        r.row.nextEventAt = null;
        this.touch(r);
    }
    this.drain();
  }

  /** The jobStateTimeLimitActions deadline of a blocked head job. */
  private onTimeLimit(r: Rec): void {
    r.row.nextEventAt = null;
    this.touch(r);
    const actions = this.queueTimeLimitActions?.(r.row.queueArn);
    const d = timeLimitDeadline({ jobId: r.row.jobId, status: r.row.status, statusReason: r.row.statusReason ?? undefined, reasonSince: r.st.reasonSince ?? this.now }, actions);
    if (!d) return;
    if (d.at > this.now) {
      r.row.nextEventAt = d.at;
      this.touch(r);
      return;
    }
    const code = blockedReasonCode(r.row.statusReason ?? undefined)!;
    this.fail(r, timeLimitStatusReason(code, d.action.action ?? 'CANCEL'), 'cancel');
    this.requestPass();
  }

  /** Set by the scheduler: a queue's jobStateTimeLimitActions. */
  queueTimeLimitActions?: (queueArn: string) => B.JobStateTimeLimitAction[] | undefined;

  /** Sets the blocked reason of a queue's head job (and its time-limit deadline). */
  setHeadReason(r: Rec, reason: string | undefined, actions: B.JobStateTimeLimitAction[] | undefined): void {
    const current = r.row.statusReason ?? undefined;
    if (current === reason) return;
    r.row.statusReason = reason ?? null;
    r.st.reasonSince = this.now;
    const d = reason ? timeLimitDeadline({ jobId: r.row.jobId, status: 'RUNNABLE', statusReason: reason, reasonSince: this.now }, actions) : undefined;
    r.row.nextEventAt = d ? d.at : null;
    this.touch(r);
  }

  // ---- instance events ------------------------------------------------------------------------

  onInstanceEvent(i: Inst, planScaleDown: (i: Inst) => boolean): void {
    if (i.state === 'PENDING' && i.readyAt <= this.now) {
      if (!this.net.joins(i)) {
        // Up in EC2 but unable to reach ECS: it never registers (docs/simulator.md "Networking").
        i.nj = 1;
        this.unjoinedN = undefined;
        this.putInst(i);
        return;
      }
      i.state = 'RUNNING';
      if (i.jobs === 0) i.idleSince = this.now;
      this.putInst(i);
      this.requestPass();
      return;
    }
    if (i.reclaimAt !== undefined && i.reclaimAt <= this.now) {
      this.reclaim(i);
      return;
    }
    if (i.jobs === 0 && i.idleSince !== undefined && i.idleSince + i.idleDelayMs <= this.now) {
      if (planScaleDown(i)) this.removeInst(i);
      else {
        // Kept for minvCpus: no further idle event until it is used again.
        i.idleSince = undefined;
        this.putInst(i);
      }
    }
  }

  /** Instances that never joined their cluster (counted on first use in a transaction). */
  private unjoinedN?: number;

  /**
   * Instances that never joined their cluster, re-checked at the start of a scheduling pass: one
   * whose subnet now reaches ECS joins (RUNNING, idle; the pass then places jobs on it); one whose
   * CE is gone, DISABLED or INVALID is terminated.
   */
  rejoinInstances(usable: (ceArn: string) => boolean): void {
    this.unjoinedN ??= [...this.instances().values()].filter((i) => i.nj).length;
    if (this.unjoinedN === 0) return;
    let left = 0;
    for (const i of [...this.instances().values()]) {
      if (!i.nj) continue;
      if (!usable(i.ceArn)) this.removeInst(i);
      else if (this.net.joins(i)) {
        delete i.nj;
        i.state = 'RUNNING';
        if (i.jobs === 0) i.idleSince = this.now;
        this.putInst(i);
      } else left++;
    }
    this.unjoinedN = left;
  }

  /** A Spot reclaim: the instance goes and every attempt on it fails (`Host EC2 (instance …) terminated.`). */
  private reclaim(i: Inst): void {
    const victims = this.ctx.store.db
      .prepare(`SELECT job_id FROM jobs WHERE status IN ('STARTING', 'RUNNING') AND json_extract(state, '$.cur.instanceId') = ?`)
      .pluck()
      .all(i.id) as string[];
    for (const id of [...new Set([...victims, ...[...this.recs.values()].filter((r) => r.st.cur?.instanceId === i.id).map((r) => r.row.jobId)])]) {
      const r = this.get(id);
      if (!r?.st.cur || r.st.cur.instanceId !== i.id) continue;
      this.endAttempt(r, { statusReason: ATTEMPT_STATUS_REASONS.hostTerminated(i.id), cause: 'HOST_FAILURE', ok: false });
    }
    this.drain();
    this.removeInst(i);
    this.requestPass();
  }

  // ---- multi-node parallel jobs (spec/05 §8) --------------------------------------------------

  /** A node's spec: its parent's, with the container of the node's group. */
  private nodeSpec(s: JobSpec, top: string, index: number): JobSpec {
    const g = s.nodeOf?.[index] ?? 0;
    const key = `${top}#g${g}`;
    let n = this.specs.get(key);
    if (!n) {
      const grp = s.nodeGroups?.[g];
      if (!grp) return s;
      const { nodeProperties: _np, ...detail } = s.detail;
      n = {
        ...s, detail: { ...detail, container: grp.container, ecsProperties: grp.ecsProperties }, demand: grp.demand, command: grp.command, environment: grp.environment,
        image: grp.image, logGroup: grp.logGroup, logConfig: grp.logConfig,
      };
      this.specs.set(key, n);
    }
    return n;
  }

  /** True for the main node of an MNP job. */
  isMainNode(r: Rec): boolean {
    return r.row.kind === 'NODE' && r.row.arrayIndex === (this.spec(r).mainNode ?? 0);
  }

  /** The nodes of an MNP job, by index. */
  private nodeRecs(p: Rec): Rec[] {
    return this.ctx.jobs.children(p.row.jobId).map((row) => this.rec(row));
  }

  /** The AWS_BATCH_JOB_*NODE* facts of a node (the main node's address once it runs). */
  private nodeEnvironment(r: Rec): { index: number; mainNodeIndex: number; numNodes: number; mainNodePrivateIpv4?: string } {
    const spec = this.spec(r);
    const p = r.row.parentId ? this.get(r.row.parentId) : undefined;
    return { index: r.row.arrayIndex ?? 0, mainNodeIndex: spec.mainNode ?? 0, numNodes: spec.numNodes ?? 1, mainNodePrivateIpv4: p?.st.gang?.ip };
  }

  /**
   * RUNNABLE -> STARTING for a whole MNP job: every node gets one of `instances` (idle, in node
   * order) to itself; the main node starts now, the others once it is RUNNING.
   */
  startGang(p: Rec, ce: { arn: string; name: string; clusterArn?: string }, instances: Inst[]): void {
    const spec = this.spec(p);
    const n = (p.st.attempts?.length ?? 0) + 1;
    p.st.gang = { n };
    p.st.fs ??= this.now;
    delete p.st.reasonSince;
    const nodes = this.nodeRecs(p);
    nodes.forEach((nd, k) => this.placeNode(nd, ce, instances[k]!, n));
    this.setStatus(p, 'STARTING', null);
    const main = nodes[spec.mainNode ?? 0];
    if (main) this.nodeStarting(main);
  }

  /** A node takes its instance whole (single-tenant) and waits PENDING for its turn to start. */
  private placeNode(nd: Rec, ce: { arn: string; name: string; clusterArn?: string }, i: Inst, n: number): void {
    const spec = this.spec(nd);
    const taskId = hexId(this.seed, nd.row.jobId, n);
    const cluster = (ce.clusterArn ?? '').split('/').pop() ?? ce.name;
    const prefix = `arn:aws:ecs:${this.ctx.region}:${this.ctx.account}`;
    const hold = { v: i.v - i.uv, m: i.m - i.um, g: i.g - i.ug };
    const cur: CurrentAttempt = {
      n, ceArn: ce.arn, ceName: ce.name, taskId, taskArn: `${prefix}:task/${cluster}/${taskId}`, vcpus: spec.demand.vcpus, memoryMiB: spec.demand.memoryMiB,
      gpus: spec.demand.gpus, sAt: this.now, instanceId: i.id, containerInstanceArn: `${prefix}:container-instance/${cluster}/${hexId(this.seed, i.id)}`, hold,
    };
    this.occupy(i, hold.v, hold.m, hold.g);
    this.lockConsumables(spec, cur);
    nd.st.cur = cur;
    nd.st.fs ??= this.now;
    const share = this.shareOf(nd);
    if (share) this.shareUse(nd.row.queueArn, share.key, cur.vcpus, share.decay);
    this.touch(nd);
  }

  /** A placed node: PENDING -> STARTING (image pull, container start). */
  private nodeStarting(nd: Rec): void {
    const cur = nd.st.cur!;
    cur.sAt = this.now;
    nd.row.nextEventAt = this.now + delayMs(this.seed, JOB_TIMING.ec2StartMinS, JOB_TIMING.ec2StartMaxS, 'start', nd.row.jobId, cur.n);
    this.setStatus(nd, 'STARTING', null);
  }

  /** The main node is RUNNING: so is the job (its startedAt), and the other nodes start, in no set order. */
  private mainNodeRunning(main: Rec): void {
    const p = main.row.parentId ? this.get(main.row.parentId) : undefined;
    if (!p?.st.gang) return;
    p.st.gang.ip = privateIpv4(this.seed, main.st.cur?.instanceId ?? main.row.jobId);
    p.row.startedAt = this.now;
    this.setStatus(p, 'RUNNING');
    for (const nd of this.nodeRecs(p)) if (nd !== main && nd.row.status === 'PENDING' && nd.st.cur) this.nodeStarting(nd);
  }

  /** A node's attempt ended (recorded by endAttempt): the node ends by its own outcome; the main node's end ends the job. */
  private nodeEnded(nd: Rec, attempt: B.AttemptDetail, out: AttemptOutcome, forced?: { reason: string; flag: 'cancel' | 'terminate' }): void {
    if (forced) {
      this.fail(nd, forced.reason, forced.flag);
      return;
    }
    this.setStatus(nd, out.ok ? 'SUCCEEDED' : 'FAILED', out.statusReason ?? null);
    if (!this.isMainNode(nd) || !nd.row.parentId) return;
    const p = this.get(nd.row.parentId);
    if (p?.st.gang) this.gangEnd(p, nd, attempt, out);
  }

  /**
   * The main node exited: the other nodes are stopped (they end with the main node's status), and
   * the job takes the main node's outcome, or goes back to RUNNABLE (front) when retryStrategy
   * retries it: every node then runs again in the next attempt.
   */
  private gangEnd(p: Rec, main: Rec, attempt: B.AttemptDetail, out: AttemptOutcome): void {
    const n = p.st.gang!.n;
    const nodes = this.nodeRecs(p);
    for (const nd of nodes) {
      if (nd === main || isTerminal(nd.row.status)) continue;
      if (nd.st.cur) this.endAttempt(nd, { statusReason: MAIN_NODE_EXITED_REASON, cause: 'TERMINATED', ok: out.ok });
      else this.setStatus(nd, out.ok ? 'SUCCEEDED' : 'FAILED', MAIN_NODE_EXITED_REASON);
    }
    this.recordGangAttempt(p, attempt, out.exitCode);
    const from = p.row.status;
    if (out.ok) {
      this.setStatus(p, 'SUCCEEDED', out.statusReason ?? null);
      return;
    }
    const decision = evaluateRetry(this.spec(p).retryStrategy, { attempt: n, exitCode: out.exitCode, reason: out.reason, statusReason: out.statusReason, cause: out.cause });
    if (decision.action === 'RETRY' && (from === 'RUNNING' || from === 'STARTING')) {
      p.row.dispatchAt = this.now - SCHEDULER.requeueOffset;
      this.setStatus(p, 'RUNNABLE', null);
      for (const nd of nodes) this.setStatus(nd, 'PENDING', null);
    } else {
      this.setStatus(p, 'FAILED', out.statusReason ?? null);
    }
  }

  /** The job's attempt record is the main node's (spec/05 §8: started/stopped/reason/exit come from it). */
  private recordGangAttempt(p: Rec, attempt: B.AttemptDetail | undefined, exitCode: number | undefined): void {
    if (attempt) {
      const rec = structuredClone(attempt);
      (p.st.attempts ??= []).push(rec);
      p.st.last = rec.container;
    }
    p.row.exitCode = exitCode ?? null;
    delete p.st.gang;
  }

  /** TerminateJob of a STARTING/RUNNING MNP job: every node is killed, the job FAILED (never retried). */
  private killGang(p: Rec, reason: string): void {
    const n = p.st.gang?.n;
    let main: Rec | undefined;
    for (const nd of this.nodeRecs(p)) {
      if (this.isMainNode(nd)) main = nd;
      if (isTerminal(nd.row.status)) continue;
      if (nd.st.cur) {
        const running = nd.row.status === 'RUNNING';
        this.endAttempt(nd, { exitCode: running ? SIGKILL_EXIT_CODE : undefined, statusReason: reason, cause: 'TERMINATED', ok: false }, { reason, flag: 'terminate' });
      } else this.fail(nd, reason, 'terminate');
    }
    const attempts = main?.st.attempts ?? [];
    this.recordGangAttempt(p, n !== undefined && attempts.length === n ? attempts[n - 1] : undefined, main?.row.exitCode ?? undefined);
    this.fail(p, reason, 'terminate');
  }

  /** An MNP job ended without running (cancel, a failed dependency, evaluation): its nodes end with it. */
  private endUnfinishedNodes(p: Rec): void {
    const flag = p.st.isTerminated ? 'terminate' : p.st.isCancelled ? 'cancel' : undefined;
    const reason = p.row.statusReason ?? '';
    delete p.st.gang;
    for (const nd of this.nodeRecs(p)) {
      if (isTerminal(nd.row.status)) continue;
      if (nd.st.cur) this.endAttempt(nd, { statusReason: reason, cause: 'TERMINATED', ok: false }, flag ? { reason, flag } : undefined);
      else this.fail(nd, reason, flag);
    }
  }

  /** A node of a retried job is active again. */
  private reviveNode(nd: Rec): void {
    if (nd.row.active === 0) {
      nd.row.active = 1;
      if (this.activeN !== undefined) this.activeN++;
    }
    nd.row.stoppedAt = null;
  }

  // ---- cancel and terminate -------------------------------------------------------------------

  /** CancelJob / TerminateJob on one job (array parents cascade to their children). */
  stop(r: Rec, request: 'cancel' | 'terminate', reason: string): void {
    // A node's ID stands for its job: cancel/terminate act on the whole MNP job.
    if (r.row.kind === 'NODE' && r.row.parentId) {
      const p = this.get(r.row.parentId);
      if (p) r = p;
    }
    if (r.row.kind === 'ARRAY') {
      if (isTerminal(r.row.status)) return;
      r.st.stop = { request, reason };
      if (request === 'cancel') r.st.isCancelled = true;
      else r.st.isTerminated = true;
      this.touch(r);
      for (const row of this.ctx.jobs.children(r.row.jobId, ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING'])) {
        const c = this.rec(row);
        if (isTerminal(c.row.status)) continue;
        // The cascade does not wait for a child's own dependencies: Batch cancels every child.
        if (c.row.status === 'PENDING') this.fail(c, reason, request);
        else this.stopOne(c, request, reason);
      }
      this.drain();
      return;
    }
    this.stopOne(r, request, reason);
    this.drain();
  }

  private stopOne(r: Rec, request: 'cancel' | 'terminate', reason: string): void {
    switch (stopEffect(r.row.status, request)) {
      case 'FAIL_NOW':
        this.fail(r, reason, request);
        this.requestPass();
        break;
      case 'FAIL_WHEN_DEPENDENCIES_SETTLE':
        r.st.stop = { request, reason };
        this.touch(r);
        break;
      case 'KILL': {
        if (r.row.kind === 'MNP') {
          this.killGang(r, reason);
          break;
        }
        const running = r.row.status === 'RUNNING';
        this.endAttempt(r, { exitCode: running ? SIGKILL_EXIT_CODE : undefined, statusReason: reason, cause: 'TERMINATED', ok: false }, { reason, flag: 'terminate' });
        break;
      }
      case 'NO_EFFECT':
        break;
    }
  }
}

export type { AttemptOutcome };

/** statusReason of the nodes Batch stops because the main node exited (our wording: AWS gives none). */
export const MAIN_NODE_EXITED_REASON = 'Stopped: the main node exited';

/** A node's private IPv4 address in the simulated VPC (seeded by its instance). */
function privateIpv4(seed: number, key: string): string {
  return `10.0.${Math.floor(draw(seed, 'ip', key) * 256)}.${1 + Math.floor(draw(seed, 'ip4', key) * 254)}`;
}
