/**
 * Human tables: upper-case headers, columns padded (kubectl/gh style, no borders), cells already
 * coloured by render/. Widths are measured without ANSI escapes and with East Asian wide characters
 * counted as two columns.
 *
 * cli-table3 drew these at first; for 50 rows it cost more start-up time than everything else in
 * `ce list` together (its per-cell string-width and wrapping machinery), and a borderless table
 * needs none of that.
 */
import { stripAnsi } from '../io/color.js';

export interface TableOptions {
  headers: string[];
  rows: string[][];
  /** Terminal width: the last column is truncated to fit when on a TTY. */
  maxWidth?: number;
  bold?: (s: string) => string;
}

const GAP = '   ';

export async function renderTable(opts: TableOptions): Promise<string> {
  const bold = opts.bold ?? ((s: string) => s);
  const headers = opts.headers.map((h) => h.toUpperCase());
  const rows = opts.maxWidth ? fitRows(headers, opts.rows, opts.maxWidth) : opts.rows;
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[], style: (s: string) => string = (s) => s) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? style(cell) : style(cell) + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join(GAP)
      .replace(/\s+$/, '');
  return [line(headers, bold), ...rows.map((r) => line(headers.map((_, i) => r[i] ?? '')))].join('\n') + '\n';
}

/** Truncates the last column so a row fits the terminal. */
function fitRows(headers: string[], rows: string[][], maxWidth: number): string[][] {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  if (total <= maxWidth) return rows;
  const last = widths.length - 1;
  const room = Math.max(8, widths[last]! - (total - maxWidth));
  return rows.map((r) => r.map((cell, i) => (i === last ? truncate(cell, room) : cell)));
}

function truncate(cell: string, width: number): string {
  if (displayWidth(cell) <= width) return cell;
  let out = '';
  let used = 0;
  for (const ch of stripAnsi(cell)) {
    const w = charWidth(ch.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a string takes on a terminal: ANSI escapes take none, wide characters two. */
export function displayWidth(s: string): number {
  const plain = stripAnsi(s);
  // Nearly every cell (names, ARNs, statuses, numbers): one column per character.
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let w = 0;
  for (const ch of plain) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks
  if (cp === 0x200b || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0; // zero width, variation selectors
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** TSV without headers, no colour, no truncation: for `-o text` and scripts. */
export function renderTsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => stripAnsi(c).replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + (rows.length ? '\n' : '');
}
