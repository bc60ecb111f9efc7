/**
 * One scenario per validation rule class: AWS answers ClientException with a message naming the
 * field. moto implements few of these rules; each case states what moto does instead.
 */
import { expect } from 'vitest';
import type { Backend } from '../../../src/backend/port.js';
import type { Scenario, World } from '../scenario.js';
import { type Network, defaultNetwork, rejection, serviceRole, validFargateCe } from './helpers.js';

interface Env {
  b: Backend;
  net: Network;
  role: string;
}

interface Case {
  name: string;
  /** The field the ClientException message must name. */
  field: string;
  call(env: Env): Promise<unknown>;
  /** What moto does with the same request (its deviation from AWS). */
  moto: 'accepts' | { rejectsWith: string };
  /** Needs a VALID Fargate CE named contract-valid-ce. */
  needsCe?: boolean;
}

const cp = { image: 'busybox', resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '512' }] };
const fargate = (net: Network, extra: object = {}) => ({ type: 'FARGATE' as const, maxvCpus: 16, subnets: net.subnets, securityGroupIds: net.securityGroups, ...extra });

const CASES: Case[] = [
  {
    name: 'CE name pattern', field: 'computeEnvironmentName', moto: { rejectsWith: 'InvalidParameterValue' },
    call: ({ b, net, role }) => b.batch.createComputeEnvironment({ computeEnvironmentName: 'bad name!', type: 'MANAGED', serviceRole: role, computeResources: fargate(net) }),
  },
  {
    name: 'CE range rule: maxvCpus >= minvCpus', field: 'computeResources.maxvCpus', moto: { rejectsWith: 'InvalidParameterValue' },
    call: ({ b, net, role }) => b.batch.createComputeEnvironment({
      computeEnvironmentName: 'contract-minmax', type: 'MANAGED', serviceRole: role,
      computeResources: { type: 'EC2', minvCpus: 8, maxvCpus: 4, instanceTypes: ['m5'], instanceRole: 'ecsInstanceRole', subnets: net.subnets, securityGroupIds: net.securityGroups },
    }),
  },
  {
    name: 'CE field applicability: instanceTypes on Fargate', field: 'computeResources.instanceTypes', moto: 'accepts',
    call: ({ b, net, role }) => b.batch.createComputeEnvironment({ computeEnvironmentName: 'contract-fgtypes', type: 'MANAGED', serviceRole: role, computeResources: fargate(net, { instanceTypes: ['m5'] }) }),
  },
  {
    name: 'CE type rule: UNMANAGED takes no computeResources', field: 'computeResources', moto: 'accepts',
    call: ({ b, net, role }) => b.batch.createComputeEnvironment({ computeEnvironmentName: 'contract-unmanaged', type: 'UNMANAGED', serviceRole: role, computeResources: fargate(net) }),
  },
  {
    name: 'queue: at most 3 compute environments', field: 'computeEnvironmentOrder', moto: 'accepts', needsCe: true,
    call: ({ b }) => b.batch.createJobQueue({
      jobQueueName: 'contract-q4', state: 'ENABLED', priority: 1,
      computeEnvironmentOrder: [0, 1, 2, 3].map((i) => ({ order: i, computeEnvironment: 'contract-valid-ce' })),
    }),
  },
  {
    name: 'queue: jobStateTimeLimitActions maxTimeSeconds 600-86400', field: 'jobStateTimeLimitActions[0].maxTimeSeconds', moto: 'accepts', needsCe: true,
    call: ({ b }) => b.batch.createJobQueue({
      jobQueueName: 'contract-qtl', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'contract-valid-ce' }],
      jobStateTimeLimitActions: [{ reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', state: 'RUNNABLE', maxTimeSeconds: 60, action: 'CANCEL' }],
    }),
  },
  {
    name: 'job definition: timeout >= 60 s', field: 'timeout.attemptDurationSeconds', moto: 'accepts',
    call: ({ b }) => b.batch.registerJobDefinition({ jobDefinitionName: 'contract-timeout', type: 'container', containerProperties: cp, timeout: { attemptDurationSeconds: 30 } }),
  },
  {
    name: 'job definition: Fargate VCPU/MEMORY pairs', field: 'containerProperties.resourceRequirements', moto: 'accepts',
    call: ({ b, role }) => b.batch.registerJobDefinition({
      jobDefinitionName: 'contract-fgpair', type: 'container', platformCapabilities: ['FARGATE'],
      containerProperties: { image: 'busybox', executionRoleArn: role, resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] },
    }),
  },
  {
    name: 'job definition: retryStrategy.attempts 1-10', field: 'retryStrategy.attempts', moto: 'accepts',
    call: ({ b }) => b.batch.registerJobDefinition({ jobDefinitionName: 'contract-retry', type: 'container', containerProperties: cp, retryStrategy: { attempts: 11 } }),
  },
  {
    name: 'job definition: payloads are mutually exclusive', field: 'eksProperties', moto: 'accepts',
    call: ({ b }) => b.batch.registerJobDefinition({
      jobDefinitionName: 'contract-two', type: 'container', containerProperties: cp, eksProperties: { podProperties: { containers: [{ image: 'busybox' }] } },
    }),
  },
  {
    name: 'job definition: reserved AWS_BATCH environment names', field: 'containerProperties.environment[0].name', moto: 'accepts',
    call: ({ b }) => b.batch.registerJobDefinition({ jobDefinitionName: 'contract-env', type: 'container', containerProperties: { ...cp, environment: [{ name: 'AWS_BATCH_X', value: '1' }] } }),
  },
  {
    name: 'scheduling policy: computeReservation 0-99', field: 'fairsharePolicy.computeReservation', moto: 'accepts',
    call: ({ b }) => b.batch.createSchedulingPolicy({ name: 'contract-reservation', fairsharePolicy: { computeReservation: 100 } }),
  },
  {
    name: 'tags: the aws: prefix is reserved', field: 'tags.aws:owner', moto: 'accepts',
    call: async ({ b }) => {
      const { arn } = await b.batch.createSchedulingPolicy({ name: 'contract-tagrule' });
      return b.batch.tagResource({ resourceArn: arn, tags: { 'aws:owner': 'me' } });
    },
  },
];

async function setUp(world: World, needsCe: boolean): Promise<Env> {
  const b = world.backend;
  const net = await defaultNetwork(b);
  const role = await serviceRole(b);
  if (needsCe) await validFargateCe(world, 'contract-valid-ce', role, net);
  return { b, net, role };
}

export const validationScenarios: Scenario[] = CASES.map((c) => ({
  name: `validation: ${c.name}`,
  async run(world) {
    const env = await setUp(world, c.needsCe ?? false);
    if (world.kind === 'moto') {
      if (c.moto === 'accepts') {
        // moto deviation: it does not implement this rule and accepts the request.
        await c.call(env);
      } else {
        // moto deviation: it rejects with its own error name and wording.
        expect((await rejection(c.call(env))).name).toBe(c.moto.rejectsWith);
      }
      return;
    }
    const err = await rejection(c.call(env));
    expect(err.name).toBe('ClientException');
    expect(err.message).toContain(c.field);
  },
}));
