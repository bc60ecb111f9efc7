/** Run tests for `batchctl ce …` against the in-memory simulator (STYLE.md §6.6). */
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';
import { fargateCe, network, queue } from './world.js';

const ARN = 'arn:aws:batch:us-east-1:123456789012:compute-environment';

async function createFargate(t: TestContext, name: string, ...extra: string[]): Promise<number> {
  const { subnets, sg } = await network(t);
  return t.run('ce', 'create', name, '--compute-type', 'FARGATE', '--max-vcpus', '16', '--subnets', subnets.slice(0, 2).join(','), '--security-groups', sg, ...extra);
}

describe('ce create', () => {
  it('creates from flags and says so on stderr, naming the world', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'fce', '--tag', 'team=data', '--yes')).toBe(0);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('✓ Created compute environment fce [sim]\n');
    const [ce] = (await (await t.sim()).batch.describeComputeEnvironments({ computeEnvironments: ['fce'] })).computeEnvironments!;
    expect(ce).toMatchObject({ type: 'MANAGED', state: 'ENABLED', computeResources: { type: 'FARGATE', maxvCpus: 16 }, tags: { team: 'data' } });
  });

  it('prints the API output with -o json', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'fce', '-o', 'json', '--yes')).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ computeEnvironmentName: 'fce', computeEnvironmentArn: `${ARN}/fce` });
  });

  it('--dry-run shows the plan and changes nothing', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'fce', '--dry-run')).toBe(0);
    expect(t.stdout()).toMatch(/^Create compute environment fce \[sim\]\n {3}1\. create compute environment fce {2}batch:CreateComputeEnvironment\n {6}a new FARGATE compute environment\ndry run: nothing was changed\n$/);
    expect((await (await t.sim()).batch.describeComputeEnvironments({})).computeEnvironments).toEqual([]);
  });

  it('refuses without --yes when nobody can confirm (exit 2), asks on a terminal', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'fce')).toBe(2);
    expect(t.stderr()).toBe('error: refusing to create compute environment fce without confirmation\nhint: pass --yes to apply it, or --dry-run to see the plan without changing anything\n');
    const tty = createTestContext({ tty: true, answers: [true] });
    expect(await createFargate(tty, 'fce')).toBe(0);
    expect(tty.stderr()).toContain('Create compute environment fce [sim]');
    expect(tty.stderr()).toContain('✓ Created compute environment fce [sim]');
    const no = createTestContext({ tty: true, answers: [false] });
    expect(await createFargate(no, 'fce')).toBe(130);
  });

  it('fails locally listing every problem, naming the flags (exit 2)', async () => {
    const t = createTestContext();
    expect(await t.run('ce', 'create', 'ec2', '--max-vcpus', '4', '--yes')).toBe(2);
    const err = t.stderr();
    expect(err).toMatch(/^error: invalid compute environment \(\d+ problems\):\n/);
    expect(err).toContain('  - computeResources.subnets (--subnets): is required');
    expect(err).toContain('  - computeResources.instanceRole (--instance-role): is required for EC2 and SPOT compute resources');
    expect(err).toContain('  - computeResources.securityGroupIds (--security-groups): is required');
    expect(err).toContain('hint: nothing was changed');
  });

  it('rejects a bad name and fields that do not apply to Fargate', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'bad name', '--min-vcpus', '2', '--yes')).toBe(2);
    expect(t.stderr()).toContain('computeEnvironmentName (<name>): must be 1-128 characters');
    expect(t.stderr()).toContain('computeResources.minvCpus (--min-vcpus): must not be set for FARGATE compute resources');
  });

  it('needs a name', async () => {
    const t = createTestContext();
    expect(await t.run('ce', 'create', '--max-vcpus', '4', '--yes')).toBe(2);
    expect(t.stderr()).toContain('a name is required');
  });

  it('--disabled creates, then disables', async () => {
    const t = createTestContext();
    expect(await createFargate(t, 'fce', '--disabled', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Created compute environment fce (disabled) [sim]');
    const [ce] = (await (await t.sim()).batch.describeComputeEnvironments({ computeEnvironments: ['fce'] })).computeEnvironments!;
    expect(ce!.state).toBe('DISABLED');
  });
});

