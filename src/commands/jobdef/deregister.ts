/**
 * `batchctl jobdef deregister <jobdef...>`: marks revisions INACTIVE (jobs already submitted keep
 * running). A bare name means its latest ACTIVE revision, and the plan says which one that is.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { PlanStep } from '../../domain/plan.js';
import { jobDefinitionRef } from '../../render/job-definition.js';
import { runMutation } from '../shared/mutate.js';
import { parseJobDefinitionRef, resolveJobDefinition } from '../shared/resolve.js';

export interface JobdefDeregisterOptions {
  refs: string[];
}

export function jobdefDeregisterCommand(ctx: Context, runF: (ctx: Context, opts: JobdefDeregisterOptions) => Promise<void> = runJobdefDeregister): Command {
  return new Command('deregister')
    .description('Deregister job definition revisions (they become INACTIVE)')
    .argument('<jobdef...>', 'name:revision or ARN (a bare name means its latest ACTIVE revision)')
    .addHelpText('after', `\nExamples:\n  $ batchctl jobdef deregister hello:1 hello:2 --yes\n  $ batchctl jobdef deregister hello --dry-run     # shows which revision that is`)
    .action(async (refs: string[]) => {
      await runF(ctx, { refs });
    });
}

export async function runJobdefDeregister(ctx: Context, opts: JobdefDeregisterOptions): Promise<void> {
  const backend = await ctx.backend();
  const c = ctx.io.color();
  const steps: PlanStep[] = [];
  const skipped: string[] = [];
  for (const ref of opts.refs) {
    const jd = await resolveJobDefinition(backend, ref);
    const exact = jobDefinitionRef(jd);
    const bare = parseJobDefinitionRef(ref).revision === undefined;
    if (bare) ctx.io.err(`${c.yellow('note:')} "${ref}" names no revision: its latest ACTIVE revision is ${exact}\n`);
    if (jd.status === 'INACTIVE') {
      skipped.push(exact);
      continue;
    }
    if (steps.some((s) => s.input.jobDefinition === jd.jobDefinitionArn)) continue;
    steps.push({
      service: 'batch',
      operation: 'DeregisterJobDefinition',
      input: { jobDefinition: jd.jobDefinitionArn },
      title: `deregister job definition ${exact}`,
      reason: bare ? `"${ref}" resolves to its latest ACTIVE revision, ${jd.revision}` : 'it becomes INACTIVE; new jobs cannot use it',
    });
  }
  const done = steps.map((s) => s.title.replace('deregister job definition ', ''));
  await runMutation(ctx, { title: `Deregister job definition${steps.length === 1 ? '' : 's'} ${done.join(', ')}`, steps }, {
    success: `Deregistered job definition${done.length === 1 ? '' : 's'} ${done.join(', ')}${skipped.length ? ` (${skipped.join(', ')} already INACTIVE)` : ''}`,
    data: () => ({}),
    nothingToDo: `${skipped.join(', ')} ${skipped.length === 1 ? 'is' : 'are'} already INACTIVE`,
  });
}
