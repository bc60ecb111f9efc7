/** The EC2 facet: describing the network (network.ts shapes it), security groups and the instance-type catalogue. */
import type * as E from '@aws-sdk/client-ec2';
import { allInstanceTypes, instanceType, type InstanceTypeInfo } from '../../../domain/instance-types.js';
import { AwsShapedError } from '../../../errors.js';
import type { Ec2Api } from '../../port.js';
import type { SimCtx } from '../context.js';
import type { SimRuntime } from '../runtime.js';
import { engineWorld } from '../engine/jobs/process.js';
import { type FilterFields, applyFilters, pageEc2 } from './filters.js';
import { KIND } from './kinds.js';
import { createNetworkOps, endpointWithDates, withDates } from './network.js';

const ec2Error = (code: string, message: string) => new AwsShapedError(code, message, 400);

function all<T>(ctx: SimCtx, kind: string): T[] {
  return ctx.resources.list<T>(kind).map((r) => r.body);
}

/** Picks objects by id; an unknown id is EC2's `<Kind>.NotFound` error. */
function byIds<T>(items: T[], ids: string[] | undefined, idOf: (o: T) => string, notFound: (id: string) => Error): T[] {
  if (!ids?.length) return items;
  for (const id of ids) if (!items.some((o) => idOf(o) === id)) throw notFound(id);
  return items.filter((o) => ids.includes(idOf(o)));
}

const VPC_FILTERS: FilterFields<E.Vpc> = {
  'vpc-id': (v) => [v.VpcId], 'is-default': (v) => [v.IsDefault], 'cidr-block': (v) => [v.CidrBlock], state: (v) => [v.State], 'owner-id': (v) => [v.OwnerId],
};
const SUBNET_FILTERS: FilterFields<E.Subnet> = {
  'subnet-id': (s) => [s.SubnetId], 'vpc-id': (s) => [s.VpcId], 'availability-zone': (s) => [s.AvailabilityZone], 'availability-zone-id': (s) => [s.AvailabilityZoneId],
  'default-for-az': (s) => [s.DefaultForAz], defaultForAz: (s) => [s.DefaultForAz], 'map-public-ip-on-launch': (s) => [s.MapPublicIpOnLaunch],
  'cidr-block': (s) => [s.CidrBlock], state: (s) => [s.State], 'owner-id': (s) => [s.OwnerId],
};
const SG_FILTERS: FilterFields<E.SecurityGroup> = {
  'group-id': (g) => [g.GroupId], 'group-name': (g) => [g.GroupName], 'vpc-id': (g) => [g.VpcId], description: (g) => [g.Description], 'owner-id': (g) => [g.OwnerId],
  'egress.ip-permission.cidr': (g) => (g.IpPermissionsEgress ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => r.CidrIp)),
  'egress.ip-permission.protocol': (g) => (g.IpPermissionsEgress ?? []).map((p) => p.IpProtocol),
};
const RTB_FILTERS: FilterFields<E.RouteTable> = {
  'route-table-id': (t) => [t.RouteTableId], 'vpc-id': (t) => [t.VpcId],
  'association.subnet-id': (t) => (t.Associations ?? []).map((a) => a.SubnetId).filter(Boolean),
  'association.main': (t) => (t.Associations ?? []).map((a) => a.Main ?? false),
  'association.route-table-association-id': (t) => (t.Associations ?? []).map((a) => a.RouteTableAssociationId),
  'route.gateway-id': (t) => (t.Routes ?? []).map((r) => r.GatewayId), 'route.nat-gateway-id': (t) => (t.Routes ?? []).map((r) => r.NatGatewayId),
  'route.destination-cidr-block': (t) => (t.Routes ?? []).map((r) => r.DestinationCidrBlock),
};
const IGW_FILTERS: FilterFields<E.InternetGateway> = {
  'internet-gateway-id': (g) => [g.InternetGatewayId], 'attachment.vpc-id': (g) => (g.Attachments ?? []).map((a) => a.VpcId), 'attachment.state': (g) => (g.Attachments ?? []).map((a) => a.State),
};
const NAT_FILTERS: FilterFields<E.NatGateway> = { 'nat-gateway-id': (n) => [n.NatGatewayId], 'vpc-id': (n) => [n.VpcId], 'subnet-id': (n) => [n.SubnetId], state: (n) => [n.State] };
const VPCE_FILTERS: FilterFields<E.VpcEndpoint> = {
  'vpc-endpoint-id': (v) => [v.VpcEndpointId], 'vpc-id': (v) => [v.VpcId], 'service-name': (v) => [v.ServiceName], 'vpc-endpoint-state': (v) => [v.State], 'vpc-endpoint-type': (v) => [v.VpcEndpointType],
};
const LT_FILTERS: FilterFields<E.LaunchTemplate> = { 'launch-template-name': (l) => [l.LaunchTemplateName], 'launch-template-id': (l) => [l.LaunchTemplateId] };
const IT_FILTERS: FilterFields<E.InstanceTypeInfo> = {
  'instance-type': (t) => [t.InstanceType], 'processor-info.supported-architecture': (t) => t.ProcessorInfo?.SupportedArchitectures ?? [],
  'current-generation': (t) => [t.CurrentGeneration], 'bare-metal': (t) => [t.BareMetal], 'vcpu-info.default-vcpus': (t) => [t.VCpuInfo?.DefaultVCpus],
  'memory-info.size-in-mib': (t) => [t.MemoryInfo?.SizeInMiB],
};

