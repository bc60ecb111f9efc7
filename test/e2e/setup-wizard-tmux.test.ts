/**
 * `batchctl setup fargate demo2` in a real terminal: tmux runs the built CLI against a fresh
 * simulator; the test types keys (send-keys) through every step of the wizard, accepting the
 * defaults except the queue priority, creates the stack, waits for the hello-world job's output
 * on the screen (capture-pane), and checks the stack with `ce list` / `queue list`.
 *
 * Needs tmux. Without it the test is skipped with a loud message, unless CI is set (then it fails).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';
import { HAVE_TMUX, terminal, warnWithoutTmux } from '../helpers/tmux.js';

warnWithoutTmux('test/e2e/setup-wizard-tmux.test.ts');

const COLUMNS = 100;
const ROWS = 32;
const { history, keys, type, waitFor, start, stop } = terminal('wizard');

/** A field's line on the screen: its label, then its value. */
function field(s: string, label: string): string {
  return s.split('\n').find((l) => l.replace(/^[›\s]+/, '').startsWith(label))?.trim() ?? '';
}

describe.runIf(HAVE_TMUX || process.env.BATCHCTL_TEST_IN_CI)('batchctl setup fargate: the wizard in tmux', () => {
  let box: Sandbox;

  beforeAll(async () => {
    box = sandbox();
    await start(box, COLUMNS, ROWS);
  }, 60_000);

  afterAll(async () => {
    // The shell and a dashboard may still be closing files in the sandbox: stop retries briefly.
    await stop(box);
  });

  it('steps through compute environment, queue, job definition and job, reviews the plan, creates the stack and shows the job\'s output', async () => {
    type(`node ${BIN} setup fargate demo2; echo "setup exited $?"`);
    keys('Enter');

    // 1. Compute environment: every field at its default, the default VPC's network picked.
    let s = await waitFor(/1 Compute environment › 2 Job queue/);
    expect(s).toContain('batchctl setup fargate · stack demo2 · sim');
    expect(field(s, 'Stack name')).toMatch(/^› Stack name\s+demo2$/);
    expect(field(s, 'Compute environment name')).toMatch(/demo2-ce$/);
    expect(field(s, 'Use Spot capacity?')).toMatch(/\[ \] no$/);
    expect(field(s, 'Maximum vCPUs')).toMatch(/128$/);
    expect(field(s, 'Subnets')).toMatch(/subnet-\w+, subnet-\w+/);
    expect(field(s, 'Security groups')).toMatch(/sg-\w+$/);
    for (const line of s.split('\n')) expect(line.length).toBeLessThanOrEqual(COLUMNS);
    keys('Enter');

    // 2. Job queue: priority 900 by default; type 500 over it.
    s = await waitFor('✓ Compute environment › 2 Job queue');
    expect(field(s, 'Job queue name')).toMatch(/demo2-queue$/);
    expect(field(s, 'Job queue priority')).toMatch(/900$/);
    keys('Down', 'C-u');
    type('5000');
    s = await waitFor('✗ priority must be an integer from 0 to 1000, not 5000');
    keys('Enter');
    await waitFor('! fix the field marked ✗ before going on');
    keys('BSpace', 'BSpace');
    s = await waitFor(/Job queue priority\s+50\s*\n/);
    type('0');
    s = await waitFor(/Job queue priority\s+500/);
    expect(s).not.toContain('✗');
    keys('Enter');

    // 3. Job definition: the hello-world image and command, the Fargate minimum.
    s = await waitFor('✓ Job queue › 3 Job definition');
    expect(field(s, 'Job definition name')).toMatch(/demo2-job-def$/);
    expect(field(s, 'Execution role')).toMatch(/ecsTaskExecutionRole$/);
    expect(field(s, 'Assign a public IP?')).toMatch(/\[x\] yes$/);
    expect(field(s, 'Container image')).toMatch(/public\.ecr\.aws\/amazonlinux\/amazonlinux:latest$/);
    expect(field(s, 'Command')).toMatch(/echo 'hello world'$/);
    expect(field(s, 'Job vCPUs')).toMatch(/0\.25$/);
    expect(field(s, 'Job memory')).toMatch(/512$/);
    keys('Enter');

    // 4. Job; then back to the queue and forward again: the typed priority is still there.
    s = await waitFor('✓ Job definition › 4 Job');
    expect(field(s, 'Submit the hello-world job?')).toMatch(/\[x\] yes$/);
    expect(field(s, 'Job name')).toMatch(/demo2-hello-world$/);
    keys('Escape');
    await waitFor('✓ Job queue › 3 Job definition');
    keys('BTab');
    s = await waitFor('✓ Compute environment › 2 Job queue');
    expect(field(s, 'Job queue priority')).toMatch(/500$/);
    keys('Tab');
    await waitFor('3 Job definition');
    keys('Enter');
    await waitFor('4 Job');
    keys('Enter');

    // 5. Review: the plan and the preflight, then Create.
    s = await waitFor(/network preflight: 10 passed/, 20_000);
    expect(s).toContain('Set up the fargate stack demo2 [sim]');
    expect(s).toMatch(/\d+\. create compute environment demo2-ce {2}batch:CreateComputeEnvironment/);
    expect(s).toMatch(/\d+\. create job queue demo2-queue {2}batch:CreateJobQueue/);
    expect(s).toMatch(/\d+\. submit job demo2-hello-world {2}batch:SubmitJob/);
    expect(s).toMatch(/Create {4}Back {4}Cancel/);
    keys('Enter');

    // 6. The job's output.
    s = await waitFor('setup exited 0', 90_000, history);
    expect(s).toContain('✓ setup fargate demo2: demo2-ce, demo2-queue, demo2-job-def, demo2-hello-world');
    expect(s).toContain('✓ create compute environment demo2-ce');
    expect(s).toMatch(/job +demo2-hello-world +SUCCEEDED/);
    expect(s).toContain('Output of demo2-hello-world');
    expect(s).toMatch(/\n {2}hello world\n/);
    // The wizard's frames were replaced by its last line: no step screen is left on the terminal.
    expect(s).not.toContain('Review and create');

    const ces = await box.run(['ce', 'list', '-o', 'json']);
    expect(ces.code, ces.stderr).toBe(0);
    const ce = (JSON.parse(ces.stdout) as { computeEnvironments: Array<Record<string, unknown>> }).computeEnvironments.find((c) => c.computeEnvironmentName === 'demo2-ce');
    expect(ce).toMatchObject({ state: 'ENABLED', status: 'VALID', tags: { 'batchctl:stack': 'demo2' }, computeResources: { type: 'FARGATE', maxvCpus: 128 } });
    const queues = await box.run(['queue', 'list', '-o', 'json']);
    expect(queues.code, queues.stderr).toBe(0);
    expect(queues.stdout).toMatch(/"jobQueueName": "demo2-queue"/);
    expect(queues.stdout).toMatch(/"priority": 500/);
  }, 180_000);

  it('ctrl-c cancels: exit 130, nothing created', async () => {
    type('clear');
    keys('Enter');
    type(`node ${BIN} setup fargate demo3; echo "setup exited $?"`);
    keys('Enter');
    await waitFor(/1 Compute environment › 2 Job queue/);
    keys('Enter');
    await waitFor('✓ Compute environment › 2 Job queue');
    keys('C-c');
    const s = await waitFor('setup exited 130');
    expect(s).toContain('cancelled: nothing was changed');
    const ces = await box.run(['ce', 'list', '-o', 'json']);
    expect(ces.stdout).not.toContain('demo3-ce');
  }, 60_000);
});
