#!/usr/bin/env node
// Dashboard benchmark: the CPU cost of one refresh of `batchctl top`'s models, and the memory of
// the process, against the simulator with 10,000 jobs across 3 queues (in one process, as
// `batchctl top` runs: the simulator's work is part of every refresh).
//
//   npm run build && node bench/top.mjs [--jobs 10000] [--refreshes 20]
//
// Budgets (issue 6): each refresh <= 150 ms of CPU; the process < 250 MiB. Also checked: the calls
// per refresh against (queues x job states + queues + 1). Not a test: nothing asserts on time.
// Results go to bench/results/top-<time>.json (gitignored). See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { flag, ROOT, SIM } from './common.mjs';

const JOBS = flag('--jobs', 10_000);
const REFRESHES = flag('--refreshes', 20);
const QUEUES = ['q-high', 'q-mid', 'q-low'];
const START = Date.UTC(2026, 0, 15);
const VISIBLE = 40; // rows of a tall terminal

if (process.argv[2] === '--child') {
  // The measured part, in a fresh process: the models over the simulator's store.
  const [, , , storePath, modelsUrl, startMs] = process.argv;
  const { openSimBackend, ManualClock } = await import(SIM);
  const m = await import(modelsUrl);
  const clock = new ManualClock(Number(startMs));
  const sim = await openSimBackend({ path: storePath, clock });
  const backend = m.countCalls(sim);
  const env = { backend, timers: m.realTimers, intervalMs: 2000, worldNow: () => clock.now() };
  const queues = new m.QueuesModel(env);
  const jobs = new m.JobsModel(env, { queue: QUEUES[0] });
  const c = m.palette(false);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const measure = async (refresh) => {
    const calls0 = [...backend.totals.values()].reduce((a, b) => a + b, 0);
    const t0 = cpu();
    const w0 = performance.now();
    await refresh();
    const cpuMs = cpu() - t0;
    const wallMs = performance.now() - w0;
    const calls = [...backend.totals.values()].reduce((a, b) => a + b, 0) - calls0;
    return { cpuMs, wallMs, calls };
  };
  const out = { queues: [], jobs: [] };
  // Warm-up: first loads, JIT.
  await queues.refresh();
  await jobs.refresh();
  for (let i = 0; i < Number(process.argv[6]); i++) {
    clock.advance(2000); // what the polling interval does to the simulated clock
    out.queues.push(await measure(() => queues.refresh()));
    clock.advance(2000);
    out.jobs.push(
      await measure(async () => {
        await jobs.refresh();
        // What the jobs view computes per refresh: sort and filter every row, lay out the visible ones.
        const now = clock.now();
        const rows = m.sortJobs(jobs.snapshot().rows, 'created', now);
        const filter = m.compileFilter('!zzz');
        const shown = rows.filter((r) => filter(m.jobFilterText(r))).slice(0, VISIBLE);
        const layout = m.layoutColumns(m.jobColumns(now), shown, 160, c);
        for (const r of shown) m.renderLine(layout, r, c);
        jobs.setVisible(shown.map((r) => r.summary.jobId));
      }),
    );
  }
  // The header's clock (src/tui/run.tsx worldClock, every 5 s): what it reads now, against status().
  const timeIt = (fn) => {
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) fn();
    return (performance.now() - t0) / 5;
  };
  out.clockMs = timeIt(() => (sim.control.now(), sim.control.speed()));
  out.statusMs = timeIt(() => sim.control.status());
  const snapshot = queues.snapshot();
  const counts = Object.fromEntries(snapshot.rows.map((r) => [r.name, Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, `${v.n}${v.more ? '+' : ''}`]))]));
  const mem = process.memoryUsage();
  out.rssMiB = mem.rss / 1048576;
  out.heapUsedMiB = mem.heapUsed / 1048576;
  out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  out.counts = counts;
  out.jobsListed = jobs.snapshot().rows.length;
  out.describeCalls = backend.totals.get('batch.describeJobs') ?? 0;
  await sim.close();
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

