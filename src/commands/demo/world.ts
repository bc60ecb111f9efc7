/**
 * What the demo runs, apart from the stack itself (that is `setup fargate demo` with the console's
 * defaults): an array job whose children each say their index and sleep a few simulated seconds,
 * and a job that depends on the whole array. Pure: requests only, built with `job submit`'s code.
 */
import type { SubmitJobRequest } from '@aws-sdk/client-batch';
import { STACK_TAG, type SetupAnswers } from '../../wizards/defaults.js';
import { buildSubmitRequest } from '../job/request.js';

/** The stack name: resources demo-ce, demo-queue, demo-job-def, job demo-hello-world; tag batchctl:stack=demo. */
export const DEMO_STACK = 'demo';

export const DEMO = {
  arraySize: 5,
  /** How long each child sleeps, in simulated seconds. */
  childSeconds: 5,
  arrayJob: `${DEMO_STACK}-array`,
  dependentJob: `${DEMO_STACK}-after-array`,
} as const;

const TAGS = { [STACK_TAG]: DEMO_STACK };

/** The array job: DEMO.arraySize children on the stack's queue and job definition. */
export function arrayJobRequest(a: Pick<SetupAnswers, 'jobQueueName' | 'jobDefinitionName'>): SubmitJobRequest {
  return buildSubmitRequest({
    queue: a.jobQueueName,
    definition: a.jobDefinitionName,
    name: DEMO.arrayJob,
    arraySize: DEMO.arraySize,
    command: ['sh', '-c', `echo "hello from child $AWS_BATCH_JOB_ARRAY_INDEX of ${DEMO.arraySize}"; sleep ${DEMO.childSeconds}`],
    tag: TAGS,
  });
}

/** The job that runs once every child of the array has succeeded (a plain dependency on the parent). */
export function dependentJobRequest(a: Pick<SetupAnswers, 'jobQueueName' | 'jobDefinitionName'>, arrayJobId: string): SubmitJobRequest {
  return buildSubmitRequest({
    queue: a.jobQueueName,
    definition: a.jobDefinitionName,
    name: DEMO.dependentJob,
    dependsOn: [{ jobId: arrayJobId }],
    command: ['sh', '-c', `echo "all ${DEMO.arraySize} children are done; ${DEMO.dependentJob} ran after them"`],
    tag: TAGS,
  });
}
