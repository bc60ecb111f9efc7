/**
 * The scheduling pass: the one function tying the pure scheduling pieces together
 * (domain/scheduling: queue and CE order, FIFO/fair-share order, placement, scale-up and down,
 * blocked reasons). It runs at an event instant when something changed (a job became RUNNABLE,
 * capacity was freed, an instance came up, a CE or queue changed), never on idle ticks.
 *
 * Per queue, in dispatch order (priority descending): walk its RUNNABLE jobs in dispatch order,
 * starting each one that fits now on a running instance (best fit) or as a Fargate task, in the
 * queue's CE order. The first job that does not start is the head: if it is blocked (spec/06 §4.1)
 * it gets the reason and nothing behind it is dispatched; if it merely waits, later jobs may
 * backfill (at most SCHEDULER.backfillWindow waiting jobs are looked past). Then the waiting jobs'
 * demand is turned into instance launches (planScaleUp) within maxvCpus.
 */
import type * as B from '@aws-sdk/client-batch';
import { expandInstanceTypes } from '../../../../domain/instance-types.js';
import { type BlockedCeView, blockedReason } from '../../../../domain/scheduling/blocked.js';
import {
  type CapacityCe,
  type Demand,
  type InstanceTypeSpec,
  type InstanceView,
  type ComputeType,
  fits,
  instanceCapacity,
  isFargate,
  placeFargate,
  placeOnInstances,
  planScaleDown,
  planScaleUp,
} from '../../../../domain/scheduling/capacity.js';
import {
  accrueHistory,
  computeEnvironmentOrder,
  fairShareOrder,
  isUsableCe,
  queueDispatchOrder,
  reservationAllows,
  shareKey,
  type QueueView,
  type ShareUsage,
} from '../../../../domain/scheduling/order.js';
import type { ResourceRow } from '../../store/resources.js';
import type { JobRow } from '../../store/jobs.js';
import { KIND } from '../../world/kinds.js';
import { SHORTAGE_WINDOW_MS } from './faults.js';
import { type Inst, JOB_TIMING, type Rec, SCHEDULER } from './model.js';
import { delayMs, draw } from './random.js';
import type { JobWorld } from './world.js';

type CE = B.ComputeEnvironmentDetail;
type JQ = B.JobQueueDetail;

interface CeInfo {
  arn: string;
  name: string;
  body: CE;
  type: ComputeType;
  fargate: boolean;
  usable: boolean;
  types: InstanceTypeSpec[];
  idleDelayMs: number;
}

interface QueueInfo extends QueueView {
  arn: string;
  body: JQ;
  policy?: B.FairsharePolicy;
}

const typeCache = new Map<string, InstanceTypeSpec[]>();

function instanceTypesOf(cr: B.ComputeResource | undefined): InstanceTypeSpec[] {
  const key = JSON.stringify(cr?.instanceTypes ?? []);
  let t = typeCache.get(key);
  if (!t) {
    t = expandInstanceTypes(cr?.instanceTypes).map((i) => ({ name: i.name, vcpus: i.vcpus, memoryMiB: i.memoryMiB, gpus: i.gpus, arch: i.architecture }));
    typeCache.set(key, t);
  }
  return t;
}

/** The resources the scheduler reads, re-read whenever a resource changed. */
export class SchedulerView {
  private version = -1;
  private ces = new Map<string, CeInfo>();
  private queues: QueueInfo[] = [];
  private queueByArn = new Map<string, QueueInfo>();

  constructor(private readonly w: JobWorld) {
    w.shareResolver = (r) => {
      const q = this.queue(r.row.queueArn);
      if (!q?.policy || r.row.shareId === null) return undefined;
      return { key: shareKey(r.row.shareId, q.policy), decay: q.policy.shareDecaySeconds ?? 0 };
    };
    w.queueTimeLimitActions = (arn) => this.queue(arn)?.body.jobStateTimeLimitActions;
  }

