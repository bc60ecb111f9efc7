import { describe, expect, it } from 'vitest';
import type { JobDetail, NodeProperties } from '@aws-sdk/client-batch';
import { CallBudget, isThrottle, leastRecentlyRead, streamBatches, throttleBackoffMs } from '../../../src/domain/logs/budget.js';
import { advanceCursor, newCursor, nextRequest } from '../../../src/domain/logs/cursor.js';
import { ColourPicker, formatLine, lineJson, mergeByTime, type LogLine } from '../../../src/domain/logs/format.js';
import { parseSince } from '../../../src/domain/logs/since.js';
import { jobLogKind, jobLogs, selectSources, sourceLabel } from '../../../src/domain/logs/sources.js';

const base = (extra: Partial<JobDetail>): JobDetail => ({ jobId: 'j1', jobName: 'n', jobQueue: 'q', status: 'RUNNING', jobDefinition: 'jd', startedAt: 1, ...extra }) as JobDetail;

describe('log sources from DescribeJobs', () => {
  it('numbers finished attempts from attempts[] and the current one from container', () => {
    const job = base({
      attempts: [{ container: { logStreamName: 'jd/default/a1' } }, { container: { logStreamName: 'jd/default/a2' } }],
      container: { logStreamName: 'jd/default/a3' },
    });
    const logs = jobLogs(job);
    expect(logs.group).toBe('/aws/batch/job');
    expect(logs.sources.map((s) => [s.attempt, s.stream])).toEqual([[1, 'jd/default/a1'], [2, 'jd/default/a2'], [3, 'jd/default/a3']]);
    expect(selectSources(logs).map((s) => s.stream)).toEqual(['jd/default/a3']);
    expect(selectSources(logs, { attempt: 1 }).map((s) => s.stream)).toEqual(['jd/default/a1']);
  });

  it('does not count the current attempt twice once it is in attempts[]', () => {
    const job = base({ status: 'SUCCEEDED', attempts: [{ container: { logStreamName: 's1' } }], container: { logStreamName: 's1' } });
    expect(jobLogs(job).sources).toHaveLength(1);
  });

  it('takes the group from awslogs-group, and refuses another log driver', () => {
    const custom = base({ container: { logStreamName: 's', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/my/group' } } } });
    expect(jobLogs(custom).sources[0]!.group).toBe('/my/group');
    const fromDef = jobLogs(base({ container: { logStreamName: 's' } }), { definitionLogConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/def' } } });
    expect(fromDef.sources[0]!.group).toBe('/def');
    const splunk = jobLogs(base({ container: { logStreamName: 's', logConfiguration: { logDriver: 'splunk' } } }));
    expect(splunk.unavailable).toMatch(/splunk, not awslogs/);
  });

  it('knows array parents, multi-node parents, nodes, children and EKS jobs', () => {
    expect(jobLogKind(base({ arrayProperties: { size: 3 } }))).toBe('array-parent');
    expect(jobLogKind(base({ arrayProperties: { index: 2 } }))).toBe('container');
    expect(jobLogKind(base({ nodeProperties: { numNodes: 2, mainNode: 0 } as NodeProperties }))).toBe('multi-node-parent');
    expect(jobLogKind(base({ nodeProperties: { numNodes: 2 } as NodeProperties, nodeDetails: { nodeIndex: 1 } }))).toBe('container');
    expect(jobLogs(base({ eksProperties: { podProperties: {} } })).unavailable).toMatch(/Fluent Bit/);
    const child = jobLogs(base({ jobId: 'p:2', arrayProperties: { index: 2 }, container: { logStreamName: 's' } }));
    expect(sourceLabel(child.sources[0]!)).toBe('[2]');
    const node = jobLogs(base({ jobId: 'p#1', nodeDetails: { nodeIndex: 1 }, container: { logStreamName: 's' } }));
    expect(sourceLabel(node.sources[0]!)).toBe('#1');
  });

  it('gives ECS multi-container jobs one stream per container, filtered by --container', () => {
    const job = base({
      ecsProperties: { taskProperties: [{ containers: [{ name: 'app', logStreamName: 'app/1' }, { name: 'sidecar', logStreamName: 'side/1' }] }] },
    });
    expect(jobLogs(job).sources.map((s) => `${s.container}:${s.stream}`)).toEqual(['app:app/1', 'sidecar:side/1']);
    expect(jobLogs(job, { container: 'sidecar' }).sources.map((s) => s.stream)).toEqual(['side/1']);
    expect(sourceLabel(jobLogs(job).sources[0]!, { showJob: true })).toBe('j1 app');
  });
});

describe('--since', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);
  it('reads durations and ISO dates', () => {
    expect(parseSince('10m', now)).toBe(now - 600_000);
    expect(parseSince('1h30m', now)).toBe(now - 5_400_000);
    expect(parseSince('2026-01-15T09:00:00Z', now)).toBe(Date.UTC(2026, 0, 15, 9));
    expect(parseSince('2026-01-15', now)).toBe(Date.UTC(2026, 0, 15));
    expect(parseSince('yesterday', now)).toBeUndefined();
    expect(parseSince('10x', now)).toBeUndefined();
  });
});

describe('forward-token cursor', () => {
  it('starts from the head, passes tokens back, and reads the same token as the end', () => {
    let c = newCursor('g', 's', 5);
    expect(nextRequest(c)).toEqual({ logGroupName: 'g', logStreamName: 's', startFromHead: true, startTime: 5 });
    c = advanceCursor(c, { events: [{ message: 'a' }], nextForwardToken: 'f/1' });
    expect(c.atEnd).toBe(false);
    expect(nextRequest(c)).toEqual({ logGroupName: 'g', logStreamName: 's', startFromHead: true, nextToken: 'f/1' });
    // An empty page with a new token is not the end.
    c = advanceCursor(c, { events: [], nextForwardToken: 'f/2' });
    expect(c.atEnd).toBe(false);
    c = advanceCursor(c, { events: [], nextForwardToken: 'f/2' });
    expect(c.atEnd).toBe(true);
    expect(c.reads).toBe(3);
  });
});

describe('budgets', () => {
  it('a bucket never gives more than its rate over time', () => {
    const b = new CallBudget(10, 10, 0);
    expect(b.take(0, 100)).toBe(10);
    expect(b.take(0, 100)).toBe(0);
    expect(b.waitMs(0)).toBe(100);
    expect(b.take(500, 100)).toBe(5);
    let total = 0;
    for (let t = 1000; t <= 11_000; t += 250) total += b.take(t, 100);
    expect(total).toBeLessThanOrEqual(10 * 10 + 10);
  });

  it('reads streams round-robin, never-read first', () => {
    const last: Record<string, number | undefined> = { a: 5, b: undefined, c: 1, d: 9 };
    expect(leastRecentlyRead(['a', 'b', 'c', 'd'], (k) => last[k], 2)).toEqual(['b', 'c']);
  });

  it('batches stream names by 100 for FilterLogEvents', () => {
    const names = Array.from({ length: 250 }, (_, i) => `s${i}`);
    expect(streamBatches(names).map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('backs off exponentially with jitter, capped at 30 s, on throttling errors', () => {
    expect(throttleBackoffMs(1, () => 0)).toBe(500);
    expect(throttleBackoffMs(3, () => 1)).toBe(4000);
    expect(throttleBackoffMs(20, () => 1)).toBe(30_000);
    expect(isThrottle({ name: 'ThrottlingException' })).toBe(true);
    expect(isThrottle({ name: 'TooManyRequestsException' })).toBe(true);
    expect(isThrottle({ name: 'ResourceNotFoundException' })).toBe(false);
  });
});

describe('line format', () => {
  const line: LogLine = { source: { jobId: 'abcdef12-0000:3', attempt: 1, group: 'g', stream: 's', index: 3 }, timestamp: Date.UTC(2026, 0, 15, 9), message: 'hello\n' };
  it('prints the message, the label when fanned in, and the timestamp when asked', () => {
    expect(formatLine(line, { format: 'short', timestamps: false, labels: false, showJob: false })).toBe('hello\n');
    expect(formatLine(line, { format: 'short', timestamps: true, labels: true, showJob: false })).toBe('[3] 2026-01-15T09:00:00.000Z hello\n');
    expect(formatLine(line, { format: 'short', timestamps: false, labels: true, showJob: true })).toBe('abcdef12 [3] hello\n');
  });
  it('prints one JSON object per event', () => {
    expect(JSON.parse(formatLine(line, { format: 'json', timestamps: false, labels: false, showJob: false }))).toEqual(lineJson(line));
    expect(lineJson(line)).toMatchObject({ jobId: 'abcdef12-0000:3', arrayIndex: 3, logStreamName: 's', message: 'hello\n' });
  });
  it('gives each source its own colour and merges streams by time', () => {
    const p = new ColourPicker();
    expect([p.pick('a'), p.pick('b'), p.pick('a')]).toEqual(['cyan', 'magenta', 'cyan']);
    const at = (t: number, m: string): LogLine => ({ ...line, timestamp: t, message: m });
    expect(mergeByTime([[at(1, 'a'), at(3, 'c')], [at(2, 'b'), at(3, 'd')]]).map((l) => l.message)).toEqual(['a', 'b', 'c', 'd']);
  });
});
