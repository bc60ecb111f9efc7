/** Multi-node parallel jobs on the simulator (spec/05 §8): nodes, gang placement, node env, main node decides. */
import type * as B from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { ec2World, jobSim, type JobSim, until } from './helpers.js';

type Range = { targetNodes: string; command: string; vcpus?: string; memory?: string };

async function mnpDefinition(s: JobSim, ranges: Range[], extra: { numNodes?: number; mainNode?: number; name?: string; def?: Partial<B.RegisterJobDefinitionRequest> } = {}): Promise<string> {
  const r = await s.sim.batch.registerJobDefinition({
    jobDefinitionName: extra.name ?? 'mnp', type: 'multinode',
    nodeProperties: {
      numNodes: extra.numNodes ?? 3, mainNode: extra.mainNode ?? 0,
      nodeRangeProperties: ranges.map((x) => ({
        targetNodes: x.targetNodes,
        container: { image: 'busybox', command: ['sh', '-c', x.command], resourceRequirements: [{ type: 'VCPU', value: x.vcpus ?? '2' }, { type: 'MEMORY', value: x.memory ?? '4096' }] },
      })),
    },
    ...extra.def,
  } as B.RegisterJobDefinitionRequest);
  return r.jobDefinitionArn!;
}

const terminal = (st?: string) => st === 'SUCCEEDED' || st === 'FAILED';

async function logsOf(s: JobSim, j: B.JobDetail, attempt?: number): Promise<string[]> {
  const stream = attempt === undefined ? j.container?.logStreamName ?? j.attempts?.[j.attempts.length - 1]?.container?.logStreamName : j.attempts?.[attempt]?.container?.logStreamName;
  if (!stream) return [];
  const ev = await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: stream, startFromHead: true });
  return ev.events!.map((e) => e.message!);
}