  refresh(): void {
    if (this.version === this.w.resourcesVersion) return;
    this.version = this.w.resourcesVersion;
    const res = this.w.ctx.resources;
    this.ces.clear();
    for (const row of res.list<CE>(KIND.computeEnvironment)) {
      const cr = row.body.computeResources;
      const type = (cr?.type ?? 'EC2') as ComputeType;
      const delayMin = (cr as { scalingPolicy?: { minScaleDownDelayMinutes?: number } } | undefined)?.scalingPolicy?.minScaleDownDelayMinutes;
      this.ces.set(row.arn!, {
        arn: row.arn!, name: row.id, body: row.body, type, fargate: isFargate(type),
        usable: row.body.type === 'MANAGED' && row.body.containerOrchestrationType !== 'EKS' && isUsableCe(row.body),
        types: instanceTypesOf(cr),
        idleDelayMs: delayMin !== undefined ? delayMin * 60_000 : JOB_TIMING.defaultScaleDownDelayMs,
      });
    }
    const policies = new Map<string, B.FairsharePolicy | undefined>();
    for (const p of res.list<B.SchedulingPolicyDetail>(KIND.schedulingPolicy)) policies.set(p.arn!, p.body.fairsharePolicy);
    this.queues = res.list<JQ>(KIND.jobQueue).map((row: ResourceRow<JQ>) => ({
      arn: row.arn!, body: row.body, jobQueueName: row.id, priority: row.body.priority ?? 0, state: row.body.state, status: row.body.status,
      createdAt: row.createdAt, computeEnvironmentOrder: row.body.computeEnvironmentOrder ?? [],
      policy: row.body.schedulingPolicyArn ? (policies.get(row.body.schedulingPolicyArn) ?? {}) : undefined,
    }));
    this.queueByArn = new Map(this.queues.map((q) => [q.arn, q]));
  }

  queue(arn: string): QueueInfo | undefined {
    this.refresh();
    return this.queueByArn.get(arn);
  }

  ce(arn: string): CeInfo | undefined {
    this.refresh();
    return this.ces.get(arn);
  }

  allCes(): CeInfo[] {
    this.refresh();
    return [...this.ces.values()];
  }

  dispatchingQueues(): QueueInfo[] {
    this.refresh();
    return queueDispatchOrder(this.queues);
  }
}

/** True if a CE can run multi-node parallel jobs: managed EC2 On-Demand (not Spot, not Fargate, not EKS). */
function mnpCapable(ce: CeInfo): boolean {
  return ce.usable && !ce.fargate && ce.type === 'EC2';
}

/** The scheduler of one JobWorld. */
export class Scheduler {
  readonly view: SchedulerView;
  /** vCPUs promised to waiting jobs on PENDING instances during this pass. */
  private reserved = new Map<string, { v: number; m: number; g: number }>();

  constructor(private readonly w: JobWorld) {
    this.view = new SchedulerView(w);
  }

  /** Running-instance views per CE, valid while no instance changed (and no reservation was made). */
  private viewCache = new Map<string, { v: number; views: InstanceView[] }>();

  private runningViews(ce: CeInfo): InstanceView[] {
    const c = this.viewCache.get(ce.arn);
    if (c && c.v === this.w.instVersion) return c.views;
    const views = this.views(ce, true);
    this.viewCache.set(ce.arn, { v: this.w.instVersion, views });
    return views;
  }

  private views(ce: CeInfo, runningOnly: boolean): InstanceView[] {
    return this.w.instancesOf(ce.arn)
      .filter((i) => !runningOnly || i.state === 'RUNNING')
      .map((i) => {
        const r = this.reserved.get(i.id);
        return {
          id: i.id, type: i.type, vcpus: i.v, memoryMiB: i.m, gpus: i.g, typeVcpus: i.tv,
          usedVcpus: i.uv + (r?.v ?? 0), usedMemoryMiB: i.um + (r?.m ?? 0), usedGpus: i.ug + (r?.g ?? 0),
          jobs: i.jobs, state: i.state, idleSince: i.idleSince,
        };
      });
  }

  private unavailableTypes(ce: CeInfo): Set<string> {
    const rate = this.w.faults.capacityShortageRate;
    const out = new Set<string>();
    if (rate <= 0) return out;
    const window = Math.floor(this.w.now / SHORTAGE_WINDOW_MS);
    for (const t of ce.types) if (draw(this.w.seed, 'shortage', ce.arn, t.name, window) < rate) out.add(t.name);
    return out;
  }

