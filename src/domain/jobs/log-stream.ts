/**
 * Where an attempt's logs go (spec/05 §6.3): the awslogs group (`/aws/batch/job` unless
 * `awslogs-group` says otherwise) and the stream `<first 200 chars of the job definition name>/default/<task id>`,
 * or `<awslogs-stream-prefix>/default/<task id>` when a prefix is set.
 */

/** The default log group of Batch jobs. */
export const DEFAULT_LOG_GROUP = '/aws/batch/job';

/** The log configuration fields that matter here (ContainerProperties.logConfiguration). */
export interface LogConfigurationView {
  logDriver?: string;
  options?: Record<string, string>;
}

/** The CloudWatch Logs group of a job, or undefined when its log driver is not awslogs. */
export function logGroupName(config: LogConfigurationView | undefined): string | undefined {
  if (config?.logDriver !== undefined && config.logDriver !== 'awslogs') return undefined;
  return config?.options?.['awslogs-group'] ?? DEFAULT_LOG_GROUP;
}

/** The stream name of one attempt (one ECS task). */
export function logStreamName(jobDefinitionName: string, taskId: string, config?: LogConfigurationView): string {
  const prefix = config?.options?.['awslogs-stream-prefix'];
  return `${prefix ? prefix : jobDefinitionName.slice(0, 200)}/default/${taskId}`;
}
