import { existsSync, mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock, openSimBackend } from '../../../src/backend/sim/index.js';
import { FailureError } from '../../../src/errors.js';

const home = () => mkdtempSync(join(tmpdir(), 'batchctl-sim-'));

describe('sim store', () => {
  it('creates <home>/sim.db with mode-0700 directory and a seeded world', async () => {
    const dir = join(home(), 'nested');
    const sim = await openSimBackend({ home: dir, clock: new ManualClock(1_000), seed: 3 });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const st = sim.control.status();
    expect(st.path).toBe(join(dir, 'sim.db'));
    expect(st.region).toBe('us-east-1');
    expect(st.accountId).toBe('123456789012');
    expect(st.counts['ec2:subnet']).toBe(3);
    expect(st.counts['iam:role'] ?? 0).toBe(0);
    await sim.close();
  });

  it('refuses a corrupt file with a hint and leaves it untouched', async () => {
    const path = join(home(), 'sim.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to matter '.repeat(20));
    const before = readFileSync(path);
    const err = await openSimBackend({ path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FailureError);
    expect((err as FailureError).message).toContain(path);
    expect((err as FailureError).hint).toContain('batchctl sim reset');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a store from a newer batchctl and leaves it untouched', async () => {
    const path = join(home(), 'sim.db');
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(path);
    const err = await openSimBackend({ path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FailureError);
    expect((err as Error).message).toMatch(/schema version 999, newer/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('two handles on one file (two processes) see each other\'s writes', async () => {
    const path = join(home(), 'sim.db');
    const a = await openSimBackend({ path, seed: 1 });
    const b = await openSimBackend({ path, seed: 99 });
    await a.batch.createSchedulingPolicy({ name: 'from-a' });
    const seen = await b.batch.listSchedulingPolicies({});
    expect(seen.schedulingPolicies?.map((p) => p.arn)).toEqual(['arn:aws:batch:us-east-1:123456789012:scheduling-policy/from-a']);
    await b.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'x', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '64' }] } });
    const r = await a.batch.registerJobDefinition({ jobDefinitionName: 'jd', type: 'container', containerProperties: { image: 'x', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '64' }] } });
    expect(r.revision).toBe(2);
    await a.close();
    await b.close();
  });

  it('a failed operation rolls back everything it did, including the world advance before it', async () => {
    const path = join(home(), 'sim.db');
    const clock = new ManualClock(0);
    const sim = await openSimBackend({ path, clock });
    const net = (await sim.ec2.describeSubnets({})).Subnets!.map((s) => s.SubnetId!);
    const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups![0]!.GroupId!;
    await sim.batch.createComputeEnvironment({ computeEnvironmentName: 'ce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: net, securityGroupIds: [sg] } });
    clock.advance(60_000);
    // This call first moves the CE to VALID, then fails: both must be undone.
    await expect(sim.batch.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'nope' }] }))
      .rejects.toMatchObject({ name: 'ClientException', message: expect.stringContaining('computeEnvironmentOrder[0].computeEnvironment') });
    const raw = new Database(path, { readonly: true });
    const row = raw.prepare("SELECT status FROM resources WHERE kind = 'batch:compute-environment'").get() as { status: string };
    const worldNow = raw.prepare("SELECT value FROM meta WHERE key = 'world_now'").get() as { value: string };
    raw.close();
    expect(row.status).toBe('CREATING');
    expect(Number(worldNow.value)).toBe(0);
    expect((await sim.batch.describeJobQueues({})).jobQueues).toEqual([]);
    await sim.close();
  });

  it('enforces the 50 compute environment quota', async () => {
    const sim = await openSimBackend({ path: ':memory:', clock: new ManualClock(0) });
    const net = (await sim.ec2.describeSubnets({})).Subnets!.map((s) => s.SubnetId!);
    const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups![0]!.GroupId!;
    const mk = (name: string) => sim.batch.createComputeEnvironment({ computeEnvironmentName: name, type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: net, securityGroupIds: [sg] } });
    for (let i = 0; i < 50; i++) await mk(`ce${i}`);
    await expect(mk('ce50')).rejects.toThrow(/Maximum number of compute environments \(50\)/);
    expect(sim.control.status().counts['batch:compute-environment']).toBe(50);
    await sim.close();
  });

  it('persists the clock: advance and speed survive reopening; time never goes backwards', async () => {
    const path = join(home(), 'sim.db');
    const a = await openSimBackend({ path });
    const t0 = a.control.status().now;
    const t1 = a.control.advance(3_600_000).now;
    expect(t1 - t0).toBeGreaterThanOrEqual(3_600_000);
    a.control.setSpeed(60);
    await a.close();
    const b = await openSimBackend({ path });
    const st = b.control.status();
    expect(st.speed).toBe(60);
    expect(b.control.speed()).toBe(60);
    expect(st.now).toBeGreaterThanOrEqual(t1);
    expect(b.control.now()).toBeGreaterThanOrEqual(st.now);
    await b.close();
    // An explicit speed option is persisted too.
    const c = await openSimBackend({ path, speed: 2 });
    expect(c.control.status().speed).toBe(2);
    await c.close();
  });

  it('reset gives a fresh world with the same seed (deterministic ids)', async () => {
    const clock = new ManualClock(5_000);
    const sim = await openSimBackend({ path: ':memory:', clock, seed: 11 });
    const vpc1 = (await sim.ec2.describeVpcs({})).Vpcs![0]!.VpcId;
    await sim.batch.createSchedulingPolicy({ name: 'p' });
    sim.control.reset();
    expect((await sim.ec2.describeVpcs({})).Vpcs![0]!.VpcId).toBe(vpc1);
    expect((await sim.batch.listSchedulingPolicies({})).schedulingPolicies).toEqual([]);
    const other = await openSimBackend({ path: ':memory:', clock, seed: 11 });
    expect((await other.ec2.describeVpcs({})).Vpcs![0]!.VpcId).toBe(vpc1);
    expect(vpc1).toMatch(/^vpc-[0-9a-f]{17}$/);
  });

  it('logs one debug line per API call', async () => {
    const lines: string[] = [];
    const sim = await openSimBackend({ path: ':memory:', clock: new ManualClock(0), debug: (l) => lines.push(l) });
    await sim.batch.describeJobQueues({});
    await sim.batch.updateJobQueue({ jobQueue: 'nope' }).catch(() => undefined);
    expect(lines[0]).toMatch(/^sim batch\.DescribeJobQueues 200 \d+ms$/);
    expect(lines[1]).toMatch(/^sim batch\.UpdateJobQueue 400 ClientException \d+ms$/);
  });

  it('a transaction that changes nothing writes nothing, not even the instant; one that changes something stores it', async () => {
    const path = join(home(), 'sim.db');
    const clock = new ManualClock(0);
    const sim = await openSimBackend({ path, clock });
    const net = (await sim.ec2.describeSubnets({})).Subnets!.map((x) => x.SubnetId!);
    const sg = (await sim.ec2.describeSecurityGroups({})).SecurityGroups![0]!.GroupId!;
    await sim.batch.createComputeEnvironment({ computeEnvironmentName: 'ce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: net, securityGroupIds: [sg] } });
    const stored = () => {
      const raw = new Database(path, { readonly: true });
      const v = Number((raw.prepare("SELECT value FROM meta WHERE key = 'world_now'").get() as { value: string }).value);
      raw.close();
      return v;
    };
    const walSize = () => statSync(`${path}-wal`).size;
    // The CE becomes VALID 5 s after it was created: a read at 1 s has nothing due.
    clock.advance(1_000);
    const before = walSize();
    const early = await sim.batch.describeComputeEnvironments({});
    expect(early.computeEnvironments![0]!.status).toBe('CREATING');
    expect(stored()).toBe(0);
    expect(walSize()).toBe(before);
    expect(sim.control.now()).toBe(1_000);
    // At 60 s the CE's transition is due: the read applies it, and the instant is stored with it.
    clock.advance(59_000);
    const late = await sim.batch.describeComputeEnvironments({});
    expect(late.computeEnvironments![0]!.status).toBe('VALID');
    expect(stored()).toBe(60_000);
    expect(walSize()).toBeGreaterThan(before);
    await sim.close();
  });

  it('untilExit: close() leaves a small write-ahead log for the next process, and checkpoints a large one', async () => {
    const path = join(home(), 'sim.db');
    const a = await openSimBackend({ path, clock: new ManualClock(0), untilExit: true });
    await a.batch.createSchedulingPolicy({ name: 'p1' });
    await a.close();
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    // Another connection (the next process) reads the log back.
    const b = await openSimBackend({ path, clock: new ManualClock(0) });
    expect((await b.batch.listSchedulingPolicies({})).schedulingPolicies?.map((x) => x.arn)).toEqual(['arn:aws:batch:us-east-1:123456789012:scheduling-policy/p1']);
    await b.close();
    // A log past 2 MiB is checkpointed into the database and removed by a real close. (Another store:
    // `a`'s connection stays open in this process, as it would until its process exited.)
    const big = join(home(), 'sim.db');
    const c = await openSimBackend({ path: big, clock: new ManualClock(0), untilExit: true });
    const raw = new Database(big);
    raw.pragma('wal_autocheckpoint = 0');
    raw.exec('CREATE TABLE IF NOT EXISTS filler (x BLOB)');
    const put = raw.prepare('INSERT INTO filler VALUES (?)');
    raw.transaction(() => {
      for (let i = 0; i < 700; i++) put.run(Buffer.alloc(4000, i % 256));
    })();
    raw.close();
    // raw was not the last connection (c is open), so its close left the log.
    expect(statSync(`${big}-wal`).size).toBeGreaterThan(2 * 1024 * 1024);
    await c.close();
    expect(existsSync(`${big}-wal`)).toBe(false);
  });
});
