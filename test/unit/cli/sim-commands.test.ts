import { describe, expect, it } from 'vitest';
import { positiveDuration } from '../../../src/commands/sim/advance.js';
import { parseSpeed } from '../../../src/commands/sim/speed.js';
import { describeLead, formatCounts, formatDuration } from '../../../src/commands/sim/view.js';
import { createTestContext } from '../../helpers/test-context.js';

const START = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('batchctl sim', () => {
  it('status -o json: clock, speed, store, world and counts', async () => {
    const t = createTestContext();
    expect(await t.run('sim', 'status', '-o', 'json')).toBe(0);
    const s = JSON.parse(t.stdout());
    expect(s).toMatchObject({ now: START, time: '2026-01-15T09:00:00.000Z', aheadOfWallClockMs: 0, speed: 1, path: ':memory:', region: 'us-east-1', accountId: '123456789012' });
    expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(s.counts['ec2:subnet']).toBe(3);
    expect(t.stderr()).toBe('');
  });

  it('status for people', async () => {
    const t = createTestContext();
    await t.run('sim', 'status');
    const lines = t.stdout().split('\n');
    expect(lines[0]).toBe('time       2026-01-15T09:00:00.000Z (in step with the wall clock)');
    expect(lines[1]).toBe('speed      1x');
    expect(lines[2]).toMatch(/^store {6}:memory: \(schema v\d+\)$/);
    expect(lines[3]).toBe('world      us-east-1, account 123456789012');
    expect(lines[4]).toMatch(/^resources {2}\d+ IAM policies, 1 VPC, 3 subnets, 1 security group/);
  });

  it('advance moves simulated time by the duration', async () => {
    const t = createTestContext();
    expect(await t.run('sim', 'advance', '1h30m', '-o', 'json')).toBe(0);
    expect(JSON.parse(t.stdout()).time).toBe('2026-01-15T10:30:00.000Z');
    expect(t.clock.now()).toBe(START + 90 * 60_000);
  });

  it('advance refuses zero, negative and malformed durations with exit 2, moving nothing', async () => {
    for (const bad of ['0', '0s', '-5m', 'soon', '10x']) {
      const t = createTestContext();
      expect(await t.run('sim', 'advance', bad), bad).toBe(2);
      expect(t.stderr()).toMatch(/error: command-argument value .* is invalid for argument 'duration'/);
      expect(t.clock.now()).toBe(START);
    }
  });

  it('speed sets and reports the speed factor', async () => {
    const t = createTestContext();
    expect(await t.run('sim', 'speed', '60', '-o', 'json')).toBe(0);
    expect(JSON.parse(t.stdout()).speed).toBe(60);
    expect((await t.sim()).control.status().speed).toBe(60);
    expect(await t.run('sim', 'speed', '0')).toBe(2);
  });

  it('reset without --yes and without a terminal refuses, naming --yes, and deletes nothing', async () => {
    const t = createTestContext();
    await t.run('demo');
    expect(await t.run('sim', 'reset')).toBe(2);
    expect(t.stderr()).toContain("error: refusing to delete the simulator's state without confirmation\nhint: pass --yes");
    expect((await t.sim()).control.status().counts['batch:compute-environment']).toBe(1);
  });

  it('reset --dry-run says what would go and deletes nothing', async () => {
    const t = createTestContext();
    await t.run('demo');
    const before = t.stdout().length;
    expect(await t.run('sim', 'reset', '--dry-run')).toBe(0);
    expect(t.stdout().slice(before)).toMatch(
      /^Would delete the simulator's state in :memory: \(1 compute environment, 1 job queue, 1 job definition, \d+ jobs, .*2 IAM roles, .*\) and start a fresh world\.\ndry run: nothing was changed\n$/,
    );
    expect((await t.sim()).control.status().counts['batch:job-queue']).toBe(1);
  });

  it('reset on a terminal asks (default no); declining is exit 130', async () => {
    const t = createTestContext({ tty: true, answers: [false] });
    await t.run('demo');
    expect(await t.run('sim', 'reset')).toBe(130);
    expect(t.stderr()).toContain("This deletes the simulator's state in :memory: (1 compute environment");
    expect((await t.sim()).control.status().counts['batch:compute-environment']).toBe(1);
  });

  it('reset --yes starts a fresh world', async () => {
    const t = createTestContext();
    await t.run('demo');
    expect(await t.run('sim', 'reset', '--yes', '-o', 'json')).toBe(0);
    const out = JSON.parse(t.stdout().slice(t.stdout().indexOf('{\n  "reset"')));
    expect(out).toMatchObject({ reset: true, world: 'sim', path: ':memory:' });
    expect(out.deleted['batch:compute-environment']).toBe(1);
    const counts = (await t.sim()).control.status().counts;
    expect(counts['batch:compute-environment'] ?? 0).toBe(0);
    expect(counts['ec2:subnet']).toBe(3);
  });

  it('demo refuses the AWS backend with exit 2', async () => {
    const t = createTestContext({ env: { BATCHCTL_BACKEND: 'aws' } });
    // The test context always opens the simulator; the refusal must come from the configuration.
    expect(await t.run('demo')).toBe(2);
    expect(t.stderr()).toBe('error: demo works in the simulator only, and the backend is aws\nhint: drop --backend aws (or unset BATCHCTL_BACKEND) to use the simulator; `batchctl setup fargate` is the same first run against AWS\n');
  });
});

describe('sim helpers', () => {
  it('formatDuration shows the two largest units', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(90_000)).toBe('1m 30s');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe('3d 4h');
    expect(formatDuration(-65_000)).toBe('1m 5s');
  });
  it('describeLead says ahead, behind or in step', () => {
    expect(describeLead(600_000)).toBe('10m ahead of the wall clock');
    expect(describeLead(-5_000)).toBe('5s behind the wall clock');
    expect(describeLead(400)).toBe('in step with the wall clock');
  });
  it('formatCounts: non-zero, Batch first, singular and plural', () => {
    expect(formatCounts({ 'ec2:subnet': 3, jobs: 0, 'batch:job-queue': 1, 'x:new': 2 })).toBe('1 job queue, 3 subnets, 2 x:new');
    expect(formatCounts({ jobs: 0 })).toBe('nothing');
  });
  it('parses durations and speeds', () => {
    expect(positiveDuration('10m')).toBe(600_000);
    expect(positiveDuration('90')).toBe(90_000);
    expect(() => positiveDuration('0')).toThrow(/longer than zero/);
    expect(() => positiveDuration('-1s')).toThrow(/negative/);
    expect(parseSpeed('60x')).toBe(60);
    expect(parseSpeed('0.5')).toBe(0.5);
    expect(() => parseSpeed('-1')).toThrow(/greater than 0/);
  });
});
