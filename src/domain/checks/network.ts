/**
 * Network preflight (`batchctl network check`, `doctor` A7, the setup wizards): can the compute
 * environment's subnets reach what a job needs (ECS/ECR/S3/CloudWatch Logs, the image registry), are
 * the security groups usable, and is anything dangerously open. Facts are the SDK's own Describe*
 * outputs (spec/07 §10). Nothing here calls AWS.
 */
import type * as E from '@aws-sdk/client-ec2';
import type { Platform } from './iam-roles.js';
import { fail, pass, warn, type Check, type FactRequest } from './types.js';

export interface NetworkTarget {
  platform: Platform;
  region: string;
  subnetIds: string[];
  securityGroupIds: string[];
  /** Fargate: the job definition's networkConfiguration.assignPublicIp (AWS default DISABLED). */
  assignPublicIp?: 'ENABLED' | 'DISABLED';
  /** The job image, to tell a public registry (needs the internet) from this region's ECR. */
  image?: string;
}

/** Describe* outputs with every page concatenated. */
export interface NetworkFacts {
  /** DescribeSubnets filtered by subnet-id (unknown ids are simply absent, no error). */
  subnets?: E.DescribeSubnetsResult;
  /** DescribeRouteTables filtered by vpc-id: explicit associations and each VPC's main table. */
  routeTables?: E.DescribeRouteTablesResult;
  /** DescribeSecurityGroups filtered by group-id. */
  securityGroups?: E.DescribeSecurityGroupsResult;
  /** DescribeNatGateways filtered by vpc-id. */
  natGateways?: E.DescribeNatGatewaysResult;
  /** DescribeVpcEndpoints filtered by vpc-id. */
  vpcEndpoints?: E.DescribeVpcEndpointsResult;
}

/**
 * The reads still needed. Subnets and security groups are read through a `subnet-id` / `group-id`
 * filter (a GroupIds / SubnetIds list fails the whole call on one unknown id); the per-VPC reads come
 * once the subnets' VPCs are known, so call this until it returns nothing.
 */
export function networkFactRequests(target: NetworkTarget, facts: NetworkFacts): FactRequest[] {
  const out: FactRequest[] = [];
  if (!facts.subnets && target.subnetIds.length > 0) {
    out.push({ key: 'subnets', service: 'ec2', operation: 'DescribeSubnets', input: { Filters: [{ Name: 'subnet-id', Values: target.subnetIds }] } });
  }
  if (!facts.securityGroups && target.securityGroupIds.length > 0) {
    out.push({
      key: 'securityGroups', service: 'ec2', operation: 'DescribeSecurityGroups',
      input: { Filters: [{ Name: 'group-id', Values: target.securityGroupIds }] },
    });
  }
  if (facts.subnets) {
    const vpcs = [...new Set((facts.subnets.Subnets ?? []).map((s) => s.VpcId).filter((v): v is string => !!v))];
    if (vpcs.length > 0) {
      const byVpc = { Filters: [{ Name: 'vpc-id', Values: vpcs }] };
      if (!facts.routeTables) out.push({ key: 'routeTables', service: 'ec2', operation: 'DescribeRouteTables', input: byVpc });
      if (!facts.natGateways) {
        out.push({ key: 'natGateways', service: 'ec2', operation: 'DescribeNatGateways', input: { Filter: [{ Name: 'vpc-id', Values: vpcs }] } });
      }
      if (!facts.vpcEndpoints) out.push({ key: 'vpcEndpoints', service: 'ec2', operation: 'DescribeVpcEndpoints', input: byVpc });
    }
  }
  return out;
}

export function recordNetworkFact(facts: NetworkFacts, request: FactRequest, output: unknown): NetworkFacts {
  (facts as Record<string, unknown>)[request.key] = output;
  return facts;
}

/** The interface (and S3 gateway) endpoints a subnet without internet access needs, per platform. */
export interface EndpointNeed {
  service: string;
  gateway?: boolean;
  /** Missing a required endpoint is a FAIL; a recommended one a WARN. */
  required: boolean;
  why: string;
}

