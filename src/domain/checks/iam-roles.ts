/**
 * The IAM identities each platform needs (spec/01 §10, spec/06 §1.2) as data: role names, the service
 * they must trust, the managed policies they must carry, and the instance profile that must hold
 * them. `iam check`, `iam create-roles`, the setup wizards and `doctor` all read this one table.
 */

export type Platform = 'fargate' | 'ec2' | 'eks';
export const PLATFORMS: readonly Platform[] = ['fargate', 'ec2', 'eks'];

export const SLR_NAME = 'AWSServiceRoleForBatch';
export const SLR_PATH = '/aws-service-role/batch.amazonaws.com/';
export const SLR_SERVICE = 'batch.amazonaws.com';

export const DEFAULT_EXECUTION_ROLE = 'ecsTaskExecutionRole';
export const DEFAULT_INSTANCE_ROLE = 'ecsInstanceRole';

/** AWS managed policies, by their path under `arn:<partition>:iam::aws:policy/`. */
export const MANAGED_POLICY = {
  ec2ContainerService: 'service-role/AmazonEC2ContainerServiceforEC2Role',
  ecsTaskExecution: 'service-role/AmazonECSTaskExecutionRolePolicy',
  eksWorkerNode: 'AmazonEKSWorkerNodePolicy',
  ecrPullOnly: 'AmazonEC2ContainerRegistryPullOnly',
  batchServiceRole: 'service-role/AWSBatchServiceRole',
} as const;

export function managedPolicyArn(path: string, partition = 'aws'): string {
  return `arn:${partition}:iam::aws:policy/${path}`;
}

/** `service-role/AmazonECSTaskExecutionRolePolicy` -> `AmazonECSTaskExecutionRolePolicy`. */
export function policyNameOf(pathOrArn: string): string {
  return pathOrArn.slice(pathOrArn.lastIndexOf('/') + 1);
}

/** The last path segment of an IAM ARN or a plain name (`arn:aws:iam::1:instance-profile/x/y` -> `y`). */
export function iamNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
}

export type RoleKey = 'slr' | 'serviceRole' | 'executionRole' | 'instanceRole' | 'eksNodeRole';

export interface PolicyRequirement {
  path: string;
  /** A missing required policy is a FAIL; a missing optional one a WARN. */
  required: boolean;
  why: string;
  /** Other managed policies (by path) that grant at least as much and so also satisfy it. */
  alternatives?: string[];
}

export interface RoleRequirement {
  key: RoleKey;
  /** For people: "task execution role", "ECS instance role". */
  label: string;
  /** The role's name, or, when `instanceProfile` is set, the name to use if the profile holds no role. */
  roleName: string;
  serviceLinked: boolean;
  /** The service principal that must be allowed to sts:AssumeRole it. */
  trustService: string;
  policies: PolicyRequirement[];
  /** The instance profile that must contain the role (EC2 and EKS node roles). */
  instanceProfile?: string;
  /** Check aws:SourceAccount / aws:SourceArn on the trust (spec/06 §1.5: roles batch assumes). */
  confusedDeputy: boolean;
  /** Whether `iam create-roles` / setup may create it when missing. */
  creatable: boolean;
}

export interface IamOptions {
  partition?: string;
  /** Fargate: the execution role name (default ecsTaskExecutionRole). */
  executionRole?: string;
  /** EC2: the instance profile name or ARN given as `instanceRole` (default ecsInstanceRole). */
  instanceRole?: string;
  /** EKS: the node instance profile name or ARN (no default: eksctl creates it with the cluster). */
  eksInstanceProfile?: string;
  /** EKS private cluster: the node role also needs AmazonEC2ContainerRegistryPullOnly. */
  eksPrivate?: boolean;
  /** A custom CE service role (name or ARN). Absent or "" = the service-linked role. */
  serviceRole?: string;
}

/** What a platform needs, in the order checks and plans list them. */
export function iamRequirements(platform: Platform, opts: IamOptions = {}): RoleRequirement[] {
  const reqs: RoleRequirement[] = [
    {
      key: 'slr',
      label: 'Batch service-linked role',
      roleName: SLR_NAME,
      serviceLinked: true,
      trustService: SLR_SERVICE,
      policies: [],
      confusedDeputy: false,
      creatable: true,
    },
  ];
  if (opts.serviceRole) {
    reqs.push({
      key: 'serviceRole',
      label: 'compute environment service role',
      roleName: iamNameOf(opts.serviceRole),
      serviceLinked: false,
      trustService: SLR_SERVICE,
      policies: [{ path: MANAGED_POLICY.batchServiceRole, required: true, why: 'Batch manages EC2, ECS and logs with it' }],
      confusedDeputy: true,
      creatable: false,
    });
  }
  if (platform === 'fargate') {
    reqs.push({
      key: 'executionRole',
      label: 'task execution role',
      roleName: iamNameOf(opts.executionRole ?? DEFAULT_EXECUTION_ROLE),
      serviceLinked: false,
      trustService: 'ecs-tasks.amazonaws.com',
      policies: [
        { path: MANAGED_POLICY.ecsTaskExecution, required: true, why: 'Fargate pulls the image and writes CloudWatch logs with it' },
      ],
      confusedDeputy: false,
      creatable: true,
    });
  }
  if (platform === 'ec2') {
    const profile = iamNameOf(opts.instanceRole ?? DEFAULT_INSTANCE_ROLE);
    reqs.push({
      key: 'instanceRole',
      label: 'ECS instance role',
      roleName: profile,
      serviceLinked: false,
      trustService: 'ec2.amazonaws.com',
      policies: [
        { path: MANAGED_POLICY.ec2ContainerService, required: true, why: 'instances register with ECS and pull images with it' },
      ],
      instanceProfile: profile,
      confusedDeputy: false,
      creatable: true,
    });
  }
  if (platform === 'eks' && opts.eksInstanceProfile) {
    const profile = iamNameOf(opts.eksInstanceProfile);
    const policies: PolicyRequirement[] = [
      { path: MANAGED_POLICY.eksWorkerNode, required: true, why: 'nodes join the EKS cluster with it' },
    ];
    policies.push({
      path: MANAGED_POLICY.ecrPullOnly,
      required: opts.eksPrivate === true,
      alternatives: ['AmazonEC2ContainerRegistryReadOnly'],
      why: opts.eksPrivate ? 'a private cluster pulls images from ECR only' : 'nodes pull images from ECR with it',
    });
    reqs.push({
      key: 'eksNodeRole',
      label: 'EKS node role',
      roleName: profile,
      serviceLinked: false,
      trustService: 'ec2.amazonaws.com',
      policies,
      instanceProfile: profile,
      confusedDeputy: false,
      creatable: false,
    });
  }
  return reqs;
}
