/**
 * Multi-node parallel jobs (spec/05 §8, spec/04 §8): node ranges (`targetNodes`), which range (and
 * which submit-time override) applies to each node, and the effective container of each node.
 *
 * Decisions (docs/simulator.md):
 * - `targetNodes` is `a:b` (inclusive, 0-based), `:b` (from 0), `a:` (to the last node), `:` (every
 *   node) or a bare index `n` (`n:n`; AWS documents only the colon forms, we accept it), with
 *   0 <= a <= b <= numNodes-1.
 * - Where ranges overlap the narrowest wins (spec: "the inner one wins"); between ranges of the
 *   same width the later one in the list wins. The same rule picks a node's
 *   `nodePropertyOverrides` entry.
 * - Nodes that share a definition range and an override entry form one group: they have the same
 *   container (command, environment, resources) and are stored once.
 */
import type { ContainerOverrides, ContainerProperties, EcsProperties, JobDefinition, KeyValuePair, NodeProperties, NodePropertyOverride, NodeRangeProperty, ResourceRequirement, SubmitJobRequest } from '@aws-sdk/client-batch';
import { userEnvironment } from './environment.js';
import { mergeParameters, substituteParameters } from './parameters.js';

/** The ID of node `n` of an MNP job: `<jobId>#<n>` (spec/05 §8). */
export function mnpNodeId(jobId: string, n: number): string {
  return `${jobId}#${n}`;
}

/** Splits `<jobId>#<n>` into the parent ID and the node index; undefined for any other ID. */
export function parseMnpNodeId(id: string): { jobId: string; node: number } | undefined {
  const m = /^(.+)#(\d+)$/.exec(id);
  return m ? { jobId: m[1]!, node: Number(m[2]) } : undefined;
}

/** An inclusive node index range. */
export interface NodeRange {
  from: number;
  to: number;
}

/** Parses `targetNodes` for a job of `numNodes` nodes; undefined when malformed or out of range. */
export function parseTargetNodes(s: string | undefined, numNodes: number): NodeRange | undefined {
  if (s === undefined) return undefined;
  const single = /^(\d+)$/.exec(s);
  if (single) {
    const n = Number(single[1]);
    return n <= numNodes - 1 ? { from: n, to: n } : undefined;
  }
  const m = /^(\d*):(\d*)$/.exec(s);
  if (!m) return undefined;
  const from = m[1] === '' ? 0 : Number(m[1]);
  const to = m[2] === '' ? numNodes - 1 : Number(m[2]);
  return from <= to && to <= numNodes - 1 ? { from, to } : undefined;
}

/** The text of the targetNodes rule, for error messages. */
export function targetNodesRule(numNodes: number): string {
  return `must be "a:b", ":b", "a:" or a node index, with 0 <= a <= b <= ${numNodes - 1}`;
}

/** The index (in `ranges`) of the range that applies to node `index`: the narrowest, the later on a tie. */
export function nodeRangeIndex(ranges: ReadonlyArray<{ targetNodes?: string }>, index: number, numNodes: number): number | undefined {
  let best: number | undefined;
  let bestWidth = Infinity;
  ranges.forEach((r, k) => {
    const p = parseTargetNodes(r.targetNodes, numNodes);
    if (!p || index < p.from || index > p.to) return;
    const width = p.to - p.from;
    if (width <= bestWidth) {
      best = k;
      bestWidth = width;
    }
  });
  return best;
}

/** The range of an MNP definition (or the override entry) that applies to node `index`. */
export function nodeRangeFor<T extends { targetNodes?: string }>(ranges: readonly T[], index: number, numNodes: number): T | undefined {
  const k = nodeRangeIndex(ranges, index, numNodes);
  return k === undefined ? undefined : ranges[k];
}