export function privateEndpointNeeds(platform: Platform): EndpointNeed[] {
  const ecr: EndpointNeed[] = [
    { service: 'ecr.api', required: true, why: 'ECR authentication and image manifests' },
    { service: 'ecr.dkr', required: true, why: 'image pulls from ECR' },
    { service: 's3', gateway: true, required: true, why: 'ECR image layers are served from S3' },
  ];
  if (platform === 'fargate') {
    return [
      ...ecr,
      { service: 'logs', required: true, why: 'the awslogs driver sends job output to CloudWatch Logs' },
      // spec/06 §2: the text contradicts itself on whether Fargate tasks need the ECS endpoint.
      { service: 'ecs', required: false, why: 'documented inconsistently for Fargate; harmless to add' },
    ];
  }
  if (platform === 'ec2') {
    return [
      { service: 'ecs', required: true, why: 'instances register with the ECS cluster Batch manages' },
      { service: 'ecs-agent', required: true, why: 'the ECS agent receives tasks through it' },
      { service: 'ecs-telemetry', required: true, why: 'the ECS agent reports metrics through it' },
      ...ecr,
      { service: 'logs', required: true, why: 'the awslogs driver sends job output to CloudWatch Logs' },
    ];
  }
  return [
    { service: 'ec2', required: true, why: 'nodes describe themselves and their ENIs at bootstrap' },
    { service: 'sts', required: true, why: 'IAM roles for service accounts and node authentication' },
    ...ecr,
    { service: 'logs', required: false, why: 'Fluent Bit ships job logs to CloudWatch Logs' },
  ];
}

const READS = {
  subnets: 'ec2:DescribeSubnets Subnets[].{VpcId,MapPublicIpOnLaunch,AvailableIpAddressCount}',
  routes: 'ec2:DescribeRouteTables RouteTables[].{Associations,Routes}',
  endpoints: 'ec2:DescribeVpcEndpoints VpcEndpoints[].{ServiceName,State,RouteTableIds}',
  sgs: 'ec2:DescribeSecurityGroups SecurityGroups[].VpcId',
  egress: 'ec2:DescribeSecurityGroups SecurityGroups[].IpPermissionsEgress',
  ingress: 'ec2:DescribeSecurityGroups SecurityGroups[].IpPermissions',
};

/** Judges the gathered network facts: subnets, per-subnet egress, security groups, Fargate public IP. */
export function evaluateNetwork(target: NetworkTarget, facts: NetworkFacts): Check[] {
  const checks: Check[] = [];
  const subnets = (facts.subnets?.Subnets ?? []).filter((s) => target.subnetIds.includes(s.SubnetId ?? ''));
  checks.push(subnetsExist(target, subnets));
  const vpcs = [...new Set(subnets.map((s) => s.VpcId ?? ''))];
  if (subnets.length > 0) checks.push(subnetsOneVpc(subnets, vpcs));
  for (const s of subnets) checks.push(subnetEgress(target, s, facts));
  const lowIp = subnets.filter((s) => (s.AvailableIpAddressCount ?? 1) === 0);
  if (lowIp.length > 0) {
    checks.push(warn('network.subnets.free-ips', 'subnets have free IP addresses', READS.subnets,
      lowIp.map((s) => `DescribeSubnets.Subnets[${s.SubnetId}].AvailableIpAddressCount=0`),
      'no instance or Fargate task can start in a full subnet: add subnets or free addresses'));
  }
  const sgs = (facts.securityGroups?.SecurityGroups ?? []).filter((g) => target.securityGroupIds.includes(g.GroupId ?? ''));
  checks.push(...securityGroupChecks(target, sgs, vpcs));
  if (target.platform === 'fargate') {
    const fc = fargatePublicIp(target, subnets, facts);
    if (fc) checks.push(fc);
  }
  return checks;
}

