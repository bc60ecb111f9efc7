/**
 * The network as the job engine sees it (docs/simulator.md "Networking"): which subnet an instance
 * or a Fargate task lands in, whether an EC2 instance there can register with its ECS cluster, and
 * whether a task there can pull its image. The answers come from the route logic of
 * `domain/checks/network.ts` (`subnetReach`, the same code `network check` and `doctor` run) over
 * the world's EC2 rows, read once per transaction and again after a resource changed.
 */
import type * as B from '@aws-sdk/client-batch';
import type * as E from '@aws-sdk/client-ec2';
import { isRegionalEcrImage, type NetworkFacts, type SubnetReach, subnetReach } from '../../../../domain/checks/network.js';
import type { SimCtx } from '../../context.js';
import { KIND } from '../../world/kinds.js';
import type { Inst } from './model.js';
import { draw } from './random.js';
import type { JobSpec } from './spec.js';

/** Where an image is pulled from: `registry-1.docker.io/v2/library/ubuntu/manifests/latest` style parts. */
export function imageManifestUrl(image: string): string {
  let ref = image;
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  const slash = ref.indexOf('/');
  const first = slash >= 0 ? ref.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'registry-1.docker.io';
  let path = hasRegistry ? ref.slice(slash + 1) : ref;
  let tag = 'latest';
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (!hasRegistry && !path.includes('/')) path = `library/${path}`;
  return `https://${registry}/v2/${path}/manifests/${digest ?? tag}`;
}

/**
 * The container reason of a task whose subnet cannot reach its registry (our wording, after the
 * messages ECS and Fargate give; docs/simulator.md). A regional ECR image without the ECR API
 * endpoint fails on Fargate while fetching the registry auth (`ResourceInitializationError`);
 * everything else fails on the manifest request (`CannotPullContainerError`).
 */
export function unreachableRegistryReason(image: string | undefined, region: string, fargate: boolean, reach: SubnetReach): string {
  const ref = image ?? 'image';
  if (fargate && isRegionalEcrImage(image, region) && reach.missingEndpoints.includes('ecr.api')) {
    return `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.${region}.amazonaws.com/": dial tcp: i/o timeout. Please check your task network configuration.`;
  }
  const url = image ? imageManifestUrl(image) : 'the registry';
  return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: failed to do request: Head "${url}": dial tcp: i/o timeout`;
}

/** The Fargate networkConfiguration.assignPublicIp of a job (AWS's default: DISABLED). */
export function assignPublicIpOf(spec: JobSpec): 'ENABLED' | 'DISABLED' {
  const d = spec.detail;
  const ip = d.container?.networkConfiguration?.assignPublicIp ?? d.ecsProperties?.taskProperties?.[0]?.networkConfiguration?.assignPublicIp;
  return ip === 'ENABLED' ? 'ENABLED' : 'DISABLED';
}

/** Network reachability for one transaction's job world. */
export class EngineNetwork {
  private version = -1;
  private facts?: NetworkFacts;
  private readonly ces = new Map<string, B.ComputeEnvironmentDetail | undefined>();
  private readonly reaches = new Map<string, SubnetReach>();

  constructor(
    private readonly ctx: SimCtx,
    private readonly seed: number,
    /** The job world's resource version: bumped whenever a resource changed in this transaction. */
    private readonly resourcesVersion: () => number,
  ) {}

  private fresh(): void {
    const v = this.resourcesVersion();
    if (v === this.version) return;
    this.version = v;
    this.facts = undefined;
    this.ces.clear();
    this.reaches.clear();
  }

  private worldFacts(): NetworkFacts {
    this.fresh();
    if (!this.facts) {
      const all = <T>(kind: string): T[] => this.ctx.resources.list<T>(kind).map((r) => r.body);
      this.facts = {
        subnets: { Subnets: all<E.Subnet>(KIND.subnet) },
        routeTables: { RouteTables: all<E.RouteTable>(KIND.routeTable) },
        securityGroups: { SecurityGroups: all<E.SecurityGroup>(KIND.securityGroup) },
        natGateways: { NatGateways: all<E.NatGateway>(KIND.natGateway) },
        vpcEndpoints: { VpcEndpoints: all<E.VpcEndpoint>(KIND.vpcEndpoint) },
      };
    }
    return this.facts;
  }

  private ce(arn: string): B.ComputeEnvironmentDetail | undefined {
    this.fresh();
    if (!this.ces.has(arn)) this.ces.set(arn, this.ctx.resources.byArn<B.ComputeEnvironmentDetail>(arn)?.body);
    return this.ces.get(arn);
  }

  /** The subnet an instance or task of the CE lands in: a seeded pick among the CE's subnets. */
  subnetFor(ceArn: string, ...key: (string | number)[]): string | undefined {
    const subnets = this.ce(ceArn)?.computeResources?.subnets ?? [];
    if (subnets.length === 0) return undefined;
    return subnets[Math.floor(draw(this.seed, 'subnet', ...key) * subnets.length)];
  }

  /** What `subnet` of the CE reaches, for a job's image (and, on Fargate, its public IP choice). */
  reach(ceArn: string, subnet: string, image?: string, assignPublicIp?: 'ENABLED' | 'DISABLED', instancePublicIp?: boolean): SubnetReach | undefined {
    const ce = this.ce(ceArn);
    const cr = ce?.computeResources;
    if (!cr) return undefined;
    const fargate = cr.type === 'FARGATE' || cr.type === 'FARGATE_SPOT';
    const key = `${ceArn}|${subnet}|${image ?? ''}|${fargate ? (assignPublicIp ?? 'DISABLED') : String(instancePublicIp)}`;
    let r = this.reaches.get(key);
    if (!r) {
      r = subnetReach(
        {
          platform: fargate ? 'fargate' : 'ec2', region: this.ctx.region, subnetIds: cr.subnets ?? [], securityGroupIds: cr.securityGroupIds ?? [], image,
          ...(fargate ? { assignPublicIp: assignPublicIp ?? 'DISABLED' } : {}),
        },
        subnet,
        this.worldFacts(),
        fargate ? undefined : instancePublicIp,
      );
      this.reaches.set(key, r);
    }
    return r;
  }

  /** Whether an instance launched into `subnet` now gets a public IPv4 address (the subnet's MapPublicIpOnLaunch). */
  publicIpAtLaunch(subnet: string): boolean {
    return (this.worldFacts().subnets?.Subnets ?? []).find((s) => s.SubnetId === subnet)?.MapPublicIpOnLaunch === true;
  }

  /** Whether a launched instance registers with its cluster (instances from before subnets were recorded always do). */
  joins(i: Inst): boolean {
    if (i.sn === undefined) return true;
    return this.reach(i.ceArn, i.sn, undefined, undefined, i.pip === 1)?.ecs ?? true;
  }

  /**
   * The container reason when the attempt's task cannot pull its image from where it runs, else
   * undefined. EC2: the instance's subnet; Fargate: a seeded pick per attempt.
   */
  pullFailure(spec: JobSpec, ceArn: string, fargate: boolean, where: { instance?: Inst; jobId: string; attempt: number }): string | undefined {
    const subnet = fargate ? this.subnetFor(ceArn, 'task', where.jobId, where.attempt) : where.instance?.sn;
    if (subnet === undefined) return undefined;
    const reach = this.reach(ceArn, subnet, spec.image, fargate ? assignPublicIpOf(spec) : undefined, fargate ? undefined : where.instance?.pip === 1);
    if (!reach || reach.registry) return undefined;
    return unreachableRegistryReason(spec.image, this.ctx.region, fargate, reach);
  }
}
