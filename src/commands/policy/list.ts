/** `batchctl policy list`: every scheduling policy (ListSchedulingPolicies + DescribeSchedulingPolicies). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { POLICY_COLUMNS } from '../../render/scheduling-policy.js';
import { describeSchedulingPolicies, listSchedulingPolicyArns } from '../shared/resolve.js';

export type PolicyListOptions = Record<string, never>;

export function policyListCommand(ctx: Context, runF: (ctx: Context, opts: PolicyListOptions) => Promise<void> = runPolicyList): Command {
  return new Command('list')
    .description('List scheduling policies')
    .addHelpText('after', `\nColumns: NAME KIND SHARE DECAY RESERVATION SHARES; -o wide adds ARN.\nExamples:\n  $ batchctl policy list\n  $ batchctl policy list -o json     # {"schedulingPolicies": [...]} with details`)
    .action(async () => {
      await runF(ctx, {});
    });
}

export async function runPolicyList(ctx: Context, _opts: PolicyListOptions): Promise<void> {
  const backend = await ctx.backend();
  const arns = await listSchedulingPolicyArns(backend);
  const policies = arns.length ? await describeSchedulingPolicies(backend, arns) : [];
  await ctx.print({
    data: { schedulingPolicies: policies },
    rows: policies,
    columns: POLICY_COLUMNS,
    empty: `no scheduling policies [${backend.label}]; create one with \`batchctl policy create\``,
  });
}
