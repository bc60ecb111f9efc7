/** Create CE → VALID → queue → job definition revisions → update → disable → delete. */
import { expect } from 'vitest';
import { type Scenario, eventually } from '../scenario.js';
import { ceStatus, defaultNetwork, queueStatus, serviceRole, validFargateCe } from './helpers.js';

const gone = (s: string | undefined) => s === undefined || s === 'DELETED';

export const lifecycleScenarios: Scenario[] = [
  {
    name: 'compute environment and queue lifecycle: create, wait VALID, update, disable, delete',
    async run(world) {
      const b = world.backend;
      const net = await defaultNetwork(b);
      expect(net.subnets.length).toBeGreaterThan(0);
      const role = await serviceRole(b);
      const ceArn = await validFargateCe(world, 'contract-ce', role, net);
      expect(ceArn).toMatch(/^arn:aws:batch:[a-z0-9-]+:\d{12}:compute-environment\/contract-ce$/);
      const ce = (await b.batch.describeComputeEnvironments({ computeEnvironments: [ceArn] })).computeEnvironments![0]!;
      expect(ce.computeEnvironmentName).toBe('contract-ce');
      // moto deviation: it leaves `state` out unless the request gave it; AWS defaults to ENABLED.
      expect(ce.state).toBe(world.kind === 'moto' ? undefined : 'ENABLED');
      expect(ce.type).toBe('MANAGED');
      expect(ce.computeResources?.type).toBe('FARGATE');
      expect(ce.ecsClusterArn).toMatch(/^arn:aws:ecs:/);
      if (world.kind === 'sim') expect(ce.statusReason).toBe('ComputeEnvironment Healthy');

      // state is AWS's default; moto deviates and requires it.
      const q = await b.batch.createJobQueue({ jobQueueName: 'contract-q', state: 'ENABLED', priority: 10, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'contract-ce' }] });
      expect(q.jobQueueArn).toMatch(/:job-queue\/contract-q$/);
      await eventually(world, async () => (await queueStatus(b, 'contract-q')) === 'VALID', { stepMs: 1_000 });
      const detail = (await b.batch.describeJobQueues({ jobQueues: ['contract-q'] })).jobQueues![0]!;
      // The CE was given by name; AWS's output names it by ARN (moto deviation: it echoes the name).
      expect(detail.computeEnvironmentOrder).toEqual([{ order: 1, computeEnvironment: world.kind === 'moto' ? 'contract-ce' : ceArn }]);
      expect(detail.priority).toBe(10);
      expect(detail.state).toBe('ENABLED');

      await b.batch.updateJobQueue({ jobQueue: 'contract-q', priority: 20 });
      await eventually(world, async () => (await queueStatus(b, 'contract-q')) === 'VALID', { stepMs: 1_000 });
      expect((await b.batch.describeJobQueues({ jobQueues: ['contract-q'] })).jobQueues![0]!.priority).toBe(20);

      await b.batch.updateJobQueue({ jobQueue: 'contract-q', state: 'DISABLED' });
      await eventually(world, async () => (await queueStatus(b, 'contract-q')) === 'VALID', { stepMs: 1_000 });
      await b.batch.deleteJobQueue({ jobQueue: 'contract-q' });
      // AWS: DELETING, then DELETED, then gone. moto deletes at once.
      await eventually(world, async () => gone(await queueStatus(b, 'contract-q')));

      await b.batch.updateComputeEnvironment({ computeEnvironment: 'contract-ce', state: 'DISABLED' });
      await eventually(world, async () => (await ceStatus(b, 'contract-ce')) === 'VALID');
      expect((await b.batch.describeComputeEnvironments({ computeEnvironments: ['contract-ce'] })).computeEnvironments![0]!.state).toBe('DISABLED');
      await b.batch.deleteComputeEnvironment({ computeEnvironment: 'contract-ce' });
      await eventually(world, async () => gone(await ceStatus(b, 'contract-ce')));
    },
  },
  {
    name: 'job definitions: revisions 1, 2, 3 per name, describe filters, deregister to INACTIVE',
    async run(world) {
      const b = world.backend;
      const def = (command: string[]) => ({
        jobDefinitionName: 'contract-jd',
        type: 'container' as const,
        containerProperties: { image: 'busybox', command, resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '512' }] },
      });
      const r1 = await b.batch.registerJobDefinition(def(['echo', '1']));
      const r2 = await b.batch.registerJobDefinition(def(['echo', '2']));
      const r3 = await b.batch.registerJobDefinition(def(['echo', '3']));
      expect([r1.revision, r2.revision, r3.revision]).toEqual([1, 2, 3]);
      expect(r2.jobDefinitionArn).toMatch(/:job-definition\/contract-jd:2$/);

      const byName = (await b.batch.describeJobDefinitions({ jobDefinitionName: 'contract-jd' })).jobDefinitions!;
      expect(byName.map((d) => d.revision).sort()).toEqual([1, 2, 3]);
      const one = (await b.batch.describeJobDefinitions({ jobDefinitions: ['contract-jd:2'] })).jobDefinitions!;
      if (world.kind === 'moto') {
        // moto deviation: it matches `jobDefinitions` entries against ARNs only, so `name:revision` finds nothing.
        expect(one).toEqual([]);
      } else {
        expect(one.map((d) => d.revision)).toEqual([2]);
        expect(one[0]!.containerProperties?.command).toEqual(['echo', '2']);
      }
      const byArn = (await b.batch.describeJobDefinitions({ jobDefinitions: [r3.jobDefinitionArn!] })).jobDefinitions!;
      expect(byArn.map((d) => d.revision)).toEqual([3]);

      await b.batch.deregisterJobDefinition({ jobDefinition: 'contract-jd:1' });
      const active = (await b.batch.describeJobDefinitions({ jobDefinitionName: 'contract-jd', status: 'ACTIVE' })).jobDefinitions!;
      expect(active.map((d) => d.revision).sort()).toEqual([2, 3]);
      const inactive = (await b.batch.describeJobDefinitions({ jobDefinitionName: 'contract-jd', status: 'INACTIVE' })).jobDefinitions!;
      expect(inactive.map((d) => [d.revision, d.status])).toEqual([[1, 'INACTIVE']]);
      // Revisions are never reused, even after a deregistration.
      expect((await b.batch.registerJobDefinition(def(['echo', '4']))).revision).toBe(4);
    },
  },
];
