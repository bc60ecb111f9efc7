import { describe, expect, it } from 'vitest';
import {
  emptyIamFacts,
  evaluateIam,
  iamCreateRolesPlan,
  iamFactRequests,
  recordIamFact,
  type IamFacts,
} from '../../../src/domain/checks/iam.js';
import { decodePolicyDocument } from '../../../src/domain/checks/policy-document.js';
import { worstVerdict, type Check } from '../../../src/domain/checks/types.js';
import { ACCOUNT, attached, completeFacts, freshFacts, getRole, profile, SLR, trustDoc } from './iam-fixtures.js';

const byId = (checks: Check[], id: string) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
};

describe('decodePolicyDocument', () => {
  it('decodes the URL-encoded document GetRole returns, and plain JSON', () => {
    const enc = trustDoc('ecs-tasks.amazonaws.com');
    expect(enc.startsWith('%7B')).toBe(true);
    const a = decodePolicyDocument(enc);
    const b = decodePolicyDocument(decodeURIComponent(enc));
    expect(a).toEqual(b);
    expect(a.ok && a.doc.Statement[0]?.Principal).toEqual({ Service: 'ecs-tasks.amazonaws.com' });
  });
  it('normalises a single statement object and reports garbage', () => {
    const one = decodePolicyDocument('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["a","b"]}}}');
    expect(one.ok && one.doc.Statement).toHaveLength(1);
    expect(decodePolicyDocument('%7Bnot json').ok).toBe(false);
    expect(decodePolicyDocument(undefined).ok).toBe(false);
  });
});

describe('iamFactRequests', () => {
  it('asks for the SLR, the execution role and its policies on Fargate', () => {
    const reqs = iamFactRequests('fargate', emptyIamFacts());
    expect(reqs.map((r) => `${r.operation}(${Object.values(r.input)[0]})`)).toEqual([
      'GetRole(AWSServiceRoleForBatch)',
      'GetRole(ecsTaskExecutionRole)',
      'ListAttachedRolePolicies(ecsTaskExecutionRole)',
    ]);
  });
  it('reads the EKS node role through its instance profile, in two rounds', () => {
    const facts = emptyIamFacts();
    const opts = { eksInstanceProfile: 'arn:aws:iam::123456789012:instance-profile/eks-node-profile' };
    const first = iamFactRequests('eks', facts, opts);
    expect(first.map((r) => r.operation)).toEqual(['GetRole', 'GetInstanceProfile']);
    recordIamFact(facts, first[0]!, SLR);
    recordIamFact(facts, first[1]!, profile('eks-node-profile', ['node-role']));
    const second = iamFactRequests('eks', facts, opts);
    expect(second.map((r) => `${r.operation}(${r.input.RoleName})`)).toEqual(['GetRole(node-role)', 'ListAttachedRolePolicies(node-role)']);
    for (const r of second) recordIamFact(facts, r, 'missing');
    expect(iamFactRequests('eks', facts, opts)).toEqual([]);
  });
});