function subnetsExist(target: NetworkTarget, found: E.Subnet[]): Check {
  const id = 'network.subnets.exist';
  const title = 'the subnets exist';
  if (target.subnetIds.length === 0) {
    return fail(id, title, READS.subnets, ['no subnets were given'], 'pass --subnets (the default VPC\'s subnets are used when omitted in the wizard)');
  }
  const ids = new Set(found.map((s) => s.SubnetId));
  const missing = target.subnetIds.filter((s) => !ids.has(s));
  const evidence = found.map((s) => `DescribeSubnets.Subnets[${s.SubnetId}]: VpcId=${s.VpcId}, AvailabilityZone=${s.AvailabilityZone}, State=${s.State}`);
  if (missing.length > 0) {
    return fail(id, title, READS.subnets, [...evidence, ...missing.map((m) => `${m}: not found in ${target.region}`)],
      `check the ids and the region (aws ec2 describe-subnets --region ${target.region})`);
  }
  const notAvailable = found.filter((s) => s.State !== undefined && s.State !== 'available');
  if (notAvailable.length > 0) return fail(id, title, READS.subnets, evidence, 'wait until the subnets are available');
  return pass(id, title, READS.subnets, evidence);
}

function subnetsOneVpc(subnets: E.Subnet[], vpcs: string[]): Check {
  const evidence = subnets.map((s) => `DescribeSubnets.Subnets[${s.SubnetId}].VpcId=${s.VpcId}`);
  if (vpcs.length > 1) {
    return fail('network.subnets.one-vpc', 'the subnets share one VPC', READS.subnets, evidence,
      `a compute environment's subnets must all be in one VPC: keep only the subnets of one of ${vpcs.join(', ')}`);
  }
  return pass('network.subnets.one-vpc', 'the subnets share one VPC', READS.subnets, evidence);
}

/** The route table governing a subnet: its explicit association, else its VPC's main table. */
export function routeTableFor(subnet: E.Subnet, tables: E.RouteTable[]): { table?: E.RouteTable; implicit: boolean } {
  const explicit = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnet.SubnetId));
  if (explicit) return { table: explicit, implicit: false };
  const main = tables.find((t) => t.VpcId === subnet.VpcId && (t.Associations ?? []).some((a) => a.Main === true));
  return { table: main, implicit: true };
}

type Egress =
  | { kind: 'igw'; route: E.Route; publicIp: boolean }
  | { kind: 'nat'; route: E.Route; nat?: E.NatGateway }
  | { kind: 'other'; route: E.Route }
  | { kind: 'none' };

function defaultRouteTarget(r: E.Route): string {
  return r.GatewayId ?? r.NatGatewayId ?? r.TransitGatewayId ?? r.NetworkInterfaceId ?? r.InstanceId ?? r.VpcPeeringConnectionId ?? '?';
}

function hasPublicIp(target: NetworkTarget, subnet: E.Subnet): boolean {
  return target.platform === 'fargate' ? target.assignPublicIp === 'ENABLED' : subnet.MapPublicIpOnLaunch === true;
}

function publicIpEvidence(target: NetworkTarget, subnet: E.Subnet): string {
  return target.platform === 'fargate'
    ? `networkConfiguration.assignPublicIp=${target.assignPublicIp ?? 'DISABLED'}`
    : `DescribeSubnets.Subnets[${subnet.SubnetId}].MapPublicIpOnLaunch=${subnet.MapPublicIpOnLaunch === true}`;
}

