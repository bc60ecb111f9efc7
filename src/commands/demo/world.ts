/**
 * The demo's world: what it builds (names, sizes, image, tags), what it finds already there, and the
 * Plan that turns one into the other. Pure apart from `discover`, which only reads through the port.
 * Later issues add jobs to submit: they become more fields of DemoSpec and a stage after the plan.
 */
import type { ComputeEnvironmentDetail, JobDefinition, JobQueueDetail } from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import type { Plan, PlanStep } from '../../domain/plan.js';
import { FailureError } from '../../errors.js';
import { describeComputeEnvironments, describeJobDefinitions, describeJobQueues } from '../shared/resolve.js';

export const DEMO_TAG_KEY = 'batchctl:stack';
export const DEMO_TAG_VALUE = 'demo';
const TAGS = { [DEMO_TAG_KEY]: DEMO_TAG_VALUE };

export const EXECUTION_ROLE = 'ecsTaskExecutionRole';
export const EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

/** Who may assume the execution role: the ECS agent that starts Fargate tasks. */
export const ECS_TASKS_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** What the demo builds. */
export const DEMO = {
  computeEnvironment: 'demo-fargate',
  maxvCpus: 16,
  jobQueue: 'demo-queue',
  priority: 900,
  jobDefinition: 'demo-hello',
  image: 'public.ecr.aws/amazonlinux/amazonlinux:latest',
  command: ['echo', 'hello', 'world'],
  vcpu: '0.25',
  memoryMiB: '512',
} as const;

/** What exists already (a re-run skips it) and what the new resources need from the account. */
export interface DemoWorld {
  accountId: string;
  subnets: string[];
  securityGroups: string[];
  computeEnvironment?: ComputeEnvironmentDetail;
  jobQueue?: JobQueueDetail;
  jobDefinition?: JobDefinition;
  /** The execution role's ARN when it exists. */
  roleArn?: string;
  rolePolicyAttached: boolean;
}

/** Statuses in which a resource no longer counts as there. */
const GONE = new Set(['DELETING', 'DELETED']);

function isMissing(code: unknown): boolean {
  const name = (code as { name?: string })?.name;
  return name === 'NoSuchEntity' || name === 'NoSuchEntityException';
}

/** Reads what the plan depends on: the default VPC's subnets and security group, and the demo's own resources. */
export async function discover(backend: Backend, accountId: string): Promise<DemoWorld> {
  const vpcs = await backend.ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] });
  const vpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (!vpcId) {
    throw new FailureError(`the ${backend.label} account has no default VPC, which the demo's Fargate compute environment uses`, 'in the simulator, `batchctl sim reset` restores the default network');
  }
  const byVpc = { Name: 'vpc-id', Values: [vpcId] };
  const [subnets, groups, ces, queues, defs, role] = await Promise.all([
    backend.ec2.describeSubnets({ Filters: [byVpc, { Name: 'default-for-az', Values: ['true'] }] }),
    backend.ec2.describeSecurityGroups({ Filters: [byVpc, { Name: 'group-name', Values: ['default'] }] }),
    describeComputeEnvironments(backend, [DEMO.computeEnvironment]),
    describeJobQueues(backend, [DEMO.jobQueue]),
    describeJobDefinitions(backend, { jobDefinitionName: DEMO.jobDefinition, status: 'ACTIVE' }),
    backend.iam.getRole({ RoleName: EXECUTION_ROLE }).catch((err: unknown) => {
      if (isMissing(err)) return undefined;
      throw err;
    }),
  ]);
  const subnetIds = (subnets.Subnets ?? []).map((s) => s.SubnetId!).filter(Boolean).sort();
  const sgIds = (groups.SecurityGroups ?? []).map((g) => g.GroupId!).filter(Boolean);
  if (subnetIds.length === 0 || sgIds.length === 0) {
    throw new FailureError(`the default VPC ${vpcId} has no ${subnetIds.length === 0 ? 'default subnets' : 'default security group'} [${backend.label}]`, 'in the simulator, `batchctl sim reset` restores the default network');
  }
  let rolePolicyAttached = false;
  if (role?.Role) {
    const attached = await backend.iam.listAttachedRolePolicies({ RoleName: EXECUTION_ROLE });
    rolePolicyAttached = (attached.AttachedPolicies ?? []).some((p) => p.PolicyArn === EXECUTION_POLICY_ARN);
  }
  return {
    accountId,
    subnets: subnetIds,
    securityGroups: sgIds,
    computeEnvironment: ces.find((c) => c.computeEnvironmentName === DEMO.computeEnvironment && !GONE.has(c.status ?? '')),
    jobQueue: queues.find((q) => q.jobQueueName === DEMO.jobQueue && !GONE.has(q.status ?? '')),
    jobDefinition: defs.find((d) => d.jobDefinitionName === DEMO.jobDefinition),
    roleArn: role?.Role?.Arn,
    rolePolicyAttached,
  };
}

