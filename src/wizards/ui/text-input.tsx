/**
 * A one-line text input: the editing keys as a pure function (`editText`) and the line it draws
 * (`TextInput`), with the cursor as an inverse cell and the text scrolled to keep it in view.
 */
import type { Key } from 'ink';
import { Text } from 'ink';

export interface TextState {
  value: string;
  /** 0..value.length: the cell the next character goes before. */
  cursor: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The text after one key, or undefined when the key is not an editing key (the wizard's then). */
export function editText(s: TextState, input: string, key: Key): TextState | undefined {
  const value = s.value;
  const cursor = clamp(s.cursor, 0, value.length);
  if (key.leftArrow && !key.meta) return { value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow && !key.meta) return { value, cursor: Math.min(value.length, cursor + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { value, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { value, cursor: value.length };
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`: both erase backwards.
  if (key.backspace || key.delete || (key.ctrl && input === 'h')) {
    if (cursor === 0) return { value, cursor };
    return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
  }
  if (key.ctrl && input === 'd') return { value: value.slice(0, cursor) + value.slice(cursor + 1), cursor };
  if (key.ctrl && input === 'u') return { value: value.slice(cursor), cursor: 0 };
  if (key.ctrl && input === 'k') return { value: value.slice(0, cursor), cursor };
  if (key.ctrl && input === 'w') {
    const start = value.slice(0, cursor).replace(/[^\s,]*[\s,]*$/, '').length;
    return { value: value.slice(0, start) + value.slice(cursor), cursor: start };
  }
  if (key.ctrl || key.meta || key.return || key.tab || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  // Keys that arrive together (a held Backspace, fast typing) come as one chunk: replay them.
  if (input.length > 1 && /[\x7f\b]/.test(input)) {
    let t: TextState = { value, cursor };
    for (const ch of input) {
      const k = ch === '\x7f' || ch === '\b' ? { ...key, backspace: true } : key;
      t = editText(t, ch === '\x7f' || ch === '\b' ? '' : ch, k) ?? t;
    }
    return t;
  }
  // Typed or pasted text; a paste's line breaks and other control characters are dropped.
  // eslint-disable-next-line no-control-regex
  const typed = input.replace(/[\x00-\x1f\x7f]/g, '');
  if (typed === '') return undefined;
  return { value: value.slice(0, cursor) + typed + value.slice(cursor), cursor: cursor + typed.length };
}

export interface TextInputProps {
  value: string;
  cursor: number;
  focused: boolean;
  /** Cells available for the text (and the cursor cell). */
  width: number;
  /** Shown dim when the value is empty. */
  placeholder?: string;
}

/** The value; when focused with the cursor drawn, scrolled so the cursor stays visible. */
export function TextInput({ value, cursor, focused, width, placeholder }: TextInputProps) {
  const w = Math.max(4, width);
  if (!focused) {
    if (value === '') return <Text dimColor>{placeholder ?? ''}</Text>;
    return <Text>{value.length > w ? `${value.slice(0, w - 1)}…` : value}</Text>;
  }
  const c = clamp(cursor, 0, value.length);
  // The window [start, start + w) holds the cursor cell.
  const start = value.length + 1 <= w ? 0 : clamp(c - Math.floor(w / 2), 0, value.length + 1 - w);
  const shown = value.slice(start, start + w);
  const at = c - start;
  const before = shown.slice(0, at);
  const under = shown[at] ?? ' ';
  const after = shown.slice(at + 1);
  return (
    <Text>
      {start > 0 ? <Text dimColor>…</Text> : null}
      {before.slice(start > 0 ? 1 : 0)}
      <Text inverse>{under}</Text>
      {after}
    </Text>
  );
}
