/**
 * Jobs end to end through the built CLI in a sandbox: the demo world, then submit --yes, list,
 * describe and wait as separate processes sharing one simulator store (run 100x faster than the
 * wall clock so that `job wait`, which sleeps on the wall clock, finishes in seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const box = sandbox({ BATCHCTL_SIM_SPEED: undefined });
afterAll(() => box.cleanup());

describe('job submit -> list -> describe -> wait', () => {
  beforeAll(async () => {
    const r = await box.run(['demo']);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  let id = '';

  it('submit without --yes is refused off a terminal; with --yes prints the id', async () => {
    const refused = await box.run(['job', 'submit', '--queue', 'demo-queue', '--definition', 'demo-job-def']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to submit job demo-job-def to demo-queue without confirmation');
    const r = await box.run(['--sim-speed', '100', 'job', 'submit', '--queue', 'demo-queue', '--definition', 'demo-job-def', '--name', 'e2e', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    id = r.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.stderr).toBe(`✓ Submitted job e2e (${id}) to demo-queue [sim]\n`);
  }, 30_000);

  it('list shows it; describe -o json gives DescribeJobs output', async () => {
    const l = await box.run(['job', 'list', '--queue', 'demo-queue', '-o', 'json']);
    expect(l.code, l.stderr).toBe(0);
    expect(JSON.parse(l.stdout).jobSummaryList.map((j: { jobId: string }) => j.jobId)).toContain(id);
    const d = await box.run(['job', 'describe', id, '-o', 'json']);
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout).jobs[0]).toMatchObject({ jobId: id, jobName: 'e2e' });
  }, 30_000);

  it('wait ends 0 once it SUCCEEDED; an unknown id is exit 3', async () => {
    const w = await box.run(['job', 'wait', id, '--timeout', '60s'], { timeoutMs: 70_000 });
    expect(w.code, w.stderr).toBe(0);
    // Seen SUCCEEDED at the first poll (·) or after a change (✓), depending on timing.
    expect(w.stderr).toMatch(new RegExp(`[·✓] e2e \\(${id}\\): SUCCEEDED\\n$`));
    const u = await box.run(['job', 'wait', 'no-such-job']);
    expect(u.code).toBe(3);
    expect(u.stderr).toContain('job no-such-job not found [sim]');
  }, 80_000);
});
