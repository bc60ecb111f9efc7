/**
 * `setup` on a terminal without --yes: the command runs the wizard (a stand-in, or the real Ink
 * wizard on fake streams) with the flags as initial answers, and applies the plan the review
 * showed without asking again. Against the in-memory simulator.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { setupPlatformCommand } from '../../../../src/commands/setup/index.js';
import { runSetup } from '../../../../src/commands/setup/run.js';
import type { WizardRunner } from '../../../../src/commands/setup/wizard.js';
import { createContext } from '../../../../src/context.js';
import { CancelledError } from '../../../../src/errors.js';
import { testStreams } from '../../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../../src/io/prompter.js';
import type { SetupAnswers } from '../../../../src/wizards/defaults.js';
import type { WizardFacts, WizardReview } from '../../../../src/wizards/ui/fields.js';
import { runSetupWizard } from '../../../../src/wizards/ui/index.js';
import { defaultNetwork, harness } from '../../commands/setup/helpers.js';
import { KEY, settle } from './harness.js';

const mutations = (calls: string[]) => calls.filter((c) => /^(create|register|update|delete|deregister|attach|detach|submit|tag)/.test(c.split('.')[1]!));

/** Runs `setup <platform> ...args` on a terminal (canPrompt) with `wizard` standing in for the Ink wizard. */
async function setupOnTerminal(wizard: WizardRunner, args: string[], globals: { yes?: boolean; dryRun?: boolean } = {}, platform: 'fargate' | 'eks' = 'fargate', before?: (h: ReturnType<typeof harness>) => Promise<void>) {
  const h = harness();
  await before?.(h);
  const streams = testStreams({ tty: true });
  const ctx = createContext({
    io: streams.io,
    env: { HOME: '/nonexistent-home', BATCHCTL_CONFIG: '/nonexistent/config.json' },
    // No answers: a confirmation prompt would fail the test.
    prompter: scriptedPrompter([]),
    backendFactory: h.backend,
    now: () => h.clock.now(),
  });
  Object.assign(ctx.config, globals);
  let error: unknown;
  try {
    await setupPlatformCommand(ctx, platform, (c, o) => runSetup(c, { ...o, wizard })).parseAsync(args, { from: 'user' });
  } catch (err) {
    error = err;
  }
  return { h, error, stdout: streams.stdout(), stderr: streams.stderr() };
}

