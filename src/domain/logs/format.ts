/**
 * How `batchctl logs` prints an event: `short` (the message, with a source label when several
 * streams are fanned in and the timestamp with --timestamps), or `json` (one object per line, with
 * AWS's field names for the event and the job fields that locate it).
 */
import type { LogSource } from './sources.js';
import { sourceLabel } from './sources.js';

export type LogFormat = 'short' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['short', 'json'];

export interface LogLine {
  source: LogSource;
  timestamp: number;
  message: string;
  ingestionTime?: number;
  eventId?: string;
}

export interface LineStyle {
  format: LogFormat;
  timestamps: boolean;
  /** Label every line with its source (several jobs, children, nodes or containers). */
  labels: boolean;
  /** Several jobs are shown: labels name the job too. */
  showJob: boolean;
}

/** The JSON object of one line (`--format json`). */
export function lineJson(line: LogLine): Record<string, unknown> {
  const s = line.source;
  return {
    jobId: s.jobId,
    attempt: s.attempt,
    ...(s.index !== undefined ? { arrayIndex: s.index } : {}),
    ...(s.node !== undefined ? { nodeIndex: s.node } : {}),
    ...(s.container !== undefined ? { container: s.container } : {}),
    logGroupName: s.group,
    logStreamName: s.stream,
    timestamp: line.timestamp,
    ...(line.ingestionTime !== undefined ? { ingestionTime: line.ingestionTime } : {}),
    ...(line.eventId !== undefined ? { eventId: line.eventId } : {}),
    message: line.message,
  };
}

/**
 * One printed line (with its newline). `colour` paints the label (a per-source colour picked by the
 * caller); `dim` the timestamp.
 */
export function formatLine(line: LogLine, style: LineStyle, paint: { label(s: string): string; dim(s: string): string } = { label: (s) => s, dim: (s) => s }): string {
  if (style.format === 'json') return JSON.stringify(lineJson(line)) + '\n';
  const parts: string[] = [];
  if (style.labels) parts.push(paint.label(sourceLabel(line.source, { showJob: style.showJob })));
  if (style.timestamps) parts.push(paint.dim(new Date(line.timestamp).toISOString()));
  const message = line.message.endsWith('\n') ? line.message.slice(0, -1) : line.message;
  parts.push(message);
  return parts.filter((p) => p !== '').join(' ') + '\n';
}

/** Palette function names in the order sources get them. */
export const SOURCE_COLOURS = ['cyan', 'magenta', 'yellow', 'green', 'blue'] as const;
export type SourceColour = (typeof SOURCE_COLOURS)[number];

/** A stable colour per source key: the order in which keys were first seen. */
export class ColourPicker {
  private readonly seen = new Map<string, SourceColour>();
  pick(key: string): SourceColour {
    let c = this.seen.get(key);
    if (!c) {
      c = SOURCE_COLOURS[this.seen.size % SOURCE_COLOURS.length]!;
      this.seen.set(key, c);
    }
    return c;
  }
}

/** The colour key of a source: one colour per child, node or container (attempts share it). */
export function colourKey(s: LogSource): string {
  return `${s.jobId.replace(/[:#]\d+$/, '')}|${s.index ?? ''}|${s.node ?? ''}|${s.container ?? ''}`;
}

/** Merges per-stream event lists into one list ordered by timestamp (stable for ties). */
export function mergeByTime(lists: readonly LogLine[][]): LogLine[] {
  return lists
    .flatMap((l, k) => l.map((line, i) => ({ line, k, i })))
    .sort((a, b) => a.line.timestamp - b.line.timestamp || a.k - b.k || a.i - b.i)
    .map((x) => x.line);
}
