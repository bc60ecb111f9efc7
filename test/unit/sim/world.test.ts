import type { _InstanceType } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { newSim } from './helpers.js';

describe('EC2 world', () => {
  it('has a default VPC, three default subnets with public IPs, an IGW route and the default SG', async () => {
    const { sim } = await newSim();
    const vpc = (await sim.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs![0]!;
    expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true });
    const subnets = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }, { Name: 'default-for-az', Values: ['true'] }] })).Subnets!;
    expect(subnets.map((s) => s.AvailabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(subnets.every((s) => s.MapPublicIpOnLaunch)).toBe(true);
    const main = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.main', Values: ['true'] }, { Name: 'vpc-id', Values: [vpc.VpcId!] }] })).RouteTables!;
    expect(main).toHaveLength(1);
    const igw = (await sim.ec2.describeInternetGateways({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpc.VpcId!] }] })).InternetGateways![0]!;
    expect(main[0]!.Routes).toContainEqual(expect.objectContaining({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw.InternetGatewayId, State: 'active' }));
    // Implicit association: no table lists a subnet explicitly.
    expect((await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnets[0]!.SubnetId!] }] })).RouteTables).toEqual([]);
    const sg = (await sim.ec2.describeSecurityGroups({ GroupNames: ['default'] })).SecurityGroups![0]!;
    expect(sg.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })]);
    expect((await sim.ec2.describeNatGateways({})).NatGateways).toEqual([]);
  });

  it('reports unknown ids with EC2 error codes and supports wildcard filters and pagination', async () => {
    const { sim } = await newSim();
    await expect(sim.ec2.describeSubnets({ SubnetIds: ['subnet-00000000000000000'] })).rejects.toMatchObject({ name: 'InvalidSubnetID.NotFound', message: "The subnet ID 'subnet-00000000000000000' does not exist" });
    await expect(sim.ec2.describeSecurityGroups({ GroupIds: ['sg-00000000000000000'] })).rejects.toMatchObject({ name: 'InvalidGroup.NotFound' });
    const c5 = (await sim.ec2.describeInstanceTypes({ Filters: [{ Name: 'instance-type', Values: ['c5.*'] }], MaxResults: 100 })).InstanceTypes!;
    expect(c5.map((t) => t.InstanceType)).toContain('c5.24xlarge');
    expect(c5.find((t) => t.InstanceType === 'c5.24xlarge')!.VCpuInfo!.DefaultVCpus).toBe(96);
    const arm = (await sim.ec2.describeInstanceTypes({ Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }, { Name: 'instance-type', Values: ['m6g.?xlarge'] }] })).InstanceTypes!;
    expect(arm.map((t) => t.InstanceType).sort()).toEqual(['m6g.2xlarge', 'm6g.4xlarge', 'm6g.8xlarge']);
    const gpu = (await sim.ec2.describeInstanceTypes({ InstanceTypes: ['p3.8xlarge'] })).InstanceTypes![0]!;
    expect(gpu.GpuInfo!.Gpus![0]).toMatchObject({ Name: 'V100', Count: 4 });
    const page1 = await sim.ec2.describeInstanceTypes({ MaxResults: 5 });
    const page2 = await sim.ec2.describeInstanceTypes({ MaxResults: 5, NextToken: page1.NextToken });
    expect(page2.InstanceTypes![0]!.InstanceType).not.toBe(page1.InstanceTypes![0]!.InstanceType);
    await expect(sim.ec2.describeInstanceTypes({ InstanceTypes: ['zz9.large' as _InstanceType] })).rejects.toMatchObject({ name: 'InvalidInstanceType' });
  });

  it('creates, authorizes and deletes security groups', async () => {
    const { sim } = await newSim();
    const { GroupId } = await sim.ec2.createSecurityGroup({ GroupName: 'batch', Description: 'd' });
    await expect(sim.ec2.createSecurityGroup({ GroupName: 'batch', Description: 'd' })).rejects.toMatchObject({ name: 'InvalidGroup.Duplicate' });
    await expect(sim.ec2.authorizeSecurityGroupEgress({ GroupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })).rejects.toMatchObject({ name: 'InvalidPermission.Duplicate' });
    await sim.ec2.authorizeSecurityGroupEgress({ GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] });
    await sim.ec2.deleteSecurityGroup({ GroupId });
    const def = (await sim.ec2.describeSecurityGroups({ GroupNames: ['default'] })).SecurityGroups![0]!.GroupId;
    await expect(sim.ec2.deleteSecurityGroup({ GroupId: def })).rejects.toMatchObject({ name: 'CannotDelete' });
  });
});

