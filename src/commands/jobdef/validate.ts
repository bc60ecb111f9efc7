/**
 * `batchctl jobdef validate FILE`: the spec/04 checklist, locally (no backend call). Errors and
 * warnings with their field paths and, where the field exists in the file, its line and column.
 * Exit 2 when there are errors, 0 otherwise.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { SilentError, ExitCode } from '../../errors.js';
import { validateJobDefinitionFile } from '../../domain/validation/job-definition.js';
import { readInputFile, lineColumn } from '../shared/input-file.js';
import { importPackage } from '../../packages.js';

export interface JobdefValidateOptions {
  file: string;
}

export interface LocatedIssue {
  field: string;
  message: string;
  severity: 'error' | 'warning';
  line?: number;
  column?: number;
}

export function jobdefValidateCommand(ctx: Context, runF: (ctx: Context, opts: JobdefValidateOptions) => Promise<void> = runJobdefValidate): Command {
  return new Command('validate')
    .description('Check a job definition file locally (no AWS call): errors and warnings with field paths')
    .argument('<file>', 'a RegisterJobDefinition request, JSON or YAML ("-" reads stdin)')
    .addHelpText(
      'after',
      `
Exit status: 0 when there are no errors (warnings allowed), 2 when there are errors.
Examples:
  $ batchctl jobdef validate job.yaml
  $ batchctl jobdef validate job.json -o json     # {"file", "valid", "errors": [...], "warnings": [...]}`,
    )
    .action(async (file: string) => {
      await runF(ctx, { file });
    });
}

/** `a.b[2].c` -> ['a', 'b', 2, 'c']. */
export function fieldPath(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Where a field (or its nearest existing parent) is in the file's text. */
async function locate(text: string, field: string): Promise<{ line: number; column: number } | undefined> {
  const YAML = await importPackage<typeof import('yaml')>('yaml');
  const doc = YAML.parseDocument(text);
  const path = fieldPath(field);
  for (let n = path.length; n >= 1; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineColumn(text, node.range[0]);
  }
  return undefined;
}

export async function runJobdefValidate(ctx: Context, opts: JobdefValidateOptions): Promise<void> {
  const input = await readInputFile(opts.file);
  const text = opts.file === '-' ? undefined : readFileSync(opts.file, 'utf8');
  const issues = validateJobDefinitionFile(input, { unknownMembers: 'error' });
  const located: LocatedIssue[] = [];
  for (const i of issues) {
    const at = text && i.field ? await locate(text, i.field) : undefined;
    located.push({ field: i.field, message: i.message, severity: i.severity === 'warning' ? 'warning' : 'error', ...(at ? { line: at.line, column: at.column } : {}) });
  }
  const errors = located.filter((i) => i.severity === 'error');
  const warnings = located.filter((i) => i.severity === 'warning');
  const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  await ctx.print({
    data: { file: opts.file, valid: errors.length === 0, errors, warnings },
    human: (c) => {
      const lines = [...errors, ...warnings].map((i) => {
        const where = i.line !== undefined ? `${opts.file}:${i.line}:${i.column}: ` : `${opts.file}: `;
        const tag = i.severity === 'error' ? c.red('error') : c.yellow('warning');
        return `${where}${tag}: ${i.field ? `${c.bold(i.field)}: ` : ''}${i.message}`;
      });
      lines.push(errors.length === 0 ? `${c.green('✓')} ${opts.file} is a valid job definition (${summary})` : `${c.red('✗')} ${opts.file}: ${summary}`);
      return lines.join('\n') + '\n';
    },
  });
  if (errors.length) throw new SilentError(ExitCode.USAGE);
}
