/**
 * The Fargate first-run wizard (spec/01 §4–5) as requests: a MANAGED FARGATE (or FARGATE_SPOT) CE, a
 * queue, a FARGATE job definition with resourceRequirements, the execution role and assignPublicIp,
 * and the hello-world job.
 */
import type { ReportedPlan } from '../domain/checks/plan-notes.js';
import type { FargateAnswers } from './defaults.js';
import { assembleSetupPlan, desiredJobQueue, roleArn, stackTags, type DesiredResources, type ExistingResources } from './plan-common.js';

export function fargateDesired(a: FargateAnswers, existing: ExistingResources): DesiredResources {
  const tags = stackTags(a);
  return {
    computeEnvironment: {
      computeEnvironmentName: a.computeEnvironmentName,
      type: 'MANAGED',
      state: 'ENABLED',
      // Fargate takes only these four compute fields; CE tags go top-level (spec/02 §2.2).
      computeResources: { type: a.spot ? 'FARGATE_SPOT' : 'FARGATE', maxvCpus: a.maxvCpus, subnets: a.subnets, securityGroupIds: a.securityGroupIds },
      tags,
    },
    jobQueue: desiredJobQueue(a, tags),
    jobDefinition: {
      jobDefinitionName: a.jobDefinitionName,
      type: 'container',
      platformCapabilities: ['FARGATE'],
      containerProperties: {
        image: a.image,
        command: a.command,
        resourceRequirements: [
          { type: 'VCPU', value: String(a.vcpus) },
          { type: 'MEMORY', value: String(a.memory) },
        ],
        executionRoleArn: roleArn(a.executionRole, existing),
        networkConfiguration: { assignPublicIp: a.assignPublicIp },
      },
      tags,
    },
    job: a.noJob ? undefined : { jobName: a.jobName, jobQueue: a.jobQueueName, jobDefinition: a.jobDefinitionName, tags },
  };
}

export function buildFargateSetupPlan(a: FargateAnswers, existing: ExistingResources): ReportedPlan {
  return assembleSetupPlan(a, existing, fargateDesired(a, existing));
}
