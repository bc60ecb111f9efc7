/**
 * RegisterJobDefinition: the local checklist of spec/04 §16 (errors and warnings). The simulator
 * rejects on the errors; `jobdef validate FILE` shows both.
 */
import type { RegisterJobDefinitionRequest } from '@aws-sdk/client-batch';
import { parseTargetNodes, targetNodesRule } from '../jobs/nodes.js';
import { asObjects, checkEnum, checkInt, checkName, checkTags, isObject } from './common.js';
import { checkContainer, checkFargatePair, checkVolumes, containerResources, type ContainerContext, type Platform } from './container.js';
import { checkEksProperties } from './eks-pod.js';
import { type Issue, IssueList, type ValidateOptions, errorsOnly, join } from './issue.js';
import { checkRequest } from './shape-check.js';

/** RegisterJobDefinition requests are limited to 24 KiB (spec/04 §1). */
export const MAX_JOB_DEFINITION_BYTES = 24 * 1024;
const PAYLOADS = ['containerProperties', 'ecsProperties', 'eksProperties', 'nodeProperties'] as const;
const EXIT_CODE_RE = /^[0-9]*\*?$/;
const REASON_RE = /^[A-Za-z0-9.: \t]*\*?$/;

function checkRetryStrategy(rs: unknown, out: IssueList): void {
  if (!isObject(rs)) return;
  checkInt(rs.attempts, 'retryStrategy.attempts', out, 1, 10);
  const entries = asObjects(rs.evaluateOnExit);
  if (entries.length > 5) out.error('retryStrategy.evaluateOnExit', 'must have at most 5 entries');
  if (entries.length > 0 && rs.attempts === undefined) out.error('retryStrategy.attempts', 'is required when evaluateOnExit is given');
  entries.forEach((e, i) => {
    const f = join('retryStrategy.evaluateOnExit', i);
    if (typeof e.action !== 'string' || !['RETRY', 'EXIT'].includes(e.action.toUpperCase())) out.error(join(f, 'action'), 'must be RETRY or EXIT');
    const conds = (['onExitCode', 'onReason', 'onStatusReason'] as const).filter((k) => typeof e[k] === 'string');
    if (conds.length === 0) out.error(f, 'must have at least one of onExitCode, onReason, onStatusReason');
    for (const k of conds) {
      const v = e[k] as string;
      if (v.length > 512) out.error(join(f, k), 'must be at most 512 characters');
      else if (!(k === 'onExitCode' ? EXIT_CODE_RE : REASON_RE).test(v)) {
        out.error(join(f, k), k === 'onExitCode' ? 'must contain only digits, optionally ending with *' : 'must contain only letters, numbers, periods, colons and white space, optionally ending with *');
      }
    }
  });
  if (entries.length > 0 && !entries.some((e) => ['onExitCode', 'onReason', 'onStatusReason'].some((k) => e[k] === '*'))) {
    out.warn('retryStrategy.evaluateOnExit', 'has no catch-all entry (e.g. {"action":"EXIT","onReason":"*"}): exits that match nothing are retried');
  }
}

function checkNodeProperties(np: Record<string, unknown>, platform: Platform, parameters: Record<string, unknown>, out: IssueList): void {
  const numNodes = np.numNodes;
  if (!checkInt(numNodes, 'nodeProperties.numNodes', out, 1) || typeof numNodes !== 'number') return;
  if (numNodes > 1000) out.warn('nodeProperties.numNodes', 'is above 1000, the multi-node limit');
  if (typeof np.mainNode === 'number' && (np.mainNode < 0 || np.mainNode >= numNodes)) out.error('nodeProperties.mainNode', `must be >= 0 and < numNodes (${numNodes})`);
  const ranges = asObjects(np.nodeRangeProperties);
  if (ranges.length < 1 || ranges.length > 5) out.error('nodeProperties.nodeRangeProperties', 'must have 1-5 node ranges');
  const covered = new Array<boolean>(Math.min(numNodes, 10000)).fill(false);
  const instanceTypes = new Set<string>();
  ranges.forEach((r, i) => {
    const f = join('nodeProperties.nodeRangeProperties', i);
    const range = typeof r.targetNodes === 'string' ? parseTargetNodes(r.targetNodes, numNodes) : undefined;
    if (!range) out.error(join(f, 'targetNodes'), targetNodesRule(numNodes));
    else for (let n = range.from; n <= range.to && n < covered.length; n++) covered[n] = true;
    if (r.eksProperties !== undefined) out.error(join(f, 'eksProperties'), 'multinode EKS job definitions are not supported');
    if (!isObject(r.container) && !isObject(r.ecsProperties)) out.error(f, 'must have a container or ecsProperties');
    if (isObject(r.container)) {
      const ctx: ContainerContext = { platform, multinode: true, ecsTask: false, executionRoleArn: r.container.executionRoleArn as string | undefined };
      checkContainer(r.container, join(f, 'container'), ctx, new Set(), parameters, out);
      if (typeof r.container.instanceType === 'string') instanceTypes.add(r.container.instanceType);
    }
    if (isObject(r.ecsProperties)) checkEcsProperties(r.ecsProperties, join(f, 'ecsProperties'), platform, true, parameters, out);
    for (const t of Array.isArray(r.instanceTypes) ? r.instanceTypes : []) if (typeof t === 'string') instanceTypes.add(t);
  });
  const gap = covered.indexOf(false);
  if (ranges.length > 0 && gap >= 0) out.error('nodeProperties.nodeRangeProperties', `must cover every node 0:${numNodes - 1} (node ${gap} is in no range)`);
  if (instanceTypes.size > 1) out.error('nodeProperties.nodeRangeProperties', `must all use the same instance type (found ${[...instanceTypes].join(', ')})`);
}

