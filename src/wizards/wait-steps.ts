/**
 * Wait steps: "wait until the compute environment is VALID / DISABLED / deleted" as plan steps, so a
 * plan shows every pause AWS imposes (a queue needs a VALID CE; a CE can only be deleted DISABLED and
 * once no queue uses it) and `--dry-run` / `-o json` list them. Batch has no waiters (spec/07 §6), so
 * the runner polls.
 *
 * Convention (kept minimal on purpose):
 * - `service: 'batch'`, `operation: 'WaitForComputeEnvironments' | 'WaitForJobQueues'`, i.e.
 *   `WaitFor` + the plural resource of a `Describe<Resource>` operation. No port method has that name,
 *   so a runner must recognise the step (`isWaitStep`) instead of calling it.
 * - `input` = `{ names, until, failOn?, timeoutSeconds }`. `until` lists fields of the described
 *   resource and the values that end the wait (an array = any of them); `until: 'DELETED'` ends it
 *   when the resource is gone (absent from the answer, or status DELETED). `failOn` ends it with an
 *   error (a CE that turns INVALID while we wait for VALID).
 * - The runner polls `waitDescribeRequest(step)` (suggested every 5 s, through the backend, so the
 *   simulator's clock applies) and feeds each answer to `waitProgress(step, output)` until `done`,
 *   `failed`, or `timeoutSeconds` (then: a PendingError, exit 8, naming what is still pending).
 */
import type * as B from '@aws-sdk/client-batch';
import type { PlanStep } from '../domain/plan.js';

export type WaitOperation = 'WaitForComputeEnvironments' | 'WaitForJobQueues';

export type WaitCondition = Partial<Record<'state' | 'status', string | string[]>>;

export interface WaitInput {
  names: string[];
  until: WaitCondition | 'DELETED';
  failOn?: WaitCondition;
  timeoutSeconds: number;
}

const DESCRIBE: Record<WaitOperation, { operation: string; inputKey: string; outputKey: string; nameKey: string; arnKey: string }> = {
  WaitForComputeEnvironments: {
    operation: 'DescribeComputeEnvironments', inputKey: 'computeEnvironments', outputKey: 'computeEnvironments',
    nameKey: 'computeEnvironmentName', arnKey: 'computeEnvironmentArn',
  },
  WaitForJobQueues: {
    operation: 'DescribeJobQueues', inputKey: 'jobQueues', outputKey: 'jobQueues', nameKey: 'jobQueueName', arnKey: 'jobQueueArn',
  },
};

/** spec/01 §13: disabling and deleting a CE each take 1–2 minutes; queues are quicker. */
export const DEFAULT_TIMEOUT: Record<WaitOperation, number> = { WaitForComputeEnvironments: 900, WaitForJobQueues: 600 };

export function waitStep(operation: WaitOperation, names: string[], until: WaitInput['until'], reason: string, failOn?: WaitCondition): PlanStep {
  const input: WaitInput = { names, until, ...(failOn ? { failOn } : {}), timeoutSeconds: DEFAULT_TIMEOUT[operation] };
  const what = operation === 'WaitForComputeEnvironments' ? 'compute environment' : 'job queue';
  const target = until === 'DELETED' ? 'deleted' : Object.values(until).map((v) => (Array.isArray(v) ? v.join('|') : v)).join(' and ');
  return {
    service: 'batch',
    operation,
    input: input as unknown as Record<string, unknown>,
    reason,
    title: `wait until ${what}${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} ${target}`,
  };
}

export function isWaitStep(step: PlanStep): step is PlanStep & { operation: WaitOperation } {
  return step.service === 'batch' && (step.operation === 'WaitForComputeEnvironments' || step.operation === 'WaitForJobQueues');
}

/** The Describe call to poll for a wait step. */
export function waitDescribeRequest(step: PlanStep): { service: 'batch'; operation: string; input: Record<string, unknown> } {
  if (!isWaitStep(step)) throw new Error(`not a wait step: ${step.operation}`);
  const d = DESCRIBE[step.operation];
  return { service: 'batch', operation: d.operation, input: { [d.inputKey]: (step.input as unknown as WaitInput).names } };
}

export interface WaitProgress {
  done: boolean;
  /** Set when a resource reached a `failOn` state: stop and report it. */
  failed?: string;
  /** "name: state/status" of each resource not yet there. */
  pending: string[];
}

function matches(resource: Record<string, unknown>, cond: WaitCondition): boolean {
  return Object.entries(cond).every(([k, v]) => (Array.isArray(v) ? v.includes(String(resource[k])) : resource[k] === v));
}

/** Judges one Describe answer against a wait step. */
export function waitProgress(step: PlanStep, output: B.DescribeComputeEnvironmentsResponse | B.DescribeJobQueuesResponse): WaitProgress {
  if (!isWaitStep(step)) throw new Error(`not a wait step: ${step.operation}`);
  const d = DESCRIBE[step.operation];
  const input = step.input as unknown as WaitInput;
  const found = ((output as Record<string, unknown>)[d.outputKey] ?? []) as Record<string, unknown>[];
  const pending: string[] = [];
  for (const name of input.names) {
    const r = found.find((x) => x[d.nameKey] === name || x[d.arnKey] === name);
    const label = r ? `${name}: ${String(r.state)}/${String(r.status)}` : `${name}: absent`;
    if (input.until === 'DELETED') {
      if (r && r.status !== 'DELETED') pending.push(label);
      continue;
    }
    if (!r) return { done: false, failed: `${name} does not exist`, pending };
    if (input.failOn && matches(r, input.failOn)) {
      const reason = typeof r.statusReason === 'string' ? `: ${r.statusReason}` : '';
      return { done: false, failed: `${name} is ${String(r.status)}${reason}`, pending };
    }
    if (!matches(r, input.until)) pending.push(label);
  }
  return { done: pending.length === 0, pending };
}

/**
 * A POSIX-shell equivalent of a wait step for `--emit aws-cli` (Batch has no `aws batch wait`).
 */
export function waitCliCommand(step: PlanStep, region?: string): string {
  if (!isWaitStep(step)) throw new Error(`not a wait step: ${step.operation}`);
  const d = DESCRIBE[step.operation];
  const input = step.input as unknown as WaitInput;
  const cli = d.operation.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const flag = d.inputKey.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const r = region ? ` --region ${region}` : '';
  return input.names
    .map((n) => {
      const describe = `aws batch ${cli}${r} --${flag} ${n}`;
      if (input.until === 'DELETED') {
        return `while [ "$(${describe} --query 'length(${d.outputKey}[?status!=\`DELETED\`])' --output text)" != 0 ]; do sleep 5; done`;
      }
      const until = input.until;
      const fields = Object.keys(until) as ('state' | 'status')[];
      const query = `join('/', ${d.outputKey}[0].[${fields.join(', ')}])`;
      // Every accepted combination, as a shell case pattern (DISABLED/VALID|DISABLED/INVALID).
      let combos: string[] = [''];
      for (const f of fields) {
        const v = until[f]!;
        const values = Array.isArray(v) ? v : [v];
        combos = combos.flatMap((c) => values.map((x) => (c ? `${c}/${x}` : x)));
      }
      return `while :; do case "$(${describe} --query "${query}" --output text)" in ${combos.join('|')}) break;; esac; sleep 5; done`;
    })
    .join('\n');
}
