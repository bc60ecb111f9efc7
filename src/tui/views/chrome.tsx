/** The frame around every view: the header (world, refresh, API budget, errors) and the footer (keys, prompt, messages). */
import { Box, Text } from 'ink';
import type { Palette } from '../../io/color.js';
import type { ApiUsage } from '../models/api-meter.js';
import { ago, clockTime, visibleWidth } from '../format.js';

export interface HeaderProps {
  world: string;
  intervalMs: number;
  usage: ApiUsage;
  /** The world's now (simulated time in the simulator). */
  now: number;
  /** The simulator's speed, shown beside its clock when not 1. */
  speed?: number;
  /** Where the user is: `Queues`, `Jobs › q1`. */
  title: string;
  /** Right of the title: filter, sort, states. */
  detail?: string;
  error?: string;
  loadedAt?: number;
  stale?: boolean;
  loading?: boolean;
  wallNow: number;
  readonly: boolean;
  palette: Palette;
}

export function Header(p: HeaderProps) {
  const c = p.palette;
  const budget = p.usage.batch / p.usage.budget;
  const api = `api ${p.usage.total}/min ${c.dim(`(batch ${p.usage.batch}/${p.usage.budget})`)}`;
  const parts = [
    c.bold(c.cyan('batchctl top')),
    c.bold(p.world),
    `refresh ${Math.round(p.intervalMs / 100) / 10}s`,
    budget >= 0.8 ? c.red(api) : budget >= 0.5 ? c.yellow(api) : api,
    `${clockTime(p.now)}${p.world === 'sim' ? c.dim(` sim${p.speed !== undefined && p.speed !== 1 ? ` ${p.speed}x` : ''}`) : ''}`,
  ];
  if (p.readonly) parts.push(c.magenta('read-only'));
  const state = p.error
    ? c.red(`⚠ ${p.error}${p.stale && p.loadedAt ? ` (showing data from ${ago(p.loadedAt, p.wallNow)} ago)` : ''}`)
    : p.loading
      ? c.dim('loading…')
      : c.dim(`updated ${ago(p.loadedAt, p.wallNow)} ago`);
  return (
    <Box flexDirection="column" height={2}>
      <Text wrap="truncate-end">{parts.join(c.dim(' │ '))}</Text>
      <Text wrap="truncate-end">
        {c.bold(c.yellow(p.title))}
        {p.detail ? `  ${p.detail}` : ''}
        {'  '}
        {state}
      </Text>
    </Box>
  );
}

export interface KeyHint {
  key: string;
  label: string;
}

export interface FooterProps {
  keys: KeyHint[];
  /** `:` or `/` while the user types a command or a filter. */
  prompt?: { mode: ':' | '/'; text: string };
  message?: { text: string; error?: boolean };
  palette: Palette;
  /** The terminal's width: hints that do not fit are left out, `<esc> back`, `<?> help` and `<q> quit` never. */
  width?: number;
}

/** Hints a narrow footer keeps: back, help, quit. */
const KEPT_HINTS = new Set(['esc', '?', 'q']);

/** Footer hints within `width`: the ones that must stay (back, help, quit), and the others in order while they fit. */
export function fitHints(keys: readonly KeyHint[], width: number, c: Palette): string {
  const hint = (k: KeyHint) => `${c.cyan(`<${k.key}>`)} ${k.label}`;
  const all = keys.map(hint).join('  ');
  if (visibleWidth(all) <= width) return all;
  const kept = new Set(keys.filter((k) => KEPT_HINTS.has(k.key)));
  let room = width - visibleWidth([...kept].map(hint).join('  ')) - 2;
  for (const k of keys) {
    if (kept.has(k)) continue;
    const w = visibleWidth(hint(k)) + 2;
    if (w > room) break;
    kept.add(k);
    room -= w;
  }
  return keys.filter((k) => kept.has(k)).map(hint).join('  ');
}

export function Footer({ keys, prompt, message, palette: c, width = 1000 }: FooterProps) {
  if (prompt) {
    return (
      <Text wrap="truncate-end">
        {c.bold(prompt.mode)}
        {prompt.text}
        {c.dim('█')}
        {c.dim(prompt.mode === ':' ? '   queues · jobs [queue] · ce · logs ID · describe ID · q   (esc cancels)' : '   regex; ! in front inverts   (enter keeps, esc clears)')}
      </Text>
    );
  }
  const lead = message ? `${message.error ? c.red(message.text) : c.green(message.text)}  ${c.dim('│')} ` : '';
  const hints = fitHints(keys, width - visibleWidth(lead), c);
  return <Text wrap="truncate-end">{`${lead}${hints}`}</Text>;
}

export interface ConfirmProps {
  title: string;
  lines: string[];
  palette: Palette;
  width: number;
}

/** A confirmation dialog: y confirms, anything else (n, Esc) declines. */
export function Confirm({ title, lines, palette: c, width }: ConfirmProps) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1} width={Math.min(width, 90)}>
      <Text bold>{title}</Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l}
        </Text>
      ))}
      <Text>
        {c.bold('y')} confirm {c.dim('·')} {c.bold('n')}/{c.bold('esc')} cancel
      </Text>
    </Box>
  );
}
