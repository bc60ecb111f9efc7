import { describe, expect, it } from 'vitest';
import type { ComputeEnvironmentDetail, JobDefinition, JobQueueDetail, SchedulingPolicyDetail } from '@aws-sdk/client-batch';
import { palette } from '../../../src/io/color.js';
import { colorState, colorStatus } from '../../../src/render/status.js';
import { nameFromArn, renderDetail, tagsInline } from '../../../src/render/format.js';
import { CE_COLUMNS, ceTypeLabel, ceVcpus, describeComputeEnvironment } from '../../../src/render/compute-environment.js';
import { QUEUE_COLUMNS, describeJobQueue, formatSeconds, queueComputeEnvironments, queuePolicy } from '../../../src/render/job-queue.js';
import { describeJobDefinition, jdCommand, jdImage, jdMemory, jdPlatform, jdVcpus, shellQuote } from '../../../src/render/job-definition.js';
import { describeSchedulingPolicy, policyShares } from '../../../src/render/scheduling-policy.js';
import { jobColumns } from '../../../src/render/job.js';

const plain = palette(false);
const color = palette(true);

const ce: ComputeEnvironmentDetail = {
  computeEnvironmentName: 'demo-ce',
  computeEnvironmentArn: 'arn:aws:batch:us-east-1:123456789012:compute-environment/demo-ce',
  type: 'MANAGED',
  state: 'ENABLED',
  status: 'VALID',
  statusReason: 'ComputeEnvironment Healthy',
  computeResources: { type: 'EC2', minvCpus: 0, desiredvCpus: 2, maxvCpus: 16, instanceTypes: ['optimal'], subnets: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-1'], instanceRole: 'ecsInstanceRole', allocationStrategy: 'BEST_FIT_PROGRESSIVE' },
  tags: { team: 'data', env: 'dev' },
};

describe('status colours', () => {
  it('colours statuses by meaning', () => {
    expect(colorStatus('VALID', color)).toBe('\x1b[32mVALID\x1b[39m');
    expect(colorStatus('INVALID', color)).toBe('\x1b[31mINVALID\x1b[39m');
    for (const s of ['CREATING', 'UPDATING', 'DELETING']) expect(colorStatus(s, color)).toBe(`\x1b[33m${s}\x1b[39m`);
    expect(colorStatus('DISABLED', color)).toBe('\x1b[2mDISABLED\x1b[22m');
    expect(colorStatus(undefined, color)).toBe('-');
    expect(colorStatus('VALID', plain)).toBe('VALID');
  });
  it('keeps ENABLED plain and dims DISABLED', () => {
    expect(colorState('ENABLED', color)).toBe('ENABLED');
    expect(colorState('DISABLED', color)).toBe('\x1b[2mDISABLED\x1b[22m');
  });
});

describe('format helpers', () => {
  it('takes names out of ARNs', () => {
    expect(nameFromArn('arn:aws:batch:us-east-1:1:job-queue/q1')).toBe('q1');
    expect(nameFromArn('arn:aws:batch:us-east-1:1:job-definition/jd:3')).toBe('jd:3');
    expect(nameFromArn('plain')).toBe('plain');
  });
  it('prints tags sorted', () => {
    expect(tagsInline({ b: '2', a: '1' })).toBe('a=1, b=2');
    expect(tagsInline(undefined)).toBe('-');
  });
  it('aligns detail rows across sections and drops empty ones', () => {
    const out = renderDetail('title', [{ rows: [['A', 'x'], ['Longer', undefined]] }, { title: 'Sec', rows: [['Key', 'v\nw']] }], plain);
    expect(out).toBe(['title', '  A      x', '  Sec', '    Key  v', '         w', ''].join('\n'));
  });
});

describe('compute environments', () => {
  it('labels type and vCPUs', () => {
    expect(ceTypeLabel(ce)).toBe('EC2');
    expect(ceVcpus(ce)).toBe('0/2/16');
    expect(ceTypeLabel({ ...ce, type: 'UNMANAGED', computeResources: undefined, unmanagedvCpus: 8 })).toBe('UNMANAGED');
    expect(ceVcpus({ ...ce, type: 'UNMANAGED', computeResources: undefined, unmanagedvCpus: 8 })).toBe('8');
    expect(ceVcpus({ ...ce, computeResources: { type: 'FARGATE', maxvCpus: 4 } })).toBe('-/-/4');
    expect(ceTypeLabel({ ...ce, containerOrchestrationType: 'EKS' })).toBe('EKS EC2');
  });
  it('has the list columns, with wide-only extras', () => {
    expect(CE_COLUMNS.filter((c) => !c.wide).map((c) => c.header)).toEqual(['NAME', 'TYPE', 'STATE', 'STATUS', 'VCPUS', 'INSTANCE TYPES']);
    expect(CE_COLUMNS.filter((c) => c.wide).map((c) => c.header)).toEqual(['SUBNETS', 'ARN', 'REASON']);
    expect(CE_COLUMNS.map((c) => c.cell(ce, plain))).toEqual(['demo-ce', 'EC2', 'ENABLED', 'VALID', '0/2/16', 'optimal', 'subnet-a, subnet-b', ce.computeEnvironmentArn, 'ComputeEnvironment Healthy']);
  });
  it('describes with status reason, resources, network and tags', () => {
    expect(describeComputeEnvironment(ce, plain)).toBe(
      [
        'demo-ce',
        '  ARN                arn:aws:batch:us-east-1:123456789012:compute-environment/demo-ce',
        '  Type               MANAGED EC2 on ECS',
        '  State              ENABLED',
        '  Status             VALID (ComputeEnvironment Healthy)',
        '  Service role       service-linked role (AWSServiceRoleForBatch)',
        '  Resources',
        '    vCPUs            min 0 · desired 2 · max 16',
        '    Instance types   optimal',
        '    Allocation       BEST_FIT_PROGRESSIVE',
        '    Instance role    ecsInstanceRole',
        '  Network',
        '    Subnets          subnet-a, subnet-b',
        '    Security groups  sg-1',
        '  Tags',
        '    env              dev',
        '    team             data',
        '',
      ].join('\n'),
    );
  });
});

describe('job queues', () => {
  const q: JobQueueDetail = {
    jobQueueName: 'work',
    jobQueueArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/work',
    state: 'ENABLED',
    status: 'VALID',
    priority: 10,
    computeEnvironmentOrder: [
      { order: 2, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/b' },
      { order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/a' },
    ],
    jobStateTimeLimitActions: [{ reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE', maxTimeSeconds: 14400, action: 'CANCEL' }],
  };
  it('orders compute environments and names the policy', () => {
    expect(queueComputeEnvironments(q)).toBe('a, b');
    expect(queuePolicy(q)).toBe('FIFO');
    expect(queuePolicy({ ...q, schedulingPolicyArn: 'arn:aws:batch:us-east-1:1:scheduling-policy/fair' })).toBe('fair');
    expect(QUEUE_COLUMNS.map((c) => c.cell(q, plain)).slice(0, 6)).toEqual(['work', '10', 'ENABLED', 'VALID', 'a, b', 'FIFO']);
  });
  it('formats durations', () => {
    expect(formatSeconds(14400)).toBe('4h');
    expect(formatSeconds(5400)).toBe('1h30m');
    expect(formatSeconds(600)).toBe('10m');
    expect(formatSeconds(90)).toBe('90s');
  });
  it('describes the order and time limits', () => {
    const out = describeJobQueue(q, plain);
    expect(out).toMatch(/Compute environments\n\s+1\s+a\n\s+2\s+b\n/);
    expect(out).toMatch(/RUNNABLE\s+CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY\ for\ 4h\ →\ CANCEL/);
    expect(out).toMatch(/Scheduling\s+FIFO/);
  });
});

describe('job definitions', () => {
  const jd: JobDefinition = {
    jobDefinitionName: 'hello',
    jobDefinitionArn: 'arn:aws:batch:us-east-1:123456789012:job-definition/hello:3',
    revision: 3,
    status: 'ACTIVE',
    type: 'container',
    platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: 'busybox',
      command: ['sh', '-c', 'echo hi there'],
      resourceRequirements: [{ type: 'VCPU', value: '0.25' }, { type: 'MEMORY', value: '512' }],
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      environment: [{ name: 'STAGE', value: 'dev' }],
    },
    parameters: { who: 'world' },
    retryStrategy: { attempts: 2 },
    timeout: { attemptDurationSeconds: 600 },
  };
  it('summarises platform, image, resources and command', () => {
    expect(jdPlatform(jd)).toBe('FARGATE');
    expect(jdImage(jd)).toBe('busybox');
    expect(jdVcpus(jd)).toBe('0.25');
    expect(jdMemory(jd)).toBe('512');
    expect(jdCommand(jd)).toBe("sh -c 'echo hi there'");
    expect(jdVcpus({ ...jd, containerProperties: { image: 'x', vcpus: 2, memory: 1024 } })).toBe('2');
    const eks: JobDefinition = { ...jd, platformCapabilities: undefined, containerProperties: undefined, eksProperties: { podProperties: { containers: [{ image: 'e', resources: { requests: { cpu: '1', memory: '2048Mi' } } }] } } };
    expect([jdPlatform(eks), jdImage(eks), jdVcpus(eks), jdMemory(eks)]).toEqual(['EKS', 'e', '1', '2048Mi']);
  });
  it('quotes like a shell', () => {
    expect(shellQuote(['echo', "it's", '', 'a b'])).toBe(`echo 'it'\\''s' '' 'a b'`);
  });
  it('describes a revision', () => {
    const out = describeJobDefinition(jd, plain);
    expect(out.split('\n')[0]).toBe('hello:3');
    expect(out).toMatch(/Memory\s+512\ MiB/);
    expect(out).toMatch(/Retry\s+2\ attempts/);
    expect(out).toMatch(/Timeout\s+10m/);
    expect(out).toMatch(/Environment\n\s+STAGE\s+dev/);
  });
});

describe('scheduling policies', () => {
  const p: SchedulingPolicyDetail = {
    name: 'teams',
    arn: 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams',
    fairsharePolicy: { shareDecaySeconds: 3600, computeReservation: 10, shareDistribution: [{ shareIdentifier: 'a', weightFactor: 0.5 }, { shareIdentifier: 'b*' }] },
  };
  it('lists shares with their weights', () => {
    expect(policyShares(p)).toBe('a:0.5, b*:1');
  });
  it('describes decay, reservation and shares', () => {
    const out = describeSchedulingPolicy(p, plain);
    expect(out).toMatch(/Share\ decay\s+1h/);
    expect(out).toMatch(/Reservation\s+10%/);
    expect(out).toMatch(/\s+a\s+0\.5/);
  });
});

describe('job list', () => {
  it('a multi-node job says how many nodes it has; its nodes (ID#N) do not', () => {
    const status = jobColumns({ relative: false, now: 0 }).find((col) => col.header === 'STATUS')!;
    const plain = palette(false);
    expect(status.cell({ jobId: 'j', jobName: 'n', status: 'RUNNING', nodeProperties: { numNodes: 4 } } as never, plain)).toBe('RUNNING 4 nodes');
    expect(status.cell({ jobId: 'j#1', jobName: 'n', status: 'RUNNING', nodeProperties: { numNodes: 4, nodeIndex: 1, isMainNode: false } } as never, plain)).toBe('RUNNING');
    expect(status.cell({ jobId: 'k', jobName: 'n', status: 'SUCCEEDED' } as never, plain)).toBe('SUCCEEDED');
  });
});
