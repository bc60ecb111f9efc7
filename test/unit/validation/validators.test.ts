import { describe, expect, it } from 'vitest';
import {
  type Issue, validateCreateComputeEnvironment, validateCreateJobQueue, validateCreateSchedulingPolicy, validateJobDefinitionFile,
  validateRegisterJobDefinition, validateTagResource, validateUntagResource, validateUpdateComputeEnvironment, validateUpdateJobQueue,
  validateUpdateSchedulingPolicy, formatIssue,
} from '../../../src/domain/validation/index.js';

const errors = (issues: Issue[]) => issues.filter((i) => i.severity !== 'warning').map(formatIssue);
const warnings = (issues: Issue[]) => issues.filter((i) => i.severity === 'warning').map(formatIssue);
const fargateCr = { type: 'FARGATE', maxvCpus: 16, subnets: ['subnet-1'], securityGroupIds: ['sg-1'] };
const ec2Cr = { type: 'EC2', minvCpus: 0, maxvCpus: 16, instanceTypes: ['m5'], subnets: ['subnet-1'], securityGroupIds: ['sg-1'], instanceRole: 'ecsInstanceRole' };
const ce = (extra: object) => ({ computeEnvironmentName: 'ce', type: 'MANAGED', ...extra });
const cp = { image: 'busybox', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] };
const jd = (extra: object) => ({ jobDefinitionName: 'jd', type: 'container', ...extra });

describe('shape checks (from the SDK model)', () => {
  it('required members, types and unknown members', () => {
    expect(errors(validateCreateComputeEnvironment({ type: 'MANAGED', computeResources: fargateCr }))).toContain('computeEnvironmentName: is required');
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...fargateCr, maxvCpus: '16' } })))).toEqual(['computeResources.maxvCpus: must be a number']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...fargateCr, subnet: ['x'] } })))).toEqual(['computeResources.subnet: is not a member of ComputeResource']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...fargateCr, subnet: ['x'] } }), { unknownMembers: 'ignore' }))).toEqual([]);
    expect(errors(validateCreateJobQueue('nope'))).toEqual(['the CreateJobQueue input must be a JSON object']);
    expect(errors(validateCreateJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1 }] }))).toEqual(['computeEnvironmentOrder[0].computeEnvironment: is required']);
  });
});

