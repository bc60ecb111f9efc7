/** Flags -> a RegisterJobDefinition request (pure), and which flag sets which API field. */
import type { ContainerProperties, KeyValuePair, RegisterJobDefinitionRequest, ResourceRequirement } from '@aws-sdk/client-batch';
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../shared/flags.js';
import { compact } from '../shared/resource-options.js';
import { splitShellWords } from './shell-words.js';

export const PLATFORM_CHOICES = ['EC2', 'FARGATE'] as const;

/** Without --input, a definition gets 1 vCPU and 2048 MiB: valid on EC2 and a Fargate pair. */
export const DEFAULT_VCPUS = '1';
export const DEFAULT_MEMORY = '2048';

export interface JobdefRegisterFlags {
  image?: string;
  command?: string[];
  vcpus?: string;
  memory?: string;
  gpus?: string;
  platform?: string;
  executionRole?: string;
  jobRole?: string;
  env?: Record<string, string>;
  parameter?: Record<string, string>;
  retryAttempts?: number;
  timeout?: number;
  logGroup?: string;
  publicIp?: boolean;
  tag?: Record<string, string>;
  propagateTags?: boolean;
  schedulingPriority?: number;
  consumableResource?: Array<{ consumableResource: string; quantity: number }>;
}

export const JOBDEF_FLAG_FIELDS: Record<string, string> = {
  jobDefinitionName: '<name>',
  platformCapabilities: '--platform',
  parameters: '--parameter',
  retryStrategy: '--retry-attempts',
  timeout: '--timeout',
  tags: '--tag',
  propagateTags: '--propagate-tags',
  schedulingPriority: '--scheduling-priority',
  consumableResourceProperties: '--consumable-resource',
  'containerProperties.image': '--image',
  'containerProperties.command': '--command',
  'containerProperties.resourceRequirements': '--vcpus/--memory/--gpus',
  'containerProperties.executionRoleArn': '--execution-role',
  'containerProperties.jobRoleArn': '--job-role',
  'containerProperties.environment': '--env',
  'containerProperties.logConfiguration': '--log-group',
  'containerProperties.networkConfiguration': '--public-ip',
};

/** `--command` parser: a string split like a shell. */
export function parseCommand(value: string): string[] {
  try {
    const words = splitShellWords(value);
    if (!words.length) throw new Error('is empty');
    return words;
  } catch (err) {
    throw new InvalidArgumentError(`${(err as Error).message}; quote words like a shell: --command "sh -c 'echo hi'"`);
  }
}

/** `--timeout 1h` -> seconds. */
export function parseTimeoutSeconds(value: string): number {
  return Math.round(parseDuration(value) / 1000);
}

/** A positive decimal (vCPUs may be 0.25 on Fargate), kept as the API's string. */
export function parseDecimal(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new InvalidArgumentError('must be a number, e.g. 1, 0.5 or 2048');
  return value.trim();
}

function requirement(type: 'VCPU' | 'MEMORY' | 'GPU', value: string | undefined): ResourceRequirement | undefined {
  return value === undefined ? undefined : { type, value };
}

/** Sets or replaces resource requirements by type, keeping the others. */
function mergeRequirements(base: ResourceRequirement[] | undefined, over: Array<ResourceRequirement | undefined>): ResourceRequirement[] | undefined {
  const out = [...(base ?? [])];
  for (const r of over) {
    if (!r) continue;
    const i = out.findIndex((x) => x.type === r.type);
    if (i >= 0) out[i] = r;
    else out.push(r);
  }
  return out.length ? out : undefined;
}

function mergeEnvironment(base: KeyValuePair[] | undefined, env: Record<string, string> | undefined): KeyValuePair[] | undefined {
  if (!env) return base;
  const out = [...(base ?? [])];
  for (const [name, value] of Object.entries(env)) {
    const i = out.findIndex((e) => e.name === name);
    if (i >= 0) out[i] = { name, value };
    else out.push({ name, value });
  }
  return out;
}

/** Whether any flag shapes the container (so containerProperties is built or changed). */
function touchesContainer(f: JobdefRegisterFlags): boolean {
  return [f.image, f.command, f.vcpus, f.memory, f.gpus, f.executionRole, f.jobRole, f.env, f.logGroup, f.publicIp].some((v) => v !== undefined);
}

/**
 * The RegisterJobDefinition request: the --input file's fields, overridden by flags. Without a
 * file: a `container` definition on EC2 (or --platform) with 1 vCPU and 2048 MiB unless given.
 */
export function buildRegisterRequest(name: string | undefined, f: JobdefRegisterFlags, file: Record<string, unknown> = {}): RegisterJobDefinitionRequest {
  const fromFile = Object.keys(file).length > 0;
  const req: Record<string, unknown> = { ...file };
  if (name !== undefined) req.jobDefinitionName = name;
  if (req.type === undefined && !fromFile) req.type = 'container';
  if (f.platform) req.platformCapabilities = [f.platform];
  if (f.parameter) req.parameters = { ...((req.parameters as Record<string, string>) ?? {}), ...f.parameter };
  if (f.retryAttempts !== undefined) req.retryStrategy = { ...((req.retryStrategy as object) ?? {}), attempts: f.retryAttempts };
  if (f.timeout !== undefined) req.timeout = { attemptDurationSeconds: f.timeout };
  if (f.tag) req.tags = { ...((req.tags as Record<string, string>) ?? {}), ...f.tag };
  if (f.propagateTags !== undefined) req.propagateTags = f.propagateTags;
  if (f.schedulingPriority !== undefined) req.schedulingPriority = f.schedulingPriority;
  if (f.consumableResource?.length) req.consumableResourceProperties = { consumableResourceList: f.consumableResource };
  if (!fromFile || touchesContainer(f)) {
    const base = (req.containerProperties as ContainerProperties | undefined) ?? {};
    const defaults = !fromFile;
    const c = compact({
      ...base,
      image: f.image ?? base.image,
      command: f.command ?? base.command,
      jobRoleArn: f.jobRole ?? base.jobRoleArn,
      executionRoleArn: f.executionRole ?? base.executionRoleArn,
      resourceRequirements: mergeRequirements(base.resourceRequirements, [
        requirement('VCPU', f.vcpus ?? (defaults && !base.vcpus ? DEFAULT_VCPUS : undefined)),
        requirement('MEMORY', f.memory ?? (defaults && !base.memory ? DEFAULT_MEMORY : undefined)),
        requirement('GPU', f.gpus),
      ]),
      environment: mergeEnvironment(base.environment, f.env),
      logConfiguration: f.logGroup
        ? { ...(base.logConfiguration ?? {}), logDriver: base.logConfiguration?.logDriver ?? 'awslogs', options: { ...(base.logConfiguration?.options ?? {}), 'awslogs-group': f.logGroup } }
        : base.logConfiguration,
      networkConfiguration: f.publicIp !== undefined ? { assignPublicIp: f.publicIp ? 'ENABLED' : 'DISABLED' } : base.networkConfiguration,
    }) as ContainerProperties;
    req.containerProperties = c;
  }
  return req as unknown as RegisterJobDefinitionRequest;
}
