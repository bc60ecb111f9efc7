/** `batchctl resource create`: a consumable resource (licences, tokens, bandwidth) from flags or --input. */
import { Command, Option } from 'commander';
import type { CreateConsumableResourceRequest } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { CONSUMABLE_RESOURCE_TYPES, validateCreateConsumableResource } from '../../domain/validation/consumable-resource.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { choiceOption, compact, mergeRequest, normaliseChoice, tagOption, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { RESOURCE_FLAG_FIELDS } from './shared.js';

export interface ResourceCreateOptions {
  name?: string;
  total?: number;
  type?: string;
  tag?: Record<string, string>;
  input?: string;
}

export function resourceCreateCommand(ctx: Context, runF: (ctx: Context, opts: ResourceCreateOptions) => Promise<void> = runResourceCreate): Command {
  return new Command('create')
    .description('Create a consumable resource')
    .argument('[name]', 'name of the new resource (or consumableResourceName in --input)')
    .option('--total <n>', 'how many units exist (a whole number >= 0)', wholeNumber(0))
    .addOption(
      // `non-replenishable` reads naturally on a command line: a hyphen stands for the underscore.
      choiceOption('--type <type>', 'REPLENISHABLE: units return when a job ends (default); NON_REPLENISHABLE: used up', CONSUMABLE_RESOURCE_TYPES).argParser((raw: string) =>
        normaliseChoice(raw.replace(/-/g, '_'), CONSUMABLE_RESOURCE_TYPES),
      ),
    )
    .addOption(tagOption())
    .addOption(new Option('--input <file>', 'a CreateConsumableResource request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
A job names the resources it needs in its job definition
(consumableResourceProperties.consumableResourceList: [{consumableResource, quantity}]) and stays
RUNNABLE until every one has that quantity available.
Examples:
  $ batchctl resource create licences --total 4
  $ batchctl resource create api-calls --total 10000 --type non-replenishable --tag team=ml
  $ batchctl resource create --input resource.json`,
    )
    .action(async (name: string | undefined, flags: Omit<ResourceCreateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

export async function runResourceCreate(ctx: Context, opts: ResourceCreateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const req = mergeRequest(file, compact({ consumableResourceName: opts.name, totalQuantity: opts.total, resourceType: opts.type, tags: opts.tag })) as unknown as CreateConsumableResourceRequest;
  if (!req.consumableResourceName) throw new UsageError('a name is required: `batchctl resource create <name> --total N` (or consumableResourceName in --input)');
  // The API defaults the total to 0 (a resource no job can use yet); batchctl asks for it.
  if (req.totalQuantity === undefined) throw new UsageError('--total is required to create a consumable resource', `e.g. \`batchctl resource create ${req.consumableResourceName} --total 4\``);
  checkIssues(ctx, validateCreateConsumableResource(req, { unknownMembers: 'error' }), { what: 'consumable resource', flags: RESOURCE_FLAG_FIELDS });
  const type = req.resourceType ?? 'REPLENISHABLE';
  await runMutation(
    ctx,
    {
      title: `Create consumable resource ${req.consumableResourceName}`,
      steps: [{ service: 'batch', operation: 'CreateConsumableResource', input: stepInput(req), title: `create consumable resource ${req.consumableResourceName}`, reason: `${req.totalQuantity} ${type} unit${req.totalQuantity === 1 ? '' : 's'}` }],
    },
    { success: `Created consumable resource ${req.consumableResourceName}` },
  );
}
