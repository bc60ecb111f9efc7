/**
 * A job's demand (vCPU, memory, GPU, nodes) from its DescribeJobs detail, and a compute
 * environment as the capacity model sees it (instance types expanded from the catalogue).
 */
import type { ComputeEnvironmentDetail, JobDetail, ResourceRequirement } from '@aws-sdk/client-batch';
import { expandInstanceTypes } from '../instance-types.js';
import type { CapacityCe, ComputeType, Demand } from '../scheduling/capacity.js';

function fromRequirements(list: readonly ResourceRequirement[] | undefined): Partial<Demand> {
  const out: Partial<Demand> = {};
  for (const r of list ?? []) {
    const v = Number(r.value);
    if (r.type === 'VCPU') out.vcpus = v;
    else if (r.type === 'MEMORY') out.memoryMiB = v;
    else if (r.type === 'GPU') out.gpus = v;
  }
  return out;
}

/** What one node of the job needs (MNP: the largest node range, times numNodes in `nodes`). */
export function jobDemand(job: JobDetail): Demand | undefined {
  const c = job.container;
  if (c) {
    const r = fromRequirements(c.resourceRequirements);
    const vcpus = r.vcpus ?? c.vcpus;
    const memoryMiB = r.memoryMiB ?? c.memory;
    if (vcpus !== undefined || memoryMiB !== undefined) {
      return { vcpus: vcpus ?? 1, memoryMiB: memoryMiB ?? 0, gpus: r.gpus ?? 0, ...(job.nodeProperties?.numNodes && !job.nodeDetails ? { nodes: job.nodeProperties.numNodes } : {}) };
    }
  }
  const task = job.ecsProperties?.taskProperties?.[0];
  if (task) {
    const sum = { vcpus: 0, memoryMiB: 0, gpus: 0 };
    for (const k of task.containers ?? []) {
      const r = fromRequirements(k.resourceRequirements);
      sum.vcpus += r.vcpus ?? 0;
      sum.memoryMiB += r.memoryMiB ?? 0;
      sum.gpus += r.gpus ?? 0;
    }
    return sum;
  }
  const ranges = job.nodeProperties?.nodeRangeProperties ?? [];
  if (ranges.length > 0) {
    const per = ranges.map((n) => fromRequirements(n.container?.resourceRequirements));
    // The ranges share one instanceType when they name one (AWS's rule): only that type holds a node.
    const instanceType = ranges.map((n) => n.container?.instanceType).find((t) => t !== undefined);
    return {
      vcpus: Math.max(...per.map((p) => p.vcpus ?? 1)),
      memoryMiB: Math.max(...per.map((p) => p.memoryMiB ?? 0)),
      gpus: Math.max(...per.map((p) => p.gpus ?? 0)),
      nodes: job.nodeProperties?.numNodes,
      ...(instanceType ? { instanceType } : {}),
    };
  }
  return undefined;
}

export function describeDemand(d: Demand): string {
  return `${d.vcpus} vCPU, ${d.memoryMiB} MiB${d.gpus ? `, ${d.gpus} GPU` : ''}${d.nodes && d.nodes > 1 ? ` per node x ${d.nodes} nodes` : ''}${d.instanceType ? ` on ${d.instanceType} only` : ''}`;
}

/** The CE as the capacity model needs it (no running instances: the port does not show them). */
export function capacityCe(ce: ComputeEnvironmentDetail): CapacityCe {
  const cr = ce.computeResources;
  const type = (cr?.type ?? 'EC2') as ComputeType;
  return {
    name: ce.computeEnvironmentName ?? '',
    type,
    allocationStrategy: cr?.allocationStrategy,
    minvCpus: cr?.minvCpus,
    maxvCpus: cr?.maxvCpus ?? 0,
    orchestration: ce.containerOrchestrationType === 'EKS' ? 'EKS' : 'ECS',
    instanceTypes: type === 'FARGATE' || type === 'FARGATE_SPOT' ? [] : expandInstanceTypes(cr?.instanceTypes).map((i) => ({ name: i.name, vcpus: i.vcpus, memoryMiB: i.memoryMiB, gpus: i.gpus, arch: i.architecture })),
    instances: [],
  };
}
