/**
 * Compute-environment capacity (spec/02 §5–6): what an instance can give to jobs after the agent's
 * reservations, placing a job on running instances (bin-packing), choosing an instance type to launch
 * per allocation strategy, scaling up within maxvCpus (which may be exceeded by one instance),
 * scaling idle instances down to minvCpus, desiredvCpus, Fargate task sizing, and `canEverFit`.
 * Instance types come in already expanded (the catalogue is `domain/instance-types.ts`'s business).
 *
 * Decisions (docs/simulator.md):
 * - Usable memory: the kernel sees 7985/8192 of the nominal memory (m4.large: 8 GiB -> 7,985 MiB);
 *   ECS then reserves 32 MiB. EKS: 7748/8192 of nominal, minus 11 MiB per pod (maxPods, default
 *   110), 255 MiB and a 100 MiB eviction threshold; EKS CPU keeps 6% of the first core, 1% of the
 *   second, 0.5% of the 3rd-4th and 0.25% of each further core. A catalogue value wins.
 * - Placement on instances is best-fit: the running instance left with the fewest free vCPUs, then
 *   the least free memory, then the smallest id.
 * - Instance type choice, among types that can hold the job: BEST_FIT cheapest (price, then size)
 *   and only that type (if it is short, wait); BEST_FIT_PROGRESSIVE lowest price per vCPU, falling
 *   back to the next type when one is short; SPOT_CAPACITY_OPTIMIZED lowest interruption rate, then
 *   price per vCPU; SPOT_PRICE_CAPACITY_OPTIMIZED lowest price per vCPU x (1 + interruption rate).
 *   Without prices, vCPUs stand in for price (smaller is cheaper).
 * - maxvCpus: a launch is allowed if it stays within maxvCpus, or, except for BEST_FIT on On-Demand,
 *   if the CE is still below maxvCpus before it (so at most one instance crosses the line).
 * - Scale-down: idle instances whose idle time reached the delay go, longest-idle first, never
 *   below minvCpus. Scale-up tops the CE up to minvCpus with the cheapest 1-vCPU-capable type.
 * - Fargate: each job is a task of the smallest valid size that holds it; tasks never exceed maxvCpus.
 */
import { nearestFargateSize } from '../jobs/fargate.js';
import { compareStrings } from '../compare.js';

/** `computeResources.type`. */
export type ComputeType = 'EC2' | 'SPOT' | 'FARGATE' | 'FARGATE_SPOT';

/** A concrete instance type, as the catalogue expands a CE's instanceTypes. */
export interface InstanceTypeSpec {
  name: string;
  vcpus: number;
  memoryMiB: number;
  gpus: number;
  arch?: string;
  /** On-Demand $/hour, if known. */
  price?: number;
  /** Spot $/hour, if known. */
  spotPrice?: number;
  /** Likelihood of a Spot interruption, 0..1, if known. */
  interruptionRate?: number;
  /** EKS: pods per node (ENI limit). */
  maxPods?: number;
  /** Memory the agent registers, if the catalogue knows it (overrides the model). */
  registeredMemoryMiB?: number;
}

/** What a job (or one node of an MNP job) needs. */
export interface Demand {
  vcpus: number;
  memoryMiB: number;
  gpus: number;
  /** MNP: number of nodes, each on its own instance (maxvCpus must cover them all). */
  nodes?: number;
  /** MNP: the node ranges' instanceType: only that type can hold a node. */
  instanceType?: string;
}

/** A launched instance and what its jobs use. */
export interface InstanceView {
  id: string;
  type: string;
  /** Capacity usable by jobs (see `instanceCapacity`). */
  vcpus: number;
  memoryMiB: number;
  gpus: number;
  /** vCPUs of the instance type (what counts toward maxvCpus). */
  typeVcpus: number;
  usedVcpus: number;
  usedMemoryMiB: number;
  usedGpus: number;
  jobs: number;
  state: 'PENDING' | 'RUNNING';
  /** When its last job ended (or it started idle), ms. */
  idleSince?: number;
}