function checkEcsProperties(ecs: Record<string, unknown>, base: string, platform: Platform, multinode: boolean, parameters: Record<string, unknown>, out: IssueList): void {
  const tasks = asObjects(ecs.taskProperties);
  if (tasks.length !== 1) return out.error(join(base, 'taskProperties'), 'must have exactly one task');
  const task = tasks[0]!;
  const tf = join(join(base, 'taskProperties'), 0);
  checkEnum(task.ipcMode, join(tf, 'ipcMode'), ['host', 'task', 'none'], out);
  checkEnum(task.pidMode, join(tf, 'pidMode'), ['host', 'task'], out);
  const volumes = checkVolumes(task.volumes, tf, platform, out);
  const containers = asObjects(task.containers);
  if (containers.length < 1 || containers.length > 10) out.error(join(tf, 'containers'), 'must have 1-10 containers');
  const names = new Set<string>();
  const ctx: ContainerContext = { platform, multinode, ecsTask: true, executionRoleArn: task.executionRoleArn as string | undefined };
  if (platform === 'FARGATE' && !task.executionRoleArn) out.error(join(tf, 'executionRoleArn'), 'is required on Fargate');
  const total = { vcpus: 0, memoryMiB: 0 };
  containers.forEach((c, i) => {
    const f = join(join(tf, 'containers'), i);
    if (typeof c.name === 'string') {
      if (names.has(c.name)) out.error(join(f, 'name'), `${c.name} is used by another container`);
      names.add(c.name);
    } else if (containers.length > 1) out.error(join(f, 'name'), 'is required when the task has more than one container');
    checkContainer(c, f, ctx, volumes, parameters, out);
    const r = containerResources(c);
    total.vcpus += r.vcpus ?? 0;
    total.memoryMiB += r.memoryMiB ?? 0;
    if (isObject(c.firelensConfiguration)) checkEnum(c.firelensConfiguration.type, join(f, 'firelensConfiguration.type'), ['fluentd', 'fluentbit'], out);
  });
  if (containers.length > 0 && !containers.some((c) => c.essential !== false)) out.error(join(tf, 'containers'), 'must have at least one essential container');
  if (total.vcpus === 0) out.error(join(tf, 'containers'), 'must request VCPU in at least one container');
  if (total.memoryMiB === 0) out.error(join(tf, 'containers'), 'must request MEMORY in at least one container');
  if (platform === 'FARGATE') checkFargatePair(total, join(tf, 'containers'), out);
  checkContainerDependencies(containers, tf, names, out);
}

function checkContainerDependencies(containers: Record<string, unknown>[], tf: string, names: Set<string>, out: IssueList): void {
  const edges = new Map<string, string[]>();
  containers.forEach((c, i) => {
    asObjects(c.dependsOn).forEach((d, j) => {
      const f = join(join(join(join(tf, 'containers'), i), 'dependsOn'), j);
      if (typeof d.containerName !== 'string' || !names.has(d.containerName)) out.error(join(f, 'containerName'), `names no container of this task (${String(d.containerName)})`);
      checkEnum(d.condition, join(f, 'condition'), ['START', 'COMPLETE', 'SUCCESS'], out);
      if (typeof c.name === 'string' && typeof d.containerName === 'string') edges.set(c.name, [...(edges.get(c.name) ?? []), d.containerName]);
    });
  });
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): boolean => {
    if (state.get(n) === 2) return false;
    if (state.get(n) === 1) return true;
    state.set(n, 1);
    const cyclic = (edges.get(n) ?? []).some(visit);
    state.set(n, 2);
    return cyclic;
  };
  for (const n of edges.keys()) if (visit(n)) return out.error(join(tf, 'containers'), `container dependsOn has a cycle through ${n}`);
}