describe('compute environments', () => {
  it('accepts good Fargate and EC2 requests', () => {
    expect(validateCreateComputeEnvironment(ce({ computeResources: fargateCr }))).toEqual([]);
    expect(validateCreateComputeEnvironment(ce({ computeResources: ec2Cr }))).toEqual([]);
    expect(validateCreateComputeEnvironment({ computeEnvironmentName: 'u', type: 'UNMANAGED', serviceRole: 'arn:aws:iam::123456789012:role/r', unmanagedvCpus: 8 })).toEqual([]);
  });
  it('names, enums, ranges, applicability, type rules', () => {
    expect(errors(validateCreateComputeEnvironment(ce({ computeEnvironmentName: 'a b', computeResources: fargateCr })))[0]).toMatch(/^computeEnvironmentName: must be 1-128 characters/);
    expect(errors(validateCreateComputeEnvironment(ce({ state: 'DISABLED', computeResources: fargateCr })))).toEqual(['state: A compute environment must be created in the ENABLED state']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, minvCpus: 8, maxvCpus: 4 } })))).toEqual(['computeResources.maxvCpus: must be >= minvCpus (8)']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, minvCpus: -1 } })))).toContain('computeResources.minvCpus: must be >= 0');
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...fargateCr, instanceTypes: ['m5'], minvCpus: 0 } })))).toEqual([
      'computeResources.instanceTypes: must not be set for FARGATE compute resources', 'computeResources.minvCpus: must not be set for FARGATE compute resources',
    ]);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...fargateCr, subnets: Array(17).fill('s') } })))).toEqual(['computeResources.subnets: must have at most 16 subnets']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, instanceRole: undefined } })))[0]).toMatch(/^computeResources.instanceRole: is required/);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, instanceRole: 'arn:aws:iam::123456789012:role/ecsInstanceRole' } })))[0]).toMatch(/instance profile .*not a role ARN/);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, instanceTypes: ['m5', 'm6g'] } })))).toEqual(['computeResources.instanceTypes: must all have one architecture ("m5" is x86_64, "m6g" is arm64)']);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, type: 'SPOT' } })))[0]).toMatch(/^computeResources.spotIamFleetRole: is required/);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' } })))[0]).toMatch(/applies to SPOT compute resources only/);
    expect(errors(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, scalingPolicy: { minScaleDownDelayMinutes: 5 } } })))).toEqual(['computeResources.scalingPolicy.minScaleDownDelayMinutes: must be 0 (unset) or between 20 and 10080']);
    expect(errors(validateCreateComputeEnvironment({ computeEnvironmentName: 'u', type: 'UNMANAGED', computeResources: fargateCr }))).toContain('computeResources: must not be set for UNMANAGED compute environments');
    expect(errors(validateCreateComputeEnvironment({ computeEnvironmentName: 'u', type: 'UNMANAGED' }))[0]).toMatch(/^serviceRole: is required for UNMANAGED/);
    expect(errors(validateCreateComputeEnvironment(ce({}))).toString()).toMatch(/computeResources: is required for MANAGED/);
    expect(warnings(validateCreateComputeEnvironment(ce({ computeResources: { ...ec2Cr, instanceTypes: ['zz9'] } })))).toEqual(['computeResources.instanceTypes[0]: "zz9" is not in batchctl\'s instance-type catalogue']);
  });
  it('EKS rules', () => {
    const eks = (ns: string, ec2Configuration?: object[]) => ce({ eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: ns }, computeResources: { ...ec2Cr, ec2Configuration } });
    expect(validateCreateComputeEnvironment(eks('batch'))).toEqual([]);
    expect(errors(validateCreateComputeEnvironment(eks('kube-system')))).toEqual(['eksConfiguration.kubernetesNamespace: must not be "default" or start with "kube-"']);
    expect(errors(validateCreateComputeEnvironment(eks('batch', [{ imageType: 'EKS_AL2023', imageKubernetesVersion: '1.20' }])))).toEqual([
      'computeResources.ec2Configuration[0].imageKubernetesVersion: At least one imageKubernetesVersion in EC2Configuration is not supported.',
    ]);
    expect(errors(validateCreateComputeEnvironment(eks('batch', [{ imageType: 'ECS_AL2023' }])))[0]).toMatch(/must be an EKS_\* image type/);
  });
  it('update rules without the world', () => {
    expect(validateUpdateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { maxvCpus: 8 } })).toEqual([]);
    expect(errors(validateUpdateComputeEnvironment({ computeEnvironment: 'ce', computeResources: { allocationStrategy: 'BEST_FIT' } }))).toEqual(['computeResources.allocationStrategy: BEST_FIT is not supported when updating a compute environment']);
    expect(errors(validateUpdateComputeEnvironment({ computeEnvironment: 'ce', updatePolicy: { jobExecutionTimeoutMinutes: 0 } }))).toEqual(['updatePolicy.jobExecutionTimeoutMinutes: must be between 1 and 7200']);
  });
});

describe('job queues', () => {
  const q = (extra: object) => ({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'a' }], ...extra });
  it('per-request rules', () => {
    expect(validateCreateJobQueue(q({}))).toEqual([]);
    expect(errors(validateCreateJobQueue(q({ computeEnvironmentOrder: [1, 2, 3, 4].map((i) => ({ order: i, computeEnvironment: `c${i}` })) })))).toEqual(['computeEnvironmentOrder: must have at most 3 compute environments']);
    expect(errors(validateCreateJobQueue(q({ computeEnvironmentOrder: [] })))[0]).toMatch(/^computeEnvironmentOrder: must name 1-3/);
    expect(errors(validateCreateJobQueue(q({ computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'a' }, { order: 1, computeEnvironment: 'b' }] })))).toEqual(['computeEnvironmentOrder[1].order: duplicates order 1']);
    const action = { reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' };
    expect(validateCreateJobQueue(q({ jobStateTimeLimitActions: [action] }))).toEqual([]);
    expect(errors(validateCreateJobQueue(q({ jobStateTimeLimitActions: [{ ...action, maxTimeSeconds: 599 }] })))).toEqual(['jobStateTimeLimitActions[0].maxTimeSeconds: must be between 600 and 86400']);
    expect(errors(validateCreateJobQueue(q({ jobStateTimeLimitActions: [{ ...action, action: 'TERMINATE' }] })))[0]).toMatch(/CANCEL is the only supported action/);
    expect(errors(validateCreateJobQueue(q({ jobStateTimeLimitActions: [{ ...action, reason: 'nope' }] })))[0]).toMatch(/^jobStateTimeLimitActions\[0\].reason: must be one of/);
    expect(errors(validateCreateJobQueue(q({ schedulingPolicyArn: 'policy' })))[0]).toMatch(/^schedulingPolicyArn: must be a scheduling policy ARN/);
    expect(errors(validateUpdateJobQueue({ jobQueue: 'q', schedulingPolicyArn: '' }))).toEqual(['schedulingPolicyArn: a scheduling policy can be replaced but not removed']);
  });
});