/** The compute environment as the capacity model sees it. */
export interface CapacityCe {
  name: string;
  type: ComputeType;
  allocationStrategy?: string;
  minvCpus?: number;
  maxvCpus: number;
  orchestration?: 'ECS' | 'EKS';
  instanceTypes: readonly InstanceTypeSpec[];
  instances: readonly InstanceView[];
  /** Fargate: vCPUs of the tasks currently running. */
  fargateVcpusInUse?: number;
  /** Types EC2 cannot supply right now (insufficient capacity faults). */
  unavailableTypes?: ReadonlySet<string>;
}

/** Memory the ECS agent keeps for itself on the default AMI (ECS_RESERVED_MEMORY). */
export const ECS_RESERVED_MEMORY_MIB = 32;
const KERNEL_VISIBLE_ECS = 7985 / 8192;
const KERNEL_VISIBLE_EKS = 7748 / 8192;

/** True for FARGATE and FARGATE_SPOT. */
export function isFargate(type: ComputeType): boolean {
  return type === 'FARGATE' || type === 'FARGATE_SPOT';
}

/** vCPU, memory and GPUs an instance of `type` can give to jobs. */
export function instanceCapacity(type: InstanceTypeSpec, orchestration: 'ECS' | 'EKS' = 'ECS'): { vcpus: number; memoryMiB: number; gpus: number } {
  if (orchestration === 'EKS') {
    const maxPods = type.maxPods ?? 110;
    const memoryMiB = type.registeredMemoryMiB ?? Math.floor(type.memoryMiB * KERNEL_VISIBLE_EKS) - 11 * maxPods - 255 - 100;
    return { vcpus: type.vcpus - eksCpuReservation(type.vcpus), memoryMiB: Math.max(0, memoryMiB), gpus: type.gpus };
  }
  const memoryMiB = type.registeredMemoryMiB ?? Math.floor(type.memoryMiB * KERNEL_VISIBLE_ECS) - ECS_RESERVED_MEMORY_MIB;
  return { vcpus: type.vcpus, memoryMiB: Math.max(0, memoryMiB), gpus: type.gpus };
}

/** vCPUs kubelet reserves on an EKS node of `vcpus` cores (c5.large: 0.07; c5.24xlarge: 0.31). */
export function eksCpuReservation(vcpus: number): number {
  let milli = 0;
  for (let core = 1; core <= vcpus; core++) milli += core === 1 ? 60 : core === 2 ? 10 : core <= 4 ? 5 : 2.5;
  return milli / 1000;
}

/** True if `demand` fits into `free` capacity. */
export function fits(demand: Demand, free: { vcpus: number; memoryMiB: number; gpus: number }): boolean {
  return demand.vcpus <= free.vcpus + 1e-9 && demand.memoryMiB <= free.memoryMiB && demand.gpus <= free.gpus;
}

function freeOf(i: InstanceView) {
  return { vcpus: i.vcpus - i.usedVcpus, memoryMiB: i.memoryMiB - i.usedMemoryMiB, gpus: i.gpus - i.usedGpus };
}

/** The running instance a job goes to (best fit), or undefined if none has room. */
export function placeOnInstances(demand: Demand, instances: readonly InstanceView[]): InstanceView | undefined {
  let best: InstanceView | undefined;
  for (const i of instances) {
    if (i.state !== 'RUNNING' || !fits(demand, freeOf(i))) continue;
    if (!best) {
      best = i;
      continue;
    }
    const a = freeOf(i);
    const b = freeOf(best);
    const key = a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || (i.id < best.id ? -1 : 1);
    if (key < 0) best = i;
  }
  return best;
}

function priceOf(t: InstanceTypeSpec, ce: Pick<CapacityCe, 'type'>): number {
  const p = ce.type === 'SPOT' ? (t.spotPrice ?? t.price) : t.price;
  return p ?? t.vcpus;
}

