/** `batchctl untag <resource> <key...>`: remove tags (UntagResource); keys that are not set are ignored. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { validateUntagResource } from '../../domain/validation/tags.js';
import { runMutation } from '../shared/mutate.js';
import { choiceOption } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { KIND_CHOICES, resolveTagTarget, type ResourceKind } from './resource.js';

export interface UntagOptions {
  resource: string;
  keys: string[];
  kind?: ResourceKind;
}

/** The noun's command (program.ts loads it); tests pass `runF` to untagCommand. */
export default function (ctx: Context): Command {
  return untagCommand(ctx);
}

export function untagCommand(ctx: Context, runF: (ctx: Context, opts: UntagOptions) => Promise<void> = runUntag): Command {
  return new Command('untag')
    .description('Remove tags from a compute environment, queue, job definition, policy or job')
    .argument('<resource>', 'the resource ARN (or a name with --kind)')
    .argument('<key...>', 'tag keys to remove')
    .addOption(choiceOption('--kind <kind>', 'what a name (not an ARN) refers to', KIND_CHOICES))
    .addHelpText('after', `\nExamples:\n  $ batchctl untag arn:aws:batch:us-east-1:123456789012:job-queue/work cost-center\n  $ batchctl untag work --kind queue team cost-center`)
    .action(async (resource: string, keys: string[], flags: { kind?: ResourceKind }) => {
      await runF(ctx, { resource, keys, kind: flags.kind });
    });
}

export async function runUntag(ctx: Context, opts: UntagOptions): Promise<void> {
  const backend = await ctx.backend();
  const arn = await resolveTagTarget(backend, opts.resource, opts.kind);
  const input = { resourceArn: arn, tagKeys: opts.keys };
  checkIssues(ctx, validateUntagResource(input, { unknownMembers: 'error' }), { what: 'tag keys', flags: { tagKeys: '<key>' } });
  await runMutation(
    ctx,
    { title: `Untag ${arn}`, steps: [{ service: 'batch', operation: 'UntagResource', input, title: `untag ${arn}`, reason: `removes ${opts.keys.join(', ')}` }] },
    { success: `Removed tag${opts.keys.length === 1 ? '' : 's'} ${opts.keys.join(', ')} from ${opts.resource.startsWith('arn:') ? arn : `${opts.kind} ${opts.resource}`}`, data: () => ({}) },
  );
}
