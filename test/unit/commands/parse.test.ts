/**
 * Parse tests (STYLE.md §6.6, gh's TestNewCmdX): build each command with a spy in place of its run
 * function and check the options it receives. No backend is involved.
 */
import { describe, expect, it } from 'vitest';
import { ceCreateCommand } from '../../../src/commands/ce/create.js';
import { ceUpdateCommand } from '../../../src/commands/ce/update.js';
import { ceDescribeCommand } from '../../../src/commands/ce/describe.js';
import { ceStateCommand } from '../../../src/commands/ce/state.js';
import { queueCreateCommand } from '../../../src/commands/queue/create.js';
import { queueUpdateCommand } from '../../../src/commands/queue/update.js';
import { jobdefRegisterCommand } from '../../../src/commands/jobdef/register.js';
import { jobdefListCommand } from '../../../src/commands/jobdef/list.js';
import { jobdefSkeletonCommand } from '../../../src/commands/jobdef/skeleton.js';
import { policyCreateCommand } from '../../../src/commands/policy/create.js';
import { tagCommand } from '../../../src/commands/tag/index.js';
import { untagCommand } from '../../../src/commands/tag/untag.js';
import { buildCreateRequest, buildUpdateRequest, parseLaunchTemplate, updateKind } from '../../../src/commands/ce/request.js';
import { parseCeOrder, parseTimeLimit } from '../../../src/commands/queue/request.js';
import { buildRegisterRequest } from '../../../src/commands/jobdef/request.js';
import { splitShellWords } from '../../../src/commands/jobdef/shell-words.js';
import { parseShare } from '../../../src/commands/policy/request.js';
import { parse, parseError } from '../../helpers/parse.js';

describe('ce create', () => {
  it('takes every flag, repeatable lists and tags', async () => {
    const o = await parse(ceCreateCommand, [
      'demo', '--type', 'managed', '--compute-type', 'spot', '--max-vcpus', '64', '--min-vcpus', '0', '--desired-vcpus', '4',
      '--instance-types', 'm6i,c6i', '--instance-types', 'r6i', '--subnets', 'subnet-a', '--security-groups', 'sg-1',
      '--instance-role', 'ecsInstanceRole', '--allocation-strategy', 'spot_price_capacity_optimized', '--bid-percentage', '60',
      '--launch-template', 'lt-0abc:$Latest', '--image-type', 'ecs_al2023', '--tag', 'team=data', '--tag', 'env=dev',
    ]);
    expect(o).toMatchObject({
      name: 'demo', type: 'MANAGED', computeType: 'SPOT', maxVcpus: 64, minVcpus: 0, desiredVcpus: 4,
      instanceTypes: ['m6i,c6i', 'r6i'], subnets: ['subnet-a'], securityGroups: ['sg-1'], instanceRole: 'ecsInstanceRole',
      allocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED', bidPercentage: 60, launchTemplate: 'lt-0abc:$Latest', imageType: 'ECS_AL2023',
      tag: { team: 'data', env: 'dev' },
    });
  });
  it('rejects bad values, naming the option', async () => {
    expect(await parseError(ceCreateCommand, ['x', '--compute-type', 'BARE_METAL'])).toMatch(/--compute-type.*Allowed choices are EC2, SPOT, FARGATE, FARGATE_SPOT/);
    expect(await parseError(ceCreateCommand, ['x', '--max-vcpus', 'lots'])).toMatch(/--max-vcpus.*whole number/);
    expect(await parseError(ceCreateCommand, ['x', '--bid-percentage', '101'])).toMatch(/between 0 and 100/);
    expect(await parseError(ceCreateCommand, ['x', '--tag', 'novalue'])).toMatch(/--tag "novalue" must look like key=value/);
  });
  it('builds the request: managed EC2 by default, flags over the file', () => {
    expect(buildCreateRequest('a', { maxVcpus: 8, subnets: ['s1,s2'], securityGroups: ['sg'], instanceTypes: ['optimal'], instanceRole: 'r' })).toEqual({
      computeEnvironmentName: 'a', type: 'MANAGED', state: 'ENABLED',
      computeResources: { type: 'EC2', maxvCpus: 8, subnets: ['s1', 's2'], securityGroupIds: ['sg'], instanceTypes: ['optimal'], instanceRole: 'r' },
    });
    const file = { computeEnvironmentName: 'f', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: ['x'] }, tags: { a: '1' } };
    expect(buildCreateRequest(undefined, { maxVcpus: 16, tag: { b: '2' } }, file)).toEqual({
      computeEnvironmentName: 'f', type: 'MANAGED', state: 'ENABLED', computeResources: { type: 'FARGATE', maxvCpus: 16, subnets: ['x'] }, tags: { a: '1', b: '2' },
    });
    expect(buildCreateRequest('u', { type: 'UNMANAGED', unmanagedVcpus: 4, serviceRole: 'arn:r' })).toEqual({
      computeEnvironmentName: 'u', type: 'UNMANAGED', unmanagedvCpus: 4, serviceRole: 'arn:r', state: 'ENABLED',
    });
    expect(buildCreateRequest('e', { eksCluster: 'arn:aws:eks:us-east-1:1:cluster/c', namespace: 'ns', maxVcpus: 4 }).eksConfiguration).toEqual({ eksClusterArn: 'arn:aws:eks:us-east-1:1:cluster/c', kubernetesNamespace: 'ns' });
  });
  it('parses launch templates', () => {
    expect(parseLaunchTemplate('lt-0abc123')).toEqual({ launchTemplateId: 'lt-0abc123' });
    expect(parseLaunchTemplate('my-lt:$Default')).toEqual({ launchTemplateName: 'my-lt', version: '$Default' });
    expect(parseLaunchTemplate('my-lt:7')).toEqual({ launchTemplateName: 'my-lt', version: '7' });
  });
});

