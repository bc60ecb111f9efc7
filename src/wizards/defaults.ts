/**
 * The console first-run wizard as data (spec/01 §3–6): every answer the setup flows need, per
 * platform, with the console's default, the flag that sets it, and the question a prompt asks.
 * Resource names are derived from one stack NAME; every resource is tagged `batchctl:stack=NAME`.
 */
import type * as E from '@aws-sdk/client-ec2';
import type * as K from '@aws-sdk/client-eks';
import { DEFAULT_EXECUTION_ROLE, DEFAULT_INSTANCE_ROLE, type Platform } from '../domain/checks/iam-roles.js';
import { compareStrings } from '../domain/compare.js';

export type { Platform } from '../domain/checks/iam-roles.js';

/** The tag that marks what a setup created, and that teardown looks for. */
export const STACK_TAG = 'batchctl:stack';

/** The hello-world job of the wizards (spec/01 §3–5): a public image that echoes a line. */
export const DEFAULT_IMAGE = 'public.ecr.aws/amazonlinux/amazonlinux:latest';
export const DEFAULT_COMMAND: readonly string[] = ['echo', 'hello world'];

export interface CommonAnswers {
  /** The stack NAME every resource name derives from, and the value of the batchctl:stack tag. */
  stack: string;
  computeEnvironmentName: string;
  jobQueueName: string;
  jobDefinitionName: string;
  jobName: string;
  /** Job queue priority (higher runs first among queues sharing a CE). */
  priority: number;
  maxvCpus: number;
  subnets: string[];
  securityGroupIds: string[];
  image: string;
  command: string[];
  /** Job resources: vCPUs (Fargate allows 0.25/0.5) and memory in MiB. */
  vcpus: number;
  memory: number;
  /** Skip the hello-world SubmitJob. */
  noJob: boolean;
  /** Create missing IAM roles (false: a missing role is an error). */
  createRoles: boolean;
}

export interface FargateAnswers extends CommonAnswers {
  platform: 'fargate';
  /** FARGATE_SPOT instead of FARGATE. */
  spot: boolean;
  executionRole: string;
  assignPublicIp: 'ENABLED' | 'DISABLED';
}

export interface Ec2Answers extends CommonAnswers {
  platform: 'ec2';
  /** SPOT instead of EC2 (On-Demand). */
  spot: boolean;
  /** The instance profile (name or ARN), not the role. */
  instanceRole: string;
  instanceTypes: string[];
  allocationStrategy: 'BEST_FIT' | 'BEST_FIT_PROGRESSIVE' | 'SPOT_CAPACITY_OPTIMIZED' | 'SPOT_PRICE_CAPACITY_OPTIMIZED';
  minvCpus: number;
  desiredvCpus: number;
  /** Spot only: max % of the On-Demand price (blank = 100). */
  bidPercentage?: number;
  /** Optional SSH key pair for the instances. */
  ec2KeyPair?: string;
}

export interface EksAnswers extends CommonAnswers {
  platform: 'eks';
  clusterName: string;
  /** Filled from eks:DescribeCluster; derived from the name when absent. */
  eksClusterArn?: string;
  kubernetesNamespace: string;
  /** The node instance profile (name or ARN); eksctl created it with the node group. */
  instanceRole: string;
  instanceTypes: string[];
  allocationStrategy: 'BEST_FIT_PROGRESSIVE' | 'SPOT_CAPACITY_OPTIMIZED' | 'SPOT_PRICE_CAPACITY_OPTIMIZED';
  minvCpus: number;
  spot: boolean;
  /** A private cluster (spec/01 §7): the node role needs ECR pull access, images must be in ECR. */
  private: boolean;
}

export type SetupAnswers = FargateAnswers | Ec2Answers | EksAnswers;

/** Names derived from a stack NAME (spec/01 §5 uses my-fargate-compute-env, my-fargate-job-queue...). */
export function derivedNames(stack: string) {
  return {
    computeEnvironmentName: `${stack}-ce`,
    jobQueueName: `${stack}-queue`,
    jobDefinitionName: `${stack}-job-def`,
    jobName: `${stack}-hello-world`,
  };
}

/** A Kubernetes namespace (DNS-1123 label, ≤63) derived from the stack name. */
export function derivedNamespace(stack: string): string {
  const slug = stack.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `aws-batch-${slug}`.slice(0, 63).replace(/-+$/, '');
}

export function defaultStackName(platform: Platform): string {
  return `batchctl-${platform}`;
}

export interface NetworkDefaults {
  subnets: string[];
  securityGroupIds: string[];
}

/**
 * Console defaults per platform. Network defaults (the default VPC's subnets and default security
 * group, or the EKS cluster's) come from `defaultVpcNetwork` / `eksClusterNetwork`.
 */
