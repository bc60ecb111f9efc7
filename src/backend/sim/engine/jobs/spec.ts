/**
 * A job's spec: what SubmitJob fixed for good (the static members of JobDetail plus what the
 * engine needs: resources, platform, the command after `Ref::` substitution, retry and timeout,
 * log configuration). Stored as the row's body on top-level jobs only; array children and MNP
 * nodes use their parent's, so 10,000 children cost one spec.
 */
import type * as B from '@aws-sdk/client-batch';
import { type EffectiveJob, type JobPlatform, nodeRangeFor } from '../../../../domain/jobs/submit.js';
import { type LogConfigurationView, logGroupName } from '../../../../domain/jobs/log-stream.js';
import { compact } from '../../batch/common.js';

export interface JobSpec {
  /** Static JobDetail members (jobName, jobQueue, jobDefinition, container, retryStrategy, …). */
  detail: B.JobDetail;
  platform: JobPlatform;
  demand: { vcpus: number; memoryMiB: number; gpus: number };
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
  consumables: Array<{ consumableResource: string; quantity: number }>;
}

/** Builds the spec of a submitted job. */
export function buildSpec(req: B.SubmitJobRequest, def: B.JobDefinition, eff: EffectiveJob, queue: B.JobQueueDetail): JobSpec {
  const c = def.containerProperties;
  let container: B.ContainerDetail | undefined;
  let logConfig: LogConfigurationView | undefined;
  let image: string | undefined;
  if (c) {
    image = c.image;
    logConfig = c.logConfiguration as LogConfigurationView | undefined;
    container = compact({
      image: c.image,
      command: eff.command,
      jobRoleArn: c.jobRoleArn,
      executionRoleArn: c.executionRoleArn,
      volumes: c.volumes,
      environment: eff.environment,
      mountPoints: c.mountPoints,
      readonlyRootFilesystem: c.readonlyRootFilesystem,
      ulimits: c.ulimits,
      privileged: c.privileged,
      user: c.user,
      instanceType: eff.instanceType,
      resourceRequirements: eff.resourceRequirements,
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
  } else if (def.nodeProperties) {
    const np = def.nodeProperties;
    const range = nodeRangeFor(np.nodeRangeProperties ?? [], np.mainNode ?? 0, eff.arraySize ?? np.numNodes ?? 1);
    image = range?.container?.image;
    logConfig = range?.container?.logConfiguration as LogConfigurationView | undefined;
  } else if (def.ecsProperties) {
    const first = def.ecsProperties.taskProperties?.[0]?.containers?.[0];
    image = first?.image;
    logConfig = first?.logConfiguration as LogConfigurationView | undefined;
  } else if (def.eksProperties) {
    image = def.eksProperties.podProperties?.containers?.[0]?.image;
  }
  const numNodes = def.nodeProperties ? (req.nodeOverrides?.numNodes ?? def.nodeProperties.numNodes ?? 1) : undefined;
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
    demand: { vcpus: eff.resources.vcpus || 1, memoryMiB: eff.resources.memoryMiB, gpus: eff.resources.gpus },
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
    consumables: eff.consumableResources,
  };
}