describe('ce update / describe / enable', () => {
  it('takes update flags and classifies the update', async () => {
    const o = await parse(ceUpdateCommand, ['demo', '--max-vcpus', '32', '--scale-down-delay', '30', '--terminate-jobs-on-update', '--job-execution-timeout', '60']);
    expect(o).toMatchObject({ name: 'demo', maxVcpus: 32, scaleDownDelay: 30, terminateJobsOnUpdate: true, jobExecutionTimeout: 60 });
    const req = buildUpdateRequest('demo', o);
    expect(req).toEqual({ computeEnvironment: 'demo', computeResources: { maxvCpus: 32, scalingPolicy: { minScaleDownDelayMinutes: 30 } }, updatePolicy: { terminateJobsOnUpdate: true, jobExecutionTimeoutMinutes: 60 } });
    expect(updateKind(req, false)).toBe('scaling');
    expect(updateKind(buildUpdateRequest('d', { subnets: ['s'] }), false)).toBe('infrastructure');
    expect(updateKind(buildUpdateRequest('d', { subnets: ['s'] }), true)).toBe('scaling');
    expect(updateKind(buildUpdateRequest('d', { serviceRole: 'arn:x' }), false)).toBe('settings');
  });
  it('refuses BEST_FIT on update (not an update strategy)', async () => {
    expect(await parseError(ceUpdateCommand, ['d', '--allocation-strategy', 'BEST_FIT'])).toMatch(/Allowed choices are BEST_FIT_PROGRESSIVE/);
  });
  it('takes several names', async () => {
    expect(await parse(ceDescribeCommand, ['a', 'b'])).toEqual({ names: ['a', 'b'] });
    expect(await parse((c, r) => ceStateCommand(c, 'disable', r), ['a'])).toEqual({ names: ['a'], state: 'DISABLED' });
    expect(await parseError(ceDescribeCommand, [])).toMatch(/missing required argument 'ce'/);
  });
});

