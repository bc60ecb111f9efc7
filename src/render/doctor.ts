/**
 * The doctor's checklist for people: one block per target (job, queue, compute environment) with
 * its worst verdict, then its checks: PASS dim with a green mark, WARN yellow, FAIL red, the
 * evidence indented under WARN and FAIL (and PASS with --verbose), and the fix.
 */
import type { TargetReport } from '../domain/doctor/diagnose.js';
import { countVerdicts, type Check, type Verdict } from '../domain/checks/types.js';
import type { Palette } from '../io/color.js';

const KIND: Record<TargetReport['kind'], string> = { job: 'job', queue: 'queue', ce: 'compute environment' };

function mark(v: Verdict, c: Palette): string {
  if (v === 'PASS') return c.green('✓ PASS');
  if (v === 'WARN') return c.yellow('! WARN');
  return c.red('✗ FAIL');
}

function checkLines(check: Check, c: Palette, verbose: boolean): string[] {
  const title = check.verdict === 'PASS' ? c.dim(check.title) : check.verdict === 'WARN' ? c.yellow(check.title) : c.red(check.title);
  const lines = [`  ${mark(check.verdict, c)}  ${title}  ${c.dim(`[${check.id}]`)}`];
  if (check.verdict !== 'PASS' || verbose) for (const e of check.evidence) lines.push(`            ${c.dim(e)}`);
  if (check.fix && check.verdict !== 'PASS') lines.push(`            ${c.bold('fix:')} ${check.fix}`);
  return lines;
}

export function formatDoctor(reports: readonly TargetReport[], c: Palette, opts: { verbose?: boolean; label: string }): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${c.bold(`${KIND[r.kind]} ${r.name}`)} ${c.dim(`${r.summary} [${opts.label}]`)}`);
    if (r.checks.length === 0) out.push(`  ${c.dim('no rule applies')}`);
    for (const check of r.checks) out.push(...checkLines(check, c, opts.verbose ?? false));
    out.push('');
  }
  const all = reports.flatMap((r) => r.checks);
  const n = countVerdicts(all);
  out.push(`${c.green(`${n.PASS} passed`)}, ${n.WARN ? c.yellow(`${n.WARN} warning${n.WARN > 1 ? 's' : ''}`) : '0 warnings'}, ${n.FAIL ? c.red(`${n.FAIL} failed`) : '0 failed'}`);
  return out.join('\n') + '\n';
}
