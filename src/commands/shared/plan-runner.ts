/**
 * Applies a Plan: shows it, stops there with --dry-run, asks for confirmation (or takes --yes),
 * then calls each step through the Backend port with progress on stderr. When a step fails, the
 * report says what was done, what failed and what was not attempted, so nothing is lost.
 *
 * Wait steps (wizards/wait-steps.ts: "wait until the compute environment is VALID") are not API
 * calls: the runner polls their Describe call every few seconds until done, failed or timed out. In
 * the simulator it moves the simulated clock forward instead of sleeping.
 */
import { Option } from 'commander';
import type { Backend } from '../../backend/port.js';
import type { SimBackend } from '../../backend/sim/index.js';
import type { Context } from '../../context.js';
import { BatchctlError, CancelledError, FailureError, PendingError, SilentError, UsageError, toBatchctlError } from '../../errors.js';
import type { Palette } from '../../io/color.js';
import { awsCliCommand, portMethod, type Plan, type PlanStep } from '../../domain/plan.js';
import type { PlanConflict, PlanSkip, ReportedPlan } from '../../domain/checks/plan-notes.js';
import { MISSING, type Missing } from '../../domain/checks/types.js';
import { isWaitStep, waitCliCommand, waitDescribeRequest, waitProgress, type WaitInput } from '../../wizards/wait-steps.js';

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
  /** A progress line for every step, even when the plan has only one (multi-step commands). */
  progress?: boolean;
  /** `--timeout`: the longest any one wait step may take, instead of the step's own timeoutSeconds. */
  waitTimeoutMs?: number;
  /** How often a wait step polls (default 5 s, in simulated time on the simulator). */
  pollMs?: number;
  /** How the AWS backend waits between polls (tests inject a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** `--emit aws-cli`: with --dry-run, the plan as the equivalent `aws` commands. */
export function emitOption(): Option {
  return new Option('--emit <format>', 'with --dry-run: print the plan as equivalent commands').choices(['aws-cli']);
}

/** --emit only changes how a dry run prints the plan: without --dry-run it is a usage error. */
export function checkEmit(ctx: Context, emit: string | undefined): 'aws-cli' | undefined {
  if (emit === undefined) return undefined;
  if (!ctx.config.dryRun) throw new UsageError('--emit prints the plan instead of applying it: add --dry-run', 'e.g. batchctl setup fargate --dry-run --emit aws-cli');
  return 'aws-cli';
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
  return lines.join('\n') + '\n' + formatNotes(plan, c);
}

/** A plan that also says what it left alone and what it refuses to touch (domain/checks/plan-notes). */
interface Notes {
  skipped?: PlanSkip[];
  conflicts?: PlanConflict[];
}

