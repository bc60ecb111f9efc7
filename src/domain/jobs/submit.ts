/**
 * SubmitJob semantics (spec/05 §2, spec/04 §14 and §16, spec/07 §2.4): every rule that can be checked
 * before a job exists (`validateSubmitJob`), and the effective job a request + job definition give
 * (`resolveEffectiveJob`): overrides, parameter substitution, resources, retry/timeout/priority,
 * tags and their propagation.
 *
 * Decisions (docs/simulator.md):
 * - A job whose propagated tags (job + definition, job wins) exceed 50 is accepted and then FAILED
 *   with statusReason `TAG_LIMIT_STATUS_REASON` (AWS gives no text).
 * - A FIFO queue rejects both shareIdentifier and schedulingPriorityOverride (spec/03 §5.1).
 * - N_TO_N needs an array job on both sides with equal sizes; a dependency job that does not exist
 *   is an error (when the caller can look jobs up).
 * - Messages follow domain/validation: `field` is the dotted path, `message` states the rule.
 */
import type {
  ContainerProperties,
  JobDefinition,
  JobTimeout,
  KeyValuePair,
  ResourceRequirement,
  RetryStrategy,
  SubmitJobRequest,
} from '@aws-sdk/client-batch';
import { userEnvironment, isReservedEnvName } from './environment.js';
import { describeFargateMemory, isValidFargatePair } from './fargate.js';
import type { Issue } from './issue.js';
import { mergeParameters, substituteParameters } from './parameters.js';
import { validateRetryStrategy } from './retry.js';
import { type NodeLayout, parseTargetNodes, resolveNodeLayout, targetNodesRule } from './nodes.js';

/** Limits of SubmitJob. */
export const SUBMIT_LIMITS = {
  maxDependencies: 20,
  minArraySize: 2,
  maxArraySize: 10_000,
  minTimeoutSeconds: 60,
  maxSchedulingPriority: 9999,
  maxTags: 50,
  maxPayloadBytes: 30 * 1024,
  maxShareIdentifierLength: 255,
  maxConsumableResources: 5,
  maxActiveShares: 500,
} as const;

/** The statusReason of a job FAILED because propagateTags would give its task more than 50 tags. */
export const TAG_LIMIT_STATUS_REASON = 'Job failed to propagate tags: the job and its job definition have more than 50 tags combined.';

/** The AWS message for a deprecated vcpus/memory override against a definition's resourceRequirements. */
export const DEPRECATED_KEY_CONFLICT =
  "This value was submitted using a deprecated key and may conflict with the value provided by the job definition's resource requirements.";

/** Job names: 1–128, first character alphanumeric, then letters, numbers, hyphens, underscores. */
export const JOB_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** shareIdentifier: up to 255 alphanumerics, optionally ending with `*`. */
export const SHARE_IDENTIFIER_RE = /^[A-Za-z0-9]{1,255}\*?$/;

/** Where a job runs, from the definition: ECS on EC2, ECS on Fargate, or EKS. */
export type JobPlatform = 'EC2' | 'FARGATE' | 'EKS';

/** The queue facts SubmitJob needs (a subset of JobQueueDetail). */
export interface SubmitQueueView {
  jobQueueName?: string;
  state?: string;
  schedulingPolicyArn?: string;
  /** Set when the attached policy is known to be a quota-management (not fair-share) policy. */
  quotaManagement?: boolean;
}

/** Lookups for the checks that need other jobs (dependencies). */
export interface SubmitContext {
  /** A job by ID (`id`, `id:i`), or undefined if there is no such job. */
  findJob?: (jobId: string) => { arraySize?: number } | undefined;
  /** The queue's active share identifiers (jobs SUBMITTED..RUNNING), for the 500-share limit. */
  activeShareIdentifiers?: ReadonlySet<string>;
}

/** vCPU, memory and GPUs a job (or one array child) asks for. */
export interface JobResources {
  vcpus: number;
  memoryMiB: number;
  gpus: number;
}

