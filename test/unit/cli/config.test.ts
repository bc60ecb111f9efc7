import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSetting,
  configPath,
  defaultHome,
  explainConfig,
  readConfigFile,
  resolveConfig,
  writeConfigFile,
} from '../../../src/config.js';
import { UsageError } from '../../../src/errors.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'batchctl-config-'));

describe('configPath and defaultHome', () => {
  it('prefers BATCHCTL_CONFIG, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configPath({ BATCHCTL_CONFIG: '/x/c.json', XDG_CONFIG_HOME: '/xdg', HOME: '/h' })).toBe('/x/c.json');
    expect(configPath({ XDG_CONFIG_HOME: '/xdg', HOME: '/h' })).toBe('/xdg/batchctl/config.json');
    expect(configPath({ HOME: '/h' })).toBe('/h/.config/batchctl/config.json');
  });
  it('keeps the simulator under the XDG state directory', () => {
    expect(defaultHome({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/batchctl');
    expect(defaultHome({ HOME: '/h' })).toBe('/h/.local/state/batchctl');
  });
});

describe('resolveConfig: flags > environment > file > defaults', () => {
  it('uses the defaults when nothing is set', () => {
    const c = resolveConfig({}, { HOME: '/h' }, {});
    expect(c).toMatchObject({ backend: 'sim', region: 'us-east-1', output: 'table', color: true, home: '/h/.local/state/batchctl', yes: false, dryRun: false, debug: false });
    expect(c.profile).toBeUndefined();
    expect(c.endpointUrl).toBeUndefined();
    expect(c.simSpeed).toBeUndefined();
    expect(c.outputExplicit).toBe(false);
  });

  it('lets the file override defaults, the environment the file, and flags everything', () => {
    const file = { region: 'eu-west-1', output: 'yaml' as const, backend: 'aws' };
    expect(resolveConfig({}, {}, file)).toMatchObject({ region: 'eu-west-1', output: 'yaml', backend: 'aws' });
    const env = { AWS_REGION: 'ap-south-1', BATCHCTL_OUTPUT: 'json' };
    expect(resolveConfig({}, env, file)).toMatchObject({ region: 'ap-south-1', output: 'json' });
    expect(resolveConfig({ region: 'us-west-2', output: 'wide' }, env, file)).toMatchObject({ region: 'us-west-2', output: 'wide', outputExplicit: true });
  });

  it('says whether the region was chosen or is the default (the AWS backend then asks the profile)', () => {
    expect(resolveConfig({}, {}, {}).regionExplicit).toBe(false);
    expect(resolveConfig({}, {}, { region: 'eu-west-1' }).regionExplicit).toBe(true);
    expect(resolveConfig({}, { AWS_REGION: 'eu-west-1' }, {}).regionExplicit).toBe(true);
    expect(resolveConfig({ region: 'eu-west-1' }, {}, {}).regionExplicit).toBe(true);
  });

  it('reads AWS_DEFAULT_REGION after AWS_REGION and AWS_ENDPOINT_URL after BATCHCTL_ENDPOINT_URL', () => {
    expect(resolveConfig({}, { AWS_DEFAULT_REGION: 'eu-north-1' }, {}).region).toBe('eu-north-1');
    expect(resolveConfig({}, { AWS_DEFAULT_REGION: 'eu-north-1', AWS_REGION: 'eu-west-3' }, {}).region).toBe('eu-west-3');
    expect(resolveConfig({}, { AWS_ENDPOINT_URL: 'http://a:1', BATCHCTL_ENDPOINT_URL: 'http://b:2' }, {}).endpointUrl).toBe('http://b:2');
  });

  it('ignores empty environment variables', () => {
    expect(resolveConfig({}, { AWS_REGION: '' }, { region: 'eu-west-1' }).region).toBe('eu-west-1');
  });

  it('turns colour off with --no-color, NO_COLOR (any value) or the file, never on against them', () => {
    expect(resolveConfig({ color: true }, {}, {}).color).toBe(true);
    expect(resolveConfig({ color: false }, {}, {}).color).toBe(false);
    expect(resolveConfig({}, { NO_COLOR: '' }, {}).color).toBe(false);
    expect(resolveConfig({}, {}, { color: 'false' }).color).toBe(false);
    expect(resolveConfig({ color: true }, { NO_COLOR: '1' }, { color: 'true' }).color).toBe(false);
  });

  it('parses sim-speed as a number', () => {
    expect(resolveConfig({ simSpeed: '60' }, {}, {}).simSpeed).toBe(60);
    expect(resolveConfig({}, { BATCHCTL_SIM_SPEED: '0.5' }, {}).simSpeed).toBe(0.5);
  });

  it('names the origin of a bad value', () => {
    expect(() => resolveConfig({ output: 'xml' }, {}, {})).toThrow(/--output: output must be one of table, wide, json, yaml, text, not "xml"/);
    expect(() => resolveConfig({}, { BATCHCTL_BACKEND: 'gcp' }, {})).toThrow(/BATCHCTL_BACKEND: backend must be one of sim, aws/);
    expect(() => resolveConfig({}, {}, { region: 'mars' })).toThrow(/config file setting region: region "mars" is not an AWS region name/);
  });
});

describe('explainConfig', () => {
  it('says where each value came from', () => {
    const e = explainConfig({ region: 'us-west-2', color: true }, { BATCHCTL_OUTPUT: 'json', NO_COLOR: '1', HOME: '/h' }, { backend: 'aws', output: 'yaml' }, '/c.json');
    expect(e.region).toEqual({ value: 'us-west-2', source: 'flag', origin: '--region' });
    expect(e.output).toEqual({ value: 'json', source: 'env', origin: 'BATCHCTL_OUTPUT' });
    expect(e.backend).toEqual({ value: 'aws', source: 'file', origin: '/c.json' });
    expect(e.color).toEqual({ value: 'false', source: 'env', origin: 'NO_COLOR' });
    expect(e.home).toEqual({ value: '/h/.local/state/batchctl', source: 'default' });
    expect(e.profile).toEqual({ value: undefined, source: 'default' });
  });
  it('does not count commander’s default `color: true` as a flag', () => {
    expect(explainConfig({ color: true }, {}, {}).color.source).toBe('default');
    expect(explainConfig({ color: false }, {}, {}).color).toEqual({ value: 'false', source: 'flag', origin: '--no-color' });
  });
});

describe('checkSetting', () => {
  it.each([
    ['backend', 'aws', 'aws'],
    ['output', 'wide', 'wide'],
    ['sim-speed', '60.0', '60'],
    ['color', 'false', 'false'],
    ['region', 'eu-central-1', 'eu-central-1'],
    ['region', 'us-gov-west-1', 'us-gov-west-1'],
    ['endpoint-url', 'http://127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['profile', 'dev', 'dev'],
  ] as const)('accepts %s=%s', (name, value, normalised) => {
    expect(checkSetting(name, value, 'test')).toBe(normalised);
  });
  it.each([
    ['backend', 'local'],
    ['output', 'csv'],
    ['sim-speed', '0'],
    ['sim-speed', '-2'],
    ['sim-speed', '1e6'],
    ['sim-speed', 'fast'],
    ['color', 'yes'],
    ['region', 'Europe'],
    ['endpoint-url', 'ftp://x'],
    ['endpoint-url', 'localhost:5000'],
    ['profile', ''],
  ] as const)('rejects %s=%s with a UsageError', (name, value) => {
    expect(() => checkSetting(name, value, 'test')).toThrow(UsageError);
  });
});

describe('the config file', () => {
  it('is empty when missing', () => {
    expect(readConfigFile(join(tmp(), 'nope.json'))).toEqual({});
  });
  it('refuses malformed JSON, non-objects and unknown settings, naming the file', () => {
    const dir = tmp();
    const p = join(dir, 'c.json');
    writeFileSync(p, '{"region": ');
    expect(() => readConfigFile(p)).toThrow(new RegExp(`the config file ${p} is not valid JSON`));
    writeFileSync(p, '[1]');
    expect(() => readConfigFile(p)).toThrow(/must hold a JSON object/);
    writeFileSync(p, '{"colour": "false"}');
    expect(() => readConfigFile(p)).toThrow(/unknown setting "colour"/);
  });
  it('is written atomically, in SETTINGS order, creating its directory', () => {
    const dir = tmp();
    const p = join(dir, 'deep', 'er', 'config.json');
    writeConfigFile(p, { output: 'json', backend: 'aws' });
    expect(readFileSync(p, 'utf8')).toBe('{\n  "backend": "aws",\n  "output": "json"\n}\n');
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['config.json']);
    expect(readConfigFile(p)).toEqual({ backend: 'aws', output: 'json' });
  });
});
