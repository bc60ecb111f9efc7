#!/usr/bin/env node
// Start-up benchmark: the median wall time of a few batchctl commands as a ratio to `node -e 0`,
// measured in the same run, interleaved, so that machine speed and load cancel out.
// Target (DESIGN.md principle 4): every ratio <= 1.5.
//
//   npm run build && node bench/startup.mjs [--runs 15] [--warmup 2] [--trace]
//
// --trace also lists, for each batchctl command, the packages and our own module groups it loads
// (through test/e2e/fixtures/trace-modules.mjs): where to look when a ratio is over budget.
// Results go to bench/results/startup-<time>.json (gitignored). See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, median, ROOT, SIM } from './common.mjs';

const BIN = join(ROOT, 'bin', 'batchctl.js');
const TRACER = join(ROOT, 'test', 'e2e', 'fixtures', 'trace-modules.mjs');
const TARGET = 1.5;
const CES = 50;

const args = process.argv.slice(2);
const RUNS = flag('--runs', 15);
const WARMUP = flag('--warmup', 2);
const TRACE = args.includes('--trace');

if (!existsSync(join(ROOT, 'dist', 'main.cjs'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const sandbox = mkdtempSync(join(tmpdir(), 'batchctl-bench-'));
const home = join(sandbox, 'state');
const env = { PATH: process.env.PATH, HOME: sandbox, BATCHCTL_HOME: home, BATCHCTL_CONFIG: join(sandbox, 'config.json'), NO_COLOR: '1' };

/** A store with CES Fargate compute environments, built through the simulator's port. */
async function seed() {
  const { openSimBackend } = await import(SIM);
  const sim = await openSimBackend({ home, region: 'us-east-1' });
  try {
    const subnets = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets.map((s) => s.SubnetId);
    const groups = (await sim.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] })).SecurityGroups.map((g) => g.GroupId);
    for (let i = 1; i <= CES; i++) {
      await sim.batch.createComputeEnvironment({
        computeEnvironmentName: `bench-ce-${String(i).padStart(2, '0')}`,
        type: 'MANAGED',
        computeResources: { type: 'FARGATE', maxvCpus: 16, subnets, securityGroupIds: groups.slice(0, 1) },
      });
    }
    sim.control.advance(60_000);
  } finally {
    await sim.close();
  }
}

const CASES = [
  { name: 'node -e 0', argv: ['-e', '0'], baseline: true },
  { name: 'batchctl --version', argv: [BIN, '--version'] },
  { name: 'batchctl --help', argv: [BIN, '--help'] },
  { name: `batchctl ce list (${CES} CEs, sim)`, argv: [BIN, 'ce', 'list'] },
];

function once(c, extraEnv = {}, nodeArgs = []) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, ...c.argv], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}


/** Which packages (and which of our dist/ folders) a command loads, with module counts. */
function trace(c) {
  const file = join(sandbox, `trace-${Math.random().toString(36).slice(2)}.txt`);
  once(c, { BATCHCTL_TRACE_MODULES: file }, ['--import', TRACER]);
  const groups = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const path = line.replace(/^(esm|cjs):(file:\/\/)?/, '');
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path) ?? /\/dist\/([^/]+(?:\/[^/.]+)?)/.exec(path);
    const key = m ? (path.includes('node_modules') ? m[1] : `dist/${m[1]}`) : path.startsWith('node:') ? 'node: builtins' : 'other';
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}

try {
  await seed();
  const listed = once(CASES[3]).stdout.trim().split('\n').length - 1;
  if (listed !== CES) throw new Error(`ce list showed ${listed} compute environments, expected ${CES}`);

  const samples = new Map(CASES.map((c) => [c.name, []]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    // Interleave, rotating the order each round, so drift and caches hit every case alike.
    for (let k = 0; k < CASES.length; k++) {
      const c = CASES[(round + k) % CASES.length];
      const { ms } = once(c);
      if (round >= WARMUP) samples.get(c.name).push(ms);
    }
  }
  const base = median(samples.get(CASES[0].name));
  const rows = CASES.map((c) => {
    const m = median(samples.get(c.name));
    return { name: c.name, medianMs: Math.round(m * 10) / 10, ratio: Math.round((m / base) * 100) / 100, withinTarget: c.baseline ? null : m / base <= TARGET };
  });

  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'command'.padEnd(w)}  median ms  ratio  target <= ${TARGET}x`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${String(r.medianMs).padStart(9)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.withinTarget === null ? 'baseline' : r.withinTarget ? 'ok' : 'OVER'}`);
  console.log(`(${RUNS} runs each after ${WARMUP} warm-up rounds, interleaved; node ${process.version}, ${cpus().length} CPUs)`);

  const traces = {};
  if (TRACE) {
    for (const c of CASES.slice(1)) {
      traces[c.name] = Object.fromEntries(trace(c));
      console.log(`\n${c.name} loads:`);
      for (const [k, n] of trace(c).slice(0, 15)) console.log(`  ${String(n).padStart(4)}  ${k}`);
    }
  }

  const results = join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const out = join(results, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, runs: RUNS, warmup: WARMUP, target: TARGET, results: rows, samples: Object.fromEntries(samples), traces }, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
