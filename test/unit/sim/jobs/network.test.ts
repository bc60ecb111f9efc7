/**
 * The job engine reads the network (docs/simulator.md "Networking"): an EC2 instance in a subnet
 * with no route to ECS never joins its cluster, so its job stays RUNNABLE until the route is fixed;
 * a Fargate task (or an EC2 task) that cannot reach its registry fails to start.
 */
import type * as B from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { definition, ec2World, fargateWorld, jobSim, type JobSim, until } from './helpers.js';

/** A subnet of the default VPC with its own route table (local route only): no internet, no endpoints. */
async function privateSubnet(s: JobSim, cidr = '172.31.128.0/20'): Promise<{ subnet: string; rtb: string; vpc: string }> {
  const vpc = (await s.sim.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs![0]!.VpcId!;
  const subnet = (await s.sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: cidr })).Subnet!.SubnetId!;
  const rtb = (await s.sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
  await s.sim.ec2.associateRouteTable({ RouteTableId: rtb, SubnetId: subnet });
  return { subnet, rtb, vpc };
}

async function ce(s: JobSim, name: string): Promise<B.ComputeEnvironmentDetail> {
  return (await s.sim.batch.describeComputeEnvironments({ computeEnvironments: [name] })).computeEnvironments![0]!;
}

async function fargateJobDefinition(s: JobSim, extra: { image?: string; assignPublicIp?: 'ENABLED' | 'DISABLED' } = {}, name = 'fjd'): Promise<void> {
  await s.sim.batch.registerJobDefinition({
    jobDefinitionName: name, type: 'container', platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: extra.image ?? 'public.ecr.aws/amazonlinux/amazonlinux:2023', command: ['echo', 'hi'], executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }],
      ...(extra.assignPublicIp ? { networkConfiguration: { assignPublicIp: extra.assignPublicIp } } : {}),
    },
  });
}

