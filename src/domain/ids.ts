/**
 * Batch resource names and ARNs (spec/07 §2, §5): the formats both worlds use, so that the
 * simulator builds ARNs exactly as AWS does and the CLI recognises a name versus an ARN.
 */

/** CE, queue, job definition and scheduling policy names: 1–128 of letters, digits, `-` and `_`. */
export const RESOURCE_NAME_RE = /^[A-Za-z0-9_-]{1,128}$/;

export type BatchResourceType = 'compute-environment' | 'job-queue' | 'job-definition' | 'scheduling-policy' | 'job';

export function batchArn(region: string, account: string, type: BatchResourceType, id: string): string {
  return `arn:aws:batch:${region}:${account}:${type}/${id}`;
}

export interface ParsedBatchArn {
  region: string;
  account: string;
  type: string;
  /** Everything after `type/`: a name, `name:revision` or a job id. */
  id: string;
}

const BATCH_ARN_RE = /^arn:aws[a-z-]*:batch:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/;

export function parseBatchArn(arn: string): ParsedBatchArn | undefined {
  const m = BATCH_ARN_RE.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, type: m[3]!, id: m[4]! } : undefined;
}

export function isArn(s: string): boolean {
  return s.startsWith('arn:');
}

/** The SLR Batch uses when a managed CE has no serviceRole (spec/07 §9). */
export const BATCH_SLR_NAME = 'AWSServiceRoleForBatch';
export const BATCH_SLR_PATH = '/aws-service-role/batch.amazonaws.com/';
export function batchSlrArn(account: string): string {
  return `arn:aws:iam::${account}:role${BATCH_SLR_PATH}${BATCH_SLR_NAME}`;
}