  private capacityCe(ce: CeInfo, runningOnly = false): CapacityCe & BlockedCeView {
    const cr = ce.body.computeResources;
    return {
      name: ce.arn, computeEnvironmentArn: ce.arn, state: ce.body.state, status: ce.body.status, type: ce.type,
      allocationStrategy: cr?.allocationStrategy, minvCpus: cr?.minvCpus, maxvCpus: cr?.maxvCpus ?? 0, orchestration: 'ECS',
      instanceTypes: ce.types, instances: ce.fargate ? [] : this.views(ce, runningOnly), fargateVcpusInUse: this.w.usage(ce.arn).fv,
      unavailableTypes: this.unavailableTypes(ce),
    };
  }

  private demandOf(r: Rec): Demand {
    return this.w.spec(r).demand;
  }

  /**
   * An MNP job starts only when every node has an idle running instance to itself, all in one CE
   * (the first in queue order that has them). Fargate and Spot CEs never run MNP jobs (spec/05 §8).
   */
  private tryStartGang(r: Rec, ces: CeInfo[]): boolean {
    const spec = this.w.spec(r);
    const d = spec.demand;
    const nodes = Math.max(1, d.nodes ?? 1);
    if (spec.consumables?.length && !this.w.consumablesAvailable(spec, nodes)) return false;
    for (const ce of ces) {
      if (!mnpCapable(ce)) continue;
      const idle = this.runningViews(ce)
        .filter((v) => v.state === 'RUNNING' && v.jobs === 0 && v.usedVcpus === 0 && v.usedMemoryMiB === 0 && v.usedGpus === 0 && (d.instanceType === undefined || v.type === d.instanceType) && fits(d, { vcpus: v.vcpus, memoryMiB: v.memoryMiB, gpus: v.gpus }))
        .sort((a, b) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || (a.id < b.id ? -1 : 1));
      if (idle.length < nodes) continue;
      const insts = idle.slice(0, nodes).map((v) => this.w.instances().get(v.id)!);
      this.w.startGang(r, { arn: ce.arn, name: ce.name, clusterArn: ce.body.ecsClusterArn }, insts);
      this.viewCache.delete(ce.arn);
      return true;
    }
    return false;
  }

  /** Starts `r` on the first CE (in queue order) with room now; false if none has. */
  private tryStart(r: Rec, ces: CeInfo[]): boolean {
    if (r.row.kind === 'MNP') return this.tryStartGang(r, ces);
    const spec = this.w.spec(r);
    const d = spec.demand;
    // Consumable resources: the job stays RUNNABLE until every one it needs is available (spec/03 §6).
    if (spec.consumables?.length && !this.w.consumablesAvailable(spec)) return false;
    for (const ce of ces) {
      if (!ce.usable) continue;
      if (ce.fargate) {
        if (spec.platform !== 'FARGATE') continue;
        const p = placeFargate(this.capacityCe(ce), d);
        if ('size' in p) {
          this.w.start(r, { arn: ce.arn, name: ce.name, clusterArn: ce.body.ecsClusterArn, fargate: true }, { fargateVcpus: p.size.vcpus, fargateMemoryMiB: p.size.memoryMiB });
          return true;
        }
        continue;
      }
      if (spec.platform === 'FARGATE') continue;
      const views = this.runningViews(ce);
      const at = placeOnInstances(d, views);
      if (at) {
        const inst = this.w.instances().get(at.id)!;
        const v0 = this.w.instVersion;
        this.w.start(r, { arn: ce.arn, name: ce.name, clusterArn: ce.body.ecsClusterArn, fargate: false }, { instance: inst });
        // Patch the cached view instead of rebuilding every view at the next start.
        const c = this.viewCache.get(ce.arn);
        if (c && this.w.instVersion === v0 + 1) {
          at.usedVcpus += d.vcpus;
          at.usedMemoryMiB += d.memoryMiB;
          at.usedGpus += d.gpus;
          at.jobs += 1;
          at.idleSince = undefined;
          c.v = this.w.instVersion;
        } else this.viewCache.delete(ce.arn);
        return true;
      }
    }
    return false;
  }

