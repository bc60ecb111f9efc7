/**
 * The simulator end to end through the built CLI: the demo, a look at what it built, mutations
 * refused without --yes and rehearsed with --dry-run, a corrupt store, and resource-name completion
 * in a real bash.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

const json = (args: string[]) => box.json(args);

describe('demo, then a look around', () => {
  beforeAll(async () => {
    const r = await box.run(['demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  hello world\n');
    expect(r.stderr).toContain('✓ create compute environment demo-ce');
    expect(r.stderr).toContain('Next, try:');
  }, 60_000);

  it('ce list -o json shows the demo compute environment as AWS describes it', async () => {
    const { computeEnvironments } = await json(['ce', 'list']);
    expect(computeEnvironments).toHaveLength(1);
    expect(computeEnvironments[0]).toMatchObject({
      computeEnvironmentName: 'demo-ce',
      computeEnvironmentArn: 'arn:aws:batch:us-east-1:123456789012:compute-environment/demo-ce',
      type: 'MANAGED',
      state: 'ENABLED',
      status: 'VALID',
      computeResources: { type: 'FARGATE', maxvCpus: 128 },
      tags: { 'batchctl:stack': 'demo' },
    });
  });

  it('the queue and the job definition are there too', async () => {
    expect((await json(['queue', 'list'])).jobQueues.map((q: { jobQueueName: string; status: string }) => `${q.jobQueueName}:${q.status}`)).toEqual(['demo-queue:VALID']);
    expect((await json(['jobdef', 'list'])).jobDefinitions.map((d: { jobDefinitionName: string }) => d.jobDefinitionName)).toEqual(['demo-job-def']);
  });

  it('a second demo reuses the stack', async () => {
    const r = await box.run(['demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('· nothing to change: the stack demo exists and matches [sim]\n');
    expect((await json(['jobdef', 'list'])).jobDefinitions).toHaveLength(1);
  });

  it('a mutation without --yes, without a terminal, is refused with exit 2 naming --yes; nothing changes', async () => {
    const r = await box.run(['ce', 'disable', 'demo-ce']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: refusing to disable compute environment demo-ce without confirmation\nhint: pass --yes to apply it, or --dry-run to see the plan without changing anything\n',
    });
    expect((await json(['ce', 'list'])).computeEnvironments[0].state).toBe('ENABLED');
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const r = await box.run(['ce', 'disable', 'demo-ce', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. disable compute environment demo-ce  batch:UpdateComputeEnvironment');
    expect(r.stdout).toContain('dry run: nothing was changed');
    expect((await json(['ce', 'list'])).computeEnvironments[0].state).toBe('ENABLED');
    const reset = await box.run(['sim', 'reset', '--dry-run']);
    expect(reset.stdout).toMatch(/^Would delete the simulator's state in .*sim\.db \(1 compute environment, 1 job queue, 1 job definition/);
    expect((await json(['queue', 'list'])).jobQueues).toHaveLength(1);
  });

  it('sim advance moves the clock; sim status shows it', async () => {
    const before = (await json(['sim', 'status'])).now;
    const after = (await json(['sim', 'advance', '10m'])).now;
    expect(after - before).toBeGreaterThanOrEqual(600_000);
    expect(after - before).toBeLessThan(600_000 + 30_000);
    expect((await box.run(['sim', 'advance', '0'])).code).toBe(2);
  });

  it('bash completes resource names from the world (__complete)', () => {
    const bin = join(box.dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'batchctl'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const complete = (...words: string[]) =>
      execFileSync('bash', ['--norc', '-c', 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _batchctl; printf "%s\\n" "${COMPREPLY[@]}"', '_', join(ROOT, 'completions', 'batchctl.bash'), ...words], {
        encoding: 'utf8',
        env: { ...box.env, PATH: `${bin}:${box.env.PATH}` },
      }).split('\n').filter(Boolean);
    expect(complete('batchctl', 'ce', 'describe', 'demo-')).toEqual(['demo-ce']);
    expect(complete('batchctl', 'queue', 'describe', '')).toEqual(['demo-queue']);
    expect(complete('batchctl', 'jobdef', 'describe', 'd')).toEqual(['demo-job-def']);
    expect(complete('batchctl', 'ce', 'describe', 'zzz')).toEqual([]);
  });
});

describe('a corrupt simulator store', () => {
  it('is reported in one paragraph with exit 1, and left as it was', async () => {
    const local = sandbox();
    try {
      const store = join(local.home, 'sim.db');
      const garbage = 'this is not an SQLite database\n'.repeat(64);
      writeFileSync(store, garbage);
      const r = await local.run(['ce', 'list']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `error: the simulator's store ${store} is not a valid database (file is not a database)\n` +
          `hint: run \`batchctl sim reset\` to start a new simulated world, or move ${store} away\n`,
      );
      expect(readFileSync(store, 'utf8')).toBe(garbage);

      // The way out the hint names: refused without --yes, rehearsed with --dry-run, done with --yes.
      expect((await local.run(['sim', 'reset'])).code).toBe(2);
      const dry = await local.run(['sim', 'reset', '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`Would delete the simulator's store ${store}, which cannot be opened`);
      expect(readFileSync(store, 'utf8')).toBe(garbage);
      const reset = await local.run(['sim', 'reset', '--yes']);
      expect(reset.code, reset.stderr).toBe(0);
      expect((await local.run(['ce', 'list', '-o', 'json'])).stdout).toBe('{\n  "computeEnvironments": []\n}\n');
    } finally {
      local.cleanup();
    }
  });
});
