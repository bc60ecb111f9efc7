import type { DescribeConsumableResourceResponse } from '@aws-sdk/client-batch';
/**
 * `batchctl resource …`: parse tests (the run function replaced by a spy; no backend), the pure
 * helpers, and run tests against the in-memory simulator.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceCreateCommand } from '../../../src/commands/resource/create.js';
import { resourceUpdateCommand, updateEffect, updateOperation } from '../../../src/commands/resource/update.js';
import { resourceJobsCommand, jobFilters } from '../../../src/commands/resource/jobs.js';
import { resourceListCommand } from '../../../src/commands/resource/list.js';
import { resourceDeleteCommand } from '../../../src/commands/resource/delete.js';
import { consumableNeed } from '../../../src/commands/shared/resource-options.js';
import { buildRegisterRequest } from '../../../src/commands/jobdef/request.js';
import { buildSubmitRequest } from '../../../src/commands/job/request.js';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import { fargateCe, queue } from './world.js';
import { parse, parseError } from '../../helpers/parse.js';

describe('resource: parsing', () => {
  it('create: name, --total, --type in any case, repeatable --tag', async () => {
    expect(await parse(resourceCreateCommand, ['lic', '--total', '4', '--type', 'non-replenishable', '--tag', 'team=a', '--tag', 'env=dev'])).toEqual({
      name: 'lic', total: 4, type: 'NON_REPLENISHABLE', tag: { team: 'a', env: 'dev' },
    });
    expect(await parseError(resourceCreateCommand, ['lic', '--total', '-1'])).toContain("option '--total <n>' argument '-1' is invalid");
    expect(await parseError(resourceCreateCommand, ['lic', '--total', '1.5'])).toContain('must be a whole number >= 0');
    expect(await parseError(resourceCreateCommand, ['lic', '--type', 'once'])).toContain('Allowed choices are REPLENISHABLE, NON_REPLENISHABLE');
  });

  it('update: one of --set/--add/--remove, --client-token', async () => {
    expect(await parse(resourceUpdateCommand, ['lic', '--add', '2', '--client-token', 't-1'])).toEqual({ name: 'lic', add: 2, clientToken: 't-1' });
    expect(await parse(resourceUpdateCommand, ['lic', '--set', '0'])).toEqual({ name: 'lic', set: 0 });
    expect(await parseError(resourceUpdateCommand, ['lic', '--set', '1', '--remove', '1'])).toContain("option '--set <n>' cannot be used with option '--remove <n>'");
    expect(await parseError(resourceUpdateCommand, ['lic', '--add', 'two'])).toContain('must be a whole number');
    expect(updateOperation({ remove: 3 })).toEqual({ operation: 'REMOVE', quantity: 3 });
    expect(updateOperation({})).toBeUndefined();
    expect(() => updateOperation({ set: 1, add: 2 })).toThrow('give one of --set, --add or --remove (got --set and --add)');
  });

  it('update: the plan says what happens to the total, and when a shrink waits for jobs', () => {
    const r = { consumableResourceName: 'lic', totalQuantity: 4, inUseQuantity: 3, availableQuantity: 1, resourceType: 'REPLENISHABLE' } as DescribeConsumableResourceResponse;
    expect(updateEffect(r, 'ADD', 2)).toBe('total 4 → 6');
    expect(updateEffect(r, 'SET', 3)).toBe('total 4 → 3');
    expect(updateEffect(r, 'SET', 1)).toBe('total 4 → 1 (3 in use: the total reaches 1 as running jobs release their units)');
    expect(updateEffect(r, 'REMOVE', 9)).toBe('total 4 → 0 (3 in use: the total reaches 0 as running jobs release their units)');
    expect(updateEffect({ ...r, resourceType: 'NON_REPLENISHABLE', totalQuantity: 1 } as DescribeConsumableResourceResponse, 'REMOVE', 1)).toBe('available 1 → 0');
  });

  it('jobs: --status (repeatable, any case) and --name become JOB_STATUS and JOB_NAME', async () => {
    const o = await parse(resourceJobsCommand, ['lic', '-s', 'runnable,running', '--status', 'FAILED', '--name', 'render-*']);
    expect(o).toEqual({ resource: 'lic', status: ['runnable,running', 'FAILED'], name: 'render-*' });
    expect(jobFilters(o)).toEqual([
      { name: 'JOB_STATUS', values: ['RUNNABLE', 'RUNNING', 'FAILED'] },
      { name: 'JOB_NAME', values: ['render-*'] },
    ]);
    expect(() => jobFilters({ status: ['done'] })).toThrow('--status: unknown status "DONE"');
    expect(() => jobFilters({ name: ' ' })).toThrow('--name: give a job name');
  });

  it('list --name and delete take several', async () => {
    expect(await parse(resourceListCommand, ['--name', 'lic*', '--name', 'db'])).toEqual({ name: ['lic*', 'db'] });
    expect(await parse(resourceDeleteCommand, ['a', 'b'])).toEqual({ names: ['a', 'b'] });
  });

  it('--consumable-resource NAME[:N] on jobdef register and job submit', () => {
    expect(consumableNeed('lic')).toEqual([{ consumableResource: 'lic', quantity: 1 }]);
    expect(consumableNeed('db:3', consumableNeed('lic'))).toEqual([{ consumableResource: 'lic', quantity: 1 }, { consumableResource: 'db', quantity: 3 }]);
    expect(consumableNeed('lic:2', consumableNeed('lic'))).toEqual([{ consumableResource: 'lic', quantity: 2 }]);
    const arn = 'arn:aws:batch:us-east-1:123456789012:consumable-resource/lic';
    expect(consumableNeed(arn)).toEqual([{ consumableResource: arn, quantity: 1 }]);
    expect(consumableNeed(`${arn}:4`)).toEqual([{ consumableResource: arn, quantity: 4 }]);
    expect(() => consumableNeed('lic:0')).toThrow('the quantity in "lic:0" must be at least 1');
    expect(() => consumableNeed('lic:')).toThrow('must look like NAME[:QUANTITY]');
    const needs = consumableNeed('lic:2');
    expect(buildRegisterRequest('jd', { image: 'busybox', consumableResource: needs }).consumableResourceProperties).toEqual({ consumableResourceList: needs });
    expect(buildSubmitRequest({ queue: 'q', definition: 'jd', consumableResource: needs }).consumableResourcePropertiesOverride).toEqual({ consumableResourceList: needs });
  });
});

async function create(t: TestContext, ...args: string[]): Promise<number> {
  return t.run('resource', 'create', ...args, '--yes');
}

describe('resource: running against the simulator', () => {
  it('create: success line, -o json is the API output, --dry-run changes nothing, validation is exit 2 before any call', async () => {
    const t = createTestContext();
    expect(await create(t, 'lic', '--total', '2', '--tag', 'team=a')).toBe(0);
    expect(t.stderr()).toBe('✓ Created consumable resource lic [sim]\n');
    const j = createTestContext();
    expect(await create(j, 'lic', '--total', '2', '-o', 'json')).toBe(0);
    expect(JSON.parse(j.stdout())).toEqual({ consumableResourceName: 'lic', consumableResourceArn: 'arn:aws:batch:us-east-1:123456789012:consumable-resource/lic' });
    const d = createTestContext();
    expect(await d.run('resource', 'create', 'lic', '--total', '2', '--dry-run')).toBe(0);
    expect(d.stdout() + d.stderr()).toContain('batch:CreateConsumableResource');
    expect((await (await d.sim()).batch.listConsumableResources({})).consumableResources).toEqual([]);
    const bad = createTestContext();
    expect(await create(bad, '_lic', '--total', '1')).toBe(2);
    expect(bad.stderr()).toContain('consumableResourceName (<name>): must be 1-128 letters, numbers, hyphens and underscores, starting with a letter or number');
    expect(await create(bad, 'lic')).toBe(2);
    expect(bad.stderr()).toContain('--total is required to create a consumable resource');
    expect(await bad.run('resource', 'create', 'lic', '--total', '1')).toBe(2);
    expect(bad.stderr()).toContain('refusing to create consumable resource lic without confirmation');
    expect((await (await bad.sim()).batch.listConsumableResources({})).consumableResources).toEqual([]);
  });

  it('create --input: the API shape, flags over it; unknown members are exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-res-'));
    const file = join(dir, 'r.json');
    writeFileSync(file, JSON.stringify({ consumableResourceName: 'tokens', totalQuantity: 100, resourceType: 'NON_REPLENISHABLE' }));
    const t = createTestContext();
    expect(await create(t, '--input', file, '--total', '50')).toBe(0);
    expect(await (await t.sim()).batch.describeConsumableResource({ consumableResource: 'tokens' })).toMatchObject({ totalQuantity: 50, resourceType: 'NON_REPLENISHABLE' });
    writeFileSync(file, JSON.stringify({ consumableResourceName: 'x', totalQuantity: 1, total: 2 }));
    expect(await create(t, '--input', file)).toBe(2);
    expect(t.stderr()).toContain('total: is not a member of CreateConsumableResourceRequest');
  });

  it('list and describe: table, json in AWS field names, missing names exit 3', async () => {
    const t = createTestContext();
    await create(t, 'lic', '--total', '4', '--tag', 'team=a');
    await create(t, 'tokens', '--total', '10', '--type', 'NON_REPLENISHABLE');
    expect(await t.run('resource', 'list')).toBe(0);
    expect(t.stdout()).toBe([
      'NAME     TYPE                TOTAL   IN USE   USE',
      'lic      REPLENISHABLE       4       0        0%',
      'tokens   NON_REPLENISHABLE   10      0        -',
      '',
    ].join('\n'));
    const f = createTestContext();
    await create(f, 'lic', '--total', '4');
    await create(f, 'db', '--total', '1');
    await f.run('resource', 'list', '--name', 'LI*', '-o', 'json');
    expect(JSON.parse(f.stdout())).toEqual({ consumableResources: [{ consumableResourceName: 'lic', consumableResourceArn: 'arn:aws:batch:us-east-1:123456789012:consumable-resource/lic', totalQuantity: 4, inUseQuantity: 0, resourceType: 'REPLENISHABLE' }] });
    const d = createTestContext();
    await create(d, 'lic', '--total', '4', '--tag', 'team=a');
    expect(await d.run('resource', 'describe', 'lic')).toBe(0);
    expect(d.stdout()).toMatch(/^lic\n {2}ARN +arn:aws:batch:us-east-1:123456789012:consumable-resource\/lic\n/);
    expect(d.stdout()).toMatch(/Available +4 of 4\n/);
    expect(d.stdout()).toMatch(/Jobs +none running or waiting\n/);
    expect(d.stdout()).toMatch(/team +a\n/);
    const dj = createTestContext();
    await create(dj, 'lic', '--total', '4');
    await dj.run('resource', 'describe', 'lic', '-o', 'json');
    expect(JSON.parse(dj.stdout()).consumableResources[0]).toMatchObject({ consumableResourceName: 'lic', totalQuantity: 4, inUseQuantity: 0, availableQuantity: 4, resourceType: 'REPLENISHABLE', tags: {} });
    expect(await d.run('resource', 'describe', 'lic', 'ghost')).toBe(3);
    expect(d.stderr()).toContain('consumable resource "ghost" not found [sim]');
  });

  it('update: --add/--set/--remove map to ADD/SET/REMOVE; nothing to do is exit 2; confirmation is required', async () => {
    const t = createTestContext();
    await create(t, 'lic', '--total', '1');
    const total = async () => (await (await t.sim()).batch.describeConsumableResource({ consumableResource: 'lic' })).totalQuantity;
    expect(await t.run('resource', 'update', 'lic', '--add', '2', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Updated consumable resource lic: total 3 [sim]\n');
    expect(await total()).toBe(3);
    expect(await t.run('resource', 'update', 'lic', '--remove', '1', '--yes')).toBe(0);
    expect(await total()).toBe(2);
    expect(await t.run('resource', 'update', 'lic', '--set', '7', '--yes')).toBe(0);
    expect(await total()).toBe(7);
    expect(await t.run('resource', 'update', 'lic', '--set', '1', '--dry-run')).toBe(0);
    expect(t.stdout() + t.stderr()).toContain('SET 1: total 7 → 1');
    expect(await total()).toBe(7);
    expect(await t.run('resource', 'update', 'lic', '--yes')).toBe(2);
    expect(t.stderr()).toContain('nothing to update for lic: give --set N, --add N or --remove N');
    expect(await t.run('resource', 'update', 'lic', '--add', '1')).toBe(2);
    expect(t.stderr()).toContain('refusing to update consumable resource lic without confirmation');
    expect(await t.run('resource', 'update', 'lic', '--add', '1', '--client-token', 'x'.repeat(65), '--yes')).toBe(2);
    expect(t.stderr()).toContain('clientToken (--client-token): must be 1-64 characters');
    expect(await t.run('resource', 'update', 'ghost', '--add', '1', '--yes')).toBe(3);
    // The same token twice: one update.
    await t.run('resource', 'update', 'lic', '--add', '1', '--client-token', 'nightly', '--yes');
    await t.run('resource', 'update', 'lic', '--add', '1', '--client-token', 'nightly', '--yes');
    expect(await total()).toBe(8);
  });

  it('jobs and job describe: a job waiting for units, the one holding them; delete', async () => {
    const t = createTestContext();
    await fargateCe(t, 'ce');
    await queue(t, 'q', 'ce');
    await create(t, 'lic', '--total', '1');
    const b = await t.sim();
    await b.batch.registerJobDefinition({
      jobDefinitionName: 'jd', type: 'container', platformCapabilities: ['FARGATE'],
      containerProperties: { image: 'busybox', command: ['sleep', '300'], executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], networkConfiguration: { assignPublicIp: 'ENABLED' } },
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] },
    });
    const first = (await b.batch.submitJob({ jobName: 'first', jobQueue: 'q', jobDefinition: 'jd' })).jobId!;
    const second = (await b.batch.submitJob({ jobName: 'second', jobQueue: 'q', jobDefinition: 'jd' })).jobId!;
    t.advance(120_000);
    expect(await t.run('resource', 'jobs', 'lic')).toBe(0);
    const rows = t.stdout().trim().split('\n');
    expect(rows[0]).toMatch(/^ID +NAME +STATUS +QUANTITY +QUEUE +CREATED +STARTED$/);
    expect(rows.slice(1).map((r) => r.split(/ +/).slice(0, 4))).toEqual([[second, 'second', 'RUNNABLE', '1'], [first, 'first', 'RUNNING', '1']]);
    expect(await t.run('resource', 'jobs', 'lic', '--status', 'runnable', '-o', 'json')).toBe(0);
    const json = t.stdout().slice(t.stdout().lastIndexOf('{\n  "jobs"'));
    expect(JSON.parse(json).jobs.map((j: { jobName: string }) => j.jobName)).toEqual(['second']);
    const before = t.stdout().length;
    expect(await t.run('job', 'describe', second)).toBe(0);
    expect(t.stdout().slice(before)).toMatch(/Consumable resources \(per instance\)\n +lic +needs 1 · 0 available · 1 in use of 1\n/);
    expect(await t.run('resource', 'delete', 'lic', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Deleted consumable resource lic [sim]\n');
    expect(await t.run('resource', 'jobs', 'lic')).toBe(3);
  });

  it('jobdef register and job submit warn about a resource that does not exist; tag --kind resource', async () => {
    const t = createTestContext();
    await fargateCe(t, 'ce');
    await queue(t, 'q', 'ce');
    expect(await t.run('jobdef', 'register', 'jd', '--image', 'busybox', '--platform', 'FARGATE', '--vcpus', '0.25', '--memory', '512', '--execution-role', 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', '--consumable-resource', 'licences:2', '--yes')).toBe(0);
    expect(t.stderr()).toContain('warning: consumable resource licences does not exist [sim]: jobs that need it wait RUNNABLE until it is created (`batchctl resource create licences --total N`)\n');
    const jd = (await (await t.sim()).batch.describeJobDefinitions({ jobDefinitionName: 'jd' })).jobDefinitions![0]!;
    expect(jd.consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: 'licences', quantity: 2 }] });
    await create(t, 'licences', '--total', '2');
    const before = t.stderr().length;
    expect(await t.run('job', 'submit', '-q', 'q', '-d', 'jd', '--yes')).toBe(0);
    expect(t.stderr().slice(before)).not.toContain('warning');
    expect(await t.run('job', 'submit', '-q', 'q', '-d', 'jd', '--consumable-resource', 'seats', '--yes')).toBe(0);
    expect(t.stderr().slice(before)).toContain('warning: consumable resource seats does not exist [sim]');
    expect(await t.run('tag', 'licences', '--kind', 'resource', 'team=data', '--yes')).toBe(0);
    expect((await (await t.sim()).batch.describeConsumableResource({ consumableResource: 'licences' })).tags).toEqual({ team: 'data' });
  });
});
