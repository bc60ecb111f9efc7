import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/backend/port.js';
import { applyPlan } from '../../../src/commands/shared/plan-runner.js';
import { createContext, type Context } from '../../../src/context.js';
import type { Plan } from '../../../src/domain/plan.js';
import { AwsShapedError, CancelledError, ExitCode, UsageError, clientException } from '../../../src/errors.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';

/** A backend that records every call and answers from `responses` (a thrown value fails the call). */
function fakeBackend(responses: Record<string, unknown> = {}) {
  const calls: Array<[string, unknown]> = [];
  const facet = (service: string) =>
    new Proxy({}, {
      get: (_t, op: string) => async (input: unknown) => {
        calls.push([`${service}.${op}`, input]);
        const r = responses[`${service}.${op}`];
        if (r instanceof Error) throw r;
        return r ?? {};
      },
    });
  const backend = { kind: 'sim', label: 'sim', region: 'us-east-1', batch: facet('batch'), ec2: facet('ec2'), iam: facet('iam'), logs: facet('logs'), eks: facet('eks'), close: async () => undefined } as unknown as Backend;
  return { backend, calls };
}

function setup(opts: { tty?: boolean; answers?: Array<string | boolean>; flags?: { yes?: boolean; dryRun?: boolean; output?: string }; responses?: Record<string, unknown> } = {}) {
  const s = testStreams({ tty: opts.tty });
  const fake = fakeBackend(opts.responses);
  const prompter = scriptedPrompter(opts.answers ?? []);
  const ctx: Context = createContext({ io: s.io, env: { BATCHCTL_CONFIG: '/nonexistent/c.json' }, prompter, backendFactory: async () => fake.backend });
  ctx.configure(opts.flags ?? {});
  return { ...s, ctx, calls: fake.calls, prompter };
}

const plan: Plan = {
  title: 'Create the queue world',
  steps: [
    { service: 'batch', operation: 'CreateComputeEnvironment', input: { computeEnvironmentName: 'ce1' }, reason: 'capacity', title: 'create compute environment ce1' },
    { service: 'batch', operation: 'CreateJobQueue', input: { jobQueueName: 'q1' }, reason: 'a queue', title: 'create job queue q1' },
  ],
};

