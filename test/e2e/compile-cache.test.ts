/**
 * bin/batchctl.js runs a bundle of the CLI (its noun's, or dist/nouns/all.cjs) with a V8 code cache
 * per command (see its header): these check that the bundle is picked from argv, that the cache is
 * written where documented, per command, reused, not written after a usage error, survives
 * corruption and concurrency, can be turned off, and that --debug bypasses it for source-mapped
 * stack traces.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());
/** The sandbox's HOME is box.dir; with no XDG_CACHE_HOME the cache goes to ~/.cache/batchctl. */
const CACHE = join(box.dir, '.cache', 'batchctl');
const files = (dir = CACHE) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};
/** The build id on the first line of the bundle bin/batchctl.js runs for a noun (`none`: only options; `all`: every noun). */
const build = (noun: string) => readFileSync(join(__dirname, '..', '..', 'dist', 'nouns', `${noun}.cjs`), 'utf8').split('\n', 1)[0]!.split(' ').pop()!;
/** The cache of a command: its bundle's build, and the command's name (`config-list`, `none-help`). */
const cacheFile = (noun: string, command = noun) => `${build(noun)}-${process.version}-${process.arch}-${command}.v8`;

describe('the code cache', () => {
  it('is written per command at the first run and read at the next, with the same output', async () => {
    const first = await box.run(['config', 'list']);
    expect(first.code, first.stderr).toBe(0);
    const written = files();
    expect(written).toEqual([cacheFile('config', 'config-list')]);
    const before = statSync(join(CACHE, written[0]!));
    expect(before.size).toBeGreaterThan(10_000);
    expect(before.mode & 0o777).toBe(0o600);
    expect(statSync(CACHE).mode & 0o777).toBe(0o700);

    const second = await box.run(['config', 'list']);
    expect(second).toEqual(first);
    // Accepted, so not rewritten.
    expect(statSync(join(CACHE, written[0]!)).mtimeMs).toBe(before.mtimeMs);

    expect((await box.run(['--version'])).code).toBe(0);
    expect(files()).toContain(cacheFile('none'));
    // Another verb of the same noun, and help, each get their own: a cache holds what its run compiled.
    expect((await box.run(['config', 'path'])).code).toBe(0);
    expect((await box.run(['config', '--help'])).code).toBe(0);
    expect((await box.run(['--help'])).code).toBe(0);
    expect(files()).toEqual(
      [cacheFile('config', 'config-list'), cacheFile('config', 'config-path'), cacheFile('config', 'config-help'), cacheFile('none'), cacheFile('none', 'none-help')].sort(),
    );
  });

  it('is not written after a usage error (the command never ran), and is at the next good run', async () => {
    const bad = await box.run(['config', 'get']);
    expect(bad.code).toBe(2);
    expect(files()).not.toContain(cacheFile('config', 'config-get'));
    expect((await box.run(['config', 'get', 'output'])).code).toBe(0);
    expect(files()).toContain(cacheFile('config', 'config-get'));
  });

  it("an argument after a noun that is not one of its verbs (a job id) does not name a cache", async () => {
    const r = await box.run(['logs', 'no-such-job-1234']);
    expect(r.code, r.stderr).toBe(3);
    expect(files().filter((f) => f.includes('-logs'))).toEqual([cacheFile('logs')]);
  });

  it('a corrupt cache file is rejected by V8 and replaced; the command is unaffected', async () => {
    const name = cacheFile('sim', 'sim-status');
    expect((await box.run(['sim', 'status'])).code).toBe(0);
    writeFileSync(join(CACHE, name), 'not a code cache');
    const r = await box.run(['sim', 'status']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/clock/i);
    expect(statSync(join(CACHE, name)).size).toBeGreaterThan(10_000);
  });

  it('concurrent first runs leave whole files and no temporary ones', async () => {
    const dir = join(box.dir, 'concurrent-cache');
    const runs = await Promise.all(Array.from({ length: 6 }, () => box.run(['queue', 'list'], { env: { BATCHCTL_COMPILE_CACHE: dir } })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(files(dir)).toEqual([cacheFile('queue', 'queue-list')]);
    const again = await box.run(['queue', 'list'], { env: { BATCHCTL_COMPILE_CACHE: dir } });
    expect(again.stdout).toBe(runs[0]!.stdout);
  });

  it("writing a cache deletes other builds' caches older than a day, and keeps recent ones and other files", async () => {
    const dir = join(box.dir, 'prune-cache');
    mkdirSync(dir, { recursive: true });
    const old = ['0123456789abcdef-v20.1.0-x64-ce-list.v8', `fedcba9876543210-${process.version}-${process.arch}-job-submit.v8`, `fedcba9876543210-${process.version}-${process.arch}-job-submit.v8.4242.tmp`];
    const recent = `0000000000000000-${process.version}-${process.arch}-config-list.v8`;
    const other = 'notes.txt';
    for (const f of [...old, recent, other]) writeFileSync(join(dir, f), 'x');
    const twoDaysAgo = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
    for (const f of [...old, other]) utimesSync(join(dir, f), twoDaysAgo, twoDaysAgo);
    expect((await box.run(['config', 'list'], { env: { BATCHCTL_COMPILE_CACHE: dir } })).code).toBe(0);
    expect(files(dir)).toEqual([recent, cacheFile('config', 'config-list'), other].sort());
  });

  it('BATCHCTL_COMPILE_CACHE=0 turns it off', async () => {
    const other = sandbox({ BATCHCTL_COMPILE_CACHE: '0' });
    try {
      expect((await other.run(['config', 'list'])).code).toBe(0);
      expect(files(join(other.dir, '.cache'))).toEqual([]);
    } finally {
      other.cleanup();
    }
  });

  it('argv not starting with a noun runs the whole CLI (dist/nouns/all.cjs), with its own cache', async () => {
    const r = await box.run(['-o', 'json', 'config', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toBeTruthy();
    expect(files()).toContain(cacheFile('all'));
    // An alias picks its noun's bundle, and a verb's alias the verb's cache.
    expect((await box.run(['jq', 'ls'])).code).toBe(0);
    expect(files()).toContain(cacheFile('queue', 'queue-list'));
    expect(files().some((f) => f.endsWith('-queue-ls.v8'))).toBe(false);
  });

  it('every noun and alias in dist/nouns/index.json runs from its bundle (its help)', async () => {
    const { nouns } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'dist', 'nouns', 'index.json'), 'utf8')) as { nouns: Record<string, string> };
    expect(Object.keys(nouns).length).toBeGreaterThan(15);
    const runs = await Promise.all(Object.keys(nouns).map(async (word) => [word, await box.run([word, '--help'])] as const));
    for (const [word, r] of runs) {
      expect(r.code, `${word}: ${r.stderr}`).toBe(0);
      expect(r.stdout, word).toMatch(/^Usage: batchctl /);
    }
  });

  it('--debug loads the bundle with require(): stack traces name the TypeScript sources', async () => {
    const r = await box.run(['ce', 'describe', 'no-such-ce', '--debug']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/src\/commands\/ce\/describe\.ts:\d+:\d+/);
  });
});
