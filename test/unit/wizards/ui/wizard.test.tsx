/** The setup wizard, screen by screen, in ink-testing-library. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAnswers } from '../../../../src/wizards/defaults.js';
import { FAIL, fargatePlan, KEY, PASS, start, type Driver } from './harness.js';

const open: Driver[] = [];
afterEach(() => {
  while (open.length) open.pop()!.unmount();
});
async function wizard(...args: Parameters<typeof start>): Promise<Driver> {
  const d = await start(...args);
  open.push(d);
  return d;
}

/** The line of a field: its label, two spaces or more, its value. */
const line = (frame: string, label: string) => frame.split('\n').find((l) => l.replace(/^[›\s]+/, '').startsWith(label)) ?? '';

describe('step 1: compute environment', () => {
  it('shows every field with its default, the focused field\'s hint and flag, and the steps', async () => {
    const d = await wizard();
    const f = d.frame();
    expect(f).toContain('batchctl setup fargate · stack demo · sim');
    expect(f).toContain('1 Compute environment › 2 Job queue › 3 Job definition › 4 Job › 5 Review and create');
    expect(line(f, 'Stack name')).toMatch(/^› Stack name\s+demo ?$/);
    expect(f).toContain('prefix of every resource name · --name');
    expect(line(f, 'Compute environment name')).toMatch(/demo-ce$/);
    expect(line(f, 'Use Spot capacity?')).toMatch(/\[ \] no$/);
    expect(line(f, 'Maximum vCPUs')).toMatch(/128$/);
    expect(line(f, 'Subnets')).toMatch(/subnet-0a, subnet-0b, subnet-0c$/);
    expect(line(f, 'Security groups')).toMatch(/sg-0default$/);
    expect(f).toContain('↑↓ field · space pick · enter/tab next · esc/shift-tab back · ctrl-c cancel');
  });

  it('validates as typed: the error shows under the field, and goes when the text is fixed', async () => {
    const d = await wizard();
    await d.press(KEY.down, KEY.down, KEY.down); // Maximum vCPUs
    await d.press(KEY.backspace, KEY.backspace, KEY.backspace);
    expect(await d.until('enter a whole number')).toMatch(/✗ enter a whole number/);
    await d.type('1x');
    expect(await d.until('"1x" is not a whole number')).toContain('✗ "1x" is not a whole number');
    await d.press(KEY.backspace);
    await d.type('6');
    const f = d.frame();
    expect(line(f, 'Maximum vCPUs')).toMatch(/16 ?$/);
    expect(f).not.toContain('✗');
  });

  it('a bad stack name is reported with validateAnswers\' message; the names derived from it follow it', async () => {
    const d = await wizard();
    await d.press(KEY.ctrlU);
    await d.type('-bad');
    await d.until('✗ stack name "-bad" must start with a letter or digit');
    await d.press(KEY.ctrlU);
    await d.type('prod');
    const f = d.frame();
    expect(f).toContain('stack prod · sim');
    expect(line(f, 'Compute environment name')).toMatch(/prod-ce$/);
    await d.press(KEY.enter);
    expect(line(d.frame(), 'Job queue name')).toMatch(/prod-queue ?$/);
  });

  it('the cursor edits in place: ←, Home, typing, backspace', async () => {
    const d = await wizard();
    await d.press(KEY.down); // Compute environment name: demo-ce
    await d.press(KEY.left, KEY.left, KEY.left);
    await d.type('-main');
    expect(line(d.frame(), 'Compute environment name')).toMatch(/demo-main-ce$/);
    await d.press(KEY.home);
    await d.type('x');
    await d.press(KEY.right, KEY.backspace);
    expect(line(d.frame(), 'Compute environment name')).toMatch(/xemo-main-ce$/);
  });

  it('subnets: space picks from the region\'s subnets; two VPCs is an error that blocks the next step', async () => {
    const d = await wizard();
    await d.press(KEY.down, KEY.down, KEY.down, KEY.down); // Subnets, cursor on the first
    let f = d.frame();
    expect(f).toContain('3 of 4 picked');
    expect(f).toMatch(/› ◉ subnet-0a {2}us-east-1a {2}172\.31\.0\.0\/20 {2}vpc-0default \(default\)/);
    expect(f).toMatch(/◯ subnet-0other {2}us-east-1a {2}10\.0\.0\.0\/24 {2}vpc-0other {2}other-a/);
    await d.press(KEY.down, KEY.down, KEY.down, KEY.space);
    f = await d.until('different VPCs');
    expect(f).toContain('✗ the subnets are in different VPCs (vpc-0default, vpc-0other); a\n');
    expect(f).toMatch(/\n {30}compute environment's subnets must share one\n/);
    await d.press(KEY.enter);
    f = d.frame();
    expect(f).toContain('! fix the field marked ✗ before going on');
    expect(f).toContain('1 Compute environment ›');
    // Unpick the others: only subnet-0other, then its VPC's group.
    await d.press(KEY.up, KEY.space, KEY.up, KEY.space, KEY.up, KEY.space);
    expect(line(d.frame(), 'Subnets')).toMatch(/0 of 4 picked|1 of 4 picked/);
    await d.press(KEY.down, KEY.down, KEY.down, KEY.down); // leaves the list: Security groups, groups of vpc-0other first
    f = await d.until('sg-0default is in vpc-0default');
    expect(f).toMatch(/› ◯ sg-0other {2}default {2}vpc-0other/);
    await d.press(KEY.space, KEY.down, KEY.space);
    f = d.frame();
    expect(f).not.toContain('✗');
    expect(line(f, 'Security groups')).toMatch(/1 of 2 picked/);
    await d.press(KEY.enter);
    await d.until('2 Job queue');
  });

  it('spot on switches an EC2 allocation strategy to the Spot one; off switches it back', async () => {
    const d = await wizard({ platform: 'ec2', initial: defaultAnswers('ec2', 'demo', { subnets: ['subnet-0a'], securityGroupIds: ['sg-0default'] }) });
    await d.press(KEY.down, KEY.down, KEY.space); // Use Spot capacity?
    let f = d.frame();
    expect(line(f, 'Use Spot capacity?')).toMatch(/\[x\] yes$/);
    expect(line(f, 'Allocation strategy')).toMatch(/SPOT_PRICE_CAPACITY_OPTIMIZED$/);
    await d.press(KEY.space);
    f = d.frame();
    expect(line(f, 'Allocation strategy')).toMatch(/BEST_FIT_PROGRESSIVE$/);
    await d.press(...Array(6).fill(KEY.down), KEY.space); // space moves the pick on
    f = d.frame();
    expect(line(f, 'Allocation strategy')).toMatch(/› Allocation strategy\s+BEST_FIT$/);
    expect(f).toMatch(/○ BEST_FIT_PROGRESSIVE\n\s+● BEST_FIT\n/);
    expect(line(f, 'Desired vCPUs')).toMatch(/0$/);
    expect(line(f, 'Instance profile')).toMatch(/ecsInstanceRole$/);
    expect(line(f, 'Allowed instance types')).toMatch(/optimal$/);
  });
});

describe('step 3: job definition', () => {
  it('an invalid Fargate vCPU/memory pair blocks Next until it is fixed', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.enter);
    let f = await d.until('3 Job definition');
    expect(line(f, 'Command')).toMatch(/echo 'hello world'$/);
    expect(line(f, 'Assign a public IP?')).toMatch(/\[x\] yes$/);
    await d.press(...Array(7).fill(KEY.down)); // Job memory
    expect(d.frame()).toContain('Fargate with 0.25 vCPU: 512, 1024, 2048 · --memory');
    await d.press(KEY.ctrlU);
    await d.type('3000');
    f = await d.until('✗ Fargate with 0.25 vCPU takes 512, 1024, 2048 MiB, not 3000');
    await d.press(KEY.enter);
    f = d.frame();
    expect(f).toContain('! fix the field marked ✗ before going on');
    expect(f).toContain('› Job memory');
    await d.press(KEY.tab);
    expect(d.frame()).toContain('3 Job definition ›');
    // 1 vCPU takes 2048–8192: change the vCPUs instead.
    await d.press(KEY.up, KEY.ctrlU);
    await d.type('1');
    await d.until('✗ Fargate with 1 vCPU takes 2048–8192 MiB in steps of 1024, not 3000');
    await d.press(KEY.down, KEY.ctrlU);
    await d.type('4096');
    expect(d.frame()).not.toContain('✗');
    await d.press(KEY.enter);
    await d.until('4 Job');
  });

  it('the command is split like a shell; an open quote is an error', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.enter, ...Array(5).fill(KEY.down), KEY.ctrlU);
    await d.type('sh -c "echo hi');
    await d.until('✗ unterminated double quote');
    await d.type('"');
    await d.press(KEY.enter, KEY.enter);
    await d.until('5 Review and create');
    expect(d.reviews.at(-1)!.command).toEqual(['sh', '-c', 'echo hi']);
  });
});

