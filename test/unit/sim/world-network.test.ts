/** The simulator's network-shaping EC2 calls and EKS clusters: AWS's shapes, errors, state changes. */
import { describe, expect, it } from 'vitest';
import { newSim, type Sim } from './helpers.js';

async function defaultVpc(s: Sim): Promise<string> {
  return (await s.sim.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs![0]!.VpcId!;
}

describe('EC2: VPCs and subnets', () => {
  it('CreateVpc makes a VPC with its main route table (local route) and default security group; DeleteVpc removes them', async () => {
    const { sim } = await newSim();
    const { Vpc } = await sim.ec2.createVpc({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab' }] }] });
    expect(Vpc).toMatchObject({ VpcId: expect.stringMatching(/^vpc-[0-9a-f]{17}$/), CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'pending', Tags: [{ Key: 'Name', Value: 'lab' }] });
    const id = Vpc!.VpcId!;
    expect((await sim.ec2.describeVpcs({ VpcIds: [id] })).Vpcs![0]!.State).toBe('available');
    expect((await sim.ec2.describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['lab'] }] })).Vpcs!.map((v) => v.VpcId)).toEqual([id]);
    const tables = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).RouteTables!;
    expect(tables).toHaveLength(1);
    expect(tables[0]!.Associations).toEqual([expect.objectContaining({ Main: true })]);
    expect(tables[0]!.Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    expect((await sim.ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).SecurityGroups!.map((g) => g.GroupName)).toEqual(['default']);
    await sim.ec2.deleteVpc({ VpcId: id });
    await expect(sim.ec2.describeVpcs({ VpcIds: [id] })).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound' });
    expect((await sim.ec2.describeRouteTables({ Filters: [{ Name: 'vpc-id', Values: [id] }] })).RouteTables).toEqual([]);
    await expect(sim.ec2.deleteVpc({ VpcId: id })).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound', message: `The vpc ID '${id}' does not exist` });
  });

  it('validates CIDRs: malformed, outside /16-/28, outside the VPC, overlapping another subnet', async () => {
    const s = await newSim();
    const { sim } = s;
    await expect(sim.ec2.createVpc({ CidrBlock: '10.0.0.0/8' })).rejects.toMatchObject({ name: 'InvalidVpc.Range', message: "The CIDR '10.0.0.0/8' is invalid." });
    await expect(sim.ec2.createVpc({ CidrBlock: '10.0.0.1/16' })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const vpc = await defaultVpc(s);
    await expect(sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.0.0.0/24' })).rejects.toMatchObject({ name: 'InvalidSubnet.Range', message: "The CIDR '10.0.0.0/24' is invalid." });
    await expect(sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.0.0/24' })).rejects.toMatchObject({ name: 'InvalidSubnet.Conflict', message: "The CIDR '172.31.0.0/24' conflicts with another subnet" });
    await expect(sim.ec2.createSubnet({ VpcId: 'vpc-00000000000000000', CidrBlock: '172.31.96.0/24' })).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound' });
    await expect(sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.96.0/24', AvailabilityZone: 'us-east-1z' })).rejects.toMatchObject({
      name: 'InvalidParameterValue', message: expect.stringContaining('following availability zones: us-east-1a, us-east-1b, us-east-1c'),
    });
    const { Subnet } = await sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.96.0/24', AvailabilityZone: 'us-east-1b' });
    expect(Subnet).toMatchObject({ SubnetId: expect.stringMatching(/^subnet-[0-9a-f]{17}$/), AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2', AvailableIpAddressCount: 251, MapPublicIpOnLaunch: false, DefaultForAz: false, State: 'available' });
    await sim.ec2.modifySubnetAttribute({ SubnetId: Subnet!.SubnetId, MapPublicIpOnLaunch: { Value: true } });
    expect((await sim.ec2.describeSubnets({ SubnetIds: [Subnet!.SubnetId!] })).Subnets![0]!.MapPublicIpOnLaunch).toBe(true);
  });

  it('a VPC is only deleted once its subnets, gateways and route tables are gone (DependencyViolation)', async () => {
    const { sim } = await newSim();
    const vpc = (await sim.ec2.createVpc({ CidrBlock: '10.1.0.0/16' })).Vpc!.VpcId!;
    const subnet = (await sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.1.1.0/24' })).Subnet!.SubnetId!;
    const igw = (await sim.ec2.createInternetGateway({})).InternetGateway!.InternetGatewayId!;
    await sim.ec2.attachInternetGateway({ InternetGatewayId: igw, VpcId: vpc });
    const rtb = (await sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
    const assoc = (await sim.ec2.associateRouteTable({ RouteTableId: rtb, SubnetId: subnet })).AssociationId!;
    const blocked = { name: 'DependencyViolation', message: `The vpc '${vpc}' has dependencies and cannot be deleted.` };
    await expect(sim.ec2.deleteVpc({ VpcId: vpc })).rejects.toMatchObject(blocked);
    await expect(sim.ec2.deleteRouteTable({ RouteTableId: rtb })).rejects.toMatchObject({ name: 'DependencyViolation', message: `The routeTable '${rtb}' has dependencies and cannot be deleted.` });
    await expect(sim.ec2.deleteInternetGateway({ InternetGatewayId: igw })).rejects.toMatchObject({ name: 'DependencyViolation' });
    await sim.ec2.deleteSubnet({ SubnetId: subnet });
    await expect(sim.ec2.disassociateRouteTable({ AssociationId: assoc })).rejects.toMatchObject({ name: 'InvalidAssociationID.NotFound' });
    await expect(sim.ec2.deleteVpc({ VpcId: vpc })).rejects.toMatchObject(blocked);
    await sim.ec2.detachInternetGateway({ InternetGatewayId: igw, VpcId: vpc });
    await expect(sim.ec2.detachInternetGateway({ InternetGatewayId: igw, VpcId: vpc })).rejects.toMatchObject({ name: 'Gateway.NotAttached' });
    await sim.ec2.deleteInternetGateway({ InternetGatewayId: igw });
    await expect(sim.ec2.deleteVpc({ VpcId: vpc })).rejects.toMatchObject(blocked);
    await sim.ec2.deleteRouteTable({ RouteTableId: rtb });
    await sim.ec2.deleteVpc({ VpcId: vpc });
  });
});

describe('EC2: route tables, routes, gateways', () => {
  it('a private subnet: its own route table with the local route only; routes, associations and their errors', async () => {
    const s = await newSim();
    const { sim } = s;
    const vpc = await defaultVpc(s);
    const subnet = (await sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.128.0/20', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
    const rtb = (await sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!;
    expect(rtb.Routes).toEqual([{ DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    const { AssociationId, AssociationState } = await sim.ec2.associateRouteTable({ RouteTableId: rtb.RouteTableId, SubnetId: subnet });
    expect(AssociationId).toMatch(/^rtbassoc-/);
    expect(AssociationState).toEqual({ State: 'associated' });
    await expect(sim.ec2.associateRouteTable({ RouteTableId: rtb.RouteTableId, SubnetId: subnet })).rejects.toMatchObject({ name: 'Resource.AlreadyAssociated' });
    const found = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] })).RouteTables!;
    expect(found.map((t) => t.RouteTableId)).toEqual([rtb.RouteTableId]);
    await expect(sim.ec2.deleteRoute({ RouteTableId: rtb.RouteTableId, DestinationCidrBlock: '172.31.0.0/16' })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('cannot remove local route') });
    await expect(sim.ec2.deleteRoute({ RouteTableId: rtb.RouteTableId, DestinationCidrBlock: '0.0.0.0/0' })).rejects.toMatchObject({ name: 'InvalidRoute.NotFound' });
    await expect(sim.ec2.createRoute({ RouteTableId: rtb.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-00000000000000000' })).rejects.toMatchObject({ name: 'InvalidGatewayID.NotFound' });
    const other = (await sim.ec2.createInternetGateway({})).InternetGateway!.InternetGatewayId!;
    await expect(sim.ec2.createRoute({ RouteTableId: rtb.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: other })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: expect.stringContaining('belong to different networks') });
    const mainAssoc = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.main', Values: ['true'] }, { Name: 'vpc-id', Values: [vpc] }] })).RouteTables![0]!.Associations![0]!.RouteTableAssociationId!;
    await expect(sim.ec2.disassociateRouteTable({ AssociationId: mainAssoc })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await sim.ec2.disassociateRouteTable({ AssociationId });
    expect((await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] })).RouteTables).toEqual([]);
    await expect(sim.ec2.attachInternetGateway({ InternetGatewayId: other, VpcId: vpc })).rejects.toMatchObject({ name: 'Resource.AlreadyAssociated', message: `Network ${vpc} already has an internet gateway attached` });
  });

  it('a NAT gateway is pending, then available; a route to it; deleted, the route turns blackhole', async () => {
    const s = await newSim();
    const { sim, clock } = s;
    const vpc = await defaultVpc(s);
    await expect(sim.ec2.createNatGateway({ SubnetId: s.subnets[0] })).rejects.toMatchObject({ name: 'MissingParameter' });
    const nat = (await sim.ec2.createNatGateway({ SubnetId: s.subnets[0], AllocationId: 'eipalloc-0123456789abcdef0' })).NatGateway!;
    expect(nat).toMatchObject({ NatGatewayId: expect.stringMatching(/^nat-[0-9a-f]{17}$/), State: 'pending', VpcId: vpc, ConnectivityType: 'public', CreateTime: expect.any(Date) });
    const rtb = (await sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
    await sim.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId });
    await expect(sim.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId })).rejects.toMatchObject({ name: 'RouteAlreadyExists', message: 'The route identified by 0.0.0.0/0 already exists.' });
    clock.advance(120_000);
    expect((await sim.ec2.describeNatGateways({ NatGatewayIds: [nat.NatGatewayId!] })).NatGateways![0]!.State).toBe('available');
    await expect(sim.ec2.deleteSubnet({ SubnetId: s.subnets[0] })).rejects.toMatchObject({ name: 'DependencyViolation' });
    expect(await sim.ec2.deleteNatGateway({ NatGatewayId: nat.NatGatewayId })).toEqual({ NatGatewayId: nat.NatGatewayId });
    expect((await sim.ec2.describeNatGateways({ Filter: [{ Name: 'state', Values: ['deleting'] }] })).NatGateways).toHaveLength(1);
    clock.advance(120_000);
    expect((await sim.ec2.describeNatGateways({})).NatGateways![0]).toMatchObject({ State: 'deleted', DeleteTime: expect.any(Date) });
    const routes = (await sim.ec2.describeRouteTables({ RouteTableIds: [rtb] })).RouteTables![0]!.Routes!;
    expect(routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toMatchObject({ NatGatewayId: nat.NatGatewayId, State: 'blackhole' });
    clock.advance(2 * 3_600_000);
    expect((await sim.ec2.describeNatGateways({})).NatGateways).toEqual([]);
    await expect(sim.ec2.deleteNatGateway({ NatGatewayId: nat.NatGatewayId })).rejects.toMatchObject({ name: 'NatGatewayNotFound' });
  });

  it('VPC endpoints: a Gateway endpoint adds a prefix-list route; Interface ones are pending then available; DeleteVpcEndpoints reports unknown ids', async () => {
    const s = await newSim();
    const { sim, clock } = s;
    const vpc = await defaultVpc(s);
    const rtb = (await sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
    await expect(sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.nope' })).rejects.toMatchObject({ name: 'InvalidServiceName' });
    await expect(sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.ecr.api', VpcEndpointType: 'Gateway' })).rejects.toMatchObject({ name: 'InvalidParameter' });
    const s3 = (await sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [rtb] })).VpcEndpoint!;
    expect(s3).toMatchObject({ VpcEndpointType: 'Gateway', State: 'available', RouteTableIds: [rtb] });
    const route = (await sim.ec2.describeRouteTables({ RouteTableIds: [rtb] })).RouteTables![0]!.Routes!.find((r) => r.GatewayId === s3.VpcEndpointId);
    expect(route).toMatchObject({ DestinationPrefixListId: expect.stringMatching(/^pl-/), State: 'active' });
    await expect(sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', VpcEndpointType: 'Interface', SubnetIds: [s.subnets[0]!, s.subnets[0]!] }))
      .rejects.toMatchObject({ name: 'DuplicateSubnetsInSameZone' });
    const ecr = (await sim.ec2.createVpcEndpoint({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', VpcEndpointType: 'Interface', SubnetIds: s.subnets.slice(0, 2) })).VpcEndpoint!;
    expect(ecr).toMatchObject({ State: 'pending', PrivateDnsEnabled: true, Groups: [{ GroupId: s.sg, GroupName: 'default' }] });
    clock.advance(60_000);
    expect((await sim.ec2.describeVpcEndpoints({ VpcEndpointIds: [ecr.VpcEndpointId!] })).VpcEndpoints![0]!.State).toBe('available');
    const out = await sim.ec2.deleteVpcEndpoints({ VpcEndpointIds: [s3.VpcEndpointId!, ecr.VpcEndpointId!, 'vpce-00000000000000000'] });
    expect(out.Unsuccessful).toEqual([{ ResourceId: 'vpce-00000000000000000', Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: "The Vpc Endpoint Id 'vpce-00000000000000000' does not exist" } }]);
    expect((await sim.ec2.describeRouteTables({ RouteTableIds: [rtb] })).RouteTables![0]!.Routes).toHaveLength(1);
    clock.advance(60_000);
    expect((await sim.ec2.describeVpcEndpoints({})).VpcEndpoints).toEqual([]);
  });
});

describe('EKS clusters', () => {
  const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

  it('CreateCluster: CREATING, then ACTIVE with endpoint and certificate authority; an EKS CE on it goes VALID; DeleteCluster: DELETING, then gone', async () => {
    const s = await newSim();
    const { sim, clock } = s;
    const roleArn = (await sim.iam.createRole({ RoleName: 'eks-cluster', AssumeRolePolicyDocument: trust('eks.amazonaws.com') })).Role!.Arn!;
    const subnets = [...s.subnets].sort().slice(0, 2);
    const { cluster } = await sim.eks.createCluster({ name: 'lab', version: '1.30', roleArn, resourcesVpcConfig: { subnetIds: subnets } });
    expect(cluster).toMatchObject({ name: 'lab', arn: 'arn:aws:eks:us-east-1:123456789012:cluster/lab', status: 'CREATING', version: '1.30', roleArn, createdAt: expect.any(Date) });
    expect(cluster!.endpoint).toBeUndefined();
    const sgId = cluster!.resourcesVpcConfig!.clusterSecurityGroupId!;
    const sg = (await sim.ec2.describeSecurityGroups({ GroupIds: [sgId] })).SecurityGroups![0]!;
    expect(sg.GroupName).toMatch(/^eks-cluster-sg-lab-\d{10}$/);
    await expect(sim.eks.createCluster({ name: 'lab', roleArn, resourcesVpcConfig: { subnetIds: subnets } })).rejects.toMatchObject({ name: 'ResourceInUseException', message: 'Cluster already exists with name: lab' });
    await expect(sim.eks.deleteCluster({ name: 'lab' })).rejects.toMatchObject({ name: 'ResourceInUseException' });

    const profile = await s.instanceProfile('eks-node');
    const ce = { computeEnvironmentName: 'eks-ce', type: 'MANAGED' as const, eksConfiguration: { eksClusterArn: cluster!.arn!, kubernetesNamespace: 'batch' }, computeResources: { type: 'EC2' as const, maxvCpus: 8, minvCpus: 0, instanceTypes: ['m5'], subnets, securityGroupIds: [sgId], instanceRole: profile } };
    await sim.batch.createComputeEnvironment(ce);
    clock.advance(60_000);
    const early = (await sim.batch.describeComputeEnvironments({ computeEnvironments: ['eks-ce'] })).computeEnvironments![0]!;
    expect(early).toMatchObject({ status: 'INVALID', statusReason: `CLIENT_ERROR - EKS cluster ${cluster!.arn} is not ACTIVE (status CREATING)` });

    clock.advance(10 * 60_000);
    const active = (await sim.eks.describeCluster({ name: 'lab' })).cluster!;
    expect(active.status).toBe('ACTIVE');
    expect(active.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
    expect(Buffer.from(active.certificateAuthority!.data!, 'base64').toString()).toContain('BEGIN CERTIFICATE');
    await sim.batch.createComputeEnvironment({ ...ce, computeEnvironmentName: 'eks-ce-2' });
    clock.advance(60_000);
    expect((await sim.batch.describeComputeEnvironments({ computeEnvironments: ['eks-ce-2'] })).computeEnvironments![0]).toMatchObject({ status: 'VALID' });

    expect((await sim.eks.deleteCluster({ name: 'lab' })).cluster!.status).toBe('DELETING');
    expect((await sim.eks.listClusters({})).clusters).toEqual(['lab']);
    clock.advance(5 * 60_000);
    expect((await sim.eks.listClusters({})).clusters).toEqual([]);
    await expect(sim.eks.describeCluster({ name: 'lab' })).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'No cluster found for name: lab.' });
    await expect(sim.ec2.describeSecurityGroups({ GroupIds: [sgId] })).rejects.toMatchObject({ name: 'InvalidGroup.NotFound' });
  });

  it('CreateCluster checks the version, the role and its trust, and the subnets (two zones)', async () => {
    const s = await newSim();
    const { sim } = s;
    const roleArn = (await sim.iam.createRole({ RoleName: 'eks-cluster', AssumeRolePolicyDocument: trust('eks.amazonaws.com') })).Role!.Arn!;
    const ec2Role = (await sim.iam.createRole({ RoleName: 'not-eks', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') })).Role!.Arn!;
    const subnets = [...s.subnets].sort();
    const vpc = { subnetIds: subnets.slice(0, 2) };
    await expect(sim.eks.createCluster({ name: 'x', version: '1.10', roleArn, resourcesVpcConfig: vpc })).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'unsupported Kubernetes version 1.10' });
    await expect(sim.eks.createCluster({ name: 'x', roleArn: ec2Role, resourcesVpcConfig: vpc })).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('could not be assumed') });
    await expect(sim.eks.createCluster({ name: 'x', roleArn: 'arn:aws:iam::123456789012:role/nope', resourcesVpcConfig: vpc })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(sim.eks.createCluster({ name: 'x', roleArn, resourcesVpcConfig: { subnetIds: subnets.slice(0, 1) } })).rejects.toMatchObject({ message: 'Subnets specified must be in at least two different AZs' });
    await expect(sim.eks.createCluster({ name: 'x', roleArn, resourcesVpcConfig: { subnetIds: ['subnet-00000000000000000', subnets[0]!] } })).rejects.toMatchObject({ message: expect.stringContaining('InvalidSubnetID.NotFound') });
    await expect(sim.eks.createCluster({ name: '-bad', roleArn, resourcesVpcConfig: vpc })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect((await sim.eks.createCluster({ name: 'x', roleArn, resourcesVpcConfig: vpc })).cluster!.version).toBe('1.33');
    await expect(sim.eks.deleteCluster({ name: 'nope' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