describe('networking in the job engine', () => {
  it('EC2 in a private subnet without NAT: the instance launches but never joins, the job stays RUNNABLE; a NAT route un-sticks it', async () => {
    const s = await jobSim();
    const { subnet, rtb } = await privateSubnet(s);
    await ec2World(s, { subnets: [subnet] });
    await definition(s, 'echo hello');
    const id = await s.submit();
    await s.advance(2 * 3_600_000);
    const stuck = await s.job(id);
    expect(stuck.status).toBe('RUNNABLE');
    expect(stuck.statusReason).toBeUndefined();
    const before = await ce(s, 'ce');
    expect(before.status).toBe('VALID');
    // One instance was launched for the job and is still counted: it never registered, so it is not idle either.
    expect(before.computeResources!.desiredvCpus).toBe(2);
    await s.advance(6 * 3_600_000);
    expect((await s.job(id)).status).toBe('RUNNABLE');
    expect((await ce(s, 'ce')).computeResources!.desiredvCpus).toBe(2);

    // Fix: a NAT gateway in a public (default) subnet and a default route to it.
    const publicSubnet = s.subnets[0]!;
    const nat = (await s.sim.ec2.createNatGateway({ SubnetId: publicSubnet, AllocationId: 'eipalloc-0123456789abcdef0' })).NatGateway!.NatGatewayId!;
    await s.sim.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
    // The NAT gateway is pending for 90 s: still no way out.
    await s.advance(60_000);
    expect((await s.job(id)).status).toBe('RUNNABLE');
    await s.advance(31_000);
    // The instance joined when the NAT gateway became available; the job started at once, with no relaunch.
    const started = await s.job(id);
    expect(started.status).toBe('STARTING');
    expect((await ce(s, 'ce')).computeResources!.desiredvCpus).toBe(2);
    await until(s, async () => (await s.job(id)).status === 'SUCCEEDED');
  });

  it('a route to an internet gateway helps only an instance launched with a public IP; ModifySubnetAttribute does not give one to a running instance', async () => {
    const s = await jobSim();
    const { subnet, rtb } = await privateSubnet(s);
    await ec2World(s, { subnets: [subnet] });
    await definition(s, 'echo hello');
    const id = await s.submit();
    await s.advance(10 * 60_000);
    const igw = (await s.sim.ec2.describeInternetGateways({})).InternetGateways![0]!.InternetGatewayId!;
    await s.sim.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
    await s.sim.ec2.modifySubnetAttribute({ SubnetId: subnet, MapPublicIpOnLaunch: { Value: true } });
    await s.advance(30 * 60_000);
    expect((await s.job(id)).status).toBe('RUNNABLE');
    // Endpoints for ECS let the instance register (its job then fails to pull a public image: VPC endpoints cannot reach it).
    const { vpc } = { vpc: (await s.sim.ec2.describeSubnets({ SubnetIds: [subnet] })).Subnets![0]!.VpcId! };
    for (const svc of ['ecs', 'ecs-agent', 'ecs-telemetry']) {
      await s.sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: `com.amazonaws.us-east-1.${svc}`, VpcEndpointType: 'Interface', SubnetIds: [subnet], PrivateDnsEnabled: true });
    }
    await s.advance(61_000);
    // The route to the internet gateway is there, but this instance has no public IP: only the endpoints help, and only for ECS.
    await until(s, async () => (await s.job(id)).status === 'FAILED');
    const j = await s.job(id);
    expect(j.statusReason).toBe('Task failed to start');
    expect(j.attempts![0]!.container!.reason).toBe('CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref busybox: failed to do request: Head "https://registry-1.docker.io/v2/library/busybox/manifests/latest": dial tcp: i/o timeout');
    expect(j.attempts![0]!.startedAt).toBeUndefined();
  });

  it('an instance that never joined goes when its CE is disabled', async () => {
    const s = await jobSim();
    const { subnet } = await privateSubnet(s);
    await ec2World(s, { subnets: [subnet] });
    await definition(s, 'echo hello');
    const id = await s.submit();
    await s.advance(10 * 60_000);
    await s.sim.batch.terminateJob({ jobId: id, reason: 'stuck' });
    await s.sim.batch.updateComputeEnvironment({ computeEnvironment: 'ce', state: 'DISABLED' });
    await s.advance(60_000);
    expect((await ce(s, 'ce')).computeResources!.desiredvCpus).toBe(0);
  });

  it('sim run --until-idle stops on a job stuck RUNNABLE behind an instance that cannot join', async () => {
    const s = await jobSim();
    const { subnet } = await privateSubnet(s);
    await ec2World(s, { subnets: [subnet] });
    await definition(s, 'echo hello');
    const id = await s.submit();
    const report = s.sim.control.runUntilIdle({ maxMs: 24 * 3_600_000 });
    expect(report.outcome).toBe('STUCK');
    expect(report.unfinished).toEqual([expect.objectContaining({ jobId: id, status: 'RUNNABLE' })]);
    expect((await s.job(id)).status).toBe('RUNNABLE');
  });

  it('Fargate: no route to the registry fails the task at the end of STARTING; retries see "Task failed to start"', async () => {
    const s = await jobSim();
    const { subnet } = await privateSubnet(s);
    await s.sim.batch.createComputeEnvironment({ computeEnvironmentName: 'pce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 16, subnets: [subnet], securityGroupIds: [s.sg] } });
    await s.advance(5_000);
    await s.sim.batch.createJobQueue({ jobQueueName: 'pq', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'pce' }] });
    await s.advance(1_000);
    await fargateJobDefinition(s, { assignPublicIp: 'ENABLED' });
    const id = await s.submit({ jobQueue: 'pq', jobDefinition: 'fjd', retryStrategy: { attempts: 2, evaluateOnExit: [{ onStatusReason: 'Task failed to start', action: 'RETRY' }, { onReason: '*', action: 'EXIT' }] } });
    await until(s, async () => (await s.job(id)).status === 'FAILED');
    const j = await s.job(id);
    expect(j.statusReason).toBe('Task failed to start');
    expect(j.attempts).toHaveLength(2);
    for (const a of j.attempts!) {
      expect(a.statusReason).toBe('Task failed to start');
      expect(a.container!.reason).toMatch(/^CannotPullContainerError: pull image manifest has been retried 5 time\(s\): failed to resolve ref public\.ecr\.aws\/amazonlinux\/amazonlinux:2023: failed to do request: Head "https:\/\/public\.ecr\.aws\/v2\/amazonlinux\/amazonlinux\/manifests\/2023": dial tcp: i\/o timeout$/);
      expect(a.container!.exitCode).toBeUndefined();
      expect(a.startedAt).toBeUndefined();
    }

    // A regional ECR image without the ECR API endpoint fails earlier, fetching the registry auth.
    await fargateJobDefinition(s, { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1', assignPublicIp: 'ENABLED' }, 'ecr');
    const ecr = await s.submit({ jobQueue: 'pq', jobDefinition: 'ecr' });
    await until(s, async () => (await s.job(ecr)).status === 'FAILED');
    expect((await s.job(ecr)).attempts![0]!.container!.reason).toMatch(/^ResourceInitializationError: unable to pull secrets or registry auth: .*https:\/\/api\.ecr\.us-east-1\.amazonaws\.com\/.*Please check your task network configuration\.$/);

    // With the ECR endpoints (and S3 for layers) the ECR image runs; the public one still cannot.
    const vpc = (await s.sim.ec2.describeSubnets({ SubnetIds: [subnet] })).Subnets![0]!.VpcId!;
    const rtb = (await s.sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] })).RouteTables![0]!.RouteTableId!;
    for (const svc of ['ecr.api', 'ecr.dkr', 'logs']) await s.sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: `com.amazonaws.us-east-1.${svc}`, VpcEndpointType: 'Interface', SubnetIds: [subnet], PrivateDnsEnabled: true });
    await s.sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', RouteTableIds: [rtb] });
    await s.advance(61_000);
    const ok = await s.submit({ jobQueue: 'pq', jobDefinition: 'ecr' });
    const pub = await s.submit({ jobQueue: 'pq', jobDefinition: 'fjd' });
    await until(s, async () => ['SUCCEEDED', 'FAILED'].includes((await s.job(ok)).status!) && ['SUCCEEDED', 'FAILED'].includes((await s.job(pub)).status!));
    expect((await s.job(ok)).status).toBe('SUCCEEDED');
    expect((await s.job(pub)).status).toBe('FAILED');
  });

  it('Fargate in a public subnet: assignPublicIp DISABLED (the default) cannot pull; ENABLED can', async () => {
    const s = await jobSim();
    await fargateWorld(s);
    await fargateJobDefinition(s, {}, 'nopip');
    await fargateJobDefinition(s, { assignPublicIp: 'ENABLED' }, 'pip');
    const no = await s.submit({ jobQueue: 'fq', jobDefinition: 'nopip' });
    const yes = await s.submit({ jobQueue: 'fq', jobDefinition: 'pip' });
    await until(s, async () => ['SUCCEEDED', 'FAILED'].includes((await s.job(no)).status!) && ['SUCCEEDED', 'FAILED'].includes((await s.job(yes)).status!));
    const failed = await s.job(no);
    expect(failed.status).toBe('FAILED');
    expect(failed.attempts![0]!.container!.reason).toMatch(/^CannotPullContainerError: /);
    expect((await s.job(yes)).status).toBe('SUCCEEDED');
  });
});

describe('imageManifestUrl (the pull error names the manifest request)', () => {
  it('Docker Hub short names, registries with ports, nested repositories, digests', async () => {
    const { imageManifestUrl } = await import('../../../../src/backend/sim/engine/jobs/network.js');
    expect(imageManifestUrl('busybox')).toBe('https://registry-1.docker.io/v2/library/busybox/manifests/latest');
    expect(imageManifestUrl('bitnami/redis:7.2')).toBe('https://registry-1.docker.io/v2/bitnami/redis/manifests/7.2');
    expect(imageManifestUrl('localhost:5000/team/app')).toBe('https://localhost:5000/v2/team/app/manifests/latest');
    expect(imageManifestUrl('123456789012.dkr.ecr.us-east-1.amazonaws.com/a/b:v1')).toBe('https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/a/b/manifests/v1');
    expect(imageManifestUrl('ghcr.io/o/r@sha256:abc')).toBe('https://ghcr.io/v2/o/r/manifests/sha256:abc');
  });
});