  /** Runs passes until one starts nothing more (a pass reads a bounded number of jobs per queue). */
  pass(): void {
    this.w.passPending = false;
    // Instances that never joined their cluster join once their subnet reaches ECS (the network may have changed).
    this.w.rejoinInstances((arn) => this.view.ce(arn)?.usable ?? false);
    for (let i = 0; i < 1_000; i++) {
      this.reserved.clear();
      this.viewCache.clear();
      const again = this.passOnce();
      if (!again) break;
    }
    this.topUpMinVcpus();
  }

  private passOnce(): boolean {
    let again = false;
    for (const q of this.view.dispatchingQueues()) {
      const ces = computeEnvironmentOrder(q)
        .map((arn) => this.view.ce(arn))
        .filter((c): c is CeInfo => c !== undefined);
      const r = q.policy ? this.walkFairShare(q, ces) : this.walkFifo(q, ces);
      again ||= r;
    }
    return again;
  }

  /** The last head verdict per queue: re-evaluated only when the head, the resources or the capacity changed. */
  private idleStamp = new Map<string, string>();
  private heads = new Map<string, { key: string; blocked: boolean }>();

  /** Blocked reason of the head (and whether it stops the walk). */
  private head(r: Rec, q: QueueInfo, ces: CeInfo[]): boolean {
    const capacity = ces.map((c) => (c.fargate ? `f${this.w.usage(c.arn).fv}` : this.w.instancesOf(c.arn).map((i) => `${i.id}:${i.state}:${i.uv}:${i.um}`).join(','))).join('|');
    const window = this.w.faults.capacityShortageRate > 0 ? Math.floor(this.w.now / SHORTAGE_WINDOW_MS) : 0;
    const key = `${r.row.jobId}|${this.w.resourcesVersion}|${window}|${capacity}`;
    const seen = this.heads.get(q.arn);
    if (seen?.key === key && (r.row.statusReason ?? undefined) !== undefined === seen.blocked) return seen.blocked;
    const d = this.demandOf(r);
    const multiNode = r.row.kind === 'MNP';
    const map = new Map<string, BlockedCeView>();
    for (const c of ces) {
      const v: BlockedCeView = this.capacityCe(c);
      // MNP jobs can't run on Spot (or Fargate) CEs: to them, such a CE is an unsupported configuration.
      if (multiNode && !mnpCapable(c)) v.unsupportedInstanceConfiguration = true;
      map.set(c.arn, v);
    }
    const reason = blockedReason({ demand: d, multiNode }, q, map);
    this.w.setHeadReason(r, reason, q.body.jobStateTimeLimitActions);
    this.heads.set(q.arn, { key, blocked: reason !== undefined });
    return reason !== undefined;
  }

  /** True if some usable CE could take a small job now (free room on a running instance, or Fargate room). */
  private anyRoom(ces: CeInfo[]): boolean {
    for (const ce of ces) {
      if (!ce.usable) continue;
      if (ce.fargate) {
        if (this.w.usage(ce.arn).fv + 0.25 <= (ce.body.computeResources?.maxvCpus ?? 0)) return true;
        continue;
      }
      for (const i of this.w.instancesOf(ce.arn)) if (i.state === 'RUNNING' && i.v - i.uv >= 0.25 && i.m - i.um >= 4) return true;
    }
    return false;
  }

  /** True if some usable EC2 CE may still launch instances (below maxvCpus). */
  private canGrow(ces: CeInfo[]): boolean {
    return ces.some((c) => c.usable && !c.fargate && this.w.instancesOf(c.arn).reduce((n, i) => n + i.tv, 0) < (c.body.computeResources?.maxvCpus ?? 0));
  }

  private walkFifo(q: QueueInfo, ces: CeInfo[]): boolean {
    let room = this.anyRoom(ces);
    const grow = this.canGrow(ces);
    if (!room && !grow) {
      // Nothing can start or launch: only the head's blocked reason may change, and only if the
      // queue's RUNNABLE jobs or the resources changed since the last walk.
      const stamp = `${this.w.resourcesVersion}`;
      if (!this.w.changedQueues.has(q.arn) && this.idleStamp.get(q.arn) === stamp) return false;
      this.w.changedQueues.delete(q.arn);
      this.idleStamp.set(q.arn, stamp);
      const first = this.w.runnable(q.arn).first();
      if (first) this.head(first, q, ces);
      return false;
    }
    this.w.changedQueues.delete(q.arn);
    this.idleStamp.delete(q.arn);
    let head: Rec | undefined;
    let waiting = 0;
    const demands: Demand[] = [];
    const limit = grow ? this.demandLimit(ces) : 0;
    for (const r of this.w.runnable(q.arn).walk()) {
      if (room && (head === undefined || waiting < SCHEDULER.backfillWindow)) {
        if (this.tryStart(r, ces)) continue;
        room = this.anyRoom(ces);
      }
      if (!head) {
        head = r;
        if (this.head(r, q, ces)) break;
      }
      waiting++;
      if (demands.length < limit) demands.push(this.demandOf(r));
      if ((!room || waiting >= SCHEDULER.backfillWindow) && demands.length >= limit) break;
    }
    this.scaleUp(ces, demands);
    return false;
  }

