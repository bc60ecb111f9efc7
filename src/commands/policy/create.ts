/** `batchctl policy create`: a fair-share scheduling policy from flags or --input. */
import { Command, Option } from 'commander';
import type { CreateSchedulingPolicyRequest, ShareAttributes } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateCreateSchedulingPolicy } from '../../domain/validation/scheduling-policy.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { compact, mergeRequest, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { POLICY_FLAG_FIELDS, fairShareFrom, parseShare, parseShareDecay } from './request.js';

export interface PolicyCreateOptions {
  name?: string;
  shareDecay?: number;
  computeReservation?: number;
  share?: ShareAttributes[];
  tag?: Record<string, string>;
  input?: string;
}

export function policyCreateCommand(ctx: Context, runF: (ctx: Context, opts: PolicyCreateOptions) => Promise<void> = runPolicyCreate): Command {
  return new Command('create')
    .description('Create a fair-share scheduling policy')
    .argument('[name]', 'name of the new policy (or name in --input)')
    .option('--share-decay <duration>', 'time window for usage: seconds or 10m, 1h (0 = the 600s minimum; max 7d)', parseShareDecay)
    .option('--compute-reservation <pct>', 'reserve capacity for share identifiers not yet active (0-99)', wholeNumber(0, 99))
    .option('--share <id[:weight]>', "a share identifier (or prefix ending in *) and weight factor; lower weight = larger share (repeatable)", parseShare)
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a CreateSchedulingPolicy request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl policy create teams --share-decay 1h --share teamA:1 --share teamB:0.5
  $ batchctl policy create ml --compute-reservation 25 --share 'ml*:1'
  $ batchctl queue create fair --priority 1 --ce demo-ce --scheduling-policy teams`,
    )
    .action(async (name: string | undefined, flags: Omit<PolicyCreateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runPolicyCreate(ctx: Context, opts: PolicyCreateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const fileFair = (file.fairsharePolicy as Record<string, unknown> | undefined) ?? undefined;
  const fair = fairShareFrom(opts, fileFair);
  const req = mergeRequest(file, compact({ name: opts.name, tags: opts.tag })) as unknown as CreateSchedulingPolicyRequest;
  if (fair && !req.quotaSharePolicy) req.fairsharePolicy = fair;
  if (!req.name) throw new UsageError('a name is required: `batchctl policy create <name>` (or name in --input)');
  if (!req.fairsharePolicy && !req.quotaSharePolicy) req.fairsharePolicy = {};
  checkIssues(ctx, validateCreateSchedulingPolicy(req, { unknownMembers: 'error' }), { what: 'scheduling policy', flags: POLICY_FLAG_FIELDS });
  const shares = req.fairsharePolicy?.shareDistribution?.length ?? 0;
  await runMutation(
    ctx,
    {
      title: `Create scheduling policy ${req.name}`,
      steps: [{ service: 'batch', operation: 'CreateSchedulingPolicy', input: stepInput(req), title: `create scheduling policy ${req.name}`, reason: req.quotaSharePolicy ? 'a quota-share policy' : `a fair-share policy with ${shares} share${shares === 1 ? '' : 's'}` }],
    },
    { success: `Created scheduling policy ${req.name}` },
  );
}
