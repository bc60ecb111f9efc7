/** The EKS facet: clusters exist only when something puts them in the world (none by default). */
import type * as K from '@aws-sdk/client-eks';
import { AwsShapedError } from '../../../errors.js';
import type { EksApi } from '../../port.js';
import type { SimRuntime } from '../runtime.js';
import { KIND } from './kinds.js';

export function createEksApi(rt: SimRuntime): EksApi {
  return {
    describeCluster: (input) => rt.run('eks.DescribeCluster', (ctx) => {
      const row = ctx.resources.get<K.Cluster>(KIND.eksCluster, input.name ?? '');
      if (!row) throw new AwsShapedError('ResourceNotFoundException', `No cluster found for name: ${input.name}.`, 404);
      return { cluster: { ...row.body, createdAt: row.body.createdAt ? new Date(row.body.createdAt as unknown as number) : undefined } };
    }),
    listClusters: (input) => rt.run('eks.ListClusters', (ctx) => {
      const names = ctx.resources.list(KIND.eksCluster).map((r) => r.id);
      const start = input.nextToken ? Number(Buffer.from(input.nextToken, 'base64url').toString()) : 0;
      const max = input.maxResults ?? 100;
      const clusters = names.slice(start, start + max);
      return { clusters, nextToken: start + max < names.length ? Buffer.from(String(start + max)).toString('base64url') : undefined };
    }),
  };
}
