/**
 * `batchctl iam policy`: the least-privilege identity policy an operator needs to run batchctl's
 * commands against real AWS, grouped by command so a team can grant only what it uses (spec/06 §1.4).
 * Pure data: a policy document plus, per group, the commands it serves.
 */
import { DEFAULT_EXECUTION_ROLE, DEFAULT_INSTANCE_ROLE, MANAGED_POLICY, managedPolicyArn, SLR_NAME, SLR_PATH, SLR_SERVICE } from './iam-roles.js';
import type { PolicyDocument, PolicyStatement } from './policy-document.js';

export type OperatorCommand = 'read' | 'jobs' | 'logs' | 'setup' | 'iam-check' | 'iam-create-roles' | 'network' | 'teardown' | 'doctor';

export const OPERATOR_COMMANDS: readonly OperatorCommand[] = [
  'read', 'jobs', 'logs', 'setup', 'iam-check', 'iam-create-roles', 'network', 'teardown', 'doctor',
];

export interface OperatorPolicyGroup {
  command: OperatorCommand;
  /** The batchctl commands this group serves. */
  serves: string[];
  statements: PolicyStatement[];
}

export interface OperatorPolicy {
  document: PolicyDocument;
  groups: OperatorPolicyGroup[];
}

export interface OperatorPolicyOptions {
  /** Limits ARNs to one account; `*` (any account) when absent. */
  accountId?: string;
  partition?: string;
  /** Only these groups (default: all). */
  commands?: readonly OperatorCommand[];
  /** The roles batchctl passes to Batch (default ecsInstanceRole + ecsTaskExecutionRole). */
  passRoles?: string[];
}

const EC2_READS = [
  'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeRouteTables',
  'ec2:DescribeInternetGateways', 'ec2:DescribeNatGateways', 'ec2:DescribeVpcEndpoints',
];
const IAM_READS = ['iam:GetRole', 'iam:GetInstanceProfile', 'iam:ListAttachedRolePolicies'];

/**
 * The policy document. Resource scoping: Batch reads and ec2:Describe* take no resource-level
 * permissions (`*`); Batch writes are limited to this account's Batch ARNs; IAM writes and
 * iam:PassRole name the batch roles only, PassRole only towards batch.amazonaws.com.
 */
