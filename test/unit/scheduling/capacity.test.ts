import { describe, expect, it } from 'vitest';
import {
  type CapacityCe,
  type InstanceTypeSpec,
  type InstanceView,
  canEverFit,
  canLaunch,
  candidateTypes,
  chooseInstanceType,
  desiredvCpus,
  eksCpuReservation,
  fargateTaskSize,
  instanceCapacity,
  placeFargate,
  placeOnInstances,
  planScaleDown,
  planScaleUp,
} from '../../../src/domain/scheduling/capacity.js';

const T = {
  m4large: { name: 'm4.large', vcpus: 2, memoryMiB: 8192, gpus: 0, price: 0.1 },
  m5large: { name: 'm5.large', vcpus: 2, memoryMiB: 8192, gpus: 0, price: 0.096, spotPrice: 0.04, interruptionRate: 0.1 },
  m5xlarge: { name: 'm5.xlarge', vcpus: 4, memoryMiB: 16384, gpus: 0, price: 0.192, spotPrice: 0.07, interruptionRate: 0.05 },
  m52xlarge: { name: 'm5.2xlarge', vcpus: 8, memoryMiB: 32768, gpus: 0, price: 0.384, spotPrice: 0.2, interruptionRate: 0.01 },
  c5large: { name: 'c5.large', vcpus: 2, memoryMiB: 4096, gpus: 0, price: 0.085, spotPrice: 0.035, interruptionRate: 0.2 },
  c54xlarge: { name: 'c5.4xlarge', vcpus: 16, memoryMiB: 32768, gpus: 0, price: 0.68 },
  p32xlarge: { name: 'p3.2xlarge', vcpus: 8, memoryMiB: 62464, gpus: 1, price: 3.06 },
} satisfies Record<string, InstanceTypeSpec>;

const ce = (over: Partial<CapacityCe> = {}): CapacityCe => ({
  name: 'ce',
  type: 'EC2',
  allocationStrategy: 'BEST_FIT_PROGRESSIVE',
  minvCpus: 0,
  maxvCpus: 64,
  instanceTypes: [T.m5large, T.m5xlarge, T.m52xlarge],
  instances: [],
  ...over,
});

const inst = (id: string, type: InstanceTypeSpec, used: Partial<InstanceView> = {}): InstanceView => {
  const cap = instanceCapacity(type);
  return { id, type: type.name, typeVcpus: type.vcpus, ...cap, usedVcpus: 0, usedMemoryMiB: 0, usedGpus: 0, jobs: 0, state: 'RUNNING', ...used };
};

const job = (vcpus: number, memoryMiB: number, gpus = 0, nodes?: number) => ({ vcpus, memoryMiB, gpus, nodes });

describe('instance capacity and memory reservation', () => {
  it('ECS: 8 GiB registers 7,985 MiB, minus the 32 MiB agent reservation', () => {
    expect(instanceCapacity(T.m4large)).toEqual({ vcpus: 2, memoryMiB: 7985 - 32, gpus: 0 });
  });

  it('an 8,192 MiB job does not fit an 8 GiB instance, so a bigger type is chosen', () => {
    expect(candidateTypes(ce(), job(2, 8192)).map((t) => t.name)).toEqual(['m5.xlarge', 'm5.2xlarge']);
  });

  it('a catalogue value for registered memory wins', () => {
    expect(instanceCapacity({ ...T.m4large, registeredMemoryMiB: 7000 }).memoryMiB).toBe(7000);
  });

  it('EKS: CPU tiers and the memory formula of the user guide', () => {
    expect(eksCpuReservation(2)).toBeCloseTo(0.07);
    expect(eksCpuReservation(96)).toBeCloseTo(0.31);
    const c = instanceCapacity({ name: 'x', vcpus: 2, memoryMiB: 8192, gpus: 0, maxPods: 29 }, 'EKS');
    expect(c.memoryMiB).toBe(7748 - 319 - 255 - 100);
    expect(c.vcpus).toBeCloseTo(1.93);
    // A 2-vCPU job does not fit, 1.75 does.
    const eks = ce({ orchestration: 'EKS', instanceTypes: [{ ...T.c5large, maxPods: 29 }] });
    expect(candidateTypes(eks, job(2, 1024))).toEqual([]);
    expect(candidateTypes(eks, job(1.75, 1024))).toHaveLength(1);
  });
});

