import type { JobDefinition, SubmitJobRequest } from '@aws-sdk/client-batch';
import { describe, expect, it } from 'vitest';
import {
  DEPRECATED_KEY_CONFLICT,
  TAG_LIMIT_STATUS_REASON,
  mergeResourceRequirements,
  nodeRangeFor,
  resolveEffectiveJob,
  validateSubmitJob,
} from '../../../src/domain/jobs/submit.js';

const req = (over: Partial<SubmitJobRequest> = {}): SubmitJobRequest => ({ jobName: 'job-1', jobQueue: 'q', jobDefinition: 'jd', ...over });

const ec2Def = (over: Partial<JobDefinition> = {}): JobDefinition => ({
  jobDefinitionName: 'jd',
  jobDefinitionArn: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1',
  revision: 1,
  type: 'container',
  status: 'ACTIVE',
  parameters: { codec: 'mp4' },
  containerProperties: {
    image: 'busybox',
    command: ['ffmpeg', '-c', 'Ref::codec', '-i', 'Ref::input'],
    environment: [{ name: 'A', value: '1' }],
    resourceRequirements: [
      { type: 'VCPU', value: '2' },
      { type: 'MEMORY', value: '2048' },
    ],
  },
  ...over,
});

const fargateDef = (vcpu = '0.5', memory = '1024'): JobDefinition =>
  ec2Def({
    platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: 'busybox',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      resourceRequirements: [
        { type: 'VCPU', value: vcpu },
        { type: 'MEMORY', value: memory },
      ],
    },
  });

const fields = (issues: Array<{ field: string }>) => issues.map((i) => i.field);

