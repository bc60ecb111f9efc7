/** Parse tests for `batchctl job …` and `queue snapshot`: argv -> the options the run function gets. */
import { describe, expect, it } from 'vitest';
import { jobSubmitCommand } from '../../../../src/commands/job/submit.js';
import { jobListCommand } from '../../../../src/commands/job/list.js';
import { jobDescribeCommand } from '../../../../src/commands/job/describe.js';
import { jobWaitCommand } from '../../../../src/commands/job/wait.js';
import { jobStopCommand, operationFor } from '../../../../src/commands/job/stop.js';
import { queueSnapshotCommand } from '../../../../src/commands/queue/snapshot.js';
import { buildSubmitRequest, defaultJobName, parseDependency } from '../../../../src/commands/job/request.js';
import { parse, parseError } from '../../../helpers/parse.js';

describe('job submit', () => {
  it('takes every flag', async () => {
    const o = await parse(jobSubmitCommand, [
      '--queue', 'work', '--definition', 'render:3', '--name', 'r1', '--array-size', '10',
      '--depends-on', 'aaa', '--depends-on', 'bbb:N_TO_N', '--depends-on', 'SEQUENTIAL',
      '--parameter', 'scene=intro', '--env', 'STAGE=prod', '--env', 'X=1', '--command', `sh -c 'echo "a b"'`,
      '--vcpus', '2', '--memory', '4096', '--gpus', '1', '--retry-attempts', '3', '--timeout', '10m',
      '--share-identifier', 'teamA', '--priority', '50', '--tag', 'k=v', '--input', 'job.json',
      '--wait', '--follow', '--wait-timeout', '1h', '--quiet',
    ]);
    expect(o).toEqual({
      queue: 'work', definition: 'render:3', name: 'r1', arraySize: 10,
      dependsOn: [{ jobId: 'aaa' }, { jobId: 'bbb', type: 'N_TO_N' }, { type: 'SEQUENTIAL' }],
      parameter: { scene: 'intro' }, env: { STAGE: 'prod', X: '1' }, command: ['sh', '-c', 'echo "a b"'],
      vcpus: '2', memory: '4096', gpus: '1', retryAttempts: 3, timeout: 600, shareIdentifier: 'teamA', priority: 50,
      tag: { k: 'v' }, input: 'job.json', wait: true, follow: true, waitTimeout: 3_600_000, quiet: true,
    });
  });
  it('rejects malformed values, naming the option', async () => {
    expect(await parseError(jobSubmitCommand, ['--array-size', 'ten'])).toMatch(/--array-size.*whole number/);
    expect(await parseError(jobSubmitCommand, ['--env', 'NOVALUE'])).toMatch(/--env "NOVALUE" must look like key=value/);
    expect(await parseError(jobSubmitCommand, ['--command', `echo 'open`])).toMatch(/unterminated single quote/);
    expect(await parseError(jobSubmitCommand, ['--timeout', 'soon'])).toMatch(/not a duration/);
    expect(await parseError(jobSubmitCommand, ['--depends-on', ':N_TO_N'])).toMatch(/names no job id/);
  });
  it('builds the request: flags over the --input file, name from the definition', () => {
    expect(buildSubmitRequest({ queue: 'q', definition: 'arn:aws:batch:us-east-1:1:job-definition/etl:2', vcpus: '2', env: { A: '1' } })).toEqual({
      jobQueue: 'q', jobDefinition: 'arn:aws:batch:us-east-1:1:job-definition/etl:2', jobName: 'etl',
      containerOverrides: { environment: [{ name: 'A', value: '1' }], resourceRequirements: [{ type: 'VCPU', value: '2' }] },
    });
    const file = { jobName: 'f', jobQueue: 'fq', jobDefinition: 'fd', tags: { a: '1' }, containerOverrides: { environment: [{ name: 'A', value: 'file' }, { name: 'B', value: '2' }], resourceRequirements: [{ type: 'MEMORY', value: '512' }] } };
    expect(buildSubmitRequest({ queue: 'q', tag: { b: '2' }, env: { A: 'flag' }, memory: '1024', retryAttempts: 2, timeout: 60, priority: 1, shareIdentifier: 's' }, file)).toEqual({
      jobName: 'f', jobQueue: 'q', jobDefinition: 'fd', tags: { a: '1', b: '2' }, retryStrategy: { attempts: 2 }, timeout: { attemptDurationSeconds: 60 },
      schedulingPriorityOverride: 1, shareIdentifier: 's',
      containerOverrides: { environment: [{ name: 'A', value: 'flag' }, { name: 'B', value: '2' }], resourceRequirements: [{ type: 'MEMORY', value: '1024' }] },
    });
  });
  it('parses dependencies; an array child id keeps its colon', () => {
    expect(parseDependency('abc:3')).toEqual([{ jobId: 'abc:3' }]);
    expect(parseDependency('abc:n_to_n')).toEqual([{ jobId: 'abc', type: 'N_TO_N' }]);
    expect(parseDependency('sequential')).toEqual([{ type: 'SEQUENTIAL' }]);
    expect(defaultJobName('_private:2')).toBe('job_private');
  });
});

