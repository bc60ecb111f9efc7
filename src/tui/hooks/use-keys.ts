/**
 * The dashboard's keyboard: Ink's useInput, with two corrections for a screen driven by Esc.
 *
 * - Esc followed quickly by a key arrives as ONE event: a terminal (and tmux, within its
 *   escape-time) sends Alt+q as `ESC q`, the same bytes as Esc then q, and Ink's parser reports
 *   it as meta+q, or as a plain `/` for `ESC /` (the escape is dropped), or as one escape for
 *   `ESC ESC`. The dashboard binds nothing to Alt, so such an event is split back into Esc and the
 *   key that followed it. Ink's useInput does not show the raw sequence, so a listener on the same
 *   input events (prepended: it runs first) records it for the useInput handler.
 * - Several plain keys in one read (a paste, tmux send-keys, a fast typist over ssh) come as one
 *   string; they are split into one key each.
 *
 * The keys of one event are handed over together: the caller decides when each is handled (the
 * app handles one per render, so that each key sees the state the one before it left).
 */
import { useInput, useStdin, type Key } from 'ink';
import { useEffect, useRef } from 'react';

export interface KeyPress {
  input: string;
  key: Key;
}

const ESC = '\u001B';

/** True when `raw` is Esc pressed on its own followed, in the same event, by another key. */
export function hasSplitEscape(raw: string): boolean {
  // `ESC [` and `ESC O` start the terminal's own sequences (arrows, PgUp, F-keys): one key.
  return raw.length >= 2 && raw[0] === ESC && raw[1] !== '[' && raw[1] !== 'O';
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** The Esc key as Ink reports it when it comes on its own. */
export const ESCAPE_KEY: Key = { ...NO_KEY, escape: true, meta: true };

/**
 * The keys of one input event: `raw` is the event's sequence (undefined when unknown), `input` and
 * `key` what Ink's useInput made of it.
 */
export function splitKeys(raw: string | undefined, input: string, key: Key): KeyPress[] {
  const out: KeyPress[] = [];
  let k = key;
  if (raw !== undefined && hasSplitEscape(raw)) {
    out.push({ input: '', key: ESCAPE_KEY });
    // What followed the escape, without the Alt that Ink read into it. (`ESC ESC` is Esc twice:
    // Ink already reports the second as an escape.)
    k = { ...key, meta: key.escape };
  }
  if (input.length > 1 && !input.startsWith(ESC) && !k.ctrl && !k.meta) {
    // A run of plain characters in one read: one key each.
    for (const ch of input) {
      const ret = ch === '\r' || ch === '\n';
      const backspace = ch === '\x7f' || ch === '\b';
      const tab = ch === '\t';
      out.push({ input: ret || backspace || tab ? '' : ch, key: { ...k, return: ret, backspace, tab, shift: /^[A-Z]$/.test(ch) } });
    }
    return out;
  }
  out.push({ input, key: k });
  return out;
}

/** Calls `onKeys` with the keys of every input event (see the module comment); `isActive` as useInput's. */
export function useKeys(onKeys: (keys: KeyPress[]) => void, options: { isActive?: boolean } = {}): void {
  const { internal_eventEmitter: events } = useStdin();
  const raw = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!events) return;
    const record = (data: string) => {
      raw.current = data;
    };
    events.prependListener('input', record);
    return () => {
      events.removeListener('input', record);
    };
  }, [events]);
  useInput((input, key) => {
    const r = raw.current;
    raw.current = undefined;
    onKeys(splitKeys(r, input, key));
  }, options);
}
