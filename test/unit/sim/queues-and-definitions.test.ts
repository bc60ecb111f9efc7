import { describe, expect, it } from 'vitest';
import { ec2Ce, fargateCe, newSim } from './helpers.js';

const cp = { image: 'busybox', resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '512' }] };

describe('job queues', () => {
  it('needs VALID CEs of one provisioning model and one architecture; derives jobQueueType', async () => {
    const s = await newSim();
    await s.instanceProfile();
    await fargateCe(s, 'fg');
    const q = (name: string, ces: string[]) => s.sim.batch.createJobQueue({ jobQueueName: name, priority: 1, computeEnvironmentOrder: ces.map((c, i) => ({ order: i + 1, computeEnvironment: c })) });
    await expect(q('early', ['fg'])).rejects.toThrow('computeEnvironmentOrder[0].computeEnvironment: compute environment fg is CREATING; it must be VALID');
    await ec2Ce(s, 'x86', { instanceTypes: ['m5'] });
    await ec2Ce(s, 'arm', { instanceTypes: ['m6g'] });
    s.clock.advance(10_000);
    await expect(q('mixed', ['fg', 'x86'])).rejects.toThrow(/computeEnvironmentOrder: compute environments must share one provisioning model \(fg is FARGATE, x86 is EC2\)/);
    await expect(q('arch', ['x86', 'arm'])).rejects.toThrow(/one architecture \(x86 is x86_64, arm is arm64\)/);
    await expect(q('missing', ['nope'])).rejects.toThrow('ComputeEnvironment nope not found.');
    await q('ok', ['x86']);
    await expect(q('ok', ['x86'])).rejects.toThrow('Object already exists');
    const detail = (await s.sim.batch.describeJobQueues({ jobQueues: ['ok'] })).jobQueues![0]!;
    expect(detail).toMatchObject({ status: 'CREATING', jobQueueType: 'ECS', computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/x86' }] });
    s.clock.advance(1_000);
    expect((await s.sim.batch.describeJobQueues({ jobQueues: ['ok'] })).jobQueues![0]).toMatchObject({ status: 'VALID', statusReason: 'JobQueue Healthy' });
  });

  it('scheduling policy: must exist, replaceable but not removable, never added to a FIFO queue; blocks policy delete', async () => {
    const s = await newSim();
    await fargateCe(s, 'fg');
    s.clock.advance(5_000);
    const { arn } = await s.sim.batch.createSchedulingPolicy({ name: 'fs', fairsharePolicy: { shareDecaySeconds: 600 } });
    const { arn: arn2 } = await s.sim.batch.createSchedulingPolicy({ name: 'fs2' });
    const order = [{ order: 1, computeEnvironment: 'fg' }];
    await expect(s.sim.batch.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: order, schedulingPolicyArn: arn!.replace('fs', 'nope') }))
      .rejects.toThrow(/schedulingPolicyArn: SchedulingPolicy .*nope not found\./);
    await s.sim.batch.createJobQueue({ jobQueueName: 'fair', priority: 1, computeEnvironmentOrder: order, schedulingPolicyArn: arn });
    await s.sim.batch.createJobQueue({ jobQueueName: 'fifo', priority: 1, computeEnvironmentOrder: order });
    await expect(s.sim.batch.updateJobQueue({ jobQueue: 'fifo', schedulingPolicyArn: arn })).rejects.toThrow(/FIFO job queue .* can't have a fair-share scheduling policy added/);
    await expect(s.sim.batch.updateJobQueue({ jobQueue: 'fair', schedulingPolicyArn: '' })).rejects.toThrow('can be replaced but not removed');
    await s.sim.batch.updateJobQueue({ jobQueue: 'fair', schedulingPolicyArn: arn2 });
    await expect(s.sim.batch.deleteSchedulingPolicy({ arn: arn2 })).rejects.toThrow(/used by job queue fair/);
    await s.sim.batch.deleteSchedulingPolicy({ arn });
    const snap = await s.sim.batch.getJobQueueSnapshot({ jobQueue: 'fair' });
    expect(snap.frontOfQueue!.jobs).toEqual([]);
    expect(snap.queueUtilization!.fairshareUtilization).toEqual({ activeShareCount: 0, topCapacityUtilization: [] });
  });

  it('delete needs DISABLED; DELETING → DELETED → gone; the 50-queue quota', async () => {
    const s = await newSim();
    await fargateCe(s, 'fg');
    s.clock.advance(5_000);
    const order = [{ order: 1, computeEnvironment: 'fg' }];
    for (let i = 0; i < 50; i++) await s.sim.batch.createJobQueue({ jobQueueName: `q${i}`, priority: i, computeEnvironmentOrder: order });
    await expect(s.sim.batch.createJobQueue({ jobQueueName: 'q50', priority: 1, computeEnvironmentOrder: order })).rejects.toThrow(/Maximum number of job queues \(50\)/);
    await expect(s.sim.batch.deleteJobQueue({ jobQueue: 'q0' })).rejects.toThrow(/DISABLED/);
    await s.sim.batch.updateJobQueue({ jobQueue: 'q0', state: 'DISABLED' });
    await s.sim.batch.deleteJobQueue({ jobQueue: 'q0' });
    s.clock.advance(5_000);
    expect((await s.sim.batch.describeJobQueues({ jobQueues: ['q0'] })).jobQueues![0]!.status).toBe('DELETED');
    s.clock.advance(5 * 60_000);
    expect((await s.sim.batch.describeJobQueues({ jobQueues: ['q0'] })).jobQueues).toEqual([]);
    await expect(s.sim.batch.updateJobQueue({ jobQueue: 'q0', priority: 1 })).rejects.toThrow('JobQueue q0 not found.');
  });

  it('jobs: unknown ids are omitted, unknown queues and jobs are ClientExceptions', async () => {
    const s = await newSim();
    expect(await s.sim.batch.describeJobs({ jobs: ['a'] })).toEqual({ jobs: [] });
    await expect(s.sim.batch.listJobs({ jobQueue: 'nope' })).rejects.toThrow('JobQueue nope not found.');
    await expect(s.sim.batch.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'd' })).rejects.toMatchObject({ name: 'ClientException', message: 'JobQueue q not found.' });
    await expect(s.sim.batch.cancelJob({ jobId: 'x', reason: 'r' })).rejects.toThrow('Job x not found.');
  });
});

