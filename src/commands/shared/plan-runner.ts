/**
 * Applies a Plan: shows it, stops there with --dry-run, asks for confirmation (or takes --yes),
 * then calls each step through the Backend port with progress on stderr. When a step fails, the
 * report says what was done, what failed and what was not attempted, so nothing is lost.
 */
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { BatchctlError, CancelledError, UsageError, toBatchctlError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import { awsCliCommand, portMethod, type Plan, type PlanStep } from '../../domain/plan.js';

export interface ApplyOptions {
  /** `--emit aws-cli`: print the plan as equivalent `aws` commands. */
  emit?: 'aws-cli';
  /** The confirmation question; defaults to "Apply these N changes?". */
  question?: string;
  /**
   * Apply without asking, as with --yes. Only for changes that need no consent, such as `demo`,
   * a rehearsal inside the simulator; --dry-run still stops before anything changes.
   */
  noConfirm?: boolean;
  /**
   * Called after each step succeeds, before the next begins: for waits the API imposes between
   * steps (a compute environment must be VALID before a queue can use it). A throw stops the plan
   * like a failed step.
   */
  afterStep?(step: PlanStep, output: unknown, index: number): Promise<void>;
}

export interface ApplyResult {
  applied: boolean;
  outputs: unknown[];
}

/** Human rendering of a plan: numbered steps with the reason. */
export function formatPlan(plan: Plan, c: Palette, label: string): string {
  const lines = [`${c.bold(plan.title)} ${c.dim(`[${label}]`)}`];
  plan.steps.forEach((s, i) => {
    lines.push(`  ${c.cyan(String(i + 1).padStart(2))}. ${s.title}  ${c.dim(`${s.service}:${s.operation}`)}`);
    if (s.reason) lines.push(`      ${c.dim(s.reason)}`);
  });
  if (plan.steps.length === 0) lines.push(c.dim('  nothing to change'));
  return lines.join('\n') + '\n';
}

export async function applyPlan(ctx: Context, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const io = ctx.io;
  const c = io.color();
  const backend = await ctx.backend();
  if (ctx.config.dryRun) {
    await printPlan(ctx, plan, backend, opts);
    return { applied: false, outputs: [] };
  }
  if (plan.steps.length === 0) return { applied: true, outputs: [] };
  if (!opts.noConfirm) {
    await confirmChange(ctx, {
      what: describe(plan),
      show: () => io.err(formatPlan(plan, c, backend.label)),
      question: opts.question ?? (plan.steps.length === 1 ? 'Apply this change?' : `Apply these ${plan.steps.length} changes?`),
    });
  }
  const outputs: unknown[] = [];
  for (let i = 0; i < plan.steps.length; i++) {
    const step = plan.steps[i]!;
    try {
      const output = await callStep(backend, step);
      outputs.push(output);
      if (plan.steps.length > 1 || io.isStderrTTY()) io.err(`${c.green('✓')} ${step.title}\n`);
      await opts.afterStep?.(step, output, i);
    } catch (err) {
      throw partialFailure(plan, i, err, c);
    }
  }
  return { applied: true, outputs };
}

export interface ConfirmOptions {
  /** Completes "refusing to ... without confirmation" (e.g. "delete the simulator's state"). */
  what: string;
  /** Shows the person what is about to change, on stderr, before the question. */
  show(): void;
  question: string;
  /** What Enter answers (yes unless the change destroys data). */
  defaultYes?: boolean;
}

/**
 * The confirmation every mutation goes through: nothing to do with --yes; without a terminal a
 * UsageError that names --yes (never a hidden prompt); on a terminal the question, and a
 * CancelledError (exit 130) when declined.
 */
export async function confirmChange(ctx: Context, opts: ConfirmOptions): Promise<void> {
  if (ctx.config.yes) return;
  if (!ctx.io.canPrompt()) {
    throw new UsageError(
      `refusing to ${opts.what} without confirmation`,
      'pass --yes to apply it, or --dry-run to see the plan without changing anything',
    );
  }
  opts.show();
  if (!(await ctx.prompter.confirm(opts.question, opts.defaultYes ?? true))) throw new CancelledError('cancelled: nothing was changed');
}

/** Calls one step's operation on the backend (`batch:CreateJobQueue` -> backend.batch.createJobQueue). */
export async function callStep(backend: Backend, step: PlanStep): Promise<unknown> {
  const facet = backend[step.service] as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const fn = facet[portMethod(step.operation)];
  if (typeof fn !== 'function') throw new Error(`the ${step.service} facet has no operation ${step.operation}`);
  return fn.call(facet, step.input);
}

async function printPlan(ctx: Context, plan: Plan, backend: Backend, opts: ApplyOptions): Promise<void> {
  if (opts.emit === 'aws-cli') {
    ctx.io.out(plan.steps.map((s) => awsCliCommand(s, backend.kind === 'aws' ? backend.region : undefined)).join('\n') + '\n');
    return;
  }
  await ctx.print({
    data: { dryRun: true, world: backend.label, title: plan.title, steps: plan.steps.map(({ service, operation, input, reason, title }) => ({ title, service, operation, reason, input })) },
    human: (c) => formatPlan(plan, c, backend.label) + c.dim('dry run: nothing was changed\n'),
  });
}

function describe(plan: Plan): string {
  if (plan.steps.length === 1) return plan.steps[0]!.title;
  return `${plan.title.charAt(0).toLowerCase()}${plan.title.slice(1)} (${plan.steps.length} changes)`;
}

function partialFailure(plan: Plan, failedAt: number, err: unknown, c: Palette): BatchctlError {
  const base = toBatchctlError(err);
  if (plan.steps.length === 1) return base;
  const done = plan.steps.slice(0, failedAt).map((s) => `  ${c.green('✓')} ${s.title}`);
  const failed = `  ${c.red('✗')} ${plan.steps[failedAt]!.title}: ${base.message}`;
  const rest = plan.steps.slice(failedAt + 1).map((s) => `  ${c.dim('·')} ${s.title} (not attempted)`);
  const message = [`${plan.title} stopped at step ${failedAt + 1} of ${plan.steps.length}:`, ...done, failed, ...rest].join('\n');
  return new BatchctlError(message, base.exitCode, base.hint ?? 'fix the cause and run the same command again: steps already done are skipped');
}
