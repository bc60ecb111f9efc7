/**
 * The EC2 calls that shape a network: VPCs, subnets, route tables and their routes and
 * associations, internet gateways, NAT gateways and VPC endpoints, with EC2's validation, error
 * codes and messages (DependencyViolation, InvalidSubnet.Conflict, InvalidVpcID.NotFound, ...).
 * NAT gateways and Interface endpoints go pending -> available after a simulated delay
 * (transitions.ts); deleting one leaves routes to it as `blackhole`, as EC2 does.
 */
import { sha256 } from '../hash.js';
import type * as E from '@aws-sdk/client-ec2';
import { AwsShapedError } from '../../../errors.js';
import type { Ec2Api } from '../../port.js';
import type { SimCtx } from '../context.js';
import type { SimRuntime } from '../runtime.js';
import { engineWorld } from '../engine/jobs/process.js';
import type { ResourceRow } from '../store/resources.js';
import { cidrContains, cidrOverlaps, parseCidr, usableAddresses, type Cidr } from './cidr.js';
import { KIND } from './kinds.js';
import { WORLD_TIMING } from './timings.js';

type NetworkOps = Pick<Ec2Api,
  | 'createVpc' | 'deleteVpc' | 'createSubnet' | 'deleteSubnet' | 'modifySubnetAttribute'
  | 'createRouteTable' | 'deleteRouteTable' | 'associateRouteTable' | 'disassociateRouteTable' | 'createRoute' | 'deleteRoute'
  | 'createInternetGateway' | 'attachInternetGateway' | 'detachInternetGateway' | 'deleteInternetGateway'
  | 'createNatGateway' | 'deleteNatGateway' | 'createVpcEndpoint' | 'deleteVpcEndpoints'>;

const ec2Error = (code: string, message: string) => new AwsShapedError(code, message, 400);
const missing = (param: string) => ec2Error('MissingParameter', `The request must contain the parameter ${param}`);

/** The quota "VPCs per Region" (default 5, the default VPC included). */
export const VPC_QUOTA = 5;
/** Services a VPC endpoint can name (`com.amazonaws.<region>.<service>`); Gateway type only for s3 and dynamodb. */
const ENDPOINT_SERVICES = ['s3', 'dynamodb', 'ecr.api', 'ecr.dkr', 'ecs', 'ecs-agent', 'ecs-telemetry', 'logs', 'sts', 'ssm', 'ssmmessages', 'ec2messages', 'ec2', 'secretsmanager', 'eks', 'elasticloadbalancing', 'autoscaling'];
const GATEWAY_SERVICES = ['s3', 'dynamodb'];
/** VPC endpoint states as EC2 sends them on the wire (lower case; the SDK's enum is capitalised). */
export const EP = { pending: 'pending', available: 'available', deleting: 'deleting' } as unknown as Record<'pending' | 'available' | 'deleting', E.State>;

function rows<T>(ctx: SimCtx, kind: string): ResourceRow<T>[] {
  return ctx.resources.list<T>(kind);
}

function tagsFor(spec: E.TagSpecification[] | undefined, type: string): E.Tag[] {
  return (spec ?? []).filter((t) => t.ResourceType === type).flatMap((t) => t.Tags ?? []);
}

function requireVpc(ctx: SimCtx, id: string | undefined): ResourceRow<E.Vpc> {
  if (!id) throw missing('vpcId');
  const row = ctx.resources.get<E.Vpc>(KIND.vpc, id);
  if (!row) throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  return row;
}

function requireSubnet(ctx: SimCtx, id: string | undefined): ResourceRow<E.Subnet> {
  if (!id) throw missing('subnetId');
  const row = ctx.resources.get<E.Subnet>(KIND.subnet, id);
  if (!row) throw ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  return row;
}

function requireRouteTable(ctx: SimCtx, id: string | undefined): ResourceRow<E.RouteTable> {
  if (!id) throw missing('routeTableId');
  const row = ctx.resources.get<E.RouteTable>(KIND.routeTable, id);
  if (!row) throw ec2Error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
  return row;
}

