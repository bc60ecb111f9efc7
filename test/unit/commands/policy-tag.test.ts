/** Run tests for `batchctl policy …`, `tag` and `untag` against the in-memory simulator. */
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import { fargateCe, queue } from './world.js';

const PARN = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy';

async function policy(t: TestContext, name: string, ...extra: string[]): Promise<number> {
  return t.run('policy', 'create', name, '--share-decay', '1h', '--share', 'teamA', '--share', 'teamB:0.5', '--yes', ...extra);
}

async function describePolicy(t: TestContext, name: string) {
  return (await (await t.sim()).batch.describeSchedulingPolicies({ arns: [`${PARN}/${name}`] })).schedulingPolicies![0]!;
}

describe('policy', () => {
  it('creates a fair-share policy from flags', async () => {
    const t = createTestContext();
    expect(await policy(t, 'teams', '--compute-reservation', '10', '--tag', 'a=b')).toBe(0);
    expect(t.stderr()).toBe('✓ Created scheduling policy teams [sim]\n');
    expect(await describePolicy(t, 'teams')).toMatchObject({
      name: 'teams',
      fairsharePolicy: { shareDecaySeconds: 3600, computeReservation: 10, shareDistribution: [{ shareIdentifier: 'teamA' }, { shareIdentifier: 'teamB', weightFactor: 0.5 }] },
      tags: { a: 'b' },
    });
  });

  it('prints CreateSchedulingPolicy output with -o json', async () => {
    const t = createTestContext();
    expect(await policy(t, 'teams', '-o', 'json')).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ name: 'teams', arn: `${PARN}/teams` });
  });

  it('validates shares locally (overlapping prefixes, weights) with exit 2', async () => {
    const t = createTestContext();
    expect(await t.run('policy', 'create', 'bad', '--share', 'team*', '--share', 'teamA:1000', '--yes')).toBe(2);
    expect(t.stderr()).toContain('fairsharePolicy.shareDistribution[1].weightFactor (--share): must be between 0.0001 and 999.9999');
    expect(t.stderr()).toContain('fairsharePolicy.shareDistribution[1].shareIdentifier (--share): "teamA" overlaps "team*"');
  });

  it('lists and describes; json carries the details', async () => {
    const t = createTestContext();
    await policy(t, 'teams');
    expect(await t.run('policy', 'list')).toBe(0);
    expect(t.stdout()).toBe(['NAME    KIND         SHARE DECAY   RESERVATION   SHARES', 'teams   FAIR_SHARE   1h            0%            teamA:1, teamB:0.5', ''].join('\n'));
    const j = createTestContext();
    await policy(j, 'teams');
    await j.run('policy', 'list', '-o', 'json');
    expect(JSON.parse(j.stdout()).schedulingPolicies[0]).toMatchObject({ name: 'teams', arn: `${PARN}/teams` });
    const d = createTestContext();
    await policy(d, 'teams');
    expect(await d.run('policy', 'describe', 'teams')).toBe(0);
    expect(d.stdout()).toMatch(/^teams\n {2}ARN +arn:aws:batch:us-east-1:123456789012:scheduling-policy\/teams\n/);
    expect(d.stdout()).toMatch(/teamB +0\.5\n/);
    expect(await d.run('policy', 'describe', 'ghost')).toBe(3);
    expect(d.stderr()).toContain('scheduling policy "ghost" not found [sim]');
  });

  it('updates, keeping what was not given', async () => {
    const t = createTestContext();
    await policy(t, 'teams', '--compute-reservation', '10');
    expect(await t.run('policy', 'update', 'teams', '--compute-reservation', '20', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Updated scheduling policy teams [sim]\n');
    expect((await describePolicy(t, 'teams')).fairsharePolicy).toMatchObject({ shareDecaySeconds: 3600, computeReservation: 20, shareDistribution: [{ shareIdentifier: 'teamA' }, { shareIdentifier: 'teamB', weightFactor: 0.5 }] });
  });

  it('deletes; refuses while a queue uses it', async () => {
    const t = createTestContext();
    await policy(t, 'teams');
    await fargateCe(t, 'ce1');
    await queue(t, 'fair', 'ce1', 1, `${PARN}/teams`);
    expect(await t.run('policy', 'delete', 'teams', '--yes')).toBe(1);
    expect(t.stderr()).toContain('error: cannot delete: teams is used by queue fair');
    await policy(t, 'spare');
    expect(await t.run('policy', 'delete', 'spare', '--dry-run')).toBe(0);
    expect(await t.run('policy', 'delete', 'spare', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Deleted scheduling policy spare [sim]\n');
    expect((await (await t.sim()).batch.listSchedulingPolicies({})).schedulingPolicies!.map((p) => p.arn)).toEqual([`${PARN}/teams`]);
  });
});

describe('tag and untag', () => {
  async function world(): Promise<TestContext> {
    const t = createTestContext();
    await fargateCe(t, 'ce1');
    await queue(t, 'work', 'ce1');
    return t;
  }
  const QARN = 'arn:aws:batch:us-east-1:123456789012:job-queue/work';

  it('tags by ARN and by name with --kind, and lists tags', async () => {
    const t = await world();
    expect(await t.run('tag', QARN, 'team=data', 'cost=42', '--yes')).toBe(0);
    expect(t.stderr()).toBe(`✓ Tagged ${QARN}: cost=42, team=data [sim]\n`);
    expect(await t.run('tag', 'ce1', '--kind', 'ce', 'env=dev', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Tagged ce ce1: env=dev [sim]\n');
    expect(await t.run('tag', 'work', '--kind', 'queue')).toBe(0);
    expect(t.stdout()).toBe('KEY    VALUE\ncost   42\nteam   data\n');
    const j = await world();
    await j.run('tag', QARN, 'a=1', '--yes');
    await j.run('tag', QARN, '-o', 'json');
    expect(JSON.parse(j.stdout())).toEqual({ tags: { a: '1' } });
  });

  it('untags', async () => {
    const t = await world();
    await t.run('tag', QARN, 'team=data', 'cost=42', '--yes');
    expect(await t.run('untag', 'work', 'cost', '--kind', 'queue', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Removed tag cost from queue work [sim]\n');
    expect((await (await t.sim()).batch.listTagsForResource({ resourceArn: QARN })).tags).toEqual({ team: 'data' });
  });

  it('a name without --kind is a usage error; an unknown name is not found', async () => {
    const t = await world();
    expect(await t.run('tag', 'work', 'a=1', '--yes')).toBe(2);
    expect(t.stderr()).toContain('"work" is not an ARN: give the resource\'s ARN, or its name with --kind ce|queue|jobdef|policy');
    expect(await t.run('tag', 'ghost', '--kind', 'queue', 'a=1', '--yes')).toBe(3);
    expect(t.stderr()).toContain('job queue "ghost" not found [sim]');
    expect(await t.run('tag', QARN, 'novalue', '--yes')).toBe(2);
    expect(t.stderr()).toContain('"novalue" must look like key=value');
  });

  it('--dry-run tags nothing; no --yes without a terminal is refused', async () => {
    const t = await world();
    expect(await t.run('tag', QARN, 'a=1', '--dry-run')).toBe(0);
    expect(await t.run('tag', QARN, 'a=1')).toBe(2);
    expect(t.stderr()).toContain(`refusing to tag ${QARN} without confirmation`);
    expect((await (await t.sim()).batch.listTagsForResource({ resourceArn: QARN })).tags ?? {}).toEqual({});
  });
});
