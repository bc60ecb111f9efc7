/** Job definitions -> table cells and describe views (pure; shared by `jobdef list/describe` and the dashboard). */
import type { ContainerProperties, JobDefinition, ResourceRequirement } from '@aws-sdk/client-batch';
import type { Palette } from '../io/color.js';
import type { Column } from '../output/printer.js';
import { colorStatus } from './status.js';
import { renderDetail, tagRows, type DetailSection } from './format.js';
import { formatSeconds } from './job-queue.js';

/** `name:revision`. */
export function jobDefinitionRef(jd: JobDefinition): string {
  return `${jd.jobDefinitionName}:${jd.revision}`;
}

/** EC2, FARGATE or EKS. */
export function jdPlatform(jd: JobDefinition): string {
  if (jd.eksProperties || jd.containerOrchestrationType === 'EKS') return 'EKS';
  return jd.platformCapabilities?.[0] ?? 'EC2';
}

/** The containers of a definition (single container, ECS task containers, EKS pod or the first node range). */
function containers(jd: JobDefinition): Array<{ image?: string; command?: string[]; resources: ResourceSummary }> {
  if (jd.containerProperties) return [fromEcsContainer(jd.containerProperties)];
  const task = jd.ecsProperties?.taskProperties?.[0];
  if (task?.containers?.length) return task.containers.map((c) => ({ image: c.image, command: c.command, resources: fromRequirements(c.resourceRequirements) }));
  const pod = jd.eksProperties?.podProperties;
  if (pod?.containers?.length) {
    return pod.containers.map((c) => {
      const req = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
      return {
        image: c.image,
        command: [...(c.command ?? []), ...(c.args ?? [])],
        resources: { vcpus: req.cpu, memory: req.memory, gpus: req['nvidia.com/gpu'] },
      };
    });
  }
  const node = jd.nodeProperties?.nodeRangeProperties?.find((r) => r.container)?.container;
  if (node) return [fromEcsContainer(node)];
  return [];
}

interface ResourceSummary {
  vcpus?: string;
  memory?: string;
  gpus?: string;
}

function fromRequirements(reqs: ResourceRequirement[] | undefined): ResourceSummary {
  const get = (t: string) => reqs?.find((r) => r.type === t)?.value;
  return { vcpus: get('VCPU'), memory: get('MEMORY'), gpus: get('GPU') };
}

function fromEcsContainer(c: ContainerProperties): { image?: string; command?: string[]; resources: ResourceSummary } {
  const r = fromRequirements(c.resourceRequirements);
  return {
    image: c.image,
    command: c.command,
    resources: {
      vcpus: r.vcpus ?? (c.vcpus === undefined ? undefined : String(c.vcpus)),
      memory: r.memory ?? (c.memory === undefined ? undefined : String(c.memory)),
      gpus: r.gpus,
    },
  };
}

/** The image (the first container's, with `+N` when a task or pod has more). */
export function jdImage(jd: JobDefinition): string {
  const cs = containers(jd);
  if (!cs.length) return '-';
  return `${cs[0]!.image ?? '-'}${cs.length > 1 ? ` +${cs.length - 1}` : ''}`;
}

/** The vCPUs of the first container ("-" when unset). */
export function jdVcpus(jd: JobDefinition): string {
  return containers(jd)[0]?.resources.vcpus ?? '-';
}

/** The memory of the first container: MiB as a number, or EKS's `2048Mi` as given. */
export function jdMemory(jd: JobDefinition): string {
  return containers(jd)[0]?.resources.memory ?? '-';
}

/** The first container's command, quoted so it can be pasted into a shell. */
export function jdCommand(jd: JobDefinition): string {
  const cmd = containers(jd)[0]?.command;
  return cmd?.length ? shellQuote(cmd) : '-';
}

