/**
 * Multi-node parallel jobs against every world (spec/05 §8): a multinode definition on an EC2
 * queue, nodes addressed as `<jobId>#<n>` with `nodeDetails`, listed by ListJobs(multiNodeJobId),
 * each writing its own log stream; the main node starts first and its outcome is the job's.
 */
import type * as B from '@aws-sdk/client-batch';
import { expect } from 'vitest';
import { type Scenario, eventually } from '../scenario.js';
import { ceStatus, defaultNetwork, queueStatus, serviceRole } from './helpers.js';

const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const terminal = (s: string | undefined) => s === 'SUCCEEDED' || s === 'FAILED';

export const multinodeScenarios: Scenario[] = [
  {
    name: 'multi-node parallel: node jobs id#n, nodeDetails, ListJobs(multiNodeJobId), main node decides',
    async run(world) {
      const b = world.backend;
      const net = await defaultNetwork(b);
      const role = await serviceRole(b, 'MnpBatchServiceRole');
      await b.iam.createRole({ RoleName: 'mnpInstanceRole', AssumeRolePolicyDocument: EC2_TRUST });
      await b.iam.createInstanceProfile({ InstanceProfileName: 'mnpInstanceRole' });
      await b.iam.addRoleToInstanceProfile({ InstanceProfileName: 'mnpInstanceRole', RoleName: 'mnpInstanceRole' });
      await b.batch.createComputeEnvironment({
        computeEnvironmentName: 'mnp-ce', type: 'MANAGED', serviceRole: role,
        computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 16, instanceTypes: ['m5.large'], instanceRole: 'mnpInstanceRole', subnets: net.subnets, securityGroupIds: net.securityGroups },
      });
      await eventually(world, async () => (await ceStatus(b, 'mnp-ce')) === 'VALID');
      await b.batch.createJobQueue({ jobQueueName: 'mnpq', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'mnp-ce' }] });
      await eventually(world, async () => (await queueStatus(b, 'mnpq')) === 'VALID', { stepMs: 1_000 });
      const container = (command: string): B.ContainerProperties => ({
        image: 'busybox', command: ['sh', '-c', command], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '1024' }],
      });
      await b.batch.registerJobDefinition({
        jobDefinitionName: 'mnp-def', type: 'multinode',
        nodeProperties: {
          numNodes: 2, mainNode: 0,
          nodeRangeProperties: [
            { targetNodes: '0:', container: container('echo child $AWS_BATCH_JOB_NODE_INDEX; sleep 300') },
            { targetNodes: '0:0', container: container('echo main $AWS_BATCH_JOB_NODE_INDEX of $AWS_BATCH_JOB_NUM_NODES; sleep 30') },
          ],
        },
      });
      const { jobId } = await b.batch.submitJob({ jobName: 'mnp', jobQueue: 'mnpq', jobDefinition: 'mnp-def' });
      const id = jobId!;
      const describe = async (ids: string[]) => (await b.batch.describeJobs({ jobs: ids })).jobs ?? [];
      const parent0 = (await describe([id]))[0]!;
      expect(parent0.nodeProperties?.numNodes).toBe(2);
      expect(parent0.nodeProperties?.mainNode).toBe(0);
      await eventually(world, async () => terminal((await describe([id]))[0]?.status), { stepMs: 10_000, tries: 60 });
      const parent = (await describe([id]))[0]!;
      const nodes = await describe([`${id}#0`, `${id}#1`]);
      const listed = (await b.batch.listJobs({ multiNodeJobId: id, jobStatus: parent.status })).jobSummaryList ?? [];
      if (world.kind === 'sim') {
        // AWS: the main node's outcome is the job's; each node is a job of its own (`id#n`) with
        // nodeDetails and its own container and log stream; ListJobs(multiNodeJobId) lists them.
        expect(parent.status).toBe('SUCCEEDED');
        expect(nodes.map((n) => [n.jobId, n.nodeDetails])).toEqual([
          [`${id}#0`, { nodeIndex: 0, isMainNode: true }],
          [`${id}#1`, { nodeIndex: 1, isMainNode: false }],
        ]);
        expect(parent.startedAt).toBe(nodes[0]!.startedAt);
        expect(parent.stoppedAt).toBe(nodes[0]!.stoppedAt);
        // The main node starts first; the others once it is RUNNING.
        expect(nodes[1]!.startedAt!).toBeGreaterThan(nodes[0]!.startedAt!);
        expect(listed.map((j) => [j.jobId, j.nodeProperties?.nodeIndex]).sort()).toEqual([[`${id}#0`, 0], [`${id}#1`, 1]]);
        const read = async (n: B.JobDetail) =>
          (await b.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: n.container!.logStreamName!, startFromHead: true })).events!.map((e) => e.message);
        expect(await read(nodes[0]!)).toEqual(['main 0 of 2']);
        expect(await read(nodes[1]!)).toEqual(['child 1']);
      } else {
        // moto deviation: it accepts the multinode definition and the job, and (without Docker) ends
        // the job at once, but it creates no node jobs: `id#n` is unknown and ListJobs(multiNodeJobId) is empty.
        expect(terminal(parent.status)).toBe(true);
        expect(nodes).toEqual([]);
        expect(listed).toEqual([]);
      }
    },
  },
];