export function defaultAnswers(platform: 'fargate', stack?: string, network?: NetworkDefaults): FargateAnswers;
export function defaultAnswers(platform: 'ec2', stack?: string, network?: NetworkDefaults): Ec2Answers;
export function defaultAnswers(platform: 'eks', stack?: string, network?: NetworkDefaults): EksAnswers;
export function defaultAnswers(platform: Platform, stack?: string, network?: NetworkDefaults): SetupAnswers;
export function defaultAnswers(platform: Platform, stack = defaultStackName(platform), network?: NetworkDefaults): SetupAnswers {
  const common = {
    stack,
    ...derivedNames(stack),
    subnets: network?.subnets ?? [],
    securityGroupIds: network?.securityGroupIds ?? [],
    image: DEFAULT_IMAGE,
    command: [...DEFAULT_COMMAND],
    noJob: false,
    createRoles: true,
  };
  switch (platform) {
    case 'fargate':
      // spec/01 §4–5: priority 900, public IP on, 0.25 vCPU / 512 MiB (the Fargate minimum), maxvCpus 128.
      return {
        ...common, platform, priority: 900, maxvCpus: 128, vcpus: 0.25, memory: 512,
        spot: false, executionRole: DEFAULT_EXECUTION_ROLE, assignPublicIp: 'ENABLED',
      };
    case 'ec2':
      // spec/01 §3: ecsInstanceRole, default VPC; instance settings left at the console defaults
      // (optimal, BEST_FIT_PROGRESSIVE for On-Demand, 0/0/256 vCPUs). Priority is not stated: 1.
      return {
        ...common, platform, priority: 1, maxvCpus: 256, minvCpus: 0, desiredvCpus: 0, vcpus: 1, memory: 2048,
        spot: false, instanceRole: DEFAULT_INSTANCE_ROLE, instanceTypes: ['optimal'], allocationStrategy: 'BEST_FIT_PROGRESSIVE',
      };
    case 'eks':
      // spec/01 §6: priority 10, BEST_FIT_PROGRESSIVE, m5, 0–128 vCPUs, limits cpu 1 / memory 1024Mi.
      return {
        ...common, platform, priority: 10, maxvCpus: 128, minvCpus: 0, vcpus: 1, memory: 1024,
        clusterName: '', kubernetesNamespace: derivedNamespace(stack), instanceRole: '',
        instanceTypes: ['m5'], allocationStrategy: 'BEST_FIT_PROGRESSIVE', spot: false, private: false,
      };
  }
}

/** Re-derives the names (and the EKS namespace) after the stack name changed, keeping other answers. */
export function withStack<A extends SetupAnswers>(answers: A, stack: string): A {
  const next = { ...answers, stack, ...derivedNames(stack) };
  if (next.platform === 'eks') (next as EksAnswers).kubernetesNamespace = derivedNamespace(stack);
  return next;
}

/**
 * The default VPC's network (spec/01 §3 step 1.7): all its available subnets and its `default`
 * security group. From DescribeVpcs (isDefault=true), DescribeSubnets and DescribeSecurityGroups
 * filtered by that VPC. Undefined when the region has no default VPC.
 */
export function defaultVpcNetwork(
  vpcs: E.DescribeVpcsResult,
  subnets: E.DescribeSubnetsResult,
  groups: E.DescribeSecurityGroupsResult,
): (NetworkDefaults & { vpcId: string }) | undefined {
  const vpc = (vpcs.Vpcs ?? []).find((v) => v.IsDefault);
  if (!vpc?.VpcId) return undefined;
  const ids = (subnets.Subnets ?? [])
    .filter((s) => s.VpcId === vpc.VpcId && (s.State === undefined || s.State === 'available'))
    .sort((a, b) => compareStrings((a.AvailabilityZone ?? ''), b.AvailabilityZone ?? ''))
    .map((s) => s.SubnetId!)
    .filter(Boolean);
  const sg = (groups.SecurityGroups ?? []).find((g) => g.VpcId === vpc.VpcId && g.GroupName === 'default');
  return { vpcId: vpc.VpcId, subnets: ids, securityGroupIds: sg?.GroupId ? [sg.GroupId] : [] };
}

/** The EKS CE's network (spec/01 §6 step 3): the cluster's subnets and its cluster security group. */
export function eksClusterNetwork(cluster: K.Cluster): NetworkDefaults & { eksClusterArn?: string } {
  const vpc = cluster.resourcesVpcConfig;
  return {
    subnets: [...(vpc?.subnetIds ?? [])],
    securityGroupIds: vpc?.clusterSecurityGroupId ? [vpc.clusterSecurityGroupId] : [...(vpc?.securityGroupIds ?? [])],
    eksClusterArn: cluster.arn,
  };
}

