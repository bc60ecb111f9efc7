/** Tag targets: an ARN, or a name with --kind (looked up to its ARN). */
import type { Backend } from '../../backend/port.js';
import { UsageError } from '../../errors.js';
import { requireComputeEnvironments, requireJobQueues, resolveJobDefinition, resolveSchedulingPolicyArns } from '../shared/resolve.js';
import { requireConsumableResources } from '../resource/shared.js';

export const KIND_CHOICES = ['ce', 'queue', 'jobdef', 'policy', 'resource'] as const;
export type ResourceKind = (typeof KIND_CHOICES)[number];

/** The ARN to tag: `resource` itself when it is an ARN; otherwise a name resolved with `kind`. */
export async function resolveTagTarget(backend: Backend, resource: string, kind: ResourceKind | undefined): Promise<string> {
  if (resource.startsWith('arn:')) return resource;
  switch (kind) {
    case 'ce':
      return (await requireComputeEnvironments(backend, [resource]))[0]!.computeEnvironmentArn!;
    case 'queue':
      return (await requireJobQueues(backend, [resource]))[0]!.jobQueueArn!;
    case 'jobdef':
      return (await resolveJobDefinition(backend, resource)).jobDefinitionArn!;
    case 'policy':
      return (await resolveSchedulingPolicyArns(backend, [resource]))[0]!;
    case 'resource':
      return (await requireConsumableResources(backend, [resource]))[0]!.consumableResourceArn!;
    default:
      throw new UsageError(`"${resource}" is not an ARN: give the resource's ARN, or its name with --kind ${KIND_CHOICES.join('|')}`, `e.g. \`batchctl tag ${resource} --kind queue team=data\``);
  }
}
