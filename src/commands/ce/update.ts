/** `batchctl ce update <ce>`: the fields UpdateComputeEnvironment allows, from flags or --input. */
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateUpdateComputeEnvironment } from '../../domain/validation/compute-environment.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { requireComputeEnvironments } from '../shared/resolve.js';
import { choiceOption, repeatable, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { CE_FLAG_FIELDS, IMAGE_TYPE_CHOICES, UPDATE_ALLOCATION_CHOICES, buildUpdateRequest, updateChangesSomething, updateKind, type CeUpdateFlags } from './request.js';

export interface CeUpdateOptions extends CeUpdateFlags {
  name?: string;
  input?: string;
}

export function ceUpdateCommand(ctx: Context, runF: (ctx: Context, opts: CeUpdateOptions) => Promise<void> = runCeUpdate): Command {
  return new Command('update')
    .description('Change a compute environment (vCPU bounds, instances, network, roles, AMI, update policy)')
    .argument('[ce]', 'compute environment name or ARN (or computeEnvironment in --input)')
    .option('--max-vcpus <n>', 'maximum vCPUs', wholeNumber(0))
    .option('--min-vcpus <n>', 'minimum vCPUs', wholeNumber(0))
    .option('--desired-vcpus <n>', 'desired vCPUs (may only be raised)', wholeNumber(0))
    .option('--scale-down-delay <minutes>', 'minutes an idle instance is kept (0, or 20-10080)', wholeNumber(0))
    .option('--instance-types <types>', 'instance types or families, comma-separated or repeated', repeatable)
    .option('--subnets <ids>', 'subnet ids, comma-separated or repeated', repeatable)
    .option('--security-groups <ids>', 'security group ids, comma-separated or repeated', repeatable)
    .option('--instance-role <profile>', 'instance profile name or ARN')
    .option('--service-role <arn>', 'service role ARN')
    .addOption(choiceOption('--allocation-strategy <strategy>', 'allocation strategy (BEST_FIT cannot be set by an update)', UPDATE_ALLOCATION_CHOICES))
    .option('--bid-percentage <pct>', 'Spot: maximum price as % of On-Demand (0-100)', wholeNumber(0, 100))
    .option('--launch-template <id|name[:version]>', 'launch template: lt-… id or name, optionally :version')
    .addOption(choiceOption('--image-type <type>', 'AMI family (ec2Configuration imageType)', IMAGE_TYPE_CHOICES))
    .option('--update-to-latest-image', 'move to the latest Batch-supported AMI (an infrastructure update)')
    .option('--terminate-jobs-on-update', 'terminate running jobs at once instead of letting them finish')
    .option('--job-execution-timeout <minutes>', 'minutes running jobs may keep going during an infrastructure update (default 30)', wholeNumber(1, 7200))
    .option('--unmanaged-vcpus <n>', 'vCPUs available for scheduling (unmanaged)', wholeNumber(0))
    .addOption(new Option('--input <file>', 'an UpdateComputeEnvironment request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
Changing only --min/--max/--desired-vcpus or --scale-down-delay is a scaling update (no instance is
replaced). Anything else replaces instances (an infrastructure update), which needs the service-linked
role and an allocation strategy other than BEST_FIT. Use \`ce enable\` / \`ce disable\` for the state.
Examples:
  $ batchctl ce update demo-ce --max-vcpus 128
  $ batchctl ce update demo-ce --update-to-latest-image --job-execution-timeout 60
  $ batchctl ce update demo-ce --instance-types c6i,m6i --terminate-jobs-on-update --yes`,
    )
    .action(async (name: string | undefined, flags: CeUpdateFlags & { input?: string }) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runCeUpdate(ctx: Context, opts: CeUpdateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req = buildUpdateRequest(opts.name, opts, file);
  if (!req.computeEnvironment) throw new UsageError('name the compute environment: `batchctl ce update <ce> …` (or computeEnvironment in --input)');
  if (!updateChangesSomething(req)) {
    throw new UsageError(`nothing to update for ${req.computeEnvironment}: give at least one setting to change`, 'see `batchctl ce update --help`; `ce enable`/`ce disable` change the state');
  }
  checkIssues(ctx, validateUpdateComputeEnvironment(req, { unknownMembers: 'error' }), { what: 'compute environment update', flags: CE_FLAG_FIELDS });
  const backend = await ctx.backend();
  const [ce] = await requireComputeEnvironments(backend, [req.computeEnvironment]);
  const name = ce!.computeEnvironmentName ?? req.computeEnvironment;
  const fargate = ce!.computeResources?.type === 'FARGATE' || ce!.computeResources?.type === 'FARGATE_SPOT';
  const kind = updateKind(req, fargate);
  const reason =
    kind === 'scaling'
      ? 'a scaling update: instances are added or removed, none replaced'
      : kind === 'infrastructure'
        ? `an infrastructure update: instances are replaced; running jobs ${req.updatePolicy?.terminateJobsOnUpdate ? 'are terminated at once' : `may run up to ${req.updatePolicy?.jobExecutionTimeoutMinutes ?? 30} minutes first`}`
        : 'changes settings of the compute environment';
  await runMutation(
    ctx,
    {
      title: `Update compute environment ${name}`,
      steps: [{ service: 'batch', operation: 'UpdateComputeEnvironment', input: stepInput(req), title: `update compute environment ${name}`, reason }],
    },
    { success: `Updated compute environment ${name} (${kind === 'settings' ? 'settings' : `${kind} update`})` },
  );
}
