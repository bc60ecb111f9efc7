/**
 * Request validation shared by the CLI (fail locally with exit 2 before calling AWS) and the
 * simulator (throw ClientException with the first error). Pure: no I/O, no SDK runtime.
 */
export { type Issue, type Severity, type ValidateOptions, errorsOnly, formatIssue, isError } from './issue.js';
export { validateCreateComputeEnvironment, validateUpdateComputeEnvironment, FARGATE_FORBIDDEN, EKS_KUBERNETES_VERSIONS, isFargateType } from './compute-environment.js';
export { validateCreateJobQueue, validateUpdateJobQueue, MAX_CES_PER_QUEUE, TIME_LIMIT_REASONS } from './job-queue.js';
export { validateRegisterJobDefinition, validateJobDefinitionFile, MAX_JOB_DEFINITION_BYTES } from './job-definition.js';
export { validateCreateSchedulingPolicy, validateUpdateSchedulingPolicy } from './scheduling-policy.js';
export { validateTagResource, validateUntagResource } from './tags.js';
export { fargateMemoryOptions, FARGATE_VCPUS } from './fargate.js';
export { containerResources } from './container.js';
export {
  validateCreateConsumableResource,
  validateUpdateConsumableResource,
  validateConsumableFilters,
  CONSUMABLE_RESOURCE_TYPES,
  CONSUMABLE_UPDATE_OPERATIONS,
  MAX_CONSUMABLE_RESOURCES,
  MAX_CONSUMABLE_RESOURCES_PER_JOB,
} from './consumable-resource.js';