describe('multi-node parallel jobs', () => {
  it('creates a node job per node (id#n), places the gang on one instance each, main node first, env per node, main node decides', async () => {
    const s = await jobSim();
    await ec2World(s, { instanceTypes: ['m5.large', 'm5.xlarge'] });
    await mnpDefinition(s, [
      { targetNodes: '0:', command: 'echo node $AWS_BATCH_JOB_NODE_INDEX of $AWS_BATCH_JOB_NUM_NODES main $AWS_BATCH_JOB_MAIN_NODE_INDEX ip ${AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS:-none} id $AWS_BATCH_JOB_ID; sleep 600' },
      { targetNodes: '0', command: 'echo main $AWS_BATCH_JOB_ID ip ${AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS:-none}; sleep 60; exit 0' },
    ]);
    const id = await s.submit({ jobDefinition: 'mnp' });
    // Nodes exist from the submission on and can be described and listed.
    const nodes = (await s.sim.batch.describeJobs({ jobs: [`${id}#0`, `${id}#1`, `${id}#2`, `${id}#3`] })).jobs!;
    expect(nodes.map((n) => [n.jobId, n.status, n.nodeDetails])).toEqual([
      [`${id}#0`, 'PENDING', { nodeIndex: 0, isMainNode: true }],
      [`${id}#1`, 'PENDING', { nodeIndex: 1, isMainNode: false }],
      [`${id}#2`, 'PENDING', { nodeIndex: 2, isMainNode: false }],
    ]);
    expect(nodes[0]!.container?.command).toEqual(['sh', '-c', 'echo main $AWS_BATCH_JOB_ID ip ${AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS:-none}; sleep 60; exit 0']);
    expect(nodes[1]!.container?.command?.[2]).toMatch(/^echo node/);
    expect(nodes[0]!.nodeProperties).toBeUndefined();
    const parent = await s.job(id);
    expect(parent.nodeProperties?.numNodes).toBe(3);
    expect(parent.nodeProperties?.mainNode).toBe(0);
    expect(parent.nodeDetails).toBeUndefined();
    const listed = await s.sim.batch.listJobs({ multiNodeJobId: id, jobStatus: 'PENDING' });
    expect(listed.jobSummaryList!.map((j) => [j.jobId, j.nodeProperties])).toEqual([
      [`${id}#2`, { numNodes: 3, nodeIndex: 2, isMainNode: false }],
      [`${id}#1`, { numNodes: 3, nodeIndex: 1, isMainNode: false }],
      [`${id}#0`, { numNodes: 3, nodeIndex: 0, isMainNode: true }],
    ]);
    // arrayJobId is not a way to list nodes.
    expect((await s.sim.batch.listJobs({ arrayJobId: id, jobStatus: 'PENDING' })).jobSummaryList).toEqual([]);
    // The queue lists the parent only.
    expect((await s.sim.batch.listJobs({ jobQueue: 'q', jobStatus: 'SUBMITTED' })).jobSummaryList!.map((j) => [j.jobId, j.nodeProperties])).toEqual([[id, { numNodes: 3 }]]);

    // Main node first: while it is STARTING the others wait PENDING; once it runs, they start.
    await until(s, async () => (await s.job(`${id}#0`)).status === 'STARTING');
    expect((await s.job(id)).status).toBe('STARTING');
    expect((await s.job(`${id}#1`)).status).toBe('PENDING');
    await until(s, async () => (await s.job(`${id}#0`)).status === 'RUNNING');
    const p1 = await s.job(id);
    const main = await s.job(`${id}#0`);
    expect(p1.status).toBe('RUNNING');
    expect(p1.startedAt).toBe(main.startedAt);
    expect((await s.job(`${id}#1`)).status).toBe('STARTING');
    await until(s, async () => (await s.job(`${id}#1`)).status === 'RUNNING' && (await s.job(`${id}#2`)).status === 'RUNNING');
    // Every node on an instance of its own (single-tenant).
    const running = (await s.sim.batch.describeJobs({ jobs: [0, 1, 2].map((n) => `${id}#${n}`) })).jobs!;
    expect(new Set(running.map((n) => n.container?.containerInstanceArn)).size).toBe(3);
    // Node environment: each its own stream.
    const mainLog = await logsOf(s, running[0]!);
    expect(mainLog).toEqual([`main ${id}#0 ip none`]);
    const l1 = await logsOf(s, running[1]!);
    expect(l1[0]).toMatch(new RegExp(`^node 1 of 3 main 0 ip 10\\.0\\.\\d+\\.\\d+ id ${id}#1$`));
    expect((await logsOf(s, running[2]!))[0]).toMatch(/^node 2 of 3 main 0 ip 10\./);
    // The main node exits 0 after 60 s: the job succeeds, the other nodes are stopped.
    await until(s, async () => terminal((await s.job(id)).status));
    const done = await s.job(id);
    const m = await s.job(`${id}#0`);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stoppedAt).toBe(m.stoppedAt);
    expect(done.statusReason).toBe(m.statusReason);
    expect(done.attempts).toHaveLength(1);
    expect(done.attempts![0]!.container?.exitCode).toBe(0);
    const others = (await s.sim.batch.describeJobs({ jobs: [`${id}#1`, `${id}#2`] })).jobs!;
    expect(others.map((n) => [n.status, n.statusReason, n.stoppedAt])).toEqual([
      ['SUCCEEDED', 'Stopped: the main node exited', m.stoppedAt],
      ['SUCCEEDED', 'Stopped: the main node exited', m.stoppedAt],
    ]);
    expect(others[0]!.attempts).toHaveLength(1);
  });

  it('a failing child node does not end the job; the main node does', async () => {
    const s = await jobSim();
    await ec2World(s);
    await mnpDefinition(s, [
      { targetNodes: '0:', command: 'sleep 30; exit 4' },
      { targetNodes: '1', command: 'sleep 120; echo main done' },
    ], { numNodes: 2, mainNode: 1 });
    const id = await s.submit({ jobDefinition: 'mnp' });
    await until(s, async () => (await s.job(`${id}#0`)).status === 'FAILED');
    expect((await s.job(id)).status).toBe('RUNNING');
    expect((await s.job(`${id}#1`)).status).toBe('RUNNING');
    expect((await s.job(`${id}#0`)).container?.exitCode).toBe(4);
    await until(s, async () => terminal((await s.job(id)).status));
    expect((await s.job(id)).status).toBe('SUCCEEDED');
    // The main node (index 1) has no AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS, node 0 started after it.
    const [n0, n1] = (await s.sim.batch.describeJobs({ jobs: [`${id}#0`, `${id}#1`] })).jobs!;
    expect(n0!.startedAt!).toBeGreaterThan(n1!.startedAt!);
  });

  it('a main-node failure retries the whole gang; every node records each attempt; AWS_BATCH_JOB_ATTEMPT counts', async () => {
    const s = await jobSim();
    await ec2World(s);
    await mnpDefinition(s, [{ targetNodes: ':', command: 'echo attempt $AWS_BATCH_JOB_ATTEMPT node $AWS_BATCH_JOB_NODE_INDEX; sleep 40; exit 3' }], { numNodes: 2 });
    const id = await s.submit({ jobDefinition: 'mnp', retryStrategy: { attempts: 2 } });
    const seen: string[] = [];
    await until(s, async () => {
      const st = (await s.job(id)).status!;
      if (seen[seen.length - 1] !== st) seen.push(st);
      return terminal(st);
    });
    // The retry goes RUNNABLE at the front and, its instances being idle, starts again in the same instant.
    expect(seen).toEqual(['SUBMITTED', 'RUNNABLE', 'STARTING', 'RUNNING', 'STARTING', 'RUNNING', 'FAILED']);
    const p = await s.job(id);
    expect(p.attempts!.map((a) => a.container?.exitCode)).toEqual([3, 3]);
    for (const n of [0, 1]) {
      const node = await s.job(`${id}#${n}`);
      expect(node.attempts).toHaveLength(2);
      expect(await logsOf(s, node, 1)).toEqual([`attempt 2 node ${n}`]);
    }
  });

  it('the timeout covers the whole job from the main node RUNNING and is not retried', async () => {
    const s = await jobSim();
    await ec2World(s);
    await mnpDefinition(s, [{ targetNodes: '0:', command: 'sleep 3600' }], { numNodes: 2 });
    const id = await s.submit({ jobDefinition: 'mnp', timeout: { attemptDurationSeconds: 60 }, retryStrategy: { attempts: 3 } });
    await until(s, async () => terminal((await s.job(id)).status), 5_000);
    const p = await s.job(id);
    expect(p.status).toBe('FAILED');
    expect(p.statusReason).toBe('Job attempt duration exceeded timeout');
    expect(p.attempts).toHaveLength(1);
    expect(p.stoppedAt! - p.startedAt!).toBe(90_000);
    expect((await s.job(`${id}#1`)).status).toBe('FAILED');
  });

  it('cancel does nothing to a running job; terminate acts on the whole job (also through a node id)', async () => {
    const s = await jobSim();
    await ec2World(s);
    await mnpDefinition(s, [{ targetNodes: '0:', command: 'sleep 3600' }], { numNodes: 2 });
    const id = await s.submit({ jobDefinition: 'mnp' });
    await until(s, async () => (await s.job(`${id}#1`)).status === 'RUNNING');
    await s.sim.batch.cancelJob({ jobId: id, reason: 'no effect while running' });
    expect((await s.job(id)).status).toBe('RUNNING');
    await s.sim.batch.terminateJob({ jobId: `${id}#1`, reason: 'stop it' });
    const [p, n0, n1] = (await s.sim.batch.describeJobs({ jobs: [id, `${id}#0`, `${id}#1`] })).jobs!;
    expect([p!.status, p!.statusReason, p!.isTerminated]).toEqual(['FAILED', 'stop it', true]);
    expect([n0!.status, n0!.container?.exitCode, n0!.isTerminated]).toEqual(['FAILED', 137, true]);
    expect([n1!.status, n1!.isTerminated]).toEqual(['FAILED', true]);
    expect(p!.attempts).toHaveLength(1);
  });

  it('gang scheduling: maxvCpus too small for all nodes blocks the queue; cancel fails every node; nodeOverrides', async () => {
    const s = await jobSim();
    // m5.large (2 vCPUs) only, maxvCpus 4: two nodes fit, three never do.
    await ec2World(s, { instanceTypes: ['m5.large'], maxvCpus: 4, allocationStrategy: 'BEST_FIT' });
    await mnpDefinition(s, [{ targetNodes: '0:', command: 'sleep 60', vcpus: '2', memory: '4096' }], { numNodes: 3 });
    const id = await s.submit({ jobDefinition: 'mnp' });
    await s.advance(120_000);
    const p = await s.job(id);
    expect(p.status).toBe('RUNNABLE');
    expect(p.statusReason).toBe('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.');
    expect((await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!.computeResources!.desiredvCpus).toBe(0);
    // Cancel of the RUNNABLE job fails every node with the caller's reason.
    await s.sim.batch.cancelJob({ jobId: id, reason: 'too big' });
    const [q, m0, m2] = (await s.sim.batch.describeJobs({ jobs: [id, `${id}#0`, `${id}#2`] })).jobs!;
    expect([q!.status, q!.isCancelled, m0!.status, m0!.statusReason, m0!.isCancelled, m2!.status]).toEqual(['FAILED', true, 'FAILED', 'too big', true, 'FAILED']);
    expect(m0!.attempts).toEqual([]);
    // numNodes 2 through nodeOverrides fits: both nodes are launched and start together.
    const id2 = await s.submit({ jobDefinition: 'mnp', nodeOverrides: { numNodes: 2, nodePropertyOverrides: [{ targetNodes: '1:1', containerOverrides: { command: ['sh', '-c', 'echo overridden; sleep 10'] } }] } });
    const n1 = await s.job(`${id2}#1`);
    expect(n1.container?.command).toEqual(['sh', '-c', 'echo overridden; sleep 10']);
    expect((await s.job(`${id2}#0`)).container?.command).toEqual(['sh', '-c', 'sleep 60']);
    await until(s, async () => terminal((await s.job(id2)).status));
    expect((await s.job(id2)).status).toBe('SUCCEEDED');
  });

  it('a node range instanceType is the only type its nodes run on (a CE without it never fits)', async () => {
    const s = await jobSim();
    await ec2World(s, { instanceTypes: ['m5.large', 'c5.xlarge'] });
    await s.sim.batch.registerJobDefinition({
      jobDefinitionName: 'typed', type: 'multinode',
      nodeProperties: {
        numNodes: 2, mainNode: 0,
        nodeRangeProperties: [{ targetNodes: '0:', container: { image: 'busybox', command: ['sleep', '20'], instanceType: 'c5.xlarge', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '1024' }] } }],
      },
    });
    const id = await s.submit({ jobDefinition: 'typed' });
    await until(s, async () => terminal((await s.job(id)).status));
    expect((await s.job(id)).status).toBe('SUCCEEDED');
    const nodes = (await s.sim.batch.describeJobs({ jobs: [`${id}#0`, `${id}#1`] })).jobs!;
    expect(nodes.map((n) => n.container?.instanceType)).toEqual(['c5.xlarge', 'c5.xlarge']);
    const ce = (await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!;
    // Two c5.xlarge (4 vCPUs each) were launched, not the cheaper m5.large.
    expect(ce.computeResources!.desiredvCpus).toBe(8);

    const t = await jobSim();
    await ec2World(t, { instanceTypes: ['m5.large'] });
    await t.sim.batch.registerJobDefinition({
      jobDefinitionName: 'typed', type: 'multinode',
      nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', container: { image: 'busybox', command: ['sleep', '20'], instanceType: 'c5.xlarge', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '1024' }] } }] },
    });
    const id2 = await t.submit({ jobDefinition: 'typed' });
    await t.advance(60_000);
    expect((await t.job(id2)).statusReason).toMatch(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - /);
  });

  it('a node range with ecsProperties runs its first container, with the sum of its containers\' resources', async () => {
    const s = await jobSim();
    await ec2World(s, { instanceTypes: ['m5.large', 'm5.xlarge'], allocationStrategy: 'BEST_FIT' });
    const c = (name: string, command: string, vcpus: string) => ({ name, image: 'busybox', command: ['sh', '-c', command], resourceRequirements: [{ type: 'VCPU' as const, value: vcpus }, { type: 'MEMORY' as const, value: '1024' }] });
    await s.sim.batch.registerJobDefinition({
      jobDefinitionName: 'ecs-mnp', type: 'multinode',
      nodeProperties: {
        numNodes: 2, mainNode: 0,
        nodeRangeProperties: [
          { targetNodes: '0:', ecsProperties: { taskProperties: [{ containers: [c('app', 'echo app $AWS_BATCH_JOB_NODE_INDEX; sleep 20', '2'), { ...c('side', 'sleep 600', '1'), essential: false }] }] } },
        ],
      },
    });
    const id = await s.submit({ jobDefinition: 'ecs-mnp' });
    const n0 = await s.job(`${id}#0`);
    expect(n0.container).toBeUndefined();
    expect(n0.ecsProperties?.taskProperties?.[0]?.containers?.map((x) => x.name)).toEqual(['app', 'side']);
    await until(s, async () => terminal((await s.job(id)).status));
    expect((await s.job(id)).status).toBe('SUCCEEDED');
    // 3 vCPUs per node: BEST_FIT launches an m5.xlarge (4 vCPUs) for each node.
    expect((await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!.computeResources!.desiredvCpus).toBe(8);
  });

  it('Spot CEs never run MNP jobs: the head shows EC2_INSTANCE_CONFIGURATION_UNSUPPORTED', async () => {
    const s = await jobSim();
    await ec2World(s, { type: 'SPOT', allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
    await mnpDefinition(s, [{ targetNodes: '0:', command: 'sleep 60' }], { numNodes: 2 });
    const id = await s.submit({ jobDefinition: 'mnp' });
    await s.advance(300_000);
    const p = await s.job(id);
    expect(p.status).toBe('RUNNABLE');
    expect(p.statusReason).toMatch(/^MISCONFIGURATION:EC2_INSTANCE_CONFIGURATION_UNSUPPORTED - /);
    expect((await s.sim.batch.describeComputeEnvironments({ computeEnvironments: ['ce'] })).computeEnvironments![0]!.computeResources!.desiredvCpus).toBe(0);
  });

  it('rejects nodeOverrides that break the rules (targetNodes out of range, numNodes below the open range)', async () => {
    const s = await jobSim();
    await ec2World(s);
    await mnpDefinition(s, [{ targetNodes: '0:1', command: 'true' }, { targetNodes: '2:', command: 'true' }], { numNodes: 3 });
    await expect(s.submit({ jobDefinition: 'mnp', nodeOverrides: { nodePropertyOverrides: [{ targetNodes: '5:6', containerOverrides: { command: ['x'] } }] } })).rejects.toThrow(/nodeOverrides\.nodePropertyOverrides\[0\]\.targetNodes: must be "a:b"/);
    await expect(s.submit({ jobDefinition: 'mnp', nodeOverrides: { numNodes: 2 } })).rejects.toThrow(/nodeOverrides\.numNodes: must be greater than the open-ended range's lower bound 2/);
  });
});
