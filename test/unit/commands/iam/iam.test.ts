/** Run tests for `batchctl iam check|create-roles|policy` against the in-memory simulator. */
import { describe, expect, it } from 'vitest';
import { harness } from '../setup/helpers.js';

const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

describe('iam check', () => {
  it('on a fresh world: the roles are missing, each FAIL with its evidence and fix, exit 1', async () => {
    const h = harness();
    const r = await h.run('iam', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('IAM for AWS Batch [sim] fargate, ec2\n');
    expect(r.stdout).toContain('PASS  the caller can read Batch (batch:Describe*)\n');
    expect(r.stdout).toContain('WARN  service-linked role AWSServiceRoleForBatch exists\n      GetRole(AWSServiceRoleForBatch): NoSuchEntity\n      fix: Batch creates it with the first MANAGED compute environment');
    expect(r.stdout).toContain('FAIL  task execution role ecsTaskExecutionRole exists\n      GetRole(ecsTaskExecutionRole): NoSuchEntity\n      fix: create it: batchctl iam create-roles fargate (trust ecs-tasks.amazonaws.com, policies AmazonECSTaskExecutionRolePolicy)\n');
    expect(r.stdout).toContain('FAIL  instance profile ecsInstanceRole holds the ECS instance role\n');
    expect(r.stdout).toContain('FAIL  ECS instance role ecsInstanceRole exists\n');
    expect(r.stdout).toMatch(/1 passed, 1 warning, 3 failed\n$/);
  });

  it('-o json gives the checks as data, with the same exit status', async () => {
    const h = harness();
    const r = await h.run('iam', 'check', '--platform', 'fargate', '-o', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.world).toBe('sim');
    expect(out.platforms).toEqual(['fargate']);
    expect(out.summary).toEqual({ PASS: 1, WARN: 1, FAIL: 1 });
    expect(out.checks.map((c: { id: string; verdict: string }) => `${c.id}=${c.verdict}`)).toEqual([
      'iam.caller.batch-read=PASS', 'iam.slr=WARN', 'iam.execution-role.exists=FAIL',
    ]);
    expect(out.checks[2]).toMatchObject({ reads: 'iam:GetRole Role', evidence: ['GetRole(ecsTaskExecutionRole): NoSuchEntity'] });
  });

  it('after iam create-roles --yes everything passes (exit 0)', async () => {
    const h = harness();
    const created = await h.run('iam', 'create-roles', '--yes');
    expect(created.code).toBe(0);
    expect(created.stderr.split('\n').filter((l) => l.startsWith('✓'))).toEqual([
      '✓ create service-linked role AWSServiceRoleForBatch',
      '✓ create role ecsTaskExecutionRole',
      '✓ attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole',
      '✓ create role ecsInstanceRole',
      '✓ create instance profile ecsInstanceRole',
      '✓ add role ecsInstanceRole to instance profile ecsInstanceRole',
      '✓ attach AmazonEC2ContainerServiceforEC2Role to ecsInstanceRole',
      '✓ Created the IAM roles for fargate and ec2 [sim]',
    ]);
    const r = await h.run('iam', 'check', '--verbose');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/WARN|FAIL  /);
    expect(r.stdout).toContain('PASS  ecsTaskExecutionRole trusts ecs-tasks.amazonaws.com\n      GetRole(ecsTaskExecutionRole).Role.AssumeRolePolicyDocument: Principal.Service=[ecs-tasks.amazonaws.com], Action=sts:AssumeRole\n');
    expect(r.stdout).toMatch(/9 passed, 0 warnings, 0 failed\n$/);
  });

  it('checks the EKS node role through the instance profile it is given', async () => {
    const h = harness();
    const b = await h.sim();
    await b.iam.createRole({ RoleName: 'eks-node', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') });
    await b.iam.createInstanceProfile({ InstanceProfileName: 'eks-node-profile' });
    await b.iam.addRoleToInstanceProfile({ InstanceProfileName: 'eks-node-profile', RoleName: 'eks-node' });
    const r = await h.run('iam', 'check', '--platform', 'eks', '--instance-role', 'eks-node-profile');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PASS  instance profile eks-node-profile holds the EKS node role\n');
    expect(r.stdout).toContain('FAIL  eks-node has AmazonEKSWorkerNodePolicy');
    expect(r.stdout).toContain('fix: batchctl iam create-roles attaches it, or: aws iam attach-role-policy --role-name eks-node --policy-arn arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy');
  });
});

describe('iam create-roles', () => {
  it('--dry-run lists the steps, and what exists, and changes nothing', async () => {
    const h = harness();
    const b = await h.sim();
    await b.iam.createRole({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com') });
    const r = await h.run('iam', 'create-roles', 'fargate', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'Create the IAM roles for fargate [sim]',
      '   1. create service-linked role AWSServiceRoleForBatch  iam:CreateServiceLinkedRole',
      '      no role named AWSServiceRoleForBatch',
      '   2. attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole  iam:AttachRolePolicy',
      '      ecsTaskExecutionRole lacks AmazonECSTaskExecutionRolePolicy: Fargate pulls the image and writes CloudWatch logs with it',
      '  unchanged:',
      '  · role ecsTaskExecutionRole: exists; attaching AmazonECSTaskExecutionRolePolicy',
      'dry run: nothing was changed',
      '',
    ].join('\n'));
    expect((await b.iam.listAttachedRolePolicies({ RoleName: 'ecsTaskExecutionRole' })).AttachedPolicies).toEqual([]);
  });

  it('--dry-run --emit aws-cli prints the aws commands; --emit without --dry-run is refused', async () => {
    const h = harness();
    const r = await h.run('iam', 'create-roles', 'ec2', '--dry-run', '--emit', 'aws-cli');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`aws iam create-service-linked-role --cli-input-json '{"AWSServiceName":"batch.amazonaws.com"}'`);
    expect(lines.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'aws iam create-service-linked-role', 'aws iam create-role', 'aws iam create-instance-profile', 'aws iam add-role-to-instance-profile', 'aws iam attach-role-policy',
    ]);
    const bad = await h.run('iam', 'create-roles', '--emit', 'aws-cli', '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--emit prints the plan instead of applying it: add --dry-run');
  });

  it('a re-run has nothing to do', async () => {
    const h = harness();
    expect((await h.run('iam', 'create-roles', 'fargate', '--yes')).code).toBe(0);
    const again = await h.run('iam', 'create-roles', 'fargate', '--yes');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('· role ecsTaskExecutionRole: exists, matches (arn:aws:iam::123456789012:role/ecsTaskExecutionRole)');
    expect(again.stderr).toContain('· every role fargate needs already exists [sim]');
  });

  it('tolerates a service-linked role that appeared after the plan was made ("has been taken")', async () => {
    const h = harness({
      overrides: {
        'iam.createServiceLinkedRole': async (input, next) => {
          await next(input);
          return next(input); // the second call is refused: "Service role name ... has been taken"
        },
      },
    });
    const r = await h.run('iam', 'create-roles', 'fargate', '--yes');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('✓ create service-linked role AWSServiceRoleForBatch (it already exists)');
  });

  it('a role with the wrong trust is a conflict: nothing changes, exit 1', async () => {
    const h = harness();
    const b = await h.sim();
    await b.iam.createRole({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') });
    const r = await h.run('iam', 'create-roles', 'fargate', '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ role ecsTaskExecutionRole: role ecsTaskExecutionRole exists but does not trust ecs-tasks.amazonaws.com');
    expect(r.stderr).toContain('trust: existing [lambda.amazonaws.com], wanted [ecs-tasks.amazonaws.com]');
    expect(r.stderr).toContain('error: Create the IAM roles for fargate: 1 conflict with what exists; nothing was changed');
    expect(h.calls.filter((c) => /\.(create|attach|add)/.test(c))).toEqual([]);
  });

  it('tags what it creates with --tag', async () => {
    const h = harness();
    expect((await h.run('iam', 'create-roles', 'fargate', '--tag', 'team=data', '--yes')).code).toBe(0);
    const role = await (await h.sim()).iam.getRole({ RoleName: 'ecsTaskExecutionRole' });
    expect(role.Role?.Tags).toEqual([{ Key: 'team', Value: 'data' }]);
  });
});

describe('iam policy', () => {
  it('prints a valid policy document on stdout, every group by default', async () => {
    const h = harness();
    const r = await h.run('iam', 'policy');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toContain('BatchRead');
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toContain('IamCreateBatchSlr');
    expect(r.stderr).toContain('statements for:');
  });

  it('--for narrows it, --account-id pins the ARNs', async () => {
    const h = harness();
    const r = await h.run('iam', 'policy', '--for', 'read', 'teardown', '--account-id', '111122223333', '-o', 'json');
    const doc = JSON.parse(r.stdout);
    expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['BatchRead', 'BatchTeardown', 'IamDeleteBatchRoles']);
    expect(JSON.stringify(doc)).toContain('arn:aws:batch:*:111122223333:job-queue/*');
    const bad = await h.run('iam', 'policy', '--account-id', '12');
    expect(bad.code).toBe(2);
  });
});
