import { describe, expect, it } from 'vitest';
import { ceDetail, ec2Ce, fargateCe, newSim } from './helpers.js';

describe('compute environments', () => {
  it('CREATING → VALID after the documented delay, with ECS cluster, uuid and the SLR', async () => {
    const s = await newSim();
    await fargateCe(s, 'fg');
    expect((await ceDetail(s, 'fg'))!.status).toBe('CREATING');
    s.clock.advance(4_999);
    expect((await ceDetail(s, 'fg'))!.status).toBe('CREATING');
    s.clock.advance(1);
    const ce = (await ceDetail(s, 'fg'))!;
    expect(ce.status).toBe('VALID');
    expect(ce.statusReason).toBe('ComputeEnvironment Healthy');
    expect(ce.ecsClusterArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:cluster\/fg_Batch_[0-9a-f-]{36}$/);
    expect(ce.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ce.containerOrchestrationType).toBe('ECS');
    expect(ce.serviceRole).toBe('arn:aws:iam::123456789012:role/aws-service-role/batch.amazonaws.com/AWSServiceRoleForBatch');
    const slr = await s.sim.iam.getRole({ RoleName: 'AWSServiceRoleForBatch' });
    expect(slr.Role!.Path).toBe('/aws-service-role/batch.amazonaws.com/');
  });

  it('goes INVALID with AWS reasons when referenced resources are missing', async () => {
    const s = await newSim();
    await ec2Ce(s, 'noprofile');
    s.clock.advance(10_000);
    expect((await ceDetail(s, 'noprofile'))!).toMatchObject({ status: 'INVALID', statusReason: 'CLIENT_ERROR - Instance profile arn:aws:iam::123456789012:instance-profile/ecsInstanceRole does not exist' });
    await fargateCe(s, 'badrole', { serviceRole: 'arn:aws:iam::123456789012:role/missing' });
    await fargateCe(s, 'badsubnet', { computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: ['subnet-0123456789abcdef0'], securityGroupIds: [s.sg] } });
    await fargateCe(s, 'badsg', { computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: s.subnets, securityGroupIds: ['sg-0123456789abcdef0'] } });
    s.clock.advance(5_000);
    expect((await ceDetail(s, 'badrole'))!.statusReason).toMatch(/^CLIENT_ERROR - Not authorized to perform sts:AssumeRole \(Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: [0-9a-f-]{36}\)$/);
    expect((await ceDetail(s, 'badsubnet'))!.statusReason).toContain("The subnet ID 'subnet-0123456789abcdef0' does not exist");
    expect((await ceDetail(s, 'badsg'))!.statusReason).toContain('InvalidGroup.NotFound');
  });

  it('an INVALID CE becomes VALID again when an update finds the world fixed', async () => {
    const s = await newSim();
    await ec2Ce(s, 'ec2');
    s.clock.advance(10_000);
    expect((await ceDetail(s, 'ec2'))!.status).toBe('INVALID');
    await s.instanceProfile();
    await s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'ec2', computeResources: { maxvCpus: 128 } });
    expect((await ceDetail(s, 'ec2'))!.status).toBe('UPDATING');
    s.clock.advance(5_000);
    expect((await ceDetail(s, 'ec2'))!).toMatchObject({ status: 'VALID', computeResources: { maxvCpus: 128 } });
  });

  it('fills EC2 defaults: desiredvCpus = minvCpus, ECS_AL2023, default_x86_64 when no types', async () => {
    const s = await newSim();
    await s.instanceProfile();
    await ec2Ce(s, 'd', { minvCpus: 2, instanceTypes: undefined, allocationStrategy: undefined });
    const cr = (await ceDetail(s, 'd'))!.computeResources!;
    expect(cr).toMatchObject({ desiredvCpus: 2, allocationStrategy: 'BEST_FIT', instanceTypes: ['default_x86_64'], ec2Configuration: [{ imageType: 'ECS_AL2023' }] });
  });

  it('update rules: desiredvCpus only up, infrastructure updates need the SLR and not BEST_FIT, no SLR switch', async () => {
    const s = await newSim();
    await s.instanceProfile();
    await ec2Ce(s, 'bfp', { minvCpus: 4, desiredvCpus: 8 });
    await ec2Ce(s, 'bestfit', { allocationStrategy: 'BEST_FIT' });
    await s.sim.iam.createRole({ RoleName: 'svc', AssumeRolePolicyDocument: '{}' });
    await ec2Ce(s, 'custom', {}, { serviceRole: 'svc' });
    s.clock.advance(10_000);
    const update = (ce: string, cr: object, extra: object = {}) => s.sim.batch.updateComputeEnvironment({ computeEnvironment: ce, computeResources: cr, ...extra });
    await expect(update('bfp', { desiredvCpus: 6 })).rejects.toThrow('Manually scaling down compute environment is not supported. Disconnecting job queues from compute environment will cause it to scale-down to minvCpus.');
    await expect(update('bfp', { maxvCpus: 2 })).rejects.toThrow('computeResources.maxvCpus: must be >= minvCpus (4)');
    await update('bfp', { desiredvCpus: 16 });
    await expect(update('bestfit', { instanceTypes: ['c5'] })).rejects.toThrow(/computeResources\.instanceTypes: .*BEST_FIT/);
    await expect(update('custom', { subnets: [s.subnets[0]!] })).rejects.toThrow(/computeResources\.subnets: .*service-linked role/);
    await update('custom', { maxvCpus: 32 });
    await expect(s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'bfp', serviceRole: 'svc' })).rejects.toThrow(/serviceRole: .*can't switch/);
    await expect(update('bfp', { allocationStrategy: 'BEST_FIT' })).rejects.toThrow('computeResources.allocationStrategy: BEST_FIT is not supported when updating');
    await update('bfp', { instanceTypes: ['c5'] });
    expect((await ceDetail(s, 'bfp'))!.status).toBe('UPDATING');
    s.clock.advance(59_999);
    expect((await ceDetail(s, 'bfp'))!.status).toBe('UPDATING');
    s.clock.advance(1);
    expect((await ceDetail(s, 'bfp'))!.computeResources!.instanceTypes).toEqual(['c5']);
  });

  it('Fargate updates: forbidden members rejected, empty lists mean no change', async () => {
    const s = await newSim();
    await fargateCe(s, 'fg');
    s.clock.advance(5_000);
    await expect(s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'fg', computeResources: { minvCpus: 1 } })).rejects.toThrow('computeResources.minvCpus: must not be set for FARGATE');
    await s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'fg', computeResources: { subnets: [], maxvCpus: 8 } });
    expect((await ceDetail(s, 'fg'))!.computeResources).toMatchObject({ subnets: s.subnets, maxvCpus: 8 });
  });

  it('delete: only DISABLED and in no queue; DELETING → DELETED → gone; the name is reusable', async () => {
    const s = await newSim();
    await fargateCe(s, 'fg');
    s.clock.advance(5_000);
    await expect(s.sim.batch.deleteComputeEnvironment({ computeEnvironment: 'fg' })).rejects.toThrow(/DISABLED/);
    await s.sim.batch.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fg' }] });
    await s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'fg', state: 'DISABLED' });
    await expect(s.sim.batch.deleteComputeEnvironment({ computeEnvironment: 'fg' })).rejects.toThrow('Cannot delete, found existing JobQueue relationship');
    await s.sim.batch.updateJobQueue({ jobQueue: 'q', state: 'DISABLED' });
    await s.sim.batch.deleteJobQueue({ jobQueue: 'q' });
    await expect(s.sim.batch.deleteComputeEnvironment({ computeEnvironment: 'fg' })).rejects.toThrow('found existing JobQueue relationship');
    s.clock.advance(5_000);
    await s.sim.batch.deleteComputeEnvironment({ computeEnvironment: 'fg' });
    expect((await ceDetail(s, 'fg'))!.status).toBe('DELETING');
    await expect(fargateCe(s, 'fg')).rejects.toThrow('Object already exists');
    s.clock.advance(10_000);
    expect((await ceDetail(s, 'fg'))!.status).toBe('DELETED');
    await expect(s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'fg', state: 'ENABLED' })).rejects.toThrow('ComputeEnvironment fg not found.');
    s.clock.advance(5 * 60_000);
    expect(await ceDetail(s, 'fg')).toBeUndefined();
    await fargateCe(s, 'fg');
  });

  it('describe paginates with opaque tokens and accepts names or ARNs', async () => {
    const s = await newSim();
    for (let i = 0; i < 5; i++) await fargateCe(s, `ce${i}`);
    const p1 = await s.sim.batch.describeComputeEnvironments({ maxResults: 2 });
    expect(p1.computeEnvironments!.map((c) => c.computeEnvironmentName)).toEqual(['ce0', 'ce1']);
    const p2 = await s.sim.batch.describeComputeEnvironments({ maxResults: 2, nextToken: p1.nextToken });
    const p3 = await s.sim.batch.describeComputeEnvironments({ maxResults: 2, nextToken: p2.nextToken });
    expect([...p2.computeEnvironments!, ...p3.computeEnvironments!].map((c) => c.computeEnvironmentName)).toEqual(['ce2', 'ce3', 'ce4']);
    expect(p3.nextToken).toBeUndefined();
    await expect(s.sim.batch.describeComputeEnvironments({ nextToken: 'garbage' })).rejects.toThrow(/nextToken/);
    await expect(s.sim.batch.describeComputeEnvironments({ maxResults: 101 })).rejects.toThrow('maxResults: must be between 1 and 100');
    const arn = 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce3';
    expect((await s.sim.batch.describeComputeEnvironments({ computeEnvironments: [arn, 'ce1'] })).computeEnvironments!.map((c) => c.computeEnvironmentName)).toEqual(['ce1', 'ce3']);
  });
});
