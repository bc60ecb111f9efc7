/** Flags -> a SubmitJob request (pure), and which flag sets which API field. */
import type { ArrayJobDependency, JobDependency, KeyValuePair, ResourceRequirement, SubmitJobRequest } from '@aws-sdk/client-batch';
import { InvalidArgumentError } from 'commander';
import { parseJobDefinitionRef } from '../shared/resolve.js';

export interface JobSubmitFlags {
  queue?: string;
  definition?: string;
  name?: string;
  arraySize?: number;
  dependsOn?: JobDependency[];
  parameter?: Record<string, string>;
  env?: Record<string, string>;
  command?: string[];
  vcpus?: string;
  memory?: string;
  gpus?: string;
  retryAttempts?: number;
  timeout?: number;
  shareIdentifier?: string;
  priority?: number;
  tag?: Record<string, string>;
  consumableResource?: Array<{ consumableResource: string; quantity: number }>;
}

/** API field (prefix) -> the flag that sets it, for validation messages. */
export const SUBMIT_FLAG_FIELDS: Record<string, string> = {
  jobName: '--name',
  jobQueue: '--queue',
  jobDefinition: '--definition',
  arrayProperties: '--array-size',
  dependsOn: '--depends-on',
  parameters: '--parameter',
  'containerOverrides.command': '--command',
  'containerOverrides.environment': '--env',
  'containerOverrides.resourceRequirements': '--vcpus/--memory/--gpus',
  retryStrategy: '--retry-attempts',
  timeout: '--timeout',
  shareIdentifier: '--share-identifier',
  schedulingPriorityOverride: '--priority',
  tags: '--tag',
  consumableResourcePropertiesOverride: '--consumable-resource',
};

const DEP_TYPES: Record<string, ArrayJobDependency> = { N_TO_N: 'N_TO_N', SEQUENTIAL: 'SEQUENTIAL' };

/**
 * `--depends-on` values: `ID` (a plain dependency), `ID:N_TO_N`, or `SEQUENTIAL` (each child after
 * the previous one; no id). An id may itself hold a colon (`parent:3`, an array child).
 */
export function parseDependency(raw: string, prev: JobDependency[] = []): JobDependency[] {
  const v = raw.trim();
  if (!v) throw new InvalidArgumentError('must be a job id, ID:N_TO_N or SEQUENTIAL');
  if (v.toUpperCase() === 'SEQUENTIAL') return [...prev, { type: 'SEQUENTIAL' }];
  const i = v.lastIndexOf(':');
  const tail = i >= 0 ? v.slice(i + 1).toUpperCase() : '';
  if (i >= 0 && DEP_TYPES[tail]) {
    const jobId = v.slice(0, i);
    if (!jobId) throw new InvalidArgumentError(`"${raw}" names no job id`);
    return [...prev, { jobId, type: DEP_TYPES[tail] }];
  }
  return [...prev, { jobId: v }];
}

/** The default job name: the definition's name (a job name must start with a letter or digit). */
export function defaultJobName(definition: string): string {
  const name = parseJobDefinitionRef(definition).name.slice(0, 128);
  return /^[A-Za-z0-9]/.test(name) ? name : `job${name}`.slice(0, 128);
}

function requirement(type: 'VCPU' | 'MEMORY' | 'GPU', value: string | undefined): ResourceRequirement | undefined {
  return value === undefined ? undefined : { type, value };
}

/**
 * The SubmitJob request: the --input file's fields (the full SubmitJob shape), overridden by flags.
 * Flags that shape the container go into containerOverrides; maps (parameters, tags, environment
 * by name, resourceRequirements by type) are merged with the file's.
 */
export function buildSubmitRequest(f: JobSubmitFlags, file: Record<string, unknown> = {}): SubmitJobRequest {
  const req: Record<string, unknown> = { ...file };
  if (f.queue !== undefined) req.jobQueue = f.queue;
  if (f.definition !== undefined) req.jobDefinition = f.definition;
  if (f.name !== undefined) req.jobName = f.name;
  else if (req.jobName === undefined && typeof req.jobDefinition === 'string' && req.jobDefinition) req.jobName = defaultJobName(req.jobDefinition);
  if (f.arraySize !== undefined) req.arrayProperties = { ...((req.arrayProperties as object) ?? {}), size: f.arraySize };
  if (f.dependsOn?.length) req.dependsOn = [...((req.dependsOn as JobDependency[]) ?? []), ...f.dependsOn];
  if (f.parameter) req.parameters = { ...((req.parameters as Record<string, string>) ?? {}), ...f.parameter };
  if (f.retryAttempts !== undefined) req.retryStrategy = { ...((req.retryStrategy as object) ?? {}), attempts: f.retryAttempts };
  if (f.timeout !== undefined) req.timeout = { attemptDurationSeconds: f.timeout };
  if (f.shareIdentifier !== undefined) req.shareIdentifier = f.shareIdentifier;
  if (f.priority !== undefined) req.schedulingPriorityOverride = f.priority;
  if (f.tag) req.tags = { ...((req.tags as Record<string, string>) ?? {}), ...f.tag };
  if (f.consumableResource?.length) req.consumableResourcePropertiesOverride = { consumableResourceList: f.consumableResource };
  const touches = [f.command, f.env, f.vcpus, f.memory, f.gpus].some((v) => v !== undefined);
  if (touches) {
    const base = (req.containerOverrides as Record<string, unknown> | undefined) ?? {};
    const co: Record<string, unknown> = { ...base };
    if (f.command) co.command = f.command;
    if (f.env) {
      const env = [...((base.environment as KeyValuePair[]) ?? [])];
      for (const [name, value] of Object.entries(f.env)) {
        const i = env.findIndex((e) => e.name === name);
        if (i >= 0) env[i] = { name, value };
        else env.push({ name, value });
      }
      co.environment = env;
    }
    const rr = [...((base.resourceRequirements as ResourceRequirement[]) ?? [])];
    for (const r of [requirement('VCPU', f.vcpus), requirement('MEMORY', f.memory), requirement('GPU', f.gpus)]) {
      if (!r) continue;
      const i = rr.findIndex((x) => x.type === r.type);
      if (i >= 0) rr[i] = r;
      else rr.push(r);
    }
    if (rr.length) co.resourceRequirements = rr;
    req.containerOverrides = co;
  }
  return req as unknown as SubmitJobRequest;
}