  private walkFairShare(q: QueueInfo, ces: CeInfo[]): boolean {
    // Fair-share order reads the table (per share, by priority): write the held rows first.
    this.w.flush();
    const jobs = this.w.ctx.jobs;
    const policy = q.policy!;
    const decay = policy.shareDecaySeconds ?? 0;
    const recs: Array<{ r: Rec; jobId: string; createdAt: number; requeuedAt?: number; shareIdentifier: string; schedulingPriority: number; vcpus: number }> = [];
    let truncated = false;
    for (const share of jobs.runnableShares(q.arn)) {
      const rows: JobRow[] = jobs.runnableOfShare(q.arn, share, undefined, SCHEDULER.perShare);
      if (rows.length === SCHEDULER.perShare) truncated = true;
      for (const row of rows) {
        const r = this.w.rec(row);
        if (r.row.status !== 'RUNNABLE') continue;
        const requeued = (r.row.dispatchAt ?? 0) < r.row.createdAt - SCHEDULER.requeueOffset / 2;
        recs.push({
          r, jobId: r.row.jobId, createdAt: r.row.createdAt, requeuedAt: requeued ? (r.row.dispatchAt ?? 0) + SCHEDULER.requeueOffset : undefined,
          shareIdentifier: r.row.shareId ?? '', schedulingPriority: -r.row.priorityKey, vcpus: this.demandOf(r).vcpus,
        });
      }
    }
    if (recs.length === 0) return false;
    const states = this.w.shareStates(q.arn);
    const usage = new Map<string, ShareUsage>();
    let used = 0;
    for (const [k, s] of Object.entries(states)) {
      usage.set(k, { current: s.c, history: accrueHistory(s.h, s.c, this.w.now - s.at, decay) });
      used += s.c;
    }
    const ordered = fairShareOrder(recs, usage, policy);
    const activeShares = jobs.activeShares(q.arn).length;
    const maxVcpus = ces.reduce((n, c) => n + (c.body.computeResources?.maxvCpus ?? 0), 0);
    let head: Rec | undefined;
    let waiting = 0;
    let started = 0;
    const demands: Demand[] = [];
    const limit = this.demandLimit(ces);
    for (const j of ordered) {
      const r = j.r;
      const key = shareKey(j.shareIdentifier, policy);
      const allowed = reservationAllows({ computeReservation: policy.computeReservation, activeShares, maxVcpus, usedVcpus: used, jobVcpus: j.vcpus, shareRunning: (states[key]?.c ?? 0) > 0 });
      if (allowed && (head === undefined || waiting < SCHEDULER.backfillWindow) && this.tryStart(r, ces)) {
        started++;
        used += j.vcpus;
        continue;
      }
      if (!head) {
        head = r;
        if (allowed && this.head(r, q, ces)) break;
      }
      waiting++;
      if (allowed) demands.push(this.demandOf(r));
      if (demands.length >= limit) break;
    }
    this.scaleUp(ces, demands);
    return truncated && started > 0;
  }

  /** How many waiting demands are worth reading: enough to fill every EC2 CE up to maxvCpus. */
  private demandLimit(ces: CeInfo[]): number {
    let headroom = 0;
    for (const c of ces) {
      if (!c.usable || c.fargate) continue;
      const launched = this.w.instancesOf(c.arn).reduce((n, i) => n + i.tv, 0);
      headroom += Math.max(0, (c.body.computeResources?.maxvCpus ?? 0) - launched);
      headroom += this.w.instancesOf(c.arn).filter((i) => i.state === 'PENDING').reduce((n, i) => n + i.v, 0);
    }
    return Math.max(SCHEDULER.backfillWindow, Math.min(SCHEDULER.maxScaleUpDemands, Math.ceil(headroom)));
  }