describe('setup on a terminal without --yes runs the wizard', () => {
  it('with the flags and the default network as initial answers, the region\'s subnets and groups as choices; Create applies the plan the review showed, without asking again', async () => {
    let seen: { initial?: SetupAnswers; facts?: WizardFacts; review?: WizardReview } = {};
    const wizard: WizardRunner = async (_ctx, platform, initial, facts) => {
      expect(platform).toBe('fargate');
      seen = { initial, facts, review: await facts.review(initial) };
      return initial;
    };
    const r = await setupOnTerminal(wizard, ['hello', '--max-vcpus', '16']);
    expect(r.error).toBeUndefined();
    const { subnets, sg, vpc } = await defaultNetwork(await r.h.sim());
    expect(seen.initial).toMatchObject({ stack: 'hello', maxvCpus: 16, subnets, securityGroupIds: [sg], priority: 900, memory: 512 });
    expect(seen.facts!.world).toBe('sim');
    expect(seen.facts!.subnets.map((s) => s.SubnetId).sort()).toEqual([...subnets].sort());
    expect(seen.facts!.securityGroups.map((g) => g.GroupId)).toContain(sg);
    expect(seen.facts!.vpcs.map((v) => v.VpcId)).toContain(vpc);
    expect(seen.review!.issues).toEqual([]);
    const titles = seen.review!.plan!.steps.map((s) => s.title);
    expect(titles).toContain('create compute environment hello-ce');
    expect(titles.at(-1)).toBe('submit job hello-hello-world');
    // Every step shown was applied, in order, and nothing asked.
    const done = r.stderr.split('\n').filter((l) => l.startsWith('✓ ') && !l.startsWith('✓ network')).map((l) => l.slice(2));
    expect(done).toEqual(titles);
    expect(r.stdout).toMatch(/job +hello-hello-world +SUCCEEDED/);
    expect(r.stdout).toContain('Output of hello-hello-world');
    const ce = (await (await r.h.sim()).batch.describeComputeEnvironments({ computeEnvironments: ['hello-ce'] })).computeEnvironments![0]!;
    expect(ce.computeResources!.maxvCpus).toBe(16);
  });

  it('applies the answers the wizard returns (not the flags)', async () => {
    const wizard: WizardRunner = async (_ctx, _p, initial, facts) => {
      const a = { ...initial, stack: 'other', computeEnvironmentName: 'other-ce', jobQueueName: 'other-queue', jobDefinitionName: 'other-job-def', noJob: true, vcpus: 1, memory: 3072 } as SetupAnswers;
      await facts.review(a);
      return a;
    };
    const r = await setupOnTerminal(wizard, ['hello']);
    expect(r.error).toBeUndefined();
    const b = await r.h.sim();
    expect((await b.batch.describeComputeEnvironments({ computeEnvironments: ['hello-ce'] })).computeEnvironments).toEqual([]);
    const jd = (await b.batch.describeJobDefinitions({ jobDefinitionName: 'other-job-def', status: 'ACTIVE' })).jobDefinitions![0]!;
    expect(jd.containerProperties!.resourceRequirements).toEqual(expect.arrayContaining([{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '3072' }]));
    expect(r.stdout).not.toContain('hello-world');
  });

  it('answers the wizard never reviewed are prepared before they are applied', async () => {
    const wizard: WizardRunner = async (_ctx, _p, initial) => ({ ...initial, noJob: true });
    const r = await setupOnTerminal(wizard, ['hello']);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain('✓ register job definition hello-job-def');
  });

  it('invalid flags are answers to fix in the wizard, not an error before it', async () => {
    let initial: SetupAnswers | undefined;
    const wizard: WizardRunner = async (_ctx, _p, i) => {
      initial = i;
      return undefined;
    };
    const r = await setupOnTerminal(wizard, ['hello', '--vcpus', '3']);
    expect(initial).toMatchObject({ vcpus: 3 });
    expect(r.error).toBeInstanceOf(CancelledError);
  });

  it('cancel: CancelledError (exit 130) and nothing changed', async () => {
    const wizard: WizardRunner = async (_ctx, _p, initial, facts) => {
      await facts.review(initial);
      return undefined;
    };
    const r = await setupOnTerminal(wizard, ['hello']);
    expect(r.error).toBeInstanceOf(CancelledError);
    expect((r.error as CancelledError).exitCode).toBe(130);
    expect((r.error as CancelledError).message).toBe('cancelled: nothing was changed');
    expect(mutations(r.h.calls)).toEqual([]);
  });

  it('the review checks the answers against the account (a subnet that does not exist)', async () => {
    let review: WizardReview | undefined;
    const wizard: WizardRunner = async (_ctx, _p, initial, facts) => {
      review = await facts.review({ ...initial, subnets: ['subnet-0nope'] });
      return undefined;
    };
    await setupOnTerminal(wizard, ['hello']);
    expect(review!.issues).toEqual([{ field: '--subnets', message: 'no such subnet: subnet-0nope' }]);
    expect(review!.plan).toBeUndefined();
  });

  it('EKS without --eks-cluster: the region\'s only cluster is the default, with its network; the clusters are the choices', async () => {
    let seen: { initial?: SetupAnswers; facts?: WizardFacts } = {};
    const wizard: WizardRunner = async (_ctx, _p, initial, facts) => {
      seen = { initial, facts };
      return undefined;
    };
    const r = await setupOnTerminal(wizard, ['k1'], {}, 'eks', async (h) => {
      const c = await h.run('sim', 'eks', 'create-cluster', 'blue');
      expect(c.code, c.stderr).toBe(0);
    });
    expect(r.error).toBeInstanceOf(CancelledError);
    expect(seen.facts!.clusters).toEqual(['blue']);
    expect(seen.initial).toMatchObject({ platform: 'eks', clusterName: 'blue', kubernetesNamespace: 'aws-batch-k1' });
    expect(seen.initial!.subnets.length).toBeGreaterThan(0);
  });

  it('--yes and --dry-run do not run it', async () => {
    const wizard: WizardRunner = async () => {
      throw new Error('the wizard ran');
    };
    const yes = await setupOnTerminal(wizard, ['hello', '--no-job'], { yes: true });
    expect(yes.error).toBeUndefined();
    const dry = await setupOnTerminal(wizard, ['hello'], { dryRun: true });
    expect(dry.error).toBeUndefined();
    expect(dry.stdout).toContain('dry run: nothing was changed');
  });
});

/** Just enough of a terminal for Ink: a stdin keys are written to, a stdout that keeps what is drawn. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
class FakeStdout extends EventEmitter {
  columns = 100;
  rows = 40;
  isTTY = true;
  written = '';
  write(s: string): boolean {
    this.written += s;
    return true;
  }
}

describe('the Ink wizard through the command', () => {
  it('Enter through every step accepting the defaults, then Create: the stack is created and the job runs', async () => {
    const stdin = new FakeStdin();
    const output = new FakeStdout();
    let reviewed = false;
    const wizard: WizardRunner = (ctx, platform, initial, facts) =>
      runSetupWizard(ctx, platform, initial, { ...facts, review: (a) => facts.review(a).finally(() => (reviewed = true)) }, { stdin: stdin as never, output: output as never });
    const drive = (async () => {
      for (let i = 0; i < 200 && stdin.listenerCount('readable') === 0; i++) await settle();
      for (let i = 0; i < 4; i++) {
        stdin.write(KEY.enter);
        await settle();
      }
      for (let i = 0; i < 200 && !reviewed; i++) await settle();
      await settle();
      stdin.write(KEY.enter);
    })();
    const r = await setupOnTerminal(wizard, ['demo2']);
    await drive;
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain('Output of demo2-hello-world');
    expect(r.stdout).toContain('  hello world');
    expect(output.written).toContain('setup fargate demo2: demo2-ce, demo2-queue, demo2-job-def, demo2-hello-world');
  });
});
