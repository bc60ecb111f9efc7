/**
 * `batchctl top` in a real terminal: tmux runs the built CLI against a simulator with a running
 * workload; the test types keys (send-keys), reads the screen (capture-pane) and checks that the
 * terminal is restored when the dashboard ends.
 *
 * Needs tmux. Without it the test is skipped with a loud message, unless CI is set (then it fails).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';
import { HAVE_TMUX, pause, terminal, warnWithoutTmux } from '../helpers/tmux.js';

warnWithoutTmux('test/e2e/top.test.ts');

const { tmux, session, screen, keys, type, waitFor, start, stop } = terminal('top');

describe.runIf(HAVE_TMUX || process.env.BATCHCTL_TEST_IN_CI)('batchctl top in tmux', () => {
  let box: Sandbox;
  let hogId = '';

  beforeAll(async () => {
    box = sandbox();
    const ok = async (args: string[]) => {
      const r = await box.run(args, { timeoutMs: 60_000 });
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r.stdout.trim();
    };
    await ok(['demo']);
    // The hog takes the whole compute environment (16 vCPUs), so the waiters stay RUNNABLE.
    await ok(['--yes', 'ce', 'update', 'demo-ce', '--max-vcpus', '16']);
    hogId = await ok(['--yes', 'job', 'submit', '-q', 'demo-queue', '-d', 'demo-job-def', '-n', 'hog', '--vcpus', '16', '--memory', '32768', '--quiet', '--command', "sh -c 'echo tick 1; sleep 20; echo tick 2; sleep 20; echo tick 3; sleep 100000'"]);
    for (const n of ['waiter-1', 'waiter-2']) await ok(['--yes', 'job', 'submit', '-q', 'demo-queue', '-d', 'demo-job-def', '-n', n, '--quiet']);
    await start(box, 130, 32);
  }, 120_000);

  afterAll(async () => {
    // The shell and a dashboard may still be closing files in the sandbox: stop retries briefly.
    await stop(box);
  });

  it('navigates queues → jobs → logs → back, filters, cancels with confirmation, follows a resize, quits and restores the terminal', async () => {
    // --sim-speed 10: simulated time runs 10x, so the jobs move on screen.
    type(`node ${BIN} --sim-speed 10 top; echo "top exited $?"`);
    keys('Enter');
    let s = await waitFor(/demo-queue\s+ENABLED\s+VALID/);
    expect(s).toMatch(/batchctl top │ sim │ refresh 2s │ api \d+\/min/);
    expect(s).toContain('<enter> jobs');
    expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');
    // Every line fits, and the frame is at most one row shorter than the pane.
    for (const line of s.split('\n')) expect(line.length).toBeLessThanOrEqual(130);

    // Queues → jobs of demo-queue.
    keys('Enter');
    s = await waitFor(/Jobs › demo-queue.*\n[\s\S]*hog\s+RUNNING/);
    expect(s).toMatch(/waiter-1\s+RUNNABLE/);

    // Filter to the hog, open its logs, which follow live.
    type('/hog');
    keys('Enter');
    s = await waitFor('/hog');
    expect(s).not.toContain('waiter-1');
    keys('l');
    s = await waitFor(`Logs › ${hogId}`);
    await waitFor('tick 1');
    s = await waitFor('tick 2', 20_000);
    expect(s).toContain('following');

    // Esc twice in one send (tmux passes ESC ESC, which Ink reads as one Alt+Esc): back to the
    // jobs, then the filter is cleared.
    keys('Escape', 'Escape');
    s = await waitFor(/waiter-1\s+RUNNABLE/);
    expect(s).toMatch(/Jobs › demo-queue[\s\S]*hog\s+RUNNING/);

    // Cancel waiter-1 after confirming.
    type('/waiter-1');
    keys('Enter');
    await waitFor(/\/waiter-1/);
    keys('c');
    s = await waitFor('Cancel job waiter-1');
    expect(s).toContain('It goes FAILED now.');
    // Esc then c at once (ESC c, what tmux sends for Alt+c): the dialog closes and c asks again.
    keys('Escape', 'c');
    s = await waitFor(/Cancel job waiter-1[\s\S]*nothing changed/);
    keys('y');
    await waitFor('cancel requested for waiter-1');
    s = await waitFor(/waiter-1\s+FAILED\s+-\s+Cancelled from batchctl top/);

    // A narrower, shorter window: the layout follows.
    tmux('resize-window', '-t', session, '-x', '90', '-y', '20');
    await pause(500);
    s = await waitFor(/waiter-1\s+FAILED/);
    const lines = s.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(90);
    expect(lines.filter((l) => l.includes('batchctl top │'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('<enter> open'))).toHaveLength(1);

    // Quit: the shell is back on the normal screen, with top's exit code.
    keys('q');
    s = await waitFor('top exited 0');
    expect(s).not.toContain('batchctl top │');
    expect(s).toContain(`--sim-speed 10 top`);
    expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
  }, 120_000);

  it('Ctrl-C also restores the terminal', async () => {
    // If the first test failed half-way, its dashboard is still up.
    if (tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim() === '1') {
      keys('C-c');
      await pause(1000);
    }
    tmux('resize-window', '-t', session, '-x', '130', '-y', '32');
    keys('clear', 'Enter');
    type(`node ${BIN} top --readonly; echo "top exited $?"`);
    keys('Enter');
    const s = await waitFor(/demo-queue\s+ENABLED/);
    expect(s).toContain('read-only');
    expect(s).not.toContain('<e> enable');
    keys('C-c');
    await waitFor(/top exited \d+/);
    expect(tmux('display-message', '-p', '-t', session, '#{alternate_on}').trim()).toBe('0');
    expect(screen()).not.toContain('batchctl top │');
  }, 60_000);
});

describe('batchctl top without a terminal', () => {
  it('exits 2 and points to job list --watch', async () => {
    const box = sandbox();
    try {
      const r = await box.run(['top']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('needs a terminal');
      expect(r.stderr).toContain('job list --queue QUEUE --watch');
    } finally {
      box.cleanup();
    }
  });
});
