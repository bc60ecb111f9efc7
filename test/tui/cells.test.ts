import type { JobDetail } from '@aws-sdk/client-batch';
/** Pure cell helpers of the dashboard: cutting job IDs, footer hints within the width, the KIND cell, sorting ties. */
import { describe, expect, it } from 'vitest';
import { palette, stripAnsi } from '../../src/io/color.js';
import { kindCell, quietWaitHint, QUIET_WAIT_MS, sortJobs } from '../../src/tui/cells.js';
import { fitJobId } from '../../src/tui/format.js';
import type { JobRow } from '../../src/tui/models/jobs-model.js';
import { fitHints } from '../../src/tui/views/chrome.js';

const c = palette(false);

describe('fitJobId', () => {
  it('keeps a node\'s #N and an array child\'s :N when the ID is cut', () => {
    expect(fitJobId('e01a78be-d4c3-471e-97f4-719ee9f6ceef#12', 10)).toBe('e01a78…#12');
    expect(fitJobId('e01a78be-d4c3-471e-97f4-719ee9f6ceef:3', 8)).toBe('e01a7…:3');
    expect(fitJobId('e01a78be-d4c3-471e-97f4-719ee9f6ceef', 8)).toBe('e01a78b…');
    expect(fitJobId('abc#1', 8)).toBe('abc#1   ');
  });
});

describe('fitHints', () => {
  const keys = [
    { key: 'enter', label: 'open' },
    { key: 'l', label: 'logs' },
    { key: 'd', label: 'describe' },
    { key: '?', label: 'help' },
    { key: 'q', label: 'quit' },
  ];
  it('shows every hint when they fit, and keeps help and quit when they do not', () => {
    expect(fitHints(keys, 200, c)).toBe('<enter> open  <l> logs  <d> describe  <?> help  <q> quit');
    const narrow = fitHints(keys, 44, c);
    expect(narrow).toBe('<enter> open  <l> logs  <?> help  <q> quit');
    expect(stripAnsi(narrow).length).toBeLessThanOrEqual(44);
  });
});

describe('jobs of a multi-node job', () => {
  const row = (id: string, np?: JobRow['summary']['nodeProperties']): JobRow => ({ summary: { jobId: id, jobName: 'train', status: 'RUNNING', createdAt: 1000, nodeProperties: np } as JobRow['summary'] });
  it('KIND: mnp N for the job, main/node for its nodes, array for an array parent, - otherwise', () => {
    expect(kindCell(row('m', { numNodes: 4 }), c)).toBe('mnp 4');
    expect(kindCell(row('m#0', { numNodes: 4, nodeIndex: 0, isMainNode: true }), c)).toBe('main');
    expect(kindCell(row('m#1', { numNodes: 4, nodeIndex: 1, isMainNode: false }), c)).toBe('node');
    expect(kindCell({ summary: { jobId: 'a', arrayProperties: { size: 5 } } } as JobRow, c)).toBe('array');
    expect(kindCell(row('x'), c)).toBe('-');
  });
  it('nodes created together sort by index (#2 before #10)', () => {
    const rows = [10, 2, 0, 1].map((n) => row(`m#${n}`, { nodeIndex: n }));
    expect(sortJobs(rows, 'created', 0).map((r) => r.summary.jobId)).toEqual(['m#0', 'm#1', 'm#2', 'm#10']);
  });
});

describe('quietWaitHint', () => {
  it('points a RUNNABLE job that waited 10 min with no reason at doctor; nothing before, or with a reason', () => {
    const j = { jobId: 'j1', status: 'RUNNABLE', createdAt: 0 } as JobDetail;
    expect(quietWaitHint(j, c, QUIET_WAIT_MS - 1)).toEqual([]);
    const hint = quietWaitHint(j, c, QUIET_WAIT_MS);
    expect(hint[0]).toContain('RUNNABLE up to 10m with no reason from Batch');
    expect(hint[1]).toBe('try: batchctl doctor job j1');
    expect(quietWaitHint({ ...j, statusReason: 'CAPACITY:…' }, c, QUIET_WAIT_MS * 2)).toEqual([]);
    expect(quietWaitHint({ ...j, status: 'RUNNING' as const }, c, QUIET_WAIT_MS * 2)).toEqual([]);
  });
});
