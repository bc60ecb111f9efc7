/** `logs --follow` on a job the simulator's engine runs: lines appear as the job writes them. */
import { describe, expect, it } from 'vitest';
import { followJobLogs } from '../../../../src/commands/logs/follow.js';
import { createTestContext, type TestContext } from '../../../helpers/test-context.js';
import { fargateCe, queue } from '../world.js';

async function submit(t: TestContext, script: string, retry?: number): Promise<string> {
  const b = await t.sim();
  await b.iam.createRole({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}' }).catch(() => undefined);
  const role = (await b.iam.getRole({ RoleName: 'ecsTaskExecutionRole' })).Role!.Arn!;
  await fargateCe(t, 'ce');
  await queue(t, 'q', 'ce');
  await b.batch.registerJobDefinition({
    jobDefinitionName: 'talker', type: 'container', platformCapabilities: ['FARGATE'],
    containerProperties: { image: 'busybox', command: ['sh', '-c', script], executionRoleArn: role, resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }], networkConfiguration: { assignPublicIp: 'ENABLED' } },
    ...(retry ? { retryStrategy: { attempts: retry } } : {}),
  });
  return (await b.batch.submitJob({ jobName: 'talk', jobQueue: 'q', jobDefinition: 'talker' })).jobId!;
}

describe('logs --follow against the simulator', () => {
  it('prints each line while the job runs and ends with the job (exit 0)', async () => {
    const t = createTestContext();
    const id = await submit(t, 'echo one; sleep 30; echo two; sleep 30; echo three');
    const seen: Array<{ at: number; text: string }> = [];
    const out = t.ctx.io.out;
    t.ctx.io.out = (s: string) => {
      seen.push({ at: t.clock.now(), text: s });
      out(s);
    };
    const r = await followJobLogs(t.ctx, [id], { sleep: async (ms) => t.advance(ms), now: () => t.clock.now(), pollMs: 2000, jobPollMs: 5000 });
    expect(r.outcome).toBe('SUCCEEDED');
    expect(seen.map((s) => s.text)).toEqual(['one\n', 'two\n', 'three\n']);
    // Streamed: about 30 simulated seconds between lines, not all at the end.
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(25_000);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(25_000);
    expect(t.stderr()).toMatch(/RUNNABLE|STARTING/);
    expect(t.stderr()).toMatch(/SUCCEEDED job/);
  });

  it('exits 1 through the CLI when the job fails, after its last line', async () => {
    const t = createTestContext();
    const id = await submit(t, 'echo before; exit 3');
    // The CLI sleeps for real: let the job end first (in steps: see the report about one long jump).
    const b = await t.sim();
    for (let i = 0; i < 60 && (await b.batch.describeJobs({ jobs: [id] })).jobs![0]!.status !== 'FAILED'; i++) t.advance(10_000);
    const code = await t.run('logs', '--follow', id);
    expect(code).toBe(1);
    expect(t.stdout()).toBe('before\n');
    expect(t.stderr()).toMatch(/FAILED job .*\(exit code 3\)/);
  });
});