/** Joins words into a shell command line, single-quoting those that need it. */
export function shellQuote(words: readonly string[]): string {
  return words.map((w) => (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** `jobdef list` columns: NAME REVISION STATUS PLATFORM IMAGE VCPUS MEMORY (+ TYPE, COMMAND, ARN with -o wide). */
export const JOBDEF_COLUMNS: Column<JobDefinition>[] = [
  { header: 'NAME', cell: (jd) => jd.jobDefinitionName ?? '' },
  { header: 'REVISION', cell: (jd) => String(jd.revision ?? '-') },
  { header: 'STATUS', cell: (jd, c) => colorStatus(jd.status, c) },
  { header: 'PLATFORM', cell: (jd) => jdPlatform(jd) },
  { header: 'IMAGE', cell: (jd) => jdImage(jd) },
  { header: 'VCPUS', cell: (jd) => jdVcpus(jd) },
  { header: 'MEMORY', cell: (jd) => jdMemory(jd) },
  { header: 'TYPE', wide: true, cell: (jd) => jd.type ?? '-' },
  { header: 'COMMAND', wide: true, cell: (jd) => jdCommand(jd) },
  { header: 'ARN', wide: true, cell: (jd) => jd.jobDefinitionArn ?? '' },
];

/** The describe view of one job definition revision. */
export function describeJobDefinition(jd: JobDefinition, c: Palette): string {
  const cp = jd.containerProperties ?? jd.nodeProperties?.nodeRangeProperties?.find((r) => r.container)?.container;
  const first = containers(jd)[0];
  const log = cp?.logConfiguration;
  const retry = jd.retryStrategy;
  const sections: DetailSection[] = [
    {
      rows: [
        ['ARN', jd.jobDefinitionArn],
        ['Status', colorStatus(jd.status, c)],
        ['Type', jd.type],
        ['Platform', jdPlatform(jd)],
        ['Image', jdImage(jd) === '-' ? undefined : jdImage(jd)],
        ['Command', first?.command?.length ? shellQuote(first.command) : undefined],
        ['vCPUs', first?.resources.vcpus],
        ['Memory', first?.resources.memory === undefined ? undefined : /^\d+$/.test(first.resources.memory) ? `${first.resources.memory} MiB` : first.resources.memory],
        ['GPUs', first?.resources.gpus],
        ['Job role', cp?.jobRoleArn ?? jd.ecsProperties?.taskProperties?.[0]?.taskRoleArn],
        ['Execution role', cp?.executionRoleArn ?? jd.ecsProperties?.taskProperties?.[0]?.executionRoleArn],
        ['Public IP', cp?.networkConfiguration?.assignPublicIp],
        ['Platform version', cp?.fargatePlatformConfiguration?.platformVersion],
        ['Nodes', jd.nodeProperties ? `${jd.nodeProperties.numNodes} (main ${jd.nodeProperties.mainNode})` : undefined],
        ['Retry', retry?.attempts ? `${retry.attempts} attempt${retry.attempts === 1 ? '' : 's'}${retry.evaluateOnExit?.length ? ` (${retry.evaluateOnExit.length} exit rule${retry.evaluateOnExit.length === 1 ? '' : 's'})` : ''}` : undefined],
        ['Timeout', jd.timeout?.attemptDurationSeconds ? formatSeconds(jd.timeout.attemptDurationSeconds) : undefined],
        ['Priority', jd.schedulingPriority === undefined ? undefined : String(jd.schedulingPriority)],
        ['Propagate tags', jd.propagateTags === undefined ? undefined : String(jd.propagateTags)],
        ['Logs', log ? `${log.logDriver}${log.options && Object.keys(log.options).length ? ` ${Object.entries(log.options).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}` : undefined],
      ],
    },
    { title: 'Environment', rows: (cp?.environment ?? []).map((e): [string, string] => [e.name ?? '', e.value ?? '']) },
    { title: 'Parameters', rows: Object.entries(jd.parameters ?? {}).map(([k, v]): [string, string] => [k, v]) },
    { title: 'Tags', rows: tagRows(jd.tags) },
  ];
  return renderDetail(jobDefinitionRef(jd), sections, c);
}
