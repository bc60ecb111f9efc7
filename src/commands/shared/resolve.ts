/**
 * Finding resources by name or ARN through the port, following pagination to the end. A name that
 * matches nothing is a NotFoundError (exit 3) naming it and the world it was looked for in.
 */
import type {
  ComputeEnvironmentDetail,
  DescribeJobDefinitionsRequest,
  JobDefinition,
  JobQueueDetail,
  SchedulingPolicyDetail,
} from '@aws-sdk/client-batch';
import type { Backend } from '../../backend/port.js';
import { NotFoundError } from '../../errors.js';

const BATCH_SIZE = 100;

function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Whether `ref` (a name or an ARN) names this resource. */
function matches(ref: string, name: string | undefined, arn: string | undefined): boolean {
  return ref === name || ref === arn;
}

function notFound(kind: string, plural: string, missing: string[], backend: Backend, listCommand: string): NotFoundError {
  const what = missing.length === 1 ? `${kind} "${missing[0]}"` : `${plural} ${missing.map((m) => `"${m}"`).join(', ')}`;
  return new NotFoundError(`${what} not found [${backend.label}]`, `\`batchctl ${listCommand}\` lists what exists in this world`);
}

/** Every compute environment (or only `refs`), following nextToken. */
export async function describeComputeEnvironments(backend: Backend, refs?: readonly string[]): Promise<ComputeEnvironmentDetail[]> {
  const out: ComputeEnvironmentDetail[] = [];
  for (const group of refs ? chunks(unique(refs)) : [undefined]) {
    let nextToken: string | undefined;
    do {
      const page = await backend.batch.describeComputeEnvironments({ computeEnvironments: group, nextToken });
      out.push(...(page.computeEnvironments ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return out;
}

/** The named compute environments in the order asked; a NotFoundError names the missing ones. */
export async function requireComputeEnvironments(backend: Backend, refs: readonly string[]): Promise<ComputeEnvironmentDetail[]> {
  const found = await describeComputeEnvironments(backend, refs);
  return pick(refs, found, (ce) => [ce.computeEnvironmentName, ce.computeEnvironmentArn], (missing) => notFound('compute environment', 'compute environments', missing, backend, 'ce list'));
}

/** Every job queue (or only `refs`), following nextToken. */
export async function describeJobQueues(backend: Backend, refs?: readonly string[]): Promise<JobQueueDetail[]> {
  const out: JobQueueDetail[] = [];
  for (const group of refs ? chunks(unique(refs)) : [undefined]) {
    let nextToken: string | undefined;
    do {
      const page = await backend.batch.describeJobQueues({ jobQueues: group, nextToken });
      out.push(...(page.jobQueues ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return out;
}

/** The named job queues in the order asked; a NotFoundError names the missing ones. */
export async function requireJobQueues(backend: Backend, refs: readonly string[]): Promise<JobQueueDetail[]> {
  const found = await describeJobQueues(backend, refs);
  return pick(refs, found, (q) => [q.jobQueueName, q.jobQueueArn], (missing) => notFound('job queue', 'job queues', missing, backend, 'queue list'));
}

/** Job definitions matching a DescribeJobDefinitions request, following nextToken. */
export async function describeJobDefinitions(backend: Backend, input: DescribeJobDefinitionsRequest = {}): Promise<JobDefinition[]> {
  const out: JobDefinition[] = [];
  const groups = input.jobDefinitions ? chunks(unique(input.jobDefinitions)) : [undefined];
  for (const group of groups) {
    let nextToken: string | undefined;
    do {
      const page = await backend.batch.describeJobDefinitions({ ...input, ...(group ? { jobDefinitions: group } : {}), nextToken });
      out.push(...(page.jobDefinitions ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return out;
}

/** A job definition reference split: `name`, `name:rev` or an ARN (with or without `:rev`). */
export interface JobDefinitionRef {
  name: string;
  revision?: number;
  arn?: string;
}

export function parseJobDefinitionRef(ref: string): JobDefinitionRef {
  if (ref.startsWith('arn:')) {
    const tail = ref.slice(ref.indexOf('/') + 1);
    const m = /^(.*):(\d+)$/.exec(tail);
    return m ? { name: m[1]!, revision: Number(m[2]), arn: ref } : { name: tail, arn: ref };
  }
  const m = /^(.*):(\d+)$/.exec(ref);
  return m ? { name: m[1]!, revision: Number(m[2]) } : { name: ref };
}

/** The highest revision among definitions (undefined for none). */
export function latest(defs: readonly JobDefinition[]): JobDefinition | undefined {
  return defs.reduce<JobDefinition | undefined>((best, d) => (!best || (d.revision ?? 0) > (best.revision ?? 0) ? d : best), undefined);
}

/**
 * Resolves `name` (the latest ACTIVE revision), `name:rev` or an ARN to one job definition; a
 * NotFoundError says which and why (no such name, no such revision, or no ACTIVE revision left).
 */
export async function resolveJobDefinition(backend: Backend, ref: string): Promise<JobDefinition> {
  const parsed = parseJobDefinitionRef(ref);
  if (parsed.revision === undefined) {
    const active = await describeJobDefinitions(backend, { jobDefinitionName: parsed.name, status: 'ACTIVE' });
    const best = latest(active);
    if (best) return best;
    const any = await describeJobDefinitions(backend, { jobDefinitionName: parsed.name });
    if (any.length) {
      throw new NotFoundError(`job definition "${parsed.name}" has no ACTIVE revision [${backend.label}]`, `every revision is INACTIVE; \`batchctl jobdef list --name ${parsed.name} --all-revisions --status INACTIVE\` shows them`);
    }
    throw notFound('job definition', 'job definitions', [parsed.name], backend, 'jobdef list');
  }
  // By name rather than `jobDefinitions: [name:rev]`: one query shape for both lookups, and one that
  // every AWS-compatible endpoint answers (moto ignores `name:rev` in jobDefinitions).
  const found = await describeJobDefinitions(backend, { jobDefinitionName: parsed.name });
  const hit = found.find((d) => d.jobDefinitionName === parsed.name && d.revision === parsed.revision);
  if (!hit) throw notFound('job definition', 'job definitions', [ref], backend, `jobdef list --name ${parsed.name} --all-revisions`);
  return hit;
}

/** Every scheduling policy's ARN, following nextToken. */
export async function listSchedulingPolicyArns(backend: Backend): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await backend.batch.listSchedulingPolicies({ nextToken });
    out.push(...(page.schedulingPolicies ?? []).map((p) => p.arn!).filter(Boolean));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/** Details for ARNs, 100 at a time. */
export async function describeSchedulingPolicies(backend: Backend, arns: readonly string[]): Promise<SchedulingPolicyDetail[]> {
  const out: SchedulingPolicyDetail[] = [];
  for (const group of chunks(unique(arns))) {
    const page = await backend.batch.describeSchedulingPolicies({ arns: group });
    out.push(...(page.schedulingPolicies ?? []));
  }
  return out;
}

/** The policy name at the end of its ARN (`…:scheduling-policy/fair` -> `fair`). */
function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Resolves policy names or ARNs to ARNs (the API takes ARNs only), in the order asked. */
export async function resolveSchedulingPolicyArns(backend: Backend, refs: readonly string[]): Promise<string[]> {
  const arns = await listSchedulingPolicyArns(backend);
  const missing: string[] = [];
  const out = refs.map((ref) => {
    const hit = arns.find((arn) => arn === ref || policyName(arn) === ref);
    if (!hit) missing.push(ref);
    return hit ?? '';
  });
  if (missing.length) throw notFound('scheduling policy', 'scheduling policies', missing, backend, 'policy list');
  return out;
}

/** The named policies' details in the order asked. */
export async function requireSchedulingPolicies(backend: Backend, refs: readonly string[]): Promise<SchedulingPolicyDetail[]> {
  const arns = await resolveSchedulingPolicyArns(backend, refs);
  const found = await describeSchedulingPolicies(backend, arns);
  return pick(arns, found, (p) => [p.arn], (missing) => notFound('scheduling policy', 'scheduling policies', missing, backend, 'policy list'));
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function pick<T>(refs: readonly string[], found: T[], keys: (t: T) => Array<string | undefined>, error: (missing: string[]) => Error): T[] {
  const missing: string[] = [];
  const out: T[] = [];
  for (const ref of unique(refs)) {
    const hit = found.find((f) => {
      const [name, arn] = keys(f);
      return matches(ref, name, arn ?? name);
    });
    if (!hit) missing.push(ref);
    else if (!out.includes(hit)) out.push(hit); // a name and its ARN are one resource

  }
  if (missing.length) throw error(missing);
  return out;
}
