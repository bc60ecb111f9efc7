import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApiShapesSource } from './api-shapes-source.js';

const target = fileURLToPath(new URL('../../../src/domain/validation/api-shapes.ts', import.meta.url));

describe('api-shapes.ts', () => {
  it('matches the installed SDK model (regenerate with UPDATE_API_SHAPES=1)', () => {
    const fresh = buildApiShapesSource();
    if (process.env.UPDATE_API_SHAPES) writeFileSync(target, fresh);
    expect(readFileSync(target, 'utf8')).toBe(fresh);
  });
});