describe('validateSubmitJob: request rules', () => {
  it('accepts a minimal valid request', () => {
    expect(validateSubmitJob(req(), ec2Def(), { jobQueueName: 'q', state: 'ENABLED' })).toEqual([]);
  });

  it.each([
    ['', 'is required'],
    ['-starts-with-dash', 'must be 1-128'],
    ['has space', 'must be 1-128'],
    ['a'.repeat(129), 'must be 1-128'],
  ])('rejects job name %j', (jobName, msg) => {
    const issues = validateSubmitJob(req({ jobName }));
    expect(issues[0]?.field).toBe('jobName');
    expect(issues[0]?.message).toContain(msg);
  });

  it('accepts a 128-character name with _ and -', () => {
    expect(validateSubmitJob(req({ jobName: `A_-${'x'.repeat(125)}` }))).toEqual([]);
  });

  it('requires jobQueue and jobDefinition', () => {
    expect(fields(validateSubmitJob({ jobName: 'a' } as SubmitJobRequest))).toEqual(['jobQueue', 'jobDefinition']);
  });

  it('limits dependsOn to 20 jobs', () => {
    const dependsOn = Array.from({ length: 21 }, (_, k) => ({ jobId: `j${k}` }));
    expect(validateSubmitJob(req({ dependsOn }))).toEqual([{ field: 'dependsOn', message: 'a job can depend on at most 20 jobs (got 21)' }]);
    expect(validateSubmitJob(req({ dependsOn: dependsOn.slice(0, 20) }))).toEqual([]);
  });

  it.each([1, 10001, 2.5])('rejects array size %s', (size) => {
    expect(fields(validateSubmitJob(req({ arrayProperties: { size } })))).toEqual(['arrayProperties.size']);
  });

  it.each([2, 10000])('accepts array size %s', (size) => {
    expect(validateSubmitJob(req({ arrayProperties: { size } }))).toEqual([]);
  });

  it('checks dependency shapes: SEQUENTIAL without jobId, on arrays only; N_TO_N with jobId, on arrays only', () => {
    expect(validateSubmitJob(req({ arrayProperties: { size: 3 }, dependsOn: [{ type: 'SEQUENTIAL' }, { jobId: 'a', type: 'N_TO_N' }, { jobId: 'b' }] }))).toEqual([]);
    const issues = validateSubmitJob(
      req({ dependsOn: [{ type: 'SEQUENTIAL', jobId: 'x' }, { type: 'N_TO_N' }, { jobId: 'y', type: 'N_TO_N' }, {}, { jobId: 'z', type: 'BOGUS' as never }] }),
    );
    expect(issues).toEqual([
      { field: 'dependsOn[0].jobId', message: 'a SEQUENTIAL dependency must not specify a jobId' },
      { field: 'dependsOn[0].type', message: 'SEQUENTIAL dependencies are only valid for array jobs' },
      { field: 'dependsOn[1].jobId', message: 'is required for an N_TO_N dependency' },
      { field: 'dependsOn[2].type', message: 'N_TO_N dependencies are only valid for array jobs' },
      { field: 'dependsOn[3].jobId', message: 'is required' },
      { field: 'dependsOn[4].type', message: 'must be N_TO_N or SEQUENTIAL (got BOGUS)' },
    ]);
  });

  it('allows one SEQUENTIAL dependency only', () => {
    expect(validateSubmitJob(req({ arrayProperties: { size: 2 }, dependsOn: [{ type: 'SEQUENTIAL' }, { type: 'SEQUENTIAL' }] }))).toEqual([
      { field: 'dependsOn[1].type', message: 'at most one SEQUENTIAL dependency is allowed' },
    ]);
  });

  it('with a job lookup: unknown dependencies and N_TO_N size mismatches', () => {
    const jobs: Record<string, { arraySize?: number }> = { plain: {}, a5: { arraySize: 5 }, a3: { arraySize: 3 } };
    const ctx = { findJob: (id: string) => jobs[id] };
    const issues = validateSubmitJob(
      req({ arrayProperties: { size: 3 }, dependsOn: [{ jobId: 'nope' }, { jobId: 'plain', type: 'N_TO_N' }, { jobId: 'a5', type: 'N_TO_N' }, { jobId: 'a3', type: 'N_TO_N' }] }),
      undefined,
      undefined,
      ctx,
    );
    expect(issues).toEqual([
      { field: 'dependsOn[0].jobId', message: 'job nope does not exist' },
      { field: 'dependsOn[1].jobId', message: 'an N_TO_N dependency must be an array job; plain is not' },
      { field: 'dependsOn[2].jobId', message: 'an N_TO_N dependency must have the same array size (a5 has 5, this job 3)' },
    ]);
  });

  it('bounds retry attempts, timeout and priority', () => {
    expect(fields(validateSubmitJob(req({ retryStrategy: { attempts: 11 } })))).toEqual(['retryStrategy.attempts']);
    expect(fields(validateSubmitJob(req({ retryStrategy: { attempts: 0 } })))).toEqual(['retryStrategy.attempts']);
    expect(validateSubmitJob(req({ timeout: { attemptDurationSeconds: 59 } }))).toEqual([
      { field: 'timeout.attemptDurationSeconds', message: 'must be an integer of at least 60 seconds (got 59)' },
    ]);
    expect(validateSubmitJob(req({ timeout: { attemptDurationSeconds: 60 } }))).toEqual([]);
    expect(fields(validateSubmitJob(req({ schedulingPriorityOverride: 10000 })))).toEqual(['schedulingPriorityOverride']);
    expect(fields(validateSubmitJob(req({ schedulingPriorityOverride: -1 })))).toEqual(['schedulingPriorityOverride']);
    expect(validateSubmitJob(req({ schedulingPriorityOverride: 9999 }))).toEqual([]);
  });

  it('rejects AWS_BATCH environment names and empty command strings in overrides', () => {
    const issues = validateSubmitJob(
      req({ containerOverrides: { command: ['echo', ''], environment: [{ name: 'AWS_BATCH_JOB_ID', value: 'x' }, { name: 'OK', value: 'y' }] } }),
    );
    expect(issues).toEqual([
      { field: 'containerOverrides.command[1]', message: "can't contain an empty string" },
      { field: 'containerOverrides.environment[0].name', message: 'cannot start with "AWS_BATCH" (got AWS_BATCH_JOB_ID)' },
    ]);
  });

  it('checks override resource values (memory >= 4, integer vCPU on EC2, no duplicates)', () => {
    const issues = validateSubmitJob(
      req({
        containerOverrides: {
          resourceRequirements: [
            { type: 'MEMORY', value: '3' },
            { type: 'VCPU', value: '0.5' },
            { type: 'VCPU', value: 'x' },
          ],
          memory: 2,
          vcpus: 0,
        },
      }),
      ec2Def({ containerProperties: { image: 'i', vcpus: 1, memory: 512 } }),
    );
    expect(fields(issues)).toEqual([
      'containerOverrides.resourceRequirements[0].value',
      'containerOverrides.resourceRequirements[1].value',
      'containerOverrides.resourceRequirements[2].type',
      'containerOverrides.resourceRequirements[2].value',
      'containerOverrides.vcpus',
      'containerOverrides.memory',
    ]);
  });

  it('without a definition, a fractional vCPU override is accepted (it may be a Fargate size)', () => {
    const r = req({ containerOverrides: { resourceRequirements: [{ type: 'VCPU', value: '0.25' }] } });
    expect(validateSubmitJob(r)).toEqual([]);
    expect(fields(validateSubmitJob(r, ec2Def()))).toEqual(['containerOverrides.resourceRequirements[0].value']);
    expect(fields(validateSubmitJob(req({ containerOverrides: { resourceRequirements: [{ type: 'VCPU', value: '0' }] } })))).toEqual([
      'containerOverrides.resourceRequirements[0].value',
    ]);
  });

  it('rejects a payload over 30 KiB', () => {
    const issues = validateSubmitJob(req({ parameters: { big: 'x'.repeat(31 * 1024) } }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^the request is \d+ bytes; SubmitJob requests can be at most 30720 bytes/);
  });

  it('checks tags', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, k) => [`k${k}`, 'v']));
    expect(fields(validateSubmitJob(req({ tags })))).toEqual(['tags']);
    expect(fields(validateSubmitJob(req({ tags: { 'aws:x': 'v', ok: 'v'.repeat(257) } })))).toEqual(['tags.aws:x', 'tags.ok']);
  });

  it('checks the shareIdentifier pattern', () => {
    expect(fields(validateSubmitJob(req({ shareIdentifier: 'team-a' })))).toEqual(['shareIdentifier']);
    expect(validateSubmitJob(req({ shareIdentifier: 'teamA*' }))).toEqual([]);
  });
});

