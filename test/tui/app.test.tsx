/**
 * The dashboard as a user drives it, in ink-testing-library: a fake backend, fake model timers,
 * a fixed terminal size. Frames are read without colour.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { palette, stripAnsi } from '../../src/io/color.js';
import { App } from '../../src/tui/app.js';
import { ApiMeter } from '../../src/tui/models/api-meter.js';
import type { ModelEnv } from '../../src/tui/models/env.js';
import type { Route } from '../../src/tui/routes.js';
import { fakeBackend, FakeTimers, job, queue, type FakeBackend } from './fake-backend.js';

const ARROW_DOWN = '\u001B[B';
const ESC = '\u001B';
const ENTER = '\r';
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

function world(): FakeBackend {
  const b = fakeBackend({
    queues: [queue('alpha', { priority: 10 }), queue('beta', { priority: 5, state: 'DISABLED' })],
    ces: [{ computeEnvironmentName: 'ce1', computeEnvironmentArn: 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce1', type: 'MANAGED', state: 'ENABLED', status: 'VALID', computeResources: { type: 'EC2', minvCpus: 0, desiredvCpus: 4, maxvCpus: 16, subnets: [], instanceRole: 'r', instanceTypes: ['m5.large'] } }],
  });
  b.world.jobs.push(
    job('r1', 'alpha', 'RUNNING', { jobName: 'render', createdAt: T0 - 120_000, startedAt: T0 - 60_000, container: { logStreamName: 'jd/default/t1' } }),
    job('w1', 'alpha', 'RUNNABLE', { jobName: 'waiting', createdAt: T0 - 30_000, statusReason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY - no capacity' }),
    job('s1', 'alpha', 'SUCCEEDED', { jobName: 'done', createdAt: T0 - 600_000, startedAt: T0 - 590_000, stoppedAt: T0 - 500_000, container: { exitCode: 0 } }),
    job('a1', 'alpha', 'PENDING', { jobName: 'sweep', createdAt: T0 - 10_000, arrayProperties: { size: 100, statusSummary: { SUCCEEDED: 30, FAILED: 7, RUNNING: 3 } } }),
  );
  b.world.front[b.world.queues[0]!.jobQueueArn!] = ['w1'];
  b.world.logs['jd/default/t1'] = [
    { timestamp: T0 - 50_000, message: 'starting render' },
    { timestamp: T0 - 40_000, message: 'frame 1 of 3' },
  ];
  return b;
}

interface Harness {
  backend: FakeBackend;
  timers: FakeTimers;
  frame(): string;
  press(...keys: string[]): Promise<void>;
  tick(ms?: number): Promise<void>;
  until(text: string | RegExp): Promise<string>;
  untilNot(text: RegExp): Promise<string>;
  unmount(): void;
}

const open: Harness[] = [];
afterEach(() => {
  while (open.length) open.pop()!.unmount();
});

async function settle(): Promise<void> {
  // React 19's scheduler needs a macrotask or two to flush (Shopify's waitForInputsToBeReady).
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 5));
}

function start(opts: { readonly?: boolean; initial?: Route; backend?: FakeBackend; columns?: number; rows?: number } = {}): Harness {
  const backend = opts.backend ?? world();
  const timers = new FakeTimers();
  timers.time = T0;
  const env: ModelEnv = { backend, timers, intervalMs: 2000, worldNow: () => T0 };
  const meter = new ApiMeter(backend, timers);
  const r = render(<App env={env} meter={meter} world="aws:us-east-1" readonly={Boolean(opts.readonly)} palette={palette(false)} initial={opts.initial} size={{ columns: opts.columns ?? 120, rows: opts.rows ?? 30 }} wallNow={() => timers.time} />);
  const h: Harness = {
    backend,
    timers,
    frame: () => stripAnsi(r.lastFrame() ?? ''),
    press: async (...keys) => {
      for (const k of keys) {
        r.stdin.write(k);
        await settle();
      }
    },
    tick: async (ms = 50) => {
      await timers.advance(ms);
      await settle();
    },
    until: async (text) => {
      for (let i = 0; i < 100; i++) {
        const f = h.frame();
        if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
        await timers.advance(50);
        await settle();
      }
      throw new Error(`never saw ${String(text)} in:\n${h.frame()}`);
    },
    untilNot: async (text) => {
      for (let i = 0; i < 100; i++) {
        if (!text.test(h.frame())) return h.frame();
        await timers.advance(50);
        await settle();
      }
      throw new Error(`${String(text)} never went from:\n${h.frame()}`);
    },
    unmount: () => r.unmount(),
  };
  open.push(h);
  return h;
}

describe('dashboard', () => {
  it('starts on the queues view: counts per state, blocked head, front of queue, header and footer', async () => {
    const h = start();
    const f = await h.until('alpha');
    const lines = f.split('\n');
    expect(lines[0]).toMatch(/batchctl top │ aws:us-east-1 │ refresh 2s │ api \d+\/min/);
    expect(f).toMatch(/NAME\s+STATE\s+STATUS\s+PRI\s+COMPUTE ENVS\s+SUBMIT\s+PEND\s+RUNNABLE\s+START\s+RUN\s+SUCC\s+FAIL/);
    expect(f).toMatch(/alpha\s+ENABLED\s+VALID\s+10\s+ce1\s+0\s+1\s+1\s+0\s+1\s+1\s+0/);
    expect(f).toMatch(/beta\s+DISABLED/);
    expect(f).toContain('CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY');
    expect(f).toMatch(/front of queue \(1 in dispatch order\)/);
    expect(f).toContain('<enter> jobs');
    expect(f).toContain('<e> enable');
    // The frame is one row shorter than the terminal.
    expect(lines.length).toBeLessThanOrEqual(29);
  });

  it('opens a queue\'s jobs: states, array progress, attempts; then details and logs; esc goes back', async () => {
    const h = start();
    await h.until('alpha');
    await h.press(ENTER);
    let f = await h.until('render');
    expect(f).toContain('Jobs › alpha');
    expect(f).toMatch(/ID\s+NAME\s+STATUS\s+KIND\s+REASON\s+CREATED\s+STARTED\s+DURATION\s+ATTEMPT\s+EXIT/);
    f = await h.until(/sweep\s+PENDING 37\/100/);
    expect(f).toMatch(/r1\s+render\s+RUNNING\s+-\s+-\s+2m ago\s+1m ago\s+1m00s\s+1\s+-/);
    expect(f).toContain('4 jobs: 1 PENDING · 1 RUNNABLE · 1 RUNNING · 1 SUCCEEDED');
    // Newest first: sweep, waiting, render, done. Move to "render" and describe it.
    await h.press(ARROW_DOWN, 'j', 'd');
    f = await h.until('Definition');
    expect(f).toContain('Job › r1');
    await h.press(ESC);
    await h.until('Jobs › alpha');
    await h.press('l');
    f = await h.until('frame 1 of 3');
    expect(f).toContain('following');
    h.backend.world.logs['jd/default/t1']!.push({ timestamp: T0, message: 'frame 2 of 3' });
    await h.tick(2000);
    f = await h.until('frame 2 of 3');
    await h.press('t');
    f = await h.until(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} starting render/);
    await h.press('s');
    expect(h.frame()).toContain('paused');
    await h.press(ESC, ESC);
    await h.until('Queues');
  });

  it('a multi-node job: KIND mnp N, enter lists its nodes, detail lists them, logs per node with [ ]', async () => {
    const b = world();
    const mnp = { numNodes: 3, mainNode: 0, nodeRangeProperties: [] };
    b.world.jobs.push(job('m1', 'alpha', 'RUNNING', { jobName: 'train', createdAt: T0 - 5_000, startedAt: T0 - 4_000, nodeProperties: mnp }));
    for (let n = 0; n < 3; n++) {
      b.world.jobs.push(
        job(`m1#${n}`, 'alpha', 'RUNNING', { jobName: 'train', createdAt: T0 - 5_000, startedAt: T0 - 4_000, nodeDetails: { nodeIndex: n, isMainNode: n === 0 }, container: { logStreamName: `jd/default/node${n}` } }),
      );
      b.world.logs[`jd/default/node${n}`] = [{ timestamp: T0 - 3_000, message: `hello from node ${n}` }];
    }
    const h = start({ backend: b, initial: { kind: 'jobs', queue: 'alpha' } });
    let f = await h.until(/m1\s+train\s+RUNNING\s+mnp 3/);
    // The nodes are not listed as jobs of the queue.
    expect(f).not.toContain('m1#');
    await h.press(ENTER);
    f = await h.until(/m1#0\s+train\s+RUNNING\s+main/);
    expect(f).toContain('Jobs › alpha › nodes of train');
    expect(f).toMatch(/m1#2\s+train\s+RUNNING\s+node/);
    expect(b.calls.some((c) => c.op === 'listJobs' && (c.input as { multiNodeJobId?: string }).multiNodeJobId === 'm1')).toBe(true);
    await h.press('j', 'l');
    f = await h.until('hello from node 1');
    expect(f).toContain('Logs › m1#1');
    expect(f).toContain('<[ ]> node');
    await h.press(']');
    await h.until('hello from node 2');
    await h.press(']');
    await h.until('hello from node 0');
    await h.press('[');
    await h.until('hello from node 2');
    // Back to the nodes, back to the queue's jobs; l on the job opens its main node's log.
    await h.press(ESC, ESC);
    await h.until('Jobs › alpha  states');
    await h.press('l');
    f = await h.until('hello from node 0');
    expect(f).toContain('Logs › m1#0');
    // Cancel from a node's log: the dialog says it acts on the whole job.
    await h.press('c');
    expect(h.frame()).toContain('m1#0 is a node: this acts on the whole multi-node job m1.');
    await h.press('n');
    // The job itself has no log: :logs of it says where the logs are.
    await h.press(':logs m1', ENTER);
    await h.until('a multi-node job has no log of its own');
    await h.press(ESC);
    await h.until('Logs › m1#0');
    await h.press(ESC, 'd');
    f = await h.until('Nodes');
    expect(f).toContain('multi-node (3 nodes, main node 0)');
    expect(f).toMatch(/#0\s+RUNNING · main/);
    expect(f).toMatch(/#2\s+RUNNING/);
  });

  it('the REASON of a failed job is the container\'s when the job\'s is ECS\'s generic one (OOM)', async () => {
    const b = world();
    b.world.jobs.push(
      job('o1', 'alpha', 'FAILED', { jobName: 'hog', createdAt: T0 - 1_000, startedAt: T0 - 900, stoppedAt: T0 - 800, statusReason: 'Essential container in task exited', container: { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' } }),
    );
    const h = start({ backend: b, initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until(/o1\s+hog\s+FAILED\s+-\s+OutOfMemoryError: Container killed/);
  });

  it('fetches details only for the rows on screen', async () => {
    const b = world();
    for (let i = 0; i < 200; i++) b.world.jobs.push(job(`bulk${i}`, 'alpha', 'SUCCEEDED', { createdAt: T0 - 1_000_000 - i }));
    const h = start({ backend: b, rows: 20 });
    await h.until('alpha');
    await h.press(ENTER);
    await h.until('render');
    await h.tick(300);
    const described = b.calls.filter((c) => c.op === 'describeJobs').flatMap((c) => (c.input as { jobs: string[] }).jobs);
    expect(described.length).toBeGreaterThan(0);
    expect(described.length).toBeLessThanOrEqual(20);
    expect(described.some((id) => id === 'bulk199')).toBe(false);
  });

  it('filters with a regex, inverts with !, and clears with esc', async () => {
    const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until('render');
    // Keys are handled one per render: wait for each filter to show rather than read the next frame.
    await h.press('/', 'rend', ENTER);
    let f = await h.untilNot(/waiting/);
    expect(f).toContain('render');
    await h.press('/', '\x7f'.repeat(4), '!render|done', ENTER);
    f = await h.until('waiting');
    expect(f).not.toMatch(/\brender\b.*RUNNING/);
    await h.press(ESC);
    f = await h.until(/\brender\b/);
    expect(f).toContain('Jobs › alpha');
  });

  it('toggles job states with 1-7 (and lists fewer)', async () => {
    const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until('render');
    h.backend.reset();
    await h.press('6'); // SUCCEEDED off
    await h.tick(100);
    expect(h.frame()).not.toContain('done');
    expect(h.frame()).toContain('states SUBMIT,PEND,RUNNABLE,START,RUN,FAIL');
    const statuses = h.backend.calls.filter((c) => c.op === 'listJobs').map((c) => (c.input as { jobStatus: string }).jobStatus);
    expect(statuses).not.toContain('SUCCEEDED');
  });

  it('cycles the sort with s', async () => {
    const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until('render');
    await h.press('s');
    expect(h.frame()).toContain('sort:name');
    const order = h.frame().split('\n').filter((l) => /^(a1|r1|s1|w1)\s/.test(l)).map((l) => l.slice(0, 2));
    expect(order).toEqual(['s1', 'r1', 'a1', 'w1']); // done, render, sweep, waiting
  });

  it('cancels a job after confirmation, and does nothing when declined', async () => {
    const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until('render');
    await h.press('j'); // waiting (RUNNABLE)
    await h.press('c');
    let f = h.frame();
    expect(f).toContain('Cancel job waiting (w1)?');
    expect(f).toContain('It goes FAILED now.');
    await h.press('n');
    expect(h.backend.count('cancelJob')).toBe(0);
    expect(h.frame()).toContain('nothing changed');
    await h.press('c', 'y');
    await h.tick(100);
    expect(h.backend.calls.find((c) => c.op === 'cancelJob')?.input).toEqual({ jobId: 'w1', reason: 'Cancelled from batchctl top' });
    f = await h.until('cancel requested for waiting');
    await h.until(/w1\s+waiting\s+FAILED/);
  });

  it('terminates a running job; disables a queue; both after confirmation', async () => {
    const h = start();
    await h.until('alpha');
    await h.press('x');
    expect(h.frame()).toContain('Disable job queue alpha?');
    await h.press('y');
    await h.until('alpha: disable requested');
    expect(h.backend.world.queues[0]!.state).toBe('DISABLED');
    await h.press(ENTER);
    await h.until('render');
    await h.press('j', 'j', 't');
    expect(h.frame()).toContain('Terminate job render (r1)?');
    await h.press('y');
    await h.tick(100);
    expect(h.backend.count('terminateJob')).toBe(1);
  });

  it('--readonly hides every mutating key and ignores them', async () => {
    const h = start({ readonly: true, initial: { kind: 'jobs', queue: 'alpha' } });
    const f = await h.until('render');
    expect(f).toContain('read-only');
    expect(f).not.toContain('<c> cancel');
    expect(f).not.toContain('<t> terminate');
    await h.press('c', 't');
    expect(h.frame()).not.toContain('Cancel job');
    await h.press(ESC);
    await h.until('alpha');
    expect(h.frame()).not.toContain('<e> enable');
    await h.press('x');
    expect(h.frame()).not.toContain('Disable job queue');
    await h.press('?');
    expect(h.frame()).not.toContain('terminate');
  });

  it('command mode: :ce, :jobs QUEUE, :logs ID, :queues, unknown commands', async () => {
    const h = start();
    await h.until('alpha');
    await h.press(':ce', ENTER);
    let f = await h.until(/ce1\s+EC2\s+ENABLED\s+VALID\s+0\/4\/16\s+█/);
    expect(f).toContain('Compute environments');
    await h.press(':jobs alpha', ENTER);
    await h.until('Jobs › alpha');
    await h.press(':logs r1', ENTER);
    await h.until('starting render');
    await h.press(':nope', ENTER);
    expect(h.frame()).toContain('unknown command :nope');
    await h.press(':queues', ENTER);
    f = await h.until('Queues');
    expect(f).toContain('alpha');
  });

  it('keys typed in one read are handled one by one', async () => {
    const h = start();
    await h.until('alpha');
    await h.press(':ce\r');
    await h.until('Compute environments');
  });

  it('keys typed in one read act on what the key before them did (j j enter opens the third row)', async () => {
    const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
    await h.until('render');
    // Newest first: sweep, waiting, render, done.
    await h.press('jj\r');
    await h.until('Job › r1');
  });

  describe('Esc followed at once by a key (one read: ESC x, as a terminal or tmux sends Alt+x)', () => {
    it('closes the filter prompt, then the key acts: ESC / opens a new filter on the restored one', async () => {
      const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
      await h.until('render');
      await h.press('/', 'wait');
      await h.until(/^\/wait█/m);
      expect(h.frame()).not.toContain('render');
      await h.press(`${ESC}/`);
      // The typed filter was dropped by Esc; `/` opened a new prompt on the filter before it (none).
      const f = await h.until(/^\/█/m);
      expect(f).toContain('render');
      await h.press(`${ESC}q`);
      // Esc closed the prompt and q quit: the prompt is gone and the models stop.
      await h.untilNot(/^\/█/m);
      h.backend.reset();
      await h.tick(5000);
      expect(h.backend.count()).toBe(0);
    });

    it('closes a confirmation (nothing changes), then the key acts', async () => {
      const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
      await h.until('render');
      await h.press('j', 'c');
      expect(h.frame()).toContain('Cancel job waiting (w1)?');
      await h.press(`${ESC}j`, 'd');
      // Esc declined; j moved on to the next row, so d describes "render".
      await h.until('Job › r1');
      expect(h.backend.count('cancelJob')).toBe(0);
    });

    it('closes the help, then the key acts; ESC ESC is two escapes (back twice)', async () => {
      const h = start();
      await h.until('alpha');
      await h.press(ENTER);
      await h.until('render');
      await h.press('d');
      await h.until('Definition');
      await h.press(`${ESC}${ESC}`);
      await h.until('Queues');
      await h.press('?');
      expect(h.frame()).toContain('Navigation');
      await h.press(`${ESC}:`);
      const f = await h.until(/^:█/m);
      expect(f).not.toContain('Navigation');
    });

    it('ESC then an arrow (ESC ESC [B) is back, then down', async () => {
      const h = start({ initial: { kind: 'jobs', queue: 'alpha' } });
      await h.until('render');
      await h.press('/', 'x');
      await h.press(`${ESC}${ARROW_DOWN}`, 'd');
      // Esc dropped the filter (every row is back), ↓ moved to the second row: d describes "waiting".
      await h.until('Job › w1');
    });
  });

  it('the help scrolls on a short terminal and says how to close it', async () => {
    const h = start({ rows: 16 });
    await h.until('alpha');
    await h.press('?');
    let f = h.frame();
    expect(f).toContain('Navigation');
    expect(f).toMatch(/… \d+ more lines: ↓ scrolls · any other key closes/);
    await h.press('\u001B[6~', '\u001B[6~', '\u001B[6~'); // PgDn to the end (it stops there)
    f = h.frame();
    expect(f).toContain('previous / next node');
    expect(f).toContain('any other key closes');
    expect(f).not.toContain('Navigation');
    await h.press('x');
    expect(h.frame()).toContain('alpha');
    expect(h.frame()).not.toContain('any other key closes');
  });

  it('shows an error in the header and keeps the rows (stale)', async () => {
    const h = start();
    await h.until('alpha');
    h.backend.failNext(new Error('connect ECONNREFUSED'), 100);
    await h.tick(2000);
    const f = await h.until('ECONNREFUSED');
    expect(f).toContain('alpha');
    expect(f).toMatch(/showing data from \d+s ago/);
  });

  it('lays out for a narrow terminal by dropping columns', async () => {
    const h = start({ columns: 60, initial: { kind: 'jobs', queue: 'alpha' } });
    const f = await h.until('render');
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(f).toContain('STATUS');
  });

  it('q quits', async () => {
    const h = start();
    await h.until('alpha');
    await h.press('q');
    // After exit the models stop: no more calls.
    h.backend.reset();
    await h.tick(5000);
    expect(h.backend.count()).toBe(0);
  });
});
