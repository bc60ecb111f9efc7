/** The plan runner's wait steps, SLR tolerance, fact reads and reported plans (commands/shared/plan-runner.ts). */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../src/backend/port.js';
import { applyPlan, applyReportedPlan, readFact } from '../../../../src/commands/shared/plan-runner.js';
import { createContext, type Context } from '../../../../src/context.js';
import type { ReportedPlan } from '../../../../src/domain/checks/plan-notes.js';
import type { Plan } from '../../../../src/domain/plan.js';
import { AwsShapedError, ExitCode } from '../../../../src/errors.js';
import { testStreams } from '../../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../../src/io/prompter.js';
import { waitStep } from '../../../../src/wizards/wait-steps.js';

/** A backend answering each `service.op` from a queue of responses (the last one repeats). */
function scripted(kind: 'aws' | 'sim', responses: Record<string, unknown[]>) {
  const calls: Array<[string, unknown]> = [];
  const advanced: number[] = [];
  const facet = (service: string) =>
    new Proxy({}, {
      get: (_t, op: string) => async (input: unknown) => {
        calls.push([`${service}.${op}`, input]);
        const q = responses[`${service}.${op}`] ?? [{}];
        const r = q.length > 1 ? q.shift() : q[0];
        if (r instanceof Error) throw r;
        return r;
      },
    });
  const backend = {
    kind, label: kind === 'sim' ? 'sim' : 'aws:us-east-1', region: 'us-east-1',
    batch: facet('batch'), ec2: facet('ec2'), iam: facet('iam'), logs: facet('logs'), eks: facet('eks'), close: async () => undefined,
    ...(kind === 'sim' ? { control: { advance: (ms: number) => void advanced.push(ms) } } : {}),
  } as unknown as Backend;
  return { backend, calls, advanced };
}

function context(backend: Backend, flags: { yes?: boolean; dryRun?: boolean; output?: string } = { yes: true }) {
  const s = testStreams();
  const ctx: Context = createContext({ io: s.io, env: { BATCHCTL_CONFIG: '/nonexistent/c.json' }, prompter: scriptedPrompter([]), backendFactory: async () => backend });
  ctx.configure(flags);
  return { ctx, ...s };
}

const ce = (status: string, statusReason?: string) => ({ computeEnvironments: [{ computeEnvironmentName: 'ce1', state: 'ENABLED', status, ...(statusReason ? { statusReason } : {}) }] });
const plan: Plan = {
  title: 'Make ce1',
  steps: [
    { service: 'batch', operation: 'CreateComputeEnvironment', input: { computeEnvironmentName: 'ce1' }, reason: 'r', title: 'create compute environment ce1' },
    waitStep('WaitForComputeEnvironments', ['ce1'], { status: 'VALID' }, 'a queue needs it VALID', { status: 'INVALID' }),
  ],
};

describe('wait steps', () => {
  it('in the simulator, polls DescribeComputeEnvironments and advances the simulated clock instead of sleeping', async () => {
    const f = scripted('sim', { 'batch.describeComputeEnvironments': [ce('CREATING'), ce('CREATING'), ce('VALID')] });
    const t = context(f.backend);
    const r = await applyPlan(t.ctx, plan, { sleep: () => Promise.reject(new Error('must not sleep')) });
    expect(r.outputs[1]).toEqual(ce('VALID'));
    expect(f.calls.map(([op]) => op)).toEqual(['batch.createComputeEnvironment', 'batch.describeComputeEnvironments', 'batch.describeComputeEnvironments', 'batch.describeComputeEnvironments']);
    expect(f.calls[1]![1]).toEqual({ computeEnvironments: ['ce1'] });
    expect(f.advanced).toEqual([5000, 5000]);
    expect(t.stderr()).toBe([
      '✓ create compute environment ce1',
      '… wait until compute environment ce1 is VALID (ce1: ENABLED/CREATING)',
      '✓ wait until compute environment ce1 is VALID',
      '',
    ].join('\n'));
  });

  it('against AWS, sleeps between polls', async () => {
    const f = scripted('aws', { 'batch.describeComputeEnvironments': [ce('CREATING'), ce('VALID')] });
    const slept: number[] = [];
    await applyPlan(context(f.backend).ctx, plan, { sleep: async (ms) => void slept.push(ms), pollMs: 2000 });
    expect(slept).toEqual([2000]);
  });

  it('a compute environment that turns INVALID fails the plan with its statusReason (exit 1)', async () => {
    const f = scripted('sim', { 'batch.describeComputeEnvironments': [ce('CREATING'), ce('INVALID', 'CLIENT_ERROR - Not authorized to perform sts:AssumeRole')] });
    const err = (await applyPlan(context(f.backend).ctx, plan).catch((e: unknown) => e)) as { message: string; exitCode: number };
    expect(err.exitCode).toBe(ExitCode.FAILURE);
    expect(err.message).toContain('✗ wait until compute environment ce1 is VALID: ce1 is INVALID: CLIENT_ERROR - Not authorized to perform sts:AssumeRole');
  });

  it('a timeout is a PendingError (exit 8) naming what is still pending', async () => {
    const f = scripted('sim', { 'batch.describeComputeEnvironments': [ce('CREATING')] });
    const err = (await applyPlan(context(f.backend).ctx, plan, { waitTimeoutMs: 20_000 }).catch((e: unknown) => e)) as { message: string; exitCode: number; hint: string };
    expect(err.exitCode).toBe(ExitCode.PENDING);
    expect(err.message).toContain('still ce1: ENABLED/CREATING after 20s');
    expect(f.advanced).toEqual([5000, 5000, 5000, 5000]);
    expect(err.hint).toMatch(/--timeout/);
  });

  it('--dry-run --emit aws-cli prints a shell loop for a wait step', async () => {
    const f = scripted('aws', {});
    const t = context(f.backend, { dryRun: true });
    await applyPlan(t.ctx, plan, { emit: 'aws-cli' });
    const [create, wait] = t.stdout().trim().split('\n');
    expect(create).toBe(`aws batch create-compute-environment --region us-east-1 --cli-input-json '{"computeEnvironmentName":"ce1"}'`);
    expect(wait).toBe(`while :; do case "$(aws batch describe-compute-environments --region us-east-1 --compute-environments ce1 --query "join('/', computeEnvironments[0].[status])" --output text)" in VALID) break;; esac; sleep 5; done`);
    expect(f.calls).toEqual([]);
  });
});

