/**
 * A catalogue of EC2 instance types for the families Batch users pick (vCPU, memory, GPUs,
 * architecture), and the keyword expansion a CE's `instanceTypes` goes through (spec/02 §5–6):
 * families (`c5`), sizes (`c5.large`), `optimal`, `default_x86_64` and `default_arm64`.
 * Pure data and lookups: the simulator's DescribeInstanceTypes, the job engine's placement and
 * `doctor`'s job-fit checks all read it.
 */
import { compareStrings } from './compare.js';

export type Architecture = 'x86_64' | 'arm64';

export interface InstanceTypeInfo {
  name: string;
  family: string;
  size: string;
  vcpus: number;
  memoryMiB: number;
  architecture: Architecture;
  gpus: number;
  gpuName?: string;
  gpuManufacturer?: string;
  gpuMemoryMiB?: number; // per GPU
  /** Inferentia / Trainium devices (not GPUs; jobs cannot request them as GPU). */
  acceleratorName?: string;
  accelerators?: number;
  bareMetal: boolean;
}

/** vCPUs of the standard sizes. */
const SIZE_VCPUS: Record<string, number> = {
  medium: 1, large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '9xlarge': 36, '12xlarge': 48,
  '16xlarge': 64, '18xlarge': 72, '24xlarge': 96, '32xlarge': 128, '48xlarge': 192,
};

interface RatioFamily {
  arch: Architecture;
  gibPerVcpu: number;
  sizes: string[];
  /** vCPUs of the metal size, when the family has one. */
  metal?: number;
}

const X86_MODERN = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'];
const GRAVITON = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const GEN5 = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];

/** Families whose memory is a fixed multiple of their vCPUs. */
const RATIO_FAMILIES: Record<string, RatioFamily> = {
  m5: { arch: 'x86_64', gibPerVcpu: 4, sizes: GEN5, metal: 96 },
  m6i: { arch: 'x86_64', gibPerVcpu: 4, sizes: X86_MODERN, metal: 128 },
  m7i: { arch: 'x86_64', gibPerVcpu: 4, sizes: [...GEN5, '48xlarge'] },
  m6g: { arch: 'arm64', gibPerVcpu: 4, sizes: GRAVITON, metal: 64 },
  m7g: { arch: 'arm64', gibPerVcpu: 4, sizes: GRAVITON, metal: 64 },
  c5: { arch: 'x86_64', gibPerVcpu: 2, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '12xlarge', '18xlarge', '24xlarge'], metal: 96 },
  c6i: { arch: 'x86_64', gibPerVcpu: 2, sizes: X86_MODERN, metal: 128 },
  c7i: { arch: 'x86_64', gibPerVcpu: 2, sizes: [...GEN5, '48xlarge'] },
  c6g: { arch: 'arm64', gibPerVcpu: 2, sizes: GRAVITON, metal: 64 },
  c7g: { arch: 'arm64', gibPerVcpu: 2, sizes: GRAVITON, metal: 64 },
  r5: { arch: 'x86_64', gibPerVcpu: 8, sizes: GEN5, metal: 96 },
  r6i: { arch: 'x86_64', gibPerVcpu: 8, sizes: X86_MODERN, metal: 128 },
  r7i: { arch: 'x86_64', gibPerVcpu: 8, sizes: [...GEN5, '48xlarge'] },
  r6g: { arch: 'arm64', gibPerVcpu: 8, sizes: GRAVITON, metal: 64 },
  r7g: { arch: 'arm64', gibPerVcpu: 8, sizes: GRAVITON, metal: 64 },
};

type Row = [size: string, vcpus: number, memoryGiB: number, gpus?: number];
interface TableFamily {
  arch: Architecture;
  rows: Row[];
  gpu?: { name: string; manufacturer: string; memoryMiB: number };
  accelerator?: string;
}

