/**
 * Small pure formatters shared by the resource renderers: names out of ARNs, lists, tags, and the
 * aligned "label  value" layout of describe views.
 */
import type { Palette } from '../io/color.js';
import { compareStrings } from '../domain/compare.js';

/** The resource name at the end of a Batch ARN (`…:job-queue/q1` -> `q1`); a non-ARN is returned as is. */
export function nameFromArn(arnOrName: string | undefined): string {
  if (!arnOrName) return '';
  if (!arnOrName.startsWith('arn:')) return arnOrName;
  const slash = arnOrName.indexOf('/');
  return slash >= 0 ? arnOrName.slice(slash + 1) : arnOrName;
}

/** "-" for nothing, otherwise the items joined by ", ". */
export function list(items: readonly (string | undefined)[] | undefined): string {
  const xs = (items ?? []).filter((x): x is string => Boolean(x));
  return xs.length ? xs.join(', ') : '-';
}

/** `k=v, k2=v2` (sorted by key), or "-". */
export function tagsInline(tags: Record<string, string> | undefined): string {
  const entries = Object.entries(tags ?? {}).sort(([a], [b]) => compareStrings(a, b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : '-';
}

/** A number, or "-" when absent. */
export function num(n: number | undefined): string {
  return n === undefined || n === null ? '-' : String(n);
}

/** One line of a describe view; rows whose value is undefined (or an empty string) are left out. */
export type DetailRow = [label: string, value: string | undefined];

export interface DetailSection {
  /** Section heading; the first section of a resource usually has none (the title is the name). */
  title?: string;
  rows: DetailRow[];
}

/**
 * A describe view: a bold title, then sections of aligned `label  value` rows (labels aligned across
 * all sections). Multi-line values are indented under the value column.
 */
export function renderDetail(title: string, sections: DetailSection[], c: Palette): string {
  const kept = sections
    .map((s) => ({ ...s, rows: s.rows.filter(([, v]) => v !== undefined && v !== '') }))
    .filter((s) => s.rows.length > 0);
  const width = Math.max(0, ...kept.flatMap((s) => s.rows.map(([label]) => label.length)));
  const lines = [c.bold(title)];
  for (const s of kept) {
    const indent = s.title ? '    ' : '  ';
    if (s.title) lines.push(`  ${c.bold(s.title)}`);
    for (const [label, value] of s.rows) {
      const pad = ' '.repeat(width - label.length + (s.title ? 0 : 2));
      const [first, ...rest] = value!.split('\n');
      lines.push(`${indent}${c.dim(label)}${pad}  ${first}`);
      const cont = ' '.repeat(indent.length + label.length + pad.length + 2);
      for (const r of rest) lines.push(cont + r);
    }
  }
  return lines.join('\n') + '\n';
}

/** Several describe views separated by a blank line. */
export function joinDetails(parts: string[]): string {
  return parts.join('\n');
}

/** Tags as detail rows (sorted), for a "Tags" section. */
export function tagRows(tags: Record<string, string> | undefined): DetailRow[] {
  return Object.entries(tags ?? {})
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([k, v]) => [k, v === '' ? '""' : v]);
}
