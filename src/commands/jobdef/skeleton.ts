/** `batchctl jobdef skeleton`: a commented template to start a job definition from (YAML, or JSON with -o json). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { choiceOption } from '../shared/resource-options.js';
import { SKELETONS, SKELETON_PLATFORMS, type SkeletonPlatform } from './skeletons.js';
import { importPackage } from '../../packages.js';

export interface JobdefSkeletonOptions {
  platform: SkeletonPlatform;
}

export function jobdefSkeletonCommand(ctx: Context, runF: (ctx: Context, opts: JobdefSkeletonOptions) => Promise<void> = runJobdefSkeleton): Command {
  return new Command('skeleton')
    .description('Print a commented job definition template (YAML; -o json for JSON)')
    .addOption(choiceOption('--platform <platform>', 'which kind of job definition', SKELETON_PLATFORMS).default('ec2'))
    .addHelpText(
      'after',
      `
Examples:
  $ batchctl jobdef skeleton --platform fargate > job.yaml
  $ batchctl jobdef skeleton --platform eks -o json > job.json
  $ batchctl jobdef validate job.yaml && batchctl jobdef register --input job.yaml`,
    )
    .action(async (flags: JobdefSkeletonOptions) => {
      await runF(ctx, flags);
    });
}

export async function runJobdefSkeleton(ctx: Context, opts: JobdefSkeletonOptions): Promise<void> {
  const text = SKELETONS[opts.platform];
  const YAML = await importPackage<typeof import('yaml')>('yaml');
  const data = YAML.parse(text) as unknown;
  if (ctx.config.query !== undefined || ctx.config.output === 'json' || ctx.config.output === 'text') {
    await ctx.print({ data });
    return;
  }
  // table, wide and yaml: the commented YAML itself.
  ctx.io.out(text);
}
