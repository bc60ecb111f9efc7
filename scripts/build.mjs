#!/usr/bin/env node
// Builds dist/: type-checks with tsc (no output), then bundles with esbuild.
//
// The CLI is CommonJS bundles that bin/batchctl.js compiles with a V8 code cache (node:vm
// cachedData) kept in the user's cache directory: dist/main.cjs with every command, and one per
// noun in dist/nouns/ (plus none.cjs for --version and --help), so that a start reads and
// deserialises only what its command can use. Node 20 has no compile cache of its own: without
// one, every start re-parses and re-compiles what it runs, and ES modules add a resolve and a link
// per file. Modules behind a dynamic import() (each noun, the simulator, the dashboard, the
// wizard) are still evaluated only when a command needs them: esbuild wraps them in lazy
// initialisers. Packages stay external (node_modules) and are imported through src/packages.ts.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const skipTypes = process.argv.includes('--no-typecheck');

if (!skipTypes) {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

/**
 * Ink is ES-module-only with top-level await: a CommonJS bundle cannot require() it. In the bundle,
 * `import … from 'ink'` reads the copy that src/packages.ts `enterInk` has imported through
 * bin/batchctl.js's package host before the module that needs it is initialised.
 */
const inkFromHost = {
  name: 'ink-from-host',
  setup(b) {
    b.onResolve({ filter: /^ink$/ }, () => ({ path: 'ink', namespace: 'ink-from-host' }));
    b.onLoad({ filter: /.*/, namespace: 'ink-from-host' }, () => ({
      contents: `module.exports = globalThis[Symbol.for('batchctl.packageHost')].loaded('ink');`,
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands (which batchctl
 * does not use); child_process pulls in net, dgram and more, about a tenth of Node's start-up. In
 * the bundle, commander gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`lazy-child-process: ${args.path} no longer has: ${eager}`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  // Packages stay in node_modules, except commander: every command needs it, and inlined it costs no
  // module loading at start-up.
  external: ['@aws-sdk/*', '@smithy/*', 'better-sqlite3', 'ink-*', 'react', 'react/*', 'react-dom', 'yaml', 'jmespath'],
  jsx: 'automatic',
  sourcemap: true,
  // Smaller output parses and deserialises faster. Names are not kept (keeping them costs a call
  // per function and class at every start): error classes spell theirs out (src/errors.ts), and the
  // source maps give readable stacks with --debug.
  minify: true,
  define: { __BATCHCTL_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// The commands of program.ts's NOUNS table: name, aliases and the module each loads.
const programSource = readFileSync(`${root}src/program.ts`, 'utf8');
const NOUN_ENTRY = /\{ name: '([^']+)',(?: aliases: \[([^\]]*)\],)?.*?load: \(\) => import\('([^']+)'\) \}/g;
const nouns = [...programSource.matchAll(NOUN_ENTRY)].map((m) => ({ name: m[1], aliases: m[2] ? [...m[2].matchAll(/'([^']+)'/g)].map((a) => a[1]) : [], spec: m[3] }));
if (nouns.length < 10) throw new Error(`build: found only ${nouns.length} nouns in src/program.ts; has the NOUNS table changed shape?`);
// These build the whole command tree (completion scripts, dynamic completion), so they need every noun.
const NEEDS_ALL = new Set(['completion', '__complete']);

/**
 * A bundle with only some nouns: program.ts's loaders of the others throw. bin/batchctl.js runs one
 * when argv starts with a noun (and `none.cjs` when argv has only options: --version, --help), so a
 * start reads and deserialises a fraction of the code.
 */
function onlyNouns(keep) {
  return {
    name: 'only-nouns',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]program\.ts$/ }, () => {
        let n = 0;
        const contents = programSource.replace(NOUN_ENTRY, (entry, name) => {
          n++;
          return keep.has(name) ? entry : entry.replace(/load: \(\) => import\('[^']+'\)/, `load: () => Promise.reject(new Error('internal error: the ${name} command is not in this bundle of batchctl'))`);
        });
        if (n !== nouns.length) throw new Error('only-nouns: program.ts changed while building');
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** For the bundle with no noun (--version, --help): no command runs, so no backend is ever opened. */
const noBackends = {
  name: 'no-backends',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]context\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const loads = /await import\('\.\/backend\/(aws|sim)\/index\.js'\)/g;
      if ([...source.matchAll(loads)].length !== 2) throw new Error('no-backends: context.ts no longer imports the two backends as expected');
      return { contents: source.replace(loads, "await Promise.reject(new Error('internal error: no backend in this bundle of batchctl'))"), loader: 'ts' };
    });
  },
};

/**
 * Builds one CommonJS bundle of the CLI. Its first line names the build (a hash of the contents),
 * which keys the code cache (bin/batchctl.js): a rebuilt bundle never meets a cache compiled from
 * another one.
 */
async function buildCli(outfile, plugins, sourcemap) {
  const result = await build({
    ...common,
    entryPoints: ['src/main.ts'],
    outfile,
    format: 'cjs',
    write: false,
    metafile: Boolean(process.env.BATCHCTL_BUILD_META),
    sourcemap,
    plugins: [inkFromHost, lazyChildProcess, ...plugins],
    // better-sqlite3's JavaScript is inlined too (its ~15 files would otherwise be compiled at every
    // start that opens the simulator); its native addon is loaded by path (src/backend/sim/store/database.ts),
    // so its `bindings` lookup, kept external, only runs if the addon is not where npm builds it.
    external: [...common.external.filter((p) => p !== 'better-sqlite3'), 'bindings'],
    // program.ts reads package.json only when run from the sources; the bundle has the version defined.
    define: { ...common.define, 'import.meta.url': 'undefined' },
  });
  if (result.metafile) {
    mkdirSync(dirname(`${root}${outfile}`), { recursive: true });
    writeFileSync(`${root}${outfile}.meta.json`, JSON.stringify(result.metafile));
  }
  const code = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
  // Code compiled by node:vm cannot call import() on Node 20 (src/packages.ts): any left is a bug.
  // (The one in importPackage's fallback never runs in the bundle: the package host is always there.)
  const imports = [...code.text.matchAll(/(?<![\w$.])import\(/g)].map((m) => code.text.slice(m.index - 60, m.index + 60));
  if (imports.length !== 1) {
    throw new Error(`build: ${outfile} has ${imports.length} import() expressions, expected only importPackage's:\n  ${imports.join('\n  ')}\nimport packages through src/packages.ts (importPackage, enterInk)`);
  }
  mkdirSync(dirname(code.path), { recursive: true });
  const buildId = createHash('sha256').update(code.text).digest('hex').slice(0, 16);
  const header = `// batchctl ${pkg.version} build ${buildId}\n`;
  if (sourcemap) {
    // dist/main.cjs: a CommonJS module, for --debug (bin/batchctl.js require()s it, and Node maps
    // its stack traces). One more line at the top: the source map's generated lines start one later.
    writeFileSync(code.path, header + code.text);
    const map = result.outputFiles.find((f) => f.path.endsWith('.cjs.map'));
    const mapJson = JSON.parse(map.text);
    mapJson.mappings = `;${mapJson.mappings}`;
    writeFileSync(map.path, JSON.stringify(mapJson));
  }
  // What bin/batchctl.js compiles: the bundle already inside the function Node wraps a CommonJS
  // module in, so that the source V8 checks its code cache against is the file as read, not a copy
  // made by concatenating it. The script's value is that function.
  const wrapped = code.text.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, '\n');
  writeFileSync(sourcemap ? `${root}dist/nouns/all.cjs` : code.path, `${header}${CJS_WRAPPER}${wrapped}\n})\n`);
}

const CJS_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

// Every noun (with a source map, for --debug), then one bundle per noun and one with none.
const own = nouns.filter((n) => !NEEDS_ALL.has(n.name));
await Promise.all([
  buildCli('dist/main.cjs', [], true),
  buildCli('dist/nouns/none.cjs', [onlyNouns(new Set()), noBackends], false),
  ...own.map((n) => buildCli(`dist/nouns/${n.name}.cjs`, [onlyNouns(new Set([n.name]))], false)),
]);
// What bin/batchctl.js needs to pick a bundle from argv's first word, and its code cache from the
// second: each noun's verbs (and their aliases), from the built command tree.
const aliases = Object.fromEntries(own.flatMap((n) => [[n.name, n.name], ...n.aliases.map((a) => [a, n.name])]));
const tree = spawnSync(process.execPath, [`${root}dist/main.cjs`, 'completion', '--verbs'], {
  encoding: 'utf8',
  env: { PATH: process.env.PATH, HOME: root, BATCHCTL_CONFIG: `${root}dist/no-config.json`, NO_COLOR: '1' },
});
if (tree.status !== 0) throw new Error(`build: \`completion --verbs\` failed: ${tree.stderr}`);
const verbs = Object.fromEntries(Object.entries(JSON.parse(tree.stdout)).filter(([noun]) => own.some((n) => n.name === noun)));
writeFileSync(`${root}dist/nouns/index.json`, JSON.stringify({ nouns: aliases, verbs }) + '\n');

// The backends as stand-alone ES modules, for benchmarks and tools that open a simulator store or
// the AWS backend without the CLI.
await build({
  ...common,
  entryPoints: ['src/backend/sim/index.ts', 'src/backend/aws/index.ts'],
  outbase: 'src',
  outdir: 'dist',
  format: 'esm',
  external: [...common.external, 'ink'],
  // Some packages inlined here (none today) could be CommonJS needing require().
  banner: { js: "import { createRequire as __batchctlCreateRequire } from 'node:module'; const require = __batchctlCreateRequire(import.meta.url);" },
});
