/**
 * The Logs view: a window onto the log lines. Following (autoscroll), the window holds the newest
 * lines; paused, it starts at `top`. Long lines wrap or are cut; timestamps are optional.
 */
import type { Palette } from '../../io/color.js';
import { stripAnsi } from '../../io/color.js';
import type { LogLine, LogsExtra } from '../models/logs-model.js';
import { Lines } from './lines.js';

export interface LogsViewOptions {
  wrap: boolean;
  timestamps: boolean;
  follow: boolean;
}

export interface LogsWindow {
  /** Display rows, top to bottom. */
  rows: string[];
  /** Index of the first (logical) line shown. */
  first: number;
  /** Index after the last line shown. */
  end: number;
}

function format(line: LogLine, timestamps: boolean, c: Palette): string {
  const msg = stripAnsi(line.message).replace(/\t/g, '    ');
  if (line.marker) return c.cyan(msg);
  if (!timestamps || line.timestamp === undefined) return msg;
  return `${c.dim(new Date(line.timestamp).toISOString().replace('T', ' ').slice(0, 23))} ${msg}`;
}

function split(line: string, plainWidth: number, width: number, wrap: boolean): string[] {
  if (!wrap || plainWidth <= width || width <= 0) return [line];
  // Wrapped lines are plain text (a coloured timestamp loses its colour on continuation rows).
  const plain = stripAnsi(line);
  const out: string[] = [];
  for (let i = 0; i < plain.length; i += width) out.push(plain.slice(i, i + width));
  return out;
}

/** The display rows of a window of `height` over `lines`, from `top` or, when following, from the end. */
export function logsWindow(lines: readonly LogLine[], o: LogsViewOptions, top: number, width: number, height: number, c: Palette): LogsWindow {
  const rows: string[] = [];
  if (height <= 0 || lines.length === 0) return { rows, first: 0, end: 0 };
  const render = (l: LogLine) => {
    const s = format(l, o.timestamps, c);
    return split(s, stripAnsi(s).length, width, o.wrap);
  };
  if (o.follow) {
    let i = lines.length - 1;
    for (; i >= 0 && rows.length < height; i--) {
      const r = render(lines[i]!);
      rows.unshift(...r.slice(Math.max(0, r.length - (height - rows.length))));
    }
    return { rows, first: i + 1, end: lines.length };
  }
  let i = Math.max(0, Math.min(top, lines.length - 1));
  const first = i;
  for (; i < lines.length && rows.length < height; i++) rows.push(...render(lines[i]!).slice(0, height - rows.length));
  return { rows, first, end: i };
}

export interface LogsViewProps {
  lines: readonly LogLine[];
  extra: LogsExtra;
  options: LogsViewOptions;
  top: number;
  width: number;
  height: number;
  palette: Palette;
  filtered: boolean;
}

export function LogsView({ lines, extra, options, top, width, height, palette: c, filtered }: LogsViewProps) {
  const win = logsWindow(lines, options, top, width, height - 1, c);
  const flags = [options.follow ? c.green('following') : c.yellow('paused'), `wrap ${options.wrap ? 'on' : 'off'}`, `timestamps ${options.timestamps ? 'on' : 'off'}`];
  const where = extra.stream ? c.dim(`${extra.group} › ${extra.stream}`) : '';
  const count = `${lines.length}${filtered ? ' matching' : ''} line${lines.length === 1 ? '' : 's'}${extra.droppedLines ? c.dim(` (${extra.droppedLines} oldest dropped)`) : ''}${lines.length ? ` · ${win.first + 1}-${win.end}` : ''}`;
  const status = `${extra.jobName ?? ''} ${extra.status ? `(${extra.status})` : ''}  ${flags.join(' · ')} · ${count}  ${where}`;
  const body = win.rows.length ? win.rows : [c.dim(extra.note ?? (filtered ? 'no line matches the filter' : 'no log lines yet'))];
  return <Lines lines={[status, ...body]} height={height} />;
}
