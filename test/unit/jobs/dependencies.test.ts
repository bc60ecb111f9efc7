import type { JobStatus } from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import {
  DEPENDENCY_FAILED_REASON,
  arrayChildId,
  childDependencyIds,
  dependenciesSettled,
  evaluateDependencies,
  jobDependencyIds,
  statusForDependencies,
} from '../../../src/domain/jobs/dependencies.js';

const statuses = (m: Record<string, JobStatus>) => (id: string) => m[id];

describe('dependency IDs', () => {
  it('a plain job waits for its plain dependencies, de-duplicated', () => {
    expect(jobDependencyIds([{ jobId: 'a' }, { jobId: 'b' }, { jobId: 'a' }])).toEqual(['a', 'b']);
    expect(jobDependencyIds(undefined)).toEqual([]);
  });

  it('an array parent does not wait on N_TO_N or SEQUENTIAL itself', () => {
    expect(jobDependencyIds([{ jobId: 'a' }, { jobId: 'b', type: 'N_TO_N' }, { type: 'SEQUENTIAL' }])).toEqual(['a']);
  });

  it('N_TO_N: child i waits for child i of each array dependency', () => {
    const sizes: Record<string, number> = { A: 10, B: 10 };
    const deps = [
      { jobId: 'A', type: 'N_TO_N' as const },
      { jobId: 'B', type: 'N_TO_N' as const },
    ];
    expect(childDependencyIds('C', 0, deps, (id) => sizes[id])).toEqual(['A:0', 'B:0']);
    expect(childDependencyIds('C', 7, deps, (id) => sizes[id])).toEqual(['A:7', 'B:7']);
  });

  it('SEQUENTIAL: child i waits for child i-1; child 0 waits for nothing', () => {
    const deps = [{ type: 'SEQUENTIAL' as const }];
    expect(childDependencyIds('P', 0, deps, () => undefined)).toEqual([]);
    expect(childDependencyIds('P', 1, deps, () => undefined)).toEqual(['P:0']);
    expect(childDependencyIds('P', 9, deps, () => undefined)).toEqual(['P:8']);
  });

  it('a plain dependency of an array parent holds every child (mixed with SEQUENTIAL, as in the JobD example)', () => {
    const deps = [{ jobId: 'C' }, { type: 'SEQUENTIAL' as const }];
    expect(childDependencyIds('D', 0, deps, () => 10_000)).toEqual(['C']);
    expect(childDependencyIds('D', 3, deps, () => 10_000)).toEqual(['C', 'D:2']);
  });

  it('N_TO_N with mismatched sizes: an index the dependency lacks waits for the whole dependency', () => {
    const deps = [{ jobId: 'A', type: 'N_TO_N' as const }];
    expect(childDependencyIds('B', 2, deps, () => 3)).toEqual(['A:2']);
    expect(childDependencyIds('B', 3, deps, () => 3)).toEqual(['A']);
    expect(childDependencyIds('B', 4, deps, () => undefined)).toEqual(['A']);
  });

  it('names children parent:index', () => {
    expect(arrayChildId('abc', 0)).toBe('abc:0');
  });
});

describe('evaluateDependencies', () => {
  it('no dependencies is satisfied: SUBMITTED -> RUNNABLE', () => {
    const s = evaluateDependencies([], () => undefined);
    expect(s).toEqual({ state: 'SATISFIED' });
    expect(statusForDependencies(s)).toBe('RUNNABLE');
  });

  it('waits (PENDING) while any dependency has not succeeded', () => {
    const s = evaluateDependencies(['a', 'b', 'c'], statuses({ a: 'SUCCEEDED', b: 'RUNNING', c: 'PENDING' }));
    expect(s).toEqual({ state: 'WAITING', waitingOn: ['b', 'c'] });
    expect(statusForDependencies(s)).toBe('PENDING');
  });

  it('is satisfied when all succeeded', () => {
    expect(evaluateDependencies(['a', 'b'], statuses({ a: 'SUCCEEDED', b: 'SUCCEEDED' })).state).toBe('SATISFIED');
  });

  it('a FAILED dependency fails the dependent at once with "Dependent Job failed", even while others run', () => {
    const s = evaluateDependencies(['a', 'b'], statuses({ a: 'RUNNING', b: 'FAILED' }));
    expect(s).toEqual({ state: 'FAILED', failedDependency: 'b', statusReason: DEPENDENCY_FAILED_REASON });
    expect(DEPENDENCY_FAILED_REASON).toBe('Dependent Job failed');
    expect(statusForDependencies(s)).toBe('FAILED');
  });

  it('an unknown dependency counts as failed', () => {
    expect(evaluateDependencies(['gone'], () => undefined)).toMatchObject({ state: 'FAILED', failedDependency: 'gone' });
  });

  it('SEQUENTIAL cascade: when child k fails, child k+1 fails as a dependency failure', () => {
    const st = statuses({ 'P:0': 'SUCCEEDED', 'P:1': 'FAILED' });
    const ids = childDependencyIds('P', 2, [{ type: 'SEQUENTIAL' }], () => undefined);
    expect(evaluateDependencies(ids, st)).toMatchObject({ state: 'FAILED', failedDependency: 'P:1' });
  });

  it('a plain dependency on an array parent follows the parent (PENDING while children run)', () => {
    expect(evaluateDependencies(['arr'], statuses({ arr: 'PENDING' })).state).toBe('WAITING');
    expect(evaluateDependencies(['arr'], statuses({ arr: 'SUCCEEDED' })).state).toBe('SATISFIED');
  });

  it('dependenciesSettled tells when a deferred PENDING cancel can complete', () => {
    expect(dependenciesSettled(['a', 'b'], statuses({ a: 'SUCCEEDED', b: 'RUNNING' }))).toBe(false);
    expect(dependenciesSettled(['a', 'b'], statuses({ a: 'SUCCEEDED', b: 'FAILED' }))).toBe(true);
  });
});
