/** The text input's editing keys, as a pure function. */
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { editText } from '../../../../src/wizards/ui/text-input.js';

const none: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...none, ...over });
const at = (value: string, cursor = value.length) => ({ value, cursor });

describe('editText', () => {
  it('types and pastes at the cursor, dropping control characters', () => {
    expect(editText(at('demo', 2), 'X', none)).toEqual(at('deXmo', 3));
    expect(editText(at(''), 'sh -c\n"x"', none)).toEqual(at('sh -c"x"'));
  });

  it('moves: ←/→, Home/End and ctrl-a/ctrl-e, clamped', () => {
    expect(editText(at('abc', 0), '', k({ leftArrow: true }))).toEqual(at('abc', 0));
    expect(editText(at('abc', 1), '', k({ rightArrow: true }))).toEqual(at('abc', 2));
    expect(editText(at('abc'), '', k({ home: true }))).toEqual(at('abc', 0));
    expect(editText(at('abc', 0), 'e', k({ ctrl: true }))).toEqual(at('abc', 3));
  });

  it('erases: Backspace (DEL arrives as `delete`), ctrl-d forward, ctrl-u/ctrl-k to either end, ctrl-w a word', () => {
    expect(editText(at('abc'), '', k({ delete: true }))).toEqual(at('ab'));
    expect(editText(at('abc', 0), '', k({ backspace: true }))).toEqual(at('abc', 0));
    expect(editText(at('abc', 1), 'd', k({ ctrl: true }))).toEqual(at('ac', 1));
    expect(editText(at('abcd', 2), 'u', k({ ctrl: true }))).toEqual(at('cd', 0));
    expect(editText(at('abcd', 2), 'k', k({ ctrl: true }))).toEqual(at('ab', 2));
    expect(editText(at('echo hello world'), 'w', k({ ctrl: true }))).toEqual(at('echo hello '));
  });

  it('a chunk of keys that came together (held Backspace, fast typing) is replayed in order', () => {
    expect(editText(at('5000'), '\x7f\x7f', none)).toEqual(at('50'));
    expect(editText(at('ab'), 'c\x7fd', none)).toEqual(at('abd'));
  });

  it('leaves the wizard\'s keys alone', () => {
    for (const key of [k({ return: true }), k({ tab: true }), k({ escape: true }), k({ upArrow: true }), k({ downArrow: true })]) {
      expect(editText(at('abc'), '', key)).toBeUndefined();
    }
    expect(editText(at('abc'), 'c', k({ ctrl: true }))).toBeUndefined();
  });
});
