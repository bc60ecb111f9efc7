/**
 * Human tables: upper-case headers, columns padded (kubectl/gh style, no borders), cells already
 * coloured by render/. Drawn with cli-table3 so wide unicode and ANSI colours measure right.
 */
import { stripAnsi } from '../io/color.js';

export interface TableOptions {
  headers: string[];
  rows: string[][];
  /** Terminal width: the last column is truncated to fit when on a TTY. */
  maxWidth?: number;
  bold?: (s: string) => string;
}

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '   ',
};

export async function renderTable(opts: TableOptions): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const bold = opts.bold ?? ((s: string) => s);
  const rows = opts.maxWidth ? fitRows(opts.headers, opts.rows, opts.maxWidth) : opts.rows;
  const table = new Table({
    head: opts.headers.map((h) => bold(h.toUpperCase())),
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
  });
  for (const row of rows) table.push(row);
  return table
    .toString()
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n') + '\n';
}

/** Truncates the widest cells of the last column(s) so a row fits the terminal. */
function fitRows(headers: string[], rows: string[][], maxWidth: number): string[][] {
  const gap = 3;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => stripAnsi(r[i] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  if (total <= maxWidth) return rows;
  const last = widths.length - 1;
  const room = Math.max(8, widths[last]! - (total - maxWidth));
  return rows.map((r) => r.map((cell, i) => (i === last ? truncate(cell, room) : cell)));
}

function truncate(cell: string, width: number): string {
  const plain = stripAnsi(cell);
  if (plain.length <= width) return cell;
  return plain.slice(0, width - 1) + '…';
}

/** TSV without headers, no colour, no truncation: for `-o text` and scripts. */
export function renderTsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => stripAnsi(c).replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + (rows.length ? '\n' : '');
}
