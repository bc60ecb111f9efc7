/** `batchctl policy update <policy>`: change decay, reservation or shares (other fields are kept). */
import { Command, Option } from 'commander';
import type { ShareAttributes, UpdateSchedulingPolicyRequest } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateUpdateSchedulingPolicy } from '../../domain/validation/scheduling-policy.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { requireSchedulingPolicies } from '../shared/resolve.js';
import { wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { POLICY_FLAG_FIELDS, fairShareFrom, parseShare, parseShareDecay } from './request.js';

export interface PolicyUpdateOptions {
  name?: string;
  shareDecay?: number;
  computeReservation?: number;
  share?: ShareAttributes[];
  input?: string;
}

export function policyUpdateCommand(ctx: Context, runF: (ctx: Context, opts: PolicyUpdateOptions) => Promise<void> = runPolicyUpdate): Command {
  return new Command('update')
    .description('Change a fair-share scheduling policy (unchanged settings are kept)')
    .argument('[policy]', 'scheduling policy name or ARN (or arn in --input)')
    .option('--share-decay <duration>', 'time window for usage: seconds or 10m, 1h', parseShareDecay)
    .option('--compute-reservation <pct>', 'capacity reserved for inactive share identifiers (0-99)', wholeNumber(0, 99))
    .option('--share <id[:weight]>', 'replaces the share list: ID[:WEIGHT] (repeatable)', parseShare)
    .addOption(new Option('--input <file>', 'an UpdateSchedulingPolicy request (JSON or YAML); flags override its fields'))
    .addHelpText('after', `\nExamples:\n  $ batchctl policy update teams --compute-reservation 10\n  $ batchctl policy update teams --share teamA:1 --share teamB:1 --share teamC:2`)
    .action(async (name: string | undefined, flags: Omit<PolicyUpdateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runPolicyUpdate(ctx: Context, opts: PolicyUpdateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const ref = opts.name ?? (typeof file.arn === 'string' ? file.arn : undefined);
  if (!ref) throw new UsageError('name the policy: `batchctl policy update <policy> …` (or arn in --input)');
  const changes = opts.shareDecay !== undefined || opts.computeReservation !== undefined || opts.share !== undefined || Object.keys(file).some((k) => k !== 'arn');
  if (!changes) throw new UsageError(`nothing to update for ${ref}: give at least one setting to change`, 'see `batchctl policy update --help`');
  const backend = await ctx.backend();
  const [current] = await requireSchedulingPolicies(backend, [ref]);
  // UpdateSchedulingPolicy replaces the whole fairsharePolicy: start from the current one.
  const base = (file.fairsharePolicy as UpdateSchedulingPolicyRequest['fairsharePolicy']) ?? current!.fairsharePolicy ?? {};
  const req: UpdateSchedulingPolicyRequest = { ...(file as object), arn: current!.arn };
  if (current!.quotaSharePolicy && !file.fairsharePolicy) {
    if (opts.shareDecay !== undefined || opts.computeReservation !== undefined || opts.share) {
      throw new UsageError(`${current!.name} is a quota-share policy: --share-decay, --compute-reservation and --share apply to fair-share policies`);
    }
  } else {
    req.fairsharePolicy = fairShareFrom(opts, base);
  }
  checkIssues(ctx, validateUpdateSchedulingPolicy(req, { unknownMembers: 'error' }), { what: 'scheduling policy update', flags: POLICY_FLAG_FIELDS });
  await runMutation(
    ctx,
    {
      title: `Update scheduling policy ${current!.name}`,
      steps: [{ service: 'batch', operation: 'UpdateSchedulingPolicy', input: stepInput(req), title: `update scheduling policy ${current!.name}`, reason: 'replaces the fair-share settings (unchanged ones are carried over)' }],
    },
    { success: `Updated scheduling policy ${current!.name}` },
  );
}
