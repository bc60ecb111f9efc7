import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { profileRegion } from '../../../src/backend/aws/region.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batchctl-region-'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = ap-south-1\n[profile ci]\nregion = eu-west-1\n[profile bare]\noutput = json\n');
  writeFileSync(join(dir, 'credentials'), '[ci]\naws_access_key_id = x\naws_secret_access_key = y\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('profileRegion', () => {
  it('reads the region of the named profile, of AWS_PROFILE, or of [default]', async () => {
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('AWS_PROFILE', undefined);
    expect(await profileRegion('ci')).toBe('eu-west-1');
    expect(await profileRegion()).toBe('ap-south-1');
    vi.stubEnv('AWS_PROFILE', 'ci');
    expect(await profileRegion()).toBe('eu-west-1');
    expect(await profileRegion('bare')).toBeUndefined();
    expect(await profileRegion('missing')).toBeUndefined();
  });

  it('is undefined without config files', async () => {
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'nope'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'nope'));
    expect(await profileRegion('ci')).toBeUndefined();
  });
});
