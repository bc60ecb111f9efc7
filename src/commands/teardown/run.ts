/**
 * `batchctl teardown NAME`: deletes what `setup` created for the stack (everything tagged
 * batchctl:stack=NAME) in AWS's dependency order: queues disabled, waited for, deleted; compute
 * environments disabled, waited for, deleted; job definitions deregistered; IAM roles only with
 * --roles. One plan: --dry-run shows it, a re-run after an interruption does what is left.
 */
import type * as I from '@aws-sdk/client-iam';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { DEFAULT_EXECUTION_ROLE, DEFAULT_INSTANCE_ROLE, iamNameOf } from '../../domain/checks/iam-roles.js';
import { MISSING } from '../../domain/checks/types.js';
import { STACK_TAG } from '../../wizards/defaults.js';
import { eksCleanupCommands } from '../../wizards/eks-manifests.js';
import { buildTeardownPlan, selectStackResources, type StackResources, type StackRole } from '../../wizards/teardown.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { applyReportedPlan, checkEmit, readFact } from '../shared/plan-runner.js';
import { describeComputeEnvironments, describeJobDefinitions, describeJobQueues } from '../shared/resolve.js';
import { accountIdOf } from '../iam/facts.js';

export interface TeardownOptions {
  stack: string;
  roles?: boolean;
  emit?: string;
  /** Milliseconds, from --timeout. */
  timeout?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The roles a stack may have created: the defaults, and those its resources name. */
function candidateRoles(all: { instanceRoles: string[]; executionRoles: string[] }): string[] {
  return [...new Set([DEFAULT_EXECUTION_ROLE, DEFAULT_INSTANCE_ROLE, ...all.executionRoles, ...all.instanceRoles].map(iamNameOf))];
}

async function readRoles(backend: Backend, names: string[]): Promise<StackRole[]> {
  const out: StackRole[] = [];
  for (const name of names) {
    const role = (await readFact(backend, { service: 'iam', operation: 'GetRole', input: { RoleName: name } })) as I.GetRoleResponse | typeof MISSING;
    if (role === MISSING || !role.Role) continue;
    const attached = (await readFact(backend, { service: 'iam', operation: 'ListAttachedRolePolicies', input: { RoleName: name } })) as I.ListAttachedRolePoliciesResponse | typeof MISSING;
    const profile = (await readFact(backend, { service: 'iam', operation: 'GetInstanceProfile', input: { InstanceProfileName: name } })) as I.GetInstanceProfileResponse | typeof MISSING;
    out.push({
      role: role.Role,
      attachedPolicies: attached === MISSING ? [] : attached.AttachedPolicies ?? [],
      ...(profile !== MISSING && profile.InstanceProfile ? { instanceProfile: profile.InstanceProfile } : {}),
    });
  }
  return out;
}

/** Everything of the stack that still exists, read through the port. */
export async function gatherStack(backend: Backend, stack: string, withRoles: boolean): Promise<StackResources> {
  const [computeEnvironments, jobQueues, jobDefinitions] = await Promise.all([
    describeComputeEnvironments(backend),
    describeJobQueues(backend),
    describeJobDefinitions(backend, { status: 'ACTIVE' }),
  ]);
  let roles: StackRole[] | undefined;
  if (withRoles) {
    const mine = selectStackResources(stack, { computeEnvironments, jobQueues, jobDefinitions });
    const profiles = mine.computeEnvironments.map((c) => c.computeResources?.instanceRole).filter((r): r is string => !!r);
    const inProfiles: string[] = [];
    for (const p of profiles) {
      const got = (await readFact(backend, { service: 'iam', operation: 'GetInstanceProfile', input: { InstanceProfileName: iamNameOf(p) } })) as I.GetInstanceProfileResponse | typeof MISSING;
      if (got !== MISSING) inProfiles.push(...(got.InstanceProfile?.Roles ?? []).map((r) => r.RoleName!).filter(Boolean));
    }
    const executionRoles = mine.jobDefinitions.flatMap((j) => [j.containerProperties?.executionRoleArn, j.containerProperties?.jobRoleArn]).filter((r): r is string => !!r);
    roles = await readRoles(backend, candidateRoles({ instanceRoles: [...profiles, ...inProfiles], executionRoles }));
  }
  return selectStackResources(stack, { computeEnvironments, jobQueues, jobDefinitions, roles });
}

export async function runTeardown(ctx: Context, opts: TeardownOptions): Promise<void> {
  const emit = checkEmit(ctx, opts.emit);
  const backend = await ctx.backend();
  const c = ctx.io.color();
  const stack = await gatherStack(backend, opts.stack, opts.roles === true);
  const plan = buildTeardownPlan(stack, { roles: opts.roles === true });
  if (plan.steps.length === 0 && plan.conflicts.length === 0) {
    if (wantsMachineOutput(ctx)) await ctx.print({ data: { stack: opts.stack, world: backend.label, deleted: [], skipped: plan.skipped } });
    ctx.io.err(`${c.dim('·')} nothing to tear down: nothing tagged ${STACK_TAG}=${opts.stack} is left ${c.dim(`[${backend.label}]`)}\n`);
    return;
  }
  const result = await applyReportedPlan(ctx, plan, { emit, waitTimeoutMs: opts.timeout, sleep: opts.sleep, progress: true, question: `Delete the stack ${opts.stack} (${plan.steps.length} steps)?` });
  const eksCes = stack.computeEnvironments.filter((ce) => ce.eksConfiguration?.eksClusterArn);
  if (eksCes.length > 0 && !emit) {
    const accountId = await accountIdOf(backend, { arns: eksCes.map((ce) => ce.eksConfiguration?.eksClusterArn) });
    const cmds = eksCes.flatMap((ce) => eksCleanupCommands({
      clusterName: iamNameOf(ce.eksConfiguration!.eksClusterArn!), namespace: ce.eksConfiguration!.kubernetesNamespace ?? '', accountId, region: backend.region,
    }));
    ctx.io.err(`${c.bold('Kubernetes side')} ${c.dim('(batchctl does not run kubectl; run these when no other compute environment uses the cluster)')}\n${cmds.map((k) => `  ${k.shell}  ${c.dim(`# ${k.description}`)}`).join('\n')}\n`);
  }
  if (!result.applied) return;
  if (wantsMachineOutput(ctx)) await ctx.print({ data: { stack: opts.stack, world: backend.label, deleted: plan.steps.map((s) => s.title), skipped: plan.skipped } });
  ctx.io.err(`${c.green('✓')} Tore down the stack ${opts.stack} ${c.dim(`[${backend.label}]`)}\n`);
}
