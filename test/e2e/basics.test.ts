/** The built CLI as a user meets it: help, version, mistakes, configuration. No TTY anywhere. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

describe('help and version', () => {
  it('--help lists every noun and the global options on stdout', async () => {
    const r = await box.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: batchctl \[options\] \[command\]/);
    for (const noun of ['demo', 'ce|compute-environment', 'queue|jq', 'jobdef|jd', 'policy', 'sim', 'config', 'completion']) expect(r.stdout).toContain(`  ${noun}`);
    for (const opt of ['--backend <kind>', '--dry-run', '-y, --yes', '-o, --output <format>']) expect(r.stdout).toContain(opt);
    expect(r.stdout).not.toContain('__complete');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 failed, 2 bad usage or input');
  });

  it('a noun’s help lists its verbs', async () => {
    const r = await box.run(['sim', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nCommands:\n {2}status +Show the simulator's clock/);
    for (const verb of ['advance <duration>', 'speed <n>', 'reset']) expect(r.stdout).toContain(`\n  ${verb} `);
    expect((await box.run(['help', 'sim'])).stdout).toBe(r.stdout);
  });

  it('--version prints package.json’s version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await box.run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect((await box.run(['-v'])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('mistakes: exit 2, one message on stderr, a suggestion', () => {
  it('an unknown noun', async () => {
    const r = await box.run(['qeue', 'list']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'qeue'\n(Did you mean queue?)\n" });
  });

  it('an unknown verb', async () => {
    const r = await box.run(['sim', 'stauts']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'stauts'\n(Did you mean status?)\n" });
  });

  it('an unknown option', async () => {
    const r = await box.run(['sim', 'status', '--dryrun']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--dryrun'\n(Did you mean --dry-run?)\n" });
  });

  it('-o with a bad value names the choices', async () => {
    const r = await box.run(['-o', 'xml', 'sim', 'status']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are table, wide, json, yaml, text.\n");
  });

  it('a bad value in the environment names the variable', async () => {
    const r = await box.run(['sim', 'status'], { env: { BATCHCTL_OUTPUT: 'xml' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: BATCHCTL_OUTPUT: output must be one of table, wide, json, yaml, text, not "xml"\n');
  });

  it('a missing argument', async () => {
    expect(await box.run(['config', 'set', 'output'])).toEqual({ code: 2, stdout: '', stderr: "error: missing required argument 'value'\n" });
  });
});

describe('config', () => {
  it('set, get, list and unset through the file named by BATCHCTL_CONFIG', async () => {
    const local = sandbox();
    try {
      expect(await local.run(['config', 'path'])).toEqual({ code: 0, stdout: `${local.config}\n`, stderr: '' });
      expect((await local.run(['config', 'set', 'region', 'eu-west-1'])).code).toBe(0);
      expect(JSON.parse(readFileSync(local.config, 'utf8'))).toEqual({ region: 'eu-west-1' });
      expect(await local.run(['config', 'get', 'region'])).toEqual({ code: 0, stdout: 'eu-west-1\n', stderr: '' });
      // The environment beats the file.
      expect((await local.run(['config', 'get', 'region'], { env: { AWS_REGION: 'ap-south-1' } })).stdout).toBe('ap-south-1\n');
      const list = await local.run(['config', 'list']);
      expect(list.stdout).toMatch(/^KEY +VALUE +SOURCE\n/);
      expect(list.stdout).toMatch(/\nregion +eu-west-1 +file\n/);
      expect(list.stdout).toMatch(/\ncolor +false +env \(NO_COLOR\)\n/);
      // The simulator uses the configured region.
      expect(JSON.parse((await local.run(['sim', 'status', '-o', 'json'])).stdout).region).toBe('eu-west-1');
      expect((await local.run(['config', 'unset', 'region'])).code).toBe(0);
      expect(await local.run(['config', 'get', 'region'])).toEqual({ code: 0, stdout: 'us-east-1\n', stderr: '' });
    } finally {
      local.cleanup();
    }
  });

  it('a broken config file stops every command with exit 2, naming the file', async () => {
    const local = sandbox();
    try {
      await local.run(['config', 'set', 'output', 'json']);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(local.config, '{"output": "json",}');
      const r = await local.run(['sim', 'status']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^error: the config file ${local.config} is not valid JSON: .*\\nhint: fix the file or delete it`));
    } finally {
      local.cleanup();
    }
  });
});
