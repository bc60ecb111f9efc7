/**
 * The EKS facet: clusters exist only when CreateCluster makes them (none by default). A cluster is
 * CREATING for WORLD_TIMING.eksCreateMs, then ACTIVE with its endpoint, certificate authority and
 * OIDC issuer; DeleteCluster makes it DELETING, then it is gone. CreateCluster checks what EKS
 * checks: the name, the version, the role (exists, trusts eks.amazonaws.com) and the subnets (exist,
 * one VPC, at least two zones); it creates the cluster security group `eks-cluster-sg-<name>-<n>`.
 */
import { sha256 } from '../hash.js';
import type * as E from '@aws-sdk/client-ec2';
import type * as K from '@aws-sdk/client-eks';
import { AwsShapedError } from '../../../errors.js';
import type { EksApi } from '../../port.js';
import type { SimCtx } from '../context.js';
import type { SimRuntime } from '../runtime.js';
import type { ResourceRow } from '../store/resources.js';
import { getRoleRow } from './iam-model.js';
import { KIND } from './kinds.js';
import { WORLD_TIMING } from './timings.js';

/** The Kubernetes versions the simulated EKS accepts (standard and extended support, 1.24 onwards). */
export const EKS_VERSIONS = ['1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
/** The version CreateCluster picks when none is given. */
export const EKS_DEFAULT_VERSION = '1.33';

const NAME_RE = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

const invalid = (m: string) => new AwsShapedError('InvalidParameterException', m, 400);
const notFound = (name: string | undefined) => new AwsShapedError('ResourceNotFoundException', `No cluster found for name: ${name}.`, 404);
const inUse = (m: string) => new AwsShapedError('ResourceInUseException', m, 409);

/** Stored clusters keep createdAt as epoch ms. */
type StoredCluster = Omit<K.Cluster, 'createdAt'> & { createdAt: number };

function toCluster(c: StoredCluster): K.Cluster {
  return { ...c, createdAt: new Date(c.createdAt) };
}

function ec2Detail(code: string, message: string, ctx: SimCtx): string {
  return `${message} (Service: AmazonEC2; Status Code: 400; Error Code: ${code}; Request ID: ${ctx.ids.uuid()})`;
}

function clusterSecurityGroup(ctx: SimCtx, name: string, vpcId: string): string {
  const id = ctx.ids.ec2('sg');
  const suffix = String(parseInt(id.slice(3, 12), 16) % 10_000_000_000).padStart(10, '0');
  const groupName = `eks-cluster-sg-${name}-${suffix}`;
  const group: E.SecurityGroup = {
    GroupId: id, GroupName: groupName, VpcId: vpcId, OwnerId: ctx.account, SecurityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${id}`,
    Description: 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: id, UserId: ctx.account }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    Tags: [{ Key: 'aws:eks:cluster-name', Value: name }, { Key: `kubernetes.io/cluster/${name}`, Value: 'owned' }, { Key: 'Name', Value: groupName }],
  };
  ctx.resources.insert({ kind: KIND.securityGroup, id, name: groupName, createdAt: ctx.now, body: group });
  return id;
}

function createCluster(ctx: SimCtx, input: K.CreateClusterRequest): K.CreateClusterResponse {
  const name = input.name ?? '';
  if (!NAME_RE.test(name)) throw invalid(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z][A-Za-z0-9\\-_]*`);
  if (ctx.resources.get(KIND.eksCluster, name)) throw inUse(`Cluster already exists with name: ${name}`);
  const version = input.version ?? EKS_DEFAULT_VERSION;
  if (!EKS_VERSIONS.includes(version)) throw invalid(`unsupported Kubernetes version ${version}`);
  if (!input.roleArn) throw invalid('roleArn is required');
  const roleName = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(input.roleArn)?.[1];
  const role = roleName ? getRoleRow(ctx, roleName) : undefined;
  if (!role || role.body.Arn !== input.roleArn || !decodeURIComponent(role.body.AssumeRolePolicyDocument).includes('eks.amazonaws.com')) {
    throw invalid(`Role with arn: ${input.roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`);
  }
  const cfg = input.resourcesVpcConfig ?? {};
  const subnetIds = cfg.subnetIds ?? [];
  const subnets: E.Subnet[] = [];
  for (const id of subnetIds) {
    const s = ctx.resources.get<E.Subnet>(KIND.subnet, id);
    if (!s) throw invalid(ec2Detail('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`, ctx));
    subnets.push(s.body);
  }
  if (new Set(subnets.map((s) => s.AvailabilityZone)).size < 2) throw invalid('Subnets specified must be in at least two different AZs');
  const vpcs = new Set(subnets.map((s) => s.VpcId));
  if (vpcs.size > 1) throw invalid('Subnets must all belong to the same VPC');
  const vpcId = subnets[0]!.VpcId!;
  for (const id of cfg.securityGroupIds ?? []) {
    const g = ctx.resources.get<E.SecurityGroup>(KIND.securityGroup, id);
    if (!g) throw invalid(ec2Detail('InvalidGroup.NotFound', `The security group '${id}' does not exist`, ctx));
    if (g.body.VpcId !== vpcId) throw invalid(`Security group ${id} is not in VPC ${vpcId}`);
  }
  const cluster: StoredCluster = {
    name, arn: `arn:aws:eks:${ctx.region}:${ctx.account}:cluster/${name}`, createdAt: ctx.now, version, roleArn: input.roleArn,
    resourcesVpcConfig: {
      subnetIds: [...subnetIds], securityGroupIds: [...(cfg.securityGroupIds ?? [])], clusterSecurityGroupId: clusterSecurityGroup(ctx, name, vpcId), vpcId,
      endpointPublicAccess: cfg.endpointPublicAccess ?? true, endpointPrivateAccess: cfg.endpointPrivateAccess ?? false,
      publicAccessCidrs: cfg.endpointPublicAccess === false ? [] : cfg.publicAccessCidrs ?? ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: input.kubernetesNetworkConfig?.serviceIpv4Cidr ?? '10.100.0.0/16', ipFamily: input.kubernetesNetworkConfig?.ipFamily ?? 'ipv4' },
    logging: input.logging ?? { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
    status: 'CREATING', certificateAuthority: {}, platformVersion: 'eks.1', tags: input.tags ?? {},
    accessConfig: { authenticationMode: input.accessConfig?.authenticationMode ?? 'API_AND_CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: input.accessConfig?.bootstrapClusterCreatorAdminPermissions ?? true },
    health: { issues: [] },
  };
  ctx.resources.insert({ kind: KIND.eksCluster, id: name, name, arn: cluster.arn, status: 'CREATING', nextEventAt: ctx.now + WORLD_TIMING.eksCreateMs, createdAt: ctx.now, body: cluster });
  return { cluster: toCluster(cluster) };
}

/** CREATING -> ACTIVE (endpoint, certificate authority, OIDC issuer); DELETING -> gone with its cluster security group. */
export function advanceEksCluster(ctx: SimCtx, row: ResourceRow<StoredCluster>): void {
  const c = row.body;
  if (c.status === 'CREATING') {
    const h = sha256(c.arn!);
    const hex = h.toString('hex').slice(0, 32).toUpperCase();
    c.status = 'ACTIVE';
    c.endpoint = `https://${hex}.gr7.${ctx.region}.eks.amazonaws.com`;
    c.identity = { oidc: { issuer: `https://oidc.eks.${ctx.region}.amazonaws.com/id/${hex}` } };
    const pem = `-----BEGIN CERTIFICATE-----\nsimulated certificate authority for ${c.name} ${h.toString('base64')}\n-----END CERTIFICATE-----\n`;
    c.certificateAuthority = { data: Buffer.from(pem).toString('base64') };
    row.status = 'ACTIVE';
    row.nextEventAt = null;
    ctx.resources.update(row);
    return;
  }
  if (c.status === 'DELETING') {
    const sg = c.resourcesVpcConfig?.clusterSecurityGroupId;
    const sgRow = sg ? ctx.resources.get(KIND.securityGroup, sg) : undefined;
    if (sgRow) ctx.resources.delete(sgRow.seq);
    ctx.resources.delete(row.seq);
    return;
  }
  row.nextEventAt = null;
  ctx.resources.update(row);
}

function deleteCluster(ctx: SimCtx, input: K.DeleteClusterRequest): K.DeleteClusterResponse {
  const row = ctx.resources.get<StoredCluster>(KIND.eksCluster, input.name ?? '');
  if (!row) throw notFound(input.name);
  if (row.body.status === 'CREATING') throw inUse(`Cluster ${row.id} is currently being created; delete it once it is ACTIVE or FAILED`);
  if (row.body.status !== 'DELETING') {
    row.body.status = 'DELETING';
    row.status = 'DELETING';
    row.nextEventAt = ctx.now + WORLD_TIMING.eksDeleteMs;
    ctx.resources.update(row);
  }
  return { cluster: toCluster(row.body) };
}

export function createEksApi(rt: SimRuntime): EksApi {
  return {
    describeCluster: (input) => rt.run('eks.DescribeCluster', (ctx) => {
      const row = ctx.resources.get<StoredCluster>(KIND.eksCluster, input.name ?? '');
      if (!row) throw notFound(input.name);
      return { cluster: toCluster(row.body) };
    }),
    listClusters: (input) => rt.run('eks.ListClusters', (ctx) => {
      const names = ctx.resources.list(KIND.eksCluster).map((r) => r.id);
      const start = input.nextToken ? Number(Buffer.from(input.nextToken, 'base64url').toString()) : 0;
      const max = input.maxResults ?? 100;
      const clusters = names.slice(start, start + max);
      return { clusters, nextToken: start + max < names.length ? Buffer.from(String(start + max)).toString('base64url') : undefined };
    }),
    createCluster: (input) => rt.run('eks.CreateCluster', (ctx) => createCluster(ctx, input)),
    deleteCluster: (input) => rt.run('eks.DeleteCluster', (ctx) => deleteCluster(ctx, input)),
  };
}
