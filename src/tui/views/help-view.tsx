/** `?`: every key, grouped. Mutating keys are left out in read-only mode. Scrolls on a short terminal. */
import type { Palette } from '../../io/color.js';
import { Lines } from './lines.js';

export function helpLines(readonly: boolean, c: Palette): string[] {
  const k = (key: string, what: string) => `  ${c.cyan(key.padEnd(14))} ${what}`;
  const lines = [
    c.bold('Navigation'),
    k('↑ ↓  k j', 'move'),
    k('PgUp PgDn', 'page'),
    k('g G  Home End', 'first / last row'),
    k('enter', 'open: queue → jobs, array job → children, multi-node job → nodes, job → details'),
    k('esc', 'back (clears the filter first); closes a prompt or a dialog'),
    k(':', 'command: :queues  :jobs [queue]  :ce  :logs ID  :describe ID  :q'),
    k('/', 'filter rows by regex; /!x inverts'),
    k('q  ctrl-c', 'quit'),
    '',
    c.bold('Queues and jobs'),
    k('1-7', 'toggle job states SUBMITTED PENDING RUNNABLE STARTING RUNNING SUCCEEDED FAILED'),
    k('s', 'cycle the sort'),
    k('l', 'logs of the selected job (a multi-node job: its main node)'),
    k('d', 'describe the selected job'),
    k('r', 'refresh now'),
  ];
  if (!readonly) {
    lines.push(k('c', 'cancel the selected job (asks first)'));
    lines.push(k('t', 'terminate the selected job (asks first)'));
    lines.push(k('e  x', 'enable / disable the selected queue (asks first)'));
  }
  lines.push('', c.bold('Logs'), k('s  space', 'pause / follow (autoscroll)'), k('w', 'wrap long lines'), k('t', 'timestamps'), k('g  G', 'jump to the top / the end (and follow)'), k('[  ]', 'previous / next node (a multi-node job\'s node)'));
  lines.push('', c.dim('↑↓ PgUp PgDn scroll · any other key closes'));
  return lines;
}

/** The help from line `top` on (it scrolls on a short terminal); the last line says how to close it. */
export function HelpView({ readonly, height, palette, top = 0 }: { readonly: boolean; height: number; palette: Palette; top?: number }) {
  const lines = helpLines(readonly, palette);
  const start = Math.max(0, Math.min(top, lines.length - height));
  const shown = lines.slice(start, start + height);
  // On a short screen the closing hint stays visible on the last row.
  if (lines.length > height && start + height < lines.length) shown[shown.length - 1] = palette.dim(`… ${lines.length - start - height + 1} more lines: ↓ scrolls · any other key closes`);
  return <Lines lines={shown} height={height} />;
}
