#!/usr/bin/env node
// The installed binary. It runs a bundle of the CLI from dist/nouns/ (built by `npm install` through
// `prepare`) with a V8 code cache, because Node 20 has no compile cache of its own: without one,
// every start re-parses and re-compiles the code it runs (bench/startup.mjs measures the difference).
//
// - The cache lives in $BATCHCTL_COMPILE_CACHE, else $XDG_CACHE_HOME/batchctl, else
//   ~/.cache/batchctl (a directory of the user's own: a code cache is code). BATCHCTL_COMPILE_CACHE=0
//   turns it off.
// - One file per build of the bundle (its first line names the build), per Node version and per
//   command, written at exit when missing or rejected by V8: it holds what that command compiled.
//   Writes go through a temporary file and a rename, so concurrent runs never read half a file.
//   Writing one deletes the caches of other builds older than a day.
// - With --debug the bundle is loaded with require(), so that stack traces map to the TypeScript
//   sources through dist/main.cjs.map.
// - Code compiled by node:vm cannot call import() on Node 20, so this file lends the bundle its own
//   (src/packages.ts).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'main.cjs');
const argv = process.argv.slice(2);

const imported = new Map();
globalThis[Symbol.for('batchctl.packageHost')] = {
  import: (specifier) =>
    import(specifier).then((m) => {
      imported.set(specifier, m);
      return m;
    }),
  loaded: (specifier) => {
    if (!imported.has(specifier)) throw new Error(`internal error: ${specifier} used before it was imported (src/packages.ts)`);
    return imported.get(specifier);
  },
  // A file of a dependency: in this package's own node_modules, where an install or a clone puts
  // it, without require.resolve's walk through package.json files; elsewhere (batchctl installed
  // as a dependency, its own hoisted), where require() would find it.
  resolve: (specifier) => {
    const own = path.join(__dirname, '..', 'node_modules', specifier);
    return fs.existsSync(own) ? own : require.resolve(specifier);
  },
};

if (argv.includes('--debug')) {
  process.setSourceMapsEnabled(true);
  require(BUNDLE);
} else {
  runCached(pickBundle(argv));
}

/**
 * The bundle to run, and the name of its code cache. The bundle is argv's noun's when argv starts
 * with one (`ce list …`), the one with no noun when argv has only options (`--version`, `--help`),
 * else dist/nouns/all.cjs, which has them all. Each holds the whole CLI core, so any of them runs
 * any command it has; the others' nouns throw.
 *
 * The cache is per command (`ce-list`, `job-submit`, `none-help`): V8 caches the functions a run
 * compiled, so a cache written by one verb would leave every other verb of its noun compiling what
 * the first did not run.
 */
function pickBundle(args) {
  const dir = path.join(__dirname, '..', 'dist', 'nouns');
  const help = args.some((a) => a === '--help' || a === '-h') || args[0] === 'help' || args[1] === 'help';
  let noun;
  let verb;
  if (args.every((a) => a.startsWith('-') && a !== '-' && a !== '--')) noun = 'none';
  else {
    try {
      const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
      if (Object.hasOwn(index.nouns, args[0])) noun = index.nouns[args[0]];
      // A verb or one of its aliases names the verb's cache.
      if (noun && Object.hasOwn(index.verbs[noun] ?? {}, args[1])) verb = index.verbs[noun][args[1]];
    } catch {
      // no per-noun bundles: the whole CLI
    }
  }
  const bundle = typeof noun === 'string' && /^[a-z][a-z0-9-]*$/.test(noun) ? noun : 'all';
  const key = [bundle, verb, help && 'help'].filter((w) => typeof w === 'string' && /^[a-z][a-z0-9-]*$/.test(w)).join('-');
  return { file: path.join(dir, `${bundle}.cjs`), key };
}

function runCached(bundle) {
  let sourceFd;
  try {
    sourceFd = fs.openSync(bundle.file, 'r');
  } catch {
    process.stderr.write(`error: ${bundle.file} is missing: run \`npm install\` (or \`npm run build\`) in ${path.dirname(__dirname)}\n`);
    process.exit(1);
  }
  // The first line names the build: `// batchctl <version> build <id>`.
  const head = Buffer.allocUnsafe(128);
  const build = /^\/\/ batchctl \S+ build (\w+)/.exec(head.latin1Slice(0, fs.readSync(sourceFd, head, 0, head.length, 0)))?.[1];
  const dir = cacheDir();
  // The cache files of this build and Node: `<build>-<node version>-<arch>-<command>.v8`.
  const prefix = `${build}-${process.version}-${process.arch}-`;
  const file = build && dir ? path.join(dir, `${prefix}${bundle.key}.v8`) : undefined;
  let cacheFd;
  if (file) {
    try {
      cacheFd = fs.openSync(file, 'r');
    } catch {
      // No cache yet: this run writes it.
    }
  }
  // Both files pass through one buffer the size of the larger: the source is copied into a string
  // before the cache is read over it. Fresh memory costs a page fault per 4 KiB, which is most of
  // what reading these files costs; this way their pages are touched once, not twice.
  const sizes = [fs.fstatSync(sourceFd).size, cacheFd === undefined ? 0 : fs.fstatSync(cacheFd).size];
  const buffer = Buffer.allocUnsafeSlow(Math.max(...sizes));
  const source = buffer.latin1Slice(0, readAll(sourceFd, buffer, sizes[0]));
  const cachedData = cacheFd === undefined ? undefined : buffer.subarray(0, readAll(cacheFd, buffer, sizes[1]));
  // The bundle is a function expression, the wrapper Node gives a CommonJS module (scripts/build.mjs).
  const script = new vm.Script(source, { filename: bundle.file, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // Not after a usage error (exit 2): that run stopped before its command, and compiled little of it.
    process.once('exit', (code) => code !== 2 && writeCache(script, dir, file, prefix));
  }
  const mod = { exports: {}, id: bundle.file, filename: bundle.file };
  script.runInThisContext()(mod.exports, createRequire(bundle.file), mod, bundle.file, path.dirname(bundle.file));
}

/** Reads a whole file into the start of `buffer`, closes it, and returns the number of bytes read. */
function readAll(fd, buffer, size) {
  let n = 0;
  try {
    for (let r; n < size && (r = fs.readSync(fd, buffer, n, size - n, n)) > 0; ) n += r;
  } finally {
    fs.closeSync(fd);
  }
  return n;
}

function cacheDir() {
  const env = process.env.BATCHCTL_COMPILE_CACHE;
  if (env === '0' || env === 'off' || env === 'false') return undefined;
  if (env) return path.resolve(env);
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? path.join(process.env.HOME, '.cache') : undefined);
  return base ? path.join(base, 'batchctl') : undefined;
}

function writeCache(script, dir, file, prefix) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A cache is an optimisation: a read-only or full disk only costs the next start its compile.
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
  pruneCaches(dir, prefix);
}

const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the caches of other builds (or Node versions) written more than a day ago, and temporary
 * files left by a run that died while writing: every rebuild or upgrade names its caches anew, and
 * nothing reads the old ones again. Recent ones stay, for two installs of batchctl used side by
 * side. Runs only when a cache was written, which is rare.
 */
function pruneCaches(dir, prefix) {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8')) continue;
      if (!/^\w+-v[\d.]+-\w+-[a-z0-9-]+\.v8(\.\d+\.tmp)?$/.test(name)) continue; // not ours
      const f = path.join(dir, name);
      if (now - fs.statSync(f).mtimeMs > STALE_MS) fs.unlinkSync(f);
    }
  } catch {
    // another run pruned first, or the directory went away: nothing to do
  }
}
