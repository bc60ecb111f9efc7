/**
 * The EKS side of `setup eks`: the cluster must exist, be ACTIVE and run a Kubernetes version Batch
 * supports; its subnets and cluster security group are the network defaults. The namespace, RBAC
 * and aws-auth mapping (spec/01 §6 step 2) are written as manifest files with the kubectl/eksctl
 * commands that apply them: batchctl never runs kubectl itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type * as K from '@aws-sdk/client-eks';
import type { Backend } from '../../backend/port.js';
import type { Context } from '../../context.js';
import { EKS_KUBERNETES_VERSIONS } from '../../domain/validation/compute-environment.js';
import { FailureError, UsageError } from '../../errors.js';
import {
  awsAuthMapRolesEntry,
  clusterRbacManifest,
  eksPrepareCommands,
  namespaceManifest,
  namespaceRbacManifest,
  type EksPrepareOptions,
  type ExternalCommand,
} from '../../wizards/eks-manifests.js';

/** DescribeCluster, with the problems that stop a setup as errors naming --eks-cluster. */
export async function requireCluster(backend: Backend, name: string): Promise<K.Cluster> {
  let cluster: K.Cluster | undefined;
  try {
    cluster = (await backend.eks.describeCluster({ name })).cluster;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  if (!cluster) {
    throw new UsageError(
      `--eks-cluster: no EKS cluster named ${name} in ${backend.region} [${backend.label}]`,
      'batchctl does not create clusters: `eksctl create cluster --name NAME --region REGION` (10-15 minutes), then run setup again',
    );
  }
  const version = cluster.version ?? '';
  if (version && !EKS_KUBERNETES_VERSIONS.includes(version)) {
    throw new UsageError(
      `--eks-cluster: cluster ${name} runs Kubernetes ${version}, which AWS Batch does not support (supported: ${EKS_KUBERNETES_VERSIONS.join(', ')})`,
      'upgrade the cluster (eksctl upgrade cluster) or use another one',
    );
  }
  if (cluster.status && cluster.status !== 'ACTIVE') {
    throw new FailureError(`EKS cluster ${name} is ${cluster.status}, not ACTIVE`, 'wait until it is ACTIVE (aws eks describe-cluster --name NAME --query cluster.status), then run setup again');
  }
  return cluster;
}

export interface ManifestFile {
  file: string;
  description: string;
}

/** The manifests as files, and the commands that apply them (reading the files, not stdin). */
export function eksManifests(o: EksPrepareOptions, dir: string): { files: Array<ManifestFile & { content: string }>; commands: ExternalCommand[] } {
  const files = [
    { file: join(dir, 'namespace.yaml'), content: namespaceManifest(o.namespace), description: `the namespace ${o.namespace}` },
    { file: join(dir, 'cluster-rbac.yaml'), content: clusterRbacManifest(), description: 'ClusterRole + binding for aws-batch (once per cluster)' },
    { file: join(dir, 'namespace-rbac.yaml'), content: namespaceRbacManifest(o.namespace), description: `Role + binding for aws-batch in ${o.namespace}` },
    { file: join(dir, 'aws-auth-maproles.yaml'), content: awsAuthMapRolesEntry(o.accountId, o.partition), description: 'the aws-auth mapRoles entry that eksctl adds' },
  ];
  const commands = eksPrepareCommands(o).map((cmd) => {
    if (!cmd.stdin) return cmd;
    const f = files.find((x) => x.content === cmd.stdin);
    if (!f) return cmd;
    const argv = cmd.argv.map((a) => (a === '-' ? f.file : a));
    return { description: cmd.description, argv, shell: argv.map(quote).join(' ') };
  });
  return { files, commands };
}

function quote(s: string): string {
  return /^[A-Za-z0-9_\-./:=@,]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes the manifests (not on --dry-run) and prints the commands on stderr. Returns the directory
 * and commands, for -o json.
 */
export async function prepareEks(ctx: Context, o: EksPrepareOptions, dir: string): Promise<{ dir: string; files: string[]; commands: string[] }> {
  const c = ctx.io.color();
  const abs = resolve(dir);
  const { files, commands } = eksManifests(o, abs);
  if (!ctx.config.dryRun) {
    await mkdir(abs, { recursive: true });
    for (const f of files) await writeFile(f.file, f.content, 'utf8');
  }
  const lines = [
    c.bold(`Kubernetes side of the cluster ${o.clusterName}`) + c.dim(ctx.config.dryRun ? ` (dry run: would write ${abs})` : ` (manifests written to ${abs})`),
    c.dim('batchctl does not run kubectl; run these once, as the identity that created the cluster:'),
    ...commands.map((cmd) => `  ${cmd.shell}  ${c.dim(`# ${cmd.description}`)}`),
  ];
  ctx.io.err(lines.join('\n') + '\n');
  return { dir: abs, files: files.map((f) => f.file), commands: commands.map((cmd) => cmd.shell) };
}
