/** Run tests for `batchctl queue …` against the in-memory simulator. */
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import { fargateCe, queue } from './world.js';

const QARN = 'arn:aws:batch:us-east-1:123456789012:job-queue';

async function twoCes(): Promise<TestContext> {
  const t = createTestContext();
  await fargateCe(t, 'fast');
  await fargateCe(t, 'cheap');
  return t;
}

async function describeQueue(t: TestContext, name: string) {
  return (await (await t.sim()).batch.describeJobQueues({ jobQueues: [name] })).jobQueues![0]!;
}

describe('queue create', () => {
  it('creates with CEs in order, time limits and tags', async () => {
    const t = await twoCes();
    expect(await t.run('queue', 'create', 'work', '--priority', '10', '--ce', 'fast', '--ce', 'cheap', '--state-time-limit', 'INSUFFICIENT_INSTANCE_CAPACITY:4h', '--tag', 'team=data', '--yes')).toBe(0);
    expect(t.stderr()).toBe('✓ Created job queue work [sim]\n');
    const q = await describeQueue(t, 'work');
    expect(q.priority).toBe(10);
    expect(q.computeEnvironmentOrder!.map((o) => [o.order, o.computeEnvironment!.split('/').pop()])).toEqual([[1, 'fast'], [2, 'cheap']]);
    expect(q.jobStateTimeLimitActions).toEqual([{ reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE', maxTimeSeconds: 14400, action: 'CANCEL' }]);
    expect(q.tags).toEqual({ team: 'data' });
  });

  it('prints CreateJobQueue output with -o json', async () => {
    const t = await twoCes();
    expect(await t.run('-o', 'json', 'queue', 'create', 'work', '--priority', '1', '--ce', 'fast', '--yes')).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ jobQueueName: 'work', jobQueueArn: `${QARN}/work` });
  });

  it('resolves a scheduling policy by name', async () => {
    const t = await twoCes();
    await t.run('policy', 'create', 'teams', '--share', 'a', '--yes');
    expect(await t.run('queue', 'create', 'fair', '--priority', '1', '--ce', 'fast', '--scheduling-policy', 'teams', '--yes')).toBe(0);
    expect((await describeQueue(t, 'fair')).schedulingPolicyArn).toBe('arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams');
  });

  it('names the missing required flags (exit 2)', async () => {
    const t = createTestContext();
    expect(await t.run('queue', 'create', 'work', '--yes')).toBe(2);
    expect(t.stderr()).toContain('error: --priority and --ce are required to create a job queue');
  });

  it('validates locally: more than 3 CEs, a bad time limit', async () => {
    const t = createTestContext();
    expect(await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'a', '--ce', 'b', '--ce', 'c', '--ce', 'd', '--state-time-limit', 'UNDETERMINED:5m', '--yes')).toBe(2);
    expect(t.stderr()).toContain('computeEnvironmentOrder (--ce): must have at most 3 compute environments');
    expect(t.stderr()).toContain('jobStateTimeLimitActions[0].maxTimeSeconds (--state-time-limit): must be between 600 and 86400');
    expect(t.stderr()).toContain('jobStateTimeLimitActions[0].reason (--state-time-limit): must be one of');
  });

  it('names an unknown compute environment or policy (exit 3)', async () => {
    const t = await twoCes();
    expect(await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'nope', '--yes')).toBe(3);
    expect(t.stderr()).toContain('compute environment "nope" not found [sim]');
    expect(await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'fast', '--scheduling-policy', 'ghost', '--yes')).toBe(3);
    expect(t.stderr()).toContain('scheduling policy "ghost" not found [sim]');
  });

  it('--dry-run changes nothing; no --yes without a terminal is refused', async () => {
    const t = await twoCes();
    expect(await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'fast', '--dry-run')).toBe(0);
    expect(t.stdout()).toContain('create job queue work  batch:CreateJobQueue');
    expect(await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'fast')).toBe(2);
    expect(t.stderr()).toContain('refusing to create job queue work without confirmation');
    expect((await (await t.sim()).batch.describeJobQueues({})).jobQueues).toEqual([]);
  });
});

