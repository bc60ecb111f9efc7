import { describe, expect, it } from 'vitest';
import { operatorPolicy } from '../../../src/domain/checks/iam.js';
import { asList } from '../../../src/domain/checks/policy-document.js';

describe('operatorPolicy', () => {
  const { document, groups } = operatorPolicy({ accountId: '123456789012' });
  const actions = document.Statement.flatMap((s) => asList(s.Action));

  it('is a valid-looking identity policy with unique Sids', () => {
    expect(document.Version).toBe('2012-10-17');
    const sids = document.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('covers reads, logs, ec2 describes and the IAM reads', () => {
    for (const a of ['batch:Describe*', 'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:DescribeLogStreams', 'ec2:DescribeRouteTables', 'iam:GetRole', 'iam:ListAttachedRolePolicies']) {
      expect(actions).toContain(a);
    }
  });

  it('scopes iam:PassRole to the batch roles, towards Batch only', () => {
    const pass = document.Statement.find((s) => asList(s.Action).includes('iam:PassRole'))!;
    expect(pass.Resource).toEqual(['arn:aws:iam::123456789012:role/ecsInstanceRole', 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole']);
    expect(pass.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'batch.amazonaws.com' } });
  });

  it('never grants iam:* or a bare * action', () => {
    expect(actions).not.toContain('iam:*');
    expect(actions).not.toContain('*');
  });

  it('groups statements by command and can be narrowed', () => {
    expect(groups.map((g) => g.command)).toContain('teardown');
    const readOnly = operatorPolicy({ commands: ['read', 'logs'] });
    expect(readOnly.document.Statement.map((s) => s.Sid)).toEqual(['BatchRead', 'LogsRead']);
  });
});
