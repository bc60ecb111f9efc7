/**
 * `batchctl demo` as a new user runs it, through the built CLI in a sandbox: the whole first run
 * (setup, hello world, an array job and its dependent, their logs, the summary), again, then
 * `teardown demo --roles --yes`, after which nothing of the stack is left.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

const json = (args: string[]) => box.json(args);

describe('demo end to end', () => {
  it('runs the first run: the stack, hello world, the array children, the dependent job, a summary', async () => {
    const before = (await json(['sim', 'status'])).now;
    const r = await box.run(['demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^demo-hello-world [0-9a-f-]{36}\n {2}hello world\n/);
    for (let i = 0; i < 5; i++) expect(r.stdout).toContain(`  [${i}] hello from child ${i} of 5\n`);
    expect(r.stdout).toContain('  all 5 children are done; demo-after-array ran after them\n');
    expect(r.stdout).toMatch(/ {2}demo-after-array +SUCCEEDED +[0-9a-f-]{36} +after demo-array\n/);
    expect(r.stderr).toMatch(/demo-array +SUCCEEDED +children: 5 SUCCEEDED\n/);
    expect(r.stderr).toContain('  batchctl teardown demo ');
    // The flow moved the simulated clock well past the wall clock (jobs take a minute or more of simulated time).
    const after = (await json(['sim', 'status'])).now;
    expect(after - before).toBeGreaterThan(60_000);
  }, 60_000);

  it('runs again on the same stack, with new jobs; -o json is one document', async () => {
    const doc = await json(['demo']);
    expect(doc.applied).toEqual([]);
    expect(doc.jobs.map((j: { status: string }) => j.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(doc.jobs[0].fromEarlierRun).toBe(true);
    const arrays = (await json(['job', 'list', '--queue', 'demo-queue', '--name', 'demo-array'])).jobSummaryList;
    expect(arrays).toHaveLength(2);
  }, 60_000);

  it('teardown demo --roles --yes leaves nothing behind', async () => {
    const r = await box.run(['teardown', 'demo', '--roles', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const live = (items: Array<{ status?: string }>) => items.filter((x) => x.status !== 'DELETED');
    expect(live((await json(['ce', 'list'])).computeEnvironments)).toEqual([]);
    expect(live((await json(['queue', 'list'])).jobQueues)).toEqual([]);
    expect((await json(['jobdef', 'list'])).jobDefinitions).toEqual([]);
    const again = await box.run(['teardown', 'demo', '--roles', '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/nothing/);
  }, 60_000);
});