export function operatorPolicy(opts: OperatorPolicyOptions = {}): OperatorPolicy {
  const p = opts.partition ?? 'aws';
  const acct = opts.accountId ?? '*';
  const batchArn = (type: string) => `arn:${p}:batch:*:${acct}:${type}`;
  const roles = opts.passRoles ?? [DEFAULT_INSTANCE_ROLE, DEFAULT_EXECUTION_ROLE];
  const roleArns = roles.map((r) => `arn:${p}:iam::${acct}:role/${r}`);
  const profileArns = roles.map((r) => `arn:${p}:iam::${acct}:instance-profile/${r}`);
  const slrArn = `arn:${p}:iam::${acct}:role${SLR_PATH}${SLR_NAME}`;
  const passRole: PolicyStatement = {
    Sid: 'PassBatchRoles',
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: roleArns,
    Condition: { StringEquals: { 'iam:PassedToService': SLR_SERVICE } },
  };
  const batchWrites = (sid: string, actions: string[]): PolicyStatement => ({
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: [batchArn('compute-environment/*'), batchArn('job-queue/*'), batchArn('job-definition/*'), batchArn('job/*')],
  });
  const managed = [MANAGED_POLICY.ecsTaskExecution, MANAGED_POLICY.ec2ContainerService, MANAGED_POLICY.eksWorkerNode, MANAGED_POLICY.ecrPullOnly].map(
    (m) => managedPolicyArn(m, p),
  );

  const groups: OperatorPolicyGroup[] = [
    {
      command: 'read',
      serves: ['ce ls/describe', 'queue ls/describe', 'jobdef ls/describe', 'job ls/describe/wait', 'top'],
      statements: [{ Sid: 'BatchRead', Effect: 'Allow', Action: ['batch:Describe*', 'batch:List*', 'batch:Get*'], Resource: '*' }],
    },
    {
      command: 'jobs',
      serves: ['job submit', 'job cancel', 'job terminate'],
      // TagResource: SubmitJob with tags is authorised as both.
      statements: [batchWrites('BatchJobs', ['batch:SubmitJob', 'batch:CancelJob', 'batch:TerminateJob', 'batch:TagResource'])],
    },
    {
      command: 'logs',
      serves: ['logs', 'job logs', 'top (log pane)'],
      statements: [{
        Sid: 'LogsRead',
        Effect: 'Allow',
        Action: ['logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:DescribeLogStreams', 'logs:DescribeLogGroups'],
        Resource: '*',
      }],
    },
    {
      command: 'setup',
      serves: ['setup fargate', 'setup ec2', 'setup eks'],
      statements: [
        batchWrites('BatchSetup', [
          'batch:CreateComputeEnvironment', 'batch:CreateJobQueue', 'batch:RegisterJobDefinition', 'batch:SubmitJob', 'batch:TagResource',
        ]),
        { Sid: 'SetupReads', Effect: 'Allow', Action: [...EC2_READS, ...IAM_READS, 'eks:DescribeCluster', 'eks:ListClusters'], Resource: '*' },
        passRole,
      ],
    },
    {
      command: 'iam-check',
      serves: ['iam check'],
      statements: [{ Sid: 'IamRead', Effect: 'Allow', Action: IAM_READS, Resource: '*' }],
    },
    {
      command: 'iam-create-roles',
      serves: ['iam create-roles', 'setup (when roles are missing)'],
      statements: [
        {
          Sid: 'IamCreateBatchRoles',
          Effect: 'Allow',
          Action: ['iam:CreateRole', 'iam:TagRole', 'iam:CreateInstanceProfile', 'iam:TagInstanceProfile', 'iam:AddRoleToInstanceProfile'],
          Resource: [...roleArns, ...profileArns],
        },
        {
          Sid: 'IamAttachBatchPolicies',
          Effect: 'Allow',
          Action: 'iam:AttachRolePolicy',
          Resource: roleArns,
          Condition: { ArnEquals: { 'iam:PolicyARN': managed } },
        },
        {
          Sid: 'IamCreateBatchSlr',
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: slrArn,
          Condition: { StringLike: { 'iam:AWSServiceName': SLR_SERVICE } },
        },
      ],
    },
    {
      command: 'network',
      serves: ['network check'],
      statements: [{ Sid: 'NetworkRead', Effect: 'Allow', Action: EC2_READS, Resource: '*' }],
    },
    {
      command: 'teardown',
      serves: ['teardown', 'teardown --roles'],
      statements: [
        batchWrites('BatchTeardown', [
          'batch:UpdateJobQueue', 'batch:DeleteJobQueue', 'batch:UpdateComputeEnvironment', 'batch:DeleteComputeEnvironment', 'batch:DeregisterJobDefinition',
        ]),
        {
          Sid: 'IamDeleteBatchRoles',
          Effect: 'Allow',
          Action: ['iam:DetachRolePolicy', 'iam:DeleteRole', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
          Resource: [...roleArns, ...profileArns],
        },
      ],
    },
    {
      command: 'doctor',
      serves: ['doctor'],
      statements: [{
        Sid: 'DoctorReads',
        Effect: 'Allow',
        Action: [...EC2_READS, 'ec2:DescribeInstanceTypes', 'ec2:DescribeLaunchTemplates', ...IAM_READS, 'eks:DescribeCluster', 'logs:DescribeLogGroups'],
        Resource: '*',
      }],
    },
  ];
  const wanted = new Set(opts.commands ?? OPERATOR_COMMANDS);
  const chosen = groups.filter((g) => wanted.has(g.command));
  const seen = new Set<string>();
  const statements: PolicyStatement[] = [];
  for (const g of chosen) {
    for (const s of g.statements) {
      if (s.Sid && seen.has(s.Sid)) continue;
      if (s.Sid) seen.add(s.Sid);
      statements.push(s);
    }
  }
  return { document: { Version: '2012-10-17', Statement: statements }, groups: chosen };
}
