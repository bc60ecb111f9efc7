/**
 * A list of choices, one picked (`●`, space moves the pick on) or several (`◉`, with a cursor `›`
 * that ↑/↓ move and space picks under). Only `maxRows` rows show at a time, scrolled to keep the cursor in view.
 */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import type { Choice } from './fields.js';

/** The cursor after ↑/↓, or 'before'/'after' when it leaves the list (the wizard moves to the next field). */
export function moveCursor(cursor: number, length: number, delta: -1 | 1): number | 'before' | 'after' {
  const next = cursor + delta;
  if (next < 0) return 'before';
  if (next >= length) return 'after';
  return next;
}

/** Space on a choice: a single list picks it, a multiple list flips it. */
export function pick(selected: readonly string[], value: string, multi: boolean): string[] {
  if (!multi) return [value];
  return selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
}

export interface SelectRowsProps {
  choices: readonly Choice[];
  selected: readonly string[];
  cursor: number;
  multi: boolean;
  /** Rows to show at most (a scroll marker takes one at each clipped end). */
  maxRows: number;
  /** Cells each row may take. */
  width: number;
  /** Left padding of every row. */
  indent: number;
}

/** One element per row, so the wizard can count and window lines. */
export function selectRows({ choices, selected, cursor, multi, maxRows, width, indent }: SelectRowsProps): ReactElement[] {
  if (choices.length === 0) return [<Text key="none" dimColor>{' '.repeat(indent)}(nothing to choose from in this region)</Text>];
  const rows = Math.max(3, maxRows);
  let start = 0;
  let end = choices.length;
  if (choices.length > rows) {
    // A single list has no cursor: keep its pick in view.
    const anchor = cursor >= 0 ? cursor : Math.max(0, choices.findIndex((c) => selected.includes(c.value)));
    start = Math.max(0, Math.min(anchor - Math.floor(rows / 2), choices.length - rows));
    end = start + rows;
  }
  const pad = ' '.repeat(indent);
  const out: ReactElement[] = [];
  for (let i = start; i < end; i++) {
    const c = choices[i]!;
    const on = selected.includes(c.value);
    const mark = multi ? (on ? '◉' : '◯') : on ? '●' : '○';
    const here = i === cursor;
    const label = truncate(c.label, width - 4);
    const detail = c.detail ? truncate(c.detail, width - 4 - label.length - 2) : '';
    if ((i === start && start > 0) || (i === end - 1 && end < choices.length)) {
      out.push(<Text key={c.value} dimColor>{pad}  {i === start ? `↑ ${start} more` : `↓ ${choices.length - end} more`}</Text>);
      continue;
    }
    out.push(
      <Text key={c.value} wrap="truncate-end">
        {pad}
        <Text color="cyan">{here ? '› ' : '  '}</Text>
        <Text color={on ? 'green' : undefined}>{mark}</Text> <Text bold={here}>{label}</Text>
        {detail ? <Text dimColor>  {detail}</Text> : null}
      </Text>,
    );
  }
  return out;
}

function truncate(s: string, n: number): string {
  if (n <= 1) return '';
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A checkbox line's box. */
export function Checkbox({ checked, focused }: { checked: boolean; focused: boolean }) {
  return (
    <Text>
      <Text color={checked ? 'green' : undefined} bold={focused}>{checked ? '[x]' : '[ ]'}</Text>
      <Text dimColor> {checked ? 'yes' : 'no'}</Text>
    </Text>
  );
}
