/** Consumable resources on the simulator (spec/03 §6): the API, waiting in RUNNABLE, lock at STARTING, release at the end. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../../../src/backend/sim/batch/consumable-resources.js';
import { type ConsumableBody, lockUnits, releaseUnits } from '../../../../src/backend/sim/engine/jobs/model.js';
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

  it('describe has exactly the documented members; the pending removal stays ours', async () => {
    const s = await jobSim();
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 2, tags: { team: 'a' } });
    const d = await describeCr(s, 'lic');
    expect(Object.keys(d).filter((k) => k !== '$metadata').sort()).toEqual([
      'availableQuantity', 'consumableResourceArn', 'consumableResourceName', 'createdAt', 'inUseQuantity', 'resourceType', 'tags', 'totalQuantity',
    ]);
    expect(d.tags).toEqual({ team: 'a' });
  });

  it('rejects bad requests with the field and the rule (the same validator as the CLI)', async () => {
    const s = await jobSim();
    const b = s.sim.batch;
    await expect(b.createConsumableResource({ consumableResourceName: '-x' })).rejects.toThrow('consumableResourceName: must be 1-128 letters');
    await expect(b.createConsumableResource({ consumableResourceName: 'x', totalQuantity: 1.5 })).rejects.toThrow('totalQuantity: must be a whole number');
    await expect(b.createConsumableResource({ consumableResourceName: 'x', resourceType: 'ONCE' })).rejects.toThrow('resourceType: must be one of REPLENISHABLE, NON_REPLENISHABLE');
    await b.createConsumableResource({ consumableResourceName: 'x', totalQuantity: 1 });
    await expect(b.updateConsumableResource({ consumableResource: 'x', operation: 'MULTIPLY', quantity: 2 })).rejects.toThrow('operation: must be one of SET, ADD, REMOVE');
    await expect(b.updateConsumableResource({ consumableResource: 'x', operation: 'SET' })).rejects.toThrow('quantity: is required');
    await expect(b.updateConsumableResource({ consumableResource: 'x', quantity: -1 })).rejects.toThrow('quantity: must be between 0');
    await expect(b.listConsumableResources({ filters: [{ name: 'name', values: ['x'] }] })).rejects.toThrow('filters[0].name: must be CONSUMABLE_RESOURCE_NAME');
    await expect(b.listJobsByConsumableResource({ consumableResource: 'x', filters: [{ name: 'JOB_STATUS', values: ['DONE'] }] })).rejects.toThrow('filters[0].values[0]: must be one of SUBMITTED');
    await expect(b.listJobsByConsumableResource({ consumableResource: 'x', maxResults: 500 })).rejects.toThrow('maxResults: must be between 1 and 100');
  });

  it('clientToken: the same update twice happens once; the token with another request is refused; it expires after 8 h', async () => {
    const s = await jobSim();
    const b = s.sim.batch;
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    const first = await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 2, clientToken: 'tok-1' });
    const again = await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 2, clientToken: 'tok-1' });
    expect(first.totalQuantity).toBe(3);
    expect(again.totalQuantity).toBe(3);
    expect((await describeCr(s, 'lic')).totalQuantity).toBe(3);
    await expect(b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 5, clientToken: 'tok-1' })).rejects.toThrow('clientToken tok-1 was already used with a different UpdateConsumableResource request');
    // Without a token every call is an update.
    await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 1 });
    await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 1 });
    expect((await describeCr(s, 'lic')).totalQuantity).toBe(5);
    await s.advance(8 * 3600_000 + 1_000);
    await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 2, clientToken: 'tok-1' });
    expect((await describeCr(s, 'lic')).totalQuantity).toBe(7);
  });

  it('update arithmetic: a REPLENISHABLE shrink below what is in use waits for releases; ADD cancels the debt first', () => {
    const body = (total: number, type: ConsumableBody['resourceType'] = 'REPLENISHABLE'): ConsumableBody => ({
      consumableResourceName: 'r', consumableResourceArn: 'arn', resourceType: type, totalQuantity: total, inUseQuantity: 0, availableQuantity: total, createdAt: 0, tags: {},
    });
    const b = body(10);
    lockUnits(b, 8);
    applyUpdate(b, 'SET', 5);
    // The 2 free units go at once; 3 more leave as jobs release.
    expect(b).toMatchObject({ totalQuantity: 8, availableQuantity: 0, inUseQuantity: 8, pendingRemoval: 3 });
    releaseUnits(b, 2);
    expect(b).toMatchObject({ totalQuantity: 6, availableQuantity: 0, inUseQuantity: 6, pendingRemoval: 1 });
    releaseUnits(b, 2);
    expect(b).toMatchObject({ totalQuantity: 5, availableQuantity: 1, inUseQuantity: 4 });
    expect(b.pendingRemoval).toBeUndefined();
    const c = body(4);
    lockUnits(c, 4);
    applyUpdate(c, 'REMOVE', 3);
    expect(c).toMatchObject({ totalQuantity: 4, availableQuantity: 0, pendingRemoval: 3 });
    applyUpdate(c, 'ADD', 5);
    expect(c).toMatchObject({ totalQuantity: 6, availableQuantity: 2 });
    expect(c.pendingRemoval).toBeUndefined();
    applyUpdate(c, 'REMOVE', 100);
    expect(c).toMatchObject({ totalQuantity: 4, availableQuantity: 0, pendingRemoval: 4 });
    // NON_REPLENISHABLE: the operations apply to the available amount (the total follows).
    const n = body(10, 'NON_REPLENISHABLE');
    lockUnits(n, 3);
    expect(n).toMatchObject({ totalQuantity: 7, availableQuantity: 7, inUseQuantity: 3 });
    applyUpdate(n, 'REMOVE', 2);
    expect(n).toMatchObject({ totalQuantity: 5, availableQuantity: 5 });
    releaseUnits(n, 3);
    expect(n).toMatchObject({ totalQuantity: 5, availableQuantity: 5, inUseQuantity: 0 });
    applyUpdate(n, 'SET', 9);
    expect(n).toMatchObject({ totalQuantity: 9, availableQuantity: 9 });
  });

  it('a shrink while jobs hold units completes as they end', async () => {
    const s = await jobSim();
    await ec2World(s);
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 3 });
    await definition(s, 'sleep 300', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] } } as never);
    const ids = [await s.submit(), await s.submit()];
    await s.advance(240_000);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 3, inUseQuantity: 2, availableQuantity: 1 });
    const out = await s.sim.batch.updateConsumableResource({ consumableResource: 'lic', operation: 'SET', quantity: 1 });
    expect(out.totalQuantity).toBe(2);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 2, inUseQuantity: 2, availableQuantity: 0 });
    await s.advance(600_000);
    for (const id of ids) expect((await s.job(id)).status).toBe('SUCCEEDED');
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 1, inUseQuantity: 0, availableQuantity: 1 });
  });

  it('delete: gone from the API at once, still lockable for the lag, releases ignored; a re-created name starts fresh', async () => {
    const s = await jobSim();
    const b = s.sim.batch;
    await ec2World(s);
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await definition(s, 'sleep 120', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 2 }] } } as never);
    const a = await s.submit();
    await s.advance(240_000);
    expect((await s.job(a)).status).toBe('RUNNABLE');
    // Enough units and a delete at the same instant: the job may still start (the delete lags).
    await b.updateConsumableResource({ consumableResource: 'lic', operation: 'ADD', quantity: 1 });
    await b.deleteConsumableResource({ consumableResource: 'lic' });
    await expect(describeCr(s, 'lic')).rejects.toThrow('ConsumableResource lic not found.');
    expect((await b.listConsumableResources({})).consumableResources).toEqual([]);
    await expect(b.deleteConsumableResource({ consumableResource: 'lic' })).rejects.toThrow('not found');
    await s.advance(1_000);
    expect(['STARTING', 'RUNNING']).toContain((await s.job(a)).status);
    // After the lag a job needing the name waits for it to exist again.
    await s.advance(60_000);
    const waiting = await s.submit();
    await s.advance(240_000);
    expect((await s.job(a)).status).toBe('SUCCEEDED');
    expect((await s.job(waiting)).status).toBe('RUNNABLE');
    // Re-created: the same name, fresh totals (the release of the old units did not land on it).
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 2 });
    await s.advance(1_000);
    expect(['STARTING', 'RUNNING']).toContain((await s.job(waiting)).status);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 2, inUseQuantity: 2, availableQuantity: 0 });
    await s.advance(400_000);
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 2, inUseQuantity: 0, availableQuantity: 2 });
  });

  it('a resource re-created while the old one still has units out gets none of them back', async () => {
    const s = await jobSim();
    const b = s.sim.batch;
    await ec2World(s);
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await definition(s, 'sleep 300', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] } } as never);
    const a = await s.submit();
    await s.advance(240_000);
    expect(['STARTING', 'RUNNING']).toContain((await s.job(a)).status);
    await b.deleteConsumableResource({ consumableResource: 'lic' });
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await s.advance(600_000);
    expect((await s.job(a)).status).toBe('SUCCEEDED');
    expect(await describeCr(s, 'lic')).toMatchObject({ totalQuantity: 1, inUseQuantity: 0, availableQuantity: 1 });
  });

  it('ListJobsByConsumableResource: status and name filters, every resource the job needs, pages', async () => {
    const s = await jobSim();
    const b = s.sim.batch;
    await ec2World(s);
    await b.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await b.createConsumableResource({ consumableResourceName: 'db', totalQuantity: 5 });
    await definition(s, 'sleep 300', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }, { consumableResource: 'db', quantity: 2 }] } } as never);
    await s.submit({ jobName: 'render-1' });
    await s.submit({ jobName: 'render-2' });
    await s.submit({ jobName: 'other' });
    await s.advance(240_000);
    const all = await b.listJobsByConsumableResource({ consumableResource: 'lic' });
    expect(all.jobs!.map((j) => j.jobName)).toEqual(['other', 'render-2', 'render-1']);
    expect(all.jobs![0]!.consumableResourceProperties!.consumableResourceList).toEqual([{ consumableResource: 'lic', quantity: 1 }, { consumableResource: 'db', quantity: 2 }]);
    const named = await b.listJobsByConsumableResource({ consumableResource: 'lic', filters: [{ name: 'JOB_NAME', values: ['RENDER*'] }] });
    expect(named.jobs!.map((j) => j.jobName)).toEqual(['render-2', 'render-1']);
    const running = await b.listJobsByConsumableResource({ consumableResource: 'db', filters: [{ name: 'JOB_STATUS', values: ['STARTING', 'RUNNING'] }] });
    expect(running.jobs!.map((j) => j.jobName)).toEqual(['render-1']);
    const p1 = await b.listJobsByConsumableResource({ consumableResource: 'lic', maxResults: 2 });
    const p2 = await b.listJobsByConsumableResource({ consumableResource: 'lic', maxResults: 2, nextToken: p1.nextToken });
    expect([...p1.jobs!, ...p2.jobs!].map((j) => j.jobName)).toEqual(['other', 'render-2', 'render-1']);
    expect(p2.nextToken).toBeUndefined();
  });

  it('consumable resources take tags through TagResource too', async () => {
    const s = await jobSim();
    const { consumableResourceArn } = await s.sim.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await s.sim.batch.tagResource({ resourceArn: consumableResourceArn!, tags: { env: 'dev' } });
    expect((await s.sim.batch.listTagsForResource({ resourceArn: consumableResourceArn! })).tags).toEqual({ env: 'dev' });
    expect((await describeCr(s, 'lic')).tags).toEqual({ env: 'dev' });
  });

  it('at most 50,000 per account; deleted ones do not count', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'batchctl-cr-')), 'sim.db');
    const first = await jobSim({ path });
    await first.sim.batch.createConsumableResource({ consumableResourceName: 'r0', totalQuantity: 1 });
    await first.sim.close();
    // 49,999 more rows written straight into the store (50,000 API calls would take a while).
    const db = new Database(path);
    const insert = db.prepare("INSERT INTO resources (kind, id, name, arn, created_at, body) VALUES ('batch:consumable-resource', ?, ?, ?, 0, ?)");
    db.transaction(() => {
      for (let i = 1; i < 50_000; i++) {
        const name = `r${i}`;
        const arn = `arn:aws:batch:us-east-1:123456789012:consumable-resource/${name}`;
        insert.run(name, name, arn, JSON.stringify({ consumableResourceName: name, consumableResourceArn: arn, resourceType: 'REPLENISHABLE', totalQuantity: 1, inUseQuantity: 0, availableQuantity: 1, createdAt: 0, tags: {} }));
      }
    })();
    db.close();
    const s = await jobSim({ path });
    await expect(s.sim.batch.createConsumableResource({ consumableResourceName: 'one-more', totalQuantity: 1 })).rejects.toThrow('You have reached the limit of 50000 consumable resources in this account');
    await s.sim.batch.deleteConsumableResource({ consumableResource: 'r7' });
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'one-more', totalQuantity: 1 });
    expect((await describeCr(s, 'one-more')).totalQuantity).toBe(1);
    await s.sim.close();
  }, 30_000);

  it('array children each lock their quantity: one unit runs one child at a time', async () => {
    const s = await jobSim();
    await ec2World(s);
    await s.sim.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 1 });
    await definition(s, 'sleep 300', { consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] } } as never);
    const parent = await s.submit({ arrayProperties: { size: 3 } });
    await s.advance(240_000);
    const statuses = async () => (await Promise.all([0, 1, 2].map((i) => s.job(`${parent}:${i}`)))).map((k) => k.status);
    expect((await statuses()).filter((st) => st === 'RUNNABLE')).toHaveLength(2);
    expect(await describeCr(s, 'lic')).toMatchObject({ inUseQuantity: 1, availableQuantity: 0 });
    // The parent is what ListJobsByConsumableResource lists.
    expect((await s.sim.batch.listJobsByConsumableResource({ consumableResource: 'lic' })).jobs!.map((j) => j.jobArn)).toEqual([(await s.job(parent)).jobArn]);
    await s.advance(1_500_000);
    expect(await statuses()).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(await describeCr(s, 'lic')).toMatchObject({ inUseQuantity: 0, availableQuantity: 1 });
  });
});
