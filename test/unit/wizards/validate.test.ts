import { describe, expect, it } from 'vitest';
import { defaultAnswers, defaultVpcNetwork, derivedNamespace, eksClusterNetwork, fargateMemoryOptions } from '../../../src/wizards/defaults.js';
import { validateAnswers } from '../../../src/wizards/validate.js';
import { completeFacts, freshFacts, getRole, trustDoc } from '../checks/iam-fixtures.js';
import { allFacts } from '../checks/network-fixtures.js';

const NET = { subnets: ['subnet-0pub1a', 'subnet-0pub1b'], securityGroupIds: ['sg-0default'] };
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('defaults', () => {
  it('match the console wizards', () => {
    const f = defaultAnswers('fargate', 'demo');
    expect(f).toMatchObject({ priority: 900, assignPublicIp: 'ENABLED', executionRole: 'ecsTaskExecutionRole', vcpus: 0.25, memory: 512,
      image: 'public.ecr.aws/amazonlinux/amazonlinux:latest', command: ['echo', 'hello world'], computeEnvironmentName: 'demo-ce' });
    expect(defaultAnswers('ec2')).toMatchObject({ stack: 'batchctl-ec2', instanceRole: 'ecsInstanceRole', instanceTypes: ['optimal'], allocationStrategy: 'BEST_FIT_PROGRESSIVE' });
    expect(defaultAnswers('eks', 'My_Stack')).toMatchObject({ priority: 10, allocationStrategy: 'BEST_FIT_PROGRESSIVE', instanceTypes: ['m5'], maxvCpus: 128, kubernetesNamespace: 'aws-batch-my-stack' });
    expect(derivedNamespace('x'.repeat(100))).toHaveLength(63);
  });

  it('takes the default VPC subnets and its default security group', () => {
    const f = allFacts();
    const net = defaultVpcNetwork({ Vpcs: [{ VpcId: 'vpc-0default', IsDefault: true }, { VpcId: 'vpc-0private', IsDefault: false }] }, f.subnets!, f.securityGroups!);
    expect(net).toEqual({ vpcId: 'vpc-0default', subnets: ['subnet-0pub1a', 'subnet-0pub1b'], securityGroupIds: ['sg-0default'] });
    expect(defaultVpcNetwork({ Vpcs: [] }, f.subnets!, f.securityGroups!)).toBeUndefined();
  });

  it('takes the EKS cluster subnets and cluster security group', () => {
    expect(eksClusterNetwork({ arn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', resourcesVpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-extra'], clusterSecurityGroupId: 'sg-cluster' } }))
      .toEqual({ subnets: ['subnet-1'], securityGroupIds: ['sg-cluster'], eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c' });
  });

  it('knows the Fargate vCPU/memory pairs', () => {
    expect(fargateMemoryOptions(0.25)).toEqual([512, 1024, 2048]);
    expect(fargateMemoryOptions(16)).toContain(122880);
    expect(fargateMemoryOptions(3)).toEqual([]);
  });
});

