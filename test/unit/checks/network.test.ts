import { describe, expect, it } from 'vitest';
import { evaluateNetwork, networkFactRequests, recordNetworkFact, subnetReach, type NetworkFacts, type NetworkTarget } from '../../../src/domain/checks/network.js';
import { worstVerdict, type Check } from '../../../src/domain/checks/types.js';
import { allFacts, ENDPOINTS, REGION, SUBNETS } from './network-fixtures.js';

const byId = (checks: Check[], id: string) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
};

const target = (over: Partial<NetworkTarget>): NetworkTarget => ({
  platform: 'ec2', region: REGION, subnetIds: ['subnet-0pub1a', 'subnet-0pub1b'], securityGroupIds: ['sg-0default'], ...over,
});

describe('networkFactRequests', () => {
  it('reads subnets and groups by filter first, then the per-VPC tables', () => {
    const t = target({});
    const facts: NetworkFacts = {};
    const first = networkFactRequests(t, facts);
    expect(first.map((r) => r.operation)).toEqual(['DescribeSubnets', 'DescribeSecurityGroups']);
    expect(first[0]!.input).toEqual({ Filters: [{ Name: 'subnet-id', Values: ['subnet-0pub1a', 'subnet-0pub1b'] }] });
    recordNetworkFact(facts, first[0]!, { Subnets: SUBNETS.slice(0, 2) });
    recordNetworkFact(facts, first[1]!, { SecurityGroups: [] });
    const second = networkFactRequests(t, facts);
    expect(second.map((r) => r.operation)).toEqual(['DescribeRouteTables', 'DescribeNatGateways', 'DescribeVpcEndpoints']);
    expect(second[0]!.input).toEqual({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0default'] }] });
    for (const r of second) recordNetworkFact(facts, r, {});
    expect(networkFactRequests(t, facts)).toEqual([]);
  });
});

describe('evaluateNetwork', () => {
  it('passes the default VPC (public subnets, implicit main table with an IGW route, default SG)', () => {
    const checks = evaluateNetwork(target({}), allFacts());
    expect(worstVerdict(checks)).toBe('PASS');
    const egress = byId(checks, 'network.egress.subnet-0pub1a');
    expect(egress.evidence).toContain('route table rtb-0defmain (implicit: the VPC main table)');
    expect(egress.evidence).toContain('rtb-0defmain: 0.0.0.0/0 -> igw-0abc (active)');
  });

  it('fails a Fargate task on a public subnet without a public IP, and passes it with one', () => {
    const off = evaluateNetwork(target({ platform: 'fargate', assignPublicIp: 'DISABLED' }), allFacts());
    expect(byId(off, 'network.egress.subnet-0pub1a').verdict).toBe('FAIL');
    const pip = byId(off, 'network.fargate.public-ip');
    expect(pip.verdict).toBe('FAIL');
    expect(pip.fix).toContain('assignPublicIp ENABLED');
    const on = evaluateNetwork(target({ platform: 'fargate', assignPublicIp: 'ENABLED' }), allFacts());
    expect(worstVerdict(on)).toBe('PASS');
  });

  it('fails a private subnet with neither NAT nor endpoints, naming the missing endpoints', () => {
    const checks = evaluateNetwork(target({ subnetIds: ['subnet-0priv1a'], securityGroupIds: ['sg-0private'] }), allFacts());
    const c = byId(checks, 'network.egress.subnet-0priv1a');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence).toContain('rtb-0privmain: no 0.0.0.0/0 route');
    expect(c.fix).toContain('NAT gateway');
    // The VPC's interface endpoints serve every subnet; the S3 gateway is on another route table.
    expect(c.fix).toContain(`com.amazonaws.${REGION}.s3 (gateway)`);
    expect(c.fix).not.toContain('ecr.dkr');
  });

  it('lists every missing endpoint in a VPC that has none', () => {
    const facts = allFacts();
    facts.vpcEndpoints = { VpcEndpoints: [] };
    const c = byId(evaluateNetwork(target({ subnetIds: ['subnet-0priv1a'], securityGroupIds: ['sg-0private'] }), facts), 'network.egress.subnet-0priv1a');
    for (const svc of ['ecs', 'ecs-agent', 'ecs-telemetry', 'ecr.api', 'ecr.dkr', 's3', 'logs']) expect(c.fix).toContain(`com.amazonaws.${REGION}.${svc}`);
  });

  it('passes a private subnet behind an available NAT gateway (explicit association)', () => {
    const checks = evaluateNetwork(target({ subnetIds: ['subnet-0nat1b'], securityGroupIds: ['sg-0private'] }), allFacts());
    const c = byId(checks, 'network.egress.subnet-0nat1b');
    expect(c.verdict).toBe('PASS');
    expect(c.evidence).toContain('DescribeNatGateways.NatGateways[nat-0123].State=available');
  });

  it('fails a route to a deleted NAT gateway and ignores a blackhole route', () => {
    const facts = allFacts();
    facts.natGateways = { NatGateways: [{ NatGatewayId: 'nat-0123', State: 'deleted' }] };
    expect(byId(evaluateNetwork(target({ subnetIds: ['subnet-0nat1b'], securityGroupIds: ['sg-0private'] }), facts), 'network.egress.subnet-0nat1b').verdict).toBe('FAIL');
    const bh = structuredClone(allFacts());
    bh.routeTables!.RouteTables![2]!.Routes![1]!.State = 'blackhole';
    const c = byId(evaluateNetwork(target({ subnetIds: ['subnet-0nat1b'], securityGroupIds: ['sg-0private'] }), bh), 'network.egress.subnet-0nat1b');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence).toContain('rtb-0nat: 0.0.0.0/0 -> nat-0123 (blackhole)');
  });

  it('accepts a private Fargate subnet with the ECR, S3 gateway and logs endpoints and an ECR image', () => {
    const t = target({
      platform: 'fargate', subnetIds: ['subnet-0endp1c'], securityGroupIds: ['sg-0private'],
      image: `123456789012.dkr.ecr.${REGION}.amazonaws.com/app:1`,
    });
    const c = byId(evaluateNetwork(t, allFacts()), 'network.egress.subnet-0endp1c');
    expect(c.verdict).toBe('PASS');
    expect(c.evidence.at(-1)).toContain('s3 (vpce-0s3)');
  });

  it('fails the same private subnet for an image on a public registry', () => {
    const t = target({ platform: 'fargate', subnetIds: ['subnet-0endp1c'], securityGroupIds: ['sg-0private'], image: 'public.ecr.aws/amazonlinux/amazonlinux:latest' });
    const c = byId(evaluateNetwork(t, allFacts()), 'network.egress.subnet-0endp1c');
    expect(c.verdict).toBe('FAIL');
    expect(c.fix).toContain('pull-through cache');
  });

  it('requires the S3 gateway endpoint to be on the subnet\'s route table', () => {
    const facts = allFacts();
    facts.vpcEndpoints = { VpcEndpoints: ENDPOINTS.map((e) => (e.VpcEndpointId === 'vpce-0s3' ? { ...e, RouteTableIds: ['rtb-0nat'] } : e)) };
    const t = target({ platform: 'fargate', subnetIds: ['subnet-0endp1c'], securityGroupIds: ['sg-0private'] });
    const c = byId(evaluateNetwork(t, facts), 'network.egress.subnet-0endp1c');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence).toContain('no endpoint s3: ECR image layers are served from S3');
  });

  it('fails subnets spread over two VPCs and an unknown subnet', () => {
    const checks = evaluateNetwork(target({ subnetIds: ['subnet-0pub1a', 'subnet-0nat1b', 'subnet-0gone'] }), allFacts());
    expect(byId(checks, 'network.subnets.one-vpc').verdict).toBe('FAIL');
    const exist = byId(checks, 'network.subnets.exist');
    expect(exist.verdict).toBe('FAIL');
    expect(exist.evidence).toContain('subnet-0gone: not found in us-east-1');
  });

  it('fails a security group from another VPC', () => {
    const c = byId(evaluateNetwork(target({ securityGroupIds: ['sg-0private'] }), allFacts()), 'network.sg.vpc');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence).toEqual(['DescribeSecurityGroups.SecurityGroups[sg-0private].VpcId=vpc-0private']);
  });

  it('fails a security group without HTTPS egress; passes when another group adds it', () => {
    const c = byId(evaluateNetwork(target({ securityGroupIds: ['sg-0http-only'] }), allFacts()), 'network.sg.egress');
    expect(c.verdict).toBe('FAIL');
    expect(c.fix).toContain('FromPort=443');
    expect(byId(evaluateNetwork(target({ securityGroupIds: ['sg-0http-only', 'sg-0default'] }), allFacts()), 'network.sg.egress').verdict).toBe('PASS');
  });

  it('warns on HTTPS egress limited to the VPC CIDR (fine for endpoints only)', () => {
    const c = byId(evaluateNetwork(target({ subnetIds: ['subnet-0nat1b'], securityGroupIds: ['sg-0private'] }), allFacts()), 'network.sg.egress');
    expect(c.verdict).toBe('WARN');
  });

  it('warns on SSH open to 0.0.0.0/0', () => {
    const c = byId(evaluateNetwork(target({ securityGroupIds: ['sg-0ssh'] }), allFacts()), 'network.sg.ssh');
    expect(c.verdict).toBe('WARN');
    expect(c.evidence).toEqual(['IpPermissions sg-0ssh: tcp 22-22 0.0.0.0/0']);
    expect(byId(evaluateNetwork(target({}), allFacts()), 'network.sg.ssh').verdict).toBe('PASS');
  });

  it('warns on a transit-gateway default route it cannot follow', () => {
    const facts = structuredClone(allFacts());
    facts.routeTables!.RouteTables![1]!.Routes!.push({ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-0abc', State: 'active' });
    expect(byId(evaluateNetwork(target({ subnetIds: ['subnet-0priv1a'], securityGroupIds: ['sg-0private'] }), facts), 'network.egress.subnet-0priv1a').verdict).toBe('WARN');
  });
});

