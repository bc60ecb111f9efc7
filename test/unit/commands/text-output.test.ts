/**
 * `-o text` on every list command, through the one printer (src/output/printer.ts): like the AWS
 * CLI's text output, tab-separated values, one line per record, no header, no padding, no colour,
 * no truncation — even on a narrow colour terminal, where the table pads and truncates.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import { fargateCe, queue } from './world.js';

/** A world with two of everything the list commands show, names of different lengths. */
async function world(): Promise<TestContext> {
  const t = createTestContext({ tty: true, columns: 40, color: true });
  await fargateCe(t, 'ce-a');
  await fargateCe(t, 'compute-environment-with-a-long-name');
  await queue(t, 'q', 'ce-a', 10);
  await queue(t, 'a-much-longer-queue-name', 'compute-environment-with-a-long-name', 1);
  const b = await t.sim();
  await b.batch.createSchedulingPolicy({ name: 'fs', fairsharePolicy: { shareDecaySeconds: 3600 } });
  await b.batch.createSchedulingPolicy({ name: 'fair-share-policy-two' });
  await b.batch.createConsumableResource({ consumableResourceName: 'lic', totalQuantity: 2, resourceType: 'REPLENISHABLE' });
  await b.batch.createConsumableResource({ consumableResourceName: 'database-connections', totalQuantity: 40 });
  const container = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', image: 'busybox', command: ['echo', 'hello world'], resourceRequirements: [{ type: 'VCPU' as const, value: '0.25' }, { type: 'MEMORY' as const, value: '512' }] };
  await b.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', platformCapabilities: ['FARGATE'], containerProperties: container });
  await b.batch.registerJobDefinition({ jobDefinitionName: 'a-job-definition-with-a-long-name', type: 'container', platformCapabilities: ['FARGATE'], containerProperties: container });
  await b.batch.submitJob({ jobName: 'j', jobQueue: 'q', jobDefinition: 'jd', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] } });
  await b.batch.submitJob({ jobName: 'a-job-with-a-longer-name', jobQueue: 'q', jobDefinition: 'jd', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'lic', quantity: 1 }] } });
  t.advance(5_000);
  return t;
}

/** The records of a list command's -o json: the array, or the object's one array member. */
function records(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const arrays = Object.values(json as Record<string, unknown>).filter(Array.isArray);
  expect(arrays).toHaveLength(1);
  return arrays[0]!;
}

const LISTS: string[][] = [
  ['ce', 'list'],
  ['queue', 'list'],
  ['jobdef', 'list'],
  ['job', 'list', '--queue', 'q'],
  ['policy', 'list'],
  ['resource', 'list'],
  ['resource', 'jobs', 'lic'],
  ['config', 'list'],
];

describe('-o text on list commands', () => {
  it('the table on that terminal is coloured and padded (what text must not be)', async () => {
    const t = await world();
    expect(await t.run('ce', 'list')).toBe(0);
    expect(t.stdout()).toMatch(/\x1b\[/);
    expect(t.stdout()).toMatch(/ {3}/);
  });

  it.each(LISTS.map((argv) => [argv.join(' '), argv]))('%s: TSV, one line per record, no header, padding, colour or truncation', async (_label, argv) => {
    const t = await world();
    const before = t.stdout().length;
    expect(await t.run(...(argv as string[]), '-o', 'json')).toBe(0);
    const n = records(JSON.parse(t.stdout().slice(before))).length;
    expect(n).toBeGreaterThanOrEqual(2);

    const start = t.stdout().length;
    expect(await t.run(...(argv as string[]), '-o', 'text')).toBe(0);
    const out = t.stdout().slice(start);
    expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toMatch(/\x1b\[/); // no colour, although the terminal has it
    expect(out).not.toContain('…'); // no truncation, although the terminal is 40 columns wide
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(n); // one line per record, no header
    const fields = lines.map((l) => l.split('\t'));
    expect(fields[0]!.length).toBeGreaterThanOrEqual(2);
    for (const f of fields) {
      expect(f).toHaveLength(fields[0]!.length);
      for (const cell of f) {
        expect(cell).toBe(cell.trim()); // no padding
        expect(cell).not.toBe(''); // an empty value is '-', so read with IFS=tab keeps the fields in place
      }
    }
  });
});
