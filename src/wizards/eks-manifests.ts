/**
 * The Kubernetes side of an EKS setup (spec/01 §6 step 2): the namespace, the cluster-wide and the
 * namespaced RBAC objects Batch needs, and the aws-auth identity mapping of the Batch service-linked
 * role (ARN **without** its `aws-service-role/batch.amazonaws.com/` path) to the user `aws-batch`.
 * As YAML strings plus the kubectl/eksctl commands that apply them; batchctl prints or runs those,
 * since they are not AWS API calls and so not plan steps.
 */
import { SLR_NAME } from '../domain/checks/iam-roles.js';

export const BATCH_K8S_USER = 'aws-batch';
export const CLUSTER_ROLE = 'aws-batch-cluster-role';
export const CLUSTER_ROLE_BINDING = 'aws-batch-cluster-role-binding';
export const NAMESPACE_ROLE = 'aws-batch-compute-environment-role';
export const NAMESPACE_ROLE_BINDING = 'aws-batch-compute-environment-role-binding';

export function namespaceManifest(namespace: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${namespace}
  labels:
    name: ${namespace}
`;
}

/** Once per cluster. */
export function clusterRbacManifest(): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${CLUSTER_ROLE}
rules:
  - apiGroups: [""]
    resources: ["namespaces"]
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["nodes"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["events"]
    verbs: ["list"]
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["apps"]
    resources: ["daemonsets", "deployments", "statefulsets", "replicasets"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles", "clusterrolebindings"]
    verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${CLUSTER_ROLE_BINDING}
subjects:
  - kind: User
    name: ${BATCH_K8S_USER}
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: ${CLUSTER_ROLE}
  apiGroup: rbac.authorization.k8s.io
`;
}

/** Once per namespace. */
export function namespaceRbacManifest(namespace: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${NAMESPACE_ROLE}
  namespace: ${namespace}
rules:
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["create", "get", "list", "watch", "delete", "patch"]
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["get", "list"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${NAMESPACE_ROLE_BINDING}
  namespace: ${namespace}
subjects:
  - kind: User
    name: ${BATCH_K8S_USER}
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: ${NAMESPACE_ROLE}
  apiGroup: rbac.authorization.k8s.io
`;
}

/**
 * The SLR's ARN as aws-auth needs it: `arn:aws:iam::<acct>:role/AWSServiceRoleForBatch`, path
 * stripped (roles with paths do not match in aws-auth).
 */
export function batchSlrAuthArn(accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${SLR_NAME}`;
}

/** The `mapRoles` entry of the aws-auth ConfigMap that `eksctl create iamidentitymapping` adds. */
export function awsAuthMapRolesEntry(accountId: string, partition = 'aws'): string {
  return `- rolearn: ${batchSlrAuthArn(accountId, partition)}
  username: ${BATCH_K8S_USER}
`;
}

export interface ExternalCommand {
  /** What it does, for people. */
  description: string;
  /** For spawning without a shell. */
  argv: string[];
  /** Fed to the command's stdin (a manifest for `kubectl apply -f -`). */
  stdin?: string;
  /** The same as one shell line (a here-document when there is stdin), for printing. */
  shell: string;
}

export interface EksPrepareOptions {
  clusterName: string;
  namespace: string;
  accountId: string;
  region: string;
  partition?: string;
}

function command(description: string, argv: string[], stdin?: string): ExternalCommand {
  const line = argv.map(shellQuote).join(' ');
  return { description, argv, ...(stdin ? { stdin } : {}), shell: stdin ? `${line} <<'EOF'\n${stdin}EOF` : line };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_\-./:=@,]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The commands that prepare a cluster for Batch, in order. `kubectl apply` (not `create`, as in the
 * guide) so that a re-run changes nothing; `eksctl create iamidentitymapping` is refused by eksctl
 * when the mapping exists, which a re-run should treat as done.
 */
export function eksPrepareCommands(o: EksPrepareOptions): ExternalCommand[] {
  return [
    command('point kubectl at the cluster', ['aws', 'eks', 'update-kubeconfig', '--name', o.clusterName, '--region', o.region]),
    command(`create the namespace ${o.namespace}`, ['kubectl', 'apply', '-f', '-'], namespaceManifest(o.namespace)),
    command(`let ${BATCH_K8S_USER} read cluster state (ClusterRole + binding, once per cluster)`, ['kubectl', 'apply', '-f', '-'], clusterRbacManifest()),
    command(`let ${BATCH_K8S_USER} manage pods in ${o.namespace} (Role + binding)`, ['kubectl', 'apply', '-f', '-', '--namespace', o.namespace], namespaceRbacManifest(o.namespace)),
    command(`map ${SLR_NAME} to the Kubernetes user ${BATCH_K8S_USER} in aws-auth`, [
      'eksctl', 'create', 'iamidentitymapping', '--cluster', o.clusterName, '--region', o.region,
      '--arn', batchSlrAuthArn(o.accountId, o.partition), '--username', BATCH_K8S_USER,
    ]),
  ];
}

/** Read-only commands that verify the preparation (spec/06 §10 A8). */
export function eksVerifyCommands(o: EksPrepareOptions): ExternalCommand[] {
  return [
    command(`namespace ${o.namespace} exists`, ['kubectl', 'get', 'namespace', o.namespace]),
    command('the RBAC objects exist', ['kubectl', 'get', `clusterrole/${CLUSTER_ROLE}`, `clusterrolebinding/${CLUSTER_ROLE_BINDING}`]),
    command('the namespaced RBAC objects exist', ['kubectl', 'get', `role/${NAMESPACE_ROLE}`, `rolebinding/${NAMESPACE_ROLE_BINDING}`, '--namespace', o.namespace]),
    command(`${BATCH_K8S_USER} may create pods in ${o.namespace}`, ['kubectl', 'auth', 'can-i', 'create', 'pods', `--as=${BATCH_K8S_USER}`, '--namespace', o.namespace]),
    command('aws-auth maps the Batch service-linked role', [
      'eksctl', 'get', 'iamidentitymapping', '--cluster', o.clusterName, '--region', o.region, '--arn', batchSlrAuthArn(o.accountId, o.partition),
    ]),
  ];
}

/** The commands that undo `eksPrepareCommands` (the guide leaves these behind; spec/01 §13). */
export function eksCleanupCommands(o: EksPrepareOptions & { keepClusterRbac?: boolean }): ExternalCommand[] {
  const cmds = [
    command(`delete the namespace ${o.namespace} and its Role/RoleBinding`, ['kubectl', 'delete', 'namespace', o.namespace, '--ignore-not-found']),
  ];
  if (!o.keepClusterRbac) {
    cmds.push(
      command('delete the cluster-wide RBAC objects', ['kubectl', 'delete', `clusterrolebinding/${CLUSTER_ROLE_BINDING}`, `clusterrole/${CLUSTER_ROLE}`, '--ignore-not-found']),
      command(`remove the ${SLR_NAME} mapping from aws-auth`, [
        'eksctl', 'delete', 'iamidentitymapping', '--cluster', o.clusterName, '--region', o.region, '--arn', batchSlrAuthArn(o.accountId, o.partition),
      ]),
    );
  }
  return cmds;
}