describe('job list', () => {
  it('selector flags, limit, watch', async () => {
    const o = await parse(jobListCommand, ['-q', 'work', '--status', 'running,FAILED', '-s', 'pending', '--name', 'n-*', '--definition', 'etl', '--since', '2h', '--before', '2026-01-15', '-L', '50', '--watch', '--interval', '5s']);
    expect(o).toEqual({ queue: 'work', status: ['running,FAILED', 'pending'], name: 'n-*', definition: 'etl', since: '2h', before: '2026-01-15', limit: 50, watch: true, interval: 5000 });
    expect(await parse(jobListCommand, ['--array-parent', 'abc', '--all'])).toEqual({ arrayParent: 'abc', all: true });
  });
  it('rejects a bad limit', async () => {
    expect(await parseError(jobListCommand, ['--limit', '0'])).toMatch(/--limit.*must be >= 1/);
  });
});

describe('job describe, wait, snapshot', () => {
  it('take ids and flags', async () => {
    expect(await parse(jobDescribeCommand, ['a', 'b:3', 'c#1'])).toEqual({ ids: ['a', 'b:3', 'c#1'] });
    expect(await parse(jobWaitCommand, ['a', 'b', '--timeout', '90s'])).toEqual({ ids: ['a', 'b'], timeout: 90_000 });
    expect(await parse(jobWaitCommand, ['--queue', 'work', '--name', 'x*'])).toEqual({ ids: [], queue: 'work', name: 'x*' });
    expect(await parse(queueSnapshotCommand, ['work'])).toEqual({ name: 'work' });
  });
});

describe('job cancel, terminate, stop', () => {
  it('ids or a selector, with the verb and a reason', async () => {
    expect(await parse((c, r) => jobStopCommand(c, 'cancel', r), ['a', 'b', '--reason', 'oops'])).toEqual({ ids: ['a', 'b'], reason: 'oops', verb: 'cancel' });
    expect(await parse((c, r) => jobStopCommand(c, 'terminate', r), ['--queue', 'q', '--status', 'RUNNING', '--after', '1h', '--array-parent', 'p'])).toEqual({ ids: [], queue: 'q', status: ['RUNNING'], after: '1h', arrayParent: 'p', verb: 'terminate' });
  });
  it('stop picks the operation by status', () => {
    expect(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING'].map((s) => operationFor('stop', s as never))).toEqual(['CancelJob', 'CancelJob', 'CancelJob', 'TerminateJob', 'TerminateJob']);
    expect(operationFor('cancel', 'RUNNING')).toBe('CancelJob');
    expect(operationFor('terminate', 'RUNNABLE')).toBe('TerminateJob');
  });
});