describe('job definitions (spec/04 checklist)', () => {
  it('accepts good container, Fargate, EKS and multinode definitions', () => {
    expect(validateRegisterJobDefinition(jd({ containerProperties: cp }))).toEqual([]);
    expect(validateRegisterJobDefinition(jd({ platformCapabilities: ['FARGATE'], containerProperties: { image: 'x', executionRoleArn: 'arn:aws:iam::1:role/x', resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }] } }))).toEqual([]);
    expect(validateRegisterJobDefinition(jd({ eksProperties: { podProperties: { containers: [{ image: 'x', resources: { requests: { cpu: '0.5', memory: '1024Mi' } } }] } } }))).toEqual([]);
    expect(validateRegisterJobDefinition({ jobDefinitionName: 'mnp', type: 'multinode', nodeProperties: { numNodes: 4, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', container: cp }, { targetNodes: '1:2', container: cp }] } })).toEqual([]);
  });
  it('payload, platform and type rules', () => {
    expect(errors(validateRegisterJobDefinition(jd({})))[0]).toMatch(/^containerProperties: a container job definition needs one of/);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, eksProperties: { podProperties: { containers: [{ image: 'x', resources: { limits: { cpu: '1', memory: '8Mi' } } }] } } })))[0]).toMatch(/^eksProperties: must not be combined with containerProperties/);
    expect(errors(validateRegisterJobDefinition(jd({ platformCapabilities: ['EC2', 'FARGATE'], containerProperties: cp })))).toContain('platformCapabilities: must have exactly one of EC2, FARGATE');
    expect(errors(validateRegisterJobDefinition(jd({ propagateTags: true, eksProperties: { podProperties: { containers: [{ image: 'x', resources: { limits: { cpu: '1', memory: '8Mi' } } }] } } })))).toEqual(['propagateTags: must not be set on an EKS job definition (eksProperties)']);
    expect(errors(validateRegisterJobDefinition({ jobDefinitionName: 'm', type: 'multinode', platformCapabilities: ['FARGATE'], nodeProperties: { numNodes: 1, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:0', container: cp }] } }))).toContain('type: multinode job definitions are not supported on Fargate');
  });
  it('ranges: timeout, priority, retry strategy', () => {
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, timeout: { attemptDurationSeconds: 59 } })))).toEqual(['timeout.attemptDurationSeconds: must be >= 60']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, schedulingPriority: 10000 })))).toEqual(['schedulingPriority: must be between 0 and 9999']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, retryStrategy: { attempts: 11 } })))).toEqual(['retryStrategy.attempts: must be between 1 and 10']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, retryStrategy: { evaluateOnExit: [{ action: 'exit', onExitCode: '1*' }] } })))).toEqual(['retryStrategy.attempts: is required when evaluateOnExit is given']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: cp, retryStrategy: { attempts: 2, evaluateOnExit: [{ action: 'RETRY', onExitCode: 'x1' }] } })))).toEqual(['retryStrategy.evaluateOnExit[0].onExitCode: must contain only digits, optionally ending with *']);
    expect(warnings(validateJobDefinitionFile(jd({ containerProperties: cp, retryStrategy: { attempts: 2, evaluateOnExit: [{ action: 'retry', onReason: 'AGENT' }] } })))[0]).toMatch(/no catch-all/);
  });
  it('containers: resources, Fargate pairs, EC2-only and Fargate-only members, environment, secrets, volumes', () => {
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { image: 'x', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2' }] } })))).toEqual(['containerProperties.resourceRequirements[1].value: MEMORY must be an integer number of MiB, at least 4']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { image: 'x', resourceRequirements: [{ type: 'MEMORY', value: '512' }] } })))).toEqual(['containerProperties.resourceRequirements: must include a VCPU requirement']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { image: 'x', resourceRequirements: [{ type: 'VCPU', value: '0.5' }, { type: 'MEMORY', value: '512' }] } })))).toEqual(['containerProperties.resourceRequirements[0].value: VCPU must be an integer >= 1 on EC2']);
    const fg = (c: object) => jd({ platformCapabilities: ['FARGATE'], containerProperties: { image: 'x', executionRoleArn: 'arn:aws:iam::1:role/x', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }], ...c } });
    expect(validateRegisterJobDefinition(fg({}))).toEqual([]);
    expect(errors(validateRegisterJobDefinition(fg({ resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }, { type: 'GPU', value: '1' }] })))).toEqual(['containerProperties.resourceRequirements[2].type: GPU is not supported on Fargate']);
    expect(errors(validateRegisterJobDefinition(fg({ executionRoleArn: undefined })))).toEqual(['containerProperties.executionRoleArn: is required on Fargate']);
    expect(errors(validateRegisterJobDefinition(fg({ privileged: true, logConfiguration: { logDriver: 'syslog' } })))).toEqual([
      'containerProperties.privileged: must be false or absent on Fargate', 'containerProperties.logConfiguration.logDriver: must be awslogs or splunk on Fargate',
    ]);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { ...cp, networkConfiguration: { assignPublicIp: 'ENABLED' } } })))).toEqual(['containerProperties.networkConfiguration: must not be set on EC2 (Fargate only)']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { ...cp, environment: [{ name: 'AWS_BATCH_X', value: '1' }] } })))).toEqual(['containerProperties.environment[0].name: must not start with "AWS_BATCH" (reserved for variables Batch sets)']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { ...cp, secrets: [{ name: 'S', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/p' }] } })))).toEqual(['containerProperties.secrets: need an executionRoleArn (the ECS agent reads the secrets with it)']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { ...cp, mountPoints: [{ sourceVolume: 'v', containerPath: '/d' }] } })))).toEqual(['containerProperties.mountPoints[0].sourceVolume: names no volume (v)']);
    expect(errors(validateRegisterJobDefinition(jd({ containerProperties: { ...cp, volumes: [{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED' } } }] } })))).toEqual(['containerProperties.volumes[0].efsVolumeConfiguration.transitEncryption: must be ENABLED when authorizationConfig.iam is ENABLED']);
    expect(warnings(validateJobDefinitionFile(jd({ containerProperties: { ...cp, command: ['run', 'Ref::input'] } })))).toEqual(['containerProperties.command[1]: Ref::input has no default in parameters; it must be given at submit']);
    // Only a whole element is replaced: a placeholder inside a longer string is said to stay as written.
    expect(warnings(validateJobDefinitionFile(jd({ parameters: { secs: '5' }, containerProperties: { ...cp, command: ['sh', '-c', 'sleep Ref::secs'] } })))).toEqual([
      'containerProperties.command[2]: Ref::secs is inside a longer string, which is passed as written: only an element that is exactly Ref::secs is replaced; make it an element of its own, e.g. ["sh", "-c", "sleep $0", "Ref::secs"]',
    ]);
    expect(warnings(validateJobDefinitionFile(jd({ parameters: { secs: '5' }, containerProperties: { ...cp, command: ['sh', '-c', 'sleep $0', 'Ref::secs'] } })))).toEqual([]);
    expect(warnings(validateJobDefinitionFile(jd({ containerProperties: { image: 'x', vcpus: 1, memory: 512 } }))).length).toBe(2);
  });
  it('ecsProperties, eksProperties and nodeProperties rules', () => {
    const task = (containers: object[]) => jd({ ecsProperties: { taskProperties: [{ containers }] } });
    expect(validateRegisterJobDefinition(task([{ name: 'a', ...cp }]))).toEqual([]);
    expect(errors(validateRegisterJobDefinition(task([{ name: 'a', essential: false, ...cp }])))).toEqual(['ecsProperties.taskProperties[0].containers: must have at least one essential container']);
    expect(errors(validateRegisterJobDefinition(task([{ name: 'a', ...cp, dependsOn: [{ containerName: 'b', condition: 'START' }] }, { name: 'b', image: 'x', dependsOn: [{ containerName: 'a', condition: 'START' }] }])))[0]).toMatch(/cycle/);
    const eks = (c: object) => jd({ eksProperties: { podProperties: { containers: [{ image: 'x', ...c }] } } });
    expect(errors(validateRegisterJobDefinition(eks({ resources: { requests: { cpu: '100m', memory: '1Gi' } } })))).toEqual([
      'eksProperties.podProperties.containers[0].resources.requests.cpu: must be a multiple of 0.25, at least 0.25 (no milliCPU such as "100m")',
      'eksProperties.podProperties.containers[0].resources.requests.memory: must be a whole number of MiB with the Mi suffix, at least 4 (e.g. "2048Mi")',
    ]);
    expect(errors(validateRegisterJobDefinition(eks({ resources: { requests: { cpu: '1', memory: '64Mi' }, limits: { memory: '128Mi' } } })))).toEqual(['eksProperties.podProperties.containers[0].resources.limits.memory: must equal requests.memory when both are set']);
    const mnp = (np: object) => ({ jobDefinitionName: 'm', type: 'multinode', nodeProperties: np });
    expect(errors(validateRegisterJobDefinition(mnp({ numNodes: 3, mainNode: 3, nodeRangeProperties: [{ targetNodes: '0:1', container: cp }] })))).toEqual([
      'nodeProperties.mainNode: must be >= 0 and < numNodes (3)', 'nodeProperties.nodeRangeProperties: must cover every node 0:2 (node 2 is in no range)',
    ]);
  });
  it('the 24 KiB limit, with a warning at 90%', () => {
    const big = (n: number) => jd({ containerProperties: { ...cp, command: ['x'.repeat(n)] } });
    expect(warnings(validateJobDefinitionFile(big(23_000)))[0]).toMatch(/over 90% of the 24 KiB limit/);
    expect(errors(validateRegisterJobDefinition(big(25_000)))[0]).toMatch(/at most 24576/);
  });
});

describe('scheduling policies and tags', () => {
  it('fair-share limits and overlapping identifiers', () => {
    expect(validateCreateSchedulingPolicy({ name: 'p', fairsharePolicy: { shareDecaySeconds: 600, computeReservation: 50, shareDistribution: [{ shareIdentifier: 'A*', weightFactor: 0.5 }, { shareIdentifier: 'B1' }] } })).toEqual([]);
    expect(errors(validateCreateSchedulingPolicy({ name: 'p', fairsharePolicy: { computeReservation: 100 } }))).toEqual(['fairsharePolicy.computeReservation: must be between 0 and 99']);
    expect(errors(validateCreateSchedulingPolicy({ name: 'p', fairsharePolicy: { shareDistribution: [{ shareIdentifier: 'UserA*' }, { shareIdentifier: 'UserA1' }] } }))[0]).toMatch(/"UserA1" overlaps "UserA\*"/);
    expect(errors(validateCreateSchedulingPolicy({ name: 'p', fairsharePolicy: { shareDistribution: [{ shareIdentifier: 'a', weightFactor: 1000 }] } }))).toEqual(['fairsharePolicy.shareDistribution[0].weightFactor: must be between 0.0001 and 999.9999']);
    expect(errors(validateCreateSchedulingPolicy({ name: 'p', fairsharePolicy: {}, quotaSharePolicy: { idleResourceAssignmentStrategy: 'FIFO' } }))).toEqual(['quotaSharePolicy: Only one of fairsharePolicy or quotaSharePolicy can be set']);
    expect(errors(validateUpdateSchedulingPolicy({ arn: 'p' }))[0]).toMatch(/^arn: must be a scheduling policy ARN/);
  });
  it('tag limits', () => {
    const arn = 'arn:aws:batch:us-east-1:123456789012:job-queue/q';
    expect(validateTagResource({ resourceArn: arn, tags: { a: '' } })).toEqual([]);
    expect(errors(validateTagResource({ resourceArn: arn, tags: {} }))).toEqual(['tags: must contain at least 1 tag']);
    expect(errors(validateTagResource({ resourceArn: arn, tags: { a: 'v'.repeat(257) } }))).toEqual(['tags.a: tag values must be at most 256 characters']);
    expect(errors(validateTagResource({ resourceArn: 'q', tags: { a: '1' } }))[0]).toMatch(/^resourceArn:/);
    expect(errors(validateUntagResource({ resourceArn: arn, tagKeys: [] }))).toEqual(['tagKeys: must not be empty']);
    expect(errors(validateCreateJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'a' }], tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }))).toEqual(['tags: must contain at most 50 tags (got 51)']);
  });
});
