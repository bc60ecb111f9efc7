/**
 * `batchctl resource update <resource> --set N | --add N | --remove N`: UpdateConsumableResource with
 * operation SET / ADD / REMOVE. They change the total of a REPLENISHABLE resource and the available
 * amount of a NON_REPLENISHABLE one; lowering a total below what is in use takes effect as jobs
 * release their units.
 */
import { Command, Option } from 'commander';
import type { DescribeConsumableResourceResponse, UpdateConsumableResourceRequest } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateUpdateConsumableResource } from '../../domain/validation/consumable-resource.js';
import { readInputFile } from '../shared/input-file.js';
import { runMutation, stepInput } from '../shared/mutate.js';
import { compact, mergeRequest, wholeNumber } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { RESOURCE_FLAG_FIELDS, requireConsumableResources } from './shared.js';

export interface ResourceUpdateOptions {
  name?: string;
  set?: number;
  add?: number;
  remove?: number;
  clientToken?: string;
  input?: string;
}

export function resourceUpdateCommand(ctx: Context, runF: (ctx: Context, opts: ResourceUpdateOptions) => Promise<void> = runResourceUpdate): Command {
  return new Command('update')
    .description('Set, add to or remove from a consumable resource\'s quantity')
    .argument('[name]', 'consumable resource name or ARN (or consumableResource in --input)')
    .addOption(new Option('--set <n>', 'make the quantity N (operation SET)').argParser(wholeNumber(0)).conflicts(['add', 'remove']))
    .addOption(new Option('--add <n>', 'add N units (operation ADD)').argParser(wholeNumber(0)).conflicts(['set', 'remove']))
    .addOption(new Option('--remove <n>', 'remove N units (operation REMOVE; stops at 0)').argParser(wholeNumber(0)).conflicts(['set', 'add']))
    .option('--client-token <token>', 'idempotency token (1-64 characters): the same update with the same token within 8 hours happens once')
    .addOption(new Option('--input <file>', 'an UpdateConsumableResource request (JSON or YAML); flags override its fields'))
    .addHelpText(
      'after',
      `
REPLENISHABLE: the operation changes the total. Lowering it below what is in use takes the free
units at once; the total reaches the new value as running jobs release theirs.
NON_REPLENISHABLE: the operation changes the available amount.
Examples:
  $ batchctl resource update licences --add 2
  $ batchctl resource update licences --set 1 --dry-run
  $ batchctl resource update api-calls --remove 500 --client-token nightly-2026-01-15`,
    )
    .action(async (name: string | undefined, flags: Omit<ResourceUpdateOptions, 'name'>) => {
      await runF(ctx, { ...flags, name });
    });
}

/** The flags as (operation, quantity); undefined when none was given. */
export function updateOperation(opts: Pick<ResourceUpdateOptions, 'set' | 'add' | 'remove'>): { operation: 'SET' | 'ADD' | 'REMOVE'; quantity: number } | undefined {
  const given = ([['SET', opts.set], ['ADD', opts.add], ['REMOVE', opts.remove]] as const).filter(([, q]) => q !== undefined);
  if (given.length > 1) throw new UsageError(`give one of --set, --add or --remove (got ${given.map(([o]) => `--${o.toLowerCase()}`).join(' and ')})`);
  const [op] = given;
  return op ? { operation: op[0], quantity: op[1]! } : undefined;
}

/** What the update will do, for the plan: `total 4 → 2 (3 in use: …)`. */
export function updateEffect(r: DescribeConsumableResourceResponse, operation: string, q: number): string {
  const nonRep = r.resourceType === 'NON_REPLENISHABLE';
  const what = nonRep ? 'available' : 'total';
  const from = (nonRep ? r.availableQuantity : r.totalQuantity) ?? 0;
  const to = operation === 'SET' ? q : operation === 'ADD' ? from + q : Math.max(0, from - q);
  const inUse = r.inUseQuantity ?? 0;
  const free = r.availableQuantity ?? 0;
  const deferred = !nonRep && to < from && from - to > free && inUse > 0;
  return `${what} ${from} → ${to}${deferred ? ` (${inUse} in use: the total reaches ${to} as running jobs release their units)` : ''}`;
}

export async function runResourceUpdate(ctx: Context, opts: ResourceUpdateOptions): Promise<void> {
  const file = opts.input ? await readInputFile(opts.input) : {};
  const op = updateOperation(opts);
  const req = mergeRequest(file, compact({ consumableResource: opts.name, operation: op?.operation, quantity: op?.quantity, clientToken: opts.clientToken })) as unknown as UpdateConsumableResourceRequest;
  if (!req.consumableResource) throw new UsageError('name the resource: `batchctl resource update <resource> --set|--add|--remove N` (or consumableResource in --input)');
  if (req.quantity === undefined) throw new UsageError(`nothing to update for ${req.consumableResource}: give --set N, --add N or --remove N`, 'see `batchctl resource update --help`');
  req.operation ??= 'SET';
  checkIssues(ctx, validateUpdateConsumableResource(req, { unknownMembers: 'error' }), { what: 'consumable resource update', flags: RESOURCE_FLAG_FIELDS });
  const backend = await ctx.backend();
  const [current] = await requireConsumableResources(backend, [req.consumableResource]);
  const name = current!.consumableResourceName!;
  await runMutation(
    ctx,
    {
      title: `Update consumable resource ${name}`,
      steps: [{ service: 'batch', operation: 'UpdateConsumableResource', input: stepInput(req), title: `update consumable resource ${name}`, reason: `${req.operation} ${req.quantity}: ${updateEffect(current!, req.operation, req.quantity)}` }],
    },
    { success: (outputs) => `Updated consumable resource ${name}: total ${(outputs[0] as { totalQuantity?: number } | undefined)?.totalQuantity ?? '?'}` },
  );
}
