/** Run tests for `batchctl setup fargate|ec2|eks` against the in-memory simulator. */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as B from '@aws-sdk/client-batch';
import { afterAll, describe, expect, it } from 'vitest';
import { AwsShapedError } from '../../../../src/errors.js';
import { defaultNetwork, harness, leftovers, type Harness } from './helpers.js';

/** Calls that change something. */
const mutations = (h: Harness) => h.calls.filter((c) => /^(create|register|update|delete|deregister|attach|detach|add|remove|submit|tag|untag)/.test(c.split('.')[1]!));

async function describeStack(h: Harness, stack = 'hello') {
  const b = await h.sim();
  const [ce] = (await b.batch.describeComputeEnvironments({ computeEnvironments: [`${stack}-ce`] })).computeEnvironments!;
  const [q] = (await b.batch.describeJobQueues({ jobQueues: [`${stack}-queue`] })).jobQueues!;
  const jds = (await b.batch.describeJobDefinitions({ jobDefinitionName: `${stack}-job-def`, status: 'ACTIVE' })).jobDefinitions!;
  return { ce, q, jds };
}

const tmp = mkdtempSync(join(tmpdir(), 'batchctl-setup-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('setup fargate', () => {
  it('--yes --no-job creates the roles, the compute environment, the queue and the job definition, waiting for each', async () => {
    const h = harness();
    const { subnets, sg } = await defaultNetwork(await h.sim());
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('✓'))).toEqual([
      expect.stringMatching(/^✓ network preflight \(the default VPC vpc-\w+\): 10 passed, 0 warnings, 0 failed$/),
      '✓ create service-linked role AWSServiceRoleForBatch',
      '✓ create role ecsTaskExecutionRole',
      '✓ attach AmazonECSTaskExecutionRolePolicy to ecsTaskExecutionRole',
      '✓ create compute environment hello-ce',
      '✓ wait until compute environment hello-ce is VALID',
      '✓ create job queue hello-queue',
      '✓ wait until job queue hello-queue is VALID',
      '✓ register job definition hello-job-def',
    ]);
    expect(r.stdout).toBe([
      'Stack hello (fargate) [sim]',
      '  compute environment  hello-ce         ENABLED/VALID',
      '  job queue            hello-queue      ENABLED/VALID',
      '  job definition       hello-job-def:1  ACTIVE',
      '',
    ].join('\n'));
    expect(r.stderr).toContain('batchctl teardown hello');
    const { ce, q, jds } = await describeStack(h);
    expect(ce).toMatchObject({ type: 'MANAGED', state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'hello' }, computeResources: { type: 'FARGATE', maxvCpus: 128, subnets, securityGroupIds: [sg] } });
    expect(q).toMatchObject({ priority: 900, state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'hello' } });
    expect(jds).toHaveLength(1);
    expect(jds[0]).toMatchObject({
      platformCapabilities: ['FARGATE'], tags: { 'batchctl:stack': 'hello' },
      containerProperties: {
        image: 'public.ecr.aws/amazonlinux/amazonlinux:latest', command: ['echo', 'hello world'],
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', networkConfiguration: { assignPublicIp: 'ENABLED' },
        resourceRequirements: expect.arrayContaining([{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }]),
      },
    });
    const role = await (await h.sim()).iam.getRole({ RoleName: 'ecsTaskExecutionRole' });
    expect(role.Role?.Tags).toEqual([{ Key: 'batchctl:stack', Value: 'hello' }]);
  });

  it('a re-run is a no-op: everything exists and matches, nothing is called that changes anything', async () => {
    const h = harness();
    expect((await h.run('setup', 'fargate', 'hello', '--yes', '--no-job')).code).toBe(0);
    h.calls.length = 0;
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(r.code, r.stderr).toBe(0);
    expect(mutations(h)).toEqual([]);
    for (const line of [
      '· service-linked-role AWSServiceRoleForBatch: exists, matches',
      '· role ecsTaskExecutionRole: exists, matches (arn:aws:iam::123456789012:role/ecsTaskExecutionRole)',
      '· compute-environment hello-ce: exists, matches (VALID)',
      '· job-queue hello-queue: exists, matches (VALID)',
      '· job-definition hello-job-def: exists, matches (revision 1)',
      '· nothing to change: the stack hello exists and matches [sim]',
    ]) expect(r.stderr).toContain(line);
  });

  it('--dry-run prints the plan and creates nothing; -o json gives it as data; --emit aws-cli as commands', async () => {
    const h = harness();
    const r = await h.run('setup', 'fargate', 'hello', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Set up the fargate stack hello \[sim\]\n {3}1\. create service-linked role AWSServiceRoleForBatch {2}iam:CreateServiceLinkedRole\n/);
    expect(r.stdout).toContain('   4. create compute environment hello-ce  batch:CreateComputeEnvironment\n      no compute environment named hello-ce\n');
    expect(r.stdout).toContain('   5. wait until compute environment hello-ce is VALID  batch:WaitForComputeEnvironments\n      a job queue can only use a VALID compute environment\n');
    expect(r.stdout).toContain('submit job hello-hello-world  batch:SubmitJob');
    expect(r.stdout).toMatch(/dry run: nothing was changed\n$/);
    expect(mutations(h)).toEqual([]);

    const j = await h.run('setup', 'fargate', 'hello', '--dry-run', '-o', 'json');
    const plan = JSON.parse(j.stdout);
    expect(plan).toMatchObject({ dryRun: true, world: 'sim', title: 'Set up the fargate stack hello', conflicts: [], skipped: [] });
    expect(plan.steps.map((s: { operation: string }) => s.operation)).toEqual([
      'CreateServiceLinkedRole', 'CreateRole', 'AttachRolePolicy', 'CreateComputeEnvironment', 'WaitForComputeEnvironments',
      'CreateJobQueue', 'WaitForJobQueues', 'RegisterJobDefinition', 'SubmitJob',
    ]);

    const e = await h.run('setup', 'fargate', 'hello', '--dry-run', '--emit', 'aws-cli', '--no-job');
    const lines = e.stdout.trim().split('\n');
    expect(lines[3]).toMatch(/^aws batch create-compute-environment --cli-input-json '\{"computeEnvironmentName":"hello-ce","type":"MANAGED"/);
    expect(lines[4]).toMatch(/^while :; do case "\$\(aws batch describe-compute-environments --compute-environments hello-ce /);
    expect(lines).toHaveLength(8);
    expect(mutations(h)).toEqual([]);
  });

  it('without --yes and without a terminal it refuses (exit 2); on a terminal the wizard asks (test/unit/wizards/ui)', async () => {
    const h = harness();
    const r = await h.run('setup', 'fargate', 'hello', '--no-job');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to set up the fargate stack hello (8 changes) without confirmation');
    expect(mutations(h)).toEqual([]);
  });

  it('takes the flags: names, sizes, image, command, subnets, Spot, no public IP with --ignore-checks', async () => {
    const h = harness();
    const { subnets, sg } = await defaultNetwork(await h.sim());
    const r = await h.run('setup', 'fargate', '--name', 'big', '--max-vcpus', '16', '--vcpus', '1', '--memory', '3072', '--image', 'busybox',
      '--command', 'sh -c "echo hi there"', '--subnets', subnets[0]!, '--security-groups', sg, '--spot', '--priority', '5', '--no-job',
      '--no-assign-public-ip', '--ignore-checks', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('FAIL  assignPublicIp=DISABLED suits the subnets');
    const { ce, q, jds } = await describeStack(h, 'big');
    expect(ce!.computeResources).toMatchObject({ type: 'FARGATE_SPOT', maxvCpus: 16, subnets: [subnets[0]] });
    expect(q!.priority).toBe(5);
    expect(jds[0]!.containerProperties).toMatchObject({ image: 'busybox', command: ['sh', '-c', 'echo hi there'], networkConfiguration: { assignPublicIp: 'DISABLED' } });
  });

  it('a network preflight FAIL stops before anything changes (exit 1), naming --ignore-checks', async () => {
    const h = harness();
    const r = await h.run('setup', 'fargate', 'hello', '--no-assign-public-ip', '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('network preflight (the default VPC');
    expect(r.stderr).toContain('error: network preflight: 4 checks failed; nothing was changed');
    expect(r.stderr).toContain('set assignPublicIp ENABLED (--assign-public-ip)');
    expect(r.stderr).toContain('--ignore-checks');
    expect(mutations(h)).toEqual([]);
  });
});

describe('setup: bad input is reported before anything changes (exit 2, naming the flag)', () => {
  const bad = async (h: Harness, ...argv: string[]) => {
    const r = await h.run('setup', ...argv, '--yes');
    expect(r.code, r.stderr).toBe(2);
    expect(mutations(h)).toEqual([]);
    expect((await leftovers(await h.sim())).computeEnvironments).toEqual([]);
    return r.stderr;
  };

  it('an invalid stack name, and a Fargate vCPU/memory pair AWS rejects, together', async () => {
    const err = await bad(harness(), 'fargate', 'bad name!', '--vcpus', '0.25', '--memory', '4096');
    expect(err).toContain('error: invalid setup answers (2 problems):\n');
    expect(err).not.toContain('--ce-name');
    expect(err).toContain('  - --name: stack name "bad name!" must start with a letter or digit and use only letters, digits, - and _\n');
    expect(err).toContain('  - --memory: Fargate with 0.25 vCPU takes 512, 1024, 2048 MiB, not 4096\n');
    expect(err).toContain('hint: nothing was changed');
  });

  it('subnets from two VPCs', async () => {
    const h = harness();
    const sim = await h.sim();
    const { subnets, vpc } = await defaultNetwork(sim);
    const otherVpc = (await sim.ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc!.VpcId!;
    const other = (await sim.ec2.createSubnet({ VpcId: otherVpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' })).Subnet!.SubnetId!;
    const err = await bad(h, 'fargate', 'hello', '--subnets', `${subnets[0]},${other}`);
    expect(err).toContain(`  - --subnets: the subnets are in different VPCs (${vpc}, ${otherVpc}); a compute environment's subnets must share one`);
  });

  it('a security group from another VPC', async () => {
    const h = harness();
    const sim = await h.sim();
    const otherVpc = (await sim.ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc!.VpcId!;
    const other = (await sim.ec2.createSecurityGroup({ VpcId: otherVpc, GroupName: 'x', Description: 'elsewhere' })).GroupId!;
    const err = await bad(h, 'fargate', 'hello', '--security-groups', other);
    expect(err).toContain(`  - --security-groups: ${other} is in ${otherVpc}, not in the subnets' VPC ${(await defaultNetwork(sim)).vpc}`);
  });

  it('a role that does not exist, with --no-create-roles', async () => {
    const err = await bad(harness(), 'fargate', 'hello', '--execution-role', 'myExecRole', '--no-create-roles');
    expect(err).toContain('  - --no-create-roles: no role named myExecRole, and --no-create-roles forbids creating it');
  });

  it('unknown subnet and group ids', async () => {
    const err = await bad(harness(), 'fargate', 'hello', '--subnets', 'subnet-0nope', '--security-groups', 'sg-0nope');
    expect(err).toContain('  - --subnets: no such subnet: subnet-0nope');
    expect(err).toContain('  - --security-groups: no such security group: sg-0nope');
  });

  it('no default VPC and no --subnets: the missing answers name their flags', async () => {
    const h = harness({ overrides: { 'ec2.describeVpcs': async () => ({ Vpcs: [] }) } });
    const err = await bad(h, 'fargate', 'hello');
    expect(err).toContain('  - --subnets: give at least one subnet (there is no default VPC to take them from)');
    expect(err).toContain('  - --security-groups: give at least one security group');
  });

  it('EKS without a cluster or a node profile', async () => {
    const err = await bad(harness(), 'eks', 'hello');
    expect(err).toContain('  - --eks-cluster: the EKS cluster name is required');
    expect(err).toContain('  - --instance-role: the EKS node instance profile is required');
  });
});

describe('setup: resuming and conflicts', () => {
  it('after a step fails, a re-run skips what was done and continues', async () => {
    const h = harness();
    let fail = true;
    h.overrides['batch.createJobQueue'] = async (input, next) => {
      if (fail) throw new AwsShapedError('ServerException', 'Internal failure, please retry', 500);
      return next(input);
    };
    const first = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('Set up the fargate stack hello stopped at step 6 of 8:');
    expect(first.stderr).toContain('  ✗ create job queue hello-queue: ServerException: Internal failure, please retry');
    expect(first.stderr).toContain('  · register job definition hello-job-def (not attempted)');
    expect(first.stderr).toContain('hint: fix the cause and run the same command again: steps already done are skipped');
    fail = false;
    h.calls.length = 0;
    const second = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('· compute-environment hello-ce: exists, matches (VALID)');
    expect(mutations(h)).toEqual(['batch.createJobQueue', 'batch.registerJobDefinition']);
    const { q, jds } = await describeStack(h);
    expect(q!.status).toBe('VALID');
    expect(jds).toHaveLength(1);
  });

  it('a queue of the same name that is not the stack\'s is a conflict: nothing changes (exit 1)', async () => {
    const h = harness();
    const b = await h.sim();
    const { subnets, sg } = await defaultNetwork(b);
    await b.batch.createComputeEnvironment({ computeEnvironmentName: 'theirs', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets, securityGroupIds: [sg] } });
    h.clock.advance(60_000);
    await b.batch.createJobQueue({ jobQueueName: 'hello-queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'theirs' }] });
    h.calls.length = 0;
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ job-queue hello-queue: hello-queue exists and was not created by batchctl (no batchctl:stack tag)');
    expect(r.stderr).toContain('fix: choose another stack name (--name) or resource name, or delete hello-queue');
    expect(r.stderr).toContain('error: Set up the fargate stack hello: 1 conflict with what exists; nothing was changed');
    expect(mutations(h)).toEqual([]);
  });

  it('a changed answer is a mismatch, reported field by field and never overwritten', async () => {
    const h = harness();
    expect((await h.run('setup', 'fargate', 'hello', '--yes', '--no-job')).code).toBe(0);
    h.calls.length = 0;
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job', '--max-vcpus', '64');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ compute-environment hello-ce: compute environment hello-ce exists with different settings\n      computeResources.maxvCpus: existing 128, wanted 64\n');
    expect(mutations(h)).toEqual([]);
  });

  it('a changed job definition gets a new revision (revisions are immutable)', async () => {
    const h = harness();
    expect((await h.run('setup', 'fargate', 'hello', '--yes', '--no-job')).code).toBe(0);
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job', '--command', 'echo changed');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✓ register job definition hello-job-def');
    expect((await describeStack(h)).jds.map((j) => j.revision).sort()).toEqual([1, 2]);
  });

  it('a compute environment that turns INVALID stops the setup with its statusReason', async () => {
    const h = harness({
      overrides: {
        'batch.describeComputeEnvironments': async (input, next) => {
          const out = (await next(input)) as B.DescribeComputeEnvironmentsResponse;
          return { ...out, computeEnvironments: (out.computeEnvironments ?? []).map((c) => (c.status === 'VALID' ? { ...c, status: 'INVALID', statusReason: 'CLIENT_ERROR - Not authorized to perform sts:AssumeRole' } : c)) };
        },
      },
    });
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  ✗ wait until compute environment hello-ce is VALID: hello-ce is INVALID: CLIENT_ERROR - Not authorized to perform sts:AssumeRole');
    expect(r.stderr).toContain('  · create job queue hello-queue (not attempted)');
  });

  it('--timeout: a compute environment still CREATING is PENDING (exit 8)', async () => {
    const h = harness({
      overrides: {
        'batch.describeComputeEnvironments': async (input, next) => {
          const out = (await next(input)) as B.DescribeComputeEnvironmentsResponse;
          return { ...out, computeEnvironments: (out.computeEnvironments ?? []).map((c) => ({ ...c, status: 'CREATING' })) };
        },
      },
    });
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--no-job', '--timeout', '30s');
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('✗ wait until compute environment hello-ce is VALID: still hello-ce: ENABLED/CREATING after 30s');
  });
});

describe('setup ec2', () => {
  it('--yes --no-job: ecsInstanceRole with its instance profile, optimal instances, BEST_FIT_PROGRESSIVE', async () => {
    const h = harness();
    const r = await h.run('setup', 'ec2', 'hello', '--yes', '--no-job');
    expect(r.code, r.stderr).toBe(0);
    for (const line of ['✓ create role ecsInstanceRole', '✓ create instance profile ecsInstanceRole', '✓ add role ecsInstanceRole to instance profile ecsInstanceRole', '✓ attach AmazonEC2ContainerServiceforEC2Role to ecsInstanceRole']) {
      expect(r.stderr).toContain(line);
    }
    const { ce, q, jds } = await describeStack(h);
    expect(ce).toMatchObject({
      status: 'VALID',
      computeResources: { type: 'EC2', instanceTypes: ['optimal'], allocationStrategy: 'BEST_FIT_PROGRESSIVE', minvCpus: 0, maxvCpus: 256, instanceRole: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole' },
    });
    expect(q!.status).toBe('VALID');
    expect(jds[0]).toMatchObject({ platformCapabilities: ['EC2'], containerProperties: { resourceRequirements: expect.arrayContaining([{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }]) } });
    const again = await h.run('setup', 'ec2', 'hello', '--yes', '--no-job');
    expect(again.stderr).toContain('· instance-profile ecsInstanceRole: exists, holds ecsInstanceRole');
    expect(again.stderr).toContain('nothing to change');
  });

  it('--spot picks SPOT_PRICE_CAPACITY_OPTIMIZED; a role ARN as the instance role is bad input', async () => {
    const h = harness();
    const r = await h.run('setup', 'ec2', 'hello', '--spot', '--instance-types', 'm6i,c6i', '--dry-run', '-o', 'json');
    const plan = JSON.parse(r.stdout);
    const create = plan.steps.find((s: { operation: string }) => s.operation === 'CreateComputeEnvironment');
    expect(create.input.computeResources).toMatchObject({ type: 'SPOT', allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED', instanceTypes: ['m6i', 'c6i'] });
    const bad = await h.run('setup', 'ec2', 'hello', '--instance-role', 'arn:aws:iam::123456789012:role/ecsInstanceRole', '--yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('  - --instance-role: arn:aws:iam::123456789012:role/ecsInstanceRole is a role ARN; the CE needs the instance profile');
  });
});

describe('setup eks', () => {
  /** A simulated EKS cluster `my-cluster`, made with `batchctl sim eks create-cluster` (ACTIVE when it returns). */
  async function withCluster(version = '1.32') {
    const h = harness();
    const r = await h.run('sim', 'eks', 'create-cluster', 'my-cluster', '--kubernetes-version', version);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('EKS cluster my-cluster created [sim]: ACTIVE, Kubernetes ' + version);
    h.calls.length = 0;
    return h;
  }
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  async function nodeProfile(h: Harness) {
    const b = await h.sim();
    await b.iam.createRole({ RoleName: 'eks-node', AssumeRolePolicyDocument: trust });
    await b.iam.attachRolePolicy({ RoleName: 'eks-node', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy' });
    await b.iam.createInstanceProfile({ InstanceProfileName: 'eks-node-profile' });
    await b.iam.addRoleToInstanceProfile({ InstanceProfileName: 'eks-node-profile', RoleName: 'eks-node' });
  }

  it('--dry-run: the cluster\'s network, the plan, and the kubectl/eksctl commands (no files written)', async () => {
    const h = await withCluster();
    await nodeProfile(h);
    const dir = join(tmp, 'dry');
    const r = await h.run('setup', 'eks', 'hello', '--eks-cluster', 'my-cluster', '--instance-role', 'eks-node-profile', '--manifests-dir', dir, '--dry-run', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    const create = plan.steps.find((s: { operation: string }) => s.operation === 'CreateComputeEnvironment');
    expect(create.input).toMatchObject({
      eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/my-cluster', kubernetesNamespace: 'aws-batch-hello' },
      computeResources: { type: 'EC2', allocationStrategy: 'BEST_FIT_PROGRESSIVE', instanceTypes: ['m5'], instanceRole: 'arn:aws:iam::123456789012:instance-profile/eks-node-profile' },
    });
    expect(plan.steps.find((s: { operation: string }) => s.operation === 'CreateJobQueue').input.priority).toBe(10);
    expect(r.stderr).toContain(`kubectl apply -f ${join(dir, 'namespace.yaml')}`);
    expect(r.stderr).toContain('eksctl create iamidentitymapping --cluster my-cluster --region us-east-1 --arn arn:aws:iam::123456789012:role/AWSServiceRoleForBatch --username aws-batch');
    expect(existsSync(dir)).toBe(false);
  });

  it('writes the manifests; on the simulated cluster the compute environment goes VALID (--no-job: the simulator does not run EKS jobs)', async () => {
    const h = await withCluster();
    await nodeProfile(h);
    const dir = join(tmp, 'real');
    const r = await h.run('setup', 'eks', 'hello', '--eks-cluster', 'my-cluster', '--instance-role', 'eks-node-profile', '--manifests-dir', dir, '--no-job', '--yes');
    expect(readFileSync(join(dir, 'namespace.yaml'), 'utf8')).toContain('name: aws-batch-hello');
    expect(readFileSync(join(dir, 'namespace-rbac.yaml'), 'utf8')).toContain('namespace: aws-batch-hello');
    expect(readFileSync(join(dir, 'cluster-rbac.yaml'), 'utf8')).toContain('name: aws-batch-cluster-role');
    expect(readFileSync(join(dir, 'aws-auth-maproles.yaml'), 'utf8')).toBe('- rolearn: arn:aws:iam::123456789012:role/AWSServiceRoleForBatch\n  username: aws-batch\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✓ wait until compute environment hello-ce is VALID');
    const { ce } = await describeStack(h);
    const cluster = (await (await h.sim()).eks.describeCluster({ name: 'my-cluster' })).cluster!;
    expect(ce).toMatchObject({ status: 'VALID', containerOrchestrationType: 'EKS', eksConfiguration: { eksClusterArn: cluster.arn } });
    expect(ce!.computeResources).toMatchObject({ subnets: cluster.resourcesVpcConfig!.subnetIds, securityGroupIds: [cluster.resourcesVpcConfig!.clusterSecurityGroupId] });
  });

  it('an unknown cluster or an unsupported Kubernetes version is bad input naming --eks-cluster', async () => {
    const h = await withCluster('1.27');
    const missing = await h.run('setup', 'eks', 'hello', '--eks-cluster', 'nope', '--instance-role', 'p', '--yes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: --eks-cluster: no EKS cluster named nope in us-east-1 [sim]');
    const old = await h.run('setup', 'eks', 'hello', '--eks-cluster', 'my-cluster', '--instance-role', 'p', '--yes');
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('runs Kubernetes 1.27, which AWS Batch does not support');
    expect(mutations(h)).toEqual([]);
  });
});

describe('setup: the hello-world job and its output', () => {
  /**
   * SubmitJob, DescribeJobs and GetLogEvents answer as scripted (a job that passes through each
   * status and prints one line), so these pin the command's side exactly; test/e2e/setup.test.ts runs
   * the same flow on the simulator's job engine.
   */
  function withJob(final: 'SUCCEEDED' | 'FAILED', statuses = ['RUNNABLE', 'STARTING', 'RUNNING']) {
    const seen: unknown[] = [];
    const queue = [...statuses, final];
    const h = harness({
      overrides: {
        'batch.submitJob': async (input) => {
          seen.push(input);
          return { jobId: 'job-0001', jobName: 'hello-hello-world', jobArn: 'arn:aws:batch:us-east-1:123456789012:job/job-0001' };
        },
        'batch.describeJobs': async () => {
          const status = queue.length > 1 ? queue.shift()! : queue[0]!;
          const done = status === 'SUCCEEDED' || status === 'FAILED';
          return {
            jobs: [{
              jobId: 'job-0001', jobName: 'hello-hello-world', status, jobQueue: 'q', jobDefinition: 'd', startedAt: 1,
              ...(status === 'FAILED' ? { statusReason: 'Essential container in task exited' } : {}),
              container: done ? { logStreamName: 'hello-job-def/default/job-0001', exitCode: status === 'FAILED' ? 1 : 0 } : {},
            }],
          };
        },
        'logs.getLogEvents': async (input: { logGroupName?: string; logStreamName?: string; nextToken?: string }) => {
          seen.push(input);
          return input.nextToken ? { events: [], nextForwardToken: 'f/2' } : { events: [{ timestamp: 1, message: 'hello world' }], nextForwardToken: 'f/1' };
        },
      },
    });
    return { h, seen };
  }

  it('submits the job, waits for it, and ends with its output', async () => {
    const { h, seen } = withJob('SUCCEEDED');
    const r = await h.run('setup', 'fargate', 'hello', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(seen[0]).toEqual({ jobName: 'hello-hello-world', jobQueue: 'hello-queue', jobDefinition: 'hello-job-def', tags: { 'batchctl:stack': 'hello' } });
    expect(r.stderr).toContain('✓ submit job hello-hello-world\n… job hello-hello-world is RUNNABLE\n… job hello-hello-world is STARTING\n… job hello-hello-world is RUNNING\n');
    expect(r.stdout).toContain('  job                  hello-hello-world  SUCCEEDED  job-0001\n');
    expect(r.stdout).toMatch(/Output of hello-hello-world \(\/aws\/batch\/job hello-job-def\/default\/job-0001\)\n {2}hello world\n$/);
    expect(seen[1]).toEqual({ logGroupName: '/aws/batch/job', logStreamName: 'hello-job-def/default/job-0001', startFromHead: true, nextToken: undefined });
  });

  it('-o json: the stack, the job and its output as data', async () => {
    const { h } = withJob('SUCCEEDED');
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '-o', 'json');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      stack: 'hello', platform: 'fargate', world: 'sim', tag: { 'batchctl:stack': 'hello' },
      computeEnvironment: { computeEnvironmentName: 'hello-ce', status: 'VALID' },
      jobQueue: { jobQueueName: 'hello-queue' }, jobDefinition: { jobDefinitionName: 'hello-job-def', revision: 1 },
      job: { jobId: 'job-0001', status: 'SUCCEEDED' },
      output: { logGroupName: '/aws/batch/job', logStreamName: 'hello-job-def/default/job-0001', messages: ['hello world'] },
    });
    expect(out.applied).toContain('submit job hello-hello-world');
  });

  it('a FAILED job is exit 1 with its statusReason, after its output', async () => {
    const { h } = withJob('FAILED');
    const r = await h.run('setup', 'fargate', 'hello', '--yes');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('hello world');
    expect(r.stderr).toContain('error: job hello-hello-world (job-0001) FAILED: Essential container in task exited');
  });

  it('a job still running at --timeout is PENDING (exit 8); the stack is ready', async () => {
    const { h } = withJob('SUCCEEDED', Array(100).fill('RUNNING'));
    const r = await h.run('setup', 'fargate', 'hello', '--yes', '--timeout', '1m');
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('error: job hello-hello-world (job-0001) is still RUNNING after 60s');
  });
});

describe('setup --service-role', () => {
  const batchTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

  it('uses a custom service role given as a full ARN', async () => {
    const h = harness();
    const b = await h.sim();
    await b.iam.createRole({ RoleName: 'MyBatchServiceRole', AssumeRolePolicyDocument: batchTrust });
    await b.iam.attachRolePolicy({ RoleName: 'MyBatchServiceRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole' });
    const r = await h.run('setup', 'fargate', 'hello', '--service-role', 'arn:aws:iam::123456789012:role/MyBatchServiceRole', '--no-job', '--yes');
    expect(r.code, r.stderr).toBe(0);
    const { ce } = await describeStack(h);
    expect(ce!.serviceRole).toBe('arn:aws:iam::123456789012:role/MyBatchServiceRole');
  });

  it('a bare name or a missing role is bad input', async () => {
    const h = harness();
    const bare = await h.run('setup', 'fargate', 'hello', '--service-role', 'MyBatchServiceRole', '--yes');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('  - --service-role: "MyBatchServiceRole" is not a role ARN; give the full ARN with its path');
    const missing = await h.run('setup', 'fargate', 'hello', '--service-role', 'arn:aws:iam::123456789012:role/Nope', '--yes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('  - --service-role: no role named Nope');
  });
});