describe('job definitions', () => {
  it('revisions per name, ARN forms, status filter, pagination, purge 180 days after deregister', async () => {
    const s = await newSim();
    for (let i = 0; i < 3; i++) await s.sim.batch.registerJobDefinition({ jobDefinitionName: 'a', type: 'container', containerProperties: cp });
    await s.sim.batch.registerJobDefinition({ jobDefinitionName: 'b', type: 'container', containerProperties: cp, tags: { t: '1' } });
    const all = await s.sim.batch.describeJobDefinitions({ maxResults: 3 });
    expect(all.jobDefinitions!.map((d) => `${d.jobDefinitionName}:${d.revision}`)).toEqual(['a:1', 'a:2', 'a:3']);
    const rest = await s.sim.batch.describeJobDefinitions({ maxResults: 3, nextToken: all.nextToken });
    expect(rest.jobDefinitions!.map((d) => d.jobDefinitionArn)).toEqual(['arn:aws:batch:us-east-1:123456789012:job-definition/b:1']);
    expect(rest.jobDefinitions![0]).toMatchObject({ status: 'ACTIVE', containerOrchestrationType: 'ECS', tags: { t: '1' } });
    expect((await s.sim.batch.describeJobDefinitions({ jobDefinitions: ['a'] })).jobDefinitions).toHaveLength(3);
    await expect(s.sim.batch.describeJobDefinitions({ jobDefinitions: ['a'], status: 'ACTIVE' })).rejects.toThrow("can't be used with other parameters");
    await expect(s.sim.batch.deregisterJobDefinition({ jobDefinition: 'a' })).rejects.toThrow('jobDefinition: must be name:revision');
    await expect(s.sim.batch.deregisterJobDefinition({ jobDefinition: 'a:9' })).rejects.toThrow('JobDefinition a:9 not found.');
    await s.sim.batch.deregisterJobDefinition({ jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/a:2' });
    expect((await s.sim.batch.describeJobDefinitions({ jobDefinitionName: 'a', status: 'INACTIVE' })).jobDefinitions!.map((d) => d.revision)).toEqual([2]);
    s.clock.advance(180 * 24 * 3600_000);
    expect((await s.sim.batch.describeJobDefinitions({ jobDefinitionName: 'a' })).jobDefinitions!.map((d) => d.revision)).toEqual([1, 3]);
    expect((await s.sim.batch.registerJobDefinition({ jobDefinitionName: 'a', type: 'container', containerProperties: cp })).revision).toBe(4);
  });

  it('rejects with the validation checklist, worded <field>: <message>', async () => {
    const s = await newSim();
    await expect(s.sim.batch.registerJobDefinition({ jobDefinitionName: 'f', type: 'container', platformCapabilities: ['FARGATE'], containerProperties: { ...cp, executionRoleArn: 'arn:aws:iam::123456789012:role/x' } }))
      .rejects.toThrow('containerProperties.resourceRequirements: MEMORY 512 is not valid with VCPU 1 on Fargate (allowed: 2048-8192 in steps of 1024 MiB)');
    const big = { jobDefinitionName: 'big', type: 'container' as const, containerProperties: { ...cp, command: ['x'.repeat(25_000)] } };
    await expect(s.sim.batch.registerJobDefinition(big)).rejects.toThrow(/at most 24576 \(24 KiB\)/);
  });
});

describe('tags', () => {
  it('tag/untag/list on every taggable kind, limits, unknown ARN', async () => {
    const s = await newSim();
    const { computeEnvironmentArn } = await fargateCe(s, 'fg', { tags: { a: '1' } });
    await s.sim.batch.tagResource({ resourceArn: computeEnvironmentArn, tags: { b: '2' } });
    expect((await s.sim.batch.describeComputeEnvironments({})).computeEnvironments![0]!.tags).toEqual({ a: '1', b: '2' });
    await expect(s.sim.batch.tagResource({ resourceArn: computeEnvironmentArn, tags: { 'AWS:x': '1' } })).rejects.toThrow('tags.AWS:x: tag keys starting with "aws:" are reserved');
    await expect(s.sim.batch.tagResource({ resourceArn: computeEnvironmentArn, tags: { ['k'.repeat(129)]: 'v' } })).rejects.toThrow(/tag keys must be 1-128 characters/);
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    await expect(s.sim.batch.tagResource({ resourceArn: computeEnvironmentArn, tags: many })).rejects.toThrow('tags: a resource can have at most 50 tags (this would make 51)');
    await s.sim.batch.untagResource({ resourceArn: computeEnvironmentArn, tagKeys: ['a', 'zzz'] });
    expect((await s.sim.batch.listTagsForResource({ resourceArn: computeEnvironmentArn })).tags).toEqual({ b: '2' });
    const missing = 'arn:aws:batch:us-east-1:123456789012:job-queue/none';
    await expect(s.sim.batch.listTagsForResource({ resourceArn: missing })).rejects.toMatchObject({ name: 'ClientException', message: `Resource ${missing} not found.` });
  });
});
