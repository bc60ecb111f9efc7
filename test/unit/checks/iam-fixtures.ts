/** SDK-shaped IAM outputs, as GetRole & co. return them (trust documents URL-encoded). */
import type * as I from '@aws-sdk/client-iam';
import { emptyIamFacts, type IamFacts } from '../../../src/domain/checks/iam.js';

export const ACCOUNT = '123456789012';

export function trustDoc(service: string, condition?: Record<string, Record<string, string | string[]>>): string {
  const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' };
  if (condition) statement.Condition = condition;
  return encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
}

export function getRole(name: string, trust: string, path = '/'): I.GetRoleResponse {
  return {
    Role: {
      Path: path,
      RoleName: name,
      RoleId: 'AROA' + name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 17).padEnd(17, 'X'),
      Arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`,
      CreateDate: new Date('2024-01-01T00:00:00Z'),
      AssumeRolePolicyDocument: trust,
    },
  };
}

export function attached(...paths: string[]): I.ListAttachedRolePoliciesResponse {
  return {
    AttachedPolicies: paths.map((p) => ({ PolicyName: p.slice(p.lastIndexOf('/') + 1), PolicyArn: `arn:aws:iam::aws:policy/${p}` })),
    IsTruncated: false,
  };
}

export function profile(name: string, roles: string[]): I.GetInstanceProfileResponse {
  return {
    InstanceProfile: {
      Path: '/',
      InstanceProfileName: name,
      InstanceProfileId: 'AIPAEXAMPLE',
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${name}`,
      CreateDate: new Date('2024-01-01T00:00:00Z'),
      Roles: roles.map((r) => getRole(r, trustDoc('ec2.amazonaws.com')).Role!),
    },
  };
}

export const SLR = getRole('AWSServiceRoleForBatch', trustDoc('batch.amazonaws.com'), '/aws-service-role/batch.amazonaws.com/');

/** An account where everything the three platforms need exists and is right. */
export function completeFacts(): IamFacts {
  const f = emptyIamFacts();
  f.roles.AWSServiceRoleForBatch = SLR;
  f.roles.ecsTaskExecutionRole = getRole('ecsTaskExecutionRole', trustDoc('ecs-tasks.amazonaws.com'));
  f.attachedPolicies.ecsTaskExecutionRole = attached('service-role/AmazonECSTaskExecutionRolePolicy');
  f.roles.ecsInstanceRole = getRole('ecsInstanceRole', trustDoc('ec2.amazonaws.com'));
  f.attachedPolicies.ecsInstanceRole = attached('service-role/AmazonEC2ContainerServiceforEC2Role');
  f.instanceProfiles.ecsInstanceRole = profile('ecsInstanceRole', ['ecsInstanceRole']);
  f.instanceProfiles['eks-node-profile'] = profile('eks-node-profile', ['eksctl-demo-nodegroup-NodeInstanceRole']);
  f.roles['eksctl-demo-nodegroup-NodeInstanceRole'] = getRole('eksctl-demo-nodegroup-NodeInstanceRole', trustDoc('ec2.amazonaws.com'));
  f.attachedPolicies['eksctl-demo-nodegroup-NodeInstanceRole'] = attached(
    'AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly',
  );
  return f;
}

/** A fresh account: every read answered NoSuchEntity. */
export function freshFacts(): IamFacts {
  const f = emptyIamFacts();
  for (const r of ['AWSServiceRoleForBatch', 'ecsTaskExecutionRole', 'ecsInstanceRole']) f.roles[r] = 'missing';
  for (const r of ['ecsTaskExecutionRole', 'ecsInstanceRole']) f.attachedPolicies[r] = 'missing';
  f.instanceProfiles.ecsInstanceRole = 'missing';
  return f;
}
