/** The memory model in the job engine (docs/simulator.md "Memory"): `stress --vm` over the container's memory is an OOM kill. */
import { describe, expect, it } from 'vitest';
import { definition, ec2World, fargateWorld, jobSim, type JobSim, until } from './helpers.js';

const done = (s: JobSim, id: string) => async () => ['SUCCEEDED', 'FAILED'].includes((await s.job(id)).status!);

describe('memory', () => {
  it('EC2: allocating more than the MEMORY requirement ends the attempt with 137 and OutOfMemoryError; more memory lets it pass', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, 'echo loading; sleep 20; stress --vm 1 --vm-bytes 3G --timeout 60s; echo done', {}, 'jd', { memory: '2048' });
    const id = await s.submit();
    await until(s, done(s, id));
    const j = await s.job(id);
    expect(j.status).toBe('FAILED');
    expect(j.statusReason).toBe('Essential container in task exited');
    expect(j.container).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
    expect(j.attempts![0]!.stoppedAt! - j.attempts![0]!.startedAt!).toBe(20_000);
    const ev = await s.sim.logs.getLogEvents({ logGroupName: '/aws/batch/job', logStreamName: j.container!.logStreamName!, startFromHead: true });
    expect(ev.events!.map((e) => e.message)).toEqual(['loading', 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);

    const bigger = await s.submit({ containerOverrides: { resourceRequirements: [{ type: 'MEMORY', value: '4096' }] } });
    await until(s, done(s, bigger));
    expect((await s.job(bigger)).status).toBe('SUCCEEDED');
  });

  it('evaluateOnExit onReason OutOfMemoryError*: EXIT stops at once, RETRY retries (and fails the same way)', async () => {
    const s = await jobSim();
    await ec2World(s);
    await definition(s, ['stress', '--vm', '2', '--vm-bytes', '1200M', '--timeout', '30'], {}, 'jd', { memory: '2048' });
    const exit = await s.submit({ retryStrategy: { attempts: 3, evaluateOnExit: [{ onReason: 'OutOfMemoryError*', action: 'EXIT' }, { onReason: '*', action: 'RETRY' }] } });
    const retry = await s.submit({ retryStrategy: { attempts: 2, evaluateOnExit: [{ onReason: 'OutOfMemoryError*', action: 'RETRY' }, { onReason: '*', action: 'EXIT' }] } });
    await until(s, async () => (await done(s, exit)()) && (await done(s, retry)()));
    expect((await s.job(exit)).attempts).toHaveLength(1);
    const r = await s.job(retry);
    expect(r.status).toBe('FAILED');
    expect(r.attempts!.map((a) => [a.container!.exitCode, a.container!.reason])).toEqual([
      [137, 'OutOfMemoryError: Container killed due to memory usage'],
      [137, 'OutOfMemoryError: Container killed due to memory usage'],
    ]);
  });

  it('Fargate: the limit is the task memory', async () => {
    const s = await jobSim();
    await fargateWorld(s);
    const reg = (name: string, bytes: string) => s.sim.batch.registerJobDefinition({
      jobDefinitionName: name, type: 'container', platformCapabilities: ['FARGATE'],
      containerProperties: {
        image: 'busybox', command: ['stress', '--vm', '1', '--vm-bytes', bytes, '--timeout', '10'], executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        resourceRequirements: [{ type: 'VCPU', value: '0.5' }, { type: 'MEMORY', value: '1024' }], networkConfiguration: { assignPublicIp: 'ENABLED' },
      },
    });
    await reg('fits', '1000M');
    await reg('over', '1100M');
    const fits = await s.submit({ jobQueue: 'fq', jobDefinition: 'fits' });
    const over = await s.submit({ jobQueue: 'fq', jobDefinition: 'over' });
    await until(s, async () => (await done(s, fits)()) && (await done(s, over)()));
    expect((await s.job(fits)).status).toBe('SUCCEEDED');
    expect((await s.job(over)).container).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
  });
});
