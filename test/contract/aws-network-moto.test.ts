/**
 * The network-shaping EC2 calls and EKS CreateCluster/DeleteCluster through the AWS backend, against
 * a local moto server: a VPC with a private subnet whose own route table has no route out, and
 * `batchctl network check` failing on it over the real SDK wire protocol; then an internet gateway
 * route and the same check passing. Moto deviations are pinned where they appear.
 *
 * Without python3 + moto the file is skipped with a loud message; BATCHCTL_REQUIRE_MOTO=1 fails it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/backend/aws/index.js';
import { runWithBackend } from '../helpers/run-with-backend.js';
import { skipWithoutMoto, startMoto, useFakeAwsEnv, type MotoServer } from '../helpers/moto.js';

const skip = skipWithoutMoto('test/contract/aws-network-moto.test.ts');

let moto: MotoServer;
let backend: AwsBackend;
let restoreEnv: () => void;

beforeAll(async () => {
  if (skip) return;
  restoreEnv = useFakeAwsEnv();
  moto = await startMoto();
  backend = await createAwsBackend({ region: 'us-east-1', endpointUrl: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 2 });
});

afterAll(async () => {
  await backend?.close();
  await moto?.stop();
  restoreEnv?.();
});

/** Runs batchctl against moto; resolves to the exit code and the output. */
const cli = (...argv: string[]) => runWithBackend(backend, argv);

describe.skipIf(skip)('network shaping over the AWS backend (moto)', () => {
  let vpc = '';
  let subnet = '';
  let rtb = '';
  let sg = '';

  it('CreateVpc, CreateSubnet, CreateRouteTable, AssociateRouteTable: a private subnet with no route out', async () => {
    vpc = (await backend.ec2.createVpc({ CidrBlock: '10.20.0.0/16' })).Vpc!.VpcId!;
    expect(vpc).toMatch(/^vpc-/);
    subnet = (await backend.ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.20.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
    await backend.ec2.modifySubnetAttribute({ SubnetId: subnet, MapPublicIpOnLaunch: { Value: false } });
    rtb = (await backend.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
    const assoc = await backend.ec2.associateRouteTable({ RouteTableId: rtb, SubnetId: subnet });
    expect(assoc.AssociationId).toMatch(/^rtbassoc-/);
    sg = (await backend.ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups![0]!.GroupId!;
    // EC2's own validation, as the simulator gives it.
    await expect(backend.ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.20.1.0/25' })).rejects.toMatchObject({ name: 'InvalidSubnet.Conflict' });
    await expect(backend.ec2.createSubnet({ VpcId: vpc, CidrBlock: '10.99.0.0/24' })).rejects.toMatchObject({ name: 'InvalidSubnet.Range' });
    await expect(backend.ec2.deleteVpc({ VpcId: vpc })).rejects.toMatchObject({ name: 'DependencyViolation' });
  });

  it('network check FAILs the subnet through the AWS backend, naming the route table', async () => {
    const r = await cli('network', 'check', '--platform', 'ec2', '--subnets', subnet, '--security-groups', sg);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`FAIL  ${subnet} can reach ECR, ECS and CloudWatch Logs\n      route table ${rtb} (explicit association)\n      ${rtb}: no 0.0.0.0/0 route\n`);
  });

  it('an internet gateway, a 0.0.0.0/0 route and public IPs make the reachability check pass', async () => {
    const igw = (await backend.ec2.createInternetGateway({})).InternetGateway!.InternetGatewayId!;
    await backend.ec2.attachInternetGateway({ InternetGatewayId: igw, VpcId: vpc });
    await backend.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
    await expect(backend.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw })).rejects.toMatchObject({ name: 'RouteAlreadyExists' });
    // A route to an internet gateway is not enough on its own: instances need public IPs too.
    await backend.ec2.modifySubnetAttribute({ SubnetId: subnet, MapPublicIpOnLaunch: { Value: true } });
    const r = await cli('network', 'check', '--platform', 'ec2', '--subnets', subnet, '--security-groups', sg, '-o', 'json');
    const egress = JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id.startsWith('network.egress'));
    expect(egress.verdict, JSON.stringify(egress.evidence)).toBe('PASS');
    // Tear down in dependency order.
    await backend.ec2.deleteRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0' });
    await backend.ec2.detachInternetGateway({ InternetGatewayId: igw, VpcId: vpc });
    await backend.ec2.deleteInternetGateway({ InternetGatewayId: igw });
    await backend.ec2.disassociateRouteTable({ AssociationId: (await backend.ec2.describeRouteTables({ RouteTableIds: [rtb] })).RouteTables![0]!.Associations![0]!.RouteTableAssociationId! });
    await backend.ec2.deleteRouteTable({ RouteTableId: rtb });
    await backend.ec2.deleteSubnet({ SubnetId: subnet });
    await backend.ec2.deleteVpc({ VpcId: vpc });
    await expect(backend.ec2.describeVpcs({ VpcIds: [vpc] })).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound' });
  });

  it('VPC endpoints: a Gateway endpoint on a route table; DeleteVpcEndpoints', async () => {
    const v = (await backend.ec2.createVpc({ CidrBlock: '10.30.0.0/16' })).Vpc!.VpcId!;
    const t = (await backend.ec2.createRouteTable({ VpcId: v })).RouteTable!.RouteTableId!;
    const ep = (await backend.ec2.createVpcEndpoint({ VpcId: v, ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', RouteTableIds: [t] })).VpcEndpoint!;
    expect(ep.VpcEndpointId).toMatch(/^vpce-/);
    const out = await backend.ec2.deleteVpcEndpoints({ VpcEndpointIds: [ep.VpcEndpointId!] });
    expect(out.Unsuccessful ?? []).toEqual([]);
  });

  it('EKS CreateCluster / DescribeCluster / DeleteCluster', async () => {
    const v = (await backend.ec2.createVpc({ CidrBlock: '10.40.0.0/16' })).Vpc!.VpcId!;
    const a = (await backend.ec2.createSubnet({ VpcId: v, CidrBlock: '10.40.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
    const b = (await backend.ec2.createSubnet({ VpcId: v, CidrBlock: '10.40.2.0/24', AvailabilityZone: 'us-east-1b' })).Subnet!.SubnetId!;
    const { cluster } = await backend.eks.createCluster({ name: 'lab', version: '1.30', roleArn: 'arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig: { subnetIds: [a, b] } });
    expect(cluster).toMatchObject({ name: 'lab', arn: expect.stringMatching(/^arn:aws:eks:us-east-1:\d{12}:cluster\/lab$/), version: '1.30' });
    // AWS answers CREATING and turns ACTIVE minutes later (the simulator too); moto deviation: it may answer ACTIVE at once.
    expect(['CREATING', 'ACTIVE']).toContain(cluster!.status);
    await expect(backend.eks.createCluster({ name: 'lab', roleArn: 'arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig: { subnetIds: [a, b] } })).rejects.toMatchObject({ name: 'ResourceInUseException' });
    expect((await backend.eks.listClusters({})).clusters).toContain('lab');
    await backend.eks.deleteCluster({ name: 'lab' });
    await expect(backend.eks.describeCluster({ name: 'lab' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
