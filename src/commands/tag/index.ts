/**
 * `batchctl tag <resource> [key=value...]`: add or change tags (TagResource); without pairs, print
 * the resource's tags (ListTagsForResource). Tags not named are left alone.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { validateTagResource } from '../../domain/validation/tags.js';
import { tagsInline } from '../../render/format.js';
import { runMutation } from '../shared/mutate.js';
import { choiceOption } from '../shared/resource-options.js';
import { checkIssues } from '../shared/validate.js';
import { KIND_CHOICES, resolveTagTarget, type ResourceKind } from './resource.js';
import { compareStrings } from '../../domain/compare.js';

export interface TagOptions {
  resource: string;
  tags: Record<string, string>;
  kind?: ResourceKind;
}

/** `k=v` words -> a map (a value may be empty: `k=`). */
export function parseTagWords(words: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`"${w}" must look like key=value`, 'to remove a tag, use `batchctl untag <resource> <key>`');
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

/** The noun's command (program.ts loads it); tests pass `runF` to tagCommand. */
export default function (ctx: Context): Command {
  return tagCommand(ctx);
}

export function tagCommand(ctx: Context, runF: (ctx: Context, opts: TagOptions) => Promise<void> = runTag): Command {
  return new Command('tag')
    .description('Add or change tags on a compute environment, queue, job definition, policy or job')
    .argument('<resource>', 'the resource ARN (or a name with --kind)')
    .argument('[key=value...]', 'tags to set; none prints the current tags')
    .addOption(choiceOption('--kind <kind>', 'what a name (not an ARN) refers to', KIND_CHOICES))
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl tag arn:aws:batch:us-east-1:123456789012:job-queue/work team=data cost-center=42
  $ batchctl tag work --kind queue team=data
  $ batchctl tag demo-ce --kind ce                  # print its tags
  $ batchctl untag work --kind queue cost-center`,
    )
    .action(async (resource: string, pairs: string[], flags: { kind?: ResourceKind }) => {
      await runF(ctx, { resource, tags: parseTagWords(pairs), kind: flags.kind });
    });
}

export async function runTag(ctx: Context, opts: TagOptions): Promise<void> {
  const backend = await ctx.backend();
  const arn = await resolveTagTarget(backend, opts.resource, opts.kind);
  if (Object.keys(opts.tags).length === 0) {
    const out = await backend.batch.listTagsForResource({ resourceArn: arn });
    const tags = out.tags ?? {};
    await ctx.print({
      data: { tags },
      rows: Object.entries(tags).sort(([a], [b]) => compareStrings(a, b)),
      columns: [
        { header: 'KEY', cell: ([k]) => k },
        { header: 'VALUE', cell: ([, v]) => v },
      ],
      empty: `no tags on ${arn} [${backend.label}]`,
    });
    return;
  }
  const input = { resourceArn: arn, tags: opts.tags };
  checkIssues(ctx, validateTagResource(input, { unknownMembers: 'error' }), { what: 'tags', flags: { tags: '<key=value>' } });
  await runMutation(
    ctx,
    { title: `Tag ${arn}`, steps: [{ service: 'batch', operation: 'TagResource', input, title: `tag ${arn}`, reason: `sets ${tagsInline(opts.tags)}` }] },
    { success: `Tagged ${opts.resource.startsWith('arn:') ? arn : `${opts.kind} ${opts.resource}`}: ${tagsInline(opts.tags)}`, data: () => ({}) },
  );
}
