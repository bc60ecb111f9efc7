/** Run tests for `batchctl teardown NAME` against the in-memory simulator. */
import { describe, expect, it } from 'vitest';
import { AwsShapedError } from '../../../../src/errors.js';
import { defaultNetwork, harness, leftovers, type Harness } from '../setup/helpers.js';

const mutations = (h: Harness) => h.calls.filter((c) => /^(create|register|update|delete|deregister|attach|detach|add|remove|submit|tag|untag)/.test(c.split('.')[1]!));
const empty = { computeEnvironments: [], jobQueues: [], jobDefinitions: [], roles: [], instanceProfiles: [] };

async function stack(h: Harness, platform = 'fargate', name = 'hello', ...extra: string[]) {
  const r = await h.run('setup', platform, name, '--yes', '--no-job', ...extra);
  expect(r.code, r.stderr).toBe(0);
}

describe('teardown', () => {
  it('after setup fargate, leaves nothing behind (roles only with --roles)', async () => {
    const h = harness();
    await stack(h);
    const r = await h.run('teardown', 'hello', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('✓'))).toEqual([
      '✓ disable job queue hello-queue',
      '✓ wait until job queue hello-queue is DISABLED and VALID|INVALID',
      '✓ delete job queue hello-queue',
      '✓ wait until job queue hello-queue is deleted',
      '✓ disable compute environment hello-ce',
      '✓ wait until compute environment hello-ce is DISABLED and VALID|INVALID',
      '✓ delete compute environment hello-ce',
      '✓ wait until compute environment hello-ce is deleted',
      '✓ deregister job definition hello-job-def:1',
      '✓ Tore down the stack hello [sim]',
    ]);
    expect(await leftovers(await h.sim())).toEqual({ ...empty, roles: ['ecsTaskExecutionRole'] });
    const roles = await h.run('teardown', 'hello', '--roles', '--yes');
    expect(roles.code, roles.stderr).toBe(0);
    expect(roles.stderr).toContain('✓ detach AmazonECSTaskExecutionRolePolicy from ecsTaskExecutionRole\n✓ delete role ecsTaskExecutionRole\n');
    expect(await leftovers(await h.sim())).toEqual(empty);
    // The service-linked role is shared by every compute environment of the account: it stays.
    await expect((await h.sim()).iam.getRole({ RoleName: 'AWSServiceRoleForBatch' })).resolves.toBeDefined();
  });

  it('after setup ec2 --roles removes the instance profile too', async () => {
    const h = harness();
    await stack(h, 'ec2');
    const r = await h.run('teardown', 'hello', '--roles', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✓ remove role ecsInstanceRole from instance profile ecsInstanceRole\n✓ delete instance profile ecsInstanceRole\n✓ detach AmazonEC2ContainerServiceforEC2Role from ecsInstanceRole\n✓ delete role ecsInstanceRole\n');
    expect(await leftovers(await h.sim())).toEqual(empty);
  });

  it('touches only the named stack', async () => {
    const h = harness();
    await stack(h, 'fargate', 'one');
    await stack(h, 'fargate', 'two');
    expect((await h.run('teardown', 'one', '--yes')).code).toBe(0);
    const left = await leftovers(await h.sim());
    expect(left.computeEnvironments).toEqual(['two-ce']);
    expect(left.jobQueues).toEqual(['two-queue']);
    expect(left.jobDefinitions).toEqual(['two-job-def:1']);
  });

  it('--dry-run shows the plan in dependency order and changes nothing; -o json too', async () => {
    const h = harness();
    await stack(h);
    h.calls.length = 0;
    const r = await h.run('teardown', 'hello', '--dry-run', '-o', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps.map((s: { operation: string }) => s.operation)).toEqual([
      'UpdateJobQueue', 'WaitForJobQueues', 'DeleteJobQueue', 'WaitForJobQueues',
      'UpdateComputeEnvironment', 'WaitForComputeEnvironments', 'DeleteComputeEnvironment', 'WaitForComputeEnvironments',
      'DeregisterJobDefinition',
    ]);
    const cli = await h.run('teardown', 'hello', '--dry-run', '--emit', 'aws-cli');
    expect(cli.stdout.split('\n')[0]).toBe(`aws batch update-job-queue --cli-input-json '{"jobQueue":"hello-queue","state":"DISABLED"}'`);
    expect(mutations(h)).toEqual([]);
  });

  it('works on a partial stack, and a re-run after an interruption does only what is left', async () => {
    const h = harness();
    await stack(h);
    let fail = true;
    h.overrides['batch.deleteComputeEnvironment'] = async (input, next) => {
      if (fail) throw new AwsShapedError('ServerException', 'Internal failure', 500);
      return next(input);
    };
    const first = await h.run('teardown', 'hello', '--yes');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('✗ delete compute environment hello-ce: ServerException: Internal failure');
    expect((await leftovers(await h.sim())).jobQueues).toEqual([]);
    fail = false;
    h.calls.length = 0;
    const second = await h.run('teardown', 'hello', '--yes');
    expect(second.code, second.stderr).toBe(0);
    expect(mutations(h)).toEqual(['batch.deleteComputeEnvironment', 'batch.deregisterJobDefinition']);
    expect(await leftovers(await h.sim())).toEqual({ ...empty, roles: ['ecsTaskExecutionRole'] });
  });

  it('with nothing left, says so and succeeds', async () => {
    const h = harness();
    const r = await h.run('teardown', 'nothing-here', '--yes');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('· nothing to tear down: nothing tagged batchctl:stack=nothing-here is left [sim]\n');
  });

  it('refuses while a queue outside the stack uses its compute environment (exit 1, nothing changed)', async () => {
    const h = harness();
    await stack(h);
    await (await h.sim()).batch.createJobQueue({ jobQueueName: 'other', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'hello-ce' }] });
    h.clock.advance(10_000);
    h.calls.length = 0;
    const r = await h.run('teardown', 'hello', '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ compute-environment hello-ce: compute environment hello-ce is still used by job queue other outside the stack');
    expect(mutations(h)).toEqual([]);
  });

  it('asks for confirmation without --yes', async () => {
    const h = harness();
    await stack(h);
    expect((await h.run('teardown', 'hello')).code).toBe(2);
    const tty = harness({ tty: true, answers: [false] });
    const { subnets } = await defaultNetwork(await tty.sim());
    expect(subnets.length).toBe(3);
    await stack(tty);
    const no = await tty.run('teardown', 'hello');
    expect(no.code).toBe(130);
    expect(no.stderr).toContain('Tear down the stack hello [sim]\n   1. disable job queue hello-queue');
    expect((await leftovers(await tty.sim())).jobQueues).toEqual(['hello-queue']);
  });
});
