import type * as B from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import { emptyIamFacts } from '../../../src/domain/checks/iam.js';
import { defaultAnswers, withStack, type Ec2Answers, type EksAnswers, type FargateAnswers } from '../../../src/wizards/defaults.js';
import type { ExistingResources } from '../../../src/wizards/plan-common.js';
import { buildSetupPlan } from '../../../src/wizards/setup.js';
import { isWaitStep } from '../../../src/wizards/wait-steps.js';
import { ACCOUNT, completeFacts, freshFacts, getRole, trustDoc } from '../checks/iam-fixtures.js';

const REGION = 'us-east-1';
const NET = { subnets: ['subnet-0pub1a', 'subnet-0pub1b'], securityGroupIds: ['sg-0default'] };

const fresh = (): ExistingResources => ({
  accountId: ACCOUNT, region: REGION, iam: freshFacts(), computeEnvironments: [], jobQueues: [], jobDefinitions: [],
});

const ops = (plan: { steps: { operation: string }[] }) => plan.steps.map((s) => s.operation);

/** What Describe* returns after a previous run of the same plan (ARNs, statuses, revisions). */
function afterApply(plan: ReturnType<typeof buildSetupPlan>, iam = completeFacts()): ExistingResources {
  const existing: ExistingResources = { accountId: ACCOUNT, region: REGION, iam, computeEnvironments: [], jobQueues: [], jobDefinitions: [], jobs: [] };
  for (const s of plan.steps) {
    if (s.operation === 'CreateComputeEnvironment') {
      const r = s.input as unknown as B.CreateComputeEnvironmentRequest;
      existing.computeEnvironments.push({
        ...r, computeEnvironmentName: r.computeEnvironmentName!,
        computeEnvironmentArn: `arn:aws:batch:${REGION}:${ACCOUNT}:compute-environment/${r.computeEnvironmentName}`,
        ecsClusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${r.computeEnvironmentName}_Batch_abc`,
        status: 'VALID', statusReason: 'ComputeEnvironment Healthy', state: 'ENABLED',
        computeResources: { ...r.computeResources!, desiredvCpus: 0 },
      });
    }
    if (s.operation === 'CreateJobQueue') {
      const r = s.input as unknown as B.CreateJobQueueRequest;
      existing.jobQueues.push({
        ...r, jobQueueName: r.jobQueueName!, jobQueueArn: `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/${r.jobQueueName}`,
        priority: r.priority!, status: 'VALID', statusReason: 'JobQueue Healthy', state: 'ENABLED',
        computeEnvironmentOrder: r.computeEnvironmentOrder!.map((o) => ({
          order: o.order, computeEnvironment: `arn:aws:batch:${REGION}:${ACCOUNT}:compute-environment/${o.computeEnvironment}`,
        })),
      });
    }
    if (s.operation === 'RegisterJobDefinition') {
      const r = s.input as unknown as B.RegisterJobDefinitionRequest;
      existing.jobDefinitions.push({
        ...r, jobDefinitionName: r.jobDefinitionName!, type: r.type!, revision: 1, status: 'ACTIVE',
        jobDefinitionArn: `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/${r.jobDefinitionName}:1`,
      });
    }
    if (s.operation === 'SubmitJob') {
      existing.jobs!.push({ jobId: '1509xmpl-4224-4da6-9ba9-1d1acc96431a', jobName: String(s.input.jobName), status: 'SUCCEEDED' });
    }
  }
  return existing;
}

describe('buildSetupPlan: Fargate', () => {
  const answers = (): FargateAnswers => defaultAnswers('fargate', 'demo', NET);

  it('plans everything on a fresh account, in dependency order, tagged with the stack', () => {
    const plan = buildSetupPlan(answers(), fresh());
    expect(ops(plan)).toEqual([
      'CreateServiceLinkedRole', 'CreateRole', 'AttachRolePolicy',
      'CreateComputeEnvironment', 'WaitForComputeEnvironments',
      'CreateJobQueue', 'WaitForJobQueues',
      'RegisterJobDefinition', 'SubmitJob',
    ]);
    expect(plan.conflicts).toEqual([]);
    const ce = plan.steps[3]!.input as unknown as B.CreateComputeEnvironmentRequest;
    expect(ce).toEqual({
      computeEnvironmentName: 'demo-ce', type: 'MANAGED', state: 'ENABLED',
      computeResources: { type: 'FARGATE', maxvCpus: 128, subnets: NET.subnets, securityGroupIds: NET.securityGroupIds },
      tags: { 'batchctl:stack': 'demo' },
    });
    const q = plan.steps[5]!.input as unknown as B.CreateJobQueueRequest;
    expect(q.priority).toBe(900);
    expect(q.computeEnvironmentOrder).toEqual([{ order: 1, computeEnvironment: 'demo-ce' }]);
    const jd = plan.steps[7]!.input as unknown as B.RegisterJobDefinitionRequest;
    expect(jd.platformCapabilities).toEqual(['FARGATE']);
    expect(jd.containerProperties).toEqual({
      image: 'public.ecr.aws/amazonlinux/amazonlinux:latest',
      command: ['echo', 'hello world'],
      resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }],
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
      networkConfiguration: { assignPublicIp: 'ENABLED' },
    });
    expect(plan.steps[8]!.input).toEqual({ jobName: 'demo-hello-world', jobQueue: 'demo-queue', jobDefinition: 'demo-job-def', tags: { 'batchctl:stack': 'demo' } });
    for (const s of plan.steps) expect(s.reason).not.toBe('');
    expect(plan.steps[1]!.input.Tags).toEqual([{ Key: 'batchctl:stack', Value: 'demo' }]);
  });

  it('is empty when everything exists and matches, and says so', () => {
    const first = buildSetupPlan(answers(), fresh());
    const again = buildSetupPlan(answers(), afterApply(first));
    expect(again.steps).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.skipped.map((s) => `${s.kind}:${s.name}:${s.note}`)).toEqual([
      'service-linked-role:AWSServiceRoleForBatch:exists, matches',
      `role:ecsTaskExecutionRole:exists, matches (arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole)`,
      'compute-environment:demo-ce:exists, matches (VALID)',
      'job-queue:demo-queue:exists, matches (VALID)',
      'job-definition:demo-job-def:exists, matches (revision 1)',
      'job:demo-hello-world:already submitted (1509xmpl-4224-4da6-9ba9-1d1acc96431a, SUCCEEDED)',
    ]);
  });

  it('continues after an interruption: only the missing tail is planned', () => {
    const first = buildSetupPlan(answers(), fresh());
    const partial = afterApply({ ...first, steps: first.steps.slice(0, 4) });
    expect(ops(buildSetupPlan(answers(), partial))).toEqual(['CreateJobQueue', 'WaitForJobQueues', 'RegisterJobDefinition', 'SubmitJob']);
  });

  it('reports a mismatching compute environment as a conflict and never overwrites it', () => {
    const existing = afterApply(buildSetupPlan(answers(), fresh()));
    existing.computeEnvironments[0]!.computeResources!.maxvCpus = 256;
    existing.jobQueues = [];
    const plan = buildSetupPlan(answers(), existing);
    expect(plan.conflicts).toMatchObject([{
      kind: 'compute-environment', name: 'demo-ce', reason: 'mismatch', differences: ['computeResources.maxvCpus: existing 256, wanted 128'],
    }]);
    expect(ops(plan)).not.toContain('CreateComputeEnvironment');
    expect(ops(plan)).not.toContain('UpdateComputeEnvironment');
    expect(ops(plan)).not.toContain('CreateJobQueue');
  });

  it('refuses a same-named resource of another stack or without the tag', () => {
    const existing = afterApply(buildSetupPlan(answers(), fresh()));
    existing.jobQueues[0]!.tags = { 'batchctl:stack': 'other' };
    existing.computeEnvironments[0]!.tags = undefined;
    const plan = buildSetupPlan(answers(), existing);
    expect(plan.conflicts.map((c) => `${c.kind}:${c.reason}`)).toEqual(['compute-environment:not-owned', 'job-queue:not-owned']);
    expect(plan.conflicts[1]!.message).toBe('demo-queue belongs to stack other');
  });

  it('waits for an existing CE that is still CREATING, and reports an INVALID one', () => {
    const existing = afterApply(buildSetupPlan(answers(), fresh()));
    existing.computeEnvironments[0]!.status = 'CREATING';
    expect(ops(buildSetupPlan(answers(), existing))).toEqual(['WaitForComputeEnvironments']);
    existing.computeEnvironments[0]!.status = 'INVALID';
    existing.computeEnvironments[0]!.statusReason = 'CLIENT_ERROR - Not authorized to perform sts:AssumeRole';
    const plan = buildSetupPlan(answers(), existing);
    expect(plan.conflicts[0]).toMatchObject({ reason: 'state', message: expect.stringContaining('sts:AssumeRole') });
  });

  it('registers a new job definition revision when the image changed', () => {
    const existing = afterApply(buildSetupPlan(answers(), fresh()));
    const next = { ...answers(), image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2' };
    const plan = buildSetupPlan(next, existing);
    expect(ops(plan)).toEqual(['RegisterJobDefinition']);
    expect(plan.steps[0]!.reason).toContain('revision 1 differs (image: existing public.ecr.aws/amazonlinux/amazonlinux:latest');
  });

  it('honours --no-job and --no-create-roles', () => {
    const plan = buildSetupPlan({ ...answers(), noJob: true, createRoles: false }, fresh());
    expect(ops(plan)).not.toContain('SubmitJob');
    expect(ops(plan)).not.toContain('CreateRole');
    expect(plan.conflicts).toMatchObject([{ kind: 'role', name: 'ecsTaskExecutionRole', reason: 'prerequisite' }, { kind: 'role', reason: 'prerequisite' }]);
  });

  it('uses the real role ARN (with its path) when the role exists', () => {
    const iam = completeFacts();
    iam.roles.ecsTaskExecutionRole = getRole('ecsTaskExecutionRole', trustDoc('ecs-tasks.amazonaws.com'), '/service-role/');
    const plan = buildSetupPlan(answers(), { ...fresh(), iam });
    const jd = plan.steps.find((s) => s.operation === 'RegisterJobDefinition')!.input as unknown as B.RegisterJobDefinitionRequest;
    expect(jd.containerProperties?.executionRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/service-role/ecsTaskExecutionRole`);
  });
});

