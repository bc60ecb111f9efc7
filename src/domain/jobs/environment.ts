/**
 * The environment a job attempt sees (spec/05 §5): the job definition's `environment`, overridden by
 * name by `containerOverrides.environment`, plus the reserved AWS_BATCH_* variables, which always win
 * (users cannot set them: SubmitJob and RegisterJobDefinition reject such names).
 *
 * Decisions (docs/simulator.md):
 * - AWS_BATCH_JOB_ID is the job's own ID: `<parent>:<index>` for an array child, `<job>#<node>` for
 *   an MNP node (the spec marks this as an inference).
 * - AWS_BATCH_JOB_ARRAY_SIZE is set on array children only, with the parent's size.
 * - DescribeJobs' `container.environment` shows the user variables only (`userEnvironment`); the
 *   AWS_BATCH_* ones exist only inside the container (`attemptEnvironment`).
 * - Order: definition variables in their order (an override replaces a value in place), then new
 *   override variables, then the AWS_BATCH_* variables sorted by name.
 */
import type { KeyValuePair } from '@aws-sdk/client-batch';

/** The prefix reserved for variables Batch sets. */
export const RESERVED_ENV_PREFIX = 'AWS_BATCH';

/** True for a name users may not set (it starts with AWS_BATCH). */
export function isReservedEnvName(name: string): boolean {
  return name.startsWith(RESERVED_ENV_PREFIX);
}

/** Where and as what an attempt runs: the facts AWS_BATCH_* variables are made from. */
export interface AttemptContext {
  jobId: string;
  /** 1-based attempt number. */
  attempt: number;
  queueName: string;
  computeEnvironmentName: string;
  array?: { index: number; size: number };
  node?: { index: number; mainNodeIndex: number; numNodes: number; mainNodePrivateIpv4?: string };
  /** EKS jobs only: the UID of the Kubernetes Node object. */
  kubernetesNodeUid?: string;
}

/** The AWS_BATCH_* variables for one attempt, as a name -> value record. */
export function batchVariables(ctx: AttemptContext): Record<string, string> {
  const vars: Record<string, string> = {
    AWS_BATCH_CE_NAME: ctx.computeEnvironmentName,
    AWS_BATCH_JOB_ATTEMPT: String(ctx.attempt),
    AWS_BATCH_JOB_ID: ctx.jobId,
    AWS_BATCH_JQ_NAME: ctx.queueName,
  };
  if (ctx.array) {
    vars.AWS_BATCH_JOB_ARRAY_INDEX = String(ctx.array.index);
    vars.AWS_BATCH_JOB_ARRAY_SIZE = String(ctx.array.size);
  }
  if (ctx.node) {
    vars.AWS_BATCH_JOB_NODE_INDEX = String(ctx.node.index);
    vars.AWS_BATCH_JOB_MAIN_NODE_INDEX = String(ctx.node.mainNodeIndex);
    vars.AWS_BATCH_JOB_NUM_NODES = String(ctx.node.numNodes);
    // Child nodes only: absent on the main node.
    if (ctx.node.index !== ctx.node.mainNodeIndex && ctx.node.mainNodePrivateIpv4) {
      vars.AWS_BATCH_JOB_MAIN_NODE_PRIVATE_IPV4_ADDRESS = ctx.node.mainNodePrivateIpv4;
    }
  }
  if (ctx.kubernetesNodeUid) vars.AWS_BATCH_JOB_KUBERNETES_NODE_UID = ctx.kubernetesNodeUid;
  return vars;
}

/** Definition environment overridden by name by the submit-time override (what DescribeJobs shows). */
export function userEnvironment(definition: readonly KeyValuePair[] | undefined, override: readonly KeyValuePair[] | undefined): KeyValuePair[] {
  const out: KeyValuePair[] = [];
  const index = new Map<string, number>();
  for (const kv of [...(definition ?? []), ...(override ?? [])]) {
    if (!kv.name) continue;
    const at = index.get(kv.name);
    const entry = { name: kv.name, value: kv.value ?? '' };
    if (at === undefined) {
      index.set(kv.name, out.length);
      out.push(entry);
    } else {
      out[at] = entry;
    }
  }
  return out;
}

/** The full environment inside the container: user variables, then AWS_BATCH_* (which win any clash). */
export function attemptEnvironment(user: readonly KeyValuePair[], ctx: AttemptContext): KeyValuePair[] {
  const batch = batchVariables(ctx);
  const kept = user.filter((kv) => kv.name && !Object.prototype.hasOwnProperty.call(batch, kv.name));
  const added = Object.keys(batch)
    .sort()
    .map((name) => ({ name, value: batch[name] as string }));
  return [...kept.map((kv) => ({ name: kv.name as string, value: kv.value ?? '' })), ...added];
}

/** A KeyValuePair list as a record (later entries win), for the tiny shell. */
export function environmentRecord(env: readonly KeyValuePair[]): Record<string, string> {
  const rec: Record<string, string> = {};
  for (const kv of env) if (kv.name) rec[kv.name] = kv.value ?? '';
  return rec;
}
