/**
 * The EKS flow (spec/01 §6): a MANAGED CE with eksConfiguration (cluster ARN + namespace) on EC2 (or
 * SPOT) nodes from the node instance profile, a queue (priority 10), an eksProperties job definition
 * and the hello-world job. The namespace, RBAC and aws-auth mapping are kubectl/eksctl work, not
 * AWS API calls: see eks-manifests.ts; the command applies or prints them before this plan runs.
 */
import type { ReportedPlan } from '../domain/checks/plan-notes.js';
import type { EksAnswers } from './defaults.js';
import { assembleSetupPlan, desiredJobQueue, instanceProfileArn, stackTags, type DesiredResources, type ExistingResources } from './plan-common.js';

export function eksClusterArn(a: EksAnswers, existing: Pick<ExistingResources, 'accountId' | 'region' | 'partition'>): string {
  return a.eksClusterArn ?? `arn:${existing.partition ?? 'aws'}:eks:${existing.region}:${existing.accountId}:cluster/${a.clusterName}`;
}

export function eksDesired(a: EksAnswers, existing: ExistingResources): DesiredResources {
  const tags = stackTags(a);
  return {
    computeEnvironment: {
      computeEnvironmentName: a.computeEnvironmentName,
      type: 'MANAGED',
      state: 'ENABLED',
      eksConfiguration: { eksClusterArn: eksClusterArn(a, existing), kubernetesNamespace: a.kubernetesNamespace },
      computeResources: {
        type: a.spot ? 'SPOT' : 'EC2',
        allocationStrategy: a.allocationStrategy,
        minvCpus: a.minvCpus,
        maxvCpus: a.maxvCpus,
        instanceTypes: a.instanceTypes,
        subnets: a.subnets,
        securityGroupIds: a.securityGroupIds,
        instanceRole: instanceProfileArn(a.instanceRole, existing),
      },
      tags,
    },
    jobQueue: desiredJobQueue(a, tags),
    jobDefinition: {
      jobDefinitionName: a.jobDefinitionName,
      type: 'container',
      eksProperties: {
        podProperties: {
          hostNetwork: true,
          containers: [{ image: a.image, command: a.command, resources: { limits: { cpu: String(a.vcpus), memory: `${a.memory}Mi` } } }],
        },
      },
      tags,
    },
    job: a.noJob ? undefined : { jobName: a.jobName, jobQueue: a.jobQueueName, jobDefinition: a.jobDefinitionName, tags },
  };
}

export function buildEksSetupPlan(a: EksAnswers, existing: ExistingResources): ReportedPlan {
  return assembleSetupPlan(a, existing, eksDesired(a, existing));
}
