import { describe, expect, it } from 'vitest';
import { architectureOf, expandInstanceTypes, instanceType } from '../../../src/domain/instance-types.js';

describe('instance-type catalogue', () => {
  it('has real figures for common types', () => {
    expect(instanceType('c5.large')).toMatchObject({ vcpus: 2, memoryMiB: 4096, architecture: 'x86_64' });
    expect(instanceType('m4.large')).toMatchObject({ vcpus: 2, memoryMiB: 8192 });
    expect(instanceType('c5.24xlarge')!.vcpus).toBe(96);
    expect(instanceType('p4d.24xlarge')).toMatchObject({ vcpus: 96, gpus: 8, gpuName: 'A100' });
    expect(instanceType('m7g.metal')).toMatchObject({ architecture: 'arm64', bareMetal: true });
  });
  it('expands families (without metal) and keywords', () => {
    const c5 = expandInstanceTypes(['c5']).map((t) => t.name);
    expect(c5).toContain('c5.large');
    expect(c5).not.toContain('c5.metal');
    expect(new Set(expandInstanceTypes(['optimal']).map((t) => t.family))).toEqual(new Set(['c4', 'm4', 'r4']));
    expect(new Set(expandInstanceTypes(undefined).map((t) => t.family))).toEqual(new Set(['m6i', 'c6i', 'r6i', 'c7i']));
    expect(architectureOf('default_arm64')).toBe('arm64');
    expect(architectureOf('nope')).toBeUndefined();
  });
});
