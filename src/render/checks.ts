/**
 * Pure rendering of preflight checks (`iam check`, `network check`, the setup wizards' preflight):
 * a checklist with PASS in green, WARN in yellow, FAIL in red, the evidence each verdict rests on,
 * and the fix for anything that is not a PASS.
 */
import { countVerdicts, type Check, type Verdict } from '../domain/checks/types.js';
import type { Palette } from '../io/color.js';

export interface ChecklistOptions {
  /** Show the evidence of passing checks too (default: only for WARN and FAIL). */
  verbose?: boolean;
}

function verdictCell(v: Verdict, c: Palette): string {
  if (v === 'PASS') return c.green('PASS');
  if (v === 'WARN') return c.yellow('WARN');
  return c.red('FAIL');
}

/** One block per check: `PASS  title`, then indented evidence and `fix:` lines. */
export function formatChecklist(checks: readonly Check[], c: Palette, opts: ChecklistOptions = {}): string {
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${verdictCell(check.verdict, c)}  ${check.title}`);
    if (check.verdict !== 'PASS' || opts.verbose) {
      for (const e of check.evidence) lines.push(`      ${c.dim(e)}`);
    }
    if (check.fix && check.verdict !== 'PASS') lines.push(`      ${c.bold('fix:')} ${check.fix}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** "12 passed, 1 warning, 0 failed". */
export function checkSummary(checks: readonly Check[], c: Palette): string {
  const n = countVerdicts(checks);
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    c.green(plural(n.PASS, 'passed', 'passed')),
    n.WARN ? c.yellow(plural(n.WARN, 'warning', 'warnings')) : plural(0, 'warning', 'warnings'),
    n.FAIL ? c.red(plural(n.FAIL, 'failed', 'failed')) : '0 failed',
  ];
  return parts.join(', ');
}
