/**
 * `validateAnswers`: everything wrong with a set of setup answers that can be known before anything
 * changes, each issue naming the flag that fixes it (DESIGN principle 5: no prompt without a TTY, a
 * missing or bad answer is an error naming the flag). Given facts, it also checks the answers
 * against the account: subnets and security groups exist and share a VPC, roles exist or will be
 * created. Reachability (routes, endpoints, egress rules) is `evaluateNetwork`'s job.
 */
import { MISSING } from '../domain/checks/types.js';
import type { IamFacts } from '../domain/checks/iam.js';
import { iamNameOf } from '../domain/checks/iam-roles.js';
import { type NetworkFacts, PRIVATE_ECR } from '../domain/checks/network.js';
import { decodePolicyDocument, trustStatementsFor } from '../domain/checks/policy-document.js';
import { FARGATE_VCPUS, fargateMemoryOptions, flagFor, type SetupAnswers } from './defaults.js';

export interface Issue {
  /** The flag that sets the offending answer (`--subnets`). */
  field: string;
  message: string;
}

export interface ValidationFacts {
  network?: Pick<NetworkFacts, 'subnets' | 'securityGroups'>;
  iam?: IamFacts;
}

const NAME = /^[A-Za-z0-9_-]{1,128}$/;
const JOB_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const STACK = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** The longest suffix derivedNames adds (`-hello-world`). */
const LONGEST_SUFFIX = 12;
const IMAGE = /^[A-Za-z0-9\-_:./#@]{1,255}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const EKS_CLUSTER = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

export function validateAnswers(a: SetupAnswers, facts: ValidationFacts = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.push({ field: flagFor(field), message });

  // Names (spec/01 §15, spec/07 §5).
  if (!STACK.test(a.stack)) add('stack', `stack name "${a.stack}" must start with a letter or digit and use only letters, digits, - and _`);
  else if (a.stack.length > 128 - LONGEST_SUFFIX) add('stack', `stack name is ${a.stack.length} characters; at most ${128 - LONGEST_SUFFIX} leave room for the derived names`);
  for (const f of ['computeEnvironmentName', 'jobQueueName', 'jobDefinitionName'] as const) {
    if (!NAME.test(a[f])) add(f, `"${a[f]}" must be 1–128 letters, digits, - or _`);
  }
  if (!a.noJob && !JOB_NAME.test(a.jobName)) add('jobName', `"${a.jobName}" must be 1–128 letters, digits, - or _, starting with a letter or digit`);

  // Queue and capacity.
  if (!Number.isInteger(a.priority) || a.priority < 0 || a.priority > 1000) add('priority', `priority must be an integer from 0 to 1000, not ${a.priority}`);
  if (!Number.isInteger(a.maxvCpus) || a.maxvCpus < 1) add('maxvCpus', `maximum vCPUs must be a positive integer, not ${a.maxvCpus}`);
  if (a.platform !== 'fargate') {
    if (!Number.isInteger(a.minvCpus) || a.minvCpus < 0) add('minvCpus', `minimum vCPUs must be an integer ≥ 0, not ${a.minvCpus}`);
    else if (a.minvCpus > a.maxvCpus) add('minvCpus', `minimum vCPUs (${a.minvCpus}) exceed the maximum (${a.maxvCpus})`);
  }
  if (a.platform === 'ec2' && (!Number.isInteger(a.desiredvCpus) || a.desiredvCpus < a.minvCpus || a.desiredvCpus > a.maxvCpus)) {
    add('desiredvCpus', `desired vCPUs must be an integer between the minimum (${a.minvCpus}) and the maximum (${a.maxvCpus}), not ${a.desiredvCpus}`);
  }

  // Job resources.
  if (a.platform === 'fargate') {
    if (!FARGATE_VCPUS.includes(a.vcpus)) add('vcpus', `Fargate vCPUs must be one of ${FARGATE_VCPUS.join(', ')}, not ${a.vcpus}`);
    else if (!fargateMemoryOptions(a.vcpus).includes(a.memory)) {
      const opts = fargateMemoryOptions(a.vcpus);
      add('memory', `Fargate with ${a.vcpus} vCPU takes ${opts.length > 6 ? `${opts[0]}–${opts.at(-1)} MiB in steps of ${opts[1]! - opts[0]!}` : opts.join(', ') + ' MiB'}, not ${a.memory}`);
    }
  } else if (a.platform === 'ec2') {
    if (!Number.isInteger(a.vcpus) || a.vcpus < 1) add('vcpus', `EC2 job vCPUs must be a whole number ≥ 1, not ${a.vcpus}`);
    if (!Number.isInteger(a.memory) || a.memory < 4) add('memory', `job memory must be at least 4 MiB, not ${a.memory}`);
  } else {
    if (!(a.vcpus >= 0.25) || !Number.isInteger(a.vcpus * 4)) add('vcpus', `EKS job vCPUs must be a multiple of 0.25 (minimum 0.25), not ${a.vcpus}`);
    if (!Number.isInteger(a.memory) || a.memory < 1) add('memory', `job memory must be a whole number of MiB, not ${a.memory}`);
  }
  if (Number.isFinite(a.vcpus) && a.vcpus > a.maxvCpus) {
    add('vcpus', `the job needs ${a.vcpus} vCPUs but the compute environment allows at most ${a.maxvCpus} (the job would stay RUNNABLE)`);
  }

  // Image.
  if (!IMAGE.test(a.image)) add('image', `image "${a.image}" must be 1–255 characters of letters, digits and - _ : . / # @`);

  // Platform specifics.
  if (a.platform === 'ec2') {
    if (a.instanceTypes.length === 0) add('instanceTypes', 'give at least one instance type, family, or optimal');
    if (/:role\//.test(a.instanceRole)) add('instanceRole', `${a.instanceRole} is a role ARN; the CE needs the instance profile (arn:...:instance-profile/${iamNameOf(a.instanceRole)} or just its name)`);
    if (a.allocationStrategy.startsWith('SPOT_') && !a.spot) add('allocationStrategy', `${a.allocationStrategy} is for Spot only: add --spot or use BEST_FIT_PROGRESSIVE`);
    if (a.spot && a.allocationStrategy === 'BEST_FIT') add('allocationStrategy', 'Spot with BEST_FIT needs a Spot Fleet role; use SPOT_PRICE_CAPACITY_OPTIMIZED');
    if (a.bidPercentage !== undefined && (!a.spot || a.bidPercentage < 0 || a.bidPercentage > 100)) {
      add('bidPercentage', a.spot ? 'the bid percentage must be 0–100' : 'a bid percentage only applies with --spot');
    }
  }
  if (a.platform === 'eks') {
    if (!EKS_CLUSTER.test(a.clusterName)) add('clusterName', a.clusterName ? `"${a.clusterName}" is not a valid EKS cluster name` : 'the EKS cluster name is required');
    if (!DNS_LABEL.test(a.kubernetesNamespace) || a.kubernetesNamespace.length > 63) {
      add('kubernetesNamespace', `namespace "${a.kubernetesNamespace}" must be a DNS label: lower-case letters, digits and -, at most 63`);
    }
    if (!a.instanceRole) add('instanceRole', 'the EKS node instance profile is required (the one eksctl created for the node group)');
    else if (/:role\//.test(a.instanceRole)) add('instanceRole', `${a.instanceRole} is a role ARN; give the node instance profile`);
    if (a.instanceTypes.length === 0) add('instanceTypes', 'give at least one instance type or family');
    if (a.allocationStrategy.startsWith('SPOT_') && !a.spot) add('allocationStrategy', `${a.allocationStrategy} is for Spot only: add --spot or use BEST_FIT_PROGRESSIVE`);
    if (a.private && !PRIVATE_ECR.test(a.image)) {
      add('image', `a private cluster cannot pull ${a.image}: use an image in this region's ECR (or an ECR pull-through cache)`);
    }
  }

  // Network answers.
  if (a.subnets.length === 0) add('subnets', 'give at least one subnet (there is no default VPC to take them from)');
  if (a.platform === 'fargate' && a.subnets.length > 16) add('subnets', `Fargate takes at most 16 subnets, not ${a.subnets.length}`);
  for (const s of a.subnets) if (!/^subnet-[0-9A-Za-z]+$/.test(s)) add('subnets', `"${s}" is not a subnet id (subnet-...)`);
  if (a.securityGroupIds.length === 0) add('securityGroupIds', 'give at least one security group');
  if (a.platform === 'fargate' && a.securityGroupIds.length > 5) add('securityGroupIds', `Fargate takes at most 5 security groups, not ${a.securityGroupIds.length}`);
  for (const g of a.securityGroupIds) if (!/^sg-[0-9A-Za-z]+$/.test(g)) add('securityGroupIds', `"${g}" is not a security group id (sg-...)`);
  if (facts.network) issues.push(...networkIssues(a, facts.network));
  if (facts.iam) issues.push(...roleIssues(a, facts.iam));
  return issues;
}

function networkIssues(a: SetupAnswers, n: NonNullable<ValidationFacts['network']>): Issue[] {
  const issues: Issue[] = [];
  const subnets = n.subnets?.Subnets ?? [];
  if (n.subnets) {
    const unknown = a.subnets.filter((id) => !subnets.some((s) => s.SubnetId === id));
    if (unknown.length > 0) issues.push({ field: flagFor('subnets'), message: `no such subnet: ${unknown.join(', ')}` });
  }
  const vpcs = [...new Set(subnets.filter((s) => a.subnets.includes(s.SubnetId ?? '')).map((s) => s.VpcId))];
  if (vpcs.length > 1) issues.push({ field: flagFor('subnets'), message: `the subnets are in different VPCs (${vpcs.join(', ')}); a compute environment's subnets must share one` });
  if (n.securityGroups) {
    const groups = n.securityGroups.SecurityGroups ?? [];
    const unknown = a.securityGroupIds.filter((id) => !groups.some((g) => g.GroupId === id));
    if (unknown.length > 0) issues.push({ field: flagFor('securityGroupIds'), message: `no such security group: ${unknown.join(', ')}` });
    if (vpcs.length === 1) {
      const elsewhere = groups.filter((g) => a.securityGroupIds.includes(g.GroupId ?? '') && g.VpcId !== vpcs[0]);
      for (const g of elsewhere) {
        issues.push({ field: flagFor('securityGroupIds'), message: `${g.GroupId} is in ${g.VpcId}, not in the subnets' VPC ${vpcs[0]}` });
      }
    }
  }
  return issues;
}

function roleIssues(a: SetupAnswers, iam: IamFacts): Issue[] {
  const issues: Issue[] = [];
  const check = (field: string, roleName: string, service: string, creatable: boolean) => {
    const role = iam.roles[roleName];
    if (role === MISSING) {
      if (!creatable) issues.push({ field: flagFor(field), message: `no role named ${roleName}` });
      else if (!a.createRoles) issues.push({ field: flagFor('createRoles'), message: `no role named ${roleName}, and --no-create-roles forbids creating it` });
      return;
    }
    if (!role) return;
    const doc = decodePolicyDocument(role.Role?.AssumeRolePolicyDocument);
    if (!doc.ok || trustStatementsFor(doc.doc, service).length === 0) {
      issues.push({ field: flagFor(field), message: `role ${roleName} does not trust ${service}; choose another role or fix its trust policy` });
    }
  };
  if (a.platform === 'fargate') check('executionRole', iamNameOf(a.executionRole), 'ecs-tasks.amazonaws.com', true);
  if (a.platform === 'ec2' || a.platform === 'eks') {
    if (!a.instanceRole || /:role\//.test(a.instanceRole)) return issues;
    const profileName = iamNameOf(a.instanceRole);
    const profile = iam.instanceProfiles[profileName];
    const creatable = a.platform === 'ec2';
    if (profile === MISSING) {
      if (!creatable) issues.push({ field: flagFor('instanceRole'), message: `no instance profile named ${profileName}` });
      else if (!a.createRoles) issues.push({ field: flagFor('createRoles'), message: `no instance profile named ${profileName}, and --no-create-roles forbids creating it` });
    } else if (profile) {
      const inside = profile.InstanceProfile?.Roles?.[0]?.RoleName;
      if (inside) check('instanceRole', inside, 'ec2.amazonaws.com', creatable);
      else if (!creatable || !a.createRoles) issues.push({ field: flagFor('instanceRole'), message: `instance profile ${profileName} holds no role` });
    }
  }
  return issues;
}
