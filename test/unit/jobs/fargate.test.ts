import { describe, expect, it } from 'vitest';
import { FARGATE_SIZES, describeFargateMemory, fargateMemoryOptions, isValidFargatePair, nearestFargateSize } from '../../../src/domain/jobs/fargate.js';

describe('Fargate sizes', () => {
  it('has the documented table', () => {
    expect(FARGATE_SIZES.map((s) => s.vcpus)).toEqual([0.25, 0.5, 1, 2, 4, 8, 16]);
    expect(fargateMemoryOptions(0.25)).toEqual([512, 1024, 2048]);
    expect(fargateMemoryOptions(0.5)).toEqual([1024, 2048, 3072, 4096]);
    expect(fargateMemoryOptions(4)?.at(-1)).toBe(30720);
    expect(fargateMemoryOptions(8)).toEqual([16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440]);
    expect(fargateMemoryOptions(16)?.[1]).toBe(40960);
    expect(fargateMemoryOptions(3)).toBeUndefined();
  });

  it('validates pairs', () => {
    expect(isValidFargatePair(0.25, 512)).toBe(true);
    expect(isValidFargatePair(0.25, 4096)).toBe(false);
    expect(isValidFargatePair(1, 2048)).toBe(true);
    expect(isValidFargatePair(1, 2500)).toBe(false);
    expect(isValidFargatePair(8, 20480)).toBe(true);
    expect(isValidFargatePair(8, 17408)).toBe(false);
    expect(isValidFargatePair(16, 122880)).toBe(true);
    expect(isValidFargatePair(32, 65536)).toBe(false);
  });

  it('rounds a request up to the smallest valid size', () => {
    expect(nearestFargateSize(0.25, 512)).toEqual({ vcpus: 0.25, memoryMiB: 512 });
    expect(nearestFargateSize(0.3, 100)).toEqual({ vcpus: 0.5, memoryMiB: 1024 });
    expect(nearestFargateSize(1, 2500)).toEqual({ vcpus: 1, memoryMiB: 3072 });
    // Too much memory for 1 vCPU: step up to the next vCPU size that allows it.
    expect(nearestFargateSize(1, 10000)).toEqual({ vcpus: 2, memoryMiB: 10240 });
    expect(nearestFargateSize(16, 130000)).toBeUndefined();
    expect(nearestFargateSize(17, 1024)).toBeUndefined();
  });

  it('describes the allowed memory for messages', () => {
    expect(describeFargateMemory(0.25)).toBe('with VCPU 0.25, MEMORY must be one of 512, 1024, 2048 MiB');
    expect(describeFargateMemory(8)).toBe('with VCPU 8, MEMORY must be 16384-61440 MiB in steps of 4096');
    expect(describeFargateMemory(3)).toBe('VCPU must be one of 0.25, 0.5, 1, 2, 4, 8, 16 on Fargate');
  });
});
