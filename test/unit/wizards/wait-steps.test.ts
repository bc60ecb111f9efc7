import { describe, expect, it } from 'vitest';
import { isWaitStep, waitCliCommand, waitDescribeRequest, waitProgress, waitStep } from '../../../src/wizards/wait-steps.js';

describe('wait steps', () => {
  const valid = waitStep('WaitForComputeEnvironments', ['demo-ce'], { status: 'VALID' }, 'queues need a VALID CE', { status: 'INVALID' });

  it('are recognisable plan steps with a Describe call to poll', () => {
    expect(isWaitStep(valid)).toBe(true);
    expect(isWaitStep({ ...valid, operation: 'CreateJobQueue' })).toBe(false);
    expect(valid.title).toBe('wait until compute environment demo-ce is VALID');
    expect(waitDescribeRequest(valid)).toEqual({ service: 'batch', operation: 'DescribeComputeEnvironments', input: { computeEnvironments: ['demo-ce'] } });
  });

  it('judge Describe answers: pending, done, failed', () => {
    const ce = (status: string, statusReason?: string) => ({ computeEnvironments: [{ computeEnvironmentName: 'demo-ce', computeEnvironmentArn: 'arn', state: 'ENABLED', status, statusReason }] }) as never;
    expect(waitProgress(valid, ce('CREATING'))).toEqual({ done: false, pending: ['demo-ce: ENABLED/CREATING'] });
    expect(waitProgress(valid, ce('VALID'))).toEqual({ done: true, pending: [] });
    expect(waitProgress(valid, ce('INVALID', 'CLIENT_ERROR - boom')).failed).toBe('demo-ce is INVALID: CLIENT_ERROR - boom');
  });

  it('treat absence as deleted', () => {
    const gone = waitStep('WaitForJobQueues', ['q1', 'q2'], 'DELETED', 'the CE cannot go while a queue uses it');
    expect(waitProgress(gone, { jobQueues: [{ jobQueueName: 'q1', jobQueueArn: 'a', state: 'DISABLED', status: 'DELETING', priority: 1, computeEnvironmentOrder: [] }] }))
      .toEqual({ done: false, pending: ['q1: DISABLED/DELETING'] });
    expect(waitProgress(gone, { jobQueues: [] }).done).toBe(true);
  });

  it('accept any of several values', () => {
    const disabled = waitStep('WaitForComputeEnvironments', ['c'], { state: 'DISABLED', status: ['VALID', 'INVALID'] }, 'r');
    const out = (state: string, status: string) => ({ computeEnvironments: [{ computeEnvironmentName: 'c', computeEnvironmentArn: 'a', state, status }] }) as never;
    expect(waitProgress(disabled, out('DISABLED', 'UPDATING')).done).toBe(false);
    expect(waitProgress(disabled, out('DISABLED', 'INVALID')).done).toBe(true);
    expect(waitCliCommand(disabled, 'us-east-1')).toBe(
      `while :; do case "$(aws batch describe-compute-environments --region us-east-1 --compute-environments c --query "join('/', computeEnvironments[0].[state, status])" --output text)" in DISABLED/VALID|DISABLED/INVALID) break;; esac; sleep 5; done`,
    );
  });
});
