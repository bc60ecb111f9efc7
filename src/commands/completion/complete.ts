/**
 * `batchctl __complete <kind> [prefix]` (hidden): resource names for the completion scripts, one a
 * line, asked of the current world. It has a one-second budget, never prompts, and prints nothing
 * at all when the world is slow or failing: a shell's Tab must never show an error.
 */
import { Command } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { COMPLETION_KINDS, type CompletionKind } from './tree.js';

/** How long a Tab may wait for the world. */
export const COMPLETE_BUDGET_MS = 1000;
/** Enough pages for any realistic account; a Tab is no place to list thousands. */
const MAX_PAGES = 5;
/** Jobs offered are those created in the last day (ListJobs' AFTER_CREATED_AT filter). */
const JOB_WINDOW_MS = 24 * 3_600_000;

export interface CompleteOptions {
  kind: string;
  prefix: string;
  budgetMs?: number;
}

export default function completeCommand(ctx: Context): Command {
  return new Command('__complete')
    .description('Dynamic completion (used by the completion scripts)')
    .argument('<kind>', `what to complete: ${COMPLETION_KINDS.join(', ')} (anything else completes nothing)`)
    .argument('[prefix]', 'only names starting with this', '')
    .action((kind: string, prefix: string) => runComplete(ctx, { kind, prefix }));
}

export async function runComplete(ctx: Context, opts: CompleteOptions): Promise<void> {
  if (!(COMPLETION_KINDS as readonly string[]).includes(opts.kind)) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), opts.budgetMs ?? COMPLETE_BUDGET_MS);
  });
  const lookup = (async () => names(await ctx.backend(), opts.kind as CompletionKind, ctx.now()))().catch(() => [] as string[]);
  try {
    const found = await Promise.race([lookup, timeout]);
    const matching = [...new Set(found)].filter((n) => n.startsWith(opts.prefix)).sort();
    if (matching.length) ctx.io.out(matching.join('\n') + '\n');
  } finally {
    clearTimeout(timer);
  }
}

/** Follows nextToken for a few pages. */
async function paged<T extends { nextToken?: string }>(call: (nextToken?: string) => Promise<T>, pick: (page: T) => Array<string | undefined>): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await call(token);
    out.push(...pick(page).filter((n): n is string => Boolean(n)));
    token = page.nextToken;
    if (!token) break;
  }
  return out;
}

/** The names of every resource of a kind in the backend's world. */
export async function names(backend: Backend, kind: CompletionKind, now: number): Promise<string[]> {
  const b = backend.batch;
  switch (kind) {
    case 'queue':
      return paged((nextToken) => b.describeJobQueues({ nextToken }), (p) => (p.jobQueues ?? []).map((q) => q.jobQueueName));
    case 'ce':
      return paged((nextToken) => b.describeComputeEnvironments({ nextToken }), (p) => (p.computeEnvironments ?? []).map((c) => c.computeEnvironmentName));
    case 'jobdef':
      return paged((nextToken) => b.describeJobDefinitions({ status: 'ACTIVE', nextToken }), (p) => (p.jobDefinitions ?? []).map((d) => d.jobDefinitionName));
    case 'policy':
      return paged((nextToken) => b.listSchedulingPolicies({ nextToken }), (p) => (p.schedulingPolicies ?? []).map((s) => s.arn?.split('/').pop()));
    case 'consumable':
      return paged((nextToken) => b.listConsumableResources({ nextToken }), (p) => (p.consumableResources ?? []).map((r) => r.consumableResourceName));
    case 'job': {
      const queues = await names(backend, 'queue', now);
      const after = String(now - JOB_WINDOW_MS);
      const perQueue = await Promise.all(
        queues.map((jobQueue) =>
          paged((nextToken) => b.listJobs({ jobQueue, filters: [{ name: 'AFTER_CREATED_AT', values: [after] }], nextToken }), (p) => (p.jobSummaryList ?? []).map((j) => j.jobId)),
        ),
      );
      return perQueue.flat();
    }
  }
}
