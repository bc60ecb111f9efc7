import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_GROUP, logGroupName, logStreamName } from '../../../src/domain/jobs/log-stream.js';

describe('log group and stream', () => {
  it('defaults to /aws/batch/job and honours awslogs-group', () => {
    expect(logGroupName(undefined)).toBe(DEFAULT_LOG_GROUP);
    expect(logGroupName({ logDriver: 'awslogs' })).toBe('/aws/batch/job');
    expect(logGroupName({ logDriver: 'awslogs', options: { 'awslogs-group': '/my/group' } })).toBe('/my/group');
    expect(logGroupName({ logDriver: 'splunk' })).toBeUndefined();
  });

  it('names the stream <definition name, 200 chars>/default/<task id>, or uses the prefix', () => {
    expect(logStreamName('my-jd', 'abc123')).toBe('my-jd/default/abc123');
    expect(logStreamName('x'.repeat(250), 't')).toBe(`${'x'.repeat(200)}/default/t`);
    expect(logStreamName('my-jd', 't', { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'pre' } })).toBe('pre/default/t');
  });
});