describe('back and forward', () => {
  it('keeps every value: Enter/Tab forward, Esc/Shift-Tab back, ←/→ on fields that are not text', async () => {
    const d = await wizard();
    await d.press(KEY.down, KEY.down, KEY.space); // Spot on
    await d.press(KEY.right); // → on a checkbox: next step
    await d.until('2 Job queue');
    await d.press(KEY.down, KEY.ctrlU);
    await d.type('42');
    await d.press(KEY.tab);
    await d.until('3 Job definition');
    await d.press(KEY.esc);
    let f = await d.until('2 Job queue');
    expect(line(f, 'Job queue priority')).toMatch(/42 ?$/);
    expect(f).toContain('› Job queue priority');
    await d.press(KEY.shiftTab);
    f = await d.until('1 Compute environment');
    expect(line(f, 'Use Spot capacity?')).toMatch(/\[x\] yes$/);
    expect(f).toContain('› Use Spot capacity?');
    await d.press(KEY.enter, KEY.enter, KEY.enter);
    await d.until('4 Job');
    await d.press(KEY.space); // no job
    await d.press(KEY.left); // ← on a checkbox: back
    await d.until('3 Job definition');
    await d.press(KEY.enter, KEY.enter);
    await d.until('5 Review and create');
    const a = d.reviews.at(-1)!;
    expect(a).toMatchObject({ spot: true, priority: 42, noJob: true, stack: 'demo' });
  });

  it('keys that arrive in one chunk (a fast Enter Enter, a held Backspace) count one by one', async () => {
    const d = await wizard();
    await d.press('\r\r');
    let f = await d.until('3 Job definition');
    await d.press(...Array(7).fill(KEY.down), '\x7f\x7f\x7f');
    f = await d.until('✗ enter a whole number');
    expect(line(f, 'Job memory')).toMatch(/Job memory\s*$/);
  });

  it('a step taller than the terminal scrolls to keep the focused field in view', async () => {
    const d = await wizard({ platform: 'ec2', rows: 16, initial: defaultAnswers('ec2', 'demo', { subnets: ['subnet-0a'], securityGroupIds: ['sg-0default'] }) });
    let f = d.frame();
    expect(f).toContain('↓ more fields');
    expect(f).not.toContain('↑ more fields');
    expect(f).not.toContain('Security groups');
    await d.press(...Array(16).fill(KEY.down)); // through the four subnets, to the groups
    f = d.frame();
    expect(f).toContain('↑ more fields');
    expect(f).toContain('› Security groups');
    expect(f).not.toContain('Stack name');
    expect(f.split('\n').length).toBeLessThanOrEqual(15);
  });

  it('Esc Esc in one read goes back two steps, and Esc glued to a key is Esc then that key', async () => {
    const d = await wizard();
    await d.press('\r\r');
    await d.until('3 Job definition');
    await d.press(KEY.esc + KEY.esc);
    await d.until('1 Compute environment');
    await d.press(KEY.enter);
    await d.until('2 Job queue');
    await d.press(KEY.esc + '\r'); // back to step 1, then Enter: forward again
    await d.until('2 Job queue');
    expect(d.done()).toBe('pending');
  });

  it('Esc on the first step only says how to cancel', async () => {
    const d = await wizard();
    await d.press(KEY.esc);
    expect(d.frame()).toContain('! this is the first step; ctrl-c cancels the setup');
    expect(d.done()).toBe('pending');
  });
});