function toInstanceTypeInfo(t: InstanceTypeInfo): E.InstanceTypeInfo {
  const info: E.InstanceTypeInfo = {
    InstanceType: t.name as E._InstanceType, CurrentGeneration: !['m4', 'c4', 'r4'].includes(t.family), BareMetal: t.bareMetal,
    VCpuInfo: { DefaultVCpus: t.vcpus, DefaultCores: t.family === 't3' ? t.vcpus / 2 : Math.max(1, t.vcpus / 2), DefaultThreadsPerCore: t.vcpus > 1 ? 2 : 1 },
    MemoryInfo: { SizeInMiB: t.memoryMiB }, ProcessorInfo: { SupportedArchitectures: [t.architecture as E.ArchitectureType] },
    SupportedUsageClasses: ['on-demand', 'spot'],
  };
  if (t.gpus > 0) {
    info.GpuInfo = { Gpus: [{ Name: t.gpuName, Manufacturer: t.gpuManufacturer, Count: t.gpus, MemoryInfo: { SizeInMiB: t.gpuMemoryMiB } }], TotalGpuMemoryInMiB: t.gpus * (t.gpuMemoryMiB ?? 0) };
  }
  if (t.acceleratorName) {
    info.NeuronInfo = { NeuronDevices: [{ Count: t.accelerators, Name: t.acceleratorName }] };
  }
  return info;
}

