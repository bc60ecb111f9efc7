/**
 * The tail every mutating command shares: apply the plan (dry run, confirmation, progress: all in
 * plan-runner), then either print the API's output (`-o json|yaml|text`, `--query`) or nothing on
 * stdout, and one success line on stderr naming the world: `✓ Created compute environment demo [sim]`.
 */
import type { Context } from '../../context.js';
import type { Plan } from '../../domain/plan.js';
import { applyPlan, type ApplyOptions, type ApplyResult } from './plan-runner.js';

export interface MutationOptions extends ApplyOptions {
  /** The success line, without the tick and the world label (may depend on the API's outputs). */
  success: string | ((outputs: unknown[]) => string);
  /** What machine output prints; defaults to the single step's output, or the list of outputs. */
  data?: (outputs: unknown[]) => unknown;
  /** Said instead of the success line when the plan has nothing to do. */
  nothingToDo?: string;
}

/** Whether stdout is meant for a program (json/yaml/text or --query) rather than a person. */
export function wantsMachineOutput(ctx: Context): boolean {
  return ctx.config.query !== undefined || ['json', 'yaml', 'text'].includes(ctx.config.output);
}

export async function runMutation(ctx: Context, plan: Plan, opts: MutationOptions): Promise<ApplyResult> {
  const result = await applyPlan(ctx, plan, opts);
  if (!result.applied) return result;
  const backend = await ctx.backend();
  const c = ctx.io.color();
  if (plan.steps.length === 0) {
    if (wantsMachineOutput(ctx)) await ctx.print({ data: opts.data ? opts.data([]) : {} });
    ctx.io.err(`${c.dim('·')} ${opts.nothingToDo ?? 'nothing to change'} ${c.dim(`[${backend.label}]`)}\n`);
    return result;
  }
  if (wantsMachineOutput(ctx)) {
    const data = opts.data ? opts.data(result.outputs) : result.outputs.length === 1 ? result.outputs[0] : result.outputs;
    await ctx.print({ data: stripMetadata(data) });
  }
  const success = typeof opts.success === 'function' ? opts.success(result.outputs) : opts.success;
  ctx.io.err(`${c.green('✓')} ${success} ${c.dim(`[${backend.label}]`)}\n`);
  return result;
}

/** SDK outputs carry `$metadata`; the API's own output does not. */
function stripMetadata(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(stripMetadata);
  if (data && typeof data === 'object' && '$metadata' in data) {
    const { $metadata: _ignored, ...rest } = data as Record<string, unknown>;
    return rest;
  }
  return data;
}

/** An SDK request as a plan step's input (plain data either way). */
export function stepInput(request: object): Record<string, unknown> {
  return request as Record<string, unknown>;
}
