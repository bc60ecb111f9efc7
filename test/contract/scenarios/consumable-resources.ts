/**
 * Consumable resources (spec/03 §6, spec/07 §2.6) against every world: create, describe (the
 * documented shape, exactly), list with the name filter, update SET/ADD/REMOVE with a clientToken,
 * a job gated on a resource, ListJobsByConsumableResource with its filters, delete and re-create.
 *
 * moto deviation: moto (5.2) implements none of the consumable-resource operations; its server
 * answers them with an HTML 404 page. Each scenario checks that on moto (so we notice when moto
 * gains them) and checks AWS's behaviour on the simulator.
 */
import type * as B from '@aws-sdk/client-batch';
import { expect } from 'vitest';
import type { Backend } from '../../../src/backend/port.js';
import { type Scenario, type World, eventually } from '../scenario.js';
import { rejection } from './helpers.js';
import { jobWorld } from './jobs.js';

/** moto deviation: the operation is unknown to it (404). True when the world is moto. */
async function motoLacksConsumables(world: World): Promise<boolean> {
  if (world.kind !== 'moto') return false;
  const err = await world.backend.batch.createConsumableResource({ consumableResourceName: 'contract-cr', totalQuantity: 1 }).catch((e: unknown) => e);
  expect(err).toMatchObject({ $metadata: { httpStatusCode: 404 } });
  expect((err as Error).name).not.toBe('ClientException');
  await expect(world.backend.batch.listConsumableResources({})).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  return true;
}

async function describeCr(b: Backend, ref: string): Promise<B.DescribeConsumableResourceResponse> {
  const { $metadata: _m, ...out } = (await b.batch.describeConsumableResource({ consumableResource: ref })) as B.DescribeConsumableResourceResponse & { $metadata?: unknown };
  return out;
}

async function status(b: Backend, id: string): Promise<string | undefined> {
  return (await b.batch.describeJobs({ jobs: [id] })).jobs?.[0]?.status;
}

