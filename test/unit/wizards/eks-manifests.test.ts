import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  awsAuthMapRolesEntry,
  batchSlrAuthArn,
  clusterRbacManifest,
  eksCleanupCommands,
  eksPrepareCommands,
  eksVerifyCommands,
  namespaceManifest,
  namespaceRbacManifest,
} from '../../../src/wizards/eks-manifests.js';

const docs = (y: string) => parseAllDocuments(y).map((d) => d.toJS() as Record<string, any>);
const O = { clusterName: 'my-cluster', namespace: 'my-aws-batch-namespace', accountId: '123456789012', region: 'us-west-2' };

describe('EKS manifests', () => {
  it('namespace with its name label', () => {
    expect(docs(namespaceManifest('my-aws-batch-namespace'))).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my-aws-batch-namespace', labels: { name: 'my-aws-batch-namespace' } } },
    ]);
  });

  it('ClusterRole with exactly the documented rules, bound to the user aws-batch', () => {
    const [role, binding] = docs(clusterRbacManifest());
    expect(role!.kind).toBe('ClusterRole');
    expect(role!.metadata.name).toBe('aws-batch-cluster-role');
    expect(role!.rules).toEqual([
      { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['events'], verbs: ['list'] },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'statefulsets', 'replicasets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'clusterrolebindings'], verbs: ['get', 'list'] },
    ]);
    expect(binding).toMatchObject({
      kind: 'ClusterRoleBinding', metadata: { name: 'aws-batch-cluster-role-binding' },
      subjects: [{ kind: 'User', name: 'aws-batch', apiGroup: 'rbac.authorization.k8s.io' }],
      roleRef: { kind: 'ClusterRole', name: 'aws-batch-cluster-role', apiGroup: 'rbac.authorization.k8s.io' },
    });
  });

  it('namespaced Role and RoleBinding', () => {
    const [role, binding] = docs(namespaceRbacManifest('ns1'));
    expect(role).toMatchObject({ kind: 'Role', metadata: { name: 'aws-batch-compute-environment-role', namespace: 'ns1' } });
    expect(role!.rules[0]).toEqual({ apiGroups: [''], resources: ['pods'], verbs: ['create', 'get', 'list', 'watch', 'delete', 'patch'] });
    expect(binding).toMatchObject({
      kind: 'RoleBinding', metadata: { name: 'aws-batch-compute-environment-role-binding', namespace: 'ns1' },
      subjects: [{ kind: 'User', name: 'aws-batch' }], roleRef: { kind: 'Role', name: 'aws-batch-compute-environment-role' },
    });
  });

  it('maps the SLR without its path', () => {
    expect(batchSlrAuthArn('123456789012')).toBe('arn:aws:iam::123456789012:role/AWSServiceRoleForBatch');
    expect(docs(awsAuthMapRolesEntry('123456789012'))[0]).toEqual([{ rolearn: 'arn:aws:iam::123456789012:role/AWSServiceRoleForBatch', username: 'aws-batch' }]);
  });
});

describe('EKS commands', () => {
  it('prepare the cluster with kubectl apply and eksctl', () => {
    const cmds = eksPrepareCommands(O);
    expect(cmds.map((c) => c.argv.slice(0, 3).join(' '))).toEqual([
      'aws eks update-kubeconfig', 'kubectl apply -f', 'kubectl apply -f', 'kubectl apply -f', 'eksctl create iamidentitymapping',
    ]);
    expect(cmds[3]!.argv).toContain('my-aws-batch-namespace');
    expect(cmds[4]!.shell).toBe(
      'eksctl create iamidentitymapping --cluster my-cluster --region us-west-2 --arn arn:aws:iam::123456789012:role/AWSServiceRoleForBatch --username aws-batch',
    );
    expect(cmds[1]!.shell).toBe(`kubectl apply -f - <<'EOF'\n${namespaceManifest('my-aws-batch-namespace')}EOF`);
  });

  it('verify and clean up', () => {
    expect(eksVerifyCommands(O).map((c) => c.shell)).toContain('kubectl auth can-i create pods --as=aws-batch --namespace my-aws-batch-namespace');
    expect(eksCleanupCommands({ ...O, keepClusterRbac: true })).toHaveLength(1);
    expect(eksCleanupCommands(O).at(-1)!.argv.slice(0, 3)).toEqual(['eksctl', 'delete', 'iamidentitymapping']);
  });
});