describe('buildSetupPlan: EC2', () => {
  it('creates ecsInstanceRole with its profile and uses the profile ARN', () => {
    const a: Ec2Answers = defaultAnswers('ec2', 'ec2demo', NET);
    const plan = buildSetupPlan(a, fresh());
    expect(ops(plan)).toEqual([
      'CreateServiceLinkedRole', 'CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'AttachRolePolicy',
      'CreateComputeEnvironment', 'WaitForComputeEnvironments', 'CreateJobQueue', 'WaitForJobQueues', 'RegisterJobDefinition', 'SubmitJob',
    ]);
    const ce = plan.steps[5]!.input as unknown as B.CreateComputeEnvironmentRequest;
    expect(ce.computeResources).toMatchObject({
      type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', instanceTypes: ['optimal'], minvCpus: 0, maxvCpus: 256,
      instanceRole: `arn:aws:iam::${ACCOUNT}:instance-profile/ecsInstanceRole`,
    });
    const again = buildSetupPlan(a, afterApply(plan));
    expect(again.steps).toEqual([]);
    expect(again.conflicts).toEqual([]);
  });
});

describe('buildSetupPlan: EKS', () => {
  it('plans the eksConfiguration CE and an eksProperties job definition', () => {
    const a: EksAnswers = {
      ...defaultAnswers('eks', 'eksdemo', { subnets: ['subnet-0a', 'subnet-0b'], securityGroupIds: ['sg-0cluster'] }),
      clusterName: 'my-cluster', instanceRole: 'eks-node-profile',
    };
    const plan = buildSetupPlan(a, { ...fresh(), iam: completeFacts() });
    expect(ops(plan)).toEqual(['CreateComputeEnvironment', 'WaitForComputeEnvironments', 'CreateJobQueue', 'WaitForJobQueues', 'RegisterJobDefinition', 'SubmitJob']);
    const ce = plan.steps[0]!.input as unknown as B.CreateComputeEnvironmentRequest;
    expect(ce.eksConfiguration).toEqual({ eksClusterArn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/my-cluster`, kubernetesNamespace: 'aws-batch-eksdemo' });
    expect(ce.computeResources).toMatchObject({ type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', instanceTypes: ['m5'], minvCpus: 0, maxvCpus: 128 });
    expect(ce.computeResources!.instanceRole).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/eks-node-profile`);
    expect((plan.steps[2]!.input as unknown as B.CreateJobQueueRequest).priority).toBe(10);
    const jd = plan.steps[4]!.input as unknown as B.RegisterJobDefinitionRequest;
    expect(jd.eksProperties?.podProperties).toEqual({
      hostNetwork: true,
      containers: [{ image: 'public.ecr.aws/amazonlinux/amazonlinux:latest', command: ['echo', 'hello world'], resources: { limits: { cpu: '1', memory: '1024Mi' } } }],
    });
  });

  it('reports a missing node instance profile as a prerequisite', () => {
    const a: EksAnswers = { ...defaultAnswers('eks', 'eksdemo', NET), clusterName: 'c', instanceRole: 'nope' };
    const iam = emptyIamFacts();
    iam.roles.AWSServiceRoleForBatch = completeFacts().roles.AWSServiceRoleForBatch!;
    iam.instanceProfiles.nope = 'missing';
    const plan = buildSetupPlan(a, { ...fresh(), iam });
    expect(plan.conflicts).toMatchObject([{ kind: 'instance-profile', name: 'nope', reason: 'prerequisite' }]);
  });
});

describe('wait steps in setup plans', () => {
  it('wait for VALID and fail on INVALID', () => {
    const plan = buildSetupPlan(withStack(defaultAnswers('fargate', 'x', NET), 'w'), fresh());
    const waits = plan.steps.filter(isWaitStep);
    expect(waits.map((w) => w.input)).toEqual([
      { names: ['w-ce'], until: { status: 'VALID' }, failOn: { status: 'INVALID' }, timeoutSeconds: 900 },
      { names: ['w-queue'], until: { status: 'VALID' }, failOn: { status: 'INVALID' }, timeoutSeconds: 600 },
    ]);
  });
});