describe('evaluateIam', () => {
  it('passes a complete account on every platform', () => {
    const f = completeFacts();
    expect(worstVerdict(evaluateIam('fargate', f))).toBe('PASS');
    expect(worstVerdict(evaluateIam('ec2', f))).toBe('PASS');
    const eks = evaluateIam('eks', f, { eksInstanceProfile: 'eks-node-profile' });
    expect(eks.filter((c) => c.verdict !== 'PASS')).toEqual([]);
  });

  it('warns, not fails, when the SLR is missing (Batch creates it with the first managed CE)', () => {
    const f = completeFacts();
    f.roles.AWSServiceRoleForBatch = 'missing';
    const c = byId(evaluateIam('fargate', f), 'iam.slr');
    expect(c.verdict).toBe('WARN');
    expect(c.evidence).toEqual(['GetRole(AWSServiceRoleForBatch): NoSuchEntity']);
    expect(c.fix).toContain('create-service-linked-role');
  });

  it('fails a role named like the SLR at the wrong path', () => {
    const f = completeFacts();
    f.roles.AWSServiceRoleForBatch = getRole('AWSServiceRoleForBatch', trustDoc('batch.amazonaws.com'), '/');
    expect(byId(evaluateIam('ec2', f), 'iam.slr').verdict).toBe('FAIL');
  });

  it('fails an execution role without AmazonECSTaskExecutionRolePolicy', () => {
    const f = completeFacts();
    f.attachedPolicies.ecsTaskExecutionRole = attached('AmazonS3ReadOnlyAccess');
    const c = byId(evaluateIam('fargate', f), 'iam.execution-role.policies');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence[0]).toBe('ListAttachedRolePolicies(ecsTaskExecutionRole).AttachedPolicies=[AmazonS3ReadOnlyAccess]');
    expect(c.fix).toContain('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
    expect(c.reads).toBe('iam:ListAttachedRolePolicies AttachedPolicies[].PolicyArn');
  });

  it('fails a role that trusts the wrong service', () => {
    const f = completeFacts();
    f.roles.ecsTaskExecutionRole = getRole('ecsTaskExecutionRole', trustDoc('ec2.amazonaws.com'));
    const c = byId(evaluateIam('fargate', f), 'iam.execution-role.trust');
    expect(c.verdict).toBe('FAIL');
    expect(c.evidence[0]).toContain('Principal.Service=[ec2.amazonaws.com]');
  });

  it('fails a missing role and skips its dependent checks', () => {
    const f = completeFacts();
    f.roles.ecsTaskExecutionRole = 'missing';
    f.attachedPolicies.ecsTaskExecutionRole = 'missing';
    const checks = evaluateIam('fargate', f);
    expect(byId(checks, 'iam.execution-role.exists').verdict).toBe('FAIL');
    expect(checks.find((c) => c.id === 'iam.execution-role.trust')).toBeUndefined();
  });

  it('fails ecsInstanceRole without its instance profile, and an empty profile', () => {
    const f = completeFacts();
    f.instanceProfiles.ecsInstanceRole = 'missing';
    const c = byId(evaluateIam('ec2', f), 'iam.instance-role.instance-profile');
    expect(c.verdict).toBe('FAIL');
    expect(c.fix).toContain('add-role-to-instance-profile');
    f.instanceProfiles.ecsInstanceRole = profile('ecsInstanceRole', []);
    expect(byId(evaluateIam('ec2', f), 'iam.instance-role.instance-profile').verdict).toBe('FAIL');
  });

  it('fails an instanceRole given as a role ARN', () => {
    const checks = evaluateIam('ec2', completeFacts(), { instanceRole: 'arn:aws:iam::123456789012:role/ecsInstanceRole' });
    expect(byId(checks, 'iam.instance-role.reference').verdict).toBe('FAIL');
  });

  it('checks the EKS node role policies; ECR pull is required only for private clusters', () => {
    const f = completeFacts();
    f.attachedPolicies['eksctl-demo-nodegroup-NodeInstanceRole'] = attached('AmazonEKSWorkerNodePolicy');
    expect(byId(evaluateIam('eks', f, { eksInstanceProfile: 'eks-node-profile' }), 'iam.eks-node-role.policies').verdict).toBe('WARN');
    expect(byId(evaluateIam('eks', f, { eksInstanceProfile: 'eks-node-profile', eksPrivate: true }), 'iam.eks-node-role.policies').verdict).toBe('FAIL');
    f.attachedPolicies['eksctl-demo-nodegroup-NodeInstanceRole'] = attached('AmazonEC2ContainerRegistryPullOnly');
    expect(byId(evaluateIam('eks', f, { eksInstanceProfile: 'eks-node-profile' }), 'iam.eks-node-role.policies').verdict).toBe('FAIL');
  });

  it('fails EKS without a node instance profile', () => {
    expect(byId(evaluateIam('eks', completeFacts()), 'iam.eks-node-role.instance-profile').verdict).toBe('FAIL');
  });

  describe('confused deputy (custom service role trusted by batch.amazonaws.com)', () => {
    const withServiceRole = (trust: string): IamFacts => {
      const f = completeFacts();
      f.roles.MyBatchServiceRole = getRole('MyBatchServiceRole', trust);
      f.attachedPolicies.MyBatchServiceRole = attached('service-role/AWSBatchServiceRole');
      return f;
    };
    const opts = { serviceRole: 'arn:aws:iam::123456789012:role/MyBatchServiceRole', accountId: ACCOUNT };

    it('warns when the trust policy has no aws:SourceAccount / aws:SourceArn', () => {
      const c = byId(evaluateIam('ec2', withServiceRole(trustDoc('batch.amazonaws.com')), opts), 'iam.service-role.confused-deputy');
      expect(c.verdict).toBe('WARN');
      expect(c.fix).toContain('aws:SourceAccount');
    });
    it('passes with SourceAccount and SourceArn of this account', () => {
      const trust = trustDoc('batch.amazonaws.com', {
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: { 'aws:SourceArn': [`arn:aws:batch:us-east-1:${ACCOUNT}:compute-environment/*`, `arn:aws:batch:us-east-1:${ACCOUNT}:job/*`] },
      });
      expect(byId(evaluateIam('ec2', withServiceRole(trust), opts), 'iam.service-role.confused-deputy').verdict).toBe('PASS');
    });
    it('fails when the condition names another account', () => {
      const trust = trustDoc('batch.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '999999999999' } });
      expect(byId(evaluateIam('ec2', withServiceRole(trust), opts), 'iam.service-role.confused-deputy').verdict).toBe('FAIL');
    });
    it('checks the service role carries AWSBatchServiceRole', () => {
      const f = withServiceRole(trustDoc('batch.amazonaws.com'));
      f.attachedPolicies.MyBatchServiceRole = attached();
      expect(byId(evaluateIam('ec2', f, opts), 'iam.service-role.policies').verdict).toBe('FAIL');
    });
  });
});

describe('iamCreateRolesPlan', () => {
  it('creates everything on a fresh account, in the documented order (EC2)', () => {
    const plan = iamCreateRolesPlan(freshFacts(), 'ec2', ACCOUNT, { tags: { 'batchctl:stack': 'demo' } });
    expect(plan.steps.map((s) => s.operation)).toEqual([
      'CreateServiceLinkedRole', 'CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'AttachRolePolicy',
    ]);
    const create = plan.steps[1]!;
    expect(create.reason).toBe('no role named ecsInstanceRole');
    expect(JSON.parse(String(create.input.AssumeRolePolicyDocument))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(create.input.Tags).toEqual([{ Key: 'batchctl:stack', Value: 'demo' }]);
    expect(plan.steps[4]!.input).toEqual({
      RoleName: 'ecsInstanceRole',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
    });
    expect(plan.steps[0]!.input).toEqual({ AWSServiceName: 'batch.amazonaws.com' });
    expect(plan.conflicts).toEqual([]);
  });

  it('creates the execution role with the ecs-tasks trust on Fargate', () => {
    const plan = iamCreateRolesPlan(freshFacts(), 'fargate', ACCOUNT);
    expect(plan.steps.map((s) => s.title)).toEqual([
      'create service-linked role AWSServiceRoleForBatch',
      'create role ecsTaskExecutionRole',
      'attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole',
    ]);
    expect(plan.steps[1]!.reason).toBe('no role named ecsTaskExecutionRole');
    expect(String(plan.steps[1]!.input.AssumeRolePolicyDocument)).toContain('ecs-tasks.amazonaws.com');
  });

  it('is empty when everything exists, and records what it skipped', () => {
    const plan = iamCreateRolesPlan(completeFacts(), 'ec2', ACCOUNT);
    expect(plan.steps).toEqual([]);
    expect(plan.skipped.map((s) => `${s.kind}:${s.name}`)).toEqual([
      'service-linked-role:AWSServiceRoleForBatch', 'instance-profile:ecsInstanceRole', 'role:ecsInstanceRole',
    ]);
  });

  it('only attaches the missing policy and only adds the role to an empty profile', () => {
    const f = completeFacts();
    f.attachedPolicies.ecsInstanceRole = attached();
    f.instanceProfiles.ecsInstanceRole = profile('ecsInstanceRole', []);
    const plan = iamCreateRolesPlan(f, 'ec2', ACCOUNT);
    expect(plan.steps.map((s) => s.operation)).toEqual(['AddRoleToInstanceProfile', 'AttachRolePolicy']);
    expect(plan.steps[1]!.reason).toContain('ecsInstanceRole lacks AmazonEC2ContainerServiceforEC2Role');
  });

  it('reports a role with the wrong trust as a conflict instead of rewriting it', () => {
    const f = completeFacts();
    f.roles.ecsTaskExecutionRole = getRole('ecsTaskExecutionRole', trustDoc('lambda.amazonaws.com'));
    const plan = iamCreateRolesPlan(f, 'fargate', ACCOUNT);
    expect(plan.steps).toEqual([]);
    expect(plan.conflicts).toMatchObject([{ kind: 'role', name: 'ecsTaskExecutionRole', reason: 'mismatch' }]);
  });

  it('does not create an EKS node role; a missing profile is a prerequisite conflict', () => {
    const f = completeFacts();
    f.instanceProfiles['gone'] = 'missing';
    const plan = iamCreateRolesPlan(f, 'eks', ACCOUNT, { eksInstanceProfile: 'gone' });
    expect(plan.steps).toEqual([]);
    expect(plan.conflicts).toMatchObject([{ kind: 'instance-profile', name: 'gone', reason: 'prerequisite' }]);
  });
});

describe('decodePolicyDocument encodings', () => {
  it('keeps a literal + (RFC 3986) and accepts form encoding', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/a+b' }, Action: 'sts:AssumeRole' }] };
    const enc = encodeURIComponent(JSON.stringify(doc, null, 1));
    const a = decodePolicyDocument(enc);
    expect(a.ok && a.doc.Statement[0]?.Principal).toEqual({ AWS: 'arn:aws:iam::123456789012:role/a+b' });
    const form = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 1)).replace(/%20/g, '+');
    expect(decodePolicyDocument(form).ok).toBe(true);
  });
});
