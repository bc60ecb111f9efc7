/** Job selectors: globs, definition references, time points, statuses. */
import { describe, expect, it } from 'vitest';
import { definitionMatches, globToRegExp, hasFilters, matchesSelector, parseStatuses, parseTimePoint } from '../../../src/domain/jobs/selector.js';

const ARN = 'arn:aws:batch:us-east-1:123456789012:job-definition/render:3';
const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('globToRegExp', () => {
  it('matches * and ?, case-insensitively, anchored; other characters are literal', () => {
    expect(globToRegExp('nightly-*').test('Nightly-2026')).toBe(true);
    expect(globToRegExp('job-?').test('job-7')).toBe(true);
    expect(globToRegExp('job-?').test('job-77')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('etl').test('etl-x')).toBe(false);
  });
});

describe('definitionMatches', () => {
  it('a bare name matches every revision; name:rev one revision', () => {
    expect(definitionMatches('render', ARN)).toBe(true);
    expect(definitionMatches('render:3', ARN)).toBe(true);
    expect(definitionMatches('render:2', ARN)).toBe(false);
    expect(definitionMatches('rend', ARN)).toBe(false);
  });
  it('an ARN with a revision matches exactly; without, every revision; case-sensitive', () => {
    expect(definitionMatches(ARN, ARN)).toBe(true);
    expect(definitionMatches('arn:aws:batch:us-east-1:123456789012:job-definition/render', ARN)).toBe(true);
    expect(definitionMatches('arn:aws:batch:us-east-1:123456789012:job-definition/render:1', ARN)).toBe(false);
    expect(definitionMatches('Render', ARN)).toBe(false);
    expect(definitionMatches('render', undefined)).toBe(false);
  });
});

describe('matchesSelector', () => {
  const job = { jobName: 'nightly-1', status: 'RUNNING' as const, jobDefinition: ARN, createdAt: NOW - 60_000 };
  it('combines every criterion', () => {
    expect(matchesSelector(job, {})).toBe(true);
    expect(matchesSelector(job, { statuses: ['RUNNING'], name: 'nightly-*', definition: 'render', createdAfter: NOW - 120_000, createdBefore: NOW })).toBe(true);
    expect(matchesSelector(job, { statuses: ['FAILED'] })).toBe(false);
    expect(matchesSelector(job, { createdAfter: NOW - 30_000 })).toBe(false);
    expect(matchesSelector(job, { createdBefore: NOW - 60_000 })).toBe(false);
    expect(matchesSelector(job, { createdAfter: NOW - 60_000 })).toBe(true);
  });
  it('hasFilters is about more than statuses', () => {
    expect(hasFilters({ statuses: ['RUNNING'] })).toBe(false);
    expect(hasFilters({ name: 'x' })).toBe(true);
  });
});

describe('parseStatuses', () => {
  it('any case, commas or repeats, in lifecycle order, each once', () => {
    expect(parseStatuses(['failed,running', 'PENDING', 'running'])).toEqual(['PENDING', 'RUNNING', 'FAILED']);
  });
  it('names the bad word and the allowed values', () => {
    expect(() => parseStatuses(['DONE'])).toThrow('unknown status "DONE"; one of SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED, FAILED');
  });
});

describe('parseTimePoint', () => {
  it('durations go back from now', () => {
    expect(parseTimePoint('10m', NOW)).toBe(NOW - 600_000);
    expect(parseTimePoint('1h30m', NOW)).toBe(NOW - 5_400_000);
    expect(parseTimePoint('2d', NOW)).toBe(NOW - 2 * 86_400_000);
  });
  it('ISO dates and date-times', () => {
    expect(parseTimePoint('2026-01-14', NOW)).toBe(Date.UTC(2026, 0, 14));
    expect(parseTimePoint('2026-01-14T08:30:00Z', NOW)).toBe(Date.UTC(2026, 0, 14, 8, 30));
  });
  it('anything else is an error that shows both forms', () => {
    expect(() => parseTimePoint('yesterday', NOW)).toThrow('"yesterday" is neither a duration (10m, 2h, 1d) nor an ISO date');
  });
});
