/**
 * `batchctl jobdef list`: by default the latest ACTIVE revision of each name (what SubmitJob uses
 * for a bare name); --all-revisions shows every revision; --status picks ACTIVE, INACTIVE or ALL.
 */
import { Command } from 'commander';
import type { JobDefinition } from '@aws-sdk/client-batch';
import type { Context } from '../../context.js';
import { JOBDEF_COLUMNS } from '../../render/job-definition.js';
import { describeJobDefinitions, latest } from '../shared/resolve.js';
import { choiceOption } from '../shared/resource-options.js';
import { compareStrings } from '../../domain/compare.js';

export const STATUS_CHOICES = ['ACTIVE', 'INACTIVE', 'ALL'] as const;

export interface JobdefListOptions {
  name?: string;
  status: string;
  allRevisions?: boolean;
}

export function jobdefListCommand(ctx: Context, runF: (ctx: Context, opts: JobdefListOptions) => Promise<void> = runJobdefList): Command {
  return new Command('list')
    .description('List job definitions (the latest ACTIVE revision of each name)')
    .option('--name <jobdef>', 'only this job definition name')
    .addOption(choiceOption('--status <status>', 'ACTIVE, INACTIVE or ALL', STATUS_CHOICES).default('ACTIVE'))
    .option('--all-revisions', 'every revision, not only the latest of each name')
    .addHelpText(
      'after',
      `
Columns: NAME REVISION STATUS PLATFORM IMAGE VCPUS MEMORY; -o wide adds TYPE, COMMAND, ARN.
Examples:
  $ batchctl jobdef list
  $ batchctl jobdef list --name hello --all-revisions --status ALL
  $ batchctl jobdef list -o json          # {"jobDefinitions": [...]}, the rows shown`,
    )
    .action(async (flags: JobdefListOptions) => {
      await runF(ctx, flags);
    });
}

/** The latest revision per name, in name order. */
export function latestPerName(defs: readonly JobDefinition[]): JobDefinition[] {
  const byName = new Map<string, JobDefinition[]>();
  for (const d of defs) byName.set(d.jobDefinitionName ?? '', [...(byName.get(d.jobDefinitionName ?? '') ?? []), d]);
  return [...byName.values()].map((ds) => latest(ds)!);
}

export async function runJobdefList(ctx: Context, opts: JobdefListOptions): Promise<void> {
  const backend = await ctx.backend();
  const all = await describeJobDefinitions(backend, {
    ...(opts.name ? { jobDefinitionName: opts.name } : {}),
    ...(opts.status !== 'ALL' ? { status: opts.status } : {}),
  });
  const filtered = opts.status === 'ALL' ? all : all.filter((d) => d.status === opts.status);
  const shown = (opts.allRevisions ? [...filtered] : latestPerName(filtered)).sort(
    (a, b) => compareStrings((a.jobDefinitionName ?? ''), b.jobDefinitionName ?? '') || (a.revision ?? 0) - (b.revision ?? 0),
  );
  await ctx.print({
    data: { jobDefinitions: shown },
    rows: shown,
    columns: JOBDEF_COLUMNS,
    empty: `no ${opts.status === 'ALL' ? '' : `${opts.status} `}job definitions${opts.name ? ` named ${opts.name}` : ''} [${backend.label}]`,
  });
}