function internetEgress(target: NetworkTarget, subnet: E.Subnet, table: E.RouteTable | undefined, facts: NetworkFacts): { egress: Egress; evidence: string[] } {
  const evidence: string[] = [];
  const defaults = (table?.Routes ?? []).filter((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  for (const r of defaults) evidence.push(`${table?.RouteTableId}: 0.0.0.0/0 -> ${defaultRouteTarget(r)} (${r.State ?? 'active'})`);
  if (defaults.length === 0) evidence.push(`${table?.RouteTableId ?? 'no route table'}: no 0.0.0.0/0 route`);
  const active = defaults.filter((r) => (r.State ?? 'active') === 'active');
  const nat = active.find((r) => r.NatGatewayId);
  if (nat) {
    const gw = facts.natGateways?.NatGateways?.find((n) => n.NatGatewayId === nat.NatGatewayId);
    if (gw) evidence.push(`DescribeNatGateways.NatGateways[${gw.NatGatewayId}].State=${gw.State}`);
    return { egress: { kind: 'nat', route: nat, nat: gw }, evidence };
  }
  const igw = active.find((r) => r.GatewayId?.startsWith('igw-'));
  if (igw) {
    evidence.push(publicIpEvidence(target, subnet));
    return { egress: { kind: 'igw', route: igw, publicIp: hasPublicIp(target, subnet) }, evidence };
  }
  const other = active.find((r) => r.TransitGatewayId || r.NetworkInterfaceId || r.InstanceId || r.VpcPeeringConnectionId || r.GatewayId?.startsWith('vgw-'));
  if (other) return { egress: { kind: 'other', route: other }, evidence };
  return { egress: { kind: 'none' }, evidence };
}

/** Which of the private-setup endpoints a subnet can use, by service. */
function endpointCoverage(target: NetworkTarget, subnet: E.Subnet, table: E.RouteTable | undefined, facts: NetworkFacts) {
  const endpoints = (facts.vpcEndpoints?.VpcEndpoints ?? []).filter(
    (e) => e.VpcId === subnet.VpcId && (e.State ?? '').toLowerCase() === 'available',
  );
  const found: string[] = [];
  const missing: EndpointNeed[] = [];
  for (const need of privateEndpointNeeds(target.platform)) {
    const match = endpoints.find((e) => {
      if (!(e.ServiceName ?? '').endsWith(`.${target.region}.${need.service}`)) return false;
      if (need.gateway) {
        return (e.VpcEndpointType ?? 'Gateway').toLowerCase() === 'gateway' && table?.RouteTableId !== undefined && (e.RouteTableIds ?? []).includes(table.RouteTableId);
      }
      return (e.VpcEndpointType ?? 'Interface').toLowerCase() === 'interface' && e.PrivateDnsEnabled !== false;
    });
    if (match) found.push(`${need.service} (${match.VpcEndpointId})`);
    else missing.push(need);
  }
  return { found, missing };
}

/** A private ECR image (`123456789012.dkr.ecr.<region>.amazonaws.com/…`); the region is group 1. */
export const PRIVATE_ECR = /^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//;

function subnetEgress(target: NetworkTarget, subnet: E.Subnet, facts: NetworkFacts): Check {
  const sid = subnet.SubnetId ?? '?';
  const id = `network.egress.${sid}`;
  const title = `${sid} can reach ECR, ECS and CloudWatch Logs`;
  const { table, implicit } = routeTableFor(subnet, facts.routeTables?.RouteTables ?? []);
  const head = table
    ? [`route table ${table.RouteTableId}${implicit ? ' (implicit: the VPC main table)' : ' (explicit association)'}`]
    : ['no route table found for the subnet or its VPC'];
  const { egress, evidence } = internetEgress(target, subnet, table, facts);
  const ev = [...head, ...evidence];

  if (egress.kind === 'nat') {
    const state = egress.nat?.State;
    if (state && state !== 'available') {
      return fail(id, title, READS.routes, ev, `NAT gateway ${egress.route.NatGatewayId} is ${state}: route 0.0.0.0/0 to an available NAT gateway`);
    }
    return pass(id, title, READS.routes, ev);
  }
  if (egress.kind === 'igw' && egress.publicIp) return pass(id, title, READS.routes, ev);
  if (egress.kind === 'other') {
    return warn(id, title, READS.routes, ev,
      `0.0.0.0/0 goes to ${defaultRouteTarget(egress.route)}; batchctl cannot see whether that reaches the internet or the AWS endpoints`);
  }

  // No internet path: a private setup needs the VPC endpoints, and an image ECR can serve.
  const { found, missing } = endpointCoverage(target, subnet, table, facts);
  ev.push(`VPC endpoints usable from ${sid}: [${found.join(', ')}]`);
  const missingRequired = missing.filter((m) => m.required);
  const image = target.image;
  const publicImage = image !== undefined && !PRIVATE_ECR.test(image);
  const internetFix = egress.kind === 'igw'
    ? target.platform === 'fargate'
      ? 'the subnet routes to an internet gateway but the task gets no public IP: set assignPublicIp ENABLED (--assign-public-ip), or use private subnets with a NAT gateway'
      : `the subnet routes to an internet gateway but instances get no public IP: aws ec2 modify-subnet-attribute --subnet-id ${sid} --map-public-ip-on-launch, or use private subnets with a NAT gateway`
    : `route 0.0.0.0/0 to a NAT gateway (private subnet) or an internet gateway (public subnet)`;
  const endpointList = (needs: EndpointNeed[]) =>
    needs.map((m) => `com.amazonaws.${target.region}.${m.service}${m.gateway ? ' (gateway)' : ''}`).join(', ');

  if (missingRequired.length > 0) {
    return fail(id, title, `${READS.routes}; ${READS.endpoints}`,
      [...ev, ...missingRequired.map((m) => `no endpoint ${m.service}: ${m.why}`)],
      `${internetFix}; or, for a private setup, create the VPC endpoints ${endpointList(missingRequired)}`);
  }
  if (publicImage) {
    return fail(id, title, `${READS.routes}; ${READS.endpoints}`,
      [...ev, `image ${image} is not in this region's ECR; VPC endpoints cannot reach it`],
      `${internetFix}; or copy the image to ECR (or an ECR pull-through cache) in ${target.region}`);
  }
  if (missing.length > 0) {
    return warn(id, title, `${READS.routes}; ${READS.endpoints}`,
      [...ev, ...missing.map((m) => `no endpoint ${m.service}: ${m.why}`)], `create the VPC endpoints ${endpointList(missing)}`);
  }
  return pass(id, title, `${READS.routes}; ${READS.endpoints}`, ev);
}

/**
 * What one subnet of a target can reach, for the simulator's job engine (docs/simulator.md
 * "Networking"): the same routes, NAT gateways, VPC endpoints and security-group egress the checks
 * above judge, reduced to two answers. `ecs`: an EC2 instance there can register with its ECS cluster
 * (always true for Fargate and EKS, which do not register); `registry`: a task there can pull the
 * target's image. `why` is the evidence of a `false`.
 */
export interface SubnetReach {
  subnetId: string;
  ecs: boolean;
  registry: boolean;
  /** The route that decides it, e.g. `rtb-…: no 0.0.0.0/0 route`, `rtb-…: 0.0.0.0/0 -> nat-… (active)`. */
  route: string;
  /** Required endpoints that are missing (no internet path), by service name. */
  missingEndpoints: string[];
  /** True when the answer rests on a path to the internet (NAT, or IGW with a public IP, or an opaque route). */
  internet: boolean;
  why: string[];
}

const ECS_ENDPOINTS = ['ecs', 'ecs-agent', 'ecs-telemetry'];
const ECR_ENDPOINTS = ['ecr.api', 'ecr.dkr', 's3'];

/** Whether the image lives in this region's private ECR (reachable through VPC endpoints). */
export function isRegionalEcrImage(image: string | undefined, region: string): boolean {
  const m = image === undefined ? null : PRIVATE_ECR.exec(image);
  return m !== null && m[1] === region;
}

/**
 * `publicIp` (EC2) overrides the subnet's MapPublicIpOnLaunch: an instance keeps the public IP it got
 * (or not) at launch whatever the subnet's attribute says later.
 */
export function subnetReach(target: NetworkTarget, subnetId: string, facts: NetworkFacts, publicIp?: boolean): SubnetReach {
  const found = (facts.subnets?.Subnets ?? []).find((s) => s.SubnetId === subnetId);
  const subnet = found && publicIp !== undefined && target.platform !== 'fargate' ? { ...found, MapPublicIpOnLaunch: publicIp } : found;
  const none = (route: string, why: string[]): SubnetReach => ({ subnetId, ecs: false, registry: false, route, missingEndpoints: [], internet: false, why });
  if (!subnet) return none('no such subnet', [`${subnetId}: not found`]);
  const sgs = (facts.securityGroups?.SecurityGroups ?? []).filter((g) => target.securityGroupIds.includes(g.GroupId ?? ''));
  const sg = sgEgress(sgs);
  const { table } = routeTableFor(subnet, facts.routeTables?.RouteTables ?? []);
  const { egress, evidence } = internetEgress(target, subnet, table, facts);
  const route = evidence[0] ?? '';
  if (sg.verdict === 'FAIL') return none(route, [...sg.evidence, 'no security group allows HTTPS (tcp 443) out']);
  const natUp = egress.kind === 'nat' && (egress.nat?.State === undefined || egress.nat.State === 'available');
  const internet = natUp || (egress.kind === 'igw' && egress.publicIp) || egress.kind === 'other';
  if (internet) return { subnetId, ecs: true, registry: true, route, missingEndpoints: [], internet: true, why: evidence };
  const { missing } = endpointCoverage(target, subnet, table, facts);
  const gone = missing.map((m) => m.service);
  const ecs = target.platform !== 'ec2' || !ECS_ENDPOINTS.some((e) => gone.includes(e));
  const registry = isRegionalEcrImage(target.image, target.region) && !ECR_ENDPOINTS.some((e) => gone.includes(e));
  const why = [...evidence];
  if (egress.kind === 'nat') why.push(`NAT gateway ${egress.route.NatGatewayId} is ${egress.nat?.State}`);
  if (egress.kind === 'igw') why.push(`${publicIpEvidence(target, subnet)}: no public IP, so the internet gateway route does not help`);
  if (gone.length) why.push(`no VPC endpoint for ${gone.join(', ')}`);
  if (!registry && target.image !== undefined && !isRegionalEcrImage(target.image, target.region)) why.push(`image ${target.image} is not in this region's ECR; VPC endpoints cannot reach it`);
  return { subnetId, ecs, registry, route, missingEndpoints: gone.filter((s) => ECS_ENDPOINTS.includes(s) || ECR_ENDPOINTS.includes(s)), internet: false, why };
}

function securityGroupChecks(target: NetworkTarget, sgs: E.SecurityGroup[], vpcs: string[]): Check[] {
  const checks: Check[] = [];
  const idExist = 'network.sg.exist';
  const title = 'the security groups exist';
  if (target.securityGroupIds.length === 0) {
    checks.push(fail(idExist, title, READS.sgs, ['no security groups were given'], 'pass --security-groups (the wizard defaults to the VPC\'s default group)'));
    return checks;
  }
  const found = new Set(sgs.map((g) => g.GroupId));
  const missing = target.securityGroupIds.filter((g) => !found.has(g));
  const evidence = sgs.map((g) => `DescribeSecurityGroups.SecurityGroups[${g.GroupId}]: GroupName=${g.GroupName}, VpcId=${g.VpcId}`);
  if (missing.length > 0) {
    checks.push(fail(idExist, title, READS.sgs, [...evidence, ...missing.map((m) => `${m}: not found in ${target.region}`)], 'check the ids and the region'));
  } else checks.push(pass(idExist, title, READS.sgs, evidence));
  if (sgs.length === 0) return checks;

  if (vpcs.length === 1) {
    const vpc = vpcs[0];
    const elsewhere = sgs.filter((g) => g.VpcId !== vpc);
    const ev = sgs.map((g) => `DescribeSecurityGroups.SecurityGroups[${g.GroupId}].VpcId=${g.VpcId}`);
    if (elsewhere.length > 0) {
      checks.push(fail('network.sg.vpc', `the security groups are in the subnets' VPC ${vpc}`, READS.sgs, ev,
        `a security group can only be used in its own VPC: choose groups of ${vpc} (aws ec2 describe-security-groups --filters Name=vpc-id,Values=${vpc})`));
    } else checks.push(pass('network.sg.vpc', `the security groups are in the subnets' VPC ${vpc}`, READS.sgs, ev));
  }

  checks.push(sgEgress(sgs));
  checks.push(sshOpen(sgs));
  return checks;
}

function coversPort(p: E.IpPermission, port: number): boolean {
  if (p.IpProtocol === '-1') return true;
  if (p.IpProtocol !== 'tcp' && p.IpProtocol !== '6') return false;
  if (p.FromPort === undefined || p.FromPort === -1) return true;
  return p.FromPort <= port && port <= (p.ToPort ?? p.FromPort);
}

function describeRule(g: E.SecurityGroup, p: E.IpPermission): string {
  const ports = p.IpProtocol === '-1' ? 'all traffic' : `${p.IpProtocol} ${p.FromPort}-${p.ToPort}`;
  const to = [
    ...(p.IpRanges ?? []).map((r) => r.CidrIp),
    ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
    ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId),
    ...(p.UserIdGroupPairs ?? []).map((r) => r.GroupId),
  ].join(', ');
  return `${g.GroupId}: ${ports} ${to}`;
}

/** Security-group rules are additive: one group allowing HTTPS out is enough. */
function sgEgress(sgs: E.SecurityGroup[]): Check {
  const id = 'network.sg.egress';
  const title = 'the security groups allow HTTPS (tcp 443) out';
  const open: string[] = [];
  const narrow: string[] = [];
  for (const g of sgs) {
    for (const p of g.IpPermissionsEgress ?? []) {
      if (!coversPort(p, 443)) continue;
      const anywhere = (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0') || (p.PrefixListIds ?? []).length > 0;
      (anywhere ? open : narrow).push(`IpPermissionsEgress ${describeRule(g, p)}`);
    }
  }
  if (open.length > 0) return pass(id, title, READS.egress, open);
  const fix = `aws ec2 authorize-security-group-egress --group-id ${sgs[0]?.GroupId} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]'`;
  if (narrow.length > 0) {
    return warn(id, title, READS.egress, [...narrow, 'no rule allows 443 to 0.0.0.0/0 or a prefix list'],
      `enough for VPC endpoints only; image pulls from the internet need: ${fix}`);
  }
  return fail(id, title, READS.egress, sgs.map((g) => `${g.GroupId}: ${(g.IpPermissionsEgress ?? []).length} egress rules, none covering tcp 443`),
    `instances and tasks cannot pull images or reach ECS: ${fix}`);
}

function sshOpen(sgs: E.SecurityGroup[]): Check {
  const id = 'network.sg.ssh';
  const title = 'SSH (22) is not open to the internet';
  const open: string[] = [];
  for (const g of sgs) {
    for (const p of g.IpPermissions ?? []) {
      if (!coversPort(p, 22)) continue;
      const world = (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0') || (p.Ipv6Ranges ?? []).some((r) => r.CidrIpv6 === '::/0');
      if (world) open.push(`IpPermissions ${describeRule(g, p)}`);
    }
  }
  if (open.length > 0) {
    return warn(id, title, READS.ingress, open,
      'Batch needs no inbound ports; allow SSH only from your address (x.x.x.x/32, see https://checkip.amazonaws.com) or remove the rule');
  }
  return pass(id, title, READS.ingress, [`${sgs.length} group(s): no inbound rule opens port 22 to 0.0.0.0/0 or ::/0`]);
}

function fargatePublicIp(target: NetworkTarget, subnets: E.Subnet[], facts: NetworkFacts): Check | undefined {
  if (subnets.length === 0) return undefined;
  const id = 'network.fargate.public-ip';
  const value = target.assignPublicIp ?? 'DISABLED';
  const title = `assignPublicIp=${value} suits the subnets`;
  const evidence: string[] = [`networkConfiguration.assignPublicIp=${value}`];
  const igwOnly: string[] = [];
  for (const s of subnets) {
    const { table } = routeTableFor(s, facts.routeTables?.RouteTables ?? []);
    const { egress } = internetEgress({ ...target, assignPublicIp: 'ENABLED' }, s, table, facts);
    evidence.push(`${s.SubnetId}: 0.0.0.0/0 -> ${egress.kind === 'none' ? 'none' : defaultRouteTarget(egress.route)}`);
    if (egress.kind === 'igw') igwOnly.push(s.SubnetId ?? '?');
  }
  if (value !== 'ENABLED' && igwOnly.length > 0) {
    return fail(id, title, `${READS.routes}; RegisterJobDefinition containerProperties.networkConfiguration.assignPublicIp`, evidence,
      `public subnets (${igwOnly.join(', ')}) give a Fargate task internet access only with a public IP: set assignPublicIp ENABLED (--assign-public-ip), or use private subnets behind a NAT gateway`);
  }
  return pass(id, title, READS.routes, evidence);
}