/** The "exists, matches" and conflict lines of a ReportedPlan (empty for a plain Plan). */
export function formatNotes(plan: Plan, c: Palette): string {
  const { skipped = [], conflicts = [] } = plan as Plan & Notes;
  const lines: string[] = [];
  if (skipped.length > 0) {
    lines.push(c.dim('  unchanged:'));
    for (const s of skipped) lines.push(`  ${c.dim('·')} ${s.kind} ${s.name}: ${c.dim(s.note)}`);
  }
  if (conflicts.length > 0) {
    lines.push(c.red(`  ${conflicts.length} conflict${conflicts.length > 1 ? 's' : ''} (nothing is overwritten):`));
    for (const k of conflicts) {
      lines.push(`  ${c.red('✗')} ${k.kind} ${k.name}: ${k.message}`);
      for (const d of k.differences) lines.push(`      ${c.dim(d)}`);
      lines.push(`      ${c.dim('fix:')} ${k.fix}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
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
      let note = '';
      let output: unknown;
      if (isWaitStep(step)) output = await waitFor(ctx, backend, step, opts);
      else {
        const r = await callTolerant(backend, step);
        output = r.output;
        note = r.note ? ` ${c.dim(`(${r.note})`)}` : '';
      }
      outputs.push(output);
      if (plan.steps.length > 1 || opts.progress || io.isStderrTTY()) io.err(`${c.green('✓')} ${step.title}${note}\n`);
      await opts.afterStep?.(step, output, i);
    } catch (err) {
      throw partialFailure(plan, i, err, c);
    }
  }
  return { applied: true, outputs };
}

/**
 * Applies a plan that reports what it skipped and what conflicts (domain/checks/plan-notes): never
 * while there are conflicts (exit 1, nothing changed; a --dry-run still prints the plan first), and
 * with the "unchanged" lines on stderr when no confirmation shows them.
 */
export async function applyReportedPlan(ctx: Context, plan: ReportedPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const backend = await ctx.backend();
  const c = ctx.io.color();
  if (plan.conflicts.length > 0) {
    if (ctx.config.dryRun) {
      await printPlan(ctx, plan, backend, opts);
      throw new SilentError(1);
    }
    ctx.io.err(formatPlan(plan, c, backend.label));
    const n = plan.conflicts.length;
    throw new FailureError(
      `${plan.title}: ${n} conflict${n > 1 ? 's' : ''} with what exists; nothing was changed`,
      'resolve them as each fix says, then run the same command again',
    );
  }
  const confirms = !ctx.config.dryRun && !ctx.config.yes && !opts.noConfirm && plan.steps.length > 0;
  if (!ctx.config.dryRun && !confirms && plan.skipped.length > 0) ctx.io.err(formatNotes(plan, c));
  return applyPlan(ctx, plan, opts);
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

/**
 * A step's call, where an "already exists" that means the step's goal is met counts as done:
 * CreateServiceLinkedRole answers "has been taken" when the role exists (spec/06 §1.2), for
 * example because Batch created it with a compute environment after the plan was built (moto
 * answers EntityAlreadyExists instead).
 */
async function callTolerant(backend: Backend, step: PlanStep): Promise<{ output: unknown; note?: string }> {
  try {
    return { output: await callStep(backend, step) };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    const taken = (/InvalidInput/.test(e.name ?? '') && /has been taken/.test(e.message ?? '')) || /^EntityAlreadyExists/.test(e.name ?? '');
    if (step.operation === 'CreateServiceLinkedRole' && taken) {
      return { output: {}, note: 'it already exists' };
    }
    throw err;
  }
}

/** Sleeps on the AWS backend; moves the simulated clock on the simulator (nothing real to wait for). */
export async function passTime(backend: Backend, ms: number, opts: { sleep?: (ms: number) => Promise<void> } = {}): Promise<void> {
  const sim = backend as Partial<SimBackend>;
  if (backend.kind === 'sim' && sim.control) {
    sim.control.advance(ms);
    return;
  }
  await (opts.sleep ?? ((t: number) => new Promise<void>((resolve) => setTimeout(resolve, t))))(ms);
}

/**
 * Polls a wait step's Describe call until it is done: a PendingError (exit 8) when the timeout
 * passes, a FailureError with the statusReason when a resource reaches a failOn state (a compute
 * environment that turns INVALID). Progress goes to stderr, one line per change.
 */
async function waitFor(ctx: Context, backend: Backend, step: PlanStep, opts: ApplyOptions): Promise<unknown> {
  const c = ctx.io.color();
  const input = step.input as unknown as WaitInput;
  const limit = opts.waitTimeoutMs ?? input.timeoutSeconds * 1000;
  const poll = opts.pollMs ?? 5_000;
  const request = waitDescribeRequest(step);
  let waited = 0;
  let last = '';
  for (;;) {
    const output = await callStep(backend, { ...step, operation: request.operation, input: request.input });
    const progress = waitProgress(step, output as never);
    if (progress.failed) throw new FailureError(progress.failed);
    if (progress.done) return output;
    if (waited >= limit) {
      throw new PendingError(
        `still ${progress.pending.join(', ')} after ${formatMs(waited)}`,
        '`--timeout` waits longer; or run the same command again later: steps already done are skipped',
      );
    }
    const now = progress.pending.join(', ');
    if (now !== last) ctx.io.err(`${c.dim('…')} ${step.title} ${c.dim(`(${now})`)}\n`);
    last = now;
    await passTime(backend, poll, opts);
    waited += poll;
  }
}

function formatMs(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${m}m${s}s` : `${m}m`;
}

/**
 * Reads one fact through the port (a FactRequest of domain/checks): every page of a Describe/List
 * call concatenated, and `'missing'` when IAM answers NoSuchEntity.
 */
export async function readFact(backend: Backend, request: { service: PlanStep['service']; operation: string; input: Record<string, unknown> }): Promise<unknown | Missing> {
  const step: PlanStep = { ...request, reason: '', title: request.operation };
  let input = { ...request.input };
  let merged: Record<string, unknown> | undefined;
  try {
    for (let page = 0; page < 1000; page++) {
      const out = (await callStep(backend, { ...step, input })) as Record<string, unknown>;
      merged = merged ? mergePages(merged, out) : { ...out };
      const key = out.NextToken ? 'NextToken' : out.nextToken ? 'nextToken' : out.IsTruncated && out.Marker ? 'Marker' : undefined;
      if (!key) break;
      input = { ...input, [key]: out[key] };
    }
  } catch (err) {
    if (/^NoSuchEntity/.test((err as { name?: string }).name ?? '')) return MISSING;
    throw err;
  }
  const { NextToken: _a, nextToken: _b, Marker: _c, IsTruncated: _d, $metadata: _e, ...rest } = merged ?? {};
  return rest;
}

function mergePages(into: Record<string, unknown>, page: Record<string, unknown>): Record<string, unknown> {
  const out = { ...into };
  for (const [k, v] of Object.entries(page)) {
    const prev = out[k];
    out[k] = Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v] : v;
  }
  return out;
}

async function printPlan(ctx: Context, plan: Plan, backend: Backend, opts: ApplyOptions): Promise<void> {
  const region = backend.kind === 'aws' ? backend.region : undefined;
  if (opts.emit === 'aws-cli') {
    ctx.io.out(plan.steps.map((s) => (isWaitStep(s) ? waitCliCommand(s, region) : awsCliCommand(s, region))).join('\n') + '\n');
    return;
  }
  const { skipped, conflicts } = plan as Plan & Notes;
  await ctx.print({
    data: {
      dryRun: true, world: backend.label, title: plan.title,
      steps: plan.steps.map(({ service, operation, input, reason, title }) => ({ title, service, operation, reason, input })),
      ...(skipped ? { skipped } : {}),
      ...(conflicts ? { conflicts } : {}),
    },
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