describe('queue list and describe', () => {
  async function world(): Promise<TestContext> {
    const t = await twoCes();
    await queue(t, 'work', 'fast', 10);
    await queue(t, 'batch', 'cheap', 1);
    return t;
  }

  it('prints a table, json and text', async () => {
    const t = await world();
    expect(await t.run('queue', 'list')).toBe(0);
    expect(t.stdout()).toBe(
      [
        'NAME    PRIORITY   STATE     STATUS   COMPUTE ENVIRONMENTS   POLICY',
        'work    10         ENABLED   VALID    fast                   FIFO',
        'batch   1          ENABLED   VALID    cheap                  FIFO',
        '',
      ].join('\n'),
    );
    const j = await world();
    await j.run('queue', 'list', '-o', 'json');
    const data = JSON.parse(j.stdout());
    expect(data.jobQueues.map((q: { jobQueueName: string }) => q.jobQueueName)).toEqual(['work', 'batch']);
    const x = await world();
    await x.run('queue', 'list', '-o', 'text');
    expect(x.stdout().split('\n')[0]!.split('\t').slice(0, 6)).toEqual(['work', '10', 'ENABLED', 'VALID', 'fast', 'FIFO']);
  });

  it('describes; unknown queues exit 3', async () => {
    const t = await world();
    expect(await t.run('queue', 'describe', 'work')).toBe(0);
    expect(t.stdout()).toMatch(/^work\n {2}ARN +arn:aws:batch:us-east-1:123456789012:job-queue\/work\n/);
    expect(t.stdout()).toMatch(/Compute environments\n +1 +fast\n/);
    expect(await t.run('queue', 'describe', 'work', 'ghost')).toBe(3);
    expect(t.stderr()).toContain('job queue "ghost" not found [sim]');
  });
});

describe('queue update, enable, disable, delete', () => {
  it('changes priority and order', async () => {
    const t = await twoCes();
    await queue(t, 'work', 'fast', 10);
    expect(await t.run('queue', 'update', 'work', '--priority', '50', '--ce', 'cheap:1', '--ce', 'fast:2', '--yes')).toBe(0);
    expect(t.stderr()).toBe('✓ Updated job queue work [sim]\n');
    t.advance(10_000);
    const q = await describeQueue(t, 'work');
    expect(q.priority).toBe(50);
    expect(q.computeEnvironmentOrder!.map((o) => [o.order, o.computeEnvironment!.split('/').pop()])).toEqual([[1, 'cheap'], [2, 'fast']]);
  });

  it('clears time limits', async () => {
    const t = await twoCes();
    await t.run('queue', 'create', 'work', '--priority', '1', '--ce', 'fast', '--state-time-limit', 'INSUFFICIENT_INSTANCE_CAPACITY:1h', '--yes');
    t.advance(10_000);
    expect(await t.run('queue', 'update', 'work', '--clear-state-time-limits', '--yes')).toBe(0);
    expect((await describeQueue(t, 'work')).jobStateTimeLimitActions ?? []).toEqual([]);
  });

  it('needs something to update', async () => {
    const t = createTestContext();
    expect(await t.run('queue', 'update', 'work', '--yes')).toBe(2);
    expect(t.stderr()).toContain('nothing to update for work');
  });

  it('disables, enables and deletes (disabling first)', async () => {
    const t = await twoCes();
    await queue(t, 'work', 'fast');
    expect(await t.run('queue', 'disable', 'work', '--yes')).toBe(0);
    expect((await describeQueue(t, 'work')).state).toBe('DISABLED');
    t.advance(10_000);
    expect(await t.run('queue', 'enable', 'work', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Enabled job queue work [sim]\n');
    t.advance(10_000);
    expect(await t.run('queue', 'delete', 'work', '--dry-run')).toBe(0);
    expect(t.stdout()).toContain('1. disable job queue work  batch:UpdateJobQueue');
    expect(t.stdout()).toContain('2. delete job queue work  batch:DeleteJobQueue');
    expect(await t.run('queue', 'delete', 'work', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Deleting job queue work [sim]\n');
    expect((await describeQueue(t, 'work')).status).toMatch(/DELETING|DELETED/);
  });
});