/** What a SubmitJob request and its job definition amount to. */
export interface EffectiveJob {
  platform: JobPlatform;
  /** The command after overrides and Ref:: substitution (undefined: the image's CMD). */
  command?: string[];
  unresolvedParameters: string[];
  parameters: Record<string, string>;
  /** User environment (definition < override), as DescribeJobs shows it. */
  environment: KeyValuePair[];
  /** The merged VCPU/MEMORY/GPU requirements, as DescribeJobs shows them. */
  resourceRequirements: ResourceRequirement[];
  resources: JobResources;
  instanceType?: string;
  retryStrategy: RetryStrategy;
  timeout?: JobTimeout;
  schedulingPriority?: number;
  shareIdentifier?: string;
  propagateTags: boolean;
  /** The job's own tags (DescribeJobs `tags`). */
  tags: Record<string, string>;
  /** Tags the ECS task gets when propagateTags is on (definition tags < job tags). */
  taskTags?: Record<string, string>;
  /** Set when the job must go FAILED as soon as it is created. */
  failureReason?: string;
  consumableResources: Array<{ consumableResource: string; quantity: number }>;
  arraySize?: number;
  /** MNP: each node's container (numNodes and nodePropertyOverrides applied). */
  nodes?: NodeLayout;
}

/** The largest vCPU, memory and GPU need over an MNP job's nodes (what each of its instances must hold). */
export function largestNode(layout: NodeLayout): JobResources {
  const out: JobResources = { vcpus: 0, memoryMiB: 0, gpus: 0 };
  for (const g of layout.groups) {
    const r = resourcesOf(g.resourceRequirements);
    out.vcpus = Math.max(out.vcpus, r.vcpus);
    out.memoryMiB = Math.max(out.memoryMiB, r.memoryMiB);
    out.gpus = Math.max(out.gpus, r.gpus);
  }
  return out;
}

/** The platform a definition targets. */
export function platformOf(def: Pick<JobDefinition, 'platformCapabilities' | 'eksProperties'>): JobPlatform {
  if (def.eksProperties) return 'EKS';
  return def.platformCapabilities?.includes('FARGATE') ? 'FARGATE' : 'EC2';
}

function rrMap(list: readonly ResourceRequirement[] | undefined): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of list ?? []) if (r.type && r.value !== undefined) m.set(r.type, r.value);
  return m;
}

/**
 * The merged resource requirements of a container: definition resourceRequirements (or its deprecated
 * vcpus/memory), then override resourceRequirements by type; the deprecated override keys apply only
 * where the definition does not use resourceRequirements for that type.
 */
export function mergeResourceRequirements(
  container: Pick<ContainerProperties, 'resourceRequirements' | 'vcpus' | 'memory'> | undefined,
  override?: { resourceRequirements?: ResourceRequirement[]; vcpus?: number; memory?: number },
): ResourceRequirement[] {
  const def = rrMap(container?.resourceRequirements);
  const merged = new Map(def);
  if (!merged.has('VCPU') && container?.vcpus !== undefined) merged.set('VCPU', String(container.vcpus));
  if (!merged.has('MEMORY') && container?.memory !== undefined) merged.set('MEMORY', String(container.memory));
  if (override?.vcpus !== undefined && !def.has('VCPU')) merged.set('VCPU', String(override.vcpus));
  if (override?.memory !== undefined && !def.has('MEMORY')) merged.set('MEMORY', String(override.memory));
  for (const [type, value] of rrMap(override?.resourceRequirements)) merged.set(type, value);
  const order = ['VCPU', 'MEMORY', 'GPU'];
  return [...merged.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([type, value]) => ({ type: type as ResourceRequirement['type'], value }));
}

