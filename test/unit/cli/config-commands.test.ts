import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { createContext } from '../../../src/context.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';

/** Runs batchctl argv over a config file in a fresh directory; no backend is ever opened. */
function cli(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'batchctl-cfg-'));
  const path = join(dir, 'nested', 'config.json');
  const fullEnv = { HOME: dir, BATCHCTL_CONFIG: path, ...env };
  const invoke = async (...argv: string[]) => {
    const s = testStreams();
    const ctx = createContext({
      io: s.io,
      env: fullEnv,
      prompter: scriptedPrompter([]),
      backendFactory: async () => {
        throw new Error('config commands must not open a backend');
      },
    });
    const code = await run(argv, ctx);
    return { code, out: s.stdout(), err: s.stderr() };
  };
  return { dir, path, invoke };
}

describe('batchctl config', () => {
  it('path prints where the file is, existing or not', async () => {
    const c = cli();
    expect(await c.invoke('config', 'path')).toEqual({ code: 0, out: `${c.path}\n`, err: '' });
  });

  it('set writes the file (creating its directory), get reads the effective value back', async () => {
    const c = cli();
    const set = await c.invoke('config', 'set', 'output', 'json');
    expect(set.code).toBe(0);
    expect(set.out).toBe(`✓ output = json (${c.path})\n`);
    expect(JSON.parse(readFileSync(c.path, 'utf8'))).toEqual({ output: 'json' });
    // output=json now applies to config get itself; -o table overrides it, so the value is table.
    expect(JSON.parse((await c.invoke('config', 'get', 'output')).out)).toEqual({ key: 'output', value: 'json', source: 'file', origin: c.path });
    expect((await c.invoke('config', 'get', 'output', '-o', 'table')).out).toBe('table\n');
  });

  it('get shows environment and flags over the file, and nothing for an unset setting', async () => {
    const c = cli({ AWS_REGION: 'eu-west-1' });
    await c.invoke('config', 'set', 'region', 'us-west-2');
    expect((await c.invoke('config', 'get', 'region')).out).toBe('eu-west-1\n');
    expect((await c.invoke('config', 'get', 'region', '--region', 'ap-south-1')).out).toBe('ap-south-1\n');
    expect(await c.invoke('config', 'get', 'profile')).toEqual({ code: 0, out: '\n', err: '' });
  });

  it('set rejects a bad value with exit 2 and leaves the file alone', async () => {
    const c = cli();
    await c.invoke('config', 'set', 'backend', 'aws');
    const before = readFileSync(c.path, 'utf8');
    const r = await c.invoke('config', 'set', 'sim-speed', 'fast');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: config set sim-speed: sim-speed must be a number greater than 0 and at most 100000, not "fast"\n');
    expect(readFileSync(c.path, 'utf8')).toBe(before);
  });

  it('an unknown key is a usage error listing the known ones', async () => {
    const c = cli();
    const r = await c.invoke('config', 'set', 'colour', 'false');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown setting; known settings: backend, region, profile, endpoint-url, output, home, sim-speed, color/);
    expect(existsSync(c.path)).toBe(false);
  });

  it('set home stores an absolute path', async () => {
    const c = cli();
    await c.invoke('config', 'set', 'home', 'relative/dir');
    expect(JSON.parse(readFileSync(c.path, 'utf8')).home).toBe(resolve('relative/dir'));
  });

  it('unset removes a setting and says so; unsetting again is not an error', async () => {
    const c = cli();
    await c.invoke('config', 'set', 'profile', 'dev');
    await c.invoke('config', 'set', 'region', 'eu-west-1');
    expect((await c.invoke('config', 'unset', 'profile')).out).toBe(`✓ removed profile (${c.path})\n`);
    expect(JSON.parse(readFileSync(c.path, 'utf8'))).toEqual({ region: 'eu-west-1' });
    expect(await c.invoke('config', 'unset', 'profile')).toEqual({ code: 0, out: `profile was not set in ${c.path}\n`, err: '' });
  });

  it('list shows every setting, its value and its source', async () => {
    const c = cli({ BATCHCTL_BACKEND: 'sim', NO_COLOR: '1' });
    await c.invoke('config', 'set', 'region', 'eu-west-1');
    const r = await c.invoke('config', 'list', '--output', 'text');
    // -o text: every column (the description too), tab-separated; here only the first three.
    expect(r.out.split('\n').map((l) => l.split('\t').slice(0, 3).join('\t'))).toEqual([
      'backend\tsim\tenv (BATCHCTL_BACKEND)',
      'region\teu-west-1\tfile',
      'profile\t-\tdefault',
      'endpoint-url\t-\tdefault',
      'output\ttext\tflag (--output)',
      `home\t${join(c.dir, '.local', 'state', 'batchctl')}\tdefault`,
      'sim-speed\t-\tdefault',
      'color\tfalse\tenv (NO_COLOR)',
      '',
    ]);
    const json = JSON.parse((await c.invoke('config', 'ls', '-o', 'json')).out);
    expect(json[1]).toEqual({ key: 'region', value: 'eu-west-1', source: 'file', origin: c.path });
    expect(json[2]).toEqual({ key: 'profile', value: null, source: 'default', origin: null });
  });

  it('a malformed config file is a usage error naming the file', async () => {
    const c = cli();
    await c.invoke('config', 'set', 'region', 'eu-west-1');
    writeFileSync(c.path, '{ "region": ');
    const r = await c.invoke('config', 'list');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: the config file ${c.path} is not valid JSON`);
    expect(r.out).toBe('');
  });
});
