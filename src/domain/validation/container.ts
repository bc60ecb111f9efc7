/**
 * The checks every ECS container goes through (spec/04 §16 item 8): a containerProperties, a
 * node-range container, or one container of an ecsProperties task.
 */
import { placeholderName } from '../jobs/parameters.js';
import { asObjects, checkEnum, checkInt, isObject } from './common.js';
import { describeFargateMemory, fargateMemoryOptions, FARGATE_VCPUS } from './fargate.js';
import { type IssueList, join } from './issue.js';

export type Platform = 'EC2' | 'FARGATE';

export interface ContainerContext {
  platform: Platform;
  /** A node range of a multinode definition. */
  multinode: boolean;
  /** A container of an ecsProperties task: has a name, may use awsfirelens, resources are summed per task. */
  ecsTask: boolean;
  /** The execution role that applies (the container's own, or the task's). */
  executionRoleArn?: string;
}

export const LOG_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'awsfirelens'] as const;
const TMPFS_OPTIONS = new Set(('defaults ro rw suid nosuid dev nodev exec noexec sync async dirsync remount mand nomand atime noatime diratime '
  + 'nodiratime bind rbind unbindable runbindable private rprivate shared rshared slave rslave relatime norelatime strictatime '
  + 'nostrictatime mode uid gid nr_inodes nr_blocks mpol').split(' '));
const AWSLOGS_KEYS = new Set(['awslogs-region', 'awslogs-group', 'awslogs-stream-prefix', 'awslogs-datetime-format', 'awslogs-multiline-pattern',
  'awslogs-create-group', 'mode', 'max-buffer-size', 'awslogs-endpoint']);
const VOLUME_NAME_RE = /^[A-Za-z0-9_-]{1,255}$/;

/** The resources a container asks for, from resourceRequirements or the deprecated keys. */
export interface ContainerResources {
  vcpus?: number;
  memoryMiB?: number;
  gpus?: number;
}

export function containerResources(c: Record<string, unknown>): ContainerResources {
  const out: ContainerResources = {};
  for (const r of asObjects(c.resourceRequirements)) {
    const v = Number(r.value);
    if (r.type === 'VCPU') out.vcpus = v;
    if (r.type === 'MEMORY') out.memoryMiB = v;
    if (r.type === 'GPU') out.gpus = v;
  }
  if (out.vcpus === undefined && typeof c.vcpus === 'number') out.vcpus = c.vcpus;
  if (out.memoryMiB === undefined && typeof c.memory === 'number') out.memoryMiB = c.memory;
  return out;
}

/** Checks a vCPU/memory pair against Fargate's table, reporting under `field`. */
export function checkFargatePair(res: ContainerResources, field: string, out: IssueList): void {
  if (res.vcpus === undefined || res.memoryMiB === undefined) return;
  const options = fargateMemoryOptions(res.vcpus);
  if (!options) out.error(field, `VCPU ${res.vcpus} is not a Fargate size (${FARGATE_VCPUS.join(', ')})`);
  else if (!options.includes(res.memoryMiB)) {
    out.error(field, `MEMORY ${res.memoryMiB} is not valid with VCPU ${res.vcpus} on Fargate (allowed: ${describeFargateMemory(res.vcpus)} MiB)`);
  }
}

