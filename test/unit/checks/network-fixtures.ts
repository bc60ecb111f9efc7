/** SDK-shaped EC2 outputs: a default VPC with an internet gateway, plus a private VPC. */
import type * as E from '@aws-sdk/client-ec2';
import type { NetworkFacts } from '../../../src/domain/checks/network.js';

export const REGION = 'us-east-1';

const subnet = (id: string, vpc: string, az: string, publicIp: boolean, cidr: string): E.Subnet => ({
  SubnetId: id,
  VpcId: vpc,
  AvailabilityZone: az,
  CidrBlock: cidr,
  AvailableIpAddressCount: 4091,
  DefaultForAz: vpc === 'vpc-0default',
  MapPublicIpOnLaunch: publicIp,
  State: 'available',
});

export const SUBNETS: E.Subnet[] = [
  subnet('subnet-0pub1a', 'vpc-0default', 'us-east-1a', true, '172.31.0.0/20'),
  subnet('subnet-0pub1b', 'vpc-0default', 'us-east-1b', true, '172.31.16.0/20'),
  subnet('subnet-0priv1a', 'vpc-0private', 'us-east-1a', false, '10.0.1.0/24'),
  subnet('subnet-0nat1b', 'vpc-0private', 'us-east-1b', false, '10.0.2.0/24'),
  subnet('subnet-0endp1c', 'vpc-0private', 'us-east-1c', false, '10.0.3.0/24'),
];

const local = (cidr: string): E.Route => ({ DestinationCidrBlock: cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' });

export const ROUTE_TABLES: E.RouteTable[] = [
  {
    // The default VPC's main table: subnets are implicitly associated, so no SubnetId appears.
    RouteTableId: 'rtb-0defmain',
    VpcId: 'vpc-0default',
    Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-0main', RouteTableId: 'rtb-0defmain' }],
    Routes: [local('172.31.0.0/16'), { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0abc', Origin: 'CreateRoute', State: 'active' }],
  },
  {
    RouteTableId: 'rtb-0privmain',
    VpcId: 'vpc-0private',
    Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-1', RouteTableId: 'rtb-0privmain' }],
    Routes: [local('10.0.0.0/16')],
  },
  {
    RouteTableId: 'rtb-0nat',
    VpcId: 'vpc-0private',
    Associations: [{ Main: false, SubnetId: 'subnet-0nat1b', RouteTableAssociationId: 'rtbassoc-2', RouteTableId: 'rtb-0nat' }],
    Routes: [local('10.0.0.0/16'), { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123', Origin: 'CreateRoute', State: 'active' }],
  },
  {
    RouteTableId: 'rtb-0endp',
    VpcId: 'vpc-0private',
    Associations: [{ Main: false, SubnetId: 'subnet-0endp1c', RouteTableAssociationId: 'rtbassoc-3', RouteTableId: 'rtb-0endp' }],
    Routes: [local('10.0.0.0/16'), { DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-0s3', Origin: 'CreateRoute', State: 'active' }],
  },
];

export const NATS: E.NatGateway[] = [{ NatGatewayId: 'nat-0123', VpcId: 'vpc-0private', SubnetId: 'subnet-0pubx', State: 'available' }];

const iface = (id: string, svc: string): E.VpcEndpoint => ({
  VpcEndpointId: id,
  VpcEndpointType: 'Interface',
  VpcId: 'vpc-0private',
  ServiceName: `com.amazonaws.${REGION}.${svc}`,
  State: 'available' as E.State, // the wire value; the SDK's enum spells it 'Available'
  PrivateDnsEnabled: true,
  SubnetIds: ['subnet-0endp1c'],
});

export const ENDPOINTS: E.VpcEndpoint[] = [
  iface('vpce-0ecrapi', 'ecr.api'),
  iface('vpce-0ecrdkr', 'ecr.dkr'),
  iface('vpce-0logs', 'logs'),
  iface('vpce-0ecs', 'ecs'),
  {
    VpcEndpointId: 'vpce-0s3',
    VpcEndpointType: 'Gateway',
    VpcId: 'vpc-0private',
    ServiceName: `com.amazonaws.${REGION}.s3`,
    State: 'available' as E.State,
    RouteTableIds: ['rtb-0endp'],
  },
];

const allOut: E.IpPermission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };

export const SGS: E.SecurityGroup[] = [
  { GroupId: 'sg-0default', GroupName: 'default', VpcId: 'vpc-0default', IpPermissions: [
    { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0default' }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
  ], IpPermissionsEgress: [allOut] },
  { GroupId: 'sg-0http-only', GroupName: 'http-only', VpcId: 'vpc-0default', IpPermissions: [], IpPermissionsEgress: [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
  ] },
  { GroupId: 'sg-0ssh', GroupName: 'ssh-open', VpcId: 'vpc-0default', IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'anywhere' }] },
  ], IpPermissionsEgress: [allOut] },
  { GroupId: 'sg-0private', GroupName: 'batch', VpcId: 'vpc-0private', IpPermissions: [], IpPermissionsEgress: [
    { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
  ] },
];

/** Everything, as if every read had been made (the evaluator filters by the target's ids). */
export function allFacts(): NetworkFacts {
  return {
    subnets: { Subnets: SUBNETS },
    routeTables: { RouteTables: ROUTE_TABLES },
    securityGroups: { SecurityGroups: SGS },
    natGateways: { NatGateways: NATS },
    vpcEndpoints: { VpcEndpoints: ENDPOINTS },
  };
}
