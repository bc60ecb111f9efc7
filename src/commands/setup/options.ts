/**
 * The flags of `setup fargate|ec2|eks` and how they become SetupAnswers: the console's defaults
 * (wizards/defaults.ts), overridden by each flag given. Without a terminal every answer comes from
 * here; a missing or bad one is an error naming the flag.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { Platform } from '../../domain/checks/iam-roles.js';
import { UsageError } from '../../errors.js';
import { defaultAnswers, defaultStackName, derivedNamespace, type SetupAnswers } from '../../wizards/defaults.js';
import type { Issue } from '../../wizards/validate.js';
import { splitShellWords } from '../jobdef/shell-words.js';
import { listOf, parseDuration } from '../shared/flags.js';
import { emitOption } from '../shared/plan-runner.js';
import { choiceOption, repeatable, wholeNumber } from '../shared/resource-options.js';

export interface SetupFlags {
  name?: string;
  ceName?: string;
  queueName?: string;
  jobDefinitionName?: string;
  jobName?: string;
  priority?: number;
  maxVcpus?: number;
  minVcpus?: number;
  desiredVcpus?: number;
  subnets?: string[];
  securityGroups?: string[];
  vpc?: string;
  image?: string;
  command?: string[];
  vcpus?: number;
  memory?: number;
  spot?: boolean;
  /** false with --no-job. */
  job?: boolean;
  /** false with --no-create-roles. */
  createRoles?: boolean;
  executionRole?: string;
  /** false with --no-assign-public-ip. */
  assignPublicIp?: boolean;
  instanceRole?: string;
  instanceTypes?: string[];
  allocationStrategy?: string;
  bidPercentage?: number;
  keyPair?: string;
  serviceRole?: string;
  eksCluster?: string;
  namespace?: string;
  private?: boolean;
  manifestsDir?: string;
  emit?: string;
  /** Milliseconds, from --timeout. */
  timeout?: number;
  ignoreChecks?: boolean;
}

/** Every answer's problems as one UsageError (exit 2), each naming its flag. */
export function answersError(issues: readonly Issue[]): UsageError {
  const lines = issues.map((i) => `  - ${i.field}: ${i.message}`);
  const head = issues.length === 1 ? 'invalid setup answer:' : `invalid setup answers (${issues.length} problems):`;
  return new UsageError(`${head}\n${lines.join('\n')}`, 'nothing was changed; fix the flags named above and run the same command again');
}

const ALLOCATION: Record<Platform, readonly string[]> = {
  fargate: [],
  ec2: ['BEST_FIT', 'BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'],
  eks: ['BEST_FIT_PROGRESSIVE', 'SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'],
};

function positiveNumber(raw: string): number {
  const n = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(n > 0)) throw new InvalidArgumentError('must be a positive number (e.g. 0.25, 1, 2)');
  return n;
}

