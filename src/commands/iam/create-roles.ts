/**
 * `batchctl iam create-roles [platform...]`: creates exactly what `iam check` finds missing for
 * the platforms (the service-linked role, the execution role, the instance role and its profile,
 * their managed policies) as one plan. Existing roles that match are left alone; one with the wrong
 * trust is a conflict, never rewritten.
 */
import { Argument, Command } from 'commander';
import type { Context } from '../../context.js';
import { iamCreateRolesPlan } from '../../domain/checks/iam.js';
import { PLATFORMS, type Platform } from '../../domain/checks/iam-roles.js';
import { emptyReportedPlan, mergeReportedPlan, type ReportedPlan } from '../../domain/checks/plan-notes.js';
import { wantsMachineOutput } from '../shared/mutate.js';
import { applyReportedPlan } from '../shared/plan-runner.js';
import { tagOption } from '../shared/resource-options.js';
import { emitOption, checkEmit } from '../shared/plan-runner.js';
import { addRoleOptions, iamOptionsFrom, platformsOf, type IamRoleFlags } from './check.js';
import { accountIdOf, gatherIamFacts } from './facts.js';

export interface IamCreateRolesOptions extends IamRoleFlags {
  tag?: Record<string, string>;
  emit?: 'aws-cli';
}

export function iamCreateRolesCommand(ctx: Context, runF = runIamCreateRoles): Command {
  const cmd = new Command('create-roles')
    .description('Create the IAM roles and instance profiles Batch needs that are missing (a plan)')
    .addArgument(new Argument('[platform...]', 'fargate, ec2 or eks (default: fargate and ec2)').choices(PLATFORMS))
    .addOption(tagOption('tag the roles and instance profiles it creates (repeatable): key=value'))
    .addOption(emitOption());
  addRoleOptions(cmd).addHelpText(
    'after',
    `
IAM changes take a few minutes to reach every region: run \`batchctl iam check\` again after ~5 minutes.
Examples:
  $ batchctl iam create-roles --dry-run
  $ batchctl iam create-roles fargate --yes
  $ batchctl iam create-roles ec2 --dry-run --emit aws-cli`,
  );
  return cmd.action((platforms: Platform[], flags: IamCreateRolesOptions) => runF(ctx, { ...flags, platform: platforms.length ? platforms : flags.platform }));
}

/** One plan for several platforms: the service-linked role is created once. */
export function mergePlans(title: string, plans: ReportedPlan[]): ReportedPlan {
  const out = emptyReportedPlan(title);
  const seen = new Set<string>();
  for (const p of plans) {
    const fresh = { ...p, steps: p.steps.filter((s) => !seen.has(JSON.stringify([s.operation, s.input]))), skipped: p.skipped.filter((k) => !seen.has(`skip:${k.kind}:${k.name}`)) };
    for (const s of p.steps) seen.add(JSON.stringify([s.operation, s.input]));
    for (const k of p.skipped) seen.add(`skip:${k.kind}:${k.name}`);
    mergeReportedPlan(out, fresh);
  }
  return out;
}

export async function runIamCreateRoles(ctx: Context, flags: IamCreateRolesOptions): Promise<void> {
  const emit = checkEmit(ctx, flags.emit);
  const backend = await ctx.backend();
  const platforms = platformsOf(flags);
  const tags = flags.tag;
  const facts = await gatherIamFacts(backend, [], {});
  for (const p of platforms) await gatherIamFacts(backend, [p], iamOptionsFrom(flags, p), facts);
  const accountId = await accountIdOf(backend, { iam: facts });
  const plan = mergePlans(
    `Create the IAM roles for ${platforms.join(' and ')}`,
    platforms.map((p) => iamCreateRolesPlan(facts, p, accountId, { ...iamOptionsFrom(flags, p), tags })),
  );
  const result = await applyReportedPlan(ctx, plan, { emit, progress: true });
  if (!result.applied) return;
  const c = ctx.io.color();
  if (wantsMachineOutput(ctx)) {
    await ctx.print({ data: { world: backend.label, created: plan.steps.map((s) => s.title), skipped: plan.skipped } });
  }
  if (plan.steps.length === 0) {
    ctx.io.err(`${c.dim('·')} every role ${platforms.join(' and ')} needs already exists ${c.dim(`[${backend.label}]`)}\n`);
    return;
  }
  ctx.io.err(`${c.green('✓')} Created the IAM roles for ${platforms.join(' and ')} ${c.dim(`[${backend.label}]`)}\n`);
  if (backend.kind === 'aws') ctx.io.err(c.dim('IAM changes take a few minutes to propagate: run `batchctl iam check` again in ~5 minutes\n'));
}
