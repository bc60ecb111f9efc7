/** eksProperties.podProperties checks (spec/04 §3.2, §10, §16 item 10). */
import { asObjects, checkEnum, isObject } from './common.js';
import { type IssueList, join } from './issue.js';

const CONTAINER_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
const DNS_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RESERVED_LABEL_PREFIXES = ['kubernetes.io/', 'k8s.io/', 'batch.amazonaws.com/'];
const RESOURCE_KEYS = new Set(['cpu', 'memory', 'nvidia.com/gpu']);

function cpuValue(v: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

function checkResources(res: Record<string, unknown>, base: string, out: IssueList): void {
  const limits = isObject(res.limits) ? (res.limits as Record<string, string>) : {};
  const requests = isObject(res.requests) ? (res.requests as Record<string, string>) : {};
  for (const [kind, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const [k, v] of Object.entries(map)) {
      const f = join(join(base, kind), k);
      if (!RESOURCE_KEYS.has(k)) out.error(f, 'must be cpu, memory or nvidia.com/gpu');
      else if (k === 'memory' && (!/^\d+Mi$/.test(v) || parseInt(v, 10) < 4)) out.error(f, 'must be a whole number of MiB with the Mi suffix, at least 4 (e.g. "2048Mi")');
      else if (k === 'cpu') {
        const n = cpuValue(v);
        if (n === undefined || n < 0.25 || (n * 4) % 1 !== 0) out.error(f, 'must be a multiple of 0.25, at least 0.25 (no milliCPU such as "100m")');
      } else if (k === 'nvidia.com/gpu' && !/^\d+$/.test(v)) out.error(f, 'must be a whole number');
    }
  }
  if (limits.memory !== undefined && requests.memory !== undefined && limits.memory !== requests.memory) out.error(join(base, 'limits.memory'), 'must equal requests.memory when both are set');
  if (limits['nvidia.com/gpu'] !== undefined && requests['nvidia.com/gpu'] !== undefined && limits['nvidia.com/gpu'] !== requests['nvidia.com/gpu']) {
    out.error(join(base, 'limits.nvidia.com/gpu'), 'must equal requests.nvidia.com/gpu when both are set');
  }
  const lc = limits.cpu !== undefined ? cpuValue(limits.cpu) : undefined;
  const rc = requests.cpu !== undefined ? cpuValue(requests.cpu) : undefined;
  if (lc !== undefined && rc !== undefined && lc < rc) out.error(join(base, 'limits.cpu'), `must be >= requests.cpu (${requests.cpu})`);
  if (limits.cpu === undefined && requests.cpu === undefined) out.error(base, 'must set cpu in requests or limits');
  if (limits.memory === undefined && requests.memory === undefined) out.error(base, 'must set memory in requests or limits');
}

function checkContainers(list: unknown, base: string, volumes: Set<string>, names: Set<string>, out: IssueList, isInit: boolean): void {
  const containers = asObjects(list);
  containers.forEach((c, i) => {
    const f = join(base, i);
    if (typeof c.image !== 'string' || c.image === '') out.error(join(f, 'image'), 'is required');
    if (typeof c.name === 'string') {
      if (!CONTAINER_NAME_RE.test(c.name)) out.error(join(f, 'name'), 'must start with a letter or number and have at most 63 letters, numbers and hyphens');
      if (names.has(c.name)) out.error(join(f, 'name'), `${c.name} is used by another container`);
      names.add(c.name);
    } else if (containers.length > 1) out.error(join(f, 'name'), 'is required when the pod has more than one container');
    checkEnum(c.imagePullPolicy, join(f, 'imagePullPolicy'), ['Always', 'IfNotPresent', 'Never'], out);
    asObjects(c.env).forEach((e, j) => {
      if (typeof e.name === 'string' && e.name.startsWith('AWS_BATCH')) out.error(join(join(join(f, 'env'), j), 'name'), 'must not start with "AWS_BATCH"');
    });
    if (!isInit) checkResources(isObject(c.resources) ? c.resources : {}, join(f, 'resources'), out);
    asObjects(c.volumeMounts).forEach((m, j) => {
      if (typeof m.name === 'string' && !volumes.has(m.name)) out.error(join(join(join(f, 'volumeMounts'), j), 'name'), `names no pod volume (${m.name})`);
    });
  });
}

export function checkEksProperties(eks: Record<string, unknown>, base: string, out: IssueList): void {
  const pod = isObject(eks.podProperties) ? eks.podProperties : undefined;
  const pf = join(base, 'podProperties');
  if (!pod) return out.error(pf, 'is required');
  checkEnum(pod.dnsPolicy, join(pf, 'dnsPolicy'), ['Default', 'ClusterFirst', 'ClusterFirstWithHostNet'], out);
  const volumes = new Set<string>();
  asObjects(pod.volumes).forEach((v, i) => {
    const f = join(join(pf, 'volumes'), i);
    if (typeof v.name !== 'string' || v.name.length > 253 || !DNS_SUBDOMAIN_RE.test(v.name)) out.error(join(f, 'name'), 'must be a DNS subdomain name (lowercase letters, numbers, - and ., at most 253)');
    else volumes.add(v.name);
    const sources = ['hostPath', 'emptyDir', 'secret', 'persistentVolumeClaim'].filter((k) => v[k] !== undefined);
    if (sources.length !== 1) out.error(f, 'must have exactly one of hostPath, emptyDir, secret, persistentVolumeClaim');
    if (isObject(v.emptyDir) && v.emptyDir.medium !== undefined && v.emptyDir.medium !== '' && v.emptyDir.medium !== 'Memory') out.error(join(f, 'emptyDir.medium'), 'must be "" or "Memory"');
    if (isObject(v.secret) && !v.secret.secretName) out.error(join(f, 'secret.secretName'), 'is required');
  });
  const containers = asObjects(pod.containers);
  if (containers.length === 0) out.error(join(pf, 'containers'), 'must have at least one container');
  if (containers.length > 10) out.error(join(pf, 'containers'), 'must have at most 10 containers');
  if (asObjects(pod.initContainers).length > 10) out.error(join(pf, 'initContainers'), 'must have at most 10 containers');
  const names = new Set<string>();
  checkContainers(pod.initContainers, join(pf, 'initContainers'), volumes, names, out, true);
  checkContainers(pod.containers, join(pf, 'containers'), volumes, names, out, false);
  if (isObject(pod.metadata)) {
    for (const kind of ['labels', 'annotations'] as const) {
      const map = pod.metadata[kind];
      if (!isObject(map)) continue;
      for (const k of Object.keys(map)) {
        if (RESERVED_LABEL_PREFIXES.some((p) => k.startsWith(p))) out.error(join(join(join(pf, 'metadata'), kind), k), `must not start with ${RESERVED_LABEL_PREFIXES.join(', ')}`);
      }
    }
  }
}
