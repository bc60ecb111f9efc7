/**
 * Runs a domain validator's verdict through the CLI: every error in one UsageError (exit 2, before
 * anything is changed), warnings on stderr. Fields can be annotated with the flag that sets them, so
 * a flag user reads `computeResources.subnets (--subnets): ...` rather than a bare API path.
 */
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

/** Same shape as domain/validation's Issue (kept structural so this file has no hard dependency). */
export interface ValidationIssue {
  field: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface CheckOptions {
  /** What was checked, for the headline: "compute environment request". */
  what: string;
  /** API field path (prefix) -> the flag that sets it: `{ 'computeResources.subnets': '--subnets' }`. */
  flags?: Record<string, string>;
  /** Said after the list of errors. */
  hint?: string;
}

/** `field (--flag): message`, or `message` for an issue about the whole request. */
export function describeIssue(issue: ValidationIssue, flags: Record<string, string> = {}): string {
  if (!issue.field) return issue.message;
  const flag = flagFor(issue.field, flags);
  return `${issue.field}${flag ? ` (${flag})` : ''}: ${issue.message}`;
}

function flagFor(field: string, flags: Record<string, string>): string | undefined {
  let best: string | undefined;
  let bestLen = -1;
  for (const [path, flag] of Object.entries(flags)) {
    const match = field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
    if (match && path.length > bestLen) {
      best = flag;
      bestLen = path.length;
    }
  }
  return best;
}

/**
 * Prints warnings on stderr and throws one UsageError listing every error. Returns the warnings
 * (already printed) so callers can count them.
 */
export function checkIssues(ctx: Context, issues: readonly ValidationIssue[], opts: CheckOptions): ValidationIssue[] {
  const errors = issues.filter((i) => i.severity !== 'warning');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const c = ctx.io.color();
  for (const w of warnings) ctx.io.err(`${c.yellow('warning:')} ${describeIssue(w, opts.flags)}\n`);
  if (errors.length) {
    const head = errors.length === 1 ? `invalid ${opts.what}:` : `invalid ${opts.what} (${errors.length} problems):`;
    const body = errors.map((e) => `  - ${describeIssue(e, opts.flags)}`).join('\n');
    throw new UsageError(`${head}\n${body}`, opts.hint ?? 'nothing was changed');
  }
  return warnings;
}