describe('validateSubmitJob: against the definition', () => {
  it('rejects deprecated vcpus/memory overrides of resourceRequirements with the AWS message', () => {
    const issues = validateSubmitJob(req({ containerOverrides: { vcpus: 4, memory: 4096 } }), ec2Def());
    expect(issues).toEqual([
      { field: 'containerOverrides.vcpus', message: DEPRECATED_KEY_CONFLICT },
      { field: 'containerOverrides.memory', message: DEPRECATED_KEY_CONFLICT },
    ]);
  });

  it('allows deprecated overrides on a definition that uses deprecated keys', () => {
    expect(validateSubmitJob(req({ containerOverrides: { vcpus: 4 } }), ec2Def({ containerProperties: { image: 'i', vcpus: 1, memory: 512 } }))).toEqual([]);
  });

  it('checks Fargate vCPU/memory pairs after overrides', () => {
    expect(validateSubmitJob(req(), fargateDef('0.5', '1024'))).toEqual([]);
    expect(validateSubmitJob(req(), fargateDef('0.5', '8192'))).toEqual([
      { field: 'jobDefinition', message: 'VCPU 0.5 with MEMORY 8192 MiB is not a valid Fargate size: with VCPU 0.5, MEMORY must be 1024-4096 MiB in steps of 1024' },
    ]);
    const over = validateSubmitJob(req({ containerOverrides: { resourceRequirements: [{ type: 'VCPU', value: '2' }] } }), fargateDef('0.5', '1024'));
    expect(over).toEqual([
      {
        field: 'containerOverrides.resourceRequirements',
        message: 'VCPU 2 with MEMORY 1024 MiB is not a valid Fargate size: with VCPU 2, MEMORY must be 4096-16384 MiB in steps of 1024',
      },
    ]);
    expect(validateSubmitJob(req({ containerOverrides: { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '4096' }] } }), fargateDef())).toEqual([]);
  });

  it('rejects GPU and nodeOverrides on Fargate', () => {
    const issues = validateSubmitJob(req({ containerOverrides: { resourceRequirements: [{ type: 'GPU', value: '1' }] }, nodeOverrides: { numNodes: 2 } }), fargateDef());
    expect(fields(issues)).toEqual(['containerOverrides.resourceRequirements[0].type', 'nodeOverrides', 'containerOverrides.resourceRequirements']);
  });

  it('matches override kinds to the definition and refuses INACTIVE definitions', () => {
    const issues = validateSubmitJob(
      req({ ecsPropertiesOverride: { taskProperties: [] }, eksPropertiesOverride: {}, nodeOverrides: {}, containerOverrides: { instanceType: 'c5.large' } }),
      ec2Def({ status: 'INACTIVE' }),
    );
    expect(fields(issues)).toEqual(['jobDefinition', 'ecsPropertiesOverride', 'eksPropertiesOverride', 'nodeOverrides', 'containerOverrides.instanceType']);
  });

  it('checks numNodes overrides against open-ended ranges and mainNode', () => {
    const mnp = ec2Def({
      type: 'multinode',
      containerProperties: undefined,
      nodeProperties: { numNodes: 2, mainNode: 1, nodeRangeProperties: [{ targetNodes: '0:', container: { image: 'i' } }] },
    });
    expect(validateSubmitJob(req({ nodeOverrides: { numNodes: 4 } }), mnp)).toEqual([]);
    expect(validateSubmitJob(req({ nodeOverrides: { numNodes: 1 } }), mnp)).toEqual([{ field: 'nodeOverrides.numNodes', message: 'must be greater than mainNode 1 (got 1)' }]);
    const closed = ec2Def({ type: 'multinode', containerProperties: undefined, nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:1' }] } });
    expect(fields(validateSubmitJob(req({ nodeOverrides: { numNodes: 3 } }), closed))).toEqual(['nodeOverrides.numNodes']);
  });
});