export function createEc2Api(rt: SimRuntime): Ec2Api {
  return {
    describeVpcs: (input) => rt.run('ec2.DescribeVpcs', (ctx) => {
      const vpcs = byIds(all<E.Vpc>(ctx, KIND.vpc), input.VpcIds, (v) => v.VpcId!, (id) => ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`));
      const { items, NextToken } = pageEc2(applyFilters(vpcs, input.Filters, VPC_FILTERS), input.MaxResults, input.NextToken);
      return { Vpcs: items, NextToken };
    }),
    describeSubnets: (input) => rt.run('ec2.DescribeSubnets', (ctx) => {
      const subnets = byIds(all<E.Subnet>(ctx, KIND.subnet), input.SubnetIds, (s) => s.SubnetId!, (id) => ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`));
      const { items, NextToken } = pageEc2(applyFilters(subnets, input.Filters, SUBNET_FILTERS), input.MaxResults, input.NextToken);
      return { Subnets: items, NextToken };
    }),
    describeSecurityGroups: (input) => rt.run('ec2.DescribeSecurityGroups', (ctx) => {
      let groups = byIds(all<E.SecurityGroup>(ctx, KIND.securityGroup), input.GroupIds, (g) => g.GroupId!, (id) => ec2Error('InvalidGroup.NotFound', `The security group '${id}' does not exist`));
      if (input.GroupNames?.length) {
        // GroupNames address the default VPC only (spec/07 §10).
        const defaultVpc = all<E.Vpc>(ctx, KIND.vpc).find((v) => v.IsDefault)?.VpcId;
        const inDefault = groups.filter((g) => g.VpcId === defaultVpc);
        for (const n of input.GroupNames) if (!inDefault.some((g) => g.GroupName === n)) throw ec2Error('InvalidGroup.NotFound', `The security group '${n}' does not exist in default VPC '${defaultVpc}'`);
        groups = inDefault.filter((g) => input.GroupNames!.includes(g.GroupName!));
      }
      const { items, NextToken } = pageEc2(applyFilters(groups, input.Filters, SG_FILTERS), input.MaxResults, input.NextToken);
      return { SecurityGroups: items, NextToken };
    }),
    describeRouteTables: (input) => rt.run('ec2.DescribeRouteTables', (ctx) => {
      const tables = byIds(all<E.RouteTable>(ctx, KIND.routeTable), input.RouteTableIds, (t) => t.RouteTableId!, (id) => ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`));
      const { items, NextToken } = pageEc2(applyFilters(tables, input.Filters, RTB_FILTERS), input.MaxResults, input.NextToken, 5, 100);
      return { RouteTables: items, NextToken };
    }),
    describeInternetGateways: (input) => rt.run('ec2.DescribeInternetGateways', (ctx) => {
      const igws = byIds(all<E.InternetGateway>(ctx, KIND.internetGateway), input.InternetGatewayIds, (g) => g.InternetGatewayId!, (id) => ec2Error('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`));
      const { items, NextToken } = pageEc2(applyFilters(igws, input.Filters, IGW_FILTERS), input.MaxResults, input.NextToken);
      return { InternetGateways: items, NextToken };
    }),
    describeNatGateways: (input) => rt.run('ec2.DescribeNatGateways', (ctx) => {
      const nats = byIds(all<E.NatGateway>(ctx, KIND.natGateway), input.NatGatewayIds, (n) => n.NatGatewayId!, (id) => ec2Error('NatGatewayNotFound', `The Nat Gateway ${id} was not found`));
      const { items, NextToken } = pageEc2(applyFilters(nats, input.Filter, NAT_FILTERS), input.MaxResults, input.NextToken);
      return { NatGateways: items.map(withDates), NextToken };
    }),
    describeVpcEndpoints: (input) => rt.run('ec2.DescribeVpcEndpoints', (ctx) => {
      const eps = byIds(all<E.VpcEndpoint>(ctx, KIND.vpcEndpoint), input.VpcEndpointIds, (v) => v.VpcEndpointId!, (id) => ec2Error('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${id}' does not exist`));
      const { items, NextToken } = pageEc2(applyFilters(eps, input.Filters, VPCE_FILTERS), input.MaxResults, input.NextToken);
      return { VpcEndpoints: items.map(endpointWithDates), NextToken };
    }),
    describeInstanceTypes: (input) => rt.run('ec2.DescribeInstanceTypes', () => {
      let types = allInstanceTypes();
      if (input.InstanceTypes?.length) {
        const unknown = input.InstanceTypes.filter((n) => !instanceType(n));
        if (unknown.length) throw ec2Error('InvalidInstanceType', `The following supplied instance types do not exist: [${unknown.join(', ')}]`);
        types = types.filter((t) => input.InstanceTypes!.includes(t.name as E._InstanceType));
      }
      const { items, NextToken } = pageEc2(applyFilters(types.map(toInstanceTypeInfo), input.Filters, IT_FILTERS), input.MaxResults, input.NextToken, 5, 100);
      return { InstanceTypes: items, NextToken };
    }),
    describeLaunchTemplates: (input) => rt.run('ec2.DescribeLaunchTemplates', (ctx) => {
      let lts = byIds(all<E.LaunchTemplate>(ctx, KIND.launchTemplate), input.LaunchTemplateIds, (l) => l.LaunchTemplateId!, (id) => ec2Error('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`));
      lts = byIds(lts, input.LaunchTemplateNames, (l) => l.LaunchTemplateName!, (n) => ec2Error('InvalidLaunchTemplateName.NotFoundException', `At least one of the launch templates specified in the request does not exist. (${n})`));
      const { items, NextToken } = pageEc2(applyFilters(lts, input.Filters, LT_FILTERS), input.MaxResults, input.NextToken, 1, 200);
      return { LaunchTemplates: items, NextToken };
    }),
    createSecurityGroup: (input) => rt.run('ec2.CreateSecurityGroup', (ctx) => {
      const vpcs = all<E.Vpc>(ctx, KIND.vpc);
      const vpcId = input.VpcId ?? vpcs.find((v) => v.IsDefault)?.VpcId;
      if (!vpcs.some((v) => v.VpcId === vpcId)) throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${input.VpcId}' does not exist`);
      if (!input.GroupName) throw ec2Error('MissingParameter', 'The request must contain the parameter groupName');
      if (!input.Description) throw ec2Error('MissingParameter', 'The request must contain the parameter groupDescription');
      if (all<E.SecurityGroup>(ctx, KIND.securityGroup).some((g) => g.VpcId === vpcId && g.GroupName === input.GroupName)) {
        throw ec2Error('InvalidGroup.Duplicate', `The security group '${input.GroupName}' already exists for VPC '${vpcId}'`);
      }
      const id = ctx.ids.ec2('sg');
      const tags = (input.TagSpecifications ?? []).filter((t) => t.ResourceType === 'security-group').flatMap((t) => t.Tags ?? []);
      const arn = `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${id}`;
      const group: E.SecurityGroup = {
        GroupId: id, GroupName: input.GroupName, Description: input.Description, VpcId: vpcId, OwnerId: ctx.account, SecurityGroupArn: arn, IpPermissions: [],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }], Tags: tags,
      };
      ctx.resources.insert({ kind: KIND.securityGroup, id, name: input.GroupName, createdAt: ctx.now, body: group });
      return { GroupId: id, SecurityGroupArn: arn, Tags: tags };
    }),
    deleteSecurityGroup: (input) => rt.run('ec2.DeleteSecurityGroup', (ctx) => {
      const row = input.GroupId
        ? ctx.resources.get<E.SecurityGroup>(KIND.securityGroup, input.GroupId)
        : ctx.resources.list<E.SecurityGroup>(KIND.securityGroup).find((r) => r.body.GroupName === input.GroupName);
      if (!row) throw ec2Error('InvalidGroup.NotFound', `The security group '${input.GroupId ?? input.GroupName}' does not exist`);
      if (row.body.GroupName === 'default') throw ec2Error('CannotDelete', `the specified group: "${row.id}" name: "default" cannot be deleted by a user`);
      const users = ctx.resources.list<{ computeResources?: { securityGroupIds?: string[] } }>(KIND.computeEnvironment)
        .filter((ce) => ce.status !== 'DELETED' && ce.body.computeResources?.securityGroupIds?.includes(row.id));
      if (users.length) throw ec2Error('DependencyViolation', `resource ${row.id} has a dependent object`);
      ctx.resources.delete(row.seq);
      return { Return: true, GroupId: row.id };
    }),
    authorizeSecurityGroupEgress: (input) => rt.run('ec2.AuthorizeSecurityGroupEgress', (ctx) => {
      const row = ctx.resources.get<E.SecurityGroup>(KIND.securityGroup, input.GroupId ?? '');
      if (!row) throw ec2Error('InvalidGroup.NotFound', `The security group '${input.GroupId}' does not exist`);
      const rules: E.SecurityGroupRule[] = [];
      for (const p of input.IpPermissions ?? []) {
        const key = JSON.stringify([p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.map((r) => r.CidrIp)]);
        const exists = (row.body.IpPermissionsEgress ?? []).some((e) => JSON.stringify([e.IpProtocol, e.FromPort, e.ToPort, e.IpRanges?.map((r) => r.CidrIp)]) === key);
        if (exists) throw ec2Error('InvalidPermission.Duplicate', `the specified rule "peer: ${p.IpRanges?.[0]?.CidrIp ?? ''}, ${p.IpProtocol}, ALLOW" already exists`);
        row.body.IpPermissionsEgress = [...(row.body.IpPermissionsEgress ?? []), { Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [], IpRanges: [], ...p }];
        for (const r of p.IpRanges ?? []) {
          rules.push({ SecurityGroupRuleId: ctx.ids.ec2('sgr'), GroupId: row.id, GroupOwnerId: ctx.account, IsEgress: true, IpProtocol: p.IpProtocol, FromPort: p.FromPort ?? -1, ToPort: p.ToPort ?? -1, CidrIpv4: r.CidrIp });
        }
      }
      ctx.resources.update(row);
      // Egress decides whether instances and tasks reach ECS and their registry (docs/simulator.md "Networking").
      engineWorld(ctx).requestPass();
      return { Return: true, SecurityGroupRules: rules };
    }),
    ...createNetworkOps(rt),
  };
}