describe('placement on running instances (best fit)', () => {
  it('picks the instance left with the fewest free vCPUs', () => {
    const a = inst('i-a', T.m52xlarge, { usedVcpus: 2, usedMemoryMiB: 1024 });
    const b = inst('i-b', T.m52xlarge, { usedVcpus: 6, usedMemoryMiB: 1024 });
    expect(placeOnInstances(job(2, 1024), [a, b])?.id).toBe('i-b');
    expect(placeOnInstances(job(4, 1024), [a, b])?.id).toBe('i-a');
  });

  it('skips pending instances and respects memory and GPUs', () => {
    const p = inst('i-p', T.m52xlarge, { state: 'PENDING' });
    const full = inst('i-f', T.m52xlarge, { usedMemoryMiB: 31000 });
    expect(placeOnInstances(job(1, 2048), [p, full])).toBeUndefined();
    expect(placeOnInstances(job(1, 1024, 1), [inst('i-1', T.m52xlarge)])).toBeUndefined();
    expect(placeOnInstances(job(1, 1024, 1), [inst('i-g', T.p32xlarge)])?.id).toBe('i-g');
  });

  it('breaks ties by id', () => {
    expect(placeOnInstances(job(1, 512), [inst('i-b', T.m5large), inst('i-a', T.m5large)])?.id).toBe('i-a');
  });
});

