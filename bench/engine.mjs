#!/usr/bin/env node
// Job engine benchmark: 100,000 jobs (10 array jobs of 10,000 children over two queues sharing
// 256 vCPUs of EC2 capacity), then `sim run --until-idle` in a fresh process, as the CLI runs it.
// Prints the wall time and peak resident memory of the run (targets: <= 20 s, <= 1 GiB), the
// simulated makespan, and the setup cost (submits). Not a test: nothing asserts on time.
//
//   npm run build && node bench/engine.mjs [--arrays 10] [--size 10000] [--vcpus 256] [--keep DIR]
//
// --keep DIR leaves the store (with its 100,000 finished jobs) in DIR, to profile the CLI against it.
//
// Results go to bench/results/engine-<time>.json (gitignored). See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, median, ROOT, SIM } from './common.mjs';

const args = process.argv.slice(2);
const ARRAYS = flag('--arrays', 10);
const SIZE = flag('--size', 10_000);
const VCPUS = flag('--vcpus', 256);
const CLI_RUNS = flag('--cli-runs', 21);
const BIN = join(ROOT, 'bin', 'batchctl.js');
const KEEP = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;

if (process.argv[2] === '--child') {
  // The measured part: open the store and run until idle, like `batchctl sim run --until-idle`.
  const { openSimBackend } = await import(SIM);
  const t0 = performance.now();
  const sim = await openSimBackend({ path: process.argv[3] });
  const summary = sim.control.runUntilIdle();
  const wallMs = performance.now() - t0;
  await sim.close();
  process.stdout.write(JSON.stringify({ wallMs, maxRssKiB: process.resourceUsage().maxRSS, memory: process.memoryUsage(), summary }));
  process.exit(0);
}