describe('review', () => {
  it('shows the plan as setup --dry-run does, the preflight, and Create returns the answers', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    const f = await d.until('Set up the fargate stack demo [sim]');
    expect(f).toContain('5 Review and create');
    expect(f).toContain('   1. create role ecsTaskExecutionRole  iam:CreateRole');
    expect(f).toContain('      no role named ecsTaskExecutionRole');
    expect(f).toContain('   2. create compute environment demo-ce  batch:CreateComputeEnvironment');
    expect(f).toContain('   5. submit job demo-hello-world  batch:SubmitJob');
    expect(f).toContain('network preflight (the default VPC vpc-0default): 1 passed, 0 warnings, 0 failed');
    expect(f).toMatch(/ Create {4}Back {4}Cancel/);
    expect(d.reviews).toHaveLength(1);
    await d.press(KEY.enter);
    await d.until('✓ setup fargate demo: demo-ce, demo-queue, demo-job-def, demo-hello-world');
    expect(d.done()).toEqual(d.reviews[0]);
  });

  it('is built again only when the answers changed', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await d.until('1. create role');
    await d.press(KEY.esc, KEY.enter);
    await d.until('1. create role');
    expect(d.reviews).toHaveLength(1);
    await d.press(KEY.esc, KEY.shiftTab, KEY.shiftTab, KEY.shiftTab, KEY.ctrlU);
    await d.type('other');
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await d.until('Set up the fargate stack other');
    expect(d.reviews.map((a) => a.stack)).toEqual(['demo', 'other']);
  });

  it('a plan taller than the screen scrolls', async () => {
    const d = await wizard({ rows: 16 });
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    let f = await d.until('Set up the fargate stack demo');
    expect(f).toMatch(/↓ \d+ more lines/);
    expect(f).toContain('network preflight'); // first: one line, above the plan
    expect(f).not.toContain('5. submit job demo-hello-world');
    expect(f.split('\n').length).toBeLessThanOrEqual(15);
    await d.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down);
    f = d.frame();
    expect(f).toContain('5. submit job demo-hello-world');
    expect(f).toMatch(/↑ \d+ more lines/);
  });

  it('answers the account rejects block Create; Back goes to the field', async () => {
    const d = await wizard({ review: async () => ({ checks: [], issues: [{ field: '--subnets', message: 'no such subnet: subnet-0a' }] }) });
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    const f = await d.until('The account rejects this answer:');
    expect(f).toContain('✗ --subnets: no such subnet: subnet-0a (step 1)');
    await d.press(KEY.enter);
    expect(d.frame()).toContain('! the account rejects some answers: Back goes to the first one');
    expect(d.done()).toBe('pending');
    await d.press(KEY.right, KEY.enter);
    const back = await d.until('1 Compute environment');
    expect(back).toContain('› Subnets');
  });

  it('a preflight FAIL blocks Create, unless --ignore-checks', async () => {
    const review = async (a: Parameters<NonNullable<Parameters<typeof start>[0]>['review'] & object>[0]) => ({ plan: fargatePlan(a.stack), checks: [PASS, FAIL], issues: [] });
    const d = await wizard({ review });
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    const f = await d.until('network preflight: 1 passed, 0 warnings, 1 failed');
    expect(f).toContain('FAIL  subnet-0a can reach the internet');
    expect(f).toContain('fix: add a NAT gateway route');
    await d.press(KEY.enter);
    expect(d.frame()).toContain('! the network preflight failed: change the network, or run with --ignore-checks');
    const ignoring = await wizard({ review, facts: { ignoreChecks: true } });
    await ignoring.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ignoring.until('1 failed');
    await ignoring.press(KEY.enter);
    expect(ignoring.done()).toMatchObject({ stack: 'demo' });
  });

  it('a review that fails to read the account says why and blocks Create', async () => {
    const d = await wizard({ review: async () => Promise.reject(new Error('AccessDenied: not allowed to iam:GetRole')) });
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await d.until('✗ AccessDenied: not allowed to iam:GetRole');
    await d.press(KEY.enter);
    expect(d.frame()).toContain('! the plan could not be built');
    expect(d.done()).toBe('pending');
  });
});

