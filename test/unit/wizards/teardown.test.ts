import type * as B from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { buildTeardownPlan, selectStackResources, type StackResources } from '../../../src/wizards/teardown.js';

const A = 'arn:aws:batch:us-east-1:123456789012';
const TAG = { 'batchctl:stack': 'demo' };

const ce = (name: string, over: Partial<B.ComputeEnvironmentDetail> = {}): B.ComputeEnvironmentDetail => ({
  computeEnvironmentName: name, computeEnvironmentArn: `${A}:compute-environment/${name}`, type: 'MANAGED', state: 'ENABLED', status: 'VALID', tags: TAG, ...over,
});
const queue = (name: string, ceName: string, over: Partial<B.JobQueueDetail> = {}): B.JobQueueDetail => ({
  jobQueueName: name, jobQueueArn: `${A}:job-queue/${name}`, state: 'ENABLED', status: 'VALID', priority: 900,
  computeEnvironmentOrder: [{ order: 1, computeEnvironment: `${A}:compute-environment/${ceName}` }], tags: TAG, ...over,
});
const jd = (name: string, revision: number): B.JobDefinition => ({
  jobDefinitionName: name, jobDefinitionArn: `${A}:job-definition/${name}:${revision}`, revision, type: 'container', status: 'ACTIVE', tags: TAG,
});

const stack = (): StackResources => ({
  stack: 'demo',
  computeEnvironments: [ce('demo-ce')],
  jobQueues: [queue('demo-queue', 'demo-ce')],
  jobDefinitions: [jd('demo-job-def', 1), jd('demo-job-def', 2)],
  roles: [{
    role: { RoleName: 'ecsInstanceRole', Path: '/', RoleId: 'AROA', Arn: 'arn:aws:iam::123456789012:role/ecsInstanceRole', CreateDate: new Date(0), Tags: [{ Key: 'batchctl:stack', Value: 'demo' }] },
    attachedPolicies: [{ PolicyName: 'AmazonEC2ContainerServiceforEC2Role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role' }],
    instanceProfile: {
      InstanceProfileName: 'ecsInstanceRole', InstanceProfileId: 'AIPA', Path: '/', Arn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole', CreateDate: new Date(0),
      Roles: [{ RoleName: 'ecsInstanceRole', Path: '/', RoleId: 'AROA', Arn: 'arn:aws:iam::123456789012:role/ecsInstanceRole', CreateDate: new Date(0) }],
      Tags: [{ Key: 'batchctl:stack', Value: 'demo' }],
    },
  }],
  otherJobQueues: [],
});

const titles = (p: { steps: { title: string }[] }) => p.steps.map((s) => s.title);

describe('buildTeardownPlan', () => {
  it('follows AWS\'s dependency order and keeps roles by default', () => {
    const plan = buildTeardownPlan(stack(), { roles: false });
    expect(titles(plan)).toEqual([
      'disable job queue demo-queue',
      'wait until job queue demo-queue is DISABLED and VALID|INVALID',
      'delete job queue demo-queue',
      'wait until job queue demo-queue is deleted',
      'disable compute environment demo-ce',
      'wait until compute environment demo-ce is DISABLED and VALID|INVALID',
      'delete compute environment demo-ce',
      'wait until compute environment demo-ce is deleted',
      'deregister job definition demo-job-def:1',
      'deregister job definition demo-job-def:2',
    ]);
    expect(plan.steps[0]!.input).toEqual({ jobQueue: 'demo-queue', state: 'DISABLED' });
    expect(plan.steps[8]!.input).toEqual({ jobDefinition: `${A}:job-definition/demo-job-def:1` });
    expect(plan.skipped).toEqual([{ kind: 'role', name: 'ecsInstanceRole', note: 'kept (pass --roles to delete the roles this stack created)' }]);
  });

  it('deletes the stack\'s roles with --roles: profile first, policies detached, never the SLR', () => {
    const plan = buildTeardownPlan(stack(), { roles: true });
    expect(plan.steps.slice(-4).map((s) => s.operation)).toEqual(['RemoveRoleFromInstanceProfile', 'DeleteInstanceProfile', 'DetachRolePolicy', 'DeleteRole']);
    expect(plan.steps.map((s) => s.operation)).not.toContain('DeleteServiceLinkedRole');
    expect(plan.skipped.map((s) => s.name)).toEqual(['AWSServiceRoleForBatch']);
  });

  it('resumes after an interruption: a DISABLED queue is not disabled again, a DELETING one is only waited for', () => {
    const s = stack();
    s.jobQueues = [queue('demo-queue', 'demo-ce', { state: 'DISABLED', status: 'DELETING' })];
    s.computeEnvironments = [ce('demo-ce', { state: 'DISABLED', status: 'VALID' })];
    s.jobDefinitions = [];
    const plan = buildTeardownPlan(s, { roles: false });
    expect(titles(plan)).toEqual([
      'wait until job queue demo-queue is deleted',
      'delete compute environment demo-ce',
      'wait until compute environment demo-ce is deleted',
    ]);
  });

  it('is empty for a stack that is already gone', () => {
    const plan = buildTeardownPlan({ stack: 'demo', computeEnvironments: [], jobQueues: [], jobDefinitions: [] }, { roles: true });
    expect(plan.steps).toEqual([]);
  });

  it('refuses to delete a CE that a queue outside the stack still uses', () => {
    const s = stack();
    s.otherJobQueues = [queue('someone-elses-queue', 'demo-ce', { tags: {} })];
    const plan = buildTeardownPlan(s, { roles: false });
    expect(plan.steps.map((s) => s.operation)).not.toContain('DeleteComputeEnvironment');
    expect(plan.conflicts).toMatchObject([{ kind: 'compute-environment', name: 'demo-ce', message: expect.stringContaining('someone-elses-queue') }]);
  });
});

describe('selectStackResources', () => {
  it('keeps only resources tagged with the stack', () => {
    const picked = selectStackResources('demo', {
      computeEnvironments: [ce('demo-ce'), ce('other-ce', { tags: { 'batchctl:stack': 'other' } }), ce('gone', { status: 'DELETED' })],
      jobQueues: [queue('demo-queue', 'demo-ce'), queue('q2', 'other-ce', { tags: undefined })],
      jobDefinitions: [jd('demo-job-def', 1), { ...jd('x', 1), tags: {} }],
    });
    expect(picked.computeEnvironments.map((c) => c.computeEnvironmentName)).toEqual(['demo-ce']);
    expect(picked.jobQueues.map((q) => q.jobQueueName)).toEqual(['demo-queue']);
    expect(picked.otherJobQueues!.map((q) => q.jobQueueName)).toEqual(['q2']);
    expect(picked.jobDefinitions).toHaveLength(1);
  });
});
