/**
 * Run tests for `batchctl network check` against the in-memory simulator. The simulator's world has
 * one default VPC and no CreateSubnet/CreateRouteTable/CreateVpc, so a private subnet and a second
 * VPC are stood in for by replacing the Describe answers (helpers.ts `overrides`).
 */
import type * as E from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { defaultNetwork, harness, type Harness } from '../setup/helpers.js';

/** Adds a subnet in the default VPC whose explicit route table has only the local route. */
function privateSubnet(h: Harness, id = 'subnet-0private'): void {
  h.overrides['ec2.describeSubnets'] = async (input: E.DescribeSubnetsRequest, next) => {
    const out = (await next(input)) as E.DescribeSubnetsResult;
    const { vpc } = await defaultNetwork(await h.sim());
    const extra: E.Subnet = { SubnetId: id, VpcId: vpc, AvailabilityZone: 'us-east-1a', State: 'available', MapPublicIpOnLaunch: false, AvailableIpAddressCount: 250 };
    const wanted = (input.Filters ?? []).find((f) => f.Name === 'subnet-id')?.Values;
    const byVpc = (input.Filters ?? []).find((f) => f.Name === 'vpc-id')?.Values;
    const include = wanted ? wanted.includes(id) : byVpc ? byVpc.includes(vpc) : true;
    return { ...out, Subnets: [...(out.Subnets ?? []), ...(include ? [extra] : [])] };
  };
  h.overrides['ec2.describeRouteTables'] = async (input, next) => {
    const out = (await next(input)) as E.DescribeRouteTablesResult;
    const { vpc } = await defaultNetwork(await h.sim());
    const table: E.RouteTable = {
      RouteTableId: 'rtb-0private', VpcId: vpc,
      Associations: [{ Main: false, SubnetId: id, RouteTableId: 'rtb-0private' }],
      Routes: [{ DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active' }],
    };
    return { ...out, RouteTables: [...(out.RouteTables ?? []), table] };
  };
}

/** A security group in another VPC. */
function foreignGroup(h: Harness, id = 'sg-0elsewhere'): void {
  h.overrides['ec2.describeSecurityGroups'] = async (input: E.DescribeSecurityGroupsRequest, next) => {
    const out = (await next(input)) as E.DescribeSecurityGroupsResult;
    const wanted = (input.Filters ?? []).find((f) => f.Name === 'group-id')?.Values;
    const extra: E.SecurityGroup = { GroupId: id, GroupName: 'other', VpcId: 'vpc-0other', OwnerId: '123456789012', IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], IpPermissions: [] };
    return { ...out, SecurityGroups: [...(out.SecurityGroups ?? []), ...(wanted?.includes(id) ? [extra] : [])] };
  };
}

describe('network check', () => {
  it('passes on the default VPC (its subnets route to an internet gateway; the default group allows all out)', async () => {
    const h = harness();
    const { vpc, subnets, sg } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Network for AWS Batch [sim] fargate: subnets ${subnets.join(', ')}; security groups ${sg} from the default VPC ${vpc}`);
    expect(r.stdout).toContain(`PASS  ${subnets[0]} can reach ECR, ECS and CloudWatch Logs\n`);
    expect(r.stdout).toContain('PASS  assignPublicIp=ENABLED suits the subnets\n');
    expect(r.stdout).toMatch(/10 passed, 0 warnings, 0 failed\n$/);
  });

  it('-o json: the target and every check as data', async () => {
    const h = harness();
    const r = await h.run('network', 'check', '--platform', 'ec2', '-o', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.target.platform).toBe('ec2');
    expect(out.target.assignPublicIp).toBeUndefined();
    expect(out.summary).toEqual({ PASS: 9, WARN: 0, FAIL: 0 });
    expect(out.checks.find((c: { id: string }) => c.id === 'network.sg.egress').evidence).toEqual([expect.stringMatching(/^IpPermissionsEgress sg-\w+: all traffic 0\.0\.0\.0\/0$/)]);
  });

  it('fails a subnet whose route table has no route out, with the fix (exit 1)', async () => {
    const h = harness();
    privateSubnet(h);
    const { sg } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check', '--subnets', 'subnet-0private', '--security-groups', sg, '--no-assign-public-ip');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  subnet-0private can reach ECR, ECS and CloudWatch Logs\n      route table rtb-0private (explicit association)\n      rtb-0private: no 0.0.0.0/0 route\n');
    expect(r.stdout).toContain('fix: route 0.0.0.0/0 to a NAT gateway (private subnet) or an internet gateway (public subnet)');
  });

  it('fails Fargate without a public IP on a public subnet', async () => {
    const h = harness();
    const r = await h.run('network', 'check', '--no-assign-public-ip');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  assignPublicIp=DISABLED suits the subnets');
  });

  it('fails a security group from another VPC', async () => {
    const h = harness();
    foreignGroup(h);
    const { subnets, vpc } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check', '--subnets', subnets[0]!, '--security-groups', 'sg-0elsewhere');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  the security groups are in the subnets' VPC ${vpc}\n      DescribeSecurityGroups.SecurityGroups[sg-0elsewhere].VpcId=vpc-0other\n`);
  });

  it('fails unknown subnets, and --vpc that does not exist is bad input (exit 2)', async () => {
    const h = harness();
    const r = await h.run('network', 'check', '--subnets', 'subnet-0nope', '--security-groups', 'sg-0nope');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  the subnets exist\n      subnet-0nope: not found in us-east-1\n');
    const v = await h.run('network', 'check', '--vpc', 'vpc-0nope');
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('error: no VPC vpc-0nope in us-east-1 [sim] (--vpc)');
  });

  it('takes the default security group of the given subnets\' VPC', async () => {
    const h = harness();
    const { subnets, sg } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check', '--subnets', subnets[1]!, '-o', 'json');
    expect(JSON.parse(r.stdout).target).toMatchObject({ subnetIds: [subnets[1]], securityGroupIds: [sg] });
  });
});
