/**
 * A fresh simulated account: the default VPC (172.31.0.0/16) with a default subnet in three
 * zones, its internet gateway and main route table, the default security group, and the AWS
 * managed IAM policies. No user roles exist: setup wizards create them (docs/simulator.md).
 */
import type { SimCtx } from '../context.js';
import { KIND } from './kinds.js';
import { MANAGED_POLICIES, managedPolicyArn } from './managed-policies.js';

const ZONE_IDS: Record<string, string> = { 'us-east-1': 'use1', 'us-east-2': 'use2', 'us-west-2': 'usw2', 'eu-west-1': 'euw1' };

export function createWorld(ctx: SimCtx): void {
  const { ids, account, region } = ctx;
  const at = ctx.now;
  const put = (kind: string, id: string, body: unknown, extra: { name?: string; arn?: string } = {}) =>
    ctx.resources.insert({ kind, id, createdAt: at, body, ...extra });

  const vpcId = ids.ec2('vpc');
  put(KIND.vpc, vpcId, {
    VpcId: vpcId, OwnerId: account, CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', InstanceTenancy: 'default',
    DhcpOptionsId: ids.ec2('dopt'), CidrBlockAssociationSet: [{ AssociationId: ids.ec2('vpc-cidr-assoc'), CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'associated' } }],
  });
  const zonePrefix = ZONE_IDS[region] ?? region.replace(/-/g, '').slice(0, 4);
  ['a', 'b', 'c'].forEach((letter, i) => {
    const subnetId = ids.ec2('subnet');
    put(KIND.subnet, subnetId, {
      SubnetId: subnetId, VpcId: vpcId, OwnerId: account, CidrBlock: `172.31.${i * 16}.0/20`, AvailabilityZone: `${region}${letter}`,
      AvailabilityZoneId: `${zonePrefix}-az${i + 1}`, AvailableIpAddressCount: 4091, DefaultForAz: true, MapPublicIpOnLaunch: true,
      State: 'available', SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${subnetId}`, AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [],
    });
  });
  const igwId = ids.ec2('igw');
  put(KIND.internetGateway, igwId, { InternetGatewayId: igwId, OwnerId: account, Attachments: [{ VpcId: vpcId, State: 'available' }], Tags: [] });
  const rtbId = ids.ec2('rtb');
  put(KIND.routeTable, rtbId, {
    RouteTableId: rtbId, VpcId: vpcId, OwnerId: account,
    Associations: [{ Main: true, RouteTableAssociationId: ids.ec2('rtbassoc'), RouteTableId: rtbId, AssociationState: { State: 'associated' } }],
    Routes: [
      { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId, Origin: 'CreateRoute', State: 'active' },
    ],
    PropagatingVgws: [], Tags: [],
  });
  const sgId = ids.ec2('sg');
  put(KIND.securityGroup, sgId, {
    GroupId: sgId, GroupName: 'default', Description: 'default VPC security group', VpcId: vpcId, OwnerId: account,
    SecurityGroupArn: `arn:aws:ec2:${region}:${account}:security-group/${sgId}`,
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sgId, UserId: account }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    Tags: [],
  }, { name: 'default' });
  for (const p of MANAGED_POLICIES) {
    const arn = managedPolicyArn(p);
    put(KIND.managedPolicy, arn, {
      PolicyName: p.name, PolicyId: ids.iam('ANPA'), Arn: arn, Path: p.path, DefaultVersionId: 'v1', AttachmentCount: 0,
      IsAttachable: true, Description: p.description, CreateDate: Date.UTC(2015, 0, 1),
    }, { name: p.name, arn });
  }
}