function checkResourceRequirements(c: Record<string, unknown>, base: string, ctx: ContainerContext, out: IssueList): void {
  const field = join(base, 'resourceRequirements');
  const seen = new Set<string>();
  asObjects(c.resourceRequirements).forEach((r, i) => {
    const f = join(field, i);
    if (!checkEnum(r.type, join(f, 'type'), ['GPU', 'MEMORY', 'VCPU'], out) || typeof r.type !== 'string' || typeof r.value !== 'string') return;
    if (seen.has(r.type)) out.error(join(f, 'type'), `${r.type} is given more than once`);
    seen.add(r.type);
    const v = Number(r.value);
    const vf = join(f, 'value');
    if (r.value.trim() === '' || !Number.isFinite(v)) return out.error(vf, `${r.type} must be a number written as a string (e.g. "2")`);
    if (r.type === 'MEMORY' && (!Number.isInteger(v) || v < 4)) out.error(vf, 'MEMORY must be an integer number of MiB, at least 4');
    if (r.type === 'GPU') {
      if (ctx.platform === 'FARGATE') out.error(join(f, 'type'), 'GPU is not supported on Fargate');
      else if (!Number.isInteger(v) || v < 1) out.error(vf, 'GPU must be an integer >= 1');
    }
    if (r.type === 'VCPU' && ctx.platform === 'EC2' && (!Number.isInteger(v) || v < 1)) out.error(vf, 'VCPU must be an integer >= 1 on EC2');
    if (r.type === 'VCPU' && ctx.ecsTask === false && ctx.platform === 'FARGATE' && !FARGATE_VCPUS.includes(v)) {
      out.error(vf, `VCPU must be one of ${FARGATE_VCPUS.join(', ')} on Fargate`);
    }
  });
  for (const [key, type] of [['vcpus', 'VCPU'], ['memory', 'MEMORY']] as const) {
    if (c[key] === undefined) continue;
    if (seen.has(type)) out.error(join(base, key), `conflicts with the ${type} in resourceRequirements; use resourceRequirements only`);
    else out.warn(join(base, key), `is deprecated; use resourceRequirements [{"type":"${type}","value":"${String(c[key])}"}]`);
    if (ctx.platform === 'FARGATE') out.error(join(base, key), 'is not supported on Fargate; use resourceRequirements');
  }
  checkInt(c.vcpus, join(base, 'vcpus'), out, 1);
  checkInt(c.memory, join(base, 'memory'), out, 4);
}

function checkEnvironment(c: Record<string, unknown>, base: string, out: IssueList): Set<string> {
  const names = new Set<string>();
  asObjects(c.environment).forEach((e, i) => {
    const f = join(join(base, 'environment'), i);
    if (typeof e.name !== 'string' || e.name === '') return out.error(join(f, 'name'), 'is required');
    if (e.name.startsWith('AWS_BATCH')) out.error(join(f, 'name'), 'must not start with "AWS_BATCH" (reserved for variables Batch sets)');
    if (names.has(e.name)) out.error(join(f, 'name'), `${e.name} is set more than once`);
    if (e.value === undefined) out.error(join(f, 'value'), 'is required');
    names.add(e.name);
  });
  return names;
}

const SM_ARN_RE = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[^:]+(:[^:]*:[^:]*:[^:]*)?$/;
const SSM_ARN_RE = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/.+$/;

function checkSecretRef(valueFrom: unknown, field: string, out: IssueList): void {
  if (typeof valueFrom !== 'string' || valueFrom === '') return out.error(field, 'is required');
  if (valueFrom.startsWith('arn:aws') && valueFrom.includes(':secretsmanager:')) {
    if (!SM_ARN_RE.test(valueFrom)) return out.error(field, 'must be arn:aws:secretsmanager:<region>:<account>:secret:<name>[:json-key:version-stage:version-id]');
    const parts = valueFrom.split(':');
    if (parts.length === 10 && parts[8] && parts[9]) out.error(field, 'version-stage and version-id are mutually exclusive');
  } else if (valueFrom.startsWith('arn:')) {
    if (!SSM_ARN_RE.test(valueFrom)) out.error(field, 'must be a Secrets Manager secret ARN or an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)');
  } else {
    out.warn(field, 'is a bare SSM parameter name: it only resolves in the job\'s own region');
  }
}

function checkSecrets(c: Record<string, unknown>, base: string, envNames: Set<string>, ctx: ContainerContext, out: IssueList): void {
  const secrets = asObjects(c.secrets);
  secrets.forEach((s, i) => {
    const f = join(join(base, 'secrets'), i);
    if (typeof s.name !== 'string' || s.name === '') out.error(join(f, 'name'), 'is required');
    else {
      if (s.name.startsWith('AWS_BATCH')) out.error(join(f, 'name'), 'must not start with "AWS_BATCH"');
      if (envNames.has(s.name)) out.error(join(f, 'name'), `${s.name} is also set in environment`);
    }
    checkSecretRef(s.valueFrom, join(f, 'valueFrom'), out);
  });
  if (secrets.length > 0 && !ctx.executionRoleArn) out.error(join(base, 'secrets'), 'need an executionRoleArn (the ECS agent reads the secrets with it)');
}