/** The effective container of a group of nodes. */
export interface NodeGroup {
  /** The definition range (index into nodeRangeProperties) and the override entry, if any. */
  range: number;
  override?: number;
  /** The range's container (for an `ecsProperties` range: its first container, which runs). */
  container: ContainerProperties;
  /** An ECS multi-container range: its task (resources are the sum of its containers). */
  ecsProperties?: EcsProperties;
  /** The command after overrides and Ref:: substitution. */
  command?: string[];
  environment: KeyValuePair[];
  resourceRequirements: ResourceRequirement[];
  instanceType?: string;
}

/** Every node's group: `groups[of[n]]` is node n's container. */
export interface NodeLayout {
  numNodes: number;
  mainNode: number;
  groups: NodeGroup[];
  of: number[];
}

/** An ECS task's resources: the sum of its containers' (as for a single multi-container job). */
function taskResources(ecs: EcsProperties, mergeResources: (c: ContainerProperties, o?: ContainerOverrides) => ResourceRequirement[]): ResourceRequirement[] {
  const sum = new Map<string, number>();
  for (const c of ecs.taskProperties?.[0]?.containers ?? []) {
    for (const r of mergeResources(c as ContainerProperties)) if (r.type) sum.set(r.type, (sum.get(r.type) ?? 0) + Number(r.value ?? 0));
  }
  return (['VCPU', 'MEMORY', 'GPU'] as const).filter((t) => sum.has(t)).map((type) => ({ type, value: String(sum.get(type)) }));
}

/**
 * Resolves the nodes of an MNP submission: the definition's ranges with `nodeOverrides`
 * (numNodes, nodePropertyOverrides) applied, grouped. `mergeResources` is SubmitJob's merge of
 * resourceRequirements (passed in to keep this module free of submit.ts).
 */
export function resolveNodeLayout(
  req: Pick<SubmitJobRequest, 'nodeOverrides' | 'parameters'>,
  def: Pick<JobDefinition, 'nodeProperties' | 'parameters'>,
  mergeResources: (c: ContainerProperties, o?: ContainerOverrides) => ResourceRequirement[],
): NodeLayout {
  const np: Partial<NodeProperties> = def.nodeProperties ?? {};
  const numNodes = req.nodeOverrides?.numNodes ?? np.numNodes ?? 1;
  const ranges: NodeRangeProperty[] = np.nodeRangeProperties ?? [];
  const overrides: NodePropertyOverride[] = req.nodeOverrides?.nodePropertyOverrides ?? [];
  const parameters = mergeParameters(def.parameters, req.parameters);
  const groups: NodeGroup[] = [];
  const keys = new Map<string, number>();
  const of: number[] = [];
  for (let n = 0; n < numNodes; n++) {
    const range = nodeRangeIndex(ranges, n, numNodes) ?? 0;
    const override = overrides.length ? nodeRangeIndex(overrides, n, numNodes) : undefined;
    const key = `${range}/${override ?? ''}`;
    let g = keys.get(key);
    if (g === undefined) {
      const ecs = ranges[range]?.ecsProperties;
      const c: ContainerProperties = ranges[range]?.container ?? (ecs?.taskProperties?.[0]?.containers?.[0] as ContainerProperties | undefined) ?? {};
      const o = override === undefined ? undefined : overrides[override]?.containerOverrides;
      const base = o?.command ?? c.command;
      groups.push({
        range,
        override,
        container: c,
        ...(ecs ? { ecsProperties: ecs } : {}),
        command: base ? substituteParameters(base, parameters).command : undefined,
        environment: userEnvironment(c.environment, o?.environment),
        resourceRequirements: ecs ? taskResources(ecs, mergeResources) : mergeResources(c, o),
        instanceType: o?.instanceType ?? c.instanceType ?? ranges[range]?.instanceTypes?.[0],
      });
      g = groups.length - 1;
      keys.set(key, g);
    }
    of.push(g);
  }
  return { numNodes, mainNode: np.mainNode ?? 0, groups, of };
}