describe('IAM world', () => {
  it('has no user roles; roles, profiles and policies behave with IAM errors', async () => {
    const { sim } = await newSim();
    await expect(sim.iam.getRole({ RoleName: 'ecsInstanceRole' })).rejects.toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } });
    const { Role } = await sim.iam.createRole({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17"}' });
    expect(Role).toMatchObject({ Arn: 'arn:aws:iam::123456789012:role/ecsInstanceRole', Path: '/' });
    expect(Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role!.AssumeRolePolicyDocument).toBe(encodeURIComponent('{"Version":"2012-10-17"}'));
    await expect(sim.iam.createRole({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{}' })).rejects.toMatchObject({ name: 'EntityAlreadyExistsException', $metadata: { httpStatusCode: 409 } });
    const policy = 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role';
    await sim.iam.attachRolePolicy({ RoleName: 'ecsInstanceRole', PolicyArn: policy });
    expect((await sim.iam.listAttachedRolePolicies({ RoleName: 'ecsInstanceRole' })).AttachedPolicies).toEqual([{ PolicyName: 'AmazonEC2ContainerServiceforEC2Role', PolicyArn: policy }]);
    await expect(sim.iam.attachRolePolicy({ RoleName: 'ecsInstanceRole', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    await sim.iam.createInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' });
    await sim.iam.addRoleToInstanceProfile({ InstanceProfileName: 'ecsInstanceRole', RoleName: 'ecsInstanceRole' });
    await expect(sim.iam.addRoleToInstanceProfile({ InstanceProfileName: 'ecsInstanceRole', RoleName: 'ecsInstanceRole' })).rejects.toMatchObject({ name: 'LimitExceededException' });
    expect((await sim.iam.getInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' })).InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual(['ecsInstanceRole']);
    await expect(sim.iam.deleteRole({ RoleName: 'ecsInstanceRole' })).rejects.toMatchObject({ name: 'DeleteConflictException' });
    await sim.iam.detachRolePolicy({ RoleName: 'ecsInstanceRole', PolicyArn: policy });
    await sim.iam.removeRoleFromInstanceProfile({ InstanceProfileName: 'ecsInstanceRole', RoleName: 'ecsInstanceRole' });
    await sim.iam.deleteInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' });
    await sim.iam.deleteRole({ RoleName: 'ecsInstanceRole' });
    await sim.iam.createServiceLinkedRole({ AWSServiceName: 'batch.amazonaws.com' });
    await expect(sim.iam.createServiceLinkedRole({ AWSServiceName: 'batch.amazonaws.com' })).rejects.toMatchObject({ name: 'InvalidInputException', message: expect.stringContaining('Service role name AWSServiceRoleForBatch has been taken in this account') });
  });
});

describe('CloudWatch Logs world', () => {
  it('GetLogEvents token semantics: forward returns the same token at the end; backward pages', async () => {
    const { sim, clock } = await newSim();
    await sim.logs.createLogGroup({ logGroupName: '/aws/batch/job' });
    await expect(sim.logs.createLogGroup({ logGroupName: '/aws/batch/job' })).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
    await expect(sim.logs.createLogStream({ logGroupName: '/nope', logStreamName: 's' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await sim.logs.createLogStream({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1' });
    const t = clock.now();
    await sim.logs.putLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', logEvents: [1, 2, 3, 4, 5].map((i) => ({ timestamp: t + i, message: `line ${i}` })) });
    const ev = (r: { events?: { message?: string }[] }) => r.events!.map((e) => e.message);
    const head = await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', startFromHead: true, limit: 2 });
    expect(ev(head)).toEqual(['line 1', 'line 2']);
    const next = await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', startFromHead: true, limit: 10, nextToken: head.nextForwardToken });
    expect(ev(next)).toEqual(['line 3', 'line 4', 'line 5']);
    const end = await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', startFromHead: true, nextToken: next.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(next.nextForwardToken);
    await sim.logs.putLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', logEvents: [{ timestamp: t + 6, message: 'line 6' }] });
    expect(ev(await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', startFromHead: true, nextToken: end.nextForwardToken }))).toEqual(['line 6']);
    const tail = await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', limit: 2 });
    expect(ev(tail)).toEqual(['line 5', 'line 6']);
    const back = await sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: 'jd/default/1', limit: 2, nextToken: tail.nextBackwardToken });
    expect(ev(back)).toEqual(['line 3', 'line 4']);
    expect(tail.nextForwardToken).toMatch(/^f\/\d{56}$/);
  });

  it('FilterLogEvents: patterns, stream selection, pagination; DescribeLogStreams ordering', async () => {
    const { sim, clock } = await newSim();
    await sim.logs.createLogGroup({ logGroupName: 'g' });
    for (const s of ['a', 'b']) {
      await sim.logs.createLogStream({ logGroupName: 'g', logStreamName: s });
      await sim.logs.putLogEvents({ logGroupName: 'g', logStreamName: s, logEvents: [{ timestamp: clock.now(), message: `ERROR in ${s}` }, { timestamp: clock.now() + 1, message: `ok ${s}` }] });
    }
    const errors = await sim.logs.filterLogEvents({ logGroupName: 'g', filterPattern: 'ERROR' });
    expect(errors.events!.map((e) => [e.logStreamName, e.message])).toEqual([['a', 'ERROR in a'], ['b', 'ERROR in b']]);
    expect(errors.nextToken).toBeUndefined();
    expect((await sim.logs.filterLogEvents({ logGroupName: 'g', filterPattern: '?ok -b' })).events!.map((e) => e.message)).toEqual(['ok a']);
    const p1 = await sim.logs.filterLogEvents({ logGroupName: 'g', logStreamNames: ['b'], limit: 1 });
    expect(p1.events!.map((e) => e.message)).toEqual(['ERROR in b']);
    const p2 = await sim.logs.filterLogEvents({ logGroupName: 'g', logStreamNames: ['b'], limit: 1, nextToken: p1.nextToken });
    expect(p2.events!.map((e) => e.message)).toEqual(['ok b']);
    await expect(sim.logs.filterLogEvents({ logGroupName: 'g', logStreamNames: ['a'], logStreamNamePrefix: 'a' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const streams = await sim.logs.describeLogStreams({ logGroupName: 'g', orderBy: 'LogStreamName', descending: true, limit: 1 });
    expect(streams.logStreams!.map((s) => s.logStreamName)).toEqual(['b']);
    expect((await sim.logs.describeLogStreams({ logGroupName: 'g', nextToken: streams.nextToken, descending: true })).logStreams!.map((s) => s.logStreamName)).toEqual(['a']);
    expect((await sim.logs.describeLogGroups({ logGroupNamePrefix: 'g' })).logGroups!.map((g) => g.logGroupName)).toEqual(['g']);
  });
});

describe('EKS world', () => {
  it('has no clusters by default', async () => {
    const { sim } = await newSim();
    expect((await sim.eks.listClusters({})).clusters).toEqual([]);
    await expect(sim.eks.describeCluster({ name: 'c' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
