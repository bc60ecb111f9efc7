/** `batchctl sim eks create-cluster|delete-cluster`: simulated EKS clusters through the port. */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../helpers/test-context.js';

describe('sim eks', () => {
  it('create-cluster makes the cluster role if missing and waits until ACTIVE; delete-cluster waits until it is gone', async () => {
    const t = createTestContext();
    expect(await t.run('-o', 'json', 'sim', 'eks', 'create-cluster', 'lab', '--kubernetes-version', '1.30')).toBe(0);
    const { cluster } = JSON.parse(t.stdout());
    expect(cluster).toMatchObject({ name: 'lab', status: 'ACTIVE', version: '1.30', roleArn: 'arn:aws:iam::123456789012:role/batchctl-eks-cluster-role', endpoint: expect.stringMatching(/^https:\/\//) });
    expect(cluster.resourcesVpcConfig.subnetIds).toHaveLength(3);
    const sim = await t.sim();
    expect((await sim.iam.listAttachedRolePolicies({ RoleName: 'batchctl-eks-cluster-role' })).AttachedPolicies!.map((p) => p.PolicyName)).toEqual(['AmazonEKSClusterPolicy']);
    // A second cluster reuses the role; --no-wait leaves it CREATING.
    const before = t.stdout().length;
    expect(await t.run('-o', 'json', 'sim', 'eks', 'create-cluster', 'lab2', '--no-wait')).toBe(0);
    expect(JSON.parse(t.stdout().slice(before)).cluster.status).toBe('CREATING');
    expect(await t.run('sim', 'eks', 'create-cluster', 'lab')).toBe(1);
    expect(t.stderr()).toContain('Cluster already exists with name: lab');
    expect(await t.run('sim', 'eks', 'delete-cluster', 'lab')).toBe(0);
    expect(t.stdout()).toContain('EKS cluster lab deleted [sim]');
    expect((await sim.eks.listClusters({})).clusters).toEqual(['lab2']);
    expect(await t.run('sim', 'eks', 'delete-cluster', 'nope')).toBe(3);
  });
});
