/**
 * Where a job's logs are (spec/05 §6.3, spec/07 §3.4): each attempt of each container has its own
 * CloudWatch Logs stream, named in DescribeJobs (never constructed here: "the format may change").
 *
 * - Single-container ECS/Fargate: `container.logStreamName` (the current attempt) and
 *   `attempts[i].container.logStreamName`.
 * - ECS multi-container (`ecsProperties`): `ecsProperties.taskProperties[0].containers[j]` and
 *   `attempts[i].taskProperties[0].containers[j]`, one stream per container.
 * - Array parents and multi-node parents have no stream: their children (`id:N`) and nodes
 *   (`id#N`) do; `jobKind` tells the caller to expand them.
 * - EKS jobs log through Fluent Bit to the add-on's groups, not to a Batch stream.
 *
 * Decision: attempts are numbered from 1 in the order of `attempts[]`; a stream in `container`
 * that no finished attempt names is the current attempt (number attempts.length + 1).
 */
import type { JobDetail, LogConfiguration } from '@aws-sdk/client-batch';
import { DEFAULT_LOG_GROUP } from '../jobs/log-stream.js';

/** What kind of job this is, as far as its logs go. */
export type JobLogKind = 'container' | 'multi-container' | 'array-parent' | 'multi-node-parent' | 'eks';

/** One stream of one attempt (of one container) of one job. */
export interface LogSource {
  jobId: string;
  /** 1-based attempt number. */
  attempt: number;
  group: string;
  stream: string;
  /** Array child index, when the job is an array child. */
  index?: number;
  /** Multi-node node index, when the job is a node. */
  node?: number;
  /** Container name, for ECS multi-container jobs. */
  container?: string;
}

/** Where a job's log streams will appear, or why they are not in CloudWatch Logs. */
export interface JobLogs {
  kind: JobLogKind;
  /** Streams known so far, oldest attempt first. */
  sources: LogSource[];
  /** The log group, or undefined when the log driver is not awslogs. */
  group?: string;
  /** Why there are no CloudWatch streams at all (EKS, another log driver). */
  unavailable?: string;
}

export interface SourceOptions {
  /** 1-based attempt; default the latest. */
  attempt?: number;
  /** ECS multi-container: only this container. */
  container?: string;
  /** Every attempt instead of the latest (`logs` without --follow prints them all with --all-attempts). */
  allAttempts?: boolean;
  /** The job definition's logConfiguration, when the job's own detail does not carry one. */
  definitionLogConfiguration?: LogConfiguration;
}

/** The kind of a job for log purposes. */
export function jobLogKind(job: JobDetail): JobLogKind {
  if (job.arrayProperties?.size !== undefined && job.arrayProperties.index === undefined) return 'array-parent';
  if (job.nodeProperties && !job.nodeDetails) return 'multi-node-parent';
  if (job.eksProperties || (job.eksAttempts && job.eksAttempts.length > 0)) return 'eks';
  if (job.ecsProperties) return 'multi-container';
  return 'container';
}

/** The awslogs group for a log configuration, undefined for another driver. */
export function groupFor(config: LogConfiguration | undefined): string | undefined {
  if (config?.logDriver !== undefined && config.logDriver !== 'awslogs') return undefined;
  return config?.options?.['awslogs-group'] ?? DEFAULT_LOG_GROUP;
}

function placement(job: JobDetail): Pick<LogSource, 'index' | 'node'> {
  const out: Pick<LogSource, 'index' | 'node'> = {};
  if (job.arrayProperties?.index !== undefined) out.index = job.arrayProperties.index;
  if (job.nodeDetails?.nodeIndex !== undefined) out.node = job.nodeDetails.nodeIndex;
  return out;
}

