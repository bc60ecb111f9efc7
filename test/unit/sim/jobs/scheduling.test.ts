/** Scheduling on the simulator: capacity and maxvCpus, queue priority, fair share, blocked heads and time limits, faults. */
import { describe, expect, it } from 'vitest';
import { definition, ec2World, fargateDefinition, fargateWorld, jobSim, type JobSim, until } from './helpers.js';

const status = async (s: JobSim, id: string) => (await s.job(id)).status;

describe('scheduling', () => {
  it('scales up to maxvCpus (and no further), jobs wait RUNNABLE without a blocked reason meanwhile', async () => {
    const s = await jobSim();
    await ec2World(s, { maxvCpus: 4, instanceTypes: ['m5.large'] });
    await definition(s, 'sleep 600', {}, 'jd', { vcpus: '2', memory: '2048' });
    const ids = [await s.submit(), await s.submit(), await s.submit()];
    await s.advance(300_000);
    const st = await Promise.all(ids.map((id) => status(s, id)));
    expect(st.filter((x) => x === 'RUNNING' || x === 'STARTING')).toHaveLength(2);
    const waiting = await s.job(ids[2]!);
    expect(waiting.status).toBe('RUNNABLE');
    expect(waiting.statusReason).toBeUndefined();
    const ce = (await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!;
    expect(ce.computeResources?.desiredvCpus).toBe(4);
  });

  it('a job no instance type can hold blocks its queue with JOB_RESOURCE_REQUIREMENT; a time-limit action cancels it', async () => {
    const s = await jobSim();
    await ec2World(s, { instanceTypes: ['m5.large'] }, {
      jobStateTimeLimitActions: [{ reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
    });
    await definition(s, 'sleep 5', {}, 'huge', { vcpus: '64', memory: '2048' });
    await definition(s, 'sleep 5');
    const big = await s.submit({ jobDefinition: 'huge' });
    const small = await s.submit();
    await s.advance(2_000);
    const j = await s.job(big);
    expect(j.status).toBe('RUNNABLE');
    expect(j.statusReason).toBe('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - The job resource requirement (vCPU/memory/GPU) is higher than that can be met by the CE(s) attached to the job queue.');
    // Head-of-line blocking: the small job behind it does not start.
    await s.advance(300_000);
    expect(await status(s, small)).toBe('RUNNABLE');
    await s.advance(300_000);
    expect(await s.job(big)).toMatchObject({ status: 'FAILED', statusReason: 'Canceled by JobStateTimeLimit action due to reason: MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', isCancelled: true });
    await until(s, async () => (await status(s, small)) === 'SUCCEEDED', 5_000);
  });

  it('maxvCpus below the job: COMPUTE_ENVIRONMENT_MAX_RESOURCE', async () => {
    const s = await jobSim();
    await ec2World(s, { maxvCpus: 2 });
    await definition(s, 'sleep 5', {}, 'jd', { vcpus: '4', memory: '2048' });
    const id = await s.submit();
    await s.advance(2_000);
    expect((await s.job(id)).statusReason).toMatch(/^MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - /);
  });

  it('the higher-priority queue gets a shared CE first', async () => {
    const s = await jobSim();
    await ec2World(s, { maxvCpus: 2, instanceTypes: ['m5.large'] });
    await s.sim.batch.createJobQueue({ jobQueueName: 'hi', priority: 10, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
    await s.advance(1_000);
    await definition(s, 'sleep 100', {}, 'jd', { vcpus: '2', memory: '2048' });
    const low = await s.submit();
    const high = await s.submit({ jobQueue: 'hi' });
    await until(s, async () => (await status(s, high)) === 'RUNNING' || (await status(s, low)) === 'RUNNING', 5_000);
    expect(await status(s, high)).toBe('RUNNING');
    expect(await status(s, low)).toBe('RUNNABLE');
  });

  it('fair share: a share with weight 0.5 gets about twice the vCPUs of a share with weight 1', async () => {
    const s = await jobSim();
    const policy = await s.sim.batch.createSchedulingPolicy({ name: 'fs', fairsharePolicy: { shareDecaySeconds: 0, shareDistribution: [{ shareIdentifier: 'a', weightFactor: 0.5 }, { shareIdentifier: 'b', weightFactor: 1 }] } });
    await fargateWorld(s, 6);
    await s.sim.batch.createJobQueue({ jobQueueName: 'fsq', priority: 1, schedulingPolicyArn: policy.arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fce' }] });
    await s.advance(1_000);
    await fargateDefinition(s, 'sleep 1000');
    await expect(s.submit({ jobQueue: 'fsq', jobDefinition: 'fjd' })).rejects.toThrow('shareIdentifier: is required');
    for (let i = 0; i < 6; i++) {
      await s.submit({ jobQueue: 'fsq', jobDefinition: 'fjd', shareIdentifier: 'a' });
      await s.submit({ jobQueue: 'fsq', jobDefinition: 'fjd', shareIdentifier: 'b' });
    }
    await s.advance(60_000);
    const running = async (share: string) =>
      (await s.sim.batch.listJobs({ jobQueue: 'fsq', jobStatus: 'RUNNING', filters: [{ name: 'SHARE_IDENTIFIER', values: [share] }] })).jobSummaryList!.length;
    expect([await running('a'), await running('b')]).toEqual([4, 2]);
    const snap = await s.sim.batch.getJobQueueSnapshot({ jobQueue: 'fsq' });
    expect(snap.frontOfQueue?.jobs).toHaveLength(6);
    expect(snap.queueUtilization?.totalCapacityUsage).toEqual([{ capacityUnit: 'VCPU', quantity: 6 }]);
    expect(snap.queueUtilization?.fairshareUtilization?.activeShareCount).toBe(2);
  });
});

describe('faults', () => {
  it('throttling answers TooManyRequestsException (429) before any work; clearing stops it', async () => {
    const s = await jobSim();
    s.sim.control.setFaults({ throttleRate: 1 });
    await expect(s.sim.batch.describeJobQueues({})).rejects.toMatchObject({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
    expect(s.sim.control.faults().throttleRate).toBe(1);
    s.sim.control.clearFaults();
    await expect(s.sim.batch.describeJobQueues({})).resolves.toBeDefined();
    expect(() => s.sim.control.setFaults({ pullFailureRate: 2 })).toThrow(/between 0 and 1/);
  });

  it('an image-pull failure fails the attempt in STARTING with CannotPullContainerError; capacity shortage blocks the head', async () => {
    const s = await jobSim();
    await ec2World(s, { allocationStrategy: 'BEST_FIT', instanceTypes: ['m5.large'] });
    await definition(s, 'sleep 5');
    s.sim.control.setFaults({ pullFailureRate: 1 });
    const id = await s.submit();
    await until(s, async () => (await status(s, id)) === 'FAILED', 5_000);
    const j = await s.job(id);
    expect(j.statusReason).toBe('Task failed to start');
    expect(j.attempts![0]!.container?.reason).toMatch(/^CannotPullContainerError: /);
    expect(j.startedAt).toBeUndefined();

    s.sim.control.setFaults({ pullFailureRate: 0, capacityShortageRate: 1 });
    await s.advance(600_000);
    const blocked = await s.submit();
    await s.advance(2_000);
    expect((await s.job(blocked)).statusReason).toBe('CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - Service cannot fulfill the capacity requested for instance type [m5.large]');
  });

  it('a Spot reclaim fails the attempts on the instance with "Host EC2 (instance i-…) terminated." and they retry', async () => {
    const s = await jobSim();
    await s.sim.iam.createRole({ RoleName: 'spot', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
    await ec2World(s, { type: 'SPOT', allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED', spotIamFleetRole: 'arn:aws:iam::123456789012:role/spot' });
    await definition(s, 'sleep 3600');
    s.sim.control.setFaults({ spotReclaimRate: 1 });
    const id = await s.submit({ retryStrategy: { attempts: 2, evaluateOnExit: [{ onStatusReason: 'Host EC2*', action: 'RETRY' }] } });
    await until(s, async () => ((await s.job(id)).attempts?.length ?? 0) >= 1, 10_000);
    const j = await s.job(id);
    expect(j.attempts![0]!.statusReason).toMatch(/^Host EC2 \(instance i-[0-9a-f]{17}\) terminated\.$/);
    expect(['RUNNABLE', 'STARTING', 'RUNNING']).toContain(j.status);
  });
});
