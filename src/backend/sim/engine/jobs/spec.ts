/**
 * A job's spec: what SubmitJob fixed for good (the static members of JobDetail plus what the
 * engine needs: resources, platform, the command after `Ref::` substitution, retry and timeout,
 * log configuration). Stored as the row's body on top-level jobs only; array children and MNP
 * nodes use their parent's, so 10,000 children cost one spec.
 */
import type * as B from '@aws-sdk/client-batch';
import { type EffectiveJob, type JobPlatform, resourcesOf } from '../../../../domain/jobs/submit.js';
import { type LogConfigurationView, logGroupName } from '../../../../domain/jobs/log-stream.js';
import { compact } from '../../batch/common.js';

export interface JobSpec {
  /** Static JobDetail members (jobName, jobQueue, jobDefinition, container, retryStrategy, …). */
  detail: B.JobDetail;
  platform: JobPlatform;
  /** Per node for MNP jobs (the largest node's), with `nodes` = numNodes. */
  demand: { vcpus: number; memoryMiB: number; gpus: number; nodes?: number; instanceType?: string };
  command?: string[];
  environment: B.KeyValuePair[];
  retryStrategy: B.RetryStrategy;
  attemptSeconds?: number;
  /** CloudWatch group, or undefined when the log driver is not awslogs. */
  logGroup?: string;
  logConfig?: LogConfigurationView;
  definitionName: string;
  queueName: string;
  image?: string;
  /** Set when the job must fail as soon as it is evaluated (propagated tags over 50). */
  failureReason?: string;
  /** MNP: node count and main node. */
  numNodes?: number;
  mainNode?: number;
  /** MNP: the node groups (one per distinct container) and each node's group. */
  nodeGroups?: NodeGroupSpec[];
  nodeOf?: number[];
  consumables: Array<{ consumableResource: string; quantity: number }>;
}

/** What differs between the nodes of an MNP job: a node's spec is its parent's with these fields. */
export interface NodeGroupSpec {
  /** The node's container (absent for an ECS multi-container range, which has `ecsProperties`). */
  container?: B.ContainerDetail;
  ecsProperties?: B.EcsProperties;
  demand: { vcpus: number; memoryMiB: number; gpus: number };
  command?: string[];
  environment: B.KeyValuePair[];
  image?: string;
  logGroup?: string;
  logConfig?: LogConfigurationView;
}

function containerDetail(c: B.ContainerProperties, command: string[] | undefined, environment: B.KeyValuePair[], resourceRequirements: B.ResourceRequirement[], instanceType: string | undefined): B.ContainerDetail {
  return compact({
    image: c.image,
    command,
    jobRoleArn: c.jobRoleArn,
    executionRoleArn: c.executionRoleArn,
    volumes: c.volumes,
    environment,
    mountPoints: c.mountPoints,
    readonlyRootFilesystem: c.readonlyRootFilesystem,
    ulimits: c.ulimits,
    privileged: c.privileged,
    user: c.user,
    instanceType,
    resourceRequirements,
    linuxParameters: c.linuxParameters,
    logConfiguration: c.logConfiguration,
    secrets: c.secrets,
    networkConfiguration: c.networkConfiguration,
    fargatePlatformConfiguration: c.fargatePlatformConfiguration,
    ephemeralStorage: c.ephemeralStorage,
    runtimePlatform: c.runtimePlatform,
    repositoryCredentials: c.repositoryCredentials,
    enableExecuteCommand: c.enableExecuteCommand,
  });
}

/** Builds the spec of a submitted job. */
export function buildSpec(req: B.SubmitJobRequest, def: B.JobDefinition, eff: EffectiveJob, queue: B.JobQueueDetail): JobSpec {
  const c = def.containerProperties;
  let nodeGroups: NodeGroupSpec[] | undefined;
  let container: B.ContainerDetail | undefined;
  let logConfig: LogConfigurationView | undefined;
  let image: string | undefined;
  if (c) {
    image = c.image;
    logConfig = c.logConfiguration as LogConfigurationView | undefined;
    container = containerDetail(c, eff.command, eff.environment, eff.resourceRequirements, eff.instanceType);
  } else if (def.nodeProperties && eff.nodes) {
    const layout = eff.nodes;
    nodeGroups = layout.groups.map((g) => {
      const lc = g.container.logConfiguration as LogConfigurationView | undefined;
      return {
        ...(g.ecsProperties ? { ecsProperties: g.ecsProperties } : { container: containerDetail(g.container, g.command, g.environment, g.resourceRequirements, g.instanceType) }),
        demand: (() => {
          const r = resourcesOf(g.resourceRequirements);
          return { vcpus: r.vcpus || 1, memoryMiB: r.memoryMiB, gpus: r.gpus };
        })(),
        command: g.command,
        environment: g.environment,
        image: g.container.image,
        logGroup: logGroupName(lc),
        logConfig: lc,
      };
    });
    const main = nodeGroups[layout.of[layout.mainNode] ?? 0];
    image = main?.image;
    logConfig = main?.logConfig;
  } else if (def.ecsProperties) {
    const first = def.ecsProperties.taskProperties?.[0]?.containers?.[0];
    image = first?.image;
    logConfig = first?.logConfiguration as LogConfigurationView | undefined;
  } else if (def.eksProperties) {
    image = def.eksProperties.podProperties?.containers?.[0]?.image;
  }
  const numNodes = def.nodeProperties ? (eff.nodes?.numNodes ?? req.nodeOverrides?.numNodes ?? def.nodeProperties.numNodes ?? 1) : undefined;
  const detail: B.JobDetail = compact({
    jobName: req.jobName,
    jobQueue: queue.jobQueueArn,
    jobDefinition: def.jobDefinitionArn,
    shareIdentifier: eff.shareIdentifier,
    schedulingPriority: eff.schedulingPriority,
    dependsOn: req.dependsOn ?? [],
    parameters: eff.parameters,
    retryStrategy: eff.retryStrategy,
    timeout: eff.timeout,
    tags: eff.tags,
    propagateTags: eff.propagateTags,
    platformCapabilities: def.platformCapabilities ?? (eff.platform === 'FARGATE' ? ['FARGATE'] : ['EC2']),
    container,
    nodeProperties: def.nodeProperties ? { ...def.nodeProperties, numNodes } : undefined,
    eksProperties: def.eksProperties ? { podProperties: def.eksProperties.podProperties } : undefined,
    ecsProperties: def.ecsProperties,
    consumableResourceProperties: eff.consumableResources.length ? { consumableResourceList: eff.consumableResources } : undefined,
  } as B.JobDetail);
  return {
    detail,
    platform: eff.platform,
    demand: { vcpus: eff.resources.vcpus || 1, memoryMiB: eff.resources.memoryMiB, gpus: eff.resources.gpus, ...(numNodes !== undefined ? { nodes: numNodes } : {}), ...(numNodes !== undefined && eff.instanceType ? { instanceType: eff.instanceType } : {}) },
    command: eff.command,
    environment: eff.environment,
    retryStrategy: eff.retryStrategy,
    attemptSeconds: eff.timeout?.attemptDurationSeconds,
    logGroup: eff.platform === 'EKS' ? undefined : logGroupName(logConfig),
    logConfig,
    definitionName: def.jobDefinitionName ?? '',
    queueName: queue.jobQueueName ?? '',
    image,
    failureReason: eff.failureReason,
    numNodes,
    mainNode: def.nodeProperties ? (def.nodeProperties.mainNode ?? 0) : undefined,
    nodeGroups,
    nodeOf: eff.nodes?.of,
    consumables: eff.consumableResources,
  };
}