/** Every stream a job has named so far (all attempts), oldest attempt first. */
export function jobLogs(job: JobDetail, opts: SourceOptions = {}): JobLogs {
  const kind = jobLogKind(job);
  const jobId = job.jobId ?? '';
  if (kind === 'array-parent' || kind === 'multi-node-parent') return { kind, sources: [] };
  if (kind === 'eks') {
    return {
      kind,
      sources: [],
      unavailable: 'EKS jobs log through the cluster (Fluent Bit to the CloudWatch Observability add-on\'s log groups), not to a Batch log stream',
    };
  }
  const where = placement(job);
  const attempts = job.attempts ?? [];
  const sources: LogSource[] = [];
  if (kind === 'container') {
    const config = job.container?.logConfiguration ?? opts.definitionLogConfiguration;
    const group = groupFor(config);
    if (group === undefined) {
      return { kind, sources, unavailable: `the log driver is ${config?.logDriver}, not awslogs: the logs are not in CloudWatch Logs` };
    }
    attempts.forEach((a, i) => {
      const stream = a.container?.logStreamName;
      if (stream) sources.push({ jobId, attempt: i + 1, group, stream, ...where });
    });
    const current = job.container?.logStreamName;
    if (current && !sources.some((s) => s.stream === current)) sources.push({ jobId, attempt: attempts.length + 1, group, stream: current, ...where });
    return { kind, sources, group };
  }
  // ECS multi-container: one stream per container and attempt.
  const containers = job.ecsProperties?.taskProperties?.[0]?.containers ?? [];
  const groupOf = (name: string | undefined) => groupFor(containers.find((c) => c.name === name)?.logConfiguration ?? opts.definitionLogConfiguration);
  const wanted = (name: string | undefined) => opts.container === undefined || name === opts.container;
  attempts.forEach((a, i) => {
    for (const c of a.taskProperties?.[0]?.containers ?? []) {
      const group = groupOf(c.name);
      if (c.logStreamName && group && wanted(c.name)) sources.push({ jobId, attempt: i + 1, group, stream: c.logStreamName, container: c.name, ...where });
    }
  });
  for (const c of containers) {
    const group = groupOf(c.name);
    if (c.logStreamName && group && wanted(c.name) && !sources.some((s) => s.stream === c.logStreamName)) {
      sources.push({ jobId, attempt: attempts.length + 1, group, stream: c.logStreamName, container: c.name, ...where });
    }
  }
  return { kind, sources, group: groupOf(containers[0]?.name) };
}

/** The attempt numbers a job has streams for. */
export function attemptsOf(sources: readonly LogSource[]): number[] {
  return [...new Set(sources.map((s) => s.attempt))].sort((a, b) => a - b);
}

/**
 * The streams to read: the requested attempt, or the latest one that has a stream (every attempt
 * with `allAttempts`).
 */
export function selectSources(logs: JobLogs, opts: Pick<SourceOptions, 'attempt' | 'allAttempts'> = {}): LogSource[] {
  if (opts.allAttempts) return logs.sources;
  const attempts = attemptsOf(logs.sources);
  const wanted = opts.attempt ?? attempts[attempts.length - 1];
  return logs.sources.filter((s) => s.attempt === wanted);
}

/** The container names of an ECS multi-container job (for "no container X; it has a, b"). */
export function containerNames(job: JobDetail): string[] {
  return (job.ecsProperties?.taskProperties?.[0]?.containers ?? []).map((c) => c.name ?? '').filter(Boolean);
}

/** A short label for a source among several: `[3]`, `#1`, `app`, `[3] app`, or the job id. */
export function sourceLabel(source: LogSource, opts: { showJob?: boolean; showAttempt?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.showJob) parts.push(source.jobId.replace(/[:#]\d+$/, '').slice(0, 8));
  if (source.index !== undefined) parts.push(`[${source.index}]`);
  if (source.node !== undefined) parts.push(`#${source.node}`);
  if (source.container) parts.push(source.container);
  if (opts.showAttempt) parts.push(`attempt ${source.attempt}`);
  return parts.join(' ');
}
