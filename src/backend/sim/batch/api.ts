/** The Batch facet: each port operation is one runtime transaction around a handler. */
import type { BatchApi } from '../../port.js';
import type { SimRuntime } from '../runtime.js';
import { createComputeEnvironment, deleteComputeEnvironment, describeComputeEnvironments, updateComputeEnvironment } from './compute-environments.js';
import { deregisterJobDefinition, describeJobDefinitions, registerJobDefinition } from './job-definitions.js';
import { createJobQueue, deleteJobQueue, describeJobQueues, updateJobQueue } from './job-queues.js';
import { cancelJob, describeJobs, getJobQueueSnapshot, listJobs, submitJob, terminateJob } from './jobs.js';
import { createSchedulingPolicy, deleteSchedulingPolicy, describeSchedulingPolicies, listSchedulingPolicies, updateSchedulingPolicy } from './scheduling-policies.js';
import { createConsumableResource, deleteConsumableResource, describeConsumableResource, listConsumableResources, listJobsByConsumableResource, updateConsumableResource } from './consumable-resources.js';
import { listTagsForResource, tagResource, untagResource } from './tags.js';

export function createBatchApi(rt: SimRuntime): BatchApi {
  return {
    createComputeEnvironment: (i) => rt.run('batch.CreateComputeEnvironment', (ctx) => createComputeEnvironment(ctx, i)),
    updateComputeEnvironment: (i) => rt.run('batch.UpdateComputeEnvironment', (ctx) => updateComputeEnvironment(ctx, i)),
    deleteComputeEnvironment: (i) => rt.run('batch.DeleteComputeEnvironment', (ctx) => deleteComputeEnvironment(ctx, i)),
    describeComputeEnvironments: (i) => rt.run('batch.DescribeComputeEnvironments', (ctx) => describeComputeEnvironments(ctx, i ?? {})),
    createJobQueue: (i) => rt.run('batch.CreateJobQueue', (ctx) => createJobQueue(ctx, i)),
    updateJobQueue: (i) => rt.run('batch.UpdateJobQueue', (ctx) => updateJobQueue(ctx, i)),
    deleteJobQueue: (i) => rt.run('batch.DeleteJobQueue', (ctx) => deleteJobQueue(ctx, i)),
    describeJobQueues: (i) => rt.run('batch.DescribeJobQueues', (ctx) => describeJobQueues(ctx, i ?? {})),
    getJobQueueSnapshot: (i) => rt.run('batch.GetJobQueueSnapshot', (ctx) => getJobQueueSnapshot(ctx, i)),
    registerJobDefinition: (i) => rt.run('batch.RegisterJobDefinition', (ctx) => registerJobDefinition(ctx, i)),
    deregisterJobDefinition: (i) => rt.run('batch.DeregisterJobDefinition', (ctx) => deregisterJobDefinition(ctx, i)),
    describeJobDefinitions: (i) => rt.run('batch.DescribeJobDefinitions', (ctx) => describeJobDefinitions(ctx, i ?? {})),
    submitJob: (i) => rt.run('batch.SubmitJob', (ctx) => submitJob(ctx, i)),
    describeJobs: (i) => rt.run('batch.DescribeJobs', (ctx) => describeJobs(ctx, i)),
    listJobs: (i) => rt.run('batch.ListJobs', (ctx) => listJobs(ctx, i ?? {})),
    cancelJob: (i) => rt.run('batch.CancelJob', (ctx) => cancelJob(ctx, i)),
    terminateJob: (i) => rt.run('batch.TerminateJob', (ctx) => terminateJob(ctx, i)),
    createSchedulingPolicy: (i) => rt.run('batch.CreateSchedulingPolicy', (ctx) => createSchedulingPolicy(ctx, i)),
    updateSchedulingPolicy: (i) => rt.run('batch.UpdateSchedulingPolicy', (ctx) => updateSchedulingPolicy(ctx, i)),
    deleteSchedulingPolicy: (i) => rt.run('batch.DeleteSchedulingPolicy', (ctx) => deleteSchedulingPolicy(ctx, i)),
    describeSchedulingPolicies: (i) => rt.run('batch.DescribeSchedulingPolicies', (ctx) => describeSchedulingPolicies(ctx, i)),
    listSchedulingPolicies: (i) => rt.run('batch.ListSchedulingPolicies', (ctx) => listSchedulingPolicies(ctx, i ?? {})),
    createConsumableResource: (i) => rt.run('batch.CreateConsumableResource', (ctx) => createConsumableResource(ctx, i)),
    describeConsumableResource: (i) => rt.run('batch.DescribeConsumableResource', (ctx) => describeConsumableResource(ctx, i)),
    listConsumableResources: (i) => rt.run('batch.ListConsumableResources', (ctx) => listConsumableResources(ctx, i ?? {})),
    updateConsumableResource: (i) => rt.run('batch.UpdateConsumableResource', (ctx) => updateConsumableResource(ctx, i)),
    deleteConsumableResource: (i) => rt.run('batch.DeleteConsumableResource', (ctx) => deleteConsumableResource(ctx, i)),
    listJobsByConsumableResource: (i) => rt.run('batch.ListJobsByConsumableResource', (ctx) => listJobsByConsumableResource(ctx, i)),
    tagResource: (i) => rt.run('batch.TagResource', (ctx) => tagResource(ctx, i)),
    untagResource: (i) => rt.run('batch.UntagResource', (ctx) => untagResource(ctx, i)),
    listTagsForResource: (i) => rt.run('batch.ListTagsForResource', (ctx) => listTagsForResource(ctx, i)),
  };
}