describe('CreateServiceLinkedRole', () => {
  const slr: Plan = { title: 'slr', steps: [{ service: 'iam', operation: 'CreateServiceLinkedRole', input: { AWSServiceName: 'batch.amazonaws.com' }, reason: 'r', title: 'create service-linked role' }] };
  it('"has been taken" counts as done', async () => {
    const taken = new AwsShapedError('InvalidInputException', 'Service role name AWSServiceRoleForBatch has been taken in this account, please try a different suffix.');
    const f = scripted('aws', { 'iam.createServiceLinkedRole': [taken] });
    const t = context(f.backend);
    expect((await applyPlan(t.ctx, slr)).applied).toBe(true);
  });
  it('other errors still fail', async () => {
    const f = scripted('aws', { 'iam.createServiceLinkedRole': [new AwsShapedError('AccessDenied', 'no', 403)] });
    await expect(applyPlan(context(f.backend).ctx, slr)).rejects.toMatchObject({ exitCode: ExitCode.AUTH });
  });
});

describe('readFact', () => {
  it('concatenates every page (nextToken, NextToken and IAM Marker)', async () => {
    const f = scripted('aws', {
      'batch.describeComputeEnvironments': [{ computeEnvironments: [{ computeEnvironmentName: 'a' }], nextToken: 't1' }, { computeEnvironments: [{ computeEnvironmentName: 'b' }] }],
      'iam.listAttachedRolePolicies': [{ AttachedPolicies: [{ PolicyName: 'x' }], IsTruncated: true, Marker: 'm1' }, { AttachedPolicies: [{ PolicyName: 'y' }], IsTruncated: false }],
    });
    expect(await readFact(f.backend, { service: 'batch', operation: 'DescribeComputeEnvironments', input: {} })).toEqual({ computeEnvironments: [{ computeEnvironmentName: 'a' }, { computeEnvironmentName: 'b' }] });
    expect(await readFact(f.backend, { service: 'iam', operation: 'ListAttachedRolePolicies', input: { RoleName: 'r' } })).toEqual({ AttachedPolicies: [{ PolicyName: 'x' }, { PolicyName: 'y' }] });
    expect(f.calls[1]![1]).toEqual({ nextToken: 't1' });
    expect(f.calls[3]![1]).toEqual({ RoleName: 'r', Marker: 'm1' });
  });
  it("records NoSuchEntity as 'missing' and lets other errors through", async () => {
    const f = scripted('aws', { 'iam.getRole': [new AwsShapedError('NoSuchEntityException', 'The role with name x cannot be found.', 404)], 'iam.getInstanceProfile': [new AwsShapedError('AccessDenied', 'no', 403)] });
    expect(await readFact(f.backend, { service: 'iam', operation: 'GetRole', input: { RoleName: 'x' } })).toBe('missing');
    await expect(readFact(f.backend, { service: 'iam', operation: 'GetInstanceProfile', input: {} })).rejects.toThrow('no');
  });
});

describe('applyReportedPlan', () => {
  const reported = (conflicts: ReportedPlan['conflicts']): ReportedPlan => ({
    ...plan, steps: [plan.steps[0]!], skipped: [{ kind: 'job-queue', name: 'q', note: 'exists, matches' }], conflicts,
  });
  const conflict = { kind: 'compute-environment' as const, name: 'ce0', reason: 'mismatch' as const, message: 'ce0 differs', differences: ['maxvCpus: existing 4, wanted 8'], fix: 'update it' };

  it('refuses to apply while there are conflicts (exit 1), showing them', async () => {
    const f = scripted('aws', {});
    const t = context(f.backend);
    const err = (await applyReportedPlan(t.ctx, reported([conflict])).catch((e: unknown) => e)) as { exitCode: number; message: string };
    expect(err.exitCode).toBe(1);
    expect(err.message).toBe('Make ce1: 1 conflict with what exists; nothing was changed');
    expect(t.stderr()).toContain('  ✗ compute-environment ce0: ce0 differs\n      maxvCpus: existing 4, wanted 8\n      fix: update it\n');
    expect(f.calls).toEqual([]);
  });

  it('--dry-run -o json includes skipped and conflicts, and still exits 1 on a conflict', async () => {
    const f = scripted('aws', {});
    const t = context(f.backend, { dryRun: true, output: 'json' });
    const err = (await applyReportedPlan(t.ctx, reported([conflict])).catch((e: unknown) => e)) as { exitCode: number };
    expect(err.exitCode).toBe(1);
    const out = JSON.parse(t.stdout());
    expect(out.skipped).toEqual([{ kind: 'job-queue', name: 'q', note: 'exists, matches' }]);
    expect(out.conflicts[0].name).toBe('ce0');
  });

  it('with --yes, says what it leaves alone before applying', async () => {
    const f = scripted('aws', {});
    const t = context(f.backend);
    await applyReportedPlan(t.ctx, reported([]));
    expect(t.stderr()).toBe('  unchanged:\n  · job-queue q: exists, matches\n');
    expect(f.calls.map(([op]) => op)).toEqual(['batch.createComputeEnvironment']);
  });
});