describe('cancel', () => {
  it('ctrl-c on any step resolves undefined', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.ctrlC);
    await d.until(/^$/);
    expect(d.done()).toBeUndefined();
  });

  it('the Cancel button too', async () => {
    const d = await wizard();
    await d.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await d.until('1. create role');
    await d.press(KEY.right, KEY.right, KEY.enter);
    await d.until(/^$/);
    expect(d.done()).toBeUndefined();
  });
});

describe('EKS', () => {
  it('asks for the cluster (a list when the region has clusters) and the namespace, which follows the stack name', async () => {
    const initial = defaultAnswers('eks', 'demo', { subnets: ['subnet-0a'], securityGroupIds: ['sg-0default'] });
    const d = await wizard({ platform: 'eks', initial, facts: { clusters: ['blue', 'green'] } });
    let f = d.frame();
    expect(line(f, 'EKS cluster name')).toMatch(/\(none\)$/);
    expect(line(f, 'Kubernetes namespace')).toMatch(/aws-batch-demo$/);
    expect(f).toContain('✗ the EKS cluster name is required');
    await d.press(KEY.ctrlU);
    await d.type('Team');
    await d.press(KEY.down, KEY.space);
    f = d.frame();
    expect(f).toMatch(/● blue\n.*○ green/);
    await d.press(KEY.space);
    f = d.frame();
    expect(line(f, 'EKS cluster name')).toMatch(/green$/);
    await d.press(KEY.down);
    f = d.frame();
    expect(line(f, 'Kubernetes namespace')).toMatch(/aws-batch-team$/);
    expect(f).toContain('✗ the EKS node instance profile is required');
  });
});