describe('ce list', () => {
  async function world(): Promise<TestContext> {
    const t = createTestContext({ tty: false });
    await fargateCe(t, 'alpha', 16);
    await fargateCe(t, 'beta', 4);
    return t;
  }

  it('prints a table (no TTY)', async () => {
    const t = await world();
    expect(await t.run('ce', 'list')).toBe(0);
    expect(t.stdout()).toBe(
      [
        'NAME    TYPE      STATE     STATUS   VCPUS    INSTANCE TYPES',
        'alpha   FARGATE   ENABLED   VALID    -/-/16   -',
        'beta    FARGATE   ENABLED   VALID    -/-/4    -',
        '',
      ].join('\n'),
    );
  });

  it('prints the same table on a TTY, and wide columns with -o wide', async () => {
    const t = createTestContext({ tty: true });
    await fargateCe(t, 'alpha', 16);
    expect(await t.run('ce', 'list')).toBe(0);
    expect(t.stdout()).toBe(['NAME    TYPE      STATE     STATUS   VCPUS    INSTANCE TYPES', 'alpha   FARGATE   ENABLED   VALID    -/-/16   -', ''].join('\n'));
    const w = createTestContext();
    await fargateCe(w, 'alpha', 16);
    await w.run('ce', 'list', '-o', 'wide');
    const [head, row] = w.stdout().split('\n');
    expect(head).toMatch(/^NAME +TYPE +STATE +STATUS +VCPUS +INSTANCE TYPES +SUBNETS +ARN +REASON$/);
    expect(row).toContain(`${ARN}/alpha`);
  });

  it('prints DescribeComputeEnvironments output with -o json, TSV with -o text', async () => {
    const t = await world();
    await t.run('ce', 'list', '-o', 'json');
    const data = JSON.parse(t.stdout());
    expect(Object.keys(data)).toEqual(['computeEnvironments']);
    expect(data.computeEnvironments.map((c: { computeEnvironmentName: string }) => c.computeEnvironmentName)).toEqual(['alpha', 'beta']);
    const x = await world();
    await x.run('ce', 'list', '-o', 'text');
    // -o text is TSV of every column (wide ones included), no header.
    const rows = x.stdout().trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['alpha', 'FARGATE', 'ENABLED', 'VALID', '-/-/16', '-'],
      ['beta', 'FARGATE', 'ENABLED', 'VALID', '-/-/4', '-'],
    ]);
    expect(rows[0]![7]).toBe(`${ARN}/alpha`);
    expect(rows[0]![8]).toBe('ComputeEnvironment Healthy');
  });

  it('applies --query', async () => {
    const t = await world();
    await t.run('ce', 'list', '--query', 'computeEnvironments[].computeEnvironmentName');
    expect(t.stdout()).toBe('alpha\nbeta\n');
  });

  it('says nothing on stdout when empty', async () => {
    const t = createTestContext();
    expect(await t.run('ce', 'list')).toBe(0);
    expect(t.stdout()).toBe('');
  });
});

describe('ce describe', () => {
  it('shows details, and the detail objects with -o json', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    expect(await t.run('ce', 'describe', 'alpha')).toBe(0);
    const out = t.stdout();
    expect(out.split('\n')[0]).toBe('alpha');
    expect(out).toMatch(/ARN +arn:aws:batch:us-east-1:123456789012:compute-environment\/alpha/);
    expect(out).toMatch(/Type +MANAGED FARGATE on ECS/);
    expect(out).toMatch(/Status +VALID/);
    expect(out).toMatch(/vCPUs +min - · desired - · max 16/);
    expect(out).toMatch(/Subnets +subnet-/);
    const j = createTestContext();
    await fargateCe(j, 'alpha');
    await j.run('ce', 'describe', 'alpha', '-o', 'json');
    const data = JSON.parse(j.stdout());
    expect(data.computeEnvironments).toHaveLength(1);
    expect(data.computeEnvironments[0].computeEnvironmentArn).toBe(`${ARN}/alpha`);
  });

  it('names what is not found (exit 3)', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    expect(await t.run('ce', 'describe', 'alpha', 'nope')).toBe(3);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('error: compute environment "nope" not found [sim]\nhint: `batchctl ce list` lists what exists in this world\n');
  });
});