describe('queue', () => {
  it('takes compute environments in order, a policy and time limits', async () => {
    const o = await parse(queueCreateCommand, ['work', '--priority', '10', '--ce', 'fast', '--ce', 'cheap', '--scheduling-policy', 'teams', '--state-time-limit', 'INSUFFICIENT_INSTANCE_CAPACITY:4h', '--tag', 'a=b']);
    expect(o).toMatchObject({
      name: 'work', priority: 10, ce: ['fast', 'cheap'], schedulingPolicy: 'teams', tag: { a: 'b' },
      stateTimeLimit: [{ reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE', maxTimeSeconds: 14400, action: 'CANCEL' }],
    });
  });
  it('orders by position unless an order is given', () => {
    expect(parseCeOrder(['a', 'b'])).toEqual([{ computeEnvironment: 'a', order: 1 }, { computeEnvironment: 'b', order: 2 }]);
    expect(parseCeOrder(['a:5', 'b:1'])).toEqual([{ computeEnvironment: 'a', order: 5 }, { computeEnvironment: 'b', order: 1 }]);
    expect(parseCeOrder(['arn:aws:batch:us-east-1:123456789012:compute-environment/x'])).toEqual([{ computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/x', order: 1 }]);
  });
  it('reads time limits with full reasons, short reasons and seconds', () => {
    expect(parseTimeLimit('MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT:600')).toEqual({ reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' });
    expect(parseTimeLimit('compute_environment_max_resource:10m').reason).toBe('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE');
    expect(() => parseTimeLimit('nocolon')).toThrow(/REASON:DURATION/);
  });
  it('update takes --clear-state-time-limits', async () => {
    expect(await parse(queueUpdateCommand, ['work', '--clear-state-time-limits'])).toMatchObject({ name: 'work', clearStateTimeLimits: true });
  });
});

describe('jobdef', () => {
  it('register splits the command like a shell and collects env and parameters', async () => {
    const o = await parse(jobdefRegisterCommand, [
      'hello', '--image', 'busybox', '--command', `sh -c "echo 'hi there' Ref::who"`, '--vcpus', '0.5', '--memory', '1024',
      '--platform', 'fargate', '--env', 'A=1', '--env', 'B=x=y', '--parameter', 'who=world', '--retry-attempts', '3', '--timeout', '10m',
      '--log-group', '/my/logs', '--public-ip', '--propagate-tags', '--execution-role', 'arn:aws:iam::123456789012:role/exec',
    ]);
    expect(o).toMatchObject({ name: 'hello', command: ['sh', '-c', "echo 'hi there' Ref::who"], vcpus: '0.5', memory: '1024', platform: 'FARGATE', env: { A: '1', B: 'x=y' }, parameter: { who: 'world' }, retryAttempts: 3, timeout: 600, logGroup: '/my/logs', publicIp: true, propagateTags: true });
    expect(buildRegisterRequest(o.name, o)).toEqual({
      jobDefinitionName: 'hello', type: 'container', platformCapabilities: ['FARGATE'], parameters: { who: 'world' }, retryStrategy: { attempts: 3 }, timeout: { attemptDurationSeconds: 600 }, propagateTags: true,
      containerProperties: {
        image: 'busybox', command: ['sh', '-c', "echo 'hi there' Ref::who"], executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
        resourceRequirements: [{ type: 'VCPU', value: '0.5' }, { type: 'MEMORY', value: '1024' }],
        environment: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/my/logs' } },
        networkConfiguration: { assignPublicIp: 'ENABLED' },
      },
    });
  });
  it('defaults to 1 vCPU and 2048 MiB without --input, and keeps a file as is otherwise', () => {
    expect(buildRegisterRequest('a', { image: 'x' }).containerProperties?.resourceRequirements).toEqual([{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }]);
    const file = { jobDefinitionName: 'f', type: 'container', containerProperties: { image: 'y', resourceRequirements: [{ type: 'VCPU', value: '2' }] } };
    expect(buildRegisterRequest(undefined, {}, file)).toEqual(file);
    expect(buildRegisterRequest(undefined, { memory: '4096' }, file).containerProperties?.resourceRequirements).toEqual([{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '4096' }]);
  });
  it('rejects an unterminated quote in --command', async () => {
    expect(await parseError(jobdefRegisterCommand, ['x', '--command', 'echo "oops'])).toMatch(/--command.*unterminated double quote/);
  });
  it('list and skeleton defaults', async () => {
    expect(await parse(jobdefListCommand, [])).toEqual({ status: 'ACTIVE' });
    expect(await parse(jobdefListCommand, ['--all-revisions', '--status', 'all', '--name', 'x'])).toEqual({ status: 'ALL', allRevisions: true, name: 'x' });
    expect(await parse(jobdefSkeletonCommand, [])).toEqual({ platform: 'ec2' });
    expect(await parse(jobdefSkeletonCommand, ['--platform', 'EKS'])).toEqual({ platform: 'eks' });
  });
});

describe('shell words', () => {
  it('splits like a POSIX shell without expanding', () => {
    expect(splitShellWords(`a 'b c' "d \\"e\\"" f\\ g  $HOME`)).toEqual(['a', 'b c', 'd "e"', 'f g', '$HOME']);
    expect(splitShellWords(`''`)).toEqual(['']);
    expect(splitShellWords('  ')).toEqual([]);
    expect(() => splitShellWords(`'x`)).toThrow(/unterminated single quote/);
  });
});

describe('policy and tags', () => {
  it('policy create takes shares with weights', async () => {
    const o = await parse(policyCreateCommand, ['teams', '--share-decay', '1h', '--compute-reservation', '25', '--share', 'a', '--share', 'b*:0.5']);
    expect(o).toMatchObject({ name: 'teams', shareDecay: 3600, computeReservation: 25, share: [{ shareIdentifier: 'a' }, { shareIdentifier: 'b*', weightFactor: 0.5 }] });
    expect(() => parseShare('a:heavy')).toThrow(/must be a number/);
  });
  it('tag takes pairs and an optional kind; untag takes keys', async () => {
    expect(await parse(tagCommand, ['arn:aws:batch:us-east-1:1:job-queue/q', 'a=1', 'b='])).toEqual({ resource: 'arn:aws:batch:us-east-1:1:job-queue/q', tags: { a: '1', b: '' }, kind: undefined });
    expect(await parse(tagCommand, ['q', '--kind', 'queue'])).toEqual({ resource: 'q', tags: {}, kind: 'queue' });
    expect(await parse(untagCommand, ['q', 'a', 'b', '--kind', 'queue'])).toEqual({ resource: 'q', keys: ['a', 'b'], kind: 'queue' });
  });
});
