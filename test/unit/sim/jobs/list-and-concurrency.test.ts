/** ListJobs exactly (spec/07 §5), and twenty processes submitting to one store at once. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definition, ec2World, jobSim, START, until } from './helpers.js';

describe('ListJobs', () => {
  it('one scope, RUNNING by default, filters ignore status (except SHARE_IDENTIFIER), newest first, pages with tokens', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'sleep 3600');
    await definition(s, 'sleep 3600', {}, 'other');
    const ids: string[] = [];
    for (const name of ['alpha', 'Alpha2', 'beta']) {
      ids.push(await s.submit({ jobName: name }));
      s.clock.advance(1_000);
    }
    const o = await s.submit({ jobName: 'omega', jobDefinition: 'other' });
    const b = s.sim.batch;
    expect((await b.listJobs({ jobQueue: 'q' })).jobSummaryList).toEqual([]);
    expect((await b.listJobs({ jobQueue: 'q', jobStatus: 'SUBMITTED' })).jobSummaryList!.map((j) => j.jobId)).toEqual([o]);
    const names = async (filter: { name: string; values: string[] }, jobStatus?: 'RUNNING') =>
      (await b.listJobs({ jobQueue: 'q', filters: [filter], jobStatus })).jobSummaryList!.map((j) => j.jobName);
    expect(await names({ name: 'JOB_NAME', values: ['ALPHA*'] })).toEqual(['Alpha2', 'alpha']);
    expect(await names({ name: 'JOB_NAME', values: ['alpha'] })).toEqual(['alpha']);
    expect(await names({ name: 'JOB_DEFINITION', values: ['other'] })).toEqual(['omega']);
    expect(await names({ name: 'JOB_DEFINITION', values: ['arn:aws:batch:us-east-1:123456789012:job-definition/jd:1'] })).toEqual(['beta', 'Alpha2', 'alpha']);
    expect(await names({ name: 'AFTER_CREATED_AT', values: [String(START + 11_500)] })).toEqual(['omega', 'beta', 'Alpha2']);
    expect(await names({ name: 'BEFORE_CREATED_AT', values: [String(START + 11_500)] })).toEqual(['alpha']);
    await expect(b.listJobs({ jobQueue: 'q', arrayJobId: 'x' })).rejects.toThrow(/only one of/);
    await expect(b.listJobs({ jobQueue: 'q', filters: [{ name: 'NOPE', values: ['x'] }] })).rejects.toThrow(/filters\[0\]\.name/);
    const p1 = await b.listJobs({ jobQueue: 'q', filters: [{ name: 'JOB_NAME', values: ['*'] }], maxResults: 3 });
    expect(p1.jobSummaryList).toHaveLength(3);
    const p2 = await b.listJobs({ jobQueue: 'q', filters: [{ name: 'JOB_NAME', values: ['*'] }], maxResults: 3, nextToken: p1.nextToken });
    expect(p2.jobSummaryList!.map((j) => j.jobName)).toEqual(['alpha']);
    expect(p2.nextToken).toBeUndefined();
    await expect(b.listJobs({ jobQueue: 'q', nextToken: p1.nextToken })).rejects.toThrow(/nextToken/);
    await until(s, async () => (await b.listJobs({ jobQueue: 'q' })).jobSummaryList!.length === 4, 5_000);
    expect((await b.listJobs({ jobQueue: 'q' })).jobSummaryList!.map((j) => j.jobName)).toEqual(['omega', 'beta', 'Alpha2', 'alpha']);
  });
});

describe('ListJobs summaries', () => {
  it('have a container for a container job (its exit code once it ran), none for an ECS multi-container job or an array parent; children have theirs', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'exit 3', {}, 'plain');
    const c = (name: string) => ({ name, image: 'busybox', command: ['sh', '-c', 'exit 0'], resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '1024' }] });
    await s.sim.batch.registerJobDefinition({ jobDefinitionName: 'multi', type: 'container', ecsProperties: { taskProperties: [{ containers: [c('app'), { ...c('side'), essential: false }] }] } });
    const plain = await s.submit({ jobName: 'plain', jobDefinition: 'plain' });
    const multi = await s.submit({ jobName: 'multi', jobDefinition: 'multi' });
    const array = await s.submit({ jobName: 'array', jobDefinition: 'plain', arrayProperties: { size: 2 } });
    await until(s, async () => (await s.sim.batch.listJobs({ jobQueue: 'q', jobStatus: 'SUBMITTED' })).jobSummaryList!.length === 0 && (await s.job(array)).status === 'FAILED', 600_000);
    const summaries = async (status: 'FAILED' | 'SUCCEEDED') => (await s.sim.batch.listJobs({ jobQueue: 'q', jobStatus: status })).jobSummaryList!;
    const failed = await summaries('FAILED');
    expect(failed.find((j) => j.jobId === plain)!.container).toEqual({ exitCode: 3, reason: undefined });
    expect(failed.find((j) => j.jobId === array)!.container).toBeUndefined();
    expect((await summaries('SUCCEEDED')).find((j) => j.jobId === multi)!.container).toBeUndefined();
    const children = (await s.sim.batch.listJobs({ arrayJobId: array, jobStatus: 'FAILED' })).jobSummaryList!;
    expect(children.map((j) => [j.arrayProperties?.index, j.container?.exitCode])).toEqual([
      [1, 3],
      [0, 3],
    ]);
  });
});

describe('concurrency', () => {
  it('twenty processes submitting at once to one store all succeed with twenty distinct jobs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batchctl-sim-conc-'));
    try {
      const path = join(dir, 'sim.db');
      const s = await jobSim({ path });
      await ec2World(s);
      await definition(s, 'true');
      await s.sim.close();
      // The built simulator (npm test builds first), as a \`job submit\` process would load it.
      const script = join(dir, 'submit.mjs');
      writeFileSync(script, `
import { openSimBackend } from ${JSON.stringify(join(process.cwd(), 'dist/backend/sim/index.js'))};
const sim = await openSimBackend({ path: ${JSON.stringify(path)} });
const r = await sim.batch.submitJob({ jobName: 'c' + process.argv[2], jobQueue: 'q', jobDefinition: 'jd' });
process.stdout.write(r.jobId);
await sim.close();
`);
      const run = (i: number) =>
        new Promise<string>((resolve, reject) => {
          const p = spawn(process.execPath, [script, String(i)], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          p.stdout.on('data', (d) => (out += d));
          p.stderr.on('data', (d) => (err += d));
          p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child ${i} exited ${code}: ${err}`))));
        });
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => run(i)));
      expect(new Set(ids).size).toBe(20);
      const again = await jobSim({ path });
      const listed = await again.sim.batch.listJobs({ jobQueue: 'q', filters: [{ name: 'JOB_NAME', values: ['c*'] }] });
      expect(listed.jobSummaryList).toHaveLength(20);
      await again.sim.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
