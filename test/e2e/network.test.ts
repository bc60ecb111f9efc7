/**
 * Stuck in RUNNABLE, end to end through the built CLI: `sim scenario apply private-subnet-no-nat`
 * builds a compute environment in a subnet with no route out; simulated hours later the job is
 * still RUNNABLE and `doctor` fails naming the subnet and the missing route. A NAT gateway and a
 * default route to it (made with the EC2 calls on the same store: batchctl has no verb that edits
 * a network) let the instance join, and the job runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openSimBackend } from '../../src/backend/sim/index.js';
import { sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

const json = (args: string[]) => box.json(args);

const status = async (id: string): Promise<string> => (await json(['job', 'describe', id])).jobs[0].status;

describe('private subnet without NAT: stuck in RUNNABLE until the route is fixed', () => {
  it('stays RUNNABLE, doctor names the subnet and the missing route; a NAT route un-sticks it', async () => {
    const out = await json(['sim', 'scenario', 'apply', 'private-subnet-no-nat']);
    const id: string = out.jobIds[0];
    expect((await box.run(['sim', 'advance', '6h'])).code).toBe(0);
    expect(await status(id)).toBe('RUNNABLE');
    const ce = (await json(['ce', 'list'])).computeEnvironments.find((c: { computeEnvironmentName: string }) => c.computeEnvironmentName === 'scn-private-ce');
    expect(ce.status).toBe('VALID');
    expect(ce.computeResources.desiredvCpus).toBeGreaterThan(0);

    const sim = await openSimBackend({ home: box.home });
    const subnet = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'tag:Name', Values: ['scn-private-subnet'] }] })).Subnets![0]!.SubnetId!;
    const rtb = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] })).RouteTables![0]!.RouteTableId!;
    await sim.close();

    const doctor = await box.run(['doctor', 'job', id]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`scn-private-ce: ${subnet} can reach ECR, ECS and CloudWatch Logs`);
    expect(doctor.stdout).toContain(`${rtb}: no 0.0.0.0/0 route`);
    expect(doctor.stdout).toContain('route 0.0.0.0/0 to a NAT gateway');

    const fix = await openSimBackend({ home: box.home });
    const publicSubnet = (await fix.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets![0]!.SubnetId!;
    const nat = (await fix.ec2.createNatGateway({ SubnetId: publicSubnet, AllocationId: 'eipalloc-0123456789abcdef0' })).NatGateway!.NatGatewayId!;
    await fix.ec2.createRoute({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
    await fix.close();

    expect((await box.run(['sim', 'advance', '5m'])).code).toBe(0);
    expect(await status(id)).toBe('SUCCEEDED');
    const after = await box.run(['doctor', 'ce', 'scn-private-ce']);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`✓ PASS  ${subnet} can reach ECR, ECS and CloudWatch Logs  [ce.network.egress.${subnet}]`);
    const evidence = (await json(['doctor', 'ce', 'scn-private-ce'])).targets[0].checks.find((c: { id: string }) => c.id === `ce.network.egress.${subnet}`).evidence;
    expect(evidence).toContain(`${rtb}: 0.0.0.0/0 -> ${nat} (active)`);
  }, 60_000);
});