/** The steps the world still needs, in dependency order. */
export function demoPlan(world: DemoWorld): Plan {
  const steps: PlanStep[] = [];
  const roleArn = world.roleArn ?? `arn:aws:iam::${world.accountId}:role/${EXECUTION_ROLE}`;
  if (!world.roleArn) {
    steps.push({
      service: 'iam',
      operation: 'CreateRole',
      title: `create IAM role ${EXECUTION_ROLE}`,
      reason: 'Fargate jobs need an execution role to pull the image and write logs; this account has none',
      input: {
        RoleName: EXECUTION_ROLE,
        AssumeRolePolicyDocument: JSON.stringify(ECS_TASKS_TRUST),
        Description: 'Lets ECS pull images and write CloudWatch logs for AWS Batch Fargate jobs (batchctl demo)',
        Tags: [{ Key: DEMO_TAG_KEY, Value: DEMO_TAG_VALUE }],
      },
    });
  }
  if (!world.rolePolicyAttached) {
    steps.push({
      service: 'iam',
      operation: 'AttachRolePolicy',
      title: `attach AmazonECSTaskExecutionRolePolicy to ${EXECUTION_ROLE}`,
      reason: 'the managed policy grants image pulls from ECR and writes to CloudWatch Logs',
      input: { RoleName: EXECUTION_ROLE, PolicyArn: EXECUTION_POLICY_ARN },
    });
  }
  if (!world.computeEnvironment) {
    steps.push({
      service: 'batch',
      operation: 'CreateComputeEnvironment',
      title: `create compute environment ${DEMO.computeEnvironment}`,
      reason: `managed Fargate capacity up to ${DEMO.maxvCpus} vCPUs in the default VPC (${world.subnets.length} subnets, its default security group)`,
      input: {
        computeEnvironmentName: DEMO.computeEnvironment,
        type: 'MANAGED',
        state: 'ENABLED',
        computeResources: { type: 'FARGATE', maxvCpus: DEMO.maxvCpus, subnets: world.subnets, securityGroupIds: world.securityGroups },
        tags: TAGS,
      },
    });
  }
  if (!world.jobQueue) {
    steps.push({
      service: 'batch',
      operation: 'CreateJobQueue',
      title: `create job queue ${DEMO.jobQueue}`,
      reason: `where jobs wait for ${DEMO.computeEnvironment} (priority ${DEMO.priority})`,
      input: {
        jobQueueName: DEMO.jobQueue,
        state: 'ENABLED',
        priority: DEMO.priority,
        computeEnvironmentOrder: [{ order: 1, computeEnvironment: DEMO.computeEnvironment }],
        tags: TAGS,
      },
    });
  }
  if (!world.jobDefinition) {
    steps.push({
      service: 'batch',
      operation: 'RegisterJobDefinition',
      title: `register job definition ${DEMO.jobDefinition}`,
      reason: `a Fargate job (${DEMO.vcpu} vCPU, ${DEMO.memoryMiB} MiB) that runs \`${DEMO.command.join(' ')}\``,
      input: {
        jobDefinitionName: DEMO.jobDefinition,
        type: 'container',
        platformCapabilities: ['FARGATE'],
        containerProperties: {
          image: DEMO.image,
          command: [...DEMO.command],
          resourceRequirements: [
            { type: 'VCPU', value: DEMO.vcpu },
            { type: 'MEMORY', value: DEMO.memoryMiB },
          ],
          executionRoleArn: roleArn,
          networkConfiguration: { assignPublicIp: 'ENABLED' },
          fargatePlatformConfiguration: { platformVersion: 'LATEST' },
        },
        tags: TAGS,
      },
    });
  }
  return { title: 'Build the demo world', steps };
}