describe('validateAnswers', () => {
  it('accepts the defaults with a network', () => {
    expect(validateAnswers(defaultAnswers('fargate', 'demo', NET))).toEqual([]);
    expect(validateAnswers(defaultAnswers('ec2', 'demo', NET), { network: allFacts(), iam: completeFacts() })).toEqual([]);
  });

  it('names the flag for bad names, priority and vCPU bounds', () => {
    const a = { ...defaultAnswers('ec2', 'demo', NET), computeEnvironmentName: 'bad name', priority: 1001, minvCpus: 10, maxvCpus: 4, desiredvCpus: 0 };
    expect(fields(validateAnswers(a))).toEqual(['--ce-name', '--priority', '--min-vcpus', '--desired-vcpus']);
    expect(fields(validateAnswers(defaultAnswers('fargate', '-x', NET)))).toContain('--name');
    expect(fields(validateAnswers({ ...defaultAnswers('fargate', 'demo', NET), jobName: '_job' }))).toEqual(['--job-name']);
  });

  it('checks Fargate vCPU/memory pairs', () => {
    const bad = validateAnswers({ ...defaultAnswers('fargate', 'demo', NET), vcpus: 1, memory: 512 });
    expect(bad).toEqual([{ field: '--memory', message: 'Fargate with 1 vCPU takes 2048–8192 MiB in steps of 1024, not 512' }]);
    expect(fields(validateAnswers({ ...defaultAnswers('fargate', 'demo', NET), vcpus: 3 }))).toEqual(['--vcpus']);
    expect(validateAnswers({ ...defaultAnswers('fargate', 'demo', NET), vcpus: 4, memory: 30720 })).toEqual([]);
  });

  it('flags subnets in two VPCs, unknown subnets and a security group of another VPC', () => {
    const a = { ...defaultAnswers('ec2', 'demo'), subnets: ['subnet-0pub1a', 'subnet-0nat1b', 'subnet-0dead'], securityGroupIds: ['sg-0private'] };
    const issues = validateAnswers(a, { network: allFacts() });
    expect(issues).toEqual([
      { field: '--subnets', message: 'no such subnet: subnet-0dead' },
      { field: '--subnets', message: 'the subnets are in different VPCs (vpc-0default, vpc-0private); a compute environment\'s subnets must share one' },
    ]);
    const sgIssues = validateAnswers({ ...defaultAnswers('ec2', 'demo', NET), securityGroupIds: ['sg-0private'] }, { network: allFacts() });
    expect(sgIssues).toEqual([{ field: '--security-groups', message: 'sg-0private is in vpc-0private, not in the subnets\' VPC vpc-0default' }]);
  });

  it('accepts missing roles that will be created, and flags them with --no-create-roles', () => {
    expect(validateAnswers(defaultAnswers('fargate', 'demo', NET), { iam: freshFacts() })).toEqual([]);
    expect(fields(validateAnswers({ ...defaultAnswers('fargate', 'demo', NET), createRoles: false }, { iam: freshFacts() }))).toEqual(['--no-create-roles']);
    const iam = completeFacts();
    iam.roles.ecsTaskExecutionRole = getRole('ecsTaskExecutionRole', trustDoc('lambda.amazonaws.com'));
    expect(fields(validateAnswers(defaultAnswers('fargate', 'demo', NET), { iam }))).toEqual(['--execution-role']);
  });

  it('rejects an instance role given as a role ARN and SPOT strategies without --spot', () => {
    const a = { ...defaultAnswers('ec2', 'demo', NET), instanceRole: 'arn:aws:iam::123456789012:role/ecsInstanceRole', allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED' as const };
    expect(fields(validateAnswers(a))).toEqual(['--instance-role', '--allocation-strategy']);
  });

  it('requires the EKS cluster and node profile, a DNS-label namespace, and an ECR image on private clusters', () => {
    const a = { ...defaultAnswers('eks', 'demo', NET), kubernetesNamespace: 'Bad_NS', private: true };
    expect(fields(validateAnswers(a))).toEqual(['--eks-cluster', '--namespace', '--instance-role', '--image']);
    const ok = { ...defaultAnswers('eks', 'demo', NET), clusterName: 'my-cluster', instanceRole: 'eks-node-profile' };
    expect(validateAnswers(ok, { iam: completeFacts() })).toEqual([]);
    const missing = freshFacts();
    missing.instanceProfiles['eks-node-profile'] = 'missing';
    expect(validateAnswers(ok, { iam: missing })).toEqual([{ field: '--instance-role', message: 'no instance profile named eks-node-profile' }]);
  });

  it('flags a job bigger than the compute environment', () => {
    expect(fields(validateAnswers({ ...defaultAnswers('ec2', 'demo', NET), vcpus: 8, maxvCpus: 4 }))).toEqual(['--vcpus']);
  });
});
