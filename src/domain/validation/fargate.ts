/** Fargate's valid VCPU → MEMORY (MiB) pairs (spec/04 §3.1, spec/02 §6). */
const FARGATE_MEMORY: Record<string, number[]> = {
  '0.25': [512, 1024, 2048],
  '0.5': steps(1024, 4096, 1024),
  '1': steps(2048, 8192, 1024),
  '2': steps(4096, 16384, 1024),
  '4': steps(8192, 30720, 1024),
  '8': steps(16384, 61440, 4096),
  '16': steps(32768, 122880, 8192),
};

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const FARGATE_VCPUS = Object.keys(FARGATE_MEMORY).map(Number);

/** The memory sizes Fargate allows for `vcpus`, or undefined when the vCPU value is not a Fargate size. */
export function fargateMemoryOptions(vcpus: number): number[] | undefined {
  return FARGATE_MEMORY[String(vcpus)];
}

export function describeFargateMemory(vcpus: number): string {
  const opts = fargateMemoryOptions(vcpus) ?? [];
  if (opts.length <= 3) return opts.join(', ');
  return `${opts[0]}-${opts[opts.length - 1]} in steps of ${opts[1]! - opts[0]!}`;
}
