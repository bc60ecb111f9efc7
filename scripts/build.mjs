#!/usr/bin/env node
// Builds dist/: type-checks with tsc (no output), then bundles with esbuild into a few ES modules.
//
// Why bundle: on Node 20 (no module compile cache) every ES module costs a file read, a resolve
// and a link. `batchctl ce list` loaded ~130 of our modules; bundled, the same command loads a
// handful of chunks, which is what keeps start-up near `node -e 0` (bench/startup.mjs).
// Dynamic imports stay dynamic (code splitting), so the simulator, the AWS SDK clients, Ink and
// each command's verbs still load only when used. Packages stay external (node_modules).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const skipTypes = process.argv.includes('--no-typecheck');

if (!skipTypes) {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

/**
 * In the sources, program.ts imports each noun lazily. Bundled with splitting, one chunk per
 * combination of nouns sharing code would bring back the many-small-files cost, so the bundle
 * gathers every noun into one chunk, still loaded only once argv names a noun (`--version` and
 * `--help` never load it). The simulator, the SDK clients, Ink and yaml stay behind their own
 * dynamic imports.
 */
const NOUNS_MODULE = 'batchctl:nouns';
const gatheredNouns = {
  name: 'gathered-nouns',
  setup(b) {
    const specs = [];
    b.onLoad({ filter: /[\\/]src[\\/]program\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      source = source.replace(/\(\) => import\('(\.\/commands\/[^']+)'\)/g, (_m, spec) => {
        specs.push(spec);
        return `() => import('${NOUNS_MODULE}').then((m) => m.noun${specs.length - 1})`;
      });
      if (specs.length === 0) throw new Error('gathered-nouns: no lazy noun imports found in program.ts');
      return { contents: source, loader: 'ts' };
    });
    b.onResolve({ filter: new RegExp(`^${NOUNS_MODULE}$`) }, () => ({ path: NOUNS_MODULE, namespace: 'nouns' }));
    b.onLoad({ filter: /.*/, namespace: 'nouns' }, () => ({
      contents: specs.map((spec, i) => `export * as noun${i} from ${JSON.stringify(spec)};`).join('\n'),
      resolveDir: `${root}src`,
      loader: 'ts',
    }));
  },
};

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Packages stay in node_modules, except commander: it is needed by every command, and inlined it
  // saves loading its seven CommonJS files at each start.
  external: ['@aws-sdk/*', '@smithy/*', 'better-sqlite3', 'ink', 'ink-*', 'react', 'react/*', 'yaml', 'jmespath'],
  jsx: 'automatic',
  sourcemap: true,
  // Smaller chunks parse and compile faster at every start; names stay (error classes report theirs),
  // and the source maps give readable stacks with --debug.
  minify: true,
  keepNames: true,
  define: { __BATCHCTL_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  // commander is CommonJS and requires Node built-ins; give the ES module chunks a require().
  banner: { js: "import { createRequire as __batchctlCreateRequire } from 'node:module'; const require = __batchctlCreateRequire(import.meta.url);" },
};
// The CLI: main.js plus chunks behind dynamic imports.
await build({ ...common, entryPoints: ['src/main.ts'], splitting: true, chunkNames: 'chunks/[name]-[hash]', plugins: [gatheredNouns] });
// The backends as stand-alone modules, for benchmarks and tools that open a simulator store or the
// AWS backend without the CLI. Built apart so that they add no shared chunks to the CLI's start-up.
await build({ ...common, entryPoints: ['src/backend/sim/index.ts', 'src/backend/aws/index.ts'], splitting: false });