/** Instance types that can hold `demand`, in the order the CE's allocation strategy tries them. */
export function candidateTypes(ce: Pick<CapacityCe, 'type' | 'allocationStrategy' | 'orchestration' | 'instanceTypes'>, demand: Demand): InstanceTypeSpec[] {
  const ok = ce.instanceTypes.filter((t) => fits(demand, instanceCapacity(t, ce.orchestration)) && (demand.instanceType === undefined || t.name === demand.instanceType));
  const strategy = ce.allocationStrategy ?? 'BEST_FIT';
  const perVcpu = (t: InstanceTypeSpec) => priceOf(t, ce) / t.vcpus;
  const bySize = (a: InstanceTypeSpec, b: InstanceTypeSpec) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || compareStrings(a.name, b.name);
  const key: (t: InstanceTypeSpec) => number =
    strategy === 'BEST_FIT'
      ? (t) => priceOf(t, ce)
      : strategy === 'SPOT_CAPACITY_OPTIMIZED'
        ? (t) => (t.interruptionRate ?? 0) * 1e6 + perVcpu(t)
        : strategy === 'SPOT_PRICE_CAPACITY_OPTIMIZED'
          ? (t) => perVcpu(t) * (1 + (t.interruptionRate ?? 0))
          : perVcpu;
  return [...ok].sort((a, b) => key(a) - key(b) || bySize(a, b));
}

/** The result of picking an instance type to launch for a job. */
export type TypeChoice = { type: InstanceTypeSpec } | { waitingFor: string } | { none: true };

/** The type to launch for `demand`: BEST_FIT waits for its one type; the others fall back to the next. */
export function chooseInstanceType(ce: CapacityCe, demand: Demand): TypeChoice {
  const candidates = candidateTypes(ce, demand);
  if (candidates.length === 0) return { none: true };
  const unavailable = ce.unavailableTypes ?? new Set<string>();
  if ((ce.allocationStrategy ?? 'BEST_FIT') === 'BEST_FIT') {
    const first = candidates[0] as InstanceTypeSpec;
    return unavailable.has(first.name) ? { waitingFor: first.name } : { type: first };
  }
  const t = candidates.find((c) => !unavailable.has(c.name));
  return t ? { type: t } : { waitingFor: (candidates[0] as InstanceTypeSpec).name };
}

/** True if the CE may exceed maxvCpus by one instance (all but BEST_FIT on On-Demand). */
export function mayExceedMaxByOneInstance(ce: Pick<CapacityCe, 'type' | 'allocationStrategy'>): boolean {
  return (ce.allocationStrategy ?? 'BEST_FIT') !== 'BEST_FIT' || ce.type === 'SPOT';
}

/** vCPUs of every launched instance (pending or running): what counts against maxvCpus. */
export function launchedVcpus(ce: Pick<CapacityCe, 'instances'>): number {
  return ce.instances.reduce((n, i) => n + i.typeVcpus, 0);
}

/**
 * True if launching `count` instances of `typeVcpus` keeps within maxvCpus, or only the last of them
 * crosses it (the "exceed by one instance" allowance). `count` > 1 is an MNP job's nodes.
 */
export function canLaunch(ce: Pick<CapacityCe, 'type' | 'allocationStrategy' | 'maxvCpus'>, currentVcpus: number, typeVcpus: number, count = 1): boolean {
  if (currentVcpus + typeVcpus * count <= ce.maxvCpus) return true;
  return mayExceedMaxByOneInstance(ce) && currentVcpus + typeVcpus * (count - 1) < ce.maxvCpus;
}

/** desiredvCpus as Batch reports it: what is launched, never below minvCpus. */
export function desiredvCpus(ce: Pick<CapacityCe, 'instances' | 'minvCpus' | 'type' | 'fargateVcpusInUse'>): number {
  if (isFargate(ce.type)) return ce.fargateVcpusInUse ?? 0;
  return Math.max(ce.minvCpus ?? 0, launchedVcpus(ce));
}

