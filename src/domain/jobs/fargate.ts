/**
 * Fargate task sizes (spec/02 §6, spec/07 §3.2): the valid VCPU -> MEMORY (MiB) pairs, the check
 * SubmitJob/RegisterJobDefinition apply, and the smallest valid size that holds a request (the
 * scheduler sizes each Fargate job's task with it). No GPU on Fargate.
 */

/** One Fargate vCPU size and the memory values (MiB) it allows. */
export interface FargateSize {
  vcpus: number;
  memoryMiB: readonly number[];
}

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

/** The valid Fargate sizes, ascending by vCPU then memory. */
export const FARGATE_SIZES: readonly FargateSize[] = [
  { vcpus: 0.25, memoryMiB: [512, 1024, 2048] },
  { vcpus: 0.5, memoryMiB: steps(1024, 4096, 1024) },
  { vcpus: 1, memoryMiB: steps(2048, 8192, 1024) },
  { vcpus: 2, memoryMiB: steps(4096, 16384, 1024) },
  { vcpus: 4, memoryMiB: steps(8192, 30720, 1024) },
  { vcpus: 8, memoryMiB: steps(16384, 61440, 4096) },
  { vcpus: 16, memoryMiB: steps(32768, 122880, 8192) },
];

/** The memory values allowed with `vcpus`, or undefined if `vcpus` is not a Fargate size. */
export function fargateMemoryOptions(vcpus: number): readonly number[] | undefined {
  return FARGATE_SIZES.find((s) => s.vcpus === vcpus)?.memoryMiB;
}

/** True if (vcpus, memoryMiB) is one of the valid Fargate pairs. */
export function isValidFargatePair(vcpus: number, memoryMiB: number): boolean {
  return fargateMemoryOptions(vcpus)?.includes(memoryMiB) ?? false;
}

/** The smallest valid Fargate size with at least the requested vCPU and memory, or undefined if none. */
export function nearestFargateSize(vcpus: number, memoryMiB: number): { vcpus: number; memoryMiB: number } | undefined {
  for (const size of FARGATE_SIZES) {
    if (size.vcpus < vcpus) continue;
    const mem = size.memoryMiB.find((m) => m >= memoryMiB);
    if (mem !== undefined) return { vcpus: size.vcpus, memoryMiB: mem };
  }
  return undefined;
}

/** One line describing the memory a vCPU size allows, for error messages. */
export function describeFargateMemory(vcpus: number): string {
  const opts = fargateMemoryOptions(vcpus);
  if (!opts) return `VCPU must be one of ${FARGATE_SIZES.map((s) => s.vcpus).join(', ')} on Fargate`;
  if (opts.length <= 3) return `with VCPU ${vcpus}, MEMORY must be one of ${opts.join(', ')} MiB`;
  const step = (opts[1] as number) - (opts[0] as number);
  return `with VCPU ${vcpus}, MEMORY must be ${opts[0]}-${opts[opts.length - 1]} MiB in steps of ${step}`;
}