describe('applyPlan', () => {
  it('--dry-run prints the plan and calls nothing', async () => {
    const s = setup({ flags: { dryRun: true } });
    expect(await applyPlan(s.ctx, plan)).toEqual({ applied: false, outputs: [] });
    expect(s.calls).toEqual([]);
    expect(s.stdout()).toBe(
      [
        'Create the queue world [sim]',
        '   1. create compute environment ce1  batch:CreateComputeEnvironment',
        '      capacity',
        '   2. create job queue q1  batch:CreateJobQueue',
        '      a queue',
        'dry run: nothing was changed',
        '',
      ].join('\n'),
    );
  });

  it('--dry-run -o json prints the plan as data', async () => {
    const s = setup({ flags: { dryRun: true, output: 'json' } });
    await applyPlan(s.ctx, plan);
    const out = JSON.parse(s.stdout());
    expect(out).toMatchObject({ dryRun: true, world: 'sim', title: 'Create the queue world' });
    expect(out.steps[1]).toEqual({ title: 'create job queue q1', service: 'batch', operation: 'CreateJobQueue', reason: 'a queue', input: { jobQueueName: 'q1' } });
  });

  it('--dry-run wins over --yes', async () => {
    const s = setup({ flags: { dryRun: true, yes: true } });
    await applyPlan(s.ctx, plan);
    expect(s.calls).toEqual([]);
  });

  it('--emit aws-cli prints the equivalent aws commands', async () => {
    const s = setup({ flags: { dryRun: true } });
    await applyPlan(s.ctx, plan, { emit: 'aws-cli' });
    expect(s.stdout()).toBe(`aws batch create-compute-environment --cli-input-json '{"computeEnvironmentName":"ce1"}'\naws batch create-job-queue --cli-input-json '{"jobQueueName":"q1"}'\n`);
  });

  it('--yes applies every step in order, with progress on stderr', async () => {
    const s = setup({ flags: { yes: true }, responses: { 'batch.createJobQueue': { jobQueueName: 'q1' } } });
    const r = await applyPlan(s.ctx, plan);
    expect(r.applied).toBe(true);
    expect(r.outputs).toEqual([{}, { jobQueueName: 'q1' }]);
    expect(s.calls).toEqual([
      ['batch.createComputeEnvironment', { computeEnvironmentName: 'ce1' }],
      ['batch.createJobQueue', { jobQueueName: 'q1' }],
    ]);
    expect(s.stderr()).toBe('✓ create compute environment ce1\n✓ create job queue q1\n');
    expect(s.stdout()).toBe('');
  });

  it('without a terminal and without --yes it refuses, names --yes, and changes nothing', async () => {
    const s = setup();
    const err = await applyPlan(s.ctx, plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(ExitCode.USAGE);
    expect((err as UsageError).message).toBe('refusing to create the queue world (2 changes) without confirmation');
    expect((err as UsageError).hint).toMatch(/--yes/);
    expect(s.calls).toEqual([]);
    expect(s.prompter.asked).toEqual([]);
  });

  it('a single-step plan is named by its step', async () => {
    const s = setup();
    await expect(applyPlan(s.ctx, { title: 'x', steps: [plan.steps[1]!] })).rejects.toThrow('refusing to create job queue q1 without confirmation');
  });

  it('on a terminal it shows the plan and asks; declining is a CancelledError (exit 130) with nothing changed', async () => {
    const s = setup({ tty: true, answers: [false] });
    const err = await applyPlan(s.ctx, plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(ExitCode.INTERRUPTED);
    expect(s.prompter.asked).toEqual(['Apply these 2 changes?']);
    expect(s.stderr()).toContain('1. create compute environment ce1');
    expect(s.calls).toEqual([]);
  });

  it('on a terminal, accepting applies', async () => {
    const s = setup({ tty: true, answers: [true] });
    expect((await applyPlan(s.ctx, plan, { question: 'Go?' })).applied).toBe(true);
    expect(s.prompter.asked).toEqual(['Go?']);
    expect(s.calls).toHaveLength(2);
  });

  it('noConfirm applies without asking, even without a terminal', async () => {
    const s = setup();
    expect((await applyPlan(s.ctx, plan, { noConfirm: true })).applied).toBe(true);
    expect(s.calls).toHaveLength(2);
  });

  it('an empty plan needs no confirmation', async () => {
    const s = setup();
    expect(await applyPlan(s.ctx, { title: 'nothing', steps: [] })).toEqual({ applied: true, outputs: [] });
  });

  it('afterStep runs after each step, before the next', async () => {
    const s = setup({ flags: { yes: true } });
    const seen: string[] = [];
    await applyPlan(s.ctx, plan, { afterStep: async (step, _out, i) => void seen.push(`${i}:${step.operation}:${s.calls.length}`) });
    expect(seen).toEqual(['0:CreateComputeEnvironment:1', '1:CreateJobQueue:2']);
  });

  it('a failing step reports what was done, what failed and what was not attempted, with its exit code', async () => {
    const s = setup({ flags: { yes: true }, responses: { 'batch.createComputeEnvironment': clientException('computeEnvironmentName ce1 already exists') } });
    const three: Plan = { ...plan, steps: [{ ...plan.steps[0]!, title: 'first', operation: 'DescribeJobQueues' }, ...plan.steps] };
    const err = (await applyPlan(s.ctx, three).catch((e: unknown) => e)) as { message: string; exitCode: number; hint?: string };
    expect(err.message).toBe(
      [
        'Create the queue world stopped at step 2 of 3:',
        '  ✓ first',
        '  ✗ create compute environment ce1: computeEnvironmentName ce1 already exists',
        '  · create job queue q1 (not attempted)',
      ].join('\n'),
    );
    expect(err.exitCode).toBe(ExitCode.USAGE);
    expect(err.hint).toMatch(/run the same command again/);
    expect(s.calls.map(([op]) => op)).toEqual(['batch.describeJobQueues', 'batch.createComputeEnvironment']);
  });

  it('a failing single step is reported as the error itself', async () => {
    const s = setup({ flags: { yes: true }, responses: { 'batch.createJobQueue': new AwsShapedError('AccessDeniedException', 'no', 403) } });
    const err = (await applyPlan(s.ctx, { title: 't', steps: [plan.steps[1]!] }).catch((e: unknown) => e)) as { exitCode: number; message: string };
    expect(err.exitCode).toBe(ExitCode.AUTH);
    expect(err.message).toBe('AccessDeniedException: no');
  });
});