describe('ce update, enable, disable, delete', () => {
  it('updates the vCPU bounds as a scaling update', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    expect(await t.run('ce', 'update', 'alpha', '--max-vcpus', '32', '--yes')).toBe(0);
    expect(t.stderr()).toBe('✓ Updated compute environment alpha (scaling update) [sim]\n');
    const [ce] = (await (await t.sim()).batch.describeComputeEnvironments({ computeEnvironments: ['alpha'] })).computeEnvironments!;
    expect(ce!.computeResources!.maxvCpus).toBe(32);
  });

  it('refuses an update with nothing to change, and an unknown CE', async () => {
    const t = createTestContext();
    expect(await t.run('ce', 'update', 'alpha', '--yes')).toBe(2);
    expect(t.stderr()).toContain('nothing to update for alpha');
    const u = createTestContext();
    expect(await u.run('ce', 'update', 'ghost', '--max-vcpus', '4', '--yes')).toBe(3);
    expect(u.stderr()).toContain('compute environment "ghost" not found [sim]');
  });

  it('validates update fields locally', async () => {
    const t = createTestContext();
    expect(await t.run('ce', 'update', 'alpha', '--scale-down-delay', '5', '--yes')).toBe(2);
    expect(t.stderr()).toContain('computeResources.scalingPolicy.minScaleDownDelayMinutes (--scale-down-delay): must be 0 (unset) or between 20 and 10080');
  });

  it('disables and enables; a second disable has nothing to do', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    expect(await t.run('ce', 'disable', 'alpha', '--yes')).toBe(0);
    expect(t.stderr()).toBe('✓ Disabled compute environment alpha [sim]\n');
    t.advance(60_000);
    // Nothing to change needs no confirmation, even without --yes.
    expect(await t.run('ce', 'disable', 'alpha')).toBe(0);
    expect(t.stderr()).toContain('· alpha is already DISABLED [sim]\n');
    expect(t.stdout()).toBe('');
    await t.run('ce', 'enable', 'alpha', '--yes');
    expect(t.stderr()).toContain('✓ Enabled compute environment alpha [sim]\n');
  });

  it('delete disables first (dry run shows both steps)', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    expect(await t.run('ce', 'delete', 'alpha', '--dry-run')).toBe(0);
    expect(t.stdout()).toContain('1. disable compute environment alpha  batch:UpdateComputeEnvironment');
    expect(t.stdout()).toContain('only a DISABLED compute environment can be deleted');
    expect(t.stdout()).toContain('2. delete compute environment alpha  batch:DeleteComputeEnvironment');
    expect(await t.run('ce', 'delete', 'alpha', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Deleting compute environment alpha [sim]\n');
    const [ce] = (await (await t.sim()).batch.describeComputeEnvironments({ computeEnvironments: ['alpha'] })).computeEnvironments!;
    expect(ce!.status).toMatch(/DELETING|DELETED/);
  });

  it('delete refuses while a queue uses the CE, naming the queue (exit 1)', async () => {
    const t = createTestContext();
    await fargateCe(t, 'alpha');
    await queue(t, 'work', 'alpha');
    expect(await t.run('ce', 'delete', 'alpha', '--yes')).toBe(1);
    expect(t.stderr()).toContain('error: cannot delete: a compute environment is still attached to job queues\n  - alpha is used by queue work\n');
    expect(t.stderr()).toContain('hint: detach it first (`batchctl queue update work --ce <other-ce>`)');
  });
});