describe('instance type choice per allocation strategy', () => {
  const types = [T.m52xlarge, T.m5large, T.c5large, T.m5xlarge];

  it('BEST_FIT: cheapest type that fits', () => {
    expect(candidateTypes(ce({ allocationStrategy: 'BEST_FIT', instanceTypes: types }), job(1, 1024))[0]?.name).toBe('c5.large');
    expect(candidateTypes(ce({ allocationStrategy: 'BEST_FIT', instanceTypes: types }), job(3, 1024))[0]?.name).toBe('m5.xlarge');
  });

  it('BEST_FIT waits when its type is short; BEST_FIT_PROGRESSIVE moves to the next type', () => {
    const short = new Set(['c5.large']);
    expect(chooseInstanceType(ce({ allocationStrategy: 'BEST_FIT', instanceTypes: types, unavailableTypes: short }), job(1, 1024))).toEqual({ waitingFor: 'c5.large' });
    const bfp = chooseInstanceType(ce({ instanceTypes: types, unavailableTypes: short }), job(1, 1024));
    expect('type' in bfp && bfp.type.name).toBe('m5.large');
    expect(chooseInstanceType(ce({ instanceTypes: types, unavailableTypes: new Set(types.map((t) => t.name)) }), job(1, 1024))).toEqual({ waitingFor: 'c5.large' });
    expect(chooseInstanceType(ce({ instanceTypes: types }), job(99, 1))).toEqual({ none: true });
  });

  it('BEST_FIT_PROGRESSIVE: lowest price per vCPU (ties by size)', () => {
    expect(candidateTypes(ce({ instanceTypes: types }), job(1, 1024)).map((t) => t.name)).toEqual(['c5.large', 'm5.large', 'm5.xlarge', 'm5.2xlarge']);
  });

  it('SPOT strategies use Spot prices and interruption rates', () => {
    const spot = { type: 'SPOT' as const, instanceTypes: types };
    expect(candidateTypes(ce({ ...spot, allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' }), job(1, 1024)).map((t) => t.name)).toEqual([
      'm5.2xlarge',
      'm5.xlarge',
      'm5.large',
      'c5.large',
    ]);
    // $/vCPU x (1 + interruption): m5.xlarge 0.0184, c5.large 0.021, m5.large 0.022, m5.2xlarge 0.0253.
    expect(candidateTypes(ce({ ...spot, allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED' }), job(1, 1024)).map((t) => t.name)).toEqual([
      'm5.xlarge',
      'c5.large',
      'm5.large',
      'm5.2xlarge',
    ]);
  });

  it('without prices, smaller types count as cheaper', () => {
    const noPrice = [T.m52xlarge, T.m5large].map(({ price: _p, spotPrice: _s, ...t }) => t);
    expect(candidateTypes(ce({ allocationStrategy: 'BEST_FIT', instanceTypes: noPrice }), job(1, 512))[0]?.name).toBe('m5.large');
  });
});

describe('maxvCpus', () => {
  it('may be exceeded by one instance (BEST_FIT_PROGRESSIVE), never by two', () => {
    const c = ce({ maxvCpus: 10, instanceTypes: [T.m5xlarge] });
    const plan = planScaleUp(c, [job(4, 4096), job(4, 4096), job(4, 4096), job(4, 4096)]);
    expect(plan.launches.map((l) => l.type)).toEqual(['m5.xlarge', 'm5.xlarge', 'm5.xlarge']);
    expect(plan.launches.reduce((n, l) => n + l.vcpus, 0)).toBe(12);
    expect(plan.placements).toEqual([{ launch: 0 }, { launch: 1 }, { launch: 2 }, { waiting: 'MAX_VCPUS' }]);
  });

  it('BEST_FIT on On-Demand never exceeds it; BEST_FIT on Spot may', () => {
    expect(canLaunch({ type: 'EC2', allocationStrategy: 'BEST_FIT', maxvCpus: 10 }, 8, 4)).toBe(false);
    expect(canLaunch({ type: 'EC2', allocationStrategy: 'BEST_FIT', maxvCpus: 10 }, 6, 4)).toBe(true);
    expect(canLaunch({ type: 'SPOT', allocationStrategy: 'BEST_FIT', maxvCpus: 10 }, 8, 4)).toBe(true);
    expect(canLaunch({ type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', maxvCpus: 10 }, 10, 2)).toBe(false);
  });

  it('MNP: all nodes must fit, only the last may cross the line', () => {
    expect(canLaunch({ type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', maxvCpus: 10 }, 0, 4, 3)).toBe(true);
    expect(canLaunch({ type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', maxvCpus: 10 }, 0, 4, 4)).toBe(false);
  });
});

describe('planScaleUp', () => {
  it('packs small jobs onto one new instance', () => {
    const plan = planScaleUp(ce({ instanceTypes: [T.m52xlarge] }), [job(2, 2048), job(2, 2048), job(2, 2048)]);
    expect(plan.launches).toEqual([{ type: 'm5.2xlarge', vcpus: 8 }]);
    expect(plan.placements).toEqual([{ launch: 0 }, { launch: 0 }, { launch: 0 }]);
  });

  it('uses room on launched instances, pending ones included, before launching', () => {
    const c = ce({ instances: [inst('i-run', T.m5large, { usedVcpus: 1, usedMemoryMiB: 1024, jobs: 1 }), inst('i-pend', T.m5xlarge, { state: 'PENDING' })] });
    const plan = planScaleUp(c, [job(1, 1024), job(4, 4096), job(2, 1024)]);
    expect(plan.placements).toEqual([{ instance: 'i-run' }, { instance: 'i-pend' }, { launch: 0 }]);
    expect(plan.launches).toEqual([{ type: 'm5.large', vcpus: 2 }]);
  });

  it('reports jobs no type can hold and BEST_FIT capacity waits', () => {
    const plan = planScaleUp(ce({ allocationStrategy: 'BEST_FIT', instanceTypes: [T.m5large], unavailableTypes: new Set(['m5.large']) }), [job(1, 512), job(64, 512)]);
    expect(plan.placements).toEqual([{ waiting: 'CAPACITY', waitingFor: 'm5.large' }, { waiting: 'NO_TYPE' }]);
    expect(plan.launches).toEqual([]);
  });

  it('MNP: one instance per node', () => {
    const plan = planScaleUp(ce({ instanceTypes: [T.m5xlarge] }), [job(4, 4096, 0, 3)]);
    expect(plan.launches).toHaveLength(3);
    expect(plan.placements).toEqual([{ launch: 0 }]);
  });

  it('MNP: idle launched instances (pending too) count first, so a waiting gang launches nothing more; shared ones do not count', () => {
    const pending = (id: string) => inst(id, T.m5xlarge, { state: 'PENDING' });
    const twoIdle = planScaleUp(ce({ instanceTypes: [T.m5xlarge], instances: [pending('i-1'), pending('i-2')] }), [job(4, 4096, 0, 2)]);
    expect(twoIdle).toEqual({ launches: [], placements: [{ instance: 'i-1' }] });
    // One of them runs a job: the gang needs two whole instances, so two new ones are launched.
    const busy = planScaleUp(ce({ instanceTypes: [T.m5xlarge], instances: [pending('i-1'), inst('i-2', T.m5xlarge, { usedVcpus: 1, usedMemoryMiB: 512, jobs: 1 })] }), [job(4, 4096, 0, 2)]);
    expect(busy.launches).toHaveLength(2);
    // A single job planned first takes an idle instance away from the gang.
    const first = planScaleUp(ce({ instanceTypes: [T.m5xlarge], instances: [pending('i-1'), pending('i-2')] }), [job(1, 512), job(4, 4096, 0, 2)]);
    expect(first.placements[0]).toEqual({ instance: 'i-1' });
    expect(first.launches).toHaveLength(2);
    // A node instanceType restricts both reuse and launches.
    const typed = planScaleUp(ce({ instanceTypes: [T.m5xlarge, T.m52xlarge], instances: [pending('i-1'), pending('i-2')] }), [{ ...job(4, 4096, 0, 2), instanceType: 'm5.2xlarge' }]);
    expect(typed.launches).toEqual([{ type: 'm5.2xlarge', vcpus: 8 }, { type: 'm5.2xlarge', vcpus: 8 }]);
  });

  it('tops the CE up to minvCpus', () => {
    const plan = planScaleUp(ce({ minvCpus: 4, allocationStrategy: 'BEST_FIT', instanceTypes: [T.m5large, T.m5xlarge] }), []);
    expect(plan.launches).toEqual([
      { type: 'm5.large', vcpus: 2 },
      { type: 'm5.large', vcpus: 2 },
    ]);
  });
});

describe('planScaleDown and desiredvCpus', () => {
  const now = 1_000_000;
  const instances = [
    inst('i-busy', T.m5large, { jobs: 1, usedVcpus: 1, idleSince: undefined }),
    inst('i-old', T.m5large, { idleSince: now - 600_000 }),
    inst('i-new', T.m5large, { idleSince: now - 60_000 }),
    inst('i-older', T.m5xlarge, { idleSince: now - 900_000 }),
  ];

  it('terminates instances idle past the delay, longest idle first', () => {
    expect(planScaleDown({ instances, minvCpus: 0 }, now, 300_000)).toEqual(['i-older', 'i-old']);
  });

  it('never goes below minvCpus', () => {
    // 10 vCPUs launched, min 6: dropping i-older (4) leaves 6, dropping i-old too would leave 4.
    expect(planScaleDown({ instances, minvCpus: 6 }, now, 300_000)).toEqual(['i-older']);
    expect(planScaleDown({ instances, minvCpus: 8 }, now, 300_000)).toEqual(['i-old']);
  });

  it('desiredvCpus is what is launched, at least minvCpus', () => {
    expect(desiredvCpus({ type: 'EC2', instances, minvCpus: 0 })).toBe(10);
    expect(desiredvCpus({ type: 'EC2', instances: [], minvCpus: 4 })).toBe(4);
    expect(desiredvCpus({ type: 'FARGATE', instances: [], fargateVcpusInUse: 3 })).toBe(3);
  });
});

describe('Fargate', () => {
  it('each job is a task of the nearest valid size', () => {
    expect(fargateTaskSize(job(1, 3000))).toEqual({ vcpus: 1, memoryMiB: 3072 });
    expect(fargateTaskSize(job(0.25, 512))).toEqual({ vcpus: 0.25, memoryMiB: 512 });
    expect(fargateTaskSize(job(1, 1024, 1))).toBeUndefined();
  });

  it('tasks start while their vCPUs fit under maxvCpus, without overshoot', () => {
    expect(placeFargate({ maxvCpus: 4, fargateVcpusInUse: 2 }, job(2, 4096))).toEqual({ size: { vcpus: 2, memoryMiB: 4096 } });
    expect(placeFargate({ maxvCpus: 4, fargateVcpusInUse: 3 }, job(2, 4096))).toEqual({ waiting: 'MAX_VCPUS' });
    expect(placeFargate({ maxvCpus: 4 }, job(32, 4096))).toEqual({ waiting: 'NO_SIZE' });
  });
});

describe('canEverFit', () => {
  it('a job bigger than every instance type can never fit: JOB_RESOURCE_REQUIREMENT', () => {
    expect(canEverFit(job(64, 1024), ce())).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
    expect(canEverFit(job(2, 40_000), ce())).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
    expect(canEverFit(job(1, 1024, 1), ce())).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
  });

  it('memory reservation matters: 8,192 MiB on an m5.large-only CE never fits', () => {
    expect(canEverFit(job(2, 8192), ce({ instanceTypes: [T.m5large] }))).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
    expect(canEverFit(job(2, 7953), ce({ instanceTypes: [T.m4large] }))).toEqual({ ok: true });
  });

  it('a job needing more vCPUs than maxvCpus: COMPUTE_ENVIRONMENT_MAX_RESOURCE', () => {
    expect(canEverFit(job(16, 1024), ce({ maxvCpus: 8, instanceTypes: [T.c54xlarge] }))).toEqual({ ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' });
  });

  it('BEST_FIT On-Demand cannot launch a type bigger than maxvCpus; other strategies can (one-instance overshoot)', () => {
    expect(canEverFit(job(2, 1024), ce({ maxvCpus: 8, allocationStrategy: 'BEST_FIT', instanceTypes: [T.c54xlarge] }))).toEqual({
      ok: false,
      reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE',
    });
    expect(canEverFit(job(2, 1024), ce({ maxvCpus: 8, instanceTypes: [T.c54xlarge] }))).toEqual({ ok: true });
  });

  it('MNP: maxvCpus must cover every node', () => {
    expect(canEverFit(job(4, 1024, 0, 3), ce({ maxvCpus: 8, instanceTypes: [T.m5xlarge] }))).toEqual({ ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' });
    expect(canEverFit(job(4, 1024, 0, 2), ce({ maxvCpus: 8, instanceTypes: [T.m5xlarge] }))).toEqual({ ok: true });
  });

  it('Fargate: no GPU, no size above 16 vCPU / 120 GiB, and within maxvCpus', () => {
    const f = ce({ type: 'FARGATE', maxvCpus: 2, instanceTypes: [] });
    expect(canEverFit(job(1, 2048, 1), f)).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
    expect(canEverFit(job(16, 200_000), ce({ type: 'FARGATE', maxvCpus: 256, instanceTypes: [] }))).toEqual({ ok: false, reason: 'JOB_RESOURCE_REQUIREMENT' });
    expect(canEverFit(job(4, 8192), f)).toEqual({ ok: false, reason: 'COMPUTE_ENVIRONMENT_MAX_RESOURCE' });
    expect(canEverFit(job(2, 4096), f)).toEqual({ ok: true });
  });
});
