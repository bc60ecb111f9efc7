/**
 * Small pure helpers for the dashboard's cells: ages and durations, fitting ANSI-coloured text to a
 * width, and laying out table columns in the terminal's width.
 */
import type { Palette } from '../io/color.js';
import { stripAnsi } from '../io/color.js';

/** Visible width of a cell (ANSI codes take none). */
export function visibleWidth(s: string): number {
  return stripAnsi(s).length;
}

/** Pads (or cuts, with an ellipsis) `s` to exactly `width` visible characters. */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const w = visibleWidth(s);
  if (w > width) {
    const plain = stripAnsi(s);
    return width === 1 ? '…' : plain.slice(0, width - 1) + '…';
  }
  const pad = ' '.repeat(width - w);
  return align === 'right' ? pad + s : s + pad;
}

/** 75_000 -> `1m15s`, 3_700_000 -> `1h1m`, 2 days -> `2d3h`; "-" when undefined or negative. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '-';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  const d = Math.floor(h / 24);
  return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
}

/** How long ago `at` was, as a duration (`5m`); "-" when unknown. */
export function ago(at: number | undefined, now: number): string {
  if (at === undefined) return '-';
  return duration(Math.max(0, now - at));
}

/** `HH:MM:SS` of an instant, in UTC (the simulator's and CloudWatch's zone of record). */
export function clockTime(ms: number | undefined): string {
  if (ms === undefined) return '--:--:--';
  return new Date(ms).toISOString().slice(11, 19);
}

/** A bar of `width` cells, `used` of `max` filled: `███░░░`. */
export function bar(used: number | undefined, max: number | undefined, width: number): string {
  if (!max || max <= 0 || used === undefined || width <= 0) return ' '.repeat(Math.max(0, width));
  const filled = Math.max(0, Math.min(width, Math.round((used / max) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** One column of a dashboard table. */
export interface ColumnSpec<R> {
  header: string;
  cell(row: R, c: Palette): string;
  /** Flexible columns (names, reasons) shrink first, down to `min`. */
  flex?: boolean;
  min?: number;
  max?: number;
  align?: 'left' | 'right';
  /** Columns with a higher `drop` are hidden first when even the minimum widths do not fit. */
  drop?: number;
  /** How a cell too wide for the column is cut (default: `fit`, an ellipsis at the end). */
  cut?(cell: string, width: number): string;
}

/**
 * Cuts a job ID to `width`, keeping an array child's `:N` or a node's `#N` (every node of a job
 * shares the rest of its ID): `3f1c2b…#2`.
 */
export function fitJobId(id: string, width: number): string {
  const m = /[:#]\d+$/.exec(id);
  if (!m || visibleWidth(id) <= width || width < m[0].length + 3) return fit(id, width);
  return `${id.slice(0, width - m[0].length - 1)}…${m[0]}`;
}

export interface Layout<R> {
  columns: ColumnSpec<R>[];
  widths: number[];
}

export const GAP = 2;

/**
 * Widths for `columns` over the rows on screen within `width`: natural widths (capped at max),
 * then flexible columns shrink towards their minimum, then columns are dropped by `drop`, then the
 * last column is cut.
 */
export function layoutColumns<R>(columns: ColumnSpec<R>[], rows: readonly R[], width: number, c: Palette): Layout<R> {
  let cols = [...columns];
  const natural = (col: ColumnSpec<R>) => {
    let w = col.header.length;
    for (const r of rows) w = Math.max(w, visibleWidth(col.cell(r, c)));
    return Math.min(w, col.max ?? Infinity);
  };
  let widths = cols.map(natural);
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);
  // Shrink flexible columns, widest first, towards their minimum.
  for (;;) {
    const over = total() - width;
    if (over <= 0) break;
    let best = -1;
    cols.forEach((col, i) => {
      const min = col.min ?? col.header.length;
      if (col.flex && widths[i]! > min && (best < 0 || widths[i]! > widths[best]!)) best = i;
    });
    if (best < 0) break;
    const min = cols[best]!.min ?? cols[best]!.header.length;
    widths[best] = Math.max(min, widths[best]! - over);
  }
  // Drop columns, highest `drop` first.
  while (total() > width) {
    let victim = -1;
    cols.forEach((col, i) => {
      if ((col.drop ?? 0) > 0 && (victim < 0 || (col.drop ?? 0) > (cols[victim]!.drop ?? 0))) victim = i;
    });
    if (victim < 0) break;
    cols = cols.filter((_, i) => i !== victim);
    widths = widths.filter((_, i) => i !== victim);
  }
  // Whatever still overflows comes off the last column.
  const over = total() - width;
  if (over > 0 && widths.length) widths[widths.length - 1] = Math.max(1, widths[widths.length - 1]! - over);
  return { columns: cols, widths };
}

/** One table line: every cell fitted to its width, joined by the gap. */
export function renderLine<R>(layout: Layout<R>, row: R, c: Palette): string {
  return layout.columns
    .map((col, i) => {
      const cell = col.cell(row, c);
      const w = layout.widths[i]!;
      return col.cut && visibleWidth(cell) > w ? col.cut(cell, w) : fit(cell, w, col.align);
    })
    .join(' '.repeat(GAP));
}

export function renderHeader<R>(layout: Layout<R>): string {
  return layout.columns.map((col, i) => fit(col.header, layout.widths[i]!, col.align)).join(' '.repeat(GAP));
}

/** The first row index to show so that `cursor` is visible in a window of `height` rows. */
export function windowStart(cursor: number, height: number, count: number, previousTop = 0): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.min(previousTop, count - height);
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  return Math.max(0, Math.min(top, count - height));
}

/**
 * A filter typed after `/`: a regular expression (case-insensitive), `!` in front inverts it. An
 * invalid expression is matched as plain text.
 */
export function compileFilter(text: string): ((line: string) => boolean) | undefined {
  if (!text) return undefined;
  const invert = text.startsWith('!');
  const body = invert ? text.slice(1) : text;
  if (!body) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(body, 'i');
  } catch {
    re = new RegExp(body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
  return (line) => re.test(line) !== invert;
}
