import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/output/table.js';

describe('displayWidth', () => {
  it('counts printable ASCII one column a character, ANSI escapes none', () => {
    expect(displayWidth('demo-ce')).toBe(7);
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('\x1b[32mVALID\x1b[39m')).toBe(5);
  });

  it('counts East Asian wide characters and emoji two columns, combining marks none', () => {
    expect(displayWidth('作业')).toBe(4);
    expect(displayWidth('\x1b[31m작업\x1b[39m q')).toBe(6);
    expect(displayWidth('ok 🚀')).toBe(5);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('tab\there')).toBe(7);
  });
});
