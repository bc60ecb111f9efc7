/** Splitting one input event into the keys the user pressed (src/tui/hooks/use-keys.ts). */
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { ESCAPE_KEY, hasSplitEscape, splitKeys } from '../../src/tui/hooks/use-keys.js';

const base: Key = { ...ESCAPE_KEY, escape: false, meta: false };

describe('splitKeys', () => {
  it('recognises an escape glued to the next key, not the terminal\'s own sequences', () => {
    expect(hasSplitEscape('\x1bq')).toBe(true);
    expect(hasSplitEscape('\x1b/')).toBe(true);
    expect(hasSplitEscape('\x1b\x1b')).toBe(true);
    expect(hasSplitEscape('\x1b\x1b[B')).toBe(true);
    expect(hasSplitEscape('\x1b')).toBe(false);
    expect(hasSplitEscape('\x1b[B')).toBe(false);
    expect(hasSplitEscape('\x1bOH')).toBe(false);
    expect(hasSplitEscape('q')).toBe(false);
  });

  it('ESC q (Ink: meta+q) is Esc, then q without meta', () => {
    expect(splitKeys('\x1bq', 'q', { ...base, meta: true })).toEqual([
      { input: '', key: ESCAPE_KEY },
      { input: 'q', key: { ...base, meta: false } },
    ]);
  });

  it('ESC / (Ink: a plain /, the escape dropped) is Esc, then /', () => {
    expect(splitKeys('\x1b/', '/', base).map((k) => [k.input, k.key.escape])).toEqual([
      ['', true],
      ['/', false],
    ]);
  });

  it('ESC ESC (Ink: one escape) is two escapes', () => {
    const keys = splitKeys('\x1b\x1b', '', { ...base, escape: true, meta: true });
    expect(keys.map((k) => k.key.escape)).toEqual([true, true]);
  });

  it('an arrow or a lone Esc stays one key; a run of plain characters is one key each', () => {
    expect(splitKeys('\x1b[B', '', { ...base, downArrow: true })).toHaveLength(1);
    expect(splitKeys('\x1b', '', ESCAPE_KEY)).toEqual([{ input: '', key: ESCAPE_KEY }]);
    const run = splitKeys('jjG\r', 'jjG\r', base);
    expect(run.map((k) => [k.input, k.key.return, k.key.shift])).toEqual([
      ['j', false, false],
      ['j', false, false],
      ['G', false, true],
      ['', true, false],
    ]);
  });
});