export const consumableResourceScenarios: Scenario[] = [
  {
    name: 'consumable resources: create, describe, list by name, update SET/ADD/REMOVE with clientToken, delete',
    async run(world) {
      if (await motoLacksConsumables(world)) return;
      const b = world.backend;
      const created = await b.batch.createConsumableResource({ consumableResourceName: 'contract-lic', totalQuantity: 3, tags: { team: 'a' } });
      expect(created.consumableResourceName).toBe('contract-lic');
      expect(created.consumableResourceArn).toMatch(/^arn:aws:batch:us-east-1:\d{12}:consumable-resource\/contract-lic$/);
      const d = await describeCr(b, 'contract-lic');
      // The documented shape, member for member.
      expect(Object.keys(d).sort()).toEqual(['availableQuantity', 'consumableResourceArn', 'consumableResourceName', 'createdAt', 'inUseQuantity', 'resourceType', 'tags', 'totalQuantity']);
      expect(d).toMatchObject({ resourceType: 'REPLENISHABLE', totalQuantity: 3, inUseQuantity: 0, availableQuantity: 3, tags: { team: 'a' } });
      expect(await describeCr(b, created.consumableResourceArn!)).toEqual(d);
      expect((await rejection(b.batch.createConsumableResource({ consumableResourceName: 'contract-lic', totalQuantity: 1 }))).name).toBe('ClientException');

      await b.batch.createConsumableResource({ consumableResourceName: 'contract-tokens', totalQuantity: 10, resourceType: 'NON_REPLENISHABLE' });
      const byPrefix = await b.batch.listConsumableResources({ filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['CONTRACT-L*'] }] });
      expect(byPrefix.consumableResources!.map((r) => r.consumableResourceName)).toEqual(['contract-lic']);
      expect(byPrefix.consumableResources![0]).toMatchObject({ totalQuantity: 3, inUseQuantity: 0, resourceType: 'REPLENISHABLE' });

      expect((await b.batch.updateConsumableResource({ consumableResource: 'contract-lic', operation: 'ADD', quantity: 2 })).totalQuantity).toBe(5);
      expect((await b.batch.updateConsumableResource({ consumableResource: 'contract-lic', operation: 'REMOVE', quantity: 1 })).totalQuantity).toBe(4);
      expect((await b.batch.updateConsumableResource({ consumableResource: 'contract-lic', operation: 'SET', quantity: 2 })).totalQuantity).toBe(2);
      // The same payload and clientToken: both succeed, the update happens once.
      await b.batch.updateConsumableResource({ consumableResource: 'contract-lic', operation: 'ADD', quantity: 1, clientToken: 'contract-token' });
      await b.batch.updateConsumableResource({ consumableResource: 'contract-lic', operation: 'ADD', quantity: 1, clientToken: 'contract-token' });
      expect((await describeCr(b, 'contract-lic')).totalQuantity).toBe(3);
      // NON_REPLENISHABLE: the operation applies to the available amount.
      await b.batch.updateConsumableResource({ consumableResource: 'contract-tokens', operation: 'REMOVE', quantity: 4 });
      expect(await describeCr(b, 'contract-tokens')).toMatchObject({ availableQuantity: 6, totalQuantity: 6 });

      expect(await b.batch.deleteConsumableResource({ consumableResource: 'contract-lic' })).toBeDefined();
      const gone = await rejection(describeCr(b, 'contract-lic'));
      expect(gone.name).toBe('ClientException');
      expect(gone.message).toContain('contract-lic');
      expect((await b.batch.listConsumableResources({})).consumableResources!.map((r) => r.consumableResourceName)).toEqual(['contract-tokens']);
    },
  },
  {
    name: 'consumable resources: a job waits RUNNABLE for units; ListJobsByConsumableResource filters; units return',
    async run(world) {
      if (await motoLacksConsumables(world)) return;
      const b = world.backend;
      await jobWorld(world, 'sleep 60');
      await b.batch.createConsumableResource({ consumableResourceName: 'contract-seat', totalQuantity: 1 });
      const exec = (await b.iam.getRole({ RoleName: 'jobsExecutionRole' })).Role!.Arn!;
      await b.batch.registerJobDefinition({
        jobDefinitionName: 'seated', type: 'container', platformCapabilities: ['FARGATE'],
        containerProperties: {
          image: 'busybox', command: ['sh', '-c', 'sleep 60'], executionRoleArn: exec,
          resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], networkConfiguration: { assignPublicIp: 'ENABLED' },
        },
        consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'contract-seat', quantity: 1 }] },
      });
      const first = (await b.batch.submitJob({ jobName: 'seat-first', jobQueue: 'jq', jobDefinition: 'seated' })).jobId!;
      const second = (await b.batch.submitJob({ jobName: 'seat-second', jobQueue: 'jq', jobDefinition: 'seated' })).jobId!;
      await eventually(world, async () => (await status(b, first)) === 'RUNNING', { stepMs: 2_000 });
      expect(await status(b, second)).toBe('RUNNABLE');
      expect(await describeCr(b, 'contract-seat')).toMatchObject({ totalQuantity: 1, inUseQuantity: 1, availableQuantity: 0 });
      const detail = (await b.batch.describeJobs({ jobs: [second] })).jobs![0]!;
      expect(detail.consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: 'contract-seat', quantity: 1 }] });

      const all = await b.batch.listJobsByConsumableResource({ consumableResource: 'contract-seat' });
      expect(all.jobs!.map((j) => [j.jobName, j.jobStatus, j.quantity])).toEqual([['seat-second', 'RUNNABLE', 1], ['seat-first', 'RUNNING', 1]]);
      const waiting = await b.batch.listJobsByConsumableResource({ consumableResource: 'contract-seat', filters: [{ name: 'JOB_STATUS', values: ['RUNNABLE'] }] });
      expect(waiting.jobs!.map((j) => j.jobName)).toEqual(['seat-second']);
      const named = await b.batch.listJobsByConsumableResource({ consumableResource: 'contract-seat', filters: [{ name: 'JOB_NAME', values: ['seat-f*'] }] });
      expect(named.jobs!.map((j) => j.jobName)).toEqual(['seat-first']);

      // The first job ends, its unit returns, the second starts on it.
      await eventually(world, async () => (await status(b, second)) === 'RUNNING', { stepMs: 5_000, tries: 40 });
      expect(await status(b, first)).toBe('SUCCEEDED');
      expect(await describeCr(b, 'contract-seat')).toMatchObject({ inUseQuantity: 1, availableQuantity: 0 });
      await eventually(world, async () => (await status(b, second)) === 'SUCCEEDED', { stepMs: 5_000, tries: 40 });
      expect(await describeCr(b, 'contract-seat')).toMatchObject({ totalQuantity: 1, inUseQuantity: 0, availableQuantity: 1 });
    },
  },
  {
    name: 'consumable resources: a re-created name is the same resource for waiting jobs',
    async run(world) {
      if (await motoLacksConsumables(world)) return;
      const b = world.backend;
      await jobWorld(world, 'sleep 5');
      const exec = (await b.iam.getRole({ RoleName: 'jobsExecutionRole' })).Role!.Arn!;
      await b.batch.registerJobDefinition({
        jobDefinitionName: 'needs-gpu-licence', type: 'container', platformCapabilities: ['FARGATE'],
        containerProperties: { image: 'busybox', command: ['true'], executionRoleArn: exec, resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], networkConfiguration: { assignPublicIp: 'ENABLED' } },
        consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'contract-gpu-licence', quantity: 1 }] },
      });
      // No resource of that name yet: the job waits (spec/03 §6 [GAP]: it keeps waiting).
      const job = (await b.batch.submitJob({ jobName: 'licensed', jobQueue: 'jq', jobDefinition: 'needs-gpu-licence' })).jobId!;
      await eventually(world, async () => (await status(b, job)) === 'RUNNABLE', { stepMs: 2_000 });
      await world.advance(60_000);
      expect(await status(b, job)).toBe('RUNNABLE');
      await b.batch.createConsumableResource({ consumableResourceName: 'contract-gpu-licence', totalQuantity: 1 });
      await eventually(world, async () => (await status(b, job)) === 'SUCCEEDED', { stepMs: 5_000 });
    },
  },
];
