/**
 * `jobdef validate` and `jobdef skeleton` never call a backend: run them through the real CLI with a
 * context whose backend factory fails if anything asks for it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../../src/cli.js';
import { createContext } from '../../../src/context.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';
import { validateJobDefinitionFile } from '../../../src/domain/validation/job-definition.js';
import { SKELETONS, SKELETON_PLATFORMS } from '../../../src/commands/jobdef/skeletons.js';

function local(opts: { tty?: boolean } = {}) {
  const streams = testStreams({ tty: opts.tty, color: false });
  const ctx = createContext({
    io: streams.io,
    env: { HOME: '/nonexistent-home', BATCHCTL_CONFIG: '/nonexistent/config.json' },
    prompter: scriptedPrompter([]),
    backendFactory: async () => {
      throw new Error('this command must not open a backend');
    },
  });
  return { run: (...argv: string[]) => run(argv, ctx), stdout: streams.stdout, stderr: streams.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'batchctl-jobdef-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('jobdef skeleton', () => {
  it.each(SKELETON_PLATFORMS)('%s template has no validation errors or warnings', (platform) => {
    const doc = YAML.parse(SKELETONS[platform]);
    expect(validateJobDefinitionFile(doc, { unknownMembers: 'error' })).toEqual([]);
  });
  it('prints the commented YAML by default and JSON with -o json', async () => {
    const t = local();
    expect(await t.run('jobdef', 'skeleton', '--platform', 'fargate')).toBe(0);
    expect(t.stdout()).toBe(SKELETONS.fargate);
    expect(t.stdout()).toContain('# Fargate needs an execution role');
    const j = local();
    expect(await j.run('-o', 'json', 'jobdef', 'skeleton', '--platform', 'eks')).toBe(0);
    expect(JSON.parse(j.stdout())).toEqual(YAML.parse(SKELETONS.eks));
  });
  it('what skeleton prints, validate accepts (exit 0)', async () => {
    for (const platform of SKELETON_PLATFORMS) {
      const t = local();
      await t.run('jobdef', 'skeleton', '--platform', platform);
      const p = file(`skel-${platform}.yaml`, t.stdout());
      const v = local();
      expect(await v.run('jobdef', 'validate', p)).toBe(0);
      expect(v.stdout()).toBe(`✓ ${p} is a valid job definition (0 errors, 0 warnings)\n`);
    }
  });
});

describe('jobdef validate', () => {
  const bad = {
    jobDefinitionName: 'bad name',
    type: 'container',
    platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: 'busybox',
      command: ['echo', 'Ref::missing'],
      resourceRequirements: [
        { type: 'VCPU', value: '0.25' },
        { type: 'MEMORY', value: '4096' },
      ],
      environment: [{ name: 'AWS_BATCH_X', value: '1' }],
      colour: 'blue',
    },
  };

  it('lists errors and warnings with line:column and exits 2', async () => {
    const p = file('bad.json', JSON.stringify(bad, null, 2));
    const t = local();
    expect(await t.run('jobdef', 'validate', p)).toBe(2);
    const out = t.stdout();
    expect(out).toContain(`${p}:2:24: error: jobDefinitionName: must be 1-128 characters`);
    expect(out).toMatch(/error: containerProperties\.colour: /);
    expect(out).toMatch(/error: containerProperties\.environment\[0\]\.name: .*AWS_BATCH/);
    expect(out).toMatch(/error: containerProperties\.executionRoleArn: /);
    expect(out).toMatch(/warning: containerProperties\.command\[1\]: .*Ref::missing/);
    expect(out).toMatch(new RegExp(`✗ ${p}: \\d+ errors, 1 warning\\n$`));
  });

  it('prints a machine-readable verdict with -o json', async () => {
    const p = file('bad2.yaml', YAML.stringify(bad));
    const t = local();
    expect(await t.run('-o', 'json', 'jobdef', 'validate', p)).toBe(2);
    const verdict = JSON.parse(t.stdout());
    expect(verdict.file).toBe(p);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.find((e: { field: string }) => e.field === 'jobDefinitionName')).toEqual({ field: 'jobDefinitionName', message: expect.any(String), severity: 'error', line: 1, column: 20 });
    expect(verdict.warnings.map((w: { field: string }) => w.field)).toEqual(['containerProperties.command[1]']);
  });

  it('exits 0 with only warnings', async () => {
    const warnOnly = { jobDefinitionName: 'ok', type: 'container', containerProperties: { image: 'busybox', command: ['echo', 'Ref::x'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] } };
    const t = local();
    expect(await t.run('jobdef', 'validate', file('warn.json', JSON.stringify(warnOnly)))).toBe(0);
    expect(t.stdout()).toMatch(/warning: containerProperties\.command\[1\]/);
  });

  it('names the line and column of a syntax error (exit 2)', async () => {
    const t = local();
    const p = file('broken.json', '{\n  "jobDefinitionName": "x",\n  "type": container\n}');
    expect(await t.run('jobdef', 'validate', p)).toBe(2);
    expect(t.stderr()).toContain(`${p}:3:11: invalid JSON`);
  });
});