function shellCommand(raw: string): string[] {
  try {
    const words = splitShellWords(raw);
    if (words.length === 0) throw new Error('is empty');
    return words;
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function duration(raw: string): number {
  return parseDuration(raw);
}

/** The options every platform shares, then the platform's own. */
export function addSetupOptions(cmd: Command, platform: Platform): Command {
  const d = defaultAnswers(platform, defaultStackName(platform));
  cmd
    .argument('[name]', `stack name: the prefix of every resource name and the batchctl:stack tag (default ${defaultStackName(platform)})`)
    .option('--name <stack>', 'the stack name (same as the NAME argument)')
    .option('--max-vcpus <n>', `maximum vCPUs of the compute environment (default ${d.maxvCpus})`, wholeNumber(1))
    .option('--subnets <ids>', 'subnet ids, comma-separated or repeated (default: the VPC\'s subnets)', repeatable)
    .option('--security-groups <ids>', 'security group ids, comma-separated or repeated (default: the VPC\'s default group)', repeatable)
    .option('--vpc <id>', 'take subnets and the default security group from this VPC (default: the default VPC)')
    .option('--spot', platform === 'fargate' ? 'FARGATE_SPOT capacity' : 'Spot instances')
    .option('--ce-name <name>', 'compute environment name (default NAME-ce)')
    .option('--queue-name <name>', 'job queue name (default NAME-queue)')
    .option('--priority <n>', `job queue priority (default ${d.priority})`, wholeNumber(0, 1000))
    .option('--job-definition-name <name>', 'job definition name (default NAME-job-def)')
    .option('--image <image>', `container image (default ${d.image})`)
    .option('--command <command>', `the job's command, split like a shell (default "${d.command.join(' ')}")`, shellCommand)
    .option('--vcpus <n>', `vCPUs for the job (default ${d.vcpus})`, positiveNumber)
    .option('--memory <MiB>', `memory for the job in MiB (default ${d.memory})`, wholeNumber(1))
    .option('--job-name <name>', 'name of the hello-world job (default NAME-hello-world)')
    .option('--no-job', 'do not submit the hello-world job')
    .option('--no-create-roles', 'do not create missing IAM roles (a missing role is then an error)')
    .option('--service-role <arn>', 'a custom service role for the compute environment, as a full ARN (default: the service-linked role)');
  if (platform === 'fargate') {
    cmd
      .option('--execution-role <name>', `task execution role (default ${d.platform === 'fargate' ? d.executionRole : ''}; created when missing)`)
      .option('--assign-public-ip', 'tasks get a public IP, to pull public images from a public subnet (the default)')
      .option('--no-assign-public-ip', 'tasks get no public IP (private subnets with a NAT gateway or VPC endpoints)');
  } else {
    cmd
      .option('--instance-role <profile>', platform === 'ec2' ? 'instance profile for the instances (default ecsInstanceRole; created when missing)' : 'the node instance profile eksctl created for the node group (required)')
      .option('--instance-types <types>', `instance types or families, comma-separated or repeated (default ${platform === 'ec2' ? 'optimal' : 'm5'})`, repeatable)
      .addOption(choiceOption('--allocation-strategy <strategy>', 'how instances are chosen (default BEST_FIT_PROGRESSIVE; SPOT_PRICE_CAPACITY_OPTIMIZED with --spot)', ALLOCATION[platform]))
      .option('--min-vcpus <n>', 'vCPUs kept running with no jobs (default 0)', wholeNumber(0));
  }
  if (platform === 'ec2') {
    cmd
      .option('--desired-vcpus <n>', 'initial desired vCPUs (default 0)', wholeNumber(0))
      .option('--bid-percentage <pct>', 'Spot: maximum price as % of On-Demand', wholeNumber(0, 100))
      .option('--key-pair <name>', 'EC2 key pair for SSH to the instances');
  }
  if (platform === 'eks') {
    cmd
      .option('--eks-cluster <name|arn>', 'the EKS cluster (required; batchctl does not create clusters)')
      .option('--namespace <ns>', 'Kubernetes namespace for the Batch pods (default aws-batch-NAME)')
      .option('--private', 'a private cluster: the node role needs ECR pull access and the image must be in ECR')
      .option('--manifests-dir <dir>', 'where to write the Kubernetes manifests (default ./batchctl-NAME-eks)');
  }
  return cmd
    .addOption(emitOption())
    .option('--timeout <duration>', 'how long to wait for each resource and for the job (default 15m for a compute environment, 10m for a queue, 15m for the job)', duration)
    .option('--ignore-checks', 'create the stack even when a network preflight check FAILs');
}

/** The answers: the console's defaults for the platform, then every flag given. */
export function answersFrom(platform: Platform, positional: string | undefined, flags: SetupFlags): SetupAnswers {
  if (positional && flags.name && positional !== flags.name) {
    throw new UsageError(`two stack names: "${positional}" and --name "${flags.name}"`, 'give the name once');
  }
  const stack = positional ?? flags.name ?? defaultStackName(platform);
  const a = defaultAnswers(platform, stack) as SetupAnswers;
  const set = <K extends keyof SetupAnswers>(key: K, value: SetupAnswers[K] | undefined) => {
    if (value !== undefined) a[key] = value;
  };
  set('computeEnvironmentName', flags.ceName);
  set('jobQueueName', flags.queueName);
  set('jobDefinitionName', flags.jobDefinitionName);
  set('jobName', flags.jobName);
  set('priority', flags.priority);
  set('maxvCpus', flags.maxVcpus);
  set('image', flags.image);
  set('command', flags.command);
  set('vcpus', flags.vcpus);
  set('memory', flags.memory);
  a.subnets = listOf(flags.subnets) ?? [];
  a.securityGroupIds = listOf(flags.securityGroups) ?? [];
  if (flags.job === false) a.noJob = true;
  if (flags.createRoles === false) a.createRoles = false;
  if (a.platform === 'fargate') {
    a.spot = flags.spot === true;
    if (flags.executionRole) a.executionRole = flags.executionRole;
    if (flags.assignPublicIp === false) a.assignPublicIp = 'DISABLED';
  } else {
    a.spot = flags.spot === true;
    if (flags.instanceRole !== undefined) a.instanceRole = flags.instanceRole;
    const types = listOf(flags.instanceTypes);
    if (types) a.instanceTypes = types;
    if (flags.minVcpus !== undefined) a.minvCpus = flags.minVcpus;
    if (flags.allocationStrategy) a.allocationStrategy = flags.allocationStrategy as never;
    else if (a.spot) a.allocationStrategy = 'SPOT_PRICE_CAPACITY_OPTIMIZED';
  }
  if (a.platform === 'ec2') {
    if (flags.desiredVcpus !== undefined) a.desiredvCpus = flags.desiredVcpus;
    if (flags.bidPercentage !== undefined) a.bidPercentage = flags.bidPercentage;
    if (flags.keyPair) a.ec2KeyPair = flags.keyPair;
  }
  if (a.platform === 'eks') {
    const cluster = flags.eksCluster ?? '';
    if (cluster.startsWith('arn:')) {
      a.eksClusterArn = cluster;
      a.clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
    } else a.clusterName = cluster;
    a.kubernetesNamespace = flags.namespace ?? derivedNamespace(stack);
    a.private = flags.private === true;
  }
  return a;
}
