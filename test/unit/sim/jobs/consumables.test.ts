/** Consumable resources on the simulator (spec/03 §6): the API, waiting in RUNNABLE, lock at STARTING, release at the end. */
import { describe, expect, it } from 'vitest';
import { definition, ec2World, jobSim, type JobSim } from './helpers.js';

const describeCr = async (s: JobSim, name: string) => s.sim.batch.describeConsumableResource({ consumableResource: name });

describe('consumable resources', () => {
  it('create, describe, list (name filter), update SET/ADD/REMOVE, delete', async () => {
    const s = await jobSim();
    const out = await s.sim.batch.createConsumableResource({ consumableResourceName: 'licences', totalQuantity: 3 });
    expect(out.consumableResourceArn).toMatch(/:consumable-resource\/licences$/);
    await expect(s.sim.batch.createConsumableResource({ consumableResourceName: 'licences', totalQuantity: 1 })).rejects.toThrow('Object already exists');
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'tokens', resourceType: 'NON_REPLENISHABLE', totalQuantity: 10 });
    expect(await describeCr(s, out.consumableResourceArn!)).toMatchObject({ consumableResourceName: 'licences', resourceType: 'REPLENISHABLE', totalQuantity: 3, inUseQuantity: 0, availableQuantity: 3 });
    const listed = await s.sim.batch.listConsumableResources({ filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['LIC*'] }] });
    expect(listed.consumableResources!.map((c) => c.consumableResourceName)).toEqual(['licences']);
    expect((await s.sim.batch.updateConsumableResource({ consumableResource: 'licences', operation: 'ADD', quantity: 2 })).totalQuantity).toBe(5);
    expect((await s.sim.batch.updateConsumableResource({ consumableResource: 'licences', operation: 'REMOVE', quantity: 1 })).totalQuantity).toBe(4);
    expect((await s.sim.batch.updateConsumableResource({ consumableResource: 'licences', operation: 'SET', quantity: 2 })).totalQuantity).toBe(2);
    await s.sim.batch.deleteConsumableResource({ consumableResource: 'licences' });
    await expect(describeCr(s, 'licences')).rejects.toThrow('ConsumableResource licences not found.');
  });

  it('jobs wait RUNNABLE until the quantity is available; REPLENISHABLE units come back at the end, NON_REPLENISHABLE never', async () => {
    const s = await jobSim();
    await ec2World(s);
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 2 });
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'tok', resourceType: 'NON_REPLENISHABLE', totalQuantity: 3 });
    await definition(s, 'sleep 300', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 2 }] } } as never);
    const a = await s.submit();
    const b = await s.submit();
    // A per-job override: quantities only.
    const c = await s.submit({ consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'tok', quantity: 2 }] } } as never);
    await s.advance(240_000);
    const [ja, jb, jc] = await Promise.all([s.job(a), s.job(b), s.job(c)]);
    expect(['STARTING', 'RUNNING']).toContain(ja.status);
    expect(jb.status).toBe('RUNNABLE');
    expect(['STARTING', 'RUNNING']).toContain(jc.status);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 2, inUseQuantity: 2, availableQuantity: 0 });
    expect(await describeCr(s, 'tok')).toMatchObject({ totalQuantity: 1, inUseQuantity: 2, availableQuantity: 1 });
    const byRes = await s.sim.batch.listJobsByConsumableResource({ consumableResource: 'lic', filters: [{ name: 'JOB_STATUS', values: ['RUNNABLE'] }] });
    expect(byRes.jobs!.map((j) => j.jobArn)).toEqual([(await s.job(b)).jobArn]);
    await s.advance(400_000);
    expect((await s.job(a)).status).toBe('SUCCEEDED');
    expect(['STARTING', 'RUNNING']).toContain((await s.job(b)).status);
    expect((await s.job(c)).status).toBe('SUCCEEDED');
    expect(await describeCr(s, 'tok')).toMatchObject({ totalQuantity: 1, inUseQuantity: 0, availableQuantity: 1 });
    await s.advance(400_000);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 2, inUseQuantity: 0, availableQuantity: 2 });
  });
});