/** Families whose sizes do not follow one ratio (older generations, burstable, accelerated). */
const TABLE_FAMILIES: Record<string, TableFamily> = {
  m4: { arch: 'x86_64', rows: [['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32], ['4xlarge', 16, 64], ['10xlarge', 40, 160], ['16xlarge', 64, 256]] },
  c4: { arch: 'x86_64', rows: [['large', 2, 3.75], ['xlarge', 4, 7.5], ['2xlarge', 8, 15], ['4xlarge', 16, 30], ['8xlarge', 36, 60]] },
  r4: { arch: 'x86_64', rows: [['large', 2, 15.25], ['xlarge', 4, 30.5], ['2xlarge', 8, 61], ['4xlarge', 16, 122], ['8xlarge', 32, 244], ['16xlarge', 64, 488]] },
  t3: { arch: 'x86_64', rows: [['nano', 2, 0.5], ['micro', 2, 1], ['small', 2, 2], ['medium', 2, 4], ['large', 2, 8], ['xlarge', 4, 16], ['2xlarge', 8, 32]] },
  g4dn: {
    arch: 'x86_64',
    gpu: { name: 'T4', manufacturer: 'NVIDIA', memoryMiB: 16384 },
    rows: [['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1], ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1], ['metal', 96, 384, 8]],
  },
  g5: {
    arch: 'x86_64',
    gpu: { name: 'A10G', manufacturer: 'NVIDIA', memoryMiB: 24576 },
    rows: [['xlarge', 4, 16, 1], ['2xlarge', 8, 32, 1], ['4xlarge', 16, 64, 1], ['8xlarge', 32, 128, 1], ['12xlarge', 48, 192, 4], ['16xlarge', 64, 256, 1], ['24xlarge', 96, 384, 4], ['48xlarge', 192, 768, 8]],
  },
  p3: { arch: 'x86_64', gpu: { name: 'V100', manufacturer: 'NVIDIA', memoryMiB: 16384 }, rows: [['2xlarge', 8, 61, 1], ['8xlarge', 32, 244, 4], ['16xlarge', 64, 488, 8]] },
  p3dn: { arch: 'x86_64', gpu: { name: 'V100', manufacturer: 'NVIDIA', memoryMiB: 32768 }, rows: [['24xlarge', 96, 768, 8]] },
  p4d: { arch: 'x86_64', gpu: { name: 'A100', manufacturer: 'NVIDIA', memoryMiB: 40960 }, rows: [['24xlarge', 96, 1152, 8]] },
  inf1: { arch: 'x86_64', accelerator: 'Inferentia', rows: [['xlarge', 4, 8, 1], ['2xlarge', 8, 16, 1], ['6xlarge', 24, 48, 4], ['24xlarge', 96, 192, 16]] },
  trn1: { arch: 'x86_64', accelerator: 'Trainium', rows: [['2xlarge', 8, 32, 1], ['32xlarge', 128, 512, 16]] },
};

function build(): Map<string, InstanceTypeInfo> {
  const out = new Map<string, InstanceTypeInfo>();
  const add = (info: InstanceTypeInfo) => out.set(info.name, info);
  for (const [family, f] of Object.entries(RATIO_FAMILIES)) {
    const sizes: [string, number][] = f.sizes.map((s) => [s, SIZE_VCPUS[s]!]);
    if (f.metal) sizes.push(['metal', f.metal]);
    for (const [size, vcpus] of sizes) {
      add({ name: `${family}.${size}`, family, size, vcpus, memoryMiB: vcpus * f.gibPerVcpu * 1024, architecture: f.arch, gpus: 0, bareMetal: size === 'metal' });
    }
  }
  for (const [family, f] of Object.entries(TABLE_FAMILIES)) {
    for (const [size, vcpus, gib, count = 0] of f.rows) {
      const info: InstanceTypeInfo = {
        name: `${family}.${size}`, family, size, vcpus, memoryMiB: Math.round(gib * 1024), architecture: f.arch, gpus: 0, bareMetal: size === 'metal',
      };
      if (f.gpu) Object.assign(info, { gpus: count, gpuName: f.gpu.name, gpuManufacturer: f.gpu.manufacturer, gpuMemoryMiB: f.gpu.memoryMiB });
      if (f.accelerator) Object.assign(info, { acceleratorName: f.accelerator, accelerators: count });
      add(info);
    }
  }
  return out;
}

let built: Map<string, InstanceTypeInfo> | undefined;
/** Built on first use: start-up pays nothing for commands that never look at instance types. */
function catalogue(): Map<string, InstanceTypeInfo> {
  return (built ??= build());
}


let sorted: readonly InstanceTypeInfo[] | undefined;
let byFamily: Map<string, InstanceTypeInfo[]> | undefined;

/** Every catalogued type, in a stable order (family, then vCPUs). */
export function allInstanceTypes(): InstanceTypeInfo[] {
  sorted ??= [...catalogue().values()].sort((a, b) => compareStrings(a.family, b.family) || a.vcpus - b.vcpus || compareStrings(a.name, b.name));
  return [...sorted];
}

/** One family's types (metal included), in allInstanceTypes' order. */
function familyTypes(family: string): readonly InstanceTypeInfo[] {
  if (!byFamily) {
    byFamily = new Map();
    for (const t of allInstanceTypes()) {
      const list = byFamily.get(t.family);
      if (list) list.push(t);
      else byFamily.set(t.family, [t]);
    }
  }
  return byFamily.get(family) ?? [];
}

export function instanceType(name: string): InstanceTypeInfo | undefined {
  return catalogue().get(name);
}

/**
 * The keyword bundles (spec/02 §5). `optimal` follows AWS's documentation: the C4, M4 and R4
 * families (regions without them get C5/M5/R5; every simulated region has them).
 */
export const INSTANCE_KEYWORDS: Record<string, string[]> = {
  optimal: ['c4', 'm4', 'r4'],
  default_x86_64: ['m6i', 'c6i', 'r6i', 'c7i'],
  default_arm64: ['m6g', 'c6g', 'r6g', 'c7g'],
};

/** What a CE gets when `instanceTypes` is omitted (spec/06 §4.2). */
export const DEFAULT_INSTANCE_TYPES = ['default_x86_64'];

/**
 * Expands one `instanceTypes` entry: a keyword, a family (its sizes, without metal, spec/02
 * §2.2) or a size. Unknown names give an empty list.
 */
export function expandInstanceTypeEntry(entry: string): InstanceTypeInfo[] {
  const families = INSTANCE_KEYWORDS[entry] ?? (entry.includes('.') ? undefined : [entry]);
  if (!families) {
    const one = catalogue().get(entry);
    return one ? [one] : [];
  }
  return [...families].sort(compareStrings).flatMap((f) => familyTypes(f).filter((t) => !t.bareMetal));
}

export function expandInstanceTypes(entries: readonly string[] | undefined): InstanceTypeInfo[] {
  const seen = new Map<string, InstanceTypeInfo>();
  for (const e of entries?.length ? entries : DEFAULT_INSTANCE_TYPES) for (const t of expandInstanceTypeEntry(e)) seen.set(t.name, t);
  return [...seen.values()];
}

/** The architecture of an entry (keyword, family or size), if the catalogue knows it. */
export function architectureOf(entry: string): Architecture | undefined {
  return expandInstanceTypeEntry(entry)[0]?.architecture;
}
