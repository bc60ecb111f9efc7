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
 * In the sources, program.ts imports each noun lazily (so tests and `tsc` see the real design, and
 * an unbundled build stays fast). Bundled, one chunk per noun combination would bring back the
 * many-small-files cost; the nouns themselves are light (the simulator, the SDK clients, Ink and
 * yaml stay behind their own dynamic imports), so the bundle links them statically into main.js.
 */
const staticNouns = {
  name: 'static-nouns',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]program\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const imports = [];
      source = source.replace(/\(\) => import\(('\.\/commands\/[^']+')\)/g, (_m, spec) => {
        const name = `__noun${imports.length}`;
        imports.push(`import * as ${name} from ${spec};`);
        return `() => Promise.resolve(${name})`;
      });
      if (imports.length === 0) throw new Error('static-nouns: no lazy noun imports found in program.ts');
      return { contents: imports.join('\n') + '\n' + source, loader: 'ts' };
    });
  },
};

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // main.ts is the CLI; the backends are entry points too so that benchmarks and tools can open a
  // simulator store or the AWS backend without going through the CLI.
  entryPoints: ['src/main.ts', 'src/backend/sim/index.ts', 'src/backend/aws/index.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: true,
  define: { __BATCHCTL_VERSION__: JSON.stringify(pkg.version) },
  plugins: [staticNouns],
  logLevel: 'warning',
});
