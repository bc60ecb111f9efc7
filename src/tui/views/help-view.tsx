/** `?`: every key, grouped. Mutating keys are left out in read-only mode. */
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
    k('esc', 'back (clears the filter first)'),
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
  lines.push('', c.dim('press any key to close'));
  return lines;
}

export function HelpView({ readonly, height, palette }: { readonly: boolean; height: number; palette: Palette }) {
  return <Lines lines={helpLines(readonly, palette)} height={height} />;
}
