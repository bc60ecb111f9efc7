/** MNP node ranges and node ids (spec/05 §8, spec/04 §8). */
import { describe, expect, it } from 'vitest';
import { mnpNodeId, nodeRangeIndex, parseMnpNodeId, parseTargetNodes } from '../../../src/domain/jobs/nodes.js';
import { canTransition } from '../../../src/domain/jobs/status.js';
import { validateJobDefinitionFile as validateJobDefinition } from '../../../src/domain/validation/job-definition.js';

describe('targetNodes', () => {
  it('parses a:b, :b, a:, : and a bare index within numNodes', () => {
    expect(parseTargetNodes('1:3', 5)).toEqual({ from: 1, to: 3 });
    expect(parseTargetNodes(':2', 5)).toEqual({ from: 0, to: 2 });
    expect(parseTargetNodes('2:', 5)).toEqual({ from: 2, to: 4 });
    expect(parseTargetNodes(':', 5)).toEqual({ from: 0, to: 4 });
    expect(parseTargetNodes('4', 5)).toEqual({ from: 4, to: 4 });
    for (const bad of ['5', '3:1', '0:5', 'a:b', '', '1:2:3', '-1:2']) expect(parseTargetNodes(bad, 5), bad).toBeUndefined();
  });

  it('the narrowest range wins, the later one on a tie', () => {
    const ranges = [{ targetNodes: '0:' }, { targetNodes: '2:3' }, { targetNodes: '3:4' }];
    expect([0, 1, 2, 3, 4].map((n) => nodeRangeIndex(ranges, n, 5))).toEqual([0, 0, 1, 2, 2]);
  });

  it('node ids are <jobId>#<n>', () => {
    expect(mnpNodeId('abc', 2)).toBe('abc#2');
    expect(parseMnpNodeId('abc#12')).toEqual({ jobId: 'abc', node: 12 });
    expect(parseMnpNodeId('abc:1')).toBeUndefined();
  });

  it('RegisterJobDefinition accepts the same forms and names the rule otherwise', () => {
    const def = (targetNodes: string[]) => ({
      jobDefinitionName: 'm', type: 'multinode',
      nodeProperties: { numNodes: 3, mainNode: 0, nodeRangeProperties: targetNodes.map((t) => ({ targetNodes: t, container: { image: 'i', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] } })) },
    });
    expect(validateJobDefinition(def([':']) as never).filter((i) => i.severity !== 'warning')).toEqual([]);
    expect(validateJobDefinition(def(['0:1', '2']) as never).filter((i) => i.severity !== 'warning')).toEqual([]);
    const bad = validateJobDefinition(def(['0:1', '3']) as never).filter((i) => i.severity !== 'warning');
    expect(bad.map((i) => `${i.field}: ${i.message}`)).toContain('nodeProperties.nodeRangeProperties[1].targetNodes: must be "a:b", ":b", "a:" or a node index, with 0 <= a <= b <= 2');
  });
});

describe('node transitions', () => {
  it('a node waits PENDING, starts, ends, and a retried job brings it back to PENDING; it is never RUNNABLE', () => {
    expect(canTransition('PENDING', 'STARTING', 'node')).toBe(true);
    expect(canTransition('PENDING', 'RUNNABLE', 'node')).toBe(false);
    expect(canTransition('RUNNING', 'SUCCEEDED', 'node')).toBe(true);
    expect(canTransition('FAILED', 'PENDING', 'node')).toBe(true);
    expect(canTransition('FAILED', 'PENDING', 'job')).toBe(false);
  });
});
