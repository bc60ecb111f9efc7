/**
 * Consumable resources end to end through the built CLI, each step its own process sharing one
 * simulator store: a resource of 1 unit, a job definition that needs it, two jobs of which only one
 * runs at a time, `resource jobs`, `resource describe` showing what is in use, `update --add 1`
 * letting the second start, and delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const box = sandbox({ BATCHCTL_SIM_SPEED: undefined });
afterAll(() => box.cleanup());

async function ok(args: string[]): Promise<string> {
  const r = await box.run(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

const jobsOf = async (...filters: string[]) =>
  (JSON.parse(await ok(['resource', 'jobs', 'lic', ...filters, '-o', 'json'])).jobs as Array<{ jobName: string; jobStatus: string; quantity: number }>).map((j) => [j.jobName, j.jobStatus]);
const describeLic = async () => JSON.parse(await ok(['resource', 'describe', 'lic', '-o', 'json'])).consumableResources[0];

describe('resource: one unit, two jobs', () => {
  beforeAll(async () => {
    const r = await box.run(['demo']);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  let first = '';
  let second = '';

  it('create a resource of 1 and a job definition that needs it; submit two jobs', async () => {
    const c = await box.run(['resource', 'create', 'lic', '--total', '1', '--tag', 'team=e2e', '--yes']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toBe('✓ Created consumable resource lic [sim]\n');
    await ok([
      'jobdef', 'register', 'lic-job', '--platform', 'FARGATE', '--image', 'busybox', '--command', 'sleep 600', '--vcpus', '0.25', '--memory', '512',
      '--execution-role', 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', '--public-ip', '--consumable-resource', 'lic:1', '--yes',
    ]);
    const jd = JSON.parse(await ok(['jobdef', 'describe', 'lic-job', '-o', 'json'])).jobDefinitions[0];
    expect(jd.consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] });
    first = (await ok(['job', 'submit', '-q', 'demo-queue', '-d', 'lic-job', '-n', 'first', '--yes', '--quiet'])).trim();
    second = (await ok(['job', 'submit', '-q', 'demo-queue', '-d', 'lic-job', '-n', 'second', '--yes', '--quiet'])).trim();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('only one runs at a time: the other waits RUNNABLE; describe shows the unit in use', async () => {
    await ok(['sim', 'advance', '2m']);
    expect(await jobsOf()).toEqual([['second', 'RUNNABLE'], ['first', 'RUNNING']]);
    expect(await jobsOf('--status', 'runnable')).toEqual([['second', 'RUNNABLE']]);
    expect(await jobsOf('--name', 'fir*')).toEqual([['first', 'RUNNING']]);
    const table = await ok(['resource', 'jobs', 'lic']);
    expect(table).toMatch(/^ID +NAME +STATUS +QUANTITY +QUEUE +CREATED +STARTED\n/);
    expect(table).toContain(second);
    expect(await describeLic()).toMatchObject({ consumableResourceName: 'lic', totalQuantity: 1, inUseQuantity: 1, availableQuantity: 0, resourceType: 'REPLENISHABLE', tags: { 'team': 'e2e' } });
    const human = await ok(['resource', 'describe', 'lic']);
    expect(human).toMatch(/In use +1\n/);
    expect(human).toMatch(/Available +0 of 1\n/);
    expect(human).toMatch(/Jobs +1 RUNNABLE · 1 RUNNING\n/);
    expect(await ok(['job', 'describe', second])).toMatch(/Consumable resources \(per instance\)\n +lic +needs 1 · 0 available · 1 in use of 1\n/);
    // Still one at a time a while later.
    await ok(['sim', 'advance', '3m']);
    expect(await jobsOf()).toEqual([['second', 'RUNNABLE'], ['first', 'RUNNING']]);
  }, 60_000);

  it('update --add 1 lets the second start; both end and the units return', async () => {
    const u = await box.run(['resource', 'update', 'lic', '--add', '1', '--yes']);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stderr).toBe('✓ Updated consumable resource lic: total 2 [sim]\n');
    await ok(['sim', 'advance', '1m']);
    expect(await jobsOf()).toEqual([['second', 'RUNNING'], ['first', 'RUNNING']]);
    expect(await describeLic()).toMatchObject({ totalQuantity: 2, inUseQuantity: 2, availableQuantity: 0 });
    await ok(['sim', 'advance', '15m']);
    expect(await jobsOf('--status', 'SUCCEEDED')).toEqual([['second', 'SUCCEEDED'], ['first', 'SUCCEEDED']]);
    expect(await describeLic()).toMatchObject({ totalQuantity: 2, inUseQuantity: 0, availableQuantity: 2 });
  }, 60_000);

  it('delete: refused without --yes, gone with it', async () => {
    const refused = await box.run(['resource', 'delete', 'lic']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to delete consumable resource lic without confirmation');
    const d = await box.run(['resource', 'delete', 'lic', '--yes']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toBe('✓ Deleted consumable resource lic [sim]\n');
    expect(JSON.parse(await ok(['resource', 'list', '-o', 'json']))).toEqual({ consumableResources: [] });
    const gone = await box.run(['resource', 'describe', 'lic']);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain('consumable resource "lic" not found [sim]');
  }, 60_000);
});