/** A scale-up decision: instances to launch, and for each queued demand where it will run. */
export interface ScaleUpPlan {
  launches: Array<{ type: string; vcpus: number }>;
  /** Per demand, in order: an existing instance id, `launch:<k>` (index into launches), or why not. */
  placements: Array<{ instance: string } | { launch: number } | { waiting: 'MAX_VCPUS' | 'NO_TYPE'; waitingFor?: string } | { waiting: 'CAPACITY'; waitingFor: string }>;
}

/**
 * Plans launches for queued demands (in dispatch order): each goes to free room on a launched
 * instance (pending ones included, so we never launch twice for one job), else to a new instance of
 * the chosen type if maxvCpus allows. Finally tops the CE up to minvCpus.
 */
export function planScaleUp(ce: CapacityCe, demands: readonly Demand[]): ScaleUpPlan {
  // `whole`: nothing runs on or is planned for the instance (an MNP node can have it).
  const bins: Array<{ id: string; type: string; free: { vcpus: number; memoryMiB: number; gpus: number }; launch?: number; whole: boolean }> = ce.instances.map((i) => ({
    id: i.id, type: i.type, free: freeOf(i), whole: i.jobs === 0 && i.usedVcpus === 0 && i.usedMemoryMiB === 0 && i.usedGpus === 0,
  }));
  const launches: ScaleUpPlan['launches'] = [];
  const placements: ScaleUpPlan['placements'] = [];
  let total = launchedVcpus(ce);
  for (const d of demands) {
    const nodes = Math.max(1, d.nodes ?? 1);
    const multiNode = d.nodes !== undefined;
    if (!multiNode) {
      const fit = bins
        .filter((b) => fits(d, b.free))
        .sort((a, b) => a.free.vcpus - b.free.vcpus || a.free.memoryMiB - b.free.memoryMiB || (a.id < b.id ? -1 : 1))[0];
      if (fit) {
        fit.free = { vcpus: fit.free.vcpus - d.vcpus, memoryMiB: fit.free.memoryMiB - d.memoryMiB, gpus: fit.free.gpus - d.gpus };
        fit.whole = false;
        placements.push(fit.launch !== undefined ? { launch: fit.launch } : { instance: fit.id });
        continue;
      }
    } else {
      // An MNP job takes idle launched instances (pending ones included: launched for it earlier) before new ones.
      const idle = bins.filter((b) => b.whole && fits(d, b.free) && (d.instanceType === undefined || b.type === d.instanceType)).slice(0, nodes);
      if (idle.length === nodes) {
        for (const b of idle) {
          b.whole = false;
          b.free = { vcpus: 0, memoryMiB: 0, gpus: 0 };
        }
        const first = idle[0]!;
        placements.push(first.launch !== undefined ? { launch: first.launch } : { instance: first.id });
        continue;
      }
    }
    const choice = chooseInstanceType(ce, d);
    if ('none' in choice) {
      placements.push({ waiting: 'NO_TYPE' });
      continue;
    }
    if ('waitingFor' in choice) {
      placements.push({ waiting: 'CAPACITY', waitingFor: choice.waitingFor });
      continue;
    }
    // MNP nodes are single-tenant: one new instance per node, all or nothing.
    if (!canLaunch(ce, total, choice.type.vcpus, nodes)) {
      placements.push({ waiting: 'MAX_VCPUS' });
      continue;
    }
    const cap = instanceCapacity(choice.type, ce.orchestration);
    for (let n = 0; n < nodes; n++) {
      const k = launches.length;
      launches.push({ type: choice.type.name, vcpus: choice.type.vcpus });
      total += choice.type.vcpus;
      const free = !multiNode ? { vcpus: cap.vcpus - d.vcpus, memoryMiB: cap.memoryMiB - d.memoryMiB, gpus: cap.gpus - d.gpus } : { vcpus: 0, memoryMiB: 0, gpus: 0 };
      bins.push({ id: `launch:${k}`, type: choice.type.name, free, launch: k, whole: false });
      if (n === 0) placements.push({ launch: k });
    }
  }
  const min = ce.minvCpus ?? 0;
  while (total < min) {
    const choice = chooseInstanceType(ce, { vcpus: Math.min(1, min - total), memoryMiB: 0, gpus: 0 });
    if (!('type' in choice) || !canLaunch(ce, total, choice.type.vcpus)) break;
    launches.push({ type: choice.type.name, vcpus: choice.type.vcpus });
    total += choice.type.vcpus;
  }
  return { launches, placements };
}

