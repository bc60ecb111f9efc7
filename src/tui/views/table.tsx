/**
 * A table of rows in a window of `height` lines (header included): only the visible rows are
 * rendered, the cursor's row inverted, with "12-30 of 4211" in the header's corner.
 */
import type { Palette } from '../../io/color.js';
import { layoutColumns, renderHeader, renderLine, type ColumnSpec } from '../format.js';
import { Lines } from './lines.js';

export interface TableProps<R> {
  columns: ColumnSpec<R>[];
  rows: readonly R[];
  cursor: number;
  top: number;
  width: number;
  height: number;
  palette: Palette;
  /** Shown instead of rows when there are none. */
  empty?: string;
}

export function Table<R>({ columns, rows, cursor, top, width, height, palette: c, empty }: TableProps<R>) {
  const visible = rows.slice(top, top + Math.max(0, height - 1));
  const layout = layoutColumns(columns, visible, width, c);
  const header = c.bold(renderHeader(layout));
  const lines = [header, ...visible.map((r) => renderLine(layout, r, c))];
  if (rows.length === 0 && empty) lines.push(c.dim(empty));
  return <Lines lines={lines} height={height} selected={rows.length ? cursor - top + 1 : undefined} />;
}