function checkLogConfiguration(c: Record<string, unknown>, base: string, ctx: ContainerContext, out: IssueList): void {
  if (!isObject(c.logConfiguration)) return;
  const lc = c.logConfiguration;
  const f = join(base, 'logConfiguration');
  const drivers = ctx.ecsTask ? LOG_DRIVERS : LOG_DRIVERS.filter((d) => d !== 'awsfirelens');
  if (checkEnum(lc.logDriver, join(f, 'logDriver'), drivers, out) && ctx.platform === 'FARGATE' && lc.logDriver !== 'awslogs' && lc.logDriver !== 'splunk' && lc.logDriver !== 'awsfirelens') {
    out.error(join(f, 'logDriver'), 'must be awslogs or splunk on Fargate');
  }
  if (lc.logDriver === 'awslogs' && isObject(lc.options)) {
    for (const [k, v] of Object.entries(lc.options)) {
      if (!AWSLOGS_KEYS.has(k)) out.warn(join(join(f, 'options'), k), 'is not an awslogs option');
      if (k === 'awslogs-create-group' && v !== 'true' && v !== 'false') out.error(join(join(f, 'options'), k), 'must be "true" or "false"');
    }
  }
  asObjects(lc.secretOptions).forEach((s, i) => {
    const sf = join(join(f, 'secretOptions'), i);
    if (typeof s.name !== 'string' || s.name === '') out.error(join(sf, 'name'), 'is required');
    checkSecretRef(s.valueFrom, join(sf, 'valueFrom'), out);
  });
  if (asObjects(lc.secretOptions).length > 0 && !ctx.executionRoleArn) out.error(join(f, 'secretOptions'), 'need an executionRoleArn');
}

/** Task- or container-level volumes; returns their names for the mount-point check. */
export function checkVolumes(volumes: unknown, base: string, platform: Platform, out: IssueList): Set<string> {
  const names = new Set<string>();
  asObjects(volumes).forEach((v, i) => {
    const f = join(join(base, 'volumes'), i);
    if (typeof v.name === 'string') {
      if (!VOLUME_NAME_RE.test(v.name)) out.error(join(f, 'name'), 'must be 1-255 letters, numbers, hyphens and underscores');
      if (names.has(v.name)) out.error(join(f, 'name'), `${v.name} is defined more than once`);
      names.add(v.name);
    } else out.error(join(f, 'name'), 'is required');
    const sources = ['host', 'efsVolumeConfiguration', 's3filesVolumeConfiguration'].filter((k) => v[k] !== undefined);
    if (sources.length > 1) out.error(f, `must have at most one of host, efsVolumeConfiguration, s3filesVolumeConfiguration (has ${sources.join(', ')})`);
    if (v.host !== undefined && platform === 'FARGATE') out.error(join(f, 'host'), 'is not supported on Fargate');
    if (isObject(v.efsVolumeConfiguration)) {
      const e = v.efsVolumeConfiguration;
      const ef = join(f, 'efsVolumeConfiguration');
      if (typeof e.fileSystemId !== 'string' || e.fileSystemId === '') out.error(join(ef, 'fileSystemId'), 'is required');
      if (typeof e.rootDirectory === 'string' && e.rootDirectory.length > 4096) out.error(join(ef, 'rootDirectory'), 'must be at most 4096 characters');
      checkEnum(e.transitEncryption, join(ef, 'transitEncryption'), ['ENABLED', 'DISABLED'], out);
      checkInt(e.transitEncryptionPort, join(ef, 'transitEncryptionPort'), out, 0, 65535);
      const auth = isObject(e.authorizationConfig) ? e.authorizationConfig : {};
      checkEnum(auth.iam, join(ef, 'authorizationConfig.iam'), ['ENABLED', 'DISABLED'], out);
      if (auth.accessPointId) {
        if (e.rootDirectory !== undefined && e.rootDirectory !== '/') out.error(join(ef, 'rootDirectory'), 'must be omitted or "/" when an access point is used');
        if (e.transitEncryption !== 'ENABLED') out.error(join(ef, 'transitEncryption'), 'must be ENABLED when an access point is used');
      }
      if (auth.iam === 'ENABLED' && e.transitEncryption !== 'ENABLED') out.error(join(ef, 'transitEncryption'), 'must be ENABLED when authorizationConfig.iam is ENABLED');
    }
  });
  return names;
}