  /** Launches instances for waiting demands, CE by CE in queue order. */
  private scaleUp(ces: CeInfo[], demands: Demand[]): void {
    let rest = demands;
    for (const ce of ces) {
      if (rest.length === 0) break;
      if (!ce.usable || ce.fargate) continue;
      const cap = this.capacityCe(ce);
      // MNP demands (with `nodes`) only launch in CEs that can run them.
      const eligible = mnpCapable(ce) ? rest : rest.filter((d) => d.nodes === undefined);
      const skipped = eligible === rest ? [] : rest.filter((d) => d.nodes !== undefined);
      const plan = planScaleUp(cap, eligible);
      const launched = plan.launches.map((l) => this.launch(ce, l.type));
      const left: Demand[] = skipped;
      plan.placements.forEach((p, k) => {
        const d = eligible[k]!;
        let id: string | undefined;
        if ('instance' in p) id = p.instance;
        else if ('launch' in p) id = launched[p.launch]?.id;
        else left.push(d);
        if (id) {
          this.viewCache.clear();
          const res = this.reserved.get(id) ?? { v: 0, m: 0, g: 0 };
          res.v += d.vcpus;
          res.m += d.memoryMiB;
          res.g += d.gpus;
          this.reserved.set(id, res);
        }
      });
      rest = left;
    }
  }

  private launch(ce: CeInfo, typeName: string): Inst {
    const t = ce.types.find((x) => x.name === typeName)!;
    const cap = instanceCapacity(t, 'ECS');
    const id = this.w.ctx.ids.ec2('i');
    const readyAt = this.w.now + delayMs(this.w.seed, JOB_TIMING.launchMinS, JOB_TIMING.launchMaxS, 'launch', id);
    const inst: Inst = {
      id, ceArn: ce.arn, type: t.name, tv: t.vcpus, v: cap.vcpus, m: cap.memoryMiB, g: cap.gpus, uv: 0, um: 0, ug: 0, jobs: 0,
      state: 'PENDING', launchedAt: this.w.now, readyAt, idleDelayMs: ce.idleDelayMs,
    };
    const subnet = this.w.net.subnetFor(ce.arn, 'launch', id);
    if (subnet !== undefined) {
      inst.sn = subnet;
      if (this.w.net.publicIpAtLaunch(subnet)) inst.pip = 1;
    }
    const rate = this.w.faults.spotReclaimRate;
    if (ce.type === 'SPOT' && rate > 0 && draw(this.w.seed, 'reclaim', id) < rate) {
      inst.reclaimAt = readyAt + delayMs(this.w.seed, JOB_TIMING.spotReclaimMinS, JOB_TIMING.spotReclaimMaxS, 'reclaim-at', id);
    }
    this.w.putInst(inst);
    return inst;
  }

  /** Keeps every usable EC2 CE at max(minvCpus, desiredvCpus): a user's raise of desiredvCpus launches instances. */
  private topUpMinVcpus(): void {
    for (const ce of this.view.allCes()) {
      if (!ce.usable || ce.fargate) continue;
      const cr = ce.body.computeResources;
      const target = Math.max(cr?.minvCpus ?? 0, cr?.desiredvCpus ?? 0);
      if (target <= 0) continue;
      const launched = this.w.instancesOf(ce.arn).reduce((n, i) => n + i.tv, 0);
      if (launched >= target) continue;
      for (const l of planScaleUp({ ...this.capacityCe(ce), minvCpus: target }, []).launches) this.launch(ce, l.type);
    }
  }

  /** Whether an idle instance may go now (scale-down keeps minvCpus; a DISABLED or deleted CE keeps nothing). */
  mayScaleDown(i: Inst): boolean {
    const ce = this.view.ce(i.ceArn);
    if (!ce) return true;
    const ids = planScaleDown({ instances: this.views(ce, false), minvCpus: ce.usable ? ce.body.computeResources?.minvCpus : 0 }, this.w.now, i.idleDelayMs);
    return ids.includes(i.id);
  }
}
