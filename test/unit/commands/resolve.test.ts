/** resolve.ts against a fake port: pagination is followed to the end, and misses are NotFoundErrors (exit 3). */
import { describe, expect, it } from 'vitest';
import type { ComputeEnvironmentDetail, JobDefinition } from '@aws-sdk/client-batch';
import type { Backend } from '../../../src/backend/port.js';
import { ExitCode, NotFoundError } from '../../../src/errors.js';
import { describeComputeEnvironments, parseJobDefinitionRef, requireComputeEnvironments, resolveJobDefinition, resolveSchedulingPolicyArns } from '../../../src/commands/shared/resolve.js';

const ce = (n: number): ComputeEnvironmentDetail => ({ computeEnvironmentName: `ce${n}`, computeEnvironmentArn: `arn:aws:batch:us-east-1:123456789012:compute-environment/ce${n}` });

function fake(batch: Record<string, (input: never) => Promise<unknown>>): Backend {
  return { kind: 'sim', label: 'sim', region: 'us-east-1', batch, close: async () => undefined } as unknown as Backend;
}

describe('resolve', () => {
  it('follows nextToken to the end', async () => {
    const calls: unknown[] = [];
    const backend = fake({
      describeComputeEnvironments: async (input: { nextToken?: string }) => {
        calls.push(input);
        const start = input.nextToken ? Number(input.nextToken) : 0;
        const items = Array.from({ length: Math.min(100, 250 - start) }, (_, i) => ce(start + i));
        return { computeEnvironments: items, nextToken: start + 100 < 250 ? String(start + 100) : undefined };
      },
    });
    const all = await describeComputeEnvironments(backend);
    expect(all).toHaveLength(250);
    expect(calls).toEqual([{ computeEnvironments: undefined, nextToken: undefined }, { computeEnvironments: undefined, nextToken: '100' }, { computeEnvironments: undefined, nextToken: '200' }]);
  });

  it('names every missing resource and the world (exit 3)', async () => {
    const backend = fake({ describeComputeEnvironments: async () => ({ computeEnvironments: [ce(1)] }) });
    await expect(requireComputeEnvironments(backend, ['ce1', 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce1'])).resolves.toHaveLength(1);
    const err = await requireComputeEnvironments(backend, ['ce1', 'nope', 'gone']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).exitCode).toBe(ExitCode.NOT_FOUND);
    expect((err as NotFoundError).message).toBe('compute environments "nope", "gone" not found [sim]');
  });

  it('resolves job definition references', async () => {
    expect(parseJobDefinitionRef('a')).toEqual({ name: 'a' });
    expect(parseJobDefinitionRef('a:3')).toEqual({ name: 'a', revision: 3 });
    expect(parseJobDefinitionRef('arn:aws:batch:us-east-1:1:job-definition/a:3')).toEqual({ name: 'a', revision: 3, arn: 'arn:aws:batch:us-east-1:1:job-definition/a:3' });
    const defs: JobDefinition[] = [
      { jobDefinitionName: 'a', revision: 1, status: 'ACTIVE', type: 'container', jobDefinitionArn: 'x:1' },
      { jobDefinitionName: 'a', revision: 3, status: 'ACTIVE', type: 'container', jobDefinitionArn: 'x:3' },
      { jobDefinitionName: 'a', revision: 4, status: 'INACTIVE', type: 'container', jobDefinitionArn: 'x:4' },
    ];
    const backend = fake({
      describeJobDefinitions: async (input: { jobDefinitionName?: string; status?: string; jobDefinitions?: string[] }) => ({
        jobDefinitions: defs.filter((d) => (!input.jobDefinitionName || d.jobDefinitionName === input.jobDefinitionName) && (!input.status || d.status === input.status) && (!input.jobDefinitions || input.jobDefinitions.includes(`${d.jobDefinitionName}:${d.revision}`))),
      }),
    });
    expect((await resolveJobDefinition(backend, 'a')).revision).toBe(3);
    expect((await resolveJobDefinition(backend, 'a:4')).status).toBe('INACTIVE');
    await expect(resolveJobDefinition(backend, 'a:9')).rejects.toThrow('job definition "a:9" not found [sim]');
    await expect(resolveJobDefinition(backend, 'b')).rejects.toThrow('job definition "b" not found [sim]');
  });

  it('finds scheduling policies by name or ARN', async () => {
    const arn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams';
    const backend = fake({ listSchedulingPolicies: async () => ({ schedulingPolicies: [{ arn }] }) });
    expect(await resolveSchedulingPolicyArns(backend, ['teams', arn])).toEqual([arn, arn]);
    await expect(resolveSchedulingPolicyArns(backend, ['other'])).rejects.toThrow('scheduling policy "other" not found [sim]');
  });
});