export interface AnswerField {
  field: string;
  flag: string;
  platforms: readonly Platform[];
  prompt: string;
}

const ALL: readonly Platform[] = ['fargate', 'ec2', 'eks'];

/** Every answer: its flag (for "missing answer" errors without a TTY) and its prompt, in wizard order. */
export const ANSWER_FIELDS: readonly AnswerField[] = [
  { field: 'stack', flag: '--name', platforms: ALL, prompt: 'Stack name (prefix of every resource name)' },
  { field: 'clusterName', flag: '--eks-cluster', platforms: ['eks'], prompt: 'EKS cluster name' },
  { field: 'kubernetesNamespace', flag: '--namespace', platforms: ['eks'], prompt: 'Kubernetes namespace for Batch pods' },
  { field: 'computeEnvironmentName', flag: '--ce-name', platforms: ALL, prompt: 'Compute environment name' },
  { field: 'spot', flag: '--spot', platforms: ALL, prompt: 'Use Spot capacity?' },
  { field: 'maxvCpus', flag: '--max-vcpus', platforms: ALL, prompt: 'Maximum vCPUs' },
  { field: 'minvCpus', flag: '--min-vcpus', platforms: ['ec2', 'eks'], prompt: 'Minimum vCPUs' },
  { field: 'desiredvCpus', flag: '--desired-vcpus', platforms: ['ec2'], prompt: 'Desired vCPUs' },
  { field: 'instanceRole', flag: '--instance-role', platforms: ['ec2', 'eks'], prompt: 'Instance profile' },
  { field: 'instanceTypes', flag: '--instance-types', platforms: ['ec2', 'eks'], prompt: 'Allowed instance types' },
  { field: 'allocationStrategy', flag: '--allocation-strategy', platforms: ['ec2', 'eks'], prompt: 'Allocation strategy' },
  { field: 'bidPercentage', flag: '--bid-percentage', platforms: ['ec2'], prompt: 'Spot max price (% of On-Demand)' },
  { field: 'ec2KeyPair', flag: '--key-pair', platforms: ['ec2'], prompt: 'EC2 key pair (optional)' },
  { field: 'subnets', flag: '--subnets', platforms: ALL, prompt: 'Subnets' },
  { field: 'securityGroupIds', flag: '--security-groups', platforms: ALL, prompt: 'Security groups' },
  { field: 'private', flag: '--private', platforms: ['eks'], prompt: 'Private cluster (no internet)?' },
  { field: 'jobQueueName', flag: '--queue-name', platforms: ALL, prompt: 'Job queue name' },
  { field: 'priority', flag: '--priority', platforms: ALL, prompt: 'Job queue priority' },
  { field: 'jobDefinitionName', flag: '--job-definition-name', platforms: ALL, prompt: 'Job definition name' },
  { field: 'executionRole', flag: '--execution-role', platforms: ['fargate'], prompt: 'Execution role' },
  { field: 'assignPublicIp', flag: '--assign-public-ip', platforms: ['fargate'], prompt: 'Assign a public IP?' },
  { field: 'image', flag: '--image', platforms: ALL, prompt: 'Container image' },
  { field: 'command', flag: '--command', platforms: ALL, prompt: 'Command' },
  { field: 'vcpus', flag: '--vcpus', platforms: ALL, prompt: 'Job vCPUs' },
  { field: 'memory', flag: '--memory', platforms: ALL, prompt: 'Job memory (MiB)' },
  { field: 'jobName', flag: '--job-name', platforms: ALL, prompt: 'Job name' },
  { field: 'noJob', flag: '--no-job', platforms: ALL, prompt: 'Submit the hello-world job?' },
  { field: 'createRoles', flag: '--no-create-roles', platforms: ALL, prompt: 'Create missing IAM roles?' },
];

/** The flag that sets an answer field (for Issue.field). */
export function flagFor(field: string): string {
  return ANSWER_FIELDS.find((f) => f.field === field)?.flag ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The Fargate VCPU -> MEMORY (MiB) pairs (spec/02 §6). */
export function fargateMemoryOptions(vcpus: number): number[] {
  const range = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  switch (vcpus) {
    case 0.25: return [512, 1024, 2048];
    case 0.5: return range(1024, 4096, 1024);
    case 1: return range(2048, 8192, 1024);
    case 2: return range(4096, 16384, 1024);
    case 4: return range(8192, 30720, 1024);
    case 8: return range(16384, 61440, 4096);
    case 16: return range(32768, 122880, 8192);
    default: return [];
  }
}
export const FARGATE_VCPUS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16];