function checkLinuxParameters(c: Record<string, unknown>, base: string, ctx: ContainerContext, out: IssueList): void {
  if (!isObject(c.linuxParameters)) return;
  const lp = c.linuxParameters;
  const f = join(base, 'linuxParameters');
  if (ctx.platform === 'FARGATE') {
    for (const k of ['devices', 'tmpfs', 'sharedMemorySize', 'maxSwap', 'swappiness']) if (lp[k] !== undefined) out.error(join(f, k), 'is not supported on Fargate');
  }
  asObjects(lp.devices).forEach((d, i) => {
    const df = join(join(f, 'devices'), i);
    if (typeof d.hostPath !== 'string' || d.hostPath === '') out.error(join(df, 'hostPath'), 'is required');
    (Array.isArray(d.permissions) ? d.permissions : []).forEach((p, j) => checkEnum(p, join(join(df, 'permissions'), j), ['READ', 'WRITE', 'MKNOD'], out));
  });
  asObjects(lp.tmpfs).forEach((t, i) => {
    const tf = join(join(f, 'tmpfs'), i);
    if (typeof t.containerPath !== 'string' || !t.containerPath.startsWith('/')) out.error(join(tf, 'containerPath'), 'must be an absolute path');
    if (typeof t.size !== 'number' || !Number.isInteger(t.size) || t.size <= 0) out.error(join(tf, 'size'), 'must be an integer number of MiB > 0');
    (Array.isArray(t.mountOptions) ? t.mountOptions : []).forEach((o, j) => {
      if (typeof o === 'string' && !TMPFS_OPTIONS.has(o.split('=')[0]!)) out.error(join(join(tf, 'mountOptions'), j), `"${o}" is not a tmpfs mount option`);
    });
  });
  checkInt(lp.maxSwap, join(f, 'maxSwap'), out, 0);
  checkInt(lp.swappiness, join(f, 'swappiness'), out, 0, 100);
  checkInt(lp.sharedMemorySize, join(f, 'sharedMemorySize'), out, 1);
  if (lp.swappiness !== undefined && lp.maxSwap === undefined) out.warn(join(f, 'swappiness'), 'is ignored unless maxSwap is set');
}

const REF_RE = /Ref::([A-Za-z0-9_]+)/g;

