/**
 * `batchctl doctor [job ID | queue NAME | ce NAME]`: runs the rule catalogue (src/domain/doctor)
 * over what the target's APIs say, and prints a checklist (or `-o json`); exit 1 when a check FAILs.
 * Without an argument: every queue and compute environment.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { countVerdicts } from '../../domain/checks/types.js';
import { catalogueMarkdown, diagnose } from '../../domain/doctor/diagnose.js';
import { SilentError, UsageError } from '../../errors.js';
import { formatDoctor } from '../../render/doctor.js';
import { gatherDoctorFacts, type DoctorSubject } from './facts.js';

export interface DoctorOptions {
  args: string[];
  verbose?: boolean;
  catalogue?: boolean;
}

const KINDS: Record<string, 'job' | 'queue' | 'ce'> = { job: 'job', queue: 'queue', jq: 'queue', ce: 'ce', 'compute-environment': 'ce' };

export function parseSubject(args: readonly string[]): DoctorSubject {
  if (args.length === 0) return { kind: 'all' };
  const kind = KINDS[args[0]!];
  if (!kind || args.length !== 2) throw new UsageError(`doctor takes "job ID", "queue NAME" or "ce NAME" (or nothing for every queue and compute environment), not "${args.join(' ')}"`, 'e.g. batchctl doctor job 4c7599ae-0a82-49aa-ba5a-4727fcce14a8');
  return { kind, ref: args[1]! };
}

export function doctorCommand(ctx: Context, runF: (ctx: Context, opts: DoctorOptions) => Promise<void> = runDoctor): Command {
  return new Command('doctor')
    .description('Explain why a job is stuck or failed, or what is wrong with a queue or compute environment')
    .argument('[target...]', 'job ID | queue NAME | ce NAME (default: every queue and compute environment)')
    .option('--verbose', 'show the evidence of passing checks too')
    .option('--catalogue', 'print the rule catalogue as markdown (docs/doctor.md) and exit')
    .addHelpText(
      'after',
      `
Exit status 1 when any check FAILs (a WARN is not a failure). The rules: docs/doctor.md.
Examples:
  $ batchctl doctor                                   # every queue and compute environment
  $ batchctl doctor job 4c7599ae-0a82-49aa-ba5a-4727fcce14a8
  $ batchctl doctor queue demo-queue -o json
  $ batchctl sim scenario apply oversized-job && batchctl doctor`,
    )
    .action(async (args: string[], flags: { verbose?: boolean; catalogue?: boolean }) => runF(ctx, { args, ...flags }));
}

export async function runDoctor(ctx: Context, opts: DoctorOptions): Promise<void> {
  if (opts.catalogue) {
    ctx.io.out(catalogueMarkdown());
    return;
  }
  const subject = parseSubject(opts.args);
  const backend = await ctx.backend();
  const { facts, targets } = await gatherDoctorFacts(backend, subject, ctx.now());
  const reports = diagnose(facts, targets);
  const all = reports.flatMap((r) => r.checks);
  await ctx.print({
    data: { world: backend.label, targets: reports, summary: countVerdicts(all) },
    human: (c) => (reports.length === 0 ? c.dim(`nothing to check: no queue or compute environment [${backend.label}]\n`) : formatDoctor(reports, c, { verbose: opts.verbose, label: backend.label })),
  });
  if (all.some((c) => c.verdict === 'FAIL')) throw new SilentError(1);
}
