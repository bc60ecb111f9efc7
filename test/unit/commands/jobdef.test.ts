/** Run tests for `batchctl jobdef register|list|describe|deregister` against the in-memory simulator. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../helpers/test-context.js';

const JARN = 'arn:aws:batch:us-east-1:123456789012:job-definition';

async function register(t: TestContext, name: string, ...extra: string[]): Promise<number> {
  return t.run('jobdef', 'register', name, '--image', 'busybox', '--command', 'echo hi', '--yes', ...extra);
}

describe('jobdef register', () => {
  it('registers from flags; the success line names the revision', async () => {
    const t = createTestContext();
    expect(await register(t, 'hello')).toBe(0);
    expect(await register(t, 'hello')).toBe(0);
    expect(t.stderr()).toBe('✓ Registered job definition hello:1 [sim]\n✓ Registered job definition hello:2 [sim]\n');
    const [jd] = (await (await t.sim()).batch.describeJobDefinitions({ jobDefinitions: ['hello:1'] })).jobDefinitions!;
    expect(jd).toMatchObject({
      type: 'container',
      containerProperties: { image: 'busybox', command: ['echo', 'hi'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] },
    });
  });

  it('prints RegisterJobDefinition output with -o json', async () => {
    const t = createTestContext();
    expect(await register(t, 'hello', '-o', 'json')).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ jobDefinitionName: 'hello', jobDefinitionArn: `${JARN}/hello:1`, revision: 1 });
  });

  it('registers from --input, flags overriding the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-jd-'));
    const file = join(dir, 'jd.yaml');
    writeFileSync(file, 'jobDefinitionName: from-file\ntype: container\ncontainerProperties:\n  image: alpine\n  resourceRequirements:\n    - {type: VCPU, value: "2"}\n    - {type: MEMORY, value: "1024"}\n');
    const t = createTestContext();
    expect(await t.run('jobdef', 'register', '--input', file, '--memory', '4096', '--yes')).toBe(0);
    const [jd] = (await (await t.sim()).batch.describeJobDefinitions({ jobDefinitions: ['from-file:1'] })).jobDefinitions!;
    expect(jd!.containerProperties!.resourceRequirements).toEqual([{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '4096' }]);
  });

  it('checks the spec/04 list locally: a Fargate pair and the execution role (exit 2)', async () => {
    const t = createTestContext();
    expect(await register(t, 'f', '--platform', 'FARGATE', '--vcpus', '0.25', '--memory', '4096')).toBe(2);
    expect(t.stderr()).toMatch(/^error: invalid job definition \(\d+ problems\):\n/);
    expect(t.stderr()).toContain('containerProperties.executionRoleArn (--execution-role):');
    expect(t.stderr()).toMatch(/containerProperties\.resourceRequirements.* \(--vcpus\/--memory\/--gpus\): .*0\.25/);
    expect((await (await t.sim()).batch.describeJobDefinitions({})).jobDefinitions).toEqual([]);
  });

  it('needs --image without --input; warns (and registers) on a Ref:: without default', async () => {
    const t = createTestContext();
    expect(await t.run('jobdef', 'register', 'x', '--yes')).toBe(2);
    expect(t.stderr()).toContain('--image is required');
    const w = createTestContext();
    expect(await w.run('jobdef', 'register', 'x', '--image', 'busybox', '--command', 'echo Ref::who', '--yes')).toBe(0);
    expect(w.stderr()).toMatch(/^warning: containerProperties\.command\[1\] \(--command\): .*Ref::who/);
  });

  it('--dry-run registers nothing; no --yes without a terminal is refused', async () => {
    const t = createTestContext();
    expect(await t.run('jobdef', 'register', 'hello', '--image', 'busybox', '--dry-run')).toBe(0);
    expect(t.stdout()).toContain('register job definition hello  batch:RegisterJobDefinition');
    expect(await t.run('jobdef', 'register', 'hello', '--image', 'busybox')).toBe(2);
    expect(t.stderr()).toContain('refusing to register job definition hello without confirmation');
    expect((await (await t.sim()).batch.describeJobDefinitions({})).jobDefinitions).toEqual([]);
  });
});

describe('jobdef list, describe, deregister', () => {
  async function world(): Promise<TestContext> {
    const t = createTestContext();
    await register(t, 'hello');
    await t.run('jobdef', 'register', 'hello', '--image', 'busybox:1.36', '--command', 'echo two', '--yes');
    await t.run('jobdef', 'register', 'fetch', '--platform', 'FARGATE', '--vcpus', '0.5', '--memory', '1024', '--image', 'curlimages/curl', '--execution-role', 'arn:aws:iam::123456789012:role/exec', '--yes');
    return t;
  }

  it('lists the latest ACTIVE revision per name', async () => {
    const t = await world();
    expect(await t.run('jobdef', 'list')).toBe(0);
    expect(t.stdout()).toBe(
      [
        'NAME    REVISION   STATUS   PLATFORM   IMAGE             VCPUS   MEMORY',
        'fetch   1          ACTIVE   FARGATE    curlimages/curl   0.5     1024',
        'hello   2          ACTIVE   EC2        busybox:1.36      1       2048',
        '',
      ].join('\n'),
    );
  });

  it('lists every revision and status on request; json has the rows shown', async () => {
    const t = await world();
    await t.run('jobdef', 'deregister', 'hello:1', '--yes');
    await t.run('jobdef', 'list', '--name', 'hello', '--all-revisions', '--status', 'all', '-o', 'json');
    const data = JSON.parse(t.stdout());
    expect(data.jobDefinitions.map((d: { revision: number; status: string }) => `${d.revision}:${d.status}`)).toEqual(['1:INACTIVE', '2:ACTIVE']);
    const i = await world();
    await i.run('jobdef', 'deregister', 'hello:2', '--yes');
    await i.run('jobdef', 'list', '--status', 'INACTIVE', '-o', 'text');
    expect(i.stdout().split('\t').slice(0, 3)).toEqual(['hello', '2', 'INACTIVE']);
  });

  it('describes by name (latest active), name:rev and ARN', async () => {
    const t = await world();
    await t.run('jobdef', 'describe', 'hello', 'hello:1', `${JARN}/fetch:1`, '-o', 'json');
    const data = JSON.parse(t.stdout());
    expect(data.jobDefinitions.map((d: { jobDefinitionArn: string }) => d.jobDefinitionArn)).toEqual([`${JARN}/hello:2`, `${JARN}/hello:1`, `${JARN}/fetch:1`]);
    const h = await world();
    expect(await h.run('jobdef', 'describe', 'fetch')).toBe(0);
    expect(h.stdout()).toMatch(/^fetch:1\n/);
    expect(h.stdout()).toMatch(/Platform +FARGATE/);
    expect(h.stdout()).toMatch(/Execution role +arn:aws:iam::123456789012:role\/exec/);
  });

  it('not found: unknown name or revision (exit 3)', async () => {
    const t = await world();
    expect(await t.run('jobdef', 'describe', 'nope')).toBe(3);
    expect(t.stderr()).toContain('error: job definition "nope" not found [sim]');
    expect(await t.run('jobdef', 'describe', 'hello:9')).toBe(3);
    expect(t.stderr()).toContain('job definition "hello:9" not found [sim]');
  });

  it('deregisters a bare name as its latest active revision, saying which', async () => {
    const t = await world();
    expect(await t.run('jobdef', 'deregister', 'hello', '--dry-run')).toBe(0);
    expect(t.stderr()).toContain('note: "hello" names no revision: its latest ACTIVE revision is hello:2\n');
    expect(t.stdout()).toContain('deregister job definition hello:2  batch:DeregisterJobDefinition');
    expect(t.stdout()).toContain('"hello" resolves to its latest ACTIVE revision, 2');
    expect(await t.run('jobdef', 'deregister', 'hello', '--yes')).toBe(0);
    expect(t.stderr()).toContain('✓ Deregistered job definition hello:2 [sim]\n');
    const defs = (await (await t.sim()).batch.describeJobDefinitions({ jobDefinitionName: 'hello' })).jobDefinitions!;
    expect(defs.map((d) => `${d.revision}:${d.status}`).sort()).toEqual(['1:ACTIVE', '2:INACTIVE']);
  });

  it('a name with no ACTIVE revision left is not found, with a hint', async () => {
    const t = await world();
    await t.run('jobdef', 'deregister', 'fetch:1', '--yes');
    expect(await t.run('jobdef', 'deregister', 'fetch', '--yes')).toBe(3);
    expect(t.stderr()).toContain('error: job definition "fetch" has no ACTIVE revision [sim]');
    expect(await t.run('jobdef', 'deregister', 'fetch:1', '--yes')).toBe(0);
    expect(t.stderr()).toContain('· fetch:1 is already INACTIVE [sim]');
  });
});
