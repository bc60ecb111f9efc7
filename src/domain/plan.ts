/**
 * Plans (DESIGN.md principle 3): a multi-step mutation as plain data. Each step is one API call with
 * its input and the reason for it. A plan is shown (`--dry-run` stops there, `-o json` prints it),
 * then applied step by step.
 */
import type { ServiceName } from '../backend/port.js';

export interface PlanStep {
  /** The service and the AWS operation name (PascalCase, as in the API reference). */
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
  /** Why this step is needed, for people ("no role named ecsTaskExecutionRole"). */
  reason: string;
  /** A short label for progress lines ("create compute environment demo-ce"). */
  title: string;
}

export interface Plan {
  title: string;
  steps: PlanStep[];
}

/** `CreateComputeEnvironment` -> `createComputeEnvironment` (the port's method name). */
export function portMethod(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}

/** `CreateComputeEnvironment` -> `create-compute-environment` (the AWS CLI's sub-command). */
export function cliOperation(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const CLI_SERVICE: Record<ServiceName, string> = { batch: 'batch', ec2: 'ec2', iam: 'iam', logs: 'logs', eks: 'eks' };

/** The equivalent AWS CLI command for a step (`--emit aws-cli`). */
export function awsCliCommand(step: PlanStep, region?: string): string {
  const json = JSON.stringify(step.input).replace(/'/g, `'\\''`);
  const regionFlag = region ? ` --region ${region}` : '';
  return `aws ${CLI_SERVICE[step.service]} ${cliOperation(step.operation)}${regionFlag} --cli-input-json '${json}'`;
}