/** Instances to terminate: idle for at least `idleDelayMs`, longest-idle first, keeping minvCpus. */
export function planScaleDown(ce: Pick<CapacityCe, 'instances' | 'minvCpus'>, now: number, idleDelayMs: number): string[] {
  let total = launchedVcpus(ce);
  const min = ce.minvCpus ?? 0;
  const idle = ce.instances
    .filter((i) => i.state === 'RUNNING' && i.jobs === 0 && i.idleSince !== undefined && now - i.idleSince >= idleDelayMs)
    .sort((a, b) => (a.idleSince as number) - (b.idleSince as number) || (a.id < b.id ? -1 : 1));
  const out: string[] = [];
  for (const i of idle) {
    if (total - i.typeVcpus < min) continue;
    total -= i.typeVcpus;
    out.push(i.id);
  }
  return out;
}

/** The Fargate task size for a job, or undefined if no valid size holds it (or it asks for GPUs). */
export function fargateTaskSize(demand: Demand): { vcpus: number; memoryMiB: number } | undefined {
  if (demand.gpus > 0) return undefined;
  return nearestFargateSize(demand.vcpus, demand.memoryMiB);
}

/** Whether a Fargate job can start now: its task size, or why it waits. */
export function placeFargate(ce: Pick<CapacityCe, 'maxvCpus' | 'fargateVcpusInUse'>, demand: Demand): { size: { vcpus: number; memoryMiB: number } } | { waiting: 'MAX_VCPUS' | 'NO_SIZE' } {
  const size = fargateTaskSize(demand);
  if (!size) return { waiting: 'NO_SIZE' };
  const nodes = Math.max(1, demand.nodes ?? 1);
  return (ce.fargateVcpusInUse ?? 0) + size.vcpus * nodes <= ce.maxvCpus ? { size } : { waiting: 'MAX_VCPUS' };
}

/** Why a job can never run in a CE, whatever happens to the rest of the queue. */
export type NeverFitReason = 'JOB_RESOURCE_REQUIREMENT' | 'COMPUTE_ENVIRONMENT_MAX_RESOURCE';

/**
 * Whether the job could ever run in this CE: some instance type (or Fargate size) holds it, and
 * maxvCpus leaves room for it (for MNP, for all of its nodes).
 */
export function canEverFit(demand: Demand, ce: Pick<CapacityCe, 'type' | 'allocationStrategy' | 'orchestration' | 'instanceTypes' | 'maxvCpus'>): { ok: true } | { ok: false; reason: NeverFitReason } {
  const nodes = Math.max(1, demand.nodes ?? 1);
  if (isFargate(ce.type)) {
    const size = fargateTaskSize(demand);
    if (!size) return { ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' };
    return size.vcpus * nodes <= ce.maxvCpus ? { ok: true } : { ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' };
  }
  const types = candidateTypes(ce, demand);
  if (types.length === 0) return { ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' };
  if (demand.vcpus * nodes > ce.maxvCpus) return { ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' };
  const launchable = types.some((t) => canLaunch(ce, 0, t.vcpus, nodes));
  return launchable ? { ok: true } : { ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' };
}
