/** Tags on create, TagResource, UntagResource, ListTagsForResource. */
import { expect } from 'vitest';
import type { Scenario } from '../scenario.js';
import { rejection } from './helpers.js';

export const tagScenarios: Scenario[] = [
  {
    name: 'tags: on create, tag, untag, list, and tags returned by describe',
    async run(world) {
      const b = world.backend;
      const { arn } = await b.batch.createSchedulingPolicy({ name: 'contract-sp', fairsharePolicy: { shareDecaySeconds: 3600, shareDistribution: [{ shareIdentifier: 'teamA', weightFactor: 1 }] }, tags: { team: 'a' } });
      expect(arn).toMatch(/:scheduling-policy\/contract-sp$/);
      expect((await b.batch.listTagsForResource({ resourceArn: arn })).tags).toEqual({ team: 'a' });
      await b.batch.tagResource({ resourceArn: arn, tags: { env: 'test', team: 'b' } });
      expect((await b.batch.listTagsForResource({ resourceArn: arn })).tags).toEqual({ team: 'b', env: 'test' });
      await b.batch.untagResource({ resourceArn: arn, tagKeys: ['team'] });
      expect((await b.batch.listTagsForResource({ resourceArn: arn })).tags).toEqual({ env: 'test' });
      const described = (await b.batch.describeSchedulingPolicies({ arns: [arn!] })).schedulingPolicies![0]!;
      expect(described.tags).toEqual({ env: 'test' });
      expect(described.fairsharePolicy?.shareDecaySeconds).toBe(3600);

      const jd = await b.batch.registerJobDefinition({
        jobDefinitionName: 'contract-tagged', type: 'container', tags: { owner: 'me' },
        containerProperties: { image: 'busybox', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '256' }] },
      });
      expect((await b.batch.listTagsForResource({ resourceArn: jd.jobDefinitionArn })).tags).toEqual({ owner: 'me' });
    },
  },
  {
    name: 'tags: unknown resource ARN',
    async run(world) {
      const b = world.backend;
      const arn = 'arn:aws:batch:us-east-1:123456789012:job-queue/no-such-queue';
      if (world.kind === 'moto') {
        // moto deviation: it answers with an empty tag map instead of ClientException.
        expect((await b.batch.listTagsForResource({ resourceArn: arn })).tags ?? {}).toEqual({});
        return;
      }
      const err = await rejection(b.batch.listTagsForResource({ resourceArn: arn }));
      expect(err.name).toBe('ClientException');
      expect(err.message).toContain(arn);
    },
  },
];