if (!existsSync(join(ROOT, 'dist', 'backend', 'sim', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'batchctl-bench-engine-'));
if (KEEP) mkdirSync(KEEP, { recursive: true });
const path = join(dir, 'sim.db');
try {
  const { openSimBackend, ManualClock } = await import(SIM);
  const clock = new ManualClock(Date.UTC(2026, 0, 15));
  const sim = await openSimBackend({ path, clock, seed: 1 });
  const b = sim.batch;
  const subnets = (await sim.ec2.describeSubnets({})).Subnets.map((s) => s.SubnetId);
  const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups[0].GroupId;
  await sim.iam.createRole({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
  await sim.iam.createInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' });
  await b.createComputeEnvironment({
    computeEnvironmentName: 'bench-ce', type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: VCPUS, instanceTypes: ['m5'], instanceRole: 'ecsInstanceRole', subnets, securityGroupIds: [sg], allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
  });
  clock.advance(10_000);
  await b.createJobQueue({ jobQueueName: 'high', priority: 10, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'bench-ce' }] });
  await b.createJobQueue({ jobQueueName: 'low', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'bench-ce' }] });
  clock.advance(1_000);
  await b.registerJobDefinition({
    jobDefinitionName: 'bench', type: 'container',
    containerProperties: { image: 'busybox', command: ['sh', '-c', 'echo start; sleep 60; echo done'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] },
  });
  const submitMs = [];
  for (let a = 0; a < ARRAYS; a++) {
    const t = performance.now();
    await b.submitJob({ jobName: `bench-${a}`, jobQueue: a % 2 ? 'low' : 'high', jobDefinition: 'bench', arrayProperties: { size: SIZE } });
    submitMs.push(performance.now() - t);
  }
  await sim.close();

  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawnSync(process.execPath, [...prof, fileURLToPath(import.meta.url), '--child', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout);
  if (process.env.BENCH_DEBUG) console.error(r.memory);
  const s = r.summary;
  const jobs = ARRAYS * SIZE;
  const rssMiB = r.maxRssKiB / 1024;
  const hours = s.makespanMs / 3_600_000;
  const lines = [
    `jobs                        ${jobs.toLocaleString('en-US')} (${ARRAYS} arrays x ${SIZE}, 2 queues, ${VCPUS} vCPUs)`,
    `submit (one array job)      median ${median(submitMs).toFixed(0)} ms`,
    `run --until-idle wall       ${(r.wallMs / 1000).toFixed(2)} s   (target <= 20 s: ${r.wallMs <= 20_000 ? 'ok' : 'OVER'})`,
    `run --until-idle peak RSS   ${rssMiB.toFixed(0)} MiB   (target <= 1024 MiB: ${rssMiB <= 1024 ? 'ok' : 'OVER'})`,
    `jobs per wall second        ${Math.round(jobs / (r.wallMs / 1000)).toLocaleString('en-US')}`,
    `simulated makespan          ${hours.toFixed(2)} h (${(s.makespanMs / r.wallMs).toFixed(0)}x faster than real time)`,
    `outcome                     ${s.outcome}: ${s.jobs.succeeded} succeeded, ${s.jobs.failed} failed, ${s.jobs.unfinished} unfinished`,
    `vCPU-hours                  ${s.computeEnvironments.map((c) => `${c.name}: jobs ${c.jobVcpuHours.toFixed(1)}, instances ${c.instanceVcpuHours.toFixed(1)}`).join('; ')}`,
    `wait p50 / p90 / max        ${(s.wait.p50Ms / 60_000).toFixed(1)} / ${(s.wait.p90Ms / 60_000).toFixed(1)} / ${(s.wait.maxMs / 60_000).toFixed(1)} min`,
  ];
  // The CLI against the store the run left (100,000 jobs): spawned commands interleaved with
  // `node -e 0` (rotating order, so machine load hits all alike); ratios of medians.
  const home = dir;
  const env = { PATH: process.env.PATH, HOME: dir, BATCHCTL_HOME: home, BATCHCTL_CONFIG: join(dir, 'config.json'), NO_COLOR: '1' };
  const cmds = [
    { name: 'node -e 0', argv: ['-e', '0'] },
    { name: 'job list --queue high --limit 100', argv: [BIN, 'job', 'list', '--queue', 'high', '--limit', '100'] },
    { name: 'job submit', argv: [BIN, 'job', 'submit', '--queue', 'low', '--definition', 'bench', '--name', 'one', '--quiet', '--yes'] },
  ];
  const samples = new Map(cmds.map((c) => [c.name, []]));
  for (let round = -2; round < CLI_RUNS; round++) {
    for (let k = 0; k < cmds.length; k++) {
      const c = cmds[(k + Math.max(0, round)) % cmds.length];
      const t = performance.now();
      const res = spawnSync(process.execPath, c.argv, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      const ms = performance.now() - t;
      if (res.status !== 0) {
        console.error(`${c.name} failed: ${res.stderr}`);
        process.exit(1);
      }
      if (round >= 0) samples.get(c.name).push(ms);
    }
  }
  const base = median(samples.get('node -e 0'));
  const cli = {};
  const limits = { 'job list --queue high --limit 100': 2, 'job submit': 1.5 };
  lines.push(`node -e 0                   median ${base.toFixed(0)} ms (${CLI_RUNS} runs each, interleaved)`);
  for (const [name, limit] of Object.entries(limits)) {
    const m = median(samples.get(name));
    cli[name] = { medianMs: m, ratio: m / base, limit };
    lines.push(`${name.padEnd(27)} median ${m.toFixed(0)} ms = ${(m / base).toFixed(2)}x node -e 0   (target <= ${limit}x: ${m / base <= limit ? 'ok' : 'OVER'})`);
  }
  lines.push(`load average                ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const out = join(ROOT, 'bench', 'results', `engine-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ jobs, arrays: ARRAYS, size: SIZE, vcpus: VCPUS, submitMs, wallMs: r.wallMs, maxRssKiB: r.maxRssKiB, cli, cliSamples: Object.fromEntries(samples), loadavg: loadavg(), summary: s }, null, 2));
  console.log(`\nwritten to ${out}`);
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}