function requireIgw(ctx: SimCtx, id: string | undefined): ResourceRow<E.InternetGateway> {
  if (!id) throw missing('internetGatewayId');
  const row = ctx.resources.get<E.InternetGateway>(KIND.internetGateway, id);
  if (!row) throw ec2Error('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`);
  return row;
}

/** The zones of the simulated region (the default VPC's subnets name them). */
function zones(ctx: SimCtx): { name: string; id: string }[] {
  const seen = new Map<string, string>();
  for (const s of rows<E.Subnet>(ctx, KIND.subnet)) if (s.body.DefaultForAz) seen.set(s.body.AvailabilityZone!, s.body.AvailabilityZoneId!);
  if (seen.size === 0) for (const l of ['a', 'b', 'c']) seen.set(`${ctx.region}${l}`, `${ctx.region}-az-${l}`);
  return [...seen.entries()].sort().map(([name, id]) => ({ name, id }));
}

function vpcCidrs(vpc: E.Vpc): Cidr[] {
  const blocks = (vpc.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock).filter(Boolean) as string[];
  return (blocks.length ? blocks : [vpc.CidrBlock!]).map((b) => parseCidr(b)!).filter(Boolean);
}

/** Every route whose target is `target` becomes `blackhole` (a deleted NAT gateway, a detached internet gateway). */
export function blackholeRoutes(ctx: SimCtx, target: string): void {
  for (const t of rows<E.RouteTable>(ctx, KIND.routeTable)) {
    let changed = false;
    for (const r of t.body.Routes ?? []) {
      if ((r.GatewayId === target || r.NatGatewayId === target) && r.State !== 'blackhole') {
        r.State = 'blackhole';
        changed = true;
      }
    }
    if (changed) ctx.resources.update(t);
  }
}

function newRouteTable(ctx: SimCtx, vpc: E.Vpc, main: boolean, tags: E.Tag[]): E.RouteTable {
  const id = ctx.ids.ec2('rtb');
  const table: E.RouteTable = {
    RouteTableId: id, VpcId: vpc.VpcId, OwnerId: ctx.account,
    Associations: main ? [{ Main: true, RouteTableAssociationId: ctx.ids.ec2('rtbassoc'), RouteTableId: id, AssociationState: { State: 'associated' } }] : [],
    Routes: vpcCidrs(vpc).map((_c, i) => ({ DestinationCidrBlock: (vpc.CidrBlockAssociationSet?.[i]?.CidrBlock ?? vpc.CidrBlock)!, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' })),
    PropagatingVgws: [], Tags: tags,
  };
  ctx.resources.insert({ kind: KIND.routeTable, id, createdAt: ctx.now, body: table });
  return table;
}

function createVpc(ctx: SimCtx, input: E.CreateVpcRequest): E.CreateVpcResult {
  if (!input.CidrBlock) throw missing('cidrBlock');
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw ec2Error('InvalidParameterValue', `Value (${input.CidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw ec2Error('InvalidVpc.Range', `The CIDR '${input.CidrBlock}' is invalid.`);
  if (input.InstanceTenancy && !['default', 'dedicated'].includes(input.InstanceTenancy)) {
    throw ec2Error('InvalidParameterValue', `Value (${input.InstanceTenancy}) for parameter instanceTenancy is invalid.`);
  }
  if (ctx.resources.count(KIND.vpc) >= VPC_QUOTA) throw ec2Error('VpcLimitExceeded', 'The maximum number of VPCs has been reached.');
  const id = ctx.ids.ec2('vpc');
  const vpc: E.Vpc = {
    VpcId: id, OwnerId: ctx.account, CidrBlock: input.CidrBlock, IsDefault: false, State: 'available', InstanceTenancy: input.InstanceTenancy ?? 'default',
    DhcpOptionsId: ctx.ids.ec2('dopt'), CidrBlockAssociationSet: [{ AssociationId: ctx.ids.ec2('vpc-cidr-assoc'), CidrBlock: input.CidrBlock, CidrBlockState: { State: 'associated' } }],
    Tags: tagsFor(input.TagSpecifications, 'vpc'),
  };
  ctx.resources.insert({ kind: KIND.vpc, id, createdAt: ctx.now, body: vpc });
  // Every VPC comes with its main route table (local route only) and its `default` security group.
  newRouteTable(ctx, vpc, true, []);
  const sgId = ctx.ids.ec2('sg');
  ctx.resources.insert({
    kind: KIND.securityGroup, id: sgId, name: 'default', createdAt: ctx.now,
    body: {
      GroupId: sgId, GroupName: 'default', Description: 'default VPC security group', VpcId: id, OwnerId: ctx.account,
      SecurityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${sgId}`,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sgId, UserId: ctx.account }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      Tags: [],
    } satisfies E.SecurityGroup,
  });
  // CreateVpc answers `pending`; the simulated VPC is usable at once (docs/simulator.md).
  return { Vpc: { ...vpc, State: 'pending' } };
}

function deleteVpc(ctx: SimCtx, input: E.DeleteVpcRequest): object {
  const vpc = requireVpc(ctx, input.VpcId);
  const id = vpc.id;
  const depends = () => ec2Error('DependencyViolation', `The vpc '${id}' has dependencies and cannot be deleted.`);
  if (rows<E.Subnet>(ctx, KIND.subnet).some((s) => s.body.VpcId === id)) throw depends();
  if (rows<E.InternetGateway>(ctx, KIND.internetGateway).some((g) => (g.body.Attachments ?? []).some((a) => a.VpcId === id))) throw depends();
  if (rows<E.SecurityGroup>(ctx, KIND.securityGroup).some((g) => g.body.VpcId === id && g.body.GroupName !== 'default')) throw depends();
  const tables = rows<E.RouteTable>(ctx, KIND.routeTable).filter((t) => t.body.VpcId === id);
  if (tables.some((t) => !(t.body.Associations ?? []).some((a) => a.Main))) throw depends();
  if (rows<E.NatGateway>(ctx, KIND.natGateway).some((n) => n.body.VpcId === id && n.body.State !== 'deleted')) throw depends();
  if (rows<E.VpcEndpoint>(ctx, KIND.vpcEndpoint).some((e) => e.body.VpcId === id)) throw depends();
  for (const t of tables) ctx.resources.delete(t.seq);
  for (const g of rows<E.SecurityGroup>(ctx, KIND.securityGroup).filter((x) => x.body.VpcId === id)) ctx.resources.delete(g.seq);
  ctx.resources.delete(vpc.seq);
  return {};
}

function createSubnet(ctx: SimCtx, input: E.CreateSubnetRequest): E.CreateSubnetResult {
  const vpc = requireVpc(ctx, input.VpcId);
  if (!input.CidrBlock) throw missing('cidrBlock');
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw ec2Error('InvalidParameterValue', `Value (${input.CidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (cidr.prefix < 16 || cidr.prefix > 28 || !vpcCidrs(vpc.body).some((v) => cidrContains(v, cidr))) {
    throw ec2Error('InvalidSubnet.Range', `The CIDR '${input.CidrBlock}' is invalid.`);
  }
  const clash = rows<E.Subnet>(ctx, KIND.subnet).find((s) => s.body.VpcId === vpc.id && cidrOverlaps(parseCidr(s.body.CidrBlock)!, cidr));
  if (clash) throw ec2Error('InvalidSubnet.Conflict', `The CIDR '${input.CidrBlock}' conflicts with another subnet`);
  const zs = zones(ctx);
  let zone = zs[0]!;
  if (input.AvailabilityZone || input.AvailabilityZoneId) {
    const z = zs.find((x) => x.name === input.AvailabilityZone || x.id === input.AvailabilityZoneId);
    if (!z) {
      const [param, value] = input.AvailabilityZone ? ['availabilityZone', input.AvailabilityZone] : ['availabilityZoneId', input.AvailabilityZoneId];
      throw ec2Error('InvalidParameterValue', `Value (${value}) for parameter ${param} is invalid. Subnets can currently only be created in the following availability zones: ${zs.map((x) => x.name).join(', ')}.`);
    }
    zone = z;
  }
  const id = ctx.ids.ec2('subnet');
  const subnet: E.Subnet = {
    SubnetId: id, VpcId: vpc.id, OwnerId: ctx.account, CidrBlock: input.CidrBlock, AvailabilityZone: zone.name, AvailabilityZoneId: zone.id,
    AvailableIpAddressCount: usableAddresses(cidr), DefaultForAz: false, MapPublicIpOnLaunch: false, State: 'available',
    SubnetArn: `arn:aws:ec2:${ctx.region}:${ctx.account}:subnet/${id}`, AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [],
    Tags: tagsFor(input.TagSpecifications, 'subnet'),
  };
  ctx.resources.insert({ kind: KIND.subnet, id, createdAt: ctx.now, body: subnet });
  return { Subnet: subnet };
}

function deleteSubnet(ctx: SimCtx, input: E.DeleteSubnetRequest): object {
  const subnet = requireSubnet(ctx, input.SubnetId);
  const inUse =
    rows<E.NatGateway>(ctx, KIND.natGateway).some((n) => n.body.SubnetId === subnet.id && n.body.State !== 'deleted') ||
    rows<E.VpcEndpoint>(ctx, KIND.vpcEndpoint).some((e) => (e.body.SubnetIds ?? []).includes(subnet.id));
  if (inUse) throw ec2Error('DependencyViolation', `The subnet '${subnet.id}' has dependencies and cannot be deleted.`);
  // Its explicit route-table association goes with it.
  for (const t of rows<E.RouteTable>(ctx, KIND.routeTable)) {
    const kept = (t.body.Associations ?? []).filter((a) => a.SubnetId !== subnet.id);
    if (kept.length !== (t.body.Associations ?? []).length) {
      t.body.Associations = kept;
      ctx.resources.update(t);
    }
  }
  ctx.resources.delete(subnet.seq);
  return {};
}

function modifySubnetAttribute(ctx: SimCtx, input: E.ModifySubnetAttributeRequest): object {
  const subnet = requireSubnet(ctx, input.SubnetId);
  if (input.MapPublicIpOnLaunch?.Value === undefined) {
    throw ec2Error('InvalidParameterCombination', 'No attributes specified to modify. Specify MapPublicIpOnLaunch (the only attribute the simulator models).');
  }
  subnet.body.MapPublicIpOnLaunch = input.MapPublicIpOnLaunch.Value;
  ctx.resources.update(subnet);
  return {};
}

function deleteRouteTable(ctx: SimCtx, input: E.DeleteRouteTableRequest): object {
  const t = requireRouteTable(ctx, input.RouteTableId);
  if ((t.body.Associations ?? []).length > 0) throw ec2Error('DependencyViolation', `The routeTable '${t.id}' has dependencies and cannot be deleted.`);
  ctx.resources.delete(t.seq);
  return {};
}

function associateRouteTable(ctx: SimCtx, input: E.AssociateRouteTableRequest): E.AssociateRouteTableResult {
  const t = requireRouteTable(ctx, input.RouteTableId);
  if (input.GatewayId) throw ec2Error('InvalidParameterValue', 'the simulator associates route tables with subnets only (GatewayId is not modelled)');
  const subnet = requireSubnet(ctx, input.SubnetId);
  if (subnet.body.VpcId !== t.body.VpcId) throw ec2Error('InvalidParameterValue', `route table ${t.id} and subnet ${subnet.id} belong to different networks`);
  const current = rows<E.RouteTable>(ctx, KIND.routeTable).find((x) => (x.body.Associations ?? []).some((a) => a.SubnetId === subnet.id));
  if (current) throw ec2Error('Resource.AlreadyAssociated', `the specified association for route table ${current.id} conflicts with an existing association`);
  const AssociationId = ctx.ids.ec2('rtbassoc');
  t.body.Associations = [...(t.body.Associations ?? []), { Main: false, RouteTableAssociationId: AssociationId, RouteTableId: t.id, SubnetId: subnet.id, AssociationState: { State: 'associated' } }];
  ctx.resources.update(t);
  return { AssociationId, AssociationState: { State: 'associated' } };
}

function disassociateRouteTable(ctx: SimCtx, input: E.DisassociateRouteTableRequest): object {
  if (!input.AssociationId) throw missing('associationId');
  for (const t of rows<E.RouteTable>(ctx, KIND.routeTable)) {
    const a = (t.body.Associations ?? []).find((x) => x.RouteTableAssociationId === input.AssociationId);
    if (!a) continue;
    if (a.Main) throw ec2Error('InvalidParameterValue', `cannot disassociate the main route table association ${input.AssociationId}`);
    t.body.Associations = t.body.Associations!.filter((x) => x !== a);
    ctx.resources.update(t);
    return {};
  }
  throw ec2Error('InvalidAssociationID.NotFound', `The association ID '${input.AssociationId}' does not exist`);
}

function createRoute(ctx: SimCtx, input: E.CreateRouteRequest): E.CreateRouteResult {
  const t = requireRouteTable(ctx, input.RouteTableId);
  if (!input.DestinationCidrBlock) throw missing('destinationCidrBlock');
  if (!parseCidr(input.DestinationCidrBlock)) throw ec2Error('InvalidParameterValue', `Value (${input.DestinationCidrBlock}) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.`);
  const targets = [input.GatewayId, input.NatGatewayId, input.TransitGatewayId, input.NetworkInterfaceId, input.InstanceId, input.VpcPeeringConnectionId, input.VpcEndpointId].filter(Boolean);
  if (targets.length !== 1) throw ec2Error('InvalidParameterCombination', 'The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, transitGatewayId, instanceId or vpcEndpointId');
  if ((t.body.Routes ?? []).some((r) => r.DestinationCidrBlock === input.DestinationCidrBlock)) {
    throw ec2Error('RouteAlreadyExists', `The route identified by ${input.DestinationCidrBlock} already exists.`);
  }
  const route: E.Route = { DestinationCidrBlock: input.DestinationCidrBlock, Origin: 'CreateRoute', State: 'active' };
  if (input.GatewayId) {
    const igw = ctx.resources.get<E.InternetGateway>(KIND.internetGateway, input.GatewayId);
    if (!igw) throw ec2Error('InvalidGatewayID.NotFound', `The gateway ID '${input.GatewayId}' does not exist`);
    if (!(igw.body.Attachments ?? []).some((a) => a.VpcId === t.body.VpcId)) {
      throw ec2Error('InvalidParameterValue', `route table ${t.id} and network gateway ${igw.id} belong to different networks`);
    }
    route.GatewayId = igw.id;
  } else if (input.NatGatewayId) {
    const nat = ctx.resources.get<E.NatGateway>(KIND.natGateway, input.NatGatewayId);
    if (!nat || nat.body.State === 'deleted') throw ec2Error('InvalidNatGatewayID.NotFound', `The natGateway ID '${input.NatGatewayId}' does not exist`);
    if (nat.body.VpcId !== t.body.VpcId) throw ec2Error('InvalidParameterValue', `route table ${t.id} and NAT gateway ${nat.id} belong to different networks`);
    route.NatGatewayId = nat.id;
    if (nat.body.State === 'deleting' || nat.body.State === 'failed') route.State = 'blackhole';
  } else {
    throw ec2Error('InvalidParameterValue', 'the simulator routes to internet gateways and NAT gateways only');
  }
  t.body.Routes = [...(t.body.Routes ?? []), route];
  ctx.resources.update(t);
  return { Return: true };
}

function deleteRoute(ctx: SimCtx, input: E.DeleteRouteRequest): object {
  const t = requireRouteTable(ctx, input.RouteTableId);
  const dest = input.DestinationCidrBlock;
  if (!dest) throw missing('destinationCidrBlock');
  const route = (t.body.Routes ?? []).find((r) => r.DestinationCidrBlock === dest);
  if (!route) throw ec2Error('InvalidRoute.NotFound', `no route with destination-cidr-block ${dest} in route table ${t.id}`);
  if (route.GatewayId === 'local') throw ec2Error('InvalidParameterValue', `cannot remove local route ${dest} in route table ${t.id}`);
  t.body.Routes = t.body.Routes!.filter((r) => r !== route);
  ctx.resources.update(t);
  return {};
}

function createInternetGateway(ctx: SimCtx, input: E.CreateInternetGatewayRequest): E.CreateInternetGatewayResult {
  const id = ctx.ids.ec2('igw');
  const igw: E.InternetGateway = { InternetGatewayId: id, OwnerId: ctx.account, Attachments: [], Tags: tagsFor(input.TagSpecifications, 'internet-gateway') };
  ctx.resources.insert({ kind: KIND.internetGateway, id, createdAt: ctx.now, body: igw });
  return { InternetGateway: igw };
}

function attachInternetGateway(ctx: SimCtx, input: E.AttachInternetGatewayRequest): object {
  const igw = requireIgw(ctx, input.InternetGatewayId);
  const vpc = requireVpc(ctx, input.VpcId);
  const attached = igw.body.Attachments?.[0]?.VpcId;
  if (attached) throw ec2Error('Resource.AlreadyAssociated', `resource ${igw.id} is already attached to network ${attached}`);
  const other = rows<E.InternetGateway>(ctx, KIND.internetGateway).find((g) => (g.body.Attachments ?? []).some((a) => a.VpcId === vpc.id));
  if (other) throw ec2Error('Resource.AlreadyAssociated', `Network ${vpc.id} already has an internet gateway attached`);
  // EC2 answers `available` for an attached internet gateway (the SDK's enum says `attached`).
  igw.body.Attachments = [{ VpcId: vpc.id, State: 'available' as E.AttachmentStatus }];
  ctx.resources.update(igw);
  // Routes that pointed at this gateway work again.
  for (const t of rows<E.RouteTable>(ctx, KIND.routeTable).filter((x) => x.body.VpcId === vpc.id)) {
    const back = (t.body.Routes ?? []).filter((r) => r.GatewayId === igw.id && r.State === 'blackhole');
    for (const r of back) r.State = 'active';
    if (back.length) ctx.resources.update(t);
  }
  return {};
}

function detachInternetGateway(ctx: SimCtx, input: E.DetachInternetGatewayRequest): object {
  const igw = requireIgw(ctx, input.InternetGatewayId);
  const vpc = requireVpc(ctx, input.VpcId);
  if (!(igw.body.Attachments ?? []).some((a) => a.VpcId === vpc.id)) throw ec2Error('Gateway.NotAttached', `resource ${igw.id} is not attached to network ${vpc.id}`);
  igw.body.Attachments = [];
  ctx.resources.update(igw);
  blackholeRoutes(ctx, igw.id);
  return {};
}

function deleteInternetGateway(ctx: SimCtx, input: E.DeleteInternetGatewayRequest): object {
  const igw = requireIgw(ctx, input.InternetGatewayId);
  if ((igw.body.Attachments ?? []).length > 0) throw ec2Error('DependencyViolation', `The internetGateway '${igw.id}' has dependencies and cannot be deleted.`);
  ctx.resources.delete(igw.seq);
  return {};
}

/** A private IP inside the subnet (its fifth address: AWS reserves the first four). */
function addressIn(subnet: E.Subnet, offset: number): string {
  const c = parseCidr(subnet.CidrBlock)!;
  const n = c.base + 4 + offset;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function createNatGateway(ctx: SimCtx, input: E.CreateNatGatewayRequest): E.CreateNatGatewayResult {
  const subnet = requireSubnet(ctx, input.SubnetId);
  const connectivity = input.ConnectivityType ?? 'public';
  if (connectivity !== 'public' && connectivity !== 'private') throw ec2Error('InvalidParameterValue', `Value (${connectivity}) for parameter connectivityType is invalid.`);
  // Public NAT gateways need an Elastic IP allocation; the simulator takes the id as given (it has no Elastic IPs).
  if (connectivity === 'public' && !input.AllocationId) throw missing('AllocationId');
  if (input.AllocationId && !/^eipalloc-[0-9a-f]+$/.test(input.AllocationId)) throw ec2Error('InvalidAllocationID.NotFound', `The allocation ID '${input.AllocationId}' does not exist`);
  const id = ctx.ids.ec2('nat');
  const n = ctx.resources.count(KIND.natGateway);
  const nat: E.NatGateway = {
    NatGatewayId: id, VpcId: subnet.body.VpcId, SubnetId: subnet.id, State: 'pending', ConnectivityType: connectivity, CreateTime: ctx.now as unknown as Date,
    NatGatewayAddresses: [{
      ...(input.AllocationId ? { AllocationId: input.AllocationId, PublicIp: `3.${(n >> 8) & 255}.${n & 255}.${10 + (n % 200)}` } : {}),
      PrivateIp: addressIn(subnet.body, n % 200), NetworkInterfaceId: ctx.ids.ec2('eni'), IsPrimary: true, Status: 'associating',
    }],
    Tags: tagsFor(input.TagSpecifications, 'natgateway'),
  };
  ctx.resources.insert({ kind: KIND.natGateway, id, status: 'pending', nextEventAt: ctx.now + WORLD_TIMING.natCreateMs, createdAt: ctx.now, body: nat });
  return { NatGateway: withDates(nat), ClientToken: input.ClientToken };
}

/** NAT gateways store epoch ms; the SDK shape has Dates. */
export function withDates(n: E.NatGateway): E.NatGateway {
  const d = (v: unknown) => (v === undefined ? undefined : new Date(v as number));
  return { ...n, CreateTime: d(n.CreateTime), ...(n.DeleteTime !== undefined ? { DeleteTime: d(n.DeleteTime) } : {}) };
}

function deleteNatGateway(ctx: SimCtx, input: E.DeleteNatGatewayRequest): E.DeleteNatGatewayResult {
  const id = input.NatGatewayId ?? '';
  const row = ctx.resources.get<E.NatGateway>(KIND.natGateway, id);
  if (!row || row.body.State === 'deleted') throw ec2Error('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
  if (row.body.State !== 'deleting') {
    row.body.State = 'deleting';
    row.status = 'deleting';
    row.nextEventAt = ctx.now + WORLD_TIMING.natDeleteMs;
    ctx.resources.update(row);
  }
  return { NatGatewayId: id };
}

function createVpcEndpoint(ctx: SimCtx, input: E.CreateVpcEndpointRequest): E.CreateVpcEndpointResult {
  const vpc = requireVpc(ctx, input.VpcId);
  if (!input.ServiceName) throw missing('serviceName');
  const prefix = `com.amazonaws.${ctx.region}.`;
  const service = input.ServiceName.startsWith(prefix) ? input.ServiceName.slice(prefix.length) : '';
  if (!ENDPOINT_SERVICES.includes(service)) throw ec2Error('InvalidServiceName', `The Vpc Endpoint Service '${input.ServiceName}' does not exist`);
  const type = input.VpcEndpointType ?? 'Gateway';
  if (type !== 'Gateway' && type !== 'Interface') throw ec2Error('InvalidParameter', `the simulator models Gateway and Interface endpoints, not ${type}`);
  if (type === 'Gateway' && !GATEWAY_SERVICES.includes(service)) throw ec2Error('InvalidParameter', `Endpoint type (Gateway) does not match available service types ([Interface]).`);
  const id = ctx.ids.ec2('vpce');
  const tables = (input.RouteTableIds ?? []).map((t) => requireRouteTable(ctx, t));
  const subnets = (input.SubnetIds ?? []).map((s) => requireSubnet(ctx, s));
  for (const x of [...tables, ...subnets]) {
    if (x.body.VpcId !== vpc.id) throw ec2Error('InvalidParameter', `${x.id} does not belong to ${vpc.id}`);
  }
  if (type === 'Interface') {
    const zonesSeen = new Set<string>();
    for (const s of subnets) {
      if (zonesSeen.has(s.body.AvailabilityZone!)) throw ec2Error('DuplicateSubnetsInSameZone', `Found another VPC endpoint subnet in the availability zone of ${s.id}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`);
      zonesSeen.add(s.body.AvailabilityZone!);
    }
  }
  const existing = rows<E.VpcEndpoint>(ctx, KIND.vpcEndpoint).find((e) => e.body.VpcId === vpc.id && e.body.ServiceName === input.ServiceName && e.body.VpcEndpointType === type && e.body.State !== EP.deleting);
  if (type === 'Interface' && existing && input.PrivateDnsEnabled !== false && existing.body.PrivateDnsEnabled) {
    throw ec2Error('InvalidParameter', `private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${service}.${ctx.region}.amazonaws.com in the VPC ${vpc.id}`);
  }
  // One AWS-managed prefix list per service and region.
  const pl = `pl-${sha256(input.ServiceName).toString('hex').slice(0, 8)}`;
  for (const t of tables) {
    if ((t.body.Routes ?? []).some((r) => r.DestinationPrefixListId === pl)) throw ec2Error('RouteAlreadyExists', `route table ${t.id} already has a route with destination-prefix-list-id ${pl}`);
  }
  for (const t of tables) {
    t.body.Routes = [...(t.body.Routes ?? []), { DestinationPrefixListId: pl, GatewayId: id, Origin: 'CreateRoute', State: 'active' }];
    ctx.resources.update(t);
  }
  const endpoint: E.VpcEndpoint = {
    VpcEndpointId: id, VpcEndpointType: type, VpcId: vpc.id, ServiceName: input.ServiceName, State: type === 'Gateway' ? EP.available : EP.pending,
    PolicyDocument: input.PolicyDocument ?? JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
    RouteTableIds: tables.map((t) => t.id), SubnetIds: subnets.map((s) => s.id),
    Groups: type === 'Interface' ? (input.SecurityGroupIds?.length ? input.SecurityGroupIds : rows<E.SecurityGroup>(ctx, KIND.securityGroup).filter((g) => g.body.VpcId === vpc.id && g.body.GroupName === 'default').map((g) => g.id)).map((g) => ({ GroupId: g, GroupName: ctx.resources.get<E.SecurityGroup>(KIND.securityGroup, g)?.body.GroupName })) : [],
    PrivateDnsEnabled: type === 'Interface' ? input.PrivateDnsEnabled ?? true : false,
    RequesterManaged: false, NetworkInterfaceIds: subnets.map(() => ctx.ids.ec2('eni')), DnsEntries: [],
    CreationTimestamp: ctx.now as unknown as Date, Tags: tagsFor(input.TagSpecifications, 'vpc-endpoint'), OwnerId: ctx.account,
  };
  for (const g of endpoint.Groups ?? []) if (!ctx.resources.get(KIND.securityGroup, g.GroupId!)) throw ec2Error('InvalidGroup.NotFound', `The security group '${g.GroupId}' does not exist`);
  ctx.resources.insert({
    kind: KIND.vpcEndpoint, id, status: endpoint.State, createdAt: ctx.now, body: endpoint,
    nextEventAt: type === 'Interface' ? ctx.now + WORLD_TIMING.endpointCreateMs : null,
  });
  return { VpcEndpoint: endpointWithDates(endpoint), ClientToken: input.ClientToken };
}

export function endpointWithDates(e: E.VpcEndpoint): E.VpcEndpoint {
  return { ...e, CreationTimestamp: e.CreationTimestamp === undefined ? undefined : new Date(e.CreationTimestamp as unknown as number) };
}

/** Removes a Gateway endpoint's routes from its route tables. */
export function removeEndpointRoutes(ctx: SimCtx, endpointId: string): void {
  for (const t of rows<E.RouteTable>(ctx, KIND.routeTable)) {
    const kept = (t.body.Routes ?? []).filter((r) => r.GatewayId !== endpointId);
    if (kept.length !== (t.body.Routes ?? []).length) {
      t.body.Routes = kept;
      ctx.resources.update(t);
    }
  }
}

function deleteVpcEndpoints(ctx: SimCtx, input: E.DeleteVpcEndpointsRequest): E.DeleteVpcEndpointsResult {
  if (!input.VpcEndpointIds?.length) throw missing('VpcEndpointId');
  const Unsuccessful: E.UnsuccessfulItem[] = [];
  for (const id of input.VpcEndpointIds) {
    const row = ctx.resources.get<E.VpcEndpoint>(KIND.vpcEndpoint, id);
    if (!row) {
      Unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: `The Vpc Endpoint Id '${id}' does not exist` } });
      continue;
    }
    if (row.body.State === EP.deleting) continue;
    removeEndpointRoutes(ctx, id);
    row.body.State = EP.deleting;
    row.status = 'deleting';
    row.nextEventAt = ctx.now + WORLD_TIMING.endpointDeleteMs;
    ctx.resources.update(row);
  }
  return { Unsuccessful };
}

export function createNetworkOps(rt: SimRuntime): NetworkOps {
  // A network change may let an instance join its cluster or a task pull its image: the job engine
  // re-checks at the scheduling pass this requests (docs/simulator.md "Networking").
  const run = <T>(name: string, fn: (ctx: SimCtx) => T): Promise<T> =>
    rt.run(name, (ctx) => {
      const out = fn(ctx);
      engineWorld(ctx).requestPass();
      return out;
    });
  return {
    createVpc: (input) => run('ec2.CreateVpc', (ctx) => createVpc(ctx, input)),
    deleteVpc: (input) => run('ec2.DeleteVpc', (ctx) => deleteVpc(ctx, input)),
    createSubnet: (input) => run('ec2.CreateSubnet', (ctx) => createSubnet(ctx, input)),
    deleteSubnet: (input) => run('ec2.DeleteSubnet', (ctx) => deleteSubnet(ctx, input)),
    modifySubnetAttribute: (input) => run('ec2.ModifySubnetAttribute', (ctx) => modifySubnetAttribute(ctx, input)),
    createRouteTable: (input) => run('ec2.CreateRouteTable', (ctx) => ({ RouteTable: newRouteTable(ctx, requireVpc(ctx, input.VpcId).body, false, tagsFor(input.TagSpecifications, 'route-table')) })),
    deleteRouteTable: (input) => run('ec2.DeleteRouteTable', (ctx) => deleteRouteTable(ctx, input)),
    associateRouteTable: (input) => run('ec2.AssociateRouteTable', (ctx) => associateRouteTable(ctx, input)),
    disassociateRouteTable: (input) => run('ec2.DisassociateRouteTable', (ctx) => disassociateRouteTable(ctx, input)),
    createRoute: (input) => run('ec2.CreateRoute', (ctx) => createRoute(ctx, input)),
    deleteRoute: (input) => run('ec2.DeleteRoute', (ctx) => deleteRoute(ctx, input)),
    createInternetGateway: (input) => run('ec2.CreateInternetGateway', (ctx) => createInternetGateway(ctx, input)),
    attachInternetGateway: (input) => run('ec2.AttachInternetGateway', (ctx) => attachInternetGateway(ctx, input)),
    detachInternetGateway: (input) => run('ec2.DetachInternetGateway', (ctx) => detachInternetGateway(ctx, input)),
    deleteInternetGateway: (input) => run('ec2.DeleteInternetGateway', (ctx) => deleteInternetGateway(ctx, input)),
    createNatGateway: (input) => run('ec2.CreateNatGateway', (ctx) => createNatGateway(ctx, input)),
    deleteNatGateway: (input) => run('ec2.DeleteNatGateway', (ctx) => deleteNatGateway(ctx, input)),
    createVpcEndpoint: (input) => run('ec2.CreateVpcEndpoint', (ctx) => createVpcEndpoint(ctx, input)),
    deleteVpcEndpoints: (input) => run('ec2.DeleteVpcEndpoints', (ctx) => deleteVpcEndpoints(ctx, input)),
  };
}