describe('subnetReach (what the simulator\'s job engine asks)', () => {
  const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1';
  it('a public subnet reaches everything; the same subnet without a public IP does not', () => {
    const r = subnetReach(target({}), 'subnet-0pub1a', allFacts());
    expect(r).toMatchObject({ ecs: true, registry: true, internet: true, route: 'rtb-0defmain: 0.0.0.0/0 -> igw-0abc (active)' });
    const launchedWithout = subnetReach(target({}), 'subnet-0pub1a', allFacts(), false);
    expect(launchedWithout).toMatchObject({ ecs: false, registry: false, internet: false });
    expect(launchedWithout.why).toContain('DescribeSubnets.Subnets[subnet-0pub1a].MapPublicIpOnLaunch=false: no public IP, so the internet gateway route does not help');
    const fargate = subnetReach(target({ platform: 'fargate', assignPublicIp: 'DISABLED' }), 'subnet-0pub1a', allFacts());
    expect(fargate).toMatchObject({ ecs: true, registry: false });
  });

  it('a private subnet without NAT or enough endpoints reaches nothing; an unavailable NAT gateway is no way out', () => {
    const t = target({ subnetIds: ['subnet-0priv1a'], securityGroupIds: ['sg-0private'] });
    const r = subnetReach(t, 'subnet-0priv1a', allFacts());
    expect(r).toMatchObject({ ecs: false, registry: false, route: 'rtb-0privmain: no 0.0.0.0/0 route' });
    // The VPC's interface endpoints (private DNS) serve every subnet; the S3 gateway only its route table's.
    expect(r.missingEndpoints).toEqual(['ecs-agent', 'ecs-telemetry', 's3']);
    expect(r.why).toContain('no VPC endpoint for ecs-agent, ecs-telemetry, s3');
    const nat = subnetReach(target({ subnetIds: ['subnet-0nat1b'] }), 'subnet-0nat1b', allFacts());
    expect(nat).toMatchObject({ ecs: true, registry: true, internet: true });
    const pending = allFacts();
    pending.natGateways = { NatGateways: [{ ...pending.natGateways!.NatGateways![0]!, State: 'pending' }] };
    expect(subnetReach(target({ subnetIds: ['subnet-0nat1b'] }), 'subnet-0nat1b', pending)).toMatchObject({ ecs: false, registry: false });
  });

  it('endpoints: the ECR ones serve only this region\'s ECR images; ECS registration needs ecs, ecs-agent and ecs-telemetry', () => {
    const t = (image?: string) => target({ subnetIds: ['subnet-0endp1c'], image });
    expect(subnetReach(t(ecr), 'subnet-0endp1c', allFacts())).toMatchObject({ ecs: false, registry: true, missingEndpoints: ['ecs-agent', 'ecs-telemetry'] });
    expect(subnetReach(t('public.ecr.aws/amazonlinux/amazonlinux:2023'), 'subnet-0endp1c', allFacts())).toMatchObject({ registry: false });
    expect(subnetReach(t('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1'), 'subnet-0endp1c', allFacts())).toMatchObject({ registry: false });
    expect(subnetReach({ ...t(ecr), platform: 'fargate' }, 'subnet-0endp1c', allFacts())).toMatchObject({ ecs: true, registry: true });
  });

  it('a security group without HTTPS egress stops everything; an unknown subnet reaches nothing', () => {
    expect(subnetReach(target({ securityGroupIds: ['sg-0http-only'] }), 'subnet-0pub1a', allFacts())).toMatchObject({ ecs: false, registry: false });
    expect(subnetReach(target({}), 'subnet-0gone', allFacts())).toMatchObject({ ecs: false, registry: false, route: 'no such subnet' });
  });
});
