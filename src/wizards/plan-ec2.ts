/**
 * The EC2 first-run wizard (spec/01 §3): a MANAGED EC2 (or SPOT) CE with the ecsInstanceRole instance
 * profile, `optimal` instances and BEST_FIT_PROGRESSIVE, a queue, a container job definition and the
 * hello-world job.
 */
import type * as B from '@aws-sdk/client-batch';
import type { ReportedPlan } from '../domain/checks/plan-notes.js';
import type { Ec2Answers } from './defaults.js';
import { assembleSetupPlan, desiredJobQueue, instanceProfileArn, stackTags, type DesiredResources, type ExistingResources } from './plan-common.js';

export function ec2Desired(a: Ec2Answers, existing: ExistingResources): DesiredResources {
  const tags = stackTags(a);
  const computeResources: B.ComputeResource = {
    type: a.spot ? 'SPOT' : 'EC2',
    allocationStrategy: a.allocationStrategy,
    minvCpus: a.minvCpus,
    maxvCpus: a.maxvCpus,
    desiredvCpus: a.desiredvCpus,
    instanceTypes: a.instanceTypes,
    subnets: a.subnets,
    securityGroupIds: a.securityGroupIds,
    instanceRole: instanceProfileArn(a.instanceRole, existing),
  };
  if (a.ec2KeyPair) computeResources.ec2KeyPair = a.ec2KeyPair;
  if (a.spot && a.bidPercentage !== undefined) computeResources.bidPercentage = a.bidPercentage;
  return {
    computeEnvironment: { computeEnvironmentName: a.computeEnvironmentName, type: 'MANAGED', state: 'ENABLED', computeResources, tags },
    jobQueue: desiredJobQueue(a, tags),
    jobDefinition: {
      jobDefinitionName: a.jobDefinitionName,
      type: 'container',
      platformCapabilities: ['EC2'],
      containerProperties: {
        image: a.image,
        command: a.command,
        resourceRequirements: [
          { type: 'VCPU', value: String(a.vcpus) },
          { type: 'MEMORY', value: String(a.memory) },
        ],
      },
      tags,
    },
    job: a.noJob ? undefined : { jobName: a.jobName, jobQueue: a.jobQueueName, jobDefinition: a.jobDefinitionName, tags },
  };
}

export function buildEc2SetupPlan(a: Ec2Answers, existing: ExistingResources): ReportedPlan {
  return assembleSetupPlan(a, existing, ec2Desired(a, existing));
}