describe('validateSubmitJob: against the queue', () => {
  const fifo = { jobQueueName: 'fifo', state: 'ENABLED' };
  const fair = { jobQueueName: 'fair', state: 'ENABLED', schedulingPolicyArn: 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/p' };

  it('requires shareIdentifier on a fair-share queue', () => {
    expect(validateSubmitJob(req(), undefined, fair)).toEqual([{ field: 'shareIdentifier', message: 'is required: fair has a fair-share scheduling policy' }]);
    expect(validateSubmitJob(req({ shareIdentifier: 'teamA', schedulingPriorityOverride: 5 }), undefined, fair)).toEqual([]);
  });

  it('forbids shareIdentifier and schedulingPriorityOverride on a FIFO queue', () => {
    expect(fields(validateSubmitJob(req({ shareIdentifier: 'teamA', schedulingPriorityOverride: 1 }), undefined, fifo))).toEqual([
      'shareIdentifier',
      'schedulingPriorityOverride',
    ]);
  });

  it('limits a queue to 500 active share identifiers', () => {
    const active = new Set(Array.from({ length: 500 }, (_, k) => `s${k}`));
    expect(validateSubmitJob(req({ shareIdentifier: 's1' }), undefined, fair, { activeShareIdentifiers: active })).toEqual([]);
    expect(fields(validateSubmitJob(req({ shareIdentifier: 'new' }), undefined, fair, { activeShareIdentifiers: active }))).toEqual(['shareIdentifier']);
    active.delete('s0');
    expect(validateSubmitJob(req({ shareIdentifier: 'new' }), undefined, fair, { activeShareIdentifiers: active })).toEqual([]);
  });

  it('refuses a DISABLED queue', () => {
    expect(validateSubmitJob(req(), undefined, { jobQueueName: 'q', state: 'DISABLED' })).toEqual([
      { field: 'jobQueue', message: 'q is DISABLED and does not accept new jobs' },
    ]);
  });
});

describe('resolveEffectiveJob', () => {
  it('applies command override, Ref:: substitution (defaults < submit) and environment precedence', () => {
    const eff = resolveEffectiveJob(
      req({ parameters: { input: 'in.mov' }, containerOverrides: { environment: [{ name: 'A', value: 'over' }, { name: 'B', value: '2' }] } }),
      ec2Def(),
    );
    expect(eff.command).toEqual(['ffmpeg', '-c', 'mp4', '-i', 'in.mov']);
    expect(eff.unresolvedParameters).toEqual([]);
    expect(eff.environment).toEqual([
      { name: 'A', value: 'over' },
      { name: 'B', value: '2' },
    ]);
    expect(eff.platform).toBe('EC2');
  });

  it('a command override replaces the definition command, then is substituted too', () => {
    const eff = resolveEffectiveJob(req({ containerOverrides: { command: ['echo', 'Ref::codec', 'Ref::nope'] } }), ec2Def());
    expect(eff.command).toEqual(['echo', 'mp4', 'Ref::nope']);
    expect(eff.unresolvedParameters).toEqual(['nope']);
  });

  it('resourceRequirements overrides win by type; deprecated keys do not beat resourceRequirements', () => {
    const eff = resolveEffectiveJob(req({ containerOverrides: { resourceRequirements: [{ type: 'MEMORY', value: '4096' }, { type: 'GPU', value: '1' }], vcpus: 16 } }), ec2Def());
    expect(eff.resources).toEqual({ vcpus: 2, memoryMiB: 4096, gpus: 1 });
    expect(eff.resourceRequirements).toEqual([
      { type: 'VCPU', value: '2' },
      { type: 'MEMORY', value: '4096' },
      { type: 'GPU', value: '1' },
    ]);
  });

  it('deprecated definition keys are used, and overridable by deprecated or new keys', () => {
    const c = { image: 'i', vcpus: 1, memory: 512 };
    expect(mergeResourceRequirements(c, { vcpus: 4 })).toEqual([
      { type: 'VCPU', value: '4' },
      { type: 'MEMORY', value: '512' },
    ]);
    expect(mergeResourceRequirements(c, { memory: 1024, resourceRequirements: [{ type: 'MEMORY', value: '2048' }] })).toEqual([
      { type: 'VCPU', value: '1' },
      { type: 'MEMORY', value: '2048' },
    ]);
  });

  it('job-level overrides beat the definition: retry, timeout, priority, propagateTags', () => {
    const def = ec2Def({ retryStrategy: { attempts: 3 }, timeout: { attemptDurationSeconds: 600 }, schedulingPriority: 5, propagateTags: true });
    const base = resolveEffectiveJob(req(), def);
    expect(base).toMatchObject({ retryStrategy: { attempts: 3 }, timeout: { attemptDurationSeconds: 600 }, schedulingPriority: 5, propagateTags: true });
    const over = resolveEffectiveJob(
      req({ retryStrategy: { attempts: 1 }, timeout: { attemptDurationSeconds: 60 }, schedulingPriorityOverride: 9, propagateTags: false }),
      def,
    );
    expect(over).toMatchObject({ retryStrategy: { attempts: 1 }, timeout: { attemptDurationSeconds: 60 }, schedulingPriority: 9, propagateTags: false });
    expect(resolveEffectiveJob(req(), ec2Def()).retryStrategy).toEqual({ attempts: 1 });
  });

  it('propagates definition tags to the task, job tags winning a clash', () => {
    const eff = resolveEffectiveJob(req({ propagateTags: true, tags: { team: 'job', j: '1' } }), ec2Def({ tags: { team: 'def', d: '2' } }));
    expect(eff.tags).toEqual({ team: 'job', j: '1' });
    expect(eff.taskTags).toEqual({ team: 'job', d: '2', j: '1' });
    expect(eff.failureReason).toBeUndefined();
  });

  it('more than 50 combined tags with propagateTags makes the job FAILED (not a submit error)', () => {
    const jobTags = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`j${k}`, 'v']));
    const defTags = Object.fromEntries(Array.from({ length: 21 }, (_, k) => [`d${k}`, 'v']));
    const r = req({ propagateTags: true, tags: jobTags });
    expect(validateSubmitJob(r, ec2Def({ tags: defTags }))).toEqual([]);
    expect(resolveEffectiveJob(r, ec2Def({ tags: defTags })).failureReason).toBe(TAG_LIMIT_STATUS_REASON);
    // Clashing keys count once (30 + 21 unique = 51 still fails); exactly 50 passes; without propagateTags nothing is combined.
    expect(resolveEffectiveJob(r, ec2Def({ tags: { ...defTags, j0: 'x', j1: 'y' } })).failureReason).toBe(TAG_LIMIT_STATUS_REASON);
    expect(resolveEffectiveJob(r, ec2Def({ tags: Object.fromEntries(Object.entries(defTags).slice(0, 20)) })).failureReason).toBeUndefined();
    expect(resolveEffectiveJob(req({ tags: jobTags }), ec2Def({ tags: defTags })).failureReason).toBeUndefined();
  });

  it('Fargate platform and consumable resources (override replaces the definition list)', () => {
    const def = fargateDef();
    def.consumableResourceProperties = { consumableResourceList: [{ consumableResource: 'license', quantity: 2 }] };
    expect(resolveEffectiveJob(req(), def)).toMatchObject({ platform: 'FARGATE', consumableResources: [{ consumableResource: 'license', quantity: 2 }] });
    expect(
      resolveEffectiveJob(req({ consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'license', quantity: 5 }] } }), def).consumableResources,
    ).toEqual([{ consumableResource: 'license', quantity: 5 }]);
  });

  it('EKS: resources from requests (or limits), command + args, env override by name', () => {
    const def = ec2Def({
      containerProperties: undefined,
      eksProperties: {
        podProperties: {
          containers: [
            { name: 'main', image: 'i', command: ['sleep'], args: ['10'], env: [{ name: 'X', value: '1' }], resources: { limits: { cpu: '500m', memory: '2Gi', 'nvidia.com/gpu': '1' } } },
          ],
        },
      },
    });
    const eff = resolveEffectiveJob(req({ eksPropertiesOverride: { podProperties: { containers: [{ name: 'main', env: [{ name: 'X', value: '2' }] }] } } }), def);
    expect(eff.platform).toBe('EKS');
    expect(eff.command).toEqual(['sleep', '10']);
    expect(eff.environment).toEqual([{ name: 'X', value: '2' }]);
    expect(eff.resources).toEqual({ vcpus: 0.5, memoryMiB: 2048, gpus: 1 });
  });

  it('ecsProperties: a task needs the sum of its containers', () => {
    const def = ec2Def({
      containerProperties: undefined,
      ecsProperties: {
        taskProperties: [
          {
            containers: [
              { name: 'a', image: 'i', command: ['echo', 'a'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] },
              { name: 'b', image: 'i', resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }] },
            ],
          },
        ],
      },
    });
    const eff = resolveEffectiveJob(req({ ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'b', resourceRequirements: [{ type: 'MEMORY', value: '2048' }] }] }] } }), def);
    expect(eff.resources).toEqual({ vcpus: 3, memoryMiB: 2560, gpus: 0 });
    expect(eff.command).toEqual(['echo', 'a']);
  });

  it('MNP: each node gets its narrowest range; resources are the largest node\'s, the job-level view the main node\'s', () => {
    const ranges = [
      { targetNodes: '0:', container: { image: 'i', instanceType: 'c5.xlarge', resourceRequirements: [{ type: 'VCPU' as const, value: '4' }, { type: 'MEMORY' as const, value: '4096' }] } },
      { targetNodes: '1:1', container: { image: 'i', instanceType: 'c5.xlarge', resourceRequirements: [{ type: 'VCPU' as const, value: '2' }, { type: 'MEMORY' as const, value: '1024' }] } },
    ];
    expect(nodeRangeFor(ranges, 0, 4)?.targetNodes).toBe('0:');
    expect(nodeRangeFor(ranges, 1, 4)?.targetNodes).toBe('1:1');
    const def = ec2Def({ type: 'multinode', containerProperties: undefined, nodeProperties: { numNodes: 4, mainNode: 1, nodeRangeProperties: ranges } });
    const eff = resolveEffectiveJob(req(), def);
    expect(eff).toMatchObject({ resources: { vcpus: 4, memoryMiB: 4096, gpus: 0 }, instanceType: 'c5.xlarge' });
    expect(eff.resourceRequirements).toEqual([{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }]);
    expect(eff.nodes?.of).toEqual([0, 1, 0, 0]);
    expect(eff.nodes?.groups.map((g) => g.range)).toEqual([0, 1]);
    // nodeOverrides: numNodes grows the open range; an override entry applies to the nodes it targets.
    const eff2 = resolveEffectiveJob(
      req({ nodeOverrides: { numNodes: 6, nodePropertyOverrides: [{ targetNodes: '4:', containerOverrides: { command: ['echo', 'Ref::x'], environment: [{ name: 'A', value: '1' }] } }] }, parameters: { x: 'y' } }),
      def,
    );
    expect(eff2.nodes?.of).toEqual([0, 1, 0, 0, 2, 2]);
    expect(eff2.nodes?.groups[2]).toMatchObject({ range: 0, override: 0, command: ['echo', 'y'], environment: [{ name: 'A', value: '1' }] });
  });

  it('nodeRangeFor: the narrowest range wins, the later one on a tie; targetNodes forms', () => {
    const ranges = [{ targetNodes: '0:3' }, { targetNodes: '2:3' }, { targetNodes: '1:2' }, { targetNodes: '3' }];
    expect([0, 1, 2, 3].map((n) => nodeRangeFor(ranges, n, 4)?.targetNodes)).toEqual(['0:3', '1:2', '1:2', '3']);
    expect(nodeRangeFor([{ targetNodes: ':' }], 3, 4)?.targetNodes).toBe(':');
    expect(nodeRangeFor([{ targetNodes: ':1' }], 2, 4)).toBeUndefined();
    expect(nodeRangeFor([{ targetNodes: '5:' }], 5, 4)).toBeUndefined();
  });
});