if (!existsSync(join(ROOT, 'dist', 'backend', 'sim', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'batchctl-bench-top-'));
const path = join(dir, 'sim.db');
try {
  // The dashboard's models are not an entry point of dist/: bundle them for this run.
  const { build } = await import('esbuild');
  const entry = join(dir, 'models-entry.ts');
  writeFileSync(
    entry,
    [
      `export { QueuesModel } from ${JSON.stringify(join(ROOT, 'src/tui/models/queues-model.ts'))};`,
      `export { JobsModel } from ${JSON.stringify(join(ROOT, 'src/tui/models/jobs-model.ts'))};`,
      `export { countCalls } from ${JSON.stringify(join(ROOT, 'src/tui/models/api-meter.ts'))};`,
      `export { realTimers } from ${JSON.stringify(join(ROOT, 'src/tui/models/poller.ts'))};`,
      `export { sortJobs, jobColumns, jobFilterText } from ${JSON.stringify(join(ROOT, 'src/tui/cells.ts'))};`,
      `export { layoutColumns, renderLine, compileFilter } from ${JSON.stringify(join(ROOT, 'src/tui/format.ts'))};`,
      `export { palette } from ${JSON.stringify(join(ROOT, 'src/io/color.ts'))};`,
    ].join('\n'),
  );
  const modelsFile = join(dir, 'models.mjs');
  await build({ entryPoints: [entry], outfile: modelsFile, bundle: true, format: 'esm', platform: 'node', target: 'node20.19', packages: 'external', logLevel: 'warning', absWorkingDir: ROOT });

  // The world: 256 vCPUs of EC2, three queues, JOBS jobs of 1 vCPU running 1-10 minutes.
  const { openSimBackend, ManualClock } = await import(SIM);
  const clock = new ManualClock(START);
  const sim = await openSimBackend({ path, clock, seed: 1 });
  const b = sim.batch;
  const subnets = (await sim.ec2.describeSubnets({})).Subnets.map((s) => s.SubnetId);
  const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups[0].GroupId;
  await sim.iam.createRole({ RoleName: 'ecsInstanceRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
  await sim.iam.createInstanceProfile({ InstanceProfileName: 'ecsInstanceRole' });
  await b.createComputeEnvironment({
    computeEnvironmentName: 'bench-ce', type: 'MANAGED',
    computeResources: { type: 'EC2', minvCpus: 0, maxvCpus: 256, instanceTypes: ['m5'], instanceRole: 'ecsInstanceRole', subnets, securityGroupIds: [sg], allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
  });
  clock.advance(10_000);
  for (const [i, q] of QUEUES.entries()) await b.createJobQueue({ jobQueueName: q, priority: 30 - i * 10, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'bench-ce' }] });
  clock.advance(1_000);
  await b.registerJobDefinition({
    jobDefinitionName: 'bench', type: 'container',
    containerProperties: { image: 'busybox', command: ['sh', '-c', 'echo start; sleep $0; echo done', 'Ref::secs'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] },
  });
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    await b.submitJob({ jobName: `job-${i}`, jobQueue: QUEUES[i % 3], jobDefinition: 'bench', parameters: { secs: String(60 + (i % 10) * 60) } });
    if (i % 500 === 499) clock.advance(5_000);
  }
  const submitS = (performance.now() - t0) / 1000;
  // Half an hour in: some thousands done, 256 running, the rest RUNNABLE.
  clock.advance(30 * 60_000);
  await b.describeJobQueues({});
  const start = clock.now();
  await sim.close();

  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawnSync(process.execPath, [...prof, fileURLToPath(import.meta.url), '--child', path, pathToFileURL(modelsFile).href, String(start), String(REFRESHES)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout);
  const stats = (xs, key) => {
    const s = xs.map((x) => x[key]).sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)], max: s[s.length - 1] };
  };
  const budgetCalls = QUEUES.length * 7 + QUEUES.length + 1;
  const fmt = (s) => `median ${s.median.toFixed(1)}  p90 ${s.p90.toFixed(1)}  max ${s.max.toFixed(1)} ms`;
  const q = stats(r.queues, 'cpuMs');
  const j = stats(r.jobs, 'cpuMs');
  const qCalls = Math.max(...r.queues.map((x) => x.calls));
  const jCalls = Math.max(...r.jobs.map((x) => x.calls));
  const lines = [
    `jobs                      ${JOBS.toLocaleString('en-US')} across ${QUEUES.length} queues (setup: ${submitS.toFixed(1)} s of SubmitJob)`,
    `counts (q-high)           ${JSON.stringify(r.counts['q-high'])}`,
    `queues view refresh CPU   ${fmt(q)}   (budget <= 150 ms: ${q.max <= 150 ? 'ok' : 'OVER'})`,
    `queues view wall          ${fmt(stats(r.queues, 'wallMs'))}`,
    `queues view calls         ${qCalls} per refresh   (budget ${budgetCalls} = queues x states + queues + 1: ${qCalls <= budgetCalls ? 'ok' : 'OVER'})`,
    `jobs view refresh CPU     ${fmt(j)}   (budget <= 150 ms: ${j.max <= 150 ? 'ok' : 'OVER'}; ${r.jobsListed} jobs listed, ${VISIBLE} on screen)`,
    `jobs view calls           ${jCalls} per refresh max (7 ListJobs + DescribeJobs of the visible rows)`,
    `header clock              ${r.clockMs.toFixed(2)} ms per read (control.now + speed; status() would take ${r.statusMs.toFixed(2)} ms)`,
    `process RSS               ${r.rssMiB.toFixed(0)} MiB now, ${r.maxRssMiB.toFixed(0)} MiB peak   (budget < 250 MiB: ${r.maxRssMiB < 250 ? 'ok' : 'OVER'})`,
    `V8 heap used              ${r.heapUsedMiB.toFixed(0)} MiB`,
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const out = join(ROOT, 'bench', 'results', `top-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ jobs: JOBS, queues: QUEUES, refreshes: REFRESHES, submitS, node: process.version, ...r }, null, 2));
  console.log(`\nwritten to ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
