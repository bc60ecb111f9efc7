/** Run tests for `batchctl job list` and `job describe` against the in-memory simulator. */
import { describe, expect, it } from 'vitest';
import { runJobList } from '../../../../src/commands/job/list.js';
import { runJobDescribe } from '../../../../src/commands/job/describe.js';
import { NOW, fakeJobsContext, fixedJobs, jobWorld, scrub, submit } from './world.js';

describe('job list', () => {
  it('every state, newest first; ISO times and no footer off a terminal (one ListJobs call per status)', async () => {
    const f = fakeJobsContext(fixedJobs());
    f.ctx.configure({});
    await runJobList(f.ctx, { queue: 'work' });
    expect(f.stdout()).toBe(
      [
        'ID   NAME     STATUS           CREATED                STARTED                DURATION   REASON',
        'a1   render   PENDING 37/100   2026-01-15T08:50:00Z   -                      -          -',
        'f1   etl      FAILED           2026-01-15T08:00:00Z   2026-01-15T08:01:40Z   2m00s      Essential container in task exited',
        's1   hello    SUCCEEDED        2026-01-15T07:00:00Z   2026-01-15T07:00:10Z   5s         -',
        '',
      ].join('\n'),
    );
    expect(f.stderr()).toBe('');
    expect(f.calls.map((c) => (c.input as { jobStatus: string }).jobStatus)).toEqual(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
  });

  it('on a terminal: relative times and the count per state on stderr; -o wide adds columns', async () => {
    const f = fakeJobsContext(fixedJobs(), { tty: true });
    f.ctx.configure({});
    await runJobList(f.ctx, { queue: 'work' });
    expect(f.stdout()).toBe(
      [
        'ID   NAME     STATUS           CREATED   STARTED   DURATION   REASON',
        'a1   render   PENDING 37/100   10m ago   -         -          -',
        'f1   etl      FAILED           1h ago    58m ago   2m00s      Essential container in task exited',
        's1   hello    SUCCEEDED        2h ago    1h ago    5s         -',
        '',
      ].join('\n'),
    );
    expect(f.stderr()).toBe('3 jobs: 1 PENDING · 1 SUCCEEDED · 1 FAILED\n');
    const w = fakeJobsContext(fixedJobs().map((j) => ({ ...j, jobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/work', attempts: j.status === 'PENDING' ? [] : [{}] })));
    w.ctx.configure({ output: 'wide' });
    await runJobList(w.ctx, { queue: 'work', limit: 2 });
    expect(w.stdout().split('\n')[0]).toBe('ID   NAME     STATUS           CREATED                STARTED                DURATION   REASON                               QUEUE   DEFINITION   ATTEMPTS   EXIT');
    expect(w.stdout().split('\n')[2]).toBe('f1   etl      FAILED           2026-01-15T08:00:00Z   2026-01-15T08:01:40Z   2m00s      Essential container in task exited   work    etl:1        1          2');
    expect(w.stdout().split('\n')).toHaveLength(4);
  });

  it('-o json is ListJobs-shaped; -o text is TSV', async () => {
    const f = fakeJobsContext(fixedJobs());
    f.ctx.configure({ output: 'json' });
    await runJobList(f.ctx, {});
    expect(JSON.parse(f.stdout())).toEqual({ jobSummaryList: [fixedJobs()[0], fixedJobs()[1], fixedJobs()[2]] });
    const g = fakeJobsContext(fixedJobs());
    g.ctx.configure({ output: 'text' });
    await runJobList(g.ctx, { queue: 'work', status: ['FAILED'] });
    expect(g.stdout()).toBe('f1\tetl\tFAILED\t2026-01-15T08:00:00Z\t2026-01-15T08:01:40Z\t2m00s\tEssential container in task exited\t-\tetl:1\t-\t2\n'); // text has every column, the wide ones too
  });

  it('filters: --status, --name glob, --definition, --since/--before, --limit (matched by batchctl)', async () => {
    const names = async (o: Record<string, unknown>) => {
      const f = fakeJobsContext(fixedJobs());
      f.ctx.configure({ output: 'text', query: 'jobSummaryList[].jobName' });
      await runJobList(f.ctx, { queue: 'work', ...o });
      return f.stdout().trim().split('\n').filter(Boolean);
    };
    expect(await names({ status: ['failed,succeeded'] })).toEqual(['etl', 'hello']);
    expect(await names({ name: 'R*' })).toEqual(['render']);
    expect(await names({ name: 'h?llo' })).toEqual(['hello']);
    expect(await names({ definition: 'etl' })).toEqual(['etl']);
    expect(await names({ definition: 'render:2' })).toEqual([]);
    expect(await names({ since: '90m' })).toEqual(['render', 'etl']);
    expect(await names({ after: '2026-01-15T08:00:00Z', before: '30m' })).toEqual(['etl']);
    expect(await names({ limit: 1 })).toEqual(['render']);
  });

  it('an array parent shows finished/size; --array-parent lists its children', async () => {
    const t = await jobWorld();
    const p = await submit(t, 'hello', { jobName: 'arr', arrayProperties: { size: 3 } });
    t.advance(35_000);
    expect(await t.run('-o', 'text', 'job', 'list', '--status', 'PENDING')).toBe(0);
    expect(t.stdout()).toMatch(/\tarr\tPENDING 0\/3\t/);
    expect(await t.run('-o', 'text', '--query', 'jobSummaryList[].jobId', 'job', 'list', '--array-parent', p)).toBe(0);
    expect(t.stdout().split('\n').filter((l) => l.startsWith(`${p}:`)).sort()).toEqual([`${p}:0`, `${p}:1`, `${p}:2`]);
  });

  it('bad selectors are usage errors naming the flag', async () => {
    const t = await jobWorld();
    expect(await t.run('job', 'list', '--status', 'DONE')).toBe(2);
    expect(t.stderr()).toContain('error: --status: unknown status "DONE"');
    expect(await t.run('job', 'list', '--since', 'yesterday')).toBe(2);
    expect(t.stderr()).toContain('error: --since: "yesterday" is neither a duration');
    expect(await t.run('job', 'list', '--queue', 'work', '--array-parent', 'x')).toBe(2);
    expect(t.stderr()).toContain('give one of --queue, --array-parent or --multi-node-job (got --queue and --array-parent)');
    expect(await t.run('job', 'list', '--queue', 'nope')).toBe(3);
  });

  it('--watch redraws in place on a terminal', async () => {
    const t = await jobWorld({ tty: true });
    await submit(t, 'hello');
    t.ctx.configure({});
    await runJobList(t.ctx, { queue: 'work', watch: true, refreshes: 2, sleep: async (ms) => t.advance(ms * 20) });
    const frames = t.stdout().split('\x1b[');
    expect(frames).toHaveLength(3); // first frame, then cursor-up + clear-to-end before the second
    expect(t.stdout()).toContain('\x1b[4A\x1b[0J');
    expect(t.stdout()).toContain('every 2s · Ctrl-C to stop');
  });

  it('--watch off a terminal prints the listing, then only changed jobs', async () => {
    const t = await jobWorld();
    const a = await submit(t, 'hello');
    t.ctx.configure({ output: 'text' });
    await runJobList(t.ctx, { queue: 'work', watch: true, refreshes: 3, sleep: async () => t.advance(5_000) });
    const lines = scrub(t.stdout(), { a }).trim().split('\n').map((l) => l.split('\t').slice(0, 3).join(' '));
    expect(lines).toEqual(['<a> hello SUBMITTED', '<a> hello STARTING']);
  });
});

describe('job describe', () => {
  it('a readable view of a finished job with its attempts and log stream', async () => {
    const detail = {
      jobId: 'f1', jobName: 'etl', status: 'FAILED', statusReason: 'Essential container in task exited', isTerminated: false,
      jobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/work', jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/etl:1',
      createdAt: NOW - 3_600_000, startedAt: NOW - 3_500_000, stoppedAt: NOW - 3_380_000,
      retryStrategy: { attempts: 2 }, timeout: { attemptDurationSeconds: 600 },
      dependsOn: [{ jobId: 'a1' }],
      container: { image: 'busybox', command: ['sh', '-c', 'exit 2'], exitCode: 2, logStreamName: 'etl/default/t2', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] },
      attempts: [
        { startedAt: NOW - 3_560_000, stoppedAt: NOW - 3_550_000, statusReason: 'Essential container in task exited', container: { exitCode: 1, logStreamName: 'etl/default/t1' } },
        { startedAt: NOW - 3_500_000, stoppedAt: NOW - 3_380_000, statusReason: 'Essential container in task exited', container: { exitCode: 2, logStreamName: 'etl/default/t2' } },
      ],
      tags: { team: 'data' },
    };
    const f = fakeJobsContext([detail as never]);
    f.ctx.configure({});
    await runJobDescribe(f.ctx, { ids: ['f1'] });
    expect(f.stdout()).toBe(
      [
        'etl',
        '  ID            f1',
        '  Status        FAILED (Essential container in task exited)',
        '  Queue         work',
        '  Definition    etl:1',
        '  Image         busybox',
        "  Command       sh -c 'exit 2'",
        '  Resources     1 vCPU, 2048 MiB',
        '  Exit code     2',
        '  Retry         2 attempts',
        '  Timeout       10m00s',
        '  Timing',
        '    Created     2026-01-15T08:00:00Z',
        '    Started     2026-01-15T08:01:40Z',
        '    Stopped     2026-01-15T08:03:40Z',
        '    Duration    2m00s',
        '  Attempts',
        '    #1          exit 1 · Essential container in task exited · 10s · started 2026-01-15T08:00:40Z',
        '                log stream etl/default/t1',
        '    #2          exit 2 · Essential container in task exited · 2m00s · started 2026-01-15T08:01:40Z',
        '                log stream etl/default/t2',
        '  Dependencies',
        '    1           a1',
        '  Logs',
        '    Group       /aws/batch/job',
        '    Stream      etl/default/t2',
        '  Tags',
        '    team        data',
        '',
      ].join('\n'),
    );
  });

  it('against the simulator: -o json is DescribeJobs-shaped', async () => {
    const t = await jobWorld();
    const id = await submit(t, 'fail');
    expect(await t.run('-o', 'json', 'job', 'describe', id)).toBe(0);
    const json = JSON.parse(t.stdout());
    expect(Object.keys(json)).toEqual(['jobs']);
    expect(json.jobs[0]).toMatchObject({ jobId: id, jobName: 'fail', status: 'SUBMITTED' });
    expect(await t.run('job', 'describe', id)).toBe(0);
    expect(t.stdout()).toContain('  Status        SUBMITTED');
  });

  it('prints the jobs found, then exits 3 naming the unknown ids', async () => {
    const t = await jobWorld();
    const id = await submit(t, 'hello');
    expect(await t.run('-o', 'json', 'job', 'describe', id, 'ghost-1', 'ghost-2')).toBe(3);
    expect(JSON.parse(t.stdout()).jobs.map((j: { jobId: string }) => j.jobId)).toEqual([id]);
    expect(t.stderr()).toContain('error: jobs ghost-1, ghost-2 not found [sim]');
  });
});
