/**
 * Each doctor rule against its scenario, built in the simulator by `sim scenario apply` (through
 * the port and the simulator's controls), then `doctor … -o json`: the verdict and the evidence.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import type { Check } from '../../../src/domain/checks/types.js';

interface Report {
  targets: Array<{ kind: string; name: string; verdict: string; checks: Check[] }>;
}

async function apply(name: string): Promise<{ t: TestContext; out: { jobIds: string[]; queues: string[]; computeEnvironments: string[] } }> {
  const t = createTestContext();
  expect(await t.run('-o', 'json', 'sim', 'scenario', 'apply', name)).toBe(0);
  return { t, out: JSON.parse(t.stdout()) };
}

async function doctor(t: TestContext, ...args: string[]): Promise<{ code: number; report: Report; check(id: string): Check }> {
  const before = t.stdout().length;
  const code = await t.run('-o', 'json', 'doctor', ...args);
  const report = JSON.parse(t.stdout().slice(before)) as Report;
  const check = (id: string) => {
    const c = report.targets.flatMap((x) => x.checks).find((x) => x.id === id);
    if (!c) throw new Error(`no check ${id} in ${report.targets.flatMap((x) => x.checks).map((x) => x.id).join(', ')}`);
    return c;
  };
  return { code, report, check };
}

describe('doctor on the simulator scenarios', () => {
  it('oversized-job: blocked JOB_RESOURCE_REQUIREMENT, no instance type fits, the queue head blocks, the CE cannot fit it', async () => {
    const { t, out } = await apply('oversized-job');
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.code).toBe(1);
    expect(job.check('job.runnable.blocked-reason')).toMatchObject({ verdict: 'FAIL', title: expect.stringContaining('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT') });
    const fits = job.check('job.runnable.fits');
    expect(fits.verdict).toBe('FAIL');
    expect(fits.evidence).toContain('job needs 64 vCPU, 262144 MiB');
    expect(fits.evidence.join('\n')).toMatch(/instanceTypes=m5\.large,c5\.xlarge \(largest c5\.xlarge: 4 vCPU, 8192 MiB, 0 GPU\) -> JOB_RESOURCE_REQUIREMENT/);
    expect(job.check('job.runnable.position')).toMatchObject({ verdict: 'PASS', title: 'the job is at the head of its queue' });
    expect(job.check('job.runnable.queue-state').verdict).toBe('PASS');
    const q = await doctor(t, 'queue', out.queues[0]!);
    expect(q.check('queue.head-of-line')).toMatchObject({ verdict: 'FAIL', fix: expect.stringContaining('"reason":"MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT"') });
    const ce = await doctor(t, 'ce', out.computeEnvironments[0]!);
    expect(ce.check('ce.instance-types-fit').verdict).toBe('FAIL');
    expect(ce.check('ce.status').verdict).toBe('PASS');
    expect(ce.check('ce.max-vcpus').verdict).toBe('PASS');
  });

  it('deleted-instance-role: the CE is INVALID with the verbatim reason, iam check fails, the job shows ACTION_REQUIRED', async () => {
    const { t, out } = await apply('deleted-instance-role');
    const ce = await doctor(t, 'ce', out.computeEnvironments[0]!);
    expect(ce.code).toBe(1);
    const status = ce.check('ce.status');
    expect(status.verdict).toBe('FAIL');
    expect(status.evidence[0]).toMatch(/statusReason=CLIENT_ERROR - Instance profile arn:aws:iam::123456789012:instance-profile\/scn-norole-instance-role does not exist/);
    expect(status.evidence).toContain('cause: the instance profile in instanceRole does not exist (deleted, or a role ARN given instead of an instance-profile ARN)');
    expect(ce.check('ce.iam.instance-role.exists')).toMatchObject({ verdict: 'FAIL', evidence: ['GetRole(scn-norole-instance-role): NoSuchEntity'] });
    expect(ce.check('ce.iam.instance-role.instance-profile').verdict).toBe('FAIL');
    const q = await doctor(t, 'queue', out.queues[0]!);
    expect(q.check('queue.compute-environments')).toMatchObject({ verdict: 'FAIL', title: expect.stringContaining('INVALID') });
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.check('job.runnable.blocked-reason').title).toMatch(/ACTION_REQUIRED/);
    expect(job.check('job.runnable.compute-environments').verdict).toBe('FAIL');
  });

  it('image-pull-failure: FAILED, CannotPullContainerError decoded, with a retry strategy that would retry it', async () => {
    const { t, out } = await apply('image-pull-failure');
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.code).toBe(1);
    const c = job.check('job.failed.reason.image-pull');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence.join('\n')).toMatch(/container\.reason=CannotPullContainerError/);
    expect(c.evidence.join('\n')).toMatch(/its own retryStrategy: EXIT .*the suggested one: RETRY/);
    expect(c.fix).toContain('"onReason":"CannotPullContainerError*","action":"RETRY"');
  });

  it('fargate-no-public-ip: the task could not reach the registry; the network rule names assignPublicIp and the internet-gateway-only subnets', async () => {
    const { t, out } = await apply('fargate-no-public-ip');
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.code).toBe(1);
    const reason = job.check('job.failed.reason.image-pull');
    expect(reason.evidence).toContain(`DescribeJobs(${out.jobIds[0]}).statusReason=Task failed to start`);
    expect(reason.evidence.join('\n')).toMatch(/container\.reason=CannotPullContainerError: pull image manifest has been retried 5 time\(s\): failed to resolve ref public\.ecr\.aws\/amazonlinux\/amazonlinux:2023: .*dial tcp: i\/o timeout/);
    const ip = job.check('job.failed.network.fargate.public-ip');
    expect(ip).toMatchObject({ verdict: 'FAIL', title: 'scn-nopip-ce: assignPublicIp=DISABLED suits the subnets' });
    expect(ip.evidence[0]).toBe('networkConfiguration.assignPublicIp=DISABLED');
    expect(ip.fix).toMatch(/set assignPublicIp ENABLED/);
    const sim = await t.sim();
    const subnets = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets!.map((s) => s.SubnetId!);
    for (const sn of subnets) expect(job.check(`job.failed.network.egress.${sn}`).verdict).toBe('FAIL');

    // The image-pull fault is not the network: the same rule says so.
    const pull = await apply('image-pull-failure');
    const c = (await doctor(pull.t, 'job', pull.out.jobIds[0]!)).check('job.failed.network.scn-pull-ce');
    expect(c).toMatchObject({ verdict: 'PASS', title: expect.stringContaining('the pull failed for another reason') });
  });

  it('spot-reclaim: FAILED with Host EC2…, the Spot retry rule suggested; the CE warns about diversity', async () => {
    const { t, out } = await apply('spot-reclaim');
    const job = await doctor(t, 'job', out.jobIds[0]!);
    const c = job.check('job.failed.reason.spot-reclaim');
    expect(c.evidence[0]).toMatch(/statusReason=Host EC2 \(instance i-[0-9a-f]+\) terminated\./);
    expect(c.fix).toContain('{"attempts":3,"evaluateOnExit":[{"onStatusReason":"Host EC2*","action":"RETRY"},{"onReason":"*","action":"EXIT"}]}');
    const ce = await doctor(t, 'ce', out.computeEnvironments[0]!);
    expect(ce.check('ce.spot.diversity')).toMatchObject({ verdict: 'WARN', evidence: ['instanceTypes=c5.large', 'families: c5'] });
    expect(ce.check('ce.spot.allocation-strategy').verdict).toBe('PASS');
  });

  it('disabled-queue: the job waits in a DISABLED queue (FAIL); the queue alone is a WARN', async () => {
    const { t, out } = await apply('disabled-queue');
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.check('job.runnable.queue-state')).toMatchObject({ verdict: 'FAIL', evidence: [expect.stringContaining('state=DISABLED')] });
    const q = await doctor(t, 'queue', out.queues[0]!);
    expect(q.code).toBe(0);
    expect(q.check('queue.state').verdict).toBe('WARN');
  });

  it('dependency-failure, timeout: the failure decoded', async () => {
    const dep = await apply('dependency-failure');
    expect((await doctor(dep.t, 'job', dep.out.jobIds[0]!)).check('job.failed.reason.dependency').evidence[0]).toMatch(/statusReason=Dependent Job failed/);
    const first = await doctor(dep.t, 'job', dep.out.jobIds[1]!);
    expect(first.check('job.failed.reason.exit-code').evidence).toContain('attempts[0].container.exitCode=1');
    const to = await apply('timeout');
    const timeout = (await doctor(to.t, 'job', to.out.jobIds[0]!)).check('job.failed.reason.timeout');
    expect(timeout.evidence).toContain('attempts[0].container.exitCode=137');
    expect(timeout.fix).toMatch(/never retried/);
  });

  it('oom: the container really ran out of memory — 137 with OutOfMemoryError, decoded with the job\'s MEMORY', async () => {
    const oom = await apply('oom');
    const sim = await oom.t.sim();
    const [j] = (await sim.batch.describeJobs({ jobs: [oom.out.jobIds[0]!] })).jobs!;
    expect(j!.attempts![0]!.container).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
    const c = (await doctor(oom.t, 'job', oom.out.jobIds[0]!)).check('job.failed.reason.oom');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence).toEqual([
      `DescribeJobs(${j!.jobId}).statusReason=Essential container in task exited`,
      'attempts[0].container.reason=OutOfMemoryError: Container killed due to memory usage',
      'attempts[0].container.exitCode=137',
      'attempts=1, retryStrategy={"attempts":1}',
      `DescribeJobs(${j!.jobId}).container.resourceRequirements: MEMORY=2048`,
      'cause: the container ran out of memory (OutOfMemoryError: Container killed due to memory usage)',
    ]);
    expect(c.fix).toMatch(/raise the MEMORY resourceRequirement/);
  });

  it('private-subnet-no-nat: a subnet whose own route table has no 0.0.0.0/0 route; the job stays RUNNABLE, the job and the CE fail the network check with the route evidence; a NAT route lets it run', async () => {
    const t0 = createTestContext();
    expect(await t0.run('-o', 'json', 'sim', 'scenario', 'list')).toBe(0);
    const list = JSON.parse(t0.stdout()).scenarios as Array<{ name: string; unavailable?: string }>;
    expect(list.map((s) => s.name)).toEqual(['oversized-job', 'deleted-instance-role', 'private-subnet-no-nat', 'image-pull-failure', 'fargate-no-public-ip', 'spot-reclaim', 'disabled-queue', 'dependency-failure', 'timeout', 'oom']);
    expect(list.every((s) => s.unavailable === undefined)).toBe(true);

    const { t, out } = await apply('private-subnet-no-nat');
    const sim = await t.sim();
    const [subnet] = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'tag:Name', Values: ['scn-private-subnet'] }] })).Subnets!;
    const [rtb] = (await sim.ec2.describeRouteTables({ Filters: [{ Name: 'association.subnet-id', Values: [subnet!.SubnetId!] }] })).RouteTables!;
    expect(rtb!.Routes!.map((r) => r.DestinationCidrBlock)).toEqual(['172.31.0.0/16']);
    const job = await doctor(t, 'job', out.jobIds[0]!);
    expect(job.code).toBe(1);
    const reach = job.check(`job.runnable.network.egress.${subnet!.SubnetId}`);
    expect(reach.verdict).toBe('FAIL');
    expect(reach.title).toBe(`scn-private-ce: ${subnet!.SubnetId} can reach ECR, ECS and CloudWatch Logs`);
    expect(reach.evidence.slice(0, 3)).toEqual([`route table ${rtb!.RouteTableId} (explicit association)`, `${rtb!.RouteTableId}: no 0.0.0.0/0 route`, `VPC endpoints usable from ${subnet!.SubnetId}: []`]);
    expect(reach.evidence).toContain('no endpoint ecs: instances register with the ECS cluster Batch manages');
    expect(reach.fix).toContain('route 0.0.0.0/0 to a NAT gateway');
    const ce = await doctor(t, 'ce', out.computeEnvironments[0]!);
    expect(ce.code).toBe(1);
    expect(ce.check(`ce.network.egress.${subnet!.SubnetId}`)).toMatchObject({ verdict: 'FAIL', evidence: expect.arrayContaining([`${rtb!.RouteTableId}: no 0.0.0.0/0 route`]) });
    expect(await t.run('sim', 'scenario', 'apply', 'nope')).toBe(2);

    // The job really is stuck: hours later it is still RUNNABLE, with its instance launched (desiredvCpus) but not joined.
    const describe = async () => (await sim.batch.describeJobs({ jobs: [out.jobIds[0]!] })).jobs![0]!;
    sim.control.advance(3 * 3_600_000);
    expect((await describe()).status).toBe('RUNNABLE');
    expect((await sim.batch.describeComputeEnvironments({ computeEnvironments: ['scn-private-ce'] })).computeEnvironments![0]!.computeResources!.desiredvCpus).toBeGreaterThan(0);
    expect((await doctor(t, 'job', out.jobIds[0]!)).code).toBe(1);

    // Fixing the route (a NAT gateway in a public subnet, 0.0.0.0/0 to it) un-sticks it: the instance joins, the job runs.
    const publicSubnet = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets![0]!.SubnetId!;
    const nat = (await sim.ec2.createNatGateway({ SubnetId: publicSubnet, AllocationId: 'eipalloc-0123456789abcdef0' })).NatGateway!.NatGatewayId!;
    await sim.ec2.createRoute({ RouteTableId: rtb!.RouteTableId!, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
    sim.control.advance(5 * 60_000);
    expect((await describe()).status).toBe('SUCCEEDED');
    const after = await doctor(t, 'ce', out.computeEnvironments[0]!);
    expect(after.check(`ce.network.egress.${subnet!.SubnetId}`)).toMatchObject({ verdict: 'PASS', evidence: expect.arrayContaining([`${rtb!.RouteTableId}: 0.0.0.0/0 -> ${nat} (active)`]) });
  });

  it('doctor with no argument checks every queue and CE; a human checklist; not found and bad usage', async () => {
    const { t } = await apply('oversized-job');
    const before = t.stdout().length;
    expect(await t.run('doctor')).toBe(1);
    const text = t.stdout().slice(before);
    expect(text).toMatch(/^queue scn-oversized-queue ENABLED, VALID \[sim\]/m);
    expect(text).toMatch(/^compute environment scn-oversized-ce EC2, ENABLED, VALID \[sim\]/m);
    expect(text).toMatch(/✗ FAIL {2}the head job blocks the queue/);
    expect(text).toMatch(/\n {12}fix: /);
    expect(text).toMatch(/passed, 0 warnings, 2 failed\n$/);
    expect(await t.run('doctor', 'job', 'nope')).toBe(3);
    expect(await t.run('doctor', 'queue', 'nope')).toBe(3);
    expect(await t.run('doctor', 'frobnicate')).toBe(2);
  });
});