/** Runs every container check; `volumes` are the names mountPoints may use. */
export function checkContainer(c: Record<string, unknown>, base: string, ctx: ContainerContext, volumes: Set<string>, parameters: Record<string, unknown>, out: IssueList): void {
  if (typeof c.image !== 'string' || c.image === '') out.error(join(base, 'image'), 'is required');
  else {
    if (c.image.length > 255) out.error(join(base, 'image'), 'must be at most 255 characters');
    if (!/^[A-Za-z0-9\-_:./#@]+$/.test(c.image)) out.warn(join(base, 'image'), 'has characters outside letters, numbers and -_:./#@');
  }
  checkResourceRequirements(c, base, ctx, out);
  const res = containerResources(c);
  if (!ctx.ecsTask) {
    if (res.vcpus === undefined) out.error(join(base, 'resourceRequirements'), 'must include a VCPU requirement');
    if (res.memoryMiB === undefined) out.error(join(base, 'resourceRequirements'), 'must include a MEMORY requirement');
    if (ctx.platform === 'FARGATE') checkFargatePair(res, join(base, 'resourceRequirements'), out);
  }
  if (ctx.platform === 'FARGATE') {
    // An ecsProperties task carries the role at task level, where checkEcsProperties checks it.
    if (!ctx.executionRoleArn && !ctx.ecsTask) out.error(join(base, 'executionRoleArn'), 'is required on Fargate');
    if (c.privileged === true) out.error(join(base, 'privileged'), 'must be false or absent on Fargate');
    for (const k of ['ulimits', 'instanceType']) if (c[k] !== undefined) out.error(join(base, k), 'is not supported on Fargate');
    if (isObject(c.fargatePlatformConfiguration)) {
      checkEnum(c.fargatePlatformConfiguration.platformVersion, join(base, 'fargatePlatformConfiguration.platformVersion'), ['LATEST', '1.4.0', '1.3.0'], out);
    }
  } else {
    for (const k of ['networkConfiguration', 'fargatePlatformConfiguration']) if (c[k] !== undefined) out.error(join(base, k), 'must not be set on EC2 (Fargate only)');
    if (c.instanceType !== undefined && !ctx.multinode) out.error(join(base, 'instanceType'), 'applies to multinode job definitions only');
  }
  if (isObject(c.networkConfiguration)) checkEnum(c.networkConfiguration.assignPublicIp, join(base, 'networkConfiguration.assignPublicIp'), ['ENABLED', 'DISABLED'], out);
  if (isObject(c.ephemeralStorage)) checkInt(c.ephemeralStorage.sizeInGiB, join(base, 'ephemeralStorage.sizeInGiB'), out, 21, 200);
  const envNames = checkEnvironment(c, base, out);
  checkSecrets(c, base, envNames, ctx, out);
  checkLogConfiguration(c, base, ctx, out);
  if (isObject(c.repositoryCredentials) && !ctx.executionRoleArn) out.error(join(base, 'repositoryCredentials'), 'needs an executionRoleArn');
  const ownVolumes = ctx.ecsTask ? volumes : checkVolumes(c.volumes, base, ctx.platform, out);
  asObjects(c.mountPoints).forEach((m, i) => {
    const f = join(join(base, 'mountPoints'), i);
    if (typeof m.containerPath !== 'string' || m.containerPath === '') out.error(join(f, 'containerPath'), 'is required');
    if (typeof m.sourceVolume !== 'string' || m.sourceVolume === '') out.error(join(f, 'sourceVolume'), 'is required');
    else if (!ownVolumes.has(m.sourceVolume)) out.error(join(f, 'sourceVolume'), `names no volume (${m.sourceVolume})`);
  });
  asObjects(c.ulimits).forEach((u, i) => {
    const f = join(join(base, 'ulimits'), i);
    if (typeof u.name !== 'string') out.error(join(f, 'name'), 'is required');
    if (typeof u.softLimit === 'number' && typeof u.hardLimit === 'number' && u.softLimit > u.hardLimit) out.error(join(f, 'softLimit'), `must be <= hardLimit (${u.hardLimit})`);
  });
  checkLinuxParameters(c, base, ctx, out);
  (Array.isArray(c.command) ? c.command : []).forEach((arg, i) => {
    if (typeof arg !== 'string') return;
    const at = join(join(base, 'command'), i);
    const whole = placeholderName(arg);
    if (whole !== undefined) {
      if (parameters[whole] === undefined) out.warn(at, `Ref::${whole} has no default in parameters; it must be given at submit`);
      return;
    }
    // Batch replaces only an element that is exactly Ref::name (docs/simulator.md "Parameters").
    for (const m of arg.matchAll(REF_RE)) {
      out.warn(at, `Ref::${m[1]} is inside a longer string, which is passed as written: only an element that is exactly Ref::${m[1]} is replaced; make it an element of its own, e.g. ["sh", "-c", "sleep $0", "Ref::${m[1]}"]`);
    }
  });
}
