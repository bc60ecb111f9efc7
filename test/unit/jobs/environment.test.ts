import { describe, expect, it } from 'vitest';
import {
  attemptEnvironment,
  batchVariables,
  environmentRecord,
  isReservedEnvName,
  userEnvironment,
} from '../../../src/domain/jobs/environment.js';

const base = { jobId: 'j-1', attempt: 1, queueName: 'q', computeEnvironmentName: 'ce' };

describe('AWS_BATCH_* variables', () => {
  it('sets the four variables every job gets', () => {
    expect(batchVariables(base)).toEqual({
      AWS_BATCH_CE_NAME: 'ce',
      AWS_BATCH_JOB_ATTEMPT: '1',
      AWS_BATCH_JOB_ID: 'j-1',
      AWS_BATCH_JQ_NAME: 'q',
    });
  });

  it('adds the array index and size on array children', () => {
    const v = batchVariables({ ...base, jobId: 'p:3', attempt: 2, array: { index: 3, size: 10 } });
    expect(v.AWS_BATCH_JOB_ID).toBe('p:3');
    expect(v.AWS_BATCH_JOB_ATTEMPT).toBe('2');
    expect(v.AWS_BATCH_JOB_ARRAY_INDEX).toBe('3');
    expect(v.AWS_BATCH_JOB_ARRAY_SIZE).toBe('10');
    expect(v.AWS_BATCH_JOB_NODE_INDEX).toBeUndefined();
  });

  it('adds node variables for MNP, with the main node address on child nodes only', () => {
    const node = { index: 2, mainNodeIndex: 0, numNodes: 4, mainNodePrivateIpv4: '10.0.0.5' };
    const child = batchVariables({ ...base, jobId: 'j#2', node });
    expect(child).toMatchObject({
      AWS_BATCH_JOB_ID: 'j#2',
      AWS_BATCH_JOB_NODE_INDEX: '2',
      AWS_BATCH_JOB_MAIN_NODE_INDEX: '0',
      AWS_BATCH_JOB_NUM_NODES: '4',
      AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS: '10.0.0.5',
    });
    const main = batchVariables({ ...base, jobId: 'j#0', node: { ...node, index: 0 } });
    expect(main.AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS).toBeUndefined();
    expect(main.AWS_BATCH_JOB_ARRAY_INDEX).toBeUndefined();
  });

  it('adds the Kubernetes node UID for EKS', () => {
    expect(batchVariables({ ...base, kubernetesNodeUid: 'uid-1' }).AWS_BATCH_JOB_KUBERNETES_NODE_UID).toBe('uid-1');
  });

  it('reserves the AWS_BATCH prefix (including AWS_BATCHX)', () => {
    expect(isReservedEnvName('AWS_BATCH_JOB_ID')).toBe(true);
    expect(isReservedEnvName('AWS_BATCHX')).toBe(true);
    expect(isReservedEnvName('AWS_REGION')).toBe(false);
    expect(isReservedEnvName('aws_batch_x')).toBe(false);
  });
});

describe('environment precedence', () => {
  it('override replaces definition values by name, in place; new names are appended', () => {
    const env = userEnvironment(
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      [
        { name: 'C', value: '3' },
        { name: 'A', value: 'override' },
      ],
    );
    expect(env).toEqual([
      { name: 'A', value: 'override' },
      { name: 'B', value: '2' },
      { name: 'C', value: '3' },
    ]);
  });

  it('ignores nameless entries and defaults a missing value to empty', () => {
    expect(userEnvironment([{ value: 'x' }, { name: 'N' }], undefined)).toEqual([{ name: 'N', value: '' }]);
  });

  it('AWS_BATCH_* variables come last, sorted, and win over any user value', () => {
    const env = attemptEnvironment(
      [
        { name: 'X', value: '1' },
        { name: 'AWS_BATCH_JOB_ID', value: 'spoofed' },
      ],
      base,
    );
    expect(env).toEqual([
      { name: 'X', value: '1' },
      { name: 'AWS_BATCH_CE_NAME', value: 'ce' },
      { name: 'AWS_BATCH_JOB_ATTEMPT', value: '1' },
      { name: 'AWS_BATCH_JOB_ID', value: 'j-1' },
      { name: 'AWS_BATCH_JQ_NAME', value: 'q' },
    ]);
    expect(environmentRecord(env).AWS_BATCH_JOB_ID).toBe('j-1');
  });
});
