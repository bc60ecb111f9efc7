/** `batchctl jobdef describe <jobdef...>`: `name` (latest ACTIVE revision), `name:rev` or an ARN. */
import { Command } from 'commander';
import type { JobDefinition } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { joinDetails } from '../../render/format.js';
import { describeJobDefinition } from '../../render/job-definition.js';
import { resolveJobDefinition } from '../shared/resolve.js';

export interface JobdefDescribeOptions {
  refs: string[];
}

export function jobdefDescribeCommand(ctx: Context, runF: (ctx: Context, opts: JobdefDescribeOptions) => Promise<void> = runJobdefDescribe): Command {
  return new Command('describe')
    .description('Show job definitions in detail')
    .argument('<jobdef...>', 'name (latest ACTIVE revision), name:revision or ARN')
    .addHelpText('after', `\nExamples:\n  $ batchctl jobdef describe hello\n  $ batchctl jobdef describe hello:2 -o json     # {"jobDefinitions": [...]}`)
    .action(async (refs: string[]) => {
      await runF(ctx, { refs });
    });
}

export async function runJobdefDescribe(ctx: Context, opts: JobdefDescribeOptions): Promise<void> {
  const backend = await ctx.backend();
  const defs: JobDefinition[] = [];
  for (const ref of opts.refs) defs.push(await resolveJobDefinition(backend, ref));
  await ctx.print({ data: { jobDefinitions: defs }, human: (c) => joinDetails(defs.map((d) => describeJobDefinition(d, c))) });
}
