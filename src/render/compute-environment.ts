/**
 * Compute environments -> table cells and describe views (pure; shared by `ce list/describe` and
 * the dashboard).
 */
import type { ComputeEnvironmentDetail } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { colorState, colorStatus } from './status.js';
import { list, nameFromArn, num, renderDetail, tagRows, type DetailSection } from './format.js';

/** Whether the CE runs on EKS rather than ECS. */
export function isEks(ce: ComputeEnvironmentDetail): boolean {
  return ce.containerOrchestrationType === 'EKS' || Boolean(ce.eksConfiguration);
}

/** `EC2`, `SPOT`, `FARGATE`, `FARGATE_SPOT` or `UNMANAGED`, prefixed with `EKS ` on EKS. */
export function ceTypeLabel(ce: ComputeEnvironmentDetail): string {
  const base = ce.type === 'UNMANAGED' ? 'UNMANAGED' : (ce.computeResources?.type ?? ce.type ?? '-');
  return isEks(ce) ? `EKS ${base}` : base;
}

/** `min/desired/max` for managed CEs ("-" for what Fargate has no notion of); the vCPU cap for unmanaged. */
export function ceVcpus(ce: ComputeEnvironmentDetail): string {
  if (ce.type === 'UNMANAGED') return num(ce.unmanagedvCpus);
  const r = ce.computeResources;
  if (!r) return '-';
  return `${num(r.minvCpus)}/${num(r.desiredvCpus)}/${num(r.maxvCpus)}`;
}

/** The instance types (or families, or `optimal`); "-" for Fargate and unmanaged CEs. */
export function ceInstanceTypes(ce: ComputeEnvironmentDetail): string {
  return list(ce.computeResources?.instanceTypes);
}

/** `ce list` columns: NAME TYPE STATE STATUS VCPUS INSTANCE TYPES (+ ARN, SUBNETS, REASON with -o wide). */
export const CE_COLUMNS: Column<ComputeEnvironmentDetail>[] = [
  { header: 'NAME', cell: (ce) => ce.computeEnvironmentName ?? '' },
  { header: 'TYPE', cell: (ce) => ceTypeLabel(ce) },
  { header: 'STATE', cell: (ce, c) => colorState(ce.state, c) },
  { header: 'STATUS', cell: (ce, c) => colorStatus(ce.status, c) },
  { header: 'VCPUS', cell: (ce) => ceVcpus(ce) },
  { header: 'INSTANCE TYPES', cell: (ce) => ceInstanceTypes(ce) },
  { header: 'SUBNETS', wide: true, cell: (ce) => list(ce.computeResources?.subnets) },
  { header: 'ARN', wide: true, cell: (ce) => ce.computeEnvironmentArn ?? '' },
  { header: 'REASON', wide: true, cell: (ce) => ce.statusReason ?? '-' },
];

/** The describe view of one compute environment. */
export function describeComputeEnvironment(ce: ComputeEnvironmentDetail, c: Palette): string {
  const r = ce.computeResources;
  const lt = r?.launchTemplate;
  const status = ce.statusReason ? `${colorStatus(ce.status, c)} ${c.dim(`(${ce.statusReason})`)}` : colorStatus(ce.status, c);
  const sections: DetailSection[] = [
    {
      rows: [
        ['ARN', ce.computeEnvironmentArn],
        ['Type', `${ce.type ?? '-'}${r?.type ? ` ${r.type}` : ''} on ${isEks(ce) ? 'EKS' : 'ECS'}`],
        ['State', colorState(ce.state, c)],
        ['Status', status],
        ['Service role', ce.serviceRole || (ce.type === 'UNMANAGED' ? undefined : c.dim('service-linked role (AWSServiceRoleForBatch)'))],
        ['ECS cluster', ce.ecsClusterArn],
        ['EKS cluster', ce.eksConfiguration?.eksClusterArn],
        ['Namespace', ce.eksConfiguration?.kubernetesNamespace],
        ['UUID', ce.uuid],
      ],
    },
  ];
  if (ce.type === 'UNMANAGED') {
    sections.push({ title: 'Resources', rows: [['vCPUs', ce.unmanagedvCpus === undefined ? undefined : String(ce.unmanagedvCpus)]] });
  } else if (r) {
    sections.push({
      title: 'Resources',
      rows: [
        ['vCPUs', `min ${num(r.minvCpus)} · desired ${num(r.desiredvCpus)} · max ${num(r.maxvCpus)}`],
        ['Instance types', r.instanceTypes?.length ? r.instanceTypes.join(', ') : undefined],
        ['Allocation', r.allocationStrategy],
        ['Bid percentage', r.bidPercentage === undefined ? undefined : `${r.bidPercentage}%`],
        ['Spot fleet role', r.spotIamFleetRole],
        ['Instance role', r.instanceRole],
        ['Images', r.ec2Configuration?.length ? r.ec2Configuration.map((e) => [e.imageType, e.imageKubernetesVersion, e.imageIdOverride, e.batchImageStatus].filter(Boolean).join(' ')).join('\n') : undefined],
        ['Image', r.imageId],
        ['Launch template', lt ? `${lt.launchTemplateId ?? lt.launchTemplateName ?? '-'}${lt.version ? ` (${lt.version})` : ''}` : undefined],
        ['Key pair', r.ec2KeyPair],
        ['Placement group', r.placementGroup],
        ['Scale-down delay', r.scalingPolicy?.minScaleDownDelayMinutes ? `${r.scalingPolicy.minScaleDownDelayMinutes} min` : undefined],
        ['Instance tags', r.tags && Object.keys(r.tags).length ? Object.entries(r.tags).map(([k, v]) => `${k}=${v}`).join(', ') : undefined],
      ],
    });
    sections.push({
      title: 'Network',
      rows: [
        ['Subnets', r.subnets?.length ? r.subnets.join(', ') : undefined],
        ['Security groups', r.securityGroupIds?.length ? r.securityGroupIds.join(', ') : undefined],
      ],
    });
  }
  if (ce.updatePolicy && (ce.updatePolicy.terminateJobsOnUpdate !== undefined || ce.updatePolicy.jobExecutionTimeoutMinutes !== undefined)) {
    sections.push({
      title: 'Update policy',
      rows: [
        ['Terminate jobs', ce.updatePolicy.terminateJobsOnUpdate === undefined ? undefined : String(ce.updatePolicy.terminateJobsOnUpdate)],
        ['Job timeout', ce.updatePolicy.jobExecutionTimeoutMinutes === undefined ? undefined : `${ce.updatePolicy.jobExecutionTimeoutMinutes} min`],
      ],
    });
  }
  sections.push({ title: 'Tags', rows: tagRows(ce.tags) });
  return renderDetail(ce.computeEnvironmentName ?? nameFromArn(ce.computeEnvironmentArn), sections, c);
}