/** Numbers from a resourceRequirements list (missing types are 0). */
export function resourcesOf(list: readonly ResourceRequirement[]): JobResources {
  const m = rrMap(list);
  const num = (t: string) => {
    const v = Number(m.get(t) ?? 0);
    return Number.isFinite(v) ? v : 0;
  };
  return { vcpus: num('VCPU'), memoryMiB: num('MEMORY'), gpus: num('GPU') };
}

/** Parses a Kubernetes quantity for cpu ("1", "0.5", "500m") or memory ("2048Mi", "2Gi"). */
function k8sQuantity(v: string | undefined, kind: 'cpu' | 'memory'): number {
  if (v === undefined) return 0;
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(v.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  if (kind === 'cpu') return unit === 'm' ? n / 1000 : n;
  const mib: Record<string, number> = { '': 1 / (1024 * 1024), Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, K: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576 };
  return n * (mib[unit] ?? 1);
}

export { nodeRangeFor } from './nodes.js';

/** Tags an ECS task gets with propagateTags: definition tags overridden by job tags. */
export function combinedTags(jobTags: Record<string, string> | undefined, definitionTags: Record<string, string> | undefined): Record<string, string> {
  return { ...(definitionTags ?? {}), ...(jobTags ?? {}) };
}

/** Resolves the effective job of a SubmitJob request against its (already resolved) job definition. */
export function resolveEffectiveJob(req: SubmitJobRequest, def: JobDefinition): EffectiveJob {
  const platform = platformOf(def);
  const parameters = mergeParameters(def.parameters, req.parameters);
  const co = req.containerOverrides;
  let baseCommand: string[] | undefined;
  let environment: KeyValuePair[] = [];
  let resourceRequirements: ResourceRequirement[] = [];
  let instanceType: string | undefined;
  let nodes: NodeLayout | undefined;

  if (def.containerProperties) {
    const c = def.containerProperties;
    baseCommand = co?.command ?? c.command;
    environment = userEnvironment(c.environment, co?.environment);
    resourceRequirements = mergeResourceRequirements(c, co);
    instanceType = co?.instanceType ?? c.instanceType;
  } else if (def.ecsProperties) {
    // Multi-container task: the job needs the sum of its containers; the first (essential) command runs.
    const containers = def.ecsProperties.taskProperties?.[0]?.containers ?? [];
    const overrides = req.ecsPropertiesOverride?.taskProperties?.[0]?.containers ?? [];
    let vcpus = 0;
    let memory = 0;
    let gpus = 0;
    containers.forEach((c, k) => {
      const o = overrides.find((x) => x.name !== undefined && x.name === c.name);
      const rr = resourcesOf(mergeResourceRequirements(c, { resourceRequirements: o?.resourceRequirements }));
      vcpus += rr.vcpus;
      memory += rr.memoryMiB;
      gpus += rr.gpus;
      if (k === 0) {
        baseCommand = o?.command ?? c.command;
        environment = userEnvironment(c.environment, o?.environment);
      }
    });
    resourceRequirements = [
      { type: 'VCPU', value: String(vcpus) },
      { type: 'MEMORY', value: String(memory) },
      ...(gpus > 0 ? [{ type: 'GPU' as const, value: String(gpus) }] : []),
    ];
  } else if (def.eksProperties) {
    const c = def.eksProperties.podProperties?.containers?.[0];
    const o = req.eksPropertiesOverride?.podProperties?.containers?.find((x) => !x.name || x.name === c?.name);
    baseCommand = o?.command ?? c?.command;
    if (baseCommand || o?.args || c?.args) baseCommand = [...(baseCommand ?? []), ...(o?.args ?? c?.args ?? [])];
    environment = userEnvironment(
      c?.env?.map((e) => ({ name: e.name, value: e.value })),
      o?.env?.map((e) => ({ name: e.name, value: e.value })),
    );
    const res = o?.resources ?? c?.resources;
    const pick = (key: string) => res?.requests?.[key] ?? res?.limits?.[key];
    const vcpus = k8sQuantity(pick('cpu'), 'cpu');
    const memory = Math.ceil(k8sQuantity(pick('memory'), 'memory'));
    const gpus = Number(pick('nvidia.com/gpu') ?? 0) || 0;
    resourceRequirements = [
      { type: 'VCPU', value: String(vcpus) },
      { type: 'MEMORY', value: String(memory) },
      ...(gpus > 0 ? [{ type: 'GPU' as const, value: String(gpus) }] : []),
    ];
  } else if (def.nodeProperties) {
    // MNP: every node has its own container (nodeLayout); the job-level view is the main node's,
    // and `resources` is the largest node's (each node gets an instance of its own).
    nodes = resolveNodeLayout(req, def, (c, o) => mergeResourceRequirements(c, o));
    const main = nodes.groups[nodes.of[nodes.mainNode] ?? 0];
    baseCommand = main?.command;
    environment = main?.environment ?? [];
    resourceRequirements = main?.resourceRequirements ?? [];
    instanceType = main?.instanceType;
  }

  const sub = baseCommand ? substituteParameters(baseCommand, parameters) : { command: undefined, unresolved: [] as string[] };
  const propagateTags = req.propagateTags ?? def.propagateTags ?? false;
  const tags = { ...(req.tags ?? {}) };
  const taskTags = propagateTags ? combinedTags(req.tags, def.tags) : undefined;
  const failureReason = taskTags && Object.keys(taskTags).length > SUBMIT_LIMITS.maxTags ? TAG_LIMIT_STATUS_REASON : undefined;
  const retry = req.retryStrategy ?? def.retryStrategy;
  const consumables = req.consumableResourcePropertiesOverride?.consumableResourceList ?? def.consumableResourceProperties?.consumableResourceList ?? [];

  return {
    platform,
    command: sub.command,
    unresolvedParameters: sub.unresolved,
    parameters,
    environment,
    resourceRequirements,
    resources: nodes ? largestNode(nodes) : resourcesOf(resourceRequirements),
    instanceType,
    nodes,
    retryStrategy: { ...(retry ?? {}), attempts: retry?.attempts ?? 1 },
    timeout: req.timeout ?? def.timeout,
    schedulingPriority: req.schedulingPriorityOverride ?? def.schedulingPriority,
    shareIdentifier: req.shareIdentifier,
    propagateTags,
    tags,
    taskTags,
    failureReason,
    consumableResources: consumables
      .filter((c) => c.consumableResource)
      .map((c) => ({ consumableResource: c.consumableResource as string, quantity: c.quantity ?? 1 })),
    arraySize: req.arrayProperties?.size,
  };
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

function checkEnvironment(env: ReadonlyArray<{ name?: string }> | undefined, field: string, out: Issue[]): void {
  env?.forEach((kv, k) => {
    if (!kv.name) out.push({ field: `${field}[${k}].name`, message: 'is required' });
    else if (isReservedEnvName(kv.name)) out.push({ field: `${field}[${k}].name`, message: `cannot start with "AWS_BATCH" (got ${kv.name})` });
  });
}

function checkCommand(command: readonly string[] | undefined, field: string, out: Issue[]): void {
  command?.forEach((c, k) => {
    if (c === '') out.push({ field: `${field}[${k}]`, message: "can't contain an empty string" });
  });
}

function checkResourceRequirements(list: readonly ResourceRequirement[] | undefined, field: string, platform: JobPlatform | undefined, out: Issue[]): void {
  const seen = new Set<string>();
  list?.forEach((r, k) => {
    const at = `${field}[${k}]`;
    if (r.type !== 'VCPU' && r.type !== 'MEMORY' && r.type !== 'GPU') {
      out.push({ field: `${at}.type`, message: `must be one of GPU, MEMORY, VCPU (got ${String(r.type)})` });
      return;
    }
    if (seen.has(r.type)) out.push({ field: `${at}.type`, message: `${r.type} is specified more than once` });
    seen.add(r.type);
    const n = Number(r.value);
    if (r.value === undefined || r.value.trim() === '' || !Number.isFinite(n)) {
      out.push({ field: `${at}.value`, message: `must be a number (got ${String(r.value)})` });
      return;
    }
    if (r.type === 'MEMORY' && (!Number.isInteger(n) || n < 4)) out.push({ field: `${at}.value`, message: `MEMORY must be an integer of at least 4 MiB (got ${r.value})` });
    // Fractional vCPUs are Fargate sizes: only a known EC2 definition makes them an error.
    if (r.type === 'VCPU' && (platform === 'EC2' ? !Number.isInteger(n) || n < 1 : n <= 0)) {
      out.push({ field: `${at}.value`, message: platform === 'EC2' ? `VCPU must be an integer of at least 1 on EC2 resources (got ${r.value})` : `VCPU must be greater than 0 (got ${r.value})` });
    }
    if (r.type === 'GPU') {
      if (platform === 'FARGATE') out.push({ field: `${at}.type`, message: 'GPU is not supported on Fargate resources' });
      else if (!Number.isInteger(n) || n < 1) out.push({ field: `${at}.value`, message: `GPU must be an integer of at least 1 (got ${r.value})` });
    }
  });
}

function checkTags(tags: Record<string, string> | undefined, out: Issue[]): void {
  if (!tags) return;
  const keys = Object.keys(tags);
  if (keys.length > SUBMIT_LIMITS.maxTags) out.push({ field: 'tags', message: `can have at most 50 tags (got ${keys.length})` });
  for (const key of keys) {
    if (key.length < 1 || key.length > 128) out.push({ field: `tags.${key}`, message: 'tag keys must be 1-128 characters' });
    else if (key.toLowerCase().startsWith('aws:')) out.push({ field: `tags.${key}`, message: 'tag keys starting with "aws:" are reserved' });
    const v = tags[key] ?? '';
    if (v.length > 256) out.push({ field: `tags.${key}`, message: 'tag values can be at most 256 characters' });
  }
}

/** Every SubmitJob rule the request breaks, given what is known (definition, queue, other jobs). */
export function validateSubmitJob(req: SubmitJobRequest, def?: JobDefinition, queue?: SubmitQueueView, ctx: SubmitContext = {}): Issue[] {
  const out: Issue[] = [];
  const platform = def ? platformOf(def) : undefined;

  // Identity and size of the request.
  if (!req.jobName) out.push({ field: 'jobName', message: 'is required' });
  else if (!JOB_NAME_RE.test(req.jobName)) {
    out.push({ field: 'jobName', message: 'must be 1-128 characters, start with a letter or number, and contain only letters, numbers, hyphens (-) and underscores (_)' });
  }
  if (!req.jobQueue) out.push({ field: 'jobQueue', message: 'is required' });
  if (!req.jobDefinition) out.push({ field: 'jobDefinition', message: 'is required' });
  const bytes = byteLength(JSON.stringify(req));
  if (bytes > SUBMIT_LIMITS.maxPayloadBytes) out.push({ field: '', message: `the request is ${bytes} bytes; SubmitJob requests can be at most 30720 bytes (30 KiB)` });

  // Arrays and dependencies.
  const size = req.arrayProperties?.size;
  const isArray = req.arrayProperties !== undefined;
  if (isArray && (!isInt(size) || size < SUBMIT_LIMITS.minArraySize || size > SUBMIT_LIMITS.maxArraySize)) {
    out.push({ field: 'arrayProperties.size', message: `must be an integer between 2 and 10000 (got ${String(size)})` });
  }
  const deps = req.dependsOn ?? [];
  if (deps.length > SUBMIT_LIMITS.maxDependencies) out.push({ field: 'dependsOn', message: `a job can depend on at most 20 jobs (got ${deps.length})` });
  let sequential = 0;
  deps.forEach((d, k) => {
    const at = `dependsOn[${k}]`;
    if (d.type !== undefined && d.type !== 'N_TO_N' && d.type !== 'SEQUENTIAL') {
      out.push({ field: `${at}.type`, message: `must be N_TO_N or SEQUENTIAL (got ${String(d.type)})` });
      return;
    }
    if (d.type === 'SEQUENTIAL') {
      sequential++;
      if (d.jobId) out.push({ field: `${at}.jobId`, message: 'a SEQUENTIAL dependency must not specify a jobId' });
      if (!isArray) out.push({ field: `${at}.type`, message: 'SEQUENTIAL dependencies are only valid for array jobs' });
      if (sequential === 2) out.push({ field: `${at}.type`, message: 'at most one SEQUENTIAL dependency is allowed' });
      return;
    }
    if (!d.jobId) {
      out.push({ field: `${at}.jobId`, message: d.type === 'N_TO_N' ? 'is required for an N_TO_N dependency' : 'is required' });
      return;
    }
    if (d.type === 'N_TO_N' && !isArray) out.push({ field: `${at}.type`, message: 'N_TO_N dependencies are only valid for array jobs' });
    if (ctx.findJob) {
      const dep = ctx.findJob(d.jobId);
      if (!dep) out.push({ field: `${at}.jobId`, message: `job ${d.jobId} does not exist` });
      else if (d.type === 'N_TO_N') {
        if (dep.arraySize === undefined) out.push({ field: `${at}.jobId`, message: `an N_TO_N dependency must be an array job; ${d.jobId} is not` });
        else if (isArray && isInt(size) && dep.arraySize !== size) {
          out.push({ field: `${at}.jobId`, message: `an N_TO_N dependency must have the same array size (${d.jobId} has ${dep.arraySize}, this job ${size})` });
        }
      }
    }
  });

  // Job-level overrides.
  out.push(...validateRetryStrategy(req.retryStrategy));
  const t = req.timeout?.attemptDurationSeconds;
  if (req.timeout && t !== undefined && (!isInt(t) || t < SUBMIT_LIMITS.minTimeoutSeconds)) {
    out.push({ field: 'timeout.attemptDurationSeconds', message: `must be an integer of at least 60 seconds (got ${t})` });
  }
  const prio = req.schedulingPriorityOverride;
  if (prio !== undefined && (!isInt(prio) || prio < 0 || prio > SUBMIT_LIMITS.maxSchedulingPriority)) {
    out.push({ field: 'schedulingPriorityOverride', message: `must be an integer between 0 and 9999 (got ${prio})` });
  }
  if (req.shareIdentifier !== undefined && !SHARE_IDENTIFIER_RE.test(req.shareIdentifier)) {
    out.push({ field: 'shareIdentifier', message: 'must be 1-255 letters and numbers, optionally ending with an asterisk (*)' });
  }
  checkTags(req.tags, out);

  // Container overrides.
  const co = req.containerOverrides;
  if (co) {
    checkCommand(co.command, 'containerOverrides.command', out);
    checkEnvironment(co.environment, 'containerOverrides.environment', out);
    checkResourceRequirements(co.resourceRequirements, 'containerOverrides.resourceRequirements', platform, out);
    if (co.vcpus !== undefined && (!isInt(co.vcpus) || co.vcpus < 1)) out.push({ field: 'containerOverrides.vcpus', message: `must be an integer of at least 1 (got ${co.vcpus})` });
    if (co.memory !== undefined && (!isInt(co.memory) || co.memory < 4)) out.push({ field: 'containerOverrides.memory', message: `must be an integer of at least 4 MiB (got ${co.memory})` });
  }
  req.ecsPropertiesOverride?.taskProperties?.forEach((tp, i) =>
    tp.containers?.forEach((c, j) => {
      const at = `ecsPropertiesOverride.taskProperties[${i}].containers[${j}]`;
      checkCommand(c.command, `${at}.command`, out);
      checkEnvironment(c.environment, `${at}.environment`, out);
      checkResourceRequirements(c.resourceRequirements, `${at}.resourceRequirements`, platform, out);
    }),
  );
  req.eksPropertiesOverride?.podProperties?.containers?.forEach((c, j) => checkEnvironment(c.env, `eksPropertiesOverride.podProperties.containers[${j}].env`, out));
  req.nodeOverrides?.nodePropertyOverrides?.forEach((n, k) => {
    const at = `nodeOverrides.nodePropertyOverrides[${k}].containerOverrides`;
    checkCommand(n.containerOverrides?.command, `${at}.command`, out);
    checkEnvironment(n.containerOverrides?.environment, `${at}.environment`, out);
  });
  const crList = req.consumableResourcePropertiesOverride?.consumableResourceList;
  if (crList) {
    if (crList.length > SUBMIT_LIMITS.maxConsumableResources) out.push({ field: 'consumableResourcePropertiesOverride.consumableResourceList', message: `can have at most 5 entries (got ${crList.length})` });
    crList.forEach((c, k) => {
      const at = `consumableResourcePropertiesOverride.consumableResourceList[${k}]`;
      if (!c.consumableResource) out.push({ field: `${at}.consumableResource`, message: 'is required' });
      if (c.quantity !== undefined && (!isInt(c.quantity) || c.quantity < 1)) out.push({ field: `${at}.quantity`, message: `must be an integer of at least 1 (got ${c.quantity})` });
    });
  }

  if (def) validateAgainstDefinition(req, def, platform as JobPlatform, out);
  if (queue) validateAgainstQueue(req, queue, out);
  const active = ctx.activeShareIdentifiers;
  if (active && req.shareIdentifier && !active.has(req.shareIdentifier) && active.size >= SUBMIT_LIMITS.maxActiveShares) {
    out.push({ field: 'shareIdentifier', message: `job queues with a scheduling policy are limited to 500 active fair share identifiers; ${req.shareIdentifier} would be the 501st` });
  }
  return out;
}

function validateAgainstDefinition(req: SubmitJobRequest, def: JobDefinition, platform: JobPlatform, out: Issue[]): void {
  const name = def.jobDefinitionArn ?? def.jobDefinitionName ?? 'the job definition';
  if (def.status === 'INACTIVE') out.push({ field: 'jobDefinition', message: `${name} is INACTIVE and cannot be used to submit jobs` });
  const co = req.containerOverrides;
  if (co && !def.containerProperties) out.push({ field: 'containerOverrides', message: `can only be used with a job definition that has containerProperties (${name} does not)` });
  if (req.ecsPropertiesOverride && !def.ecsProperties) out.push({ field: 'ecsPropertiesOverride', message: `can only be used with a job definition that has ecsProperties (${name} does not)` });
  if (req.eksPropertiesOverride && !def.eksProperties) out.push({ field: 'eksPropertiesOverride', message: `can only be used with a job definition that has eksProperties (${name} does not)` });
  if (req.nodeOverrides) {
    if (platform === 'FARGATE') out.push({ field: 'nodeOverrides', message: 'is not supported for jobs that run on Fargate resources' });
    else if (!def.nodeProperties) out.push({ field: 'nodeOverrides', message: `can only be used with a multinode job definition (${name} is not)` });
    else {
      validateNumNodesOverride(req.nodeOverrides.numNodes, def, out);
      const numNodes = req.nodeOverrides.numNodes ?? def.nodeProperties.numNodes ?? 1;
      req.nodeOverrides.nodePropertyOverrides?.forEach((o, k) => {
        const at = `nodeOverrides.nodePropertyOverrides[${k}].targetNodes`;
        if (o.targetNodes === undefined || o.targetNodes === '') out.push({ field: at, message: 'is required' });
        else if (!parseTargetNodes(o.targetNodes, numNodes)) out.push({ field: at, message: `${targetNodesRule(numNodes)} (got ${o.targetNodes})` });
        const rr = o.containerOverrides?.resourceRequirements;
        if (rr) checkResourceRequirements(rr, `nodeOverrides.nodePropertyOverrides[${k}].containerOverrides.resourceRequirements`, platform, out);
      });
    }
  }
  if (co?.instanceType !== undefined && def.type !== 'multinode') {
    out.push({ field: 'containerOverrides.instanceType', message: 'can only be used with multi-node parallel jobs' });
  }
  if (req.propagateTags && platform === 'EKS') out.push({ field: 'propagateTags', message: 'is not supported for Amazon EKS jobs' });

  // Deprecated vcpus/memory cannot override resourceRequirements of the definition.
  const defRr = rrMap(def.containerProperties?.resourceRequirements);
  if (co?.vcpus !== undefined && defRr.has('VCPU')) out.push({ field: 'containerOverrides.vcpus', message: DEPRECATED_KEY_CONFLICT });
  if (co?.memory !== undefined && defRr.has('MEMORY')) out.push({ field: 'containerOverrides.memory', message: DEPRECATED_KEY_CONFLICT });

  // The merged resources must still be valid (Fargate pairs in particular).
  if (platform === 'FARGATE' && def.containerProperties) {
    const merged = mergeResourceRequirements(def.containerProperties, co);
    const r = resourcesOf(merged);
    if (rrMap(merged).has('GPU')) out.push({ field: 'containerOverrides.resourceRequirements', message: 'GPU is not supported on Fargate resources' });
    if (!isValidFargatePair(r.vcpus, r.memoryMiB)) {
      out.push({
        field: co?.resourceRequirements ? 'containerOverrides.resourceRequirements' : 'jobDefinition',
        message: `VCPU ${r.vcpus} with MEMORY ${r.memoryMiB} MiB is not a valid Fargate size: ${describeFargateMemory(r.vcpus)}`,
      });
    }
  }
}

function validateNumNodesOverride(numNodes: number | undefined, def: JobDefinition, out: Issue[]): void {
  if (numNodes === undefined) return;
  const np = def.nodeProperties;
  const field = 'nodeOverrides.numNodes';
  if (!isInt(numNodes) || numNodes < 1) {
    out.push({ field, message: `must be an integer of at least 1 (got ${numNodes})` });
    return;
  }
  const open = (np?.nodeRangeProperties ?? []).find((r) => /^\d*:$/.test(r.targetNodes ?? ''));
  if (!open) {
    out.push({ field, message: 'can only be overridden when a node range of the job definition is open-ended (":" or "n:")' });
    return;
  }
  const lower = Number((open.targetNodes ?? ':').split(':')[0] || 0);
  if (lower >= numNodes) out.push({ field, message: `must be greater than the open-ended range's lower bound ${lower} (got ${numNodes})` });
  if ((np?.mainNode ?? 0) >= numNodes) out.push({ field, message: `must be greater than mainNode ${np?.mainNode ?? 0} (got ${numNodes})` });
}

function validateAgainstQueue(req: SubmitJobRequest, queue: SubmitQueueView, out: Issue[]): void {
  const name = queue.jobQueueName ?? 'the job queue';
  if (queue.state === 'DISABLED') out.push({ field: 'jobQueue', message: `${name} is DISABLED and does not accept new jobs` });
  const fairShare = Boolean(queue.schedulingPolicyArn) && !queue.quotaManagement;
  if (fairShare && !req.shareIdentifier) out.push({ field: 'shareIdentifier', message: `is required: ${name} has a fair-share scheduling policy` });
  if (!fairShare && req.shareIdentifier !== undefined) out.push({ field: 'shareIdentifier', message: `can only be used with a job queue that has a fair-share scheduling policy (${name} does not)` });
  if (!fairShare && req.schedulingPriorityOverride !== undefined) {
    out.push({ field: 'schedulingPriorityOverride', message: `can only be used with a job queue that has a fair-share scheduling policy (${name} does not)` });
  }
}
