/**
 * DESIGN.md principle 4, checked on the built CLI: a command loads only what it needs.
 *
 * How: node runs with `--import fixtures/trace-modules.mjs`, a preload that records every ES module
 * through a resolve hook (module.register) and every CommonJS module from require.cache at exit,
 * into the file named by BATCHCTL_TRACE_MODULES. Ink, React and the SDK clients are entered through
 * an ESM import from our code, so the resolve hook sees them even where their insides are CommonJS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const TRACER = fileURLToPath(new URL('./fixtures/trace-modules.mjs', import.meta.url));
const box = sandbox();
afterAll(() => box.cleanup());

/** The modules a run loaded: `esm:<url>` and `cjs:<path>` lines. */
async function loaded(args: string[], exitCode = 0): Promise<string[]> {
  const trace = join(box.dir, `trace-${args.join('-').replace(/[^a-z0-9-]/gi, '')}.txt`);
  const r = await box.run(args, { nodeArgs: ['--import', TRACER], env: { BATCHCTL_TRACE_MODULES: trace, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' } });
  expect(r.code, r.stderr).toBe(exitCode);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

const matching = (mods: string[], re: RegExp) => [...new Set(mods.filter((m) => re.test(m)))];
const INK_REACT = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;
const SDK_CLIENT = /\/node_modules\/@aws-sdk\/client-/;

describe('lazy loading', () => {
  beforeAll(async () => {
    expect((await box.run(['demo'])).code).toBe(0);
  }, 60_000);

  it('the tracer sees what it should (the binary, the SQLite driver)', async () => {
    const mods = await loaded(['ce', 'list', '--backend', 'sim']);
    // bin/batchctl.js compiles its bundle (dist/nouns/) itself (node:vm with a code cache), so
    // the bundle is no module of Node's; what the bundle loads from node_modules is.
    expect(matching(mods, /^cjs:.*\/bin\/batchctl\.js$/)).toHaveLength(1);
    expect(matching(mods, /better-sqlite3/).length).toBeGreaterThan(0);
  });

  it('the tracer sees an SDK client when one loads (ce list --backend aws, endpoint refusing)', async () => {
    const mods = await loaded(['ce', 'list', '--backend', 'aws', '--endpoint-url', 'http://127.0.0.1:9'], 1);
    expect(matching(mods, /\/node_modules\/@aws-sdk\/client-batch\//).length).toBeGreaterThan(0);
    expect(matching(mods, /\/node_modules\/@aws-sdk\/client-(ec2|iam|eks|cloudwatch-logs)\//)).toEqual([]);
    expect(matching(mods, /better-sqlite3/)).toEqual([]);
  });

  it('ce list --backend sim loads neither Ink/React nor any @aws-sdk/client-*', async () => {
    const mods = await loaded(['ce', 'list', '--backend', 'sim']);
    expect(matching(mods, INK_REACT)).toEqual([]);
    expect(matching(mods, SDK_CLIENT)).toEqual([]);
  });

  it('--version and --help load no SQLite, no SDK, no Ink', async () => {
    for (const args of [['--version'], ['--help']]) {
      const mods = await loaded(args);
      expect(matching(mods, /better-sqlite3|jmespath|\/yaml\//), args.join(' ')).toEqual([]);
      expect(matching(mods, INK_REACT), args.join(' ')).toEqual([]);
      expect(matching(mods, SDK_CLIENT), args.join(' ')).toEqual([]);
    }
  });

  it('config path opens no backend (no SQLite driver, no SDK)', async () => {
    const mods = await loaded(['config', 'path']);
    expect(matching(mods, /better-sqlite3/)).toEqual([]);
    expect(matching(mods, SDK_CLIENT)).toEqual([]);
  });

});