/** The whole spec/04 checklist (errors and warnings) for a RegisterJobDefinition document. */
export function validateJobDefinitionFile(input: RegisterJobDefinitionRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  const out = new IssueList();
  const size = Buffer.byteLength(JSON.stringify(input ?? null), 'utf8');
  if (size > MAX_JOB_DEFINITION_BYTES) out.error('', `the job definition is ${size} bytes; RegisterJobDefinition accepts at most ${MAX_JOB_DEFINITION_BYTES} (24 KiB)`);
  else if (size > MAX_JOB_DEFINITION_BYTES * 0.9) out.warn('', `the job definition is ${size} bytes, over 90% of the 24 KiB limit`);
  if (!checkRequest('RegisterJobDefinitionRequest', input, out, opts.unknownMembers)) return out.items;
  const req = input as Record<string, unknown>;
  checkName(req.jobDefinitionName, 'jobDefinitionName', out);
  checkEnum(req.type, 'type', ['container', 'multinode'], out);
  const given = PAYLOADS.filter((p) => req[p] !== undefined);
  if (given.length > 1) out.error(given[1]!, `must not be combined with ${given[0]}: a job definition has exactly one of ${PAYLOADS.join(', ')}`);
  if (req.type === 'container' && given.length === 0) out.error('containerProperties', 'a container job definition needs one of containerProperties, ecsProperties or eksProperties');
  if (req.type === 'container' && req.nodeProperties !== undefined) out.error('nodeProperties', 'applies to multinode job definitions only');
  if (req.type === 'multinode' && req.nodeProperties === undefined) out.error('nodeProperties', 'is required for multinode job definitions');
  const caps = Array.isArray(req.platformCapabilities) ? (req.platformCapabilities as string[]) : undefined;
  if (caps) {
    if (caps.length !== 1) out.error('platformCapabilities', 'must have exactly one of EC2, FARGATE');
    caps.forEach((c, i) => checkEnum(c, join('platformCapabilities', i), ['EC2', 'FARGATE'], out));
  }
  const platform: Platform = caps?.[0] === 'FARGATE' ? 'FARGATE' : 'EC2';
  if (req.eksProperties !== undefined) {
    for (const k of ['platformCapabilities', 'propagateTags', 'nodeProperties']) if (req[k] !== undefined) out.error(k, 'must not be set on an EKS job definition (eksProperties)');
  }
  if (platform === 'FARGATE' && req.type === 'multinode') out.error('type', 'multinode job definitions are not supported on Fargate');
  const parameters = isObject(req.parameters) ? req.parameters : {};
  for (const k of Object.keys(parameters)) if (k === '') out.error('parameters', 'parameter names must not be empty');
  checkInt(req.schedulingPriority, 'schedulingPriority', out, 0, 9999);
  if (isObject(req.timeout)) {
    checkInt(req.timeout.attemptDurationSeconds, 'timeout.attemptDurationSeconds', out, 60);
    if (platform === 'FARGATE' && typeof req.timeout.attemptDurationSeconds === 'number' && req.timeout.attemptDurationSeconds > 1_209_600) {
      out.warn('timeout.attemptDurationSeconds', 'is above 14 days; Fargate stops jobs at 14 days regardless');
    }
  }
  checkRetryStrategy(req.retryStrategy, out);
  checkTags(req.tags, 'tags', out);
  if (req.propagateTags === true && isObject(req.tags) && Object.keys(req.tags).length > 40) {
    out.warn('tags', 'with propagateTags, definition tags plus job tags over 50 make the job FAILED');
  }
  if (isObject(req.containerProperties)) {
    const c = req.containerProperties;
    const ctx: ContainerContext = { platform, multinode: false, ecsTask: false, executionRoleArn: c.executionRoleArn as string | undefined };
    checkContainer(c, 'containerProperties', ctx, new Set(), parameters, out);
  }
  if (isObject(req.ecsProperties)) checkEcsProperties(req.ecsProperties, 'ecsProperties', platform, false, parameters, out);
  if (isObject(req.eksProperties)) checkEksProperties(req.eksProperties, 'eksProperties', out);
  if (isObject(req.nodeProperties)) checkNodeProperties(req.nodeProperties, platform, parameters, out);
  const crl = isObject(req.consumableResourceProperties) ? asObjects(req.consumableResourceProperties.consumableResourceList) : [];
  if (crl.length > 5) out.error('consumableResourceProperties.consumableResourceList', 'must have at most 5 resources');
  crl.forEach((r, i) => {
    const f = join('consumableResourceProperties.consumableResourceList', i);
    if (typeof r.consumableResource !== 'string' || r.consumableResource === '') out.error(join(f, 'consumableResource'), 'is required');
    checkInt(r.quantity, join(f, 'quantity'), out, 1);
  });
  return out.items;
}

/** The errors of the checklist: what makes RegisterJobDefinition fail. */
export function validateRegisterJobDefinition(input: RegisterJobDefinitionRequest | unknown, opts: ValidateOptions = {}): Issue[] {
  return errorsOnly(validateJobDefinitionFile(input, opts));
}
