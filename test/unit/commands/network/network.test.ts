/**
 * Run tests for `batchctl network check` against the in-memory simulator. A private subnet and a
 * second VPC are made with the port's EC2 calls (CreateSubnet, CreateRouteTable, CreateVpc, ...),
 * as they would be on AWS.
 */
import { describe, expect, it } from 'vitest';
import { defaultNetwork, harness, type Harness } from '../setup/helpers.js';

/** A subnet in the default VPC whose explicit route table has only the local route; returns their ids. */
async function privateSubnet(h: Harness): Promise<{ subnet: string; rtb: string }> {
  const sim = await h.sim();
  const { vpc } = await defaultNetwork(sim);
  const subnet = (await sim.ec2.createSubnet({ VpcId: vpc, CidrBlock: '172.31.128.0/24', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
  const rtb = (await sim.ec2.createRouteTable({ VpcId: vpc })).RouteTable!.RouteTableId!;
  await sim.ec2.associateRouteTable({ RouteTableId: rtb, SubnetId: subnet });
  return { subnet, rtb };
}

/** A security group in another VPC; returns its id and that VPC's. */
async function foreignGroup(h: Harness): Promise<{ sg: string; vpc: string }> {
  const sim = await h.sim();
  const vpc = (await sim.ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc!.VpcId!;
  const sg = (await sim.ec2.createSecurityGroup({ VpcId: vpc, GroupName: 'other', Description: 'elsewhere' })).GroupId!;
  return { sg, vpc };
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
    const { subnet, rtb } = await privateSubnet(h);
    const { sg } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check', '--subnets', subnet, '--security-groups', sg, '--no-assign-public-ip');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  ${subnet} can reach ECR, ECS and CloudWatch Logs\n      route table ${rtb} (explicit association)\n      ${rtb}: no 0.0.0.0/0 route\n`);
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
    const other = await foreignGroup(h);
    const { subnets, vpc } = await defaultNetwork(await h.sim());
    const r = await h.run('network', 'check', '--subnets', subnets[0]!, '--security-groups', other.sg);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  the security groups are in the subnets' VPC ${vpc}\n      DescribeSecurityGroups.SecurityGroups[${other.sg}].VpcId=${other.vpc}\n`);
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

  it('takes security groups as --security-groups only, like the rest of the CLI (no --security-group-ids)', async () => {
    const h = harness();
    const r = await h.run('network', 'check', '--security-group-ids', 'sg-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--security-group-ids'/);
    expect(r.stderr).toMatch(/--security-groups/);
  });
});
