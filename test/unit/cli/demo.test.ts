import { describe, expect, it } from 'vitest';
import { DEMO, EXECUTION_POLICY_ARN, demoPlan, type DemoWorld } from '../../../src/commands/demo/world.js';
import { createTestContext } from '../../helpers/test-context.js';

describe('batchctl demo', () => {
  it('builds the world in the simulator, waits for it by advancing the clock, and shows it', async () => {
    const t = createTestContext();
    const start = t.clock.now();
    expect(await t.run('demo')).toBe(0);
    const sim = await t.sim();

    const [ce] = (await sim.batch.describeComputeEnvironments({ computeEnvironments: ['demo-fargate'] })).computeEnvironments!;
    const subnets = (await sim.ec2.describeSubnets({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets!.map((s) => s.SubnetId).sort();
    const [sg] = (await sim.ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }] })).SecurityGroups!;
    expect(ce).toMatchObject({ type: 'MANAGED', state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'demo' } });
    expect(ce!.computeResources).toMatchObject({ type: 'FARGATE', maxvCpus: 16, securityGroupIds: [sg!.GroupId] });
    expect([...ce!.computeResources!.subnets!].sort()).toEqual(subnets);

    const [queue] = (await sim.batch.describeJobQueues({ jobQueues: ['demo-queue'] })).jobQueues!;
    expect(queue).toMatchObject({ priority: 900, state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'demo' } });
    expect(queue!.computeEnvironmentOrder).toEqual([{ order: 1, computeEnvironment: ce!.computeEnvironmentArn }]);

    const [jd] = (await sim.batch.describeJobDefinitions({ jobDefinitionName: 'demo-hello', status: 'ACTIVE' })).jobDefinitions!;
    expect(jd).toMatchObject({ revision: 1, platformCapabilities: ['FARGATE'], tags: { 'batchctl:stack': 'demo' } });
    expect(jd!.containerProperties).toMatchObject({
      image: 'public.ecr.aws/amazonlinux/amazonlinux:latest',
      command: ['echo', 'hello', 'world'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    });
    expect(jd!.containerProperties!.resourceRequirements).toEqual(expect.arrayContaining([{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }]));

    const role = await sim.iam.getRole({ RoleName: 'ecsTaskExecutionRole' });
    expect(role.Role!.Arn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    const attached = await sim.iam.listAttachedRolePolicies({ RoleName: 'ecsTaskExecutionRole' });
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toContain(EXECUTION_POLICY_ARN);

    // It waited in simulated time, never on the wall clock.
    expect(t.clock.now()).toBeGreaterThan(start);
    expect(t.stderr()).toContain('waiting for compute environment demo-fargate to become VALID (CREATING); advancing the simulated clock');
    expect(t.stderr()).toContain('✓ register job definition demo-hello');
    expect(t.stderr()).toContain('Next, try:');
    const out = t.stdout();
    expect(out).toMatch(/Compute environments\nNAME +TYPE.*\ndemo-fargate +FARGATE +ENABLED +VALID/);
    expect(out).toMatch(/Job queues\nNAME.*\ndemo-queue +900 +ENABLED +VALID/);
    expect(out).toMatch(/Job definitions\nNAME.*\ndemo-hello +1 +ACTIVE +FARGATE/);
  });

  it('is idempotent: a second run changes nothing and says so', async () => {
    const t = createTestContext();
    await t.run('demo');
    const errBefore = t.stderr().length;
    expect(await t.run('demo')).toBe(0);
    expect(t.stderr().slice(errBefore)).toMatch(/^· the demo world already exists \[sim\]\n/);
    const sim = await t.sim();
    expect((await sim.batch.describeJobDefinitions({ jobDefinitionName: 'demo-hello' })).jobDefinitions).toHaveLength(1);
    expect((await sim.batch.describeComputeEnvironments({})).computeEnvironments).toHaveLength(1);
  });

  it('--dry-run prints the plan and builds nothing', async () => {
    const t = createTestContext();
    expect(await t.run('demo', '--dry-run')).toBe(0);
    expect(t.stdout()).toBe(
      [
        'Build the demo world [sim]',
        '   1. create IAM role ecsTaskExecutionRole  iam:CreateRole',
        '      Fargate jobs need an execution role to pull the image and write logs; this account has none',
        '   2. attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole  iam:AttachRolePolicy',
        '      the managed policy grants image pulls from ECR and writes to CloudWatch Logs',
        '   3. create compute environment demo-fargate  batch:CreateComputeEnvironment',
        '      managed Fargate capacity up to 16 vCPUs in the default VPC (3 subnets, its default security group)',
        '   4. create job queue demo-queue  batch:CreateJobQueue',
        '      where jobs wait for demo-fargate (priority 900)',
        '   5. register job definition demo-hello  batch:RegisterJobDefinition',
        '      a Fargate job (0.25 vCPU, 512 MiB) that runs `echo hello world`',
        'dry run: nothing was changed',
        '',
      ].join('\n'),
    );
    const sim = await t.sim();
    expect((await sim.batch.describeComputeEnvironments({})).computeEnvironments).toEqual([]);
    await expect(sim.iam.getRole({ RoleName: 'ecsTaskExecutionRole' })).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('-o json prints one document with the three resources as AWS describes them', async () => {
    const t = createTestContext();
    expect(await t.run('demo', '-o', 'json')).toBe(0);
    const doc = JSON.parse(t.stdout());
    expect(Object.keys(doc)).toEqual(['world', 'computeEnvironments', 'jobQueues', 'jobDefinitions']);
    expect(doc.computeEnvironments[0].computeEnvironmentName).toBe('demo-fargate');
    expect(doc.jobQueues[0].jobQueueName).toBe('demo-queue');
    expect(doc.jobDefinitions[0].jobDefinitionName).toBe('demo-hello');
    expect(t.stderr()).not.toContain('Next, try');
  });

  it('never asks, even on a terminal', async () => {
    const t = createTestContext({ tty: true, answers: [] });
    expect(await t.run('demo')).toBe(0);
  });
});

describe('demoPlan', () => {
  const world: DemoWorld = { accountId: '111122223333', subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], rolePolicyAttached: false };

  it('plans everything, in dependency order, for an empty account', () => {
    expect(demoPlan(world).steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      'iam:CreateRole',
      'iam:AttachRolePolicy',
      'batch:CreateComputeEnvironment',
      'batch:CreateJobQueue',
      'batch:RegisterJobDefinition',
    ]);
    const jd = demoPlan(world).steps[4]!.input as { containerProperties: { executionRoleArn: string } };
    expect(jd.containerProperties.executionRoleArn).toBe('arn:aws:iam::111122223333:role/ecsTaskExecutionRole');
  });

  it('uses an existing role as it is and only attaches the policy it lacks', () => {
    const plan = demoPlan({ ...world, roleArn: 'arn:aws:iam::111122223333:role/service-role/ecsTaskExecutionRole' });
    expect(plan.steps[0]).toMatchObject({ operation: 'AttachRolePolicy' });
    const jd = plan.steps.at(-1)!.input as { containerProperties: { executionRoleArn: string } };
    expect(jd.containerProperties.executionRoleArn).toBe('arn:aws:iam::111122223333:role/service-role/ecsTaskExecutionRole');
  });

  it('skips what exists', () => {
    const plan = demoPlan({
      ...world,
      roleArn: 'arn:aws:iam::111122223333:role/ecsTaskExecutionRole',
      rolePolicyAttached: true,
      computeEnvironment: { computeEnvironmentName: DEMO.computeEnvironment, computeEnvironmentArn: 'arn:ce', ecsClusterArn: undefined },
      jobQueue: { jobQueueName: DEMO.jobQueue, jobQueueArn: 'arn:q', state: 'ENABLED', priority: 900, computeEnvironmentOrder: [] },
    });
    expect(plan.steps.map((s) => s.operation)).toEqual(['RegisterJobDefinition']);
  });
});
