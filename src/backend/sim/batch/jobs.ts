/**
 * Jobs on the simulator's port: SubmitJob (AWS's validation, array children and dependency edges
 * inserted in bulk), DescribeJobs (JobDetail materialised from the spec and the engine's state),
 * ListJobs (spec/07 §5 exactly, through indexes), CancelJob/TerminateJob (the stop matrix) and
 * GetJobQueueSnapshot. The engine (engine/jobs/) moves the jobs; this file only reads and asks.
 */
import { shortHash } from '../hash.js';
import type * as B from '@aws-sdk/client-batch';
import type { JobStatus } from '@aws-sdk/client-batch';
import { emptyStatusSummary } from '../../../domain/jobs/array.js';
import { MAX_STOP_REASON_LENGTH } from '../../../domain/jobs/cancel.js';
import { arrayChildId, childDependencyIds, jobDependencyIds } from '../../../domain/jobs/dependencies.js';
import { mnpNodeId } from '../../../domain/jobs/nodes.js';
import { JOB_STATUSES, isJobStatus } from '../../../domain/jobs/status.js';
import { platformOf, resolveEffectiveJob, type SubmitQueueView, validateSubmitJob } from '../../../domain/jobs/submit.js';
import { fairShareOrder, accrueHistory, type ShareUsage, shareKey } from '../../../domain/scheduling/order.js';
import { clientException } from '../../../errors.js';
import type { SimCtx } from '../context.js';
import { JOB_TIMING, type JobState } from '../engine/jobs/model.js';
import { engineWorld } from '../engine/jobs/process.js';
import { JobWorld } from '../engine/jobs/world.js';
import { buildSpec, type JobSpec } from '../engine/jobs/spec.js';
import type { JobRow, ListCursor, NewJob } from '../store/jobs.js';
import type { ResourceRow } from '../store/resources.js';
import { KIND } from '../world/kinds.js';
import { assertValid, compact, fail } from './common.js';
import { findJobDefinitionRevision, parseJobDefinitionRef } from './job-definitions.js';
import { findQueue, queueNotFound } from './job-queues.js';
import { findSchedulingPolicy } from './scheduling-policies.js';
import { compareStrings } from '../../../domain/compare.js';

type JD = B.JobDefinition;

function definitionNotFound(ref: string): Error {
  return clientException(`JobDefinition ${ref} not found.`);
}

/** `name` (latest ACTIVE revision), `name:rev` or an ARN. */
function resolveDefinition(ctx: SimCtx, ref: string): ResourceRow<JD> {
  const parsed = parseJobDefinitionRef(ref);
  if (!parsed) throw definitionNotFound(ref);
  if (parsed.revision !== undefined) return findJobDefinitionRevision(ctx, parsed.name, parsed.revision) ?? (() => { throw definitionNotFound(ref); })();
  const active = ctx.resources.list<JD>(KIND.jobDefinition, { name: parsed.name, status: 'ACTIVE' });
  const latest = active[active.length - 1];
  if (!latest) throw definitionNotFound(ref);
  return latest;
}

const QUEUE_PLATFORM: Record<string, string> = { ECS: 'EC2', ECS_FARGATE: 'FARGATE', EKS: 'EKS' };

function specOf(ctx: SimCtx, row: JobRow, cache?: Map<string, JobSpec>): JobSpec {
  const top = row.parentId ?? row.jobId;
  let s = cache?.get(top);
  if (!s) {
    // A row listed without its body (ListJobs) reads it when it is needed after all.
    const body = row.parentId || !row.body ? (ctx.jobs.get(top)?.body ?? '{}') : row.body;
    s = JSON.parse(body) as JobSpec;
    cache?.set(top, s);
  }
  return s;
}

export function submitJob(ctx: SimCtx, input: B.SubmitJobRequest): B.SubmitJobResponse {
  // Rules that need no lookup come first (required members, sizes, limits, names).
  assertValid(validateSubmitJob(input));
  const qRow = findQueue(ctx, input.jobQueue!);
  if (!qRow) throw queueNotFound(input.jobQueue!);
  const q = qRow.body;
  const dRow = resolveDefinition(ctx, input.jobDefinition!);
  const def = dRow.body;
  const policy = q.schedulingPolicyArn ? findSchedulingPolicy(ctx, q.schedulingPolicyArn)?.body : undefined;
  const view: SubmitQueueView = { jobQueueName: q.jobQueueName, state: q.state, schedulingPolicyArn: q.schedulingPolicyArn, quotaManagement: policy?.quotaSharePolicy !== undefined && !policy.fairsharePolicy };
  const fairShare = Boolean(q.schedulingPolicyArn) && !view.quotaManagement;
  assertValid(
    validateSubmitJob(input, def, view, {
      findJob: (id) => {
        const r = ctx.jobs.get(id);
        return r && { arraySize: r.kind === 'ARRAY' ? (r.arraySize ?? undefined) : undefined };
      },
      activeShareIdentifiers: fairShare ? new Set(ctx.jobs.activeShares(q.jobQueueArn!)) : undefined,
    }),
  );
  const platform = platformOf(def);
  const wanted = QUEUE_PLATFORM[q.jobQueueType ?? 'ECS'] ?? 'EC2';
  if (platform !== wanted) {
    fail('jobDefinition', `${def.jobDefinitionArn} runs on ${platform} resources; job queue ${q.jobQueueName} has ${wanted} compute environments (${q.jobQueueType})`);
  }
  const eff = resolveEffectiveJob(input, def);
  const spec = buildSpec(input, def, eff, q);
  const jobId = ctx.ids.uuid();
  const arn = ctx.batchArn('job', jobId);
  const size = input.arrayProperties?.size;
  const kind = size !== undefined ? 'ARRAY' : def.nodeProperties ? 'MNP' : 'JOB';
  const now = ctx.now;
  const state: JobState = {};
  if (kind === 'ARRAY') {
    state.summary = { ...emptyStatusSummary(), PENDING: size! };
    state.summaryAt = now;
  }
  const common = {
    name: input.jobName!, queueArn: q.jobQueueArn!, createdAt: now, updatedAt: now, shareId: eff.shareIdentifier ?? null,
    jobDefinitionArn: def.jobDefinitionArn ?? null, active: 1, statusReason: null, startedAt: null, stoppedAt: null, exitCode: null,
    dispatchAt: null, priorityKey: -(fairShare ? (eff.schedulingPriority ?? 0) : 0),
  };
  ctx.jobs.insert({
    ...common, jobId, arn, status: 'SUBMITTED', parentId: null, arrayIndex: null, nextEventAt: now + JOB_TIMING.submitEvalMs, kind,
    stateJson: JSON.stringify(state), arraySize: size ?? null, body: JSON.stringify(spec),
  });
  const edges: Array<[string, string]> = [];
  if (kind === 'ARRAY') {
    const sizeOf = (id: string) => {
      const r = ctx.jobs.get(id);
      return r?.kind === 'ARRAY' ? (r.arraySize ?? undefined) : undefined;
    };
    const sizes = new Map<string, number | undefined>();
    const memoSize = (id: string) => (sizes.has(id) ? sizes.get(id) : (sizes.set(id, sizeOf(id)), sizes.get(id)));
    ctx.jobs.insertMany(
      (function* (): Generator<NewJob> {
        for (let i = 0; i < size!; i++) {
          const childId = arrayChildId(jobId, i);
          yield {
            ...common, jobId: childId, arn: `${arn}:${i}`, status: 'PENDING', parentId: jobId, arrayIndex: i, nextEventAt: null,
            kind: 'CHILD', stateJson: '{}', arraySize: size!, body: '',
          };
          for (const dep of childDependencyIds(jobId, i, input.dependsOn, memoSize)) edges.push([dep, childId]);
        }
      })(),
    );
  } else {
    for (const dep of jobDependencyIds(input.dependsOn)) edges.push([dep, jobId]);
  }
  if (kind === 'MNP') {
    // One row per node, `<jobId>#<n>`: PENDING until the whole gang is placed (spec/05 §8).
    ctx.jobs.insertMany(
      (function* (): Generator<NewJob> {
        for (let n = 0; n < (spec.numNodes ?? 1); n++) {
          yield {
            ...common, jobId: mnpNodeId(jobId, n), arn: `${arn}#${n}`, status: 'PENDING', parentId: jobId, arrayIndex: n, nextEventAt: null,
            kind: 'NODE', stateJson: '{}', arraySize: null, body: '',
          };
        }
      })(),
    );
  }
  ctx.jobs.insertDeps(edges);
  JobWorld.of(ctx)?.jobsInserted();
  return { jobArn: arn, jobName: input.jobName!, jobId };
}

// ---- DescribeJobs -------------------------------------------------------------------------------

function materialise(ctx: SimCtx, row: JobRow, specs: Map<string, JobSpec>): B.JobDetail {
  const spec = specOf(ctx, row, specs);
  const st = JSON.parse(row.stateJson) as JobState;
  const d: B.JobDetail = {
    ...(structuredClone(spec.detail) as B.JobDetail),
    jobArn: row.arn,
    jobName: row.name,
    jobId: row.jobId,
    jobQueue: row.queueArn,
    status: row.status,
    createdAt: row.createdAt,
    attempts: st.attempts ?? [],
  };
  if (row.statusReason !== null) d.statusReason = row.statusReason;
  if (row.startedAt !== null) d.startedAt = row.startedAt;
  if (row.stoppedAt !== null) d.stoppedAt = row.stoppedAt;
  if (st.isCancelled) d.isCancelled = true;
  if (st.isTerminated) d.isTerminated = true;
  if (row.kind === 'CHILD' && row.parentId) {
    d.arrayProperties = { index: row.arrayIndex! };
    const deps = childDependencyIds(row.parentId, row.arrayIndex!, spec.detail.dependsOn, (id) => (id === row.parentId ? undefined : (ctx.jobs.get(id)?.arraySize ?? undefined)));
    d.dependsOn = deps.map((jobId) => ({ jobId }));
  } else if (row.kind === 'ARRAY') {
    d.arrayProperties = { size: row.arraySize!, statusSummary: { ...(st.summary ?? emptyStatusSummary()) }, statusSummaryLastUpdatedAt: st.summaryAt };
  } else if (row.kind === 'NODE') {
    // A node shows its own container (its node range with the submit-time overrides) and nodeDetails.
    const index = row.arrayIndex ?? 0;
    const group = spec.nodeGroups?.[spec.nodeOf?.[index] ?? 0];
    delete d.nodeProperties;
    if (group?.container) d.container = structuredClone(group.container);
    if (group?.ecsProperties) d.ecsProperties = structuredClone(group.ecsProperties);
    d.nodeDetails = { nodeIndex: index, isMainNode: index === (spec.mainNode ?? 0) };
  }
  if (d.container) {
    const cur = st.cur;
    const c = d.container;
    if (cur) {
      c.taskArn = cur.taskArn;
      if (cur.containerInstanceArn) c.containerInstanceArn = cur.containerInstanceArn;
      if (cur.logStream && row.status === 'RUNNING') c.logStreamName = cur.logStream;
    } else if (st.last) Object.assign(c, st.last);
  }
  return d;
}

export function describeJobs(ctx: SimCtx, input: B.DescribeJobsRequest): B.DescribeJobsResponse {
  const ids = input.jobs ?? [];
  if (ids.length === 0) fail('jobs', 'is required');
  if (ids.length > 100) fail('jobs', 'must list at most 100 job IDs');
  const specs = new Map<string, JobSpec>();
  const jobs: B.JobDetail[] = [];
  for (const id of ids) {
    // Unknown ids are silently omitted (spec/07 §5); an MNP node id `job#n` is looked up as is.
    const row = ctx.jobs.get(id);
    if (row) jobs.push(materialise(ctx, row, specs));
  }
  return { jobs };
}

// ---- ListJobs -----------------------------------------------------------------------------------

const FILTER_NAMES = ['JOB_NAME', 'JOB_DEFINITION', 'BEFORE_CREATED_AT', 'AFTER_CREATED_AT', 'SHARE_IDENTIFIER'] as const;

interface ListToken {
  v: 2;
  c: number;
  s: number;
  k: string;
}

function encodeListToken(cursor: ListCursor, scope: string): string {
  return Buffer.from(JSON.stringify({ v: 2, c: cursor.createdAt, s: cursor.seq, k: scope } satisfies ListToken)).toString('base64url');
}

function decodeListToken(token: string | undefined, scope: string): ListCursor | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ListToken>;
    if (t.v === 2 && typeof t.c === 'number' && typeof t.s === 'number' && t.k === scope) return { createdAt: t.c, seq: t.s };
  } catch {
    // fall through
  }
  throw clientException('nextToken: is not valid (pass the nextToken of the previous ListJobs response with the same parameters)');
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SQL predicate of one ListJobs filter (spec/07 §5). */
function filterPredicate(f: B.KeyValuesPair): { sql: string; args: (string | number)[] } {
  const name = f.name ?? '';
  const values = f.values ?? [];
  if (!(FILTER_NAMES as readonly string[]).includes(name)) fail('filters[0].name', `must be one of ${FILTER_NAMES.join(', ')} (got ${name || 'nothing'})`);
  if (values.length !== 1) fail('filters[0].values', `must have exactly one value (got ${values.length})`);
  const v = values[0]!;
  switch (name) {
    case 'JOB_NAME':
      // Case-insensitive; a trailing `*` is a prefix match.
      return v.endsWith('*') ? { sql: "name LIKE ? ESCAPE '\\'", args: [`${likeEscape(v.slice(0, -1))}%`] } : { sql: "name LIKE ? ESCAPE '\\'", args: [likeEscape(v)] };
    case 'JOB_DEFINITION': {
      if (v.startsWith('arn:')) {
        if (v.includes('*')) fail('filters[0].values', 'an asterisk (*) is not supported with a job definition ARN');
        const m = /^arn:[^:]+:batch:[^:]*:\d{12}:job-definition\/([A-Za-z0-9_-]+)(?::(\d+))?$/.exec(v);
        if (!m) fail('filters[0].values', `is not a job definition ARN: ${v}`);
        return m[2] !== undefined ? { sql: 'job_definition_arn = ?', args: [v] } : { sql: 'job_definition_arn GLOB ?', args: [`${v}:*`] };
      }
      // Case-sensitive; a name matches every revision; `name*` is a name prefix.
      return v.endsWith('*')
        ? { sql: 'job_definition_arn GLOB ?', args: [`*:job-definition/${v.slice(0, -1).replace(/[[\]*?]/g, '')}*`] }
        : { sql: 'job_definition_arn GLOB ?', args: [`*:job-definition/${v.replace(/[[\]*?]/g, '')}:*`] };
    }
    case 'BEFORE_CREATED_AT':
    case 'AFTER_CREATED_AT': {
      if (!/^\d+$/.test(v)) fail('filters[0].values', `${name} takes milliseconds since the epoch as a decimal string (got ${v})`);
      return { sql: name === 'BEFORE_CREATED_AT' ? 'created_at < ?' : 'created_at > ?', args: [Number(v)] };
    }
    default:
      return { sql: 'share_id = ?', args: [v] };
  }
}

/** What a page of summaries looks up once: the jobs' specs (MNP only) and, per definition, whether it has a container. */
interface SummaryLookups {
  specs: Map<string, JobSpec>;
  containers: Map<string, boolean>;
}

/**
 * Whether a job's detail has a `container` (its definition has containerProperties; not ECS
 * multi-container, not EKS): read from the definition, once per definition in a page, instead of
 * parsing every job's spec. A definition purged since falls back to the job's own spec.
 */
function hasContainer(ctx: SimCtx, row: JobRow, lookups: SummaryLookups): boolean {
  const arn = row.jobDefinitionArn;
  let has = arn ? lookups.containers.get(arn) : undefined;
  if (has === undefined) {
    const def = arn ? ctx.resources.byArn<JD>(arn) : undefined;
    has = def ? def.body.containerProperties !== undefined : specOf(ctx, row, lookups.specs).detail.container !== undefined;
    if (arn) lookups.containers.set(arn, has);
  }
  return has;
}

function summarise(row: JobRow, lookups: SummaryLookups, ctx: SimCtx): B.JobSummary {
  const s: B.JobSummary = { jobArn: row.arn, jobId: row.jobId, jobName: row.name, createdAt: row.createdAt, status: row.status };
  if (row.statusReason !== null) s.statusReason = row.statusReason;
  if (row.startedAt !== null) s.startedAt = row.startedAt;
  if (row.stoppedAt !== null) s.stoppedAt = row.stoppedAt;
  if (row.shareId !== null) s.shareIdentifier = row.shareId;
  if (row.jobDefinitionArn !== null) s.jobDefinition = row.jobDefinitionArn;
  const needState = row.kind === 'ARRAY' || row.status === 'STARTING' || row.status === 'RUNNING' || row.status === 'FAILED';
  const st = needState ? (JSON.parse(row.stateJson) as JobState) : undefined;
  if (row.kind === 'NODE' || row.kind === 'MNP' || (row.kind !== 'ARRAY' && hasContainer(ctx, row, lookups))) {
    const c: B.ContainerSummary = {};
    if (row.exitCode !== null) c.exitCode = row.exitCode;
    if (st?.last?.reason) c.reason = st.last.reason;
    s.container = c;
  }
  if (st?.cur) s.capacityUsage = [{ capacityUnit: 'VCPU', quantity: st.cur.vcpus }];
  if (row.kind === 'ARRAY') s.arrayProperties = { size: row.arraySize!, statusSummary: { ...(st?.summary ?? emptyStatusSummary()) }, statusSummaryLastUpdatedAt: st?.summaryAt };
  if (row.kind === 'CHILD') s.arrayProperties = { index: row.arrayIndex! };
  if (row.kind === 'MNP' || row.kind === 'NODE') {
    const spec = specOf(ctx, row, lookups.specs);
    s.nodeProperties = row.kind === 'MNP' ? { numNodes: spec.numNodes } : { numNodes: spec.numNodes, nodeIndex: row.arrayIndex!, isMainNode: row.arrayIndex === (spec.mainNode ?? 0) };
  }
  return s;
}

export function listJobs(ctx: SimCtx, input: B.ListJobsRequest): B.ListJobsResponse {
  const targets = [input.jobQueue, input.arrayJobId, input.multiNodeJobId].filter((t) => t !== undefined && t !== '');
  if (targets.length > 1) fail('jobQueue', 'You must specify only one of jobQueue, arrayJobId or multiNodeJobId');
  const filters = input.filters ?? [];
  if (targets.length === 0) fail('jobQueue', 'is required (or arrayJobId, multiNodeJobId)');
  if (filters.length > 1) fail('filters', `only one filter can be used at a time (got ${filters.length})`);
  if (input.jobStatus !== undefined && !isJobStatus(input.jobStatus)) fail('jobStatus', `must be one of ${JOB_STATUSES.join(', ')} (got ${String(input.jobStatus)})`);
  let queueArn: string | undefined;
  if (input.jobQueue) {
    const q = findQueue(ctx, input.jobQueue);
    if (!q) throw queueNotFound(input.jobQueue);
    queueArn = q.arn!;
  }
  const parentId = input.arrayJobId ?? input.multiNodeJobId;
  // Filters don't apply to array children or MNP nodes (spec/07 §5): there, only jobStatus counts.
  const filter = parentId === undefined ? filters[0] : undefined;
  // arrayJobId lists array children only, multiNodeJobId MNP nodes only (each scope's own kind).
  const kindOnly = input.arrayJobId ? { sql: "kind = 'CHILD'", args: [] } : input.multiNodeJobId ? { sql: "kind = 'NODE'", args: [] } : undefined;
  const predicate = filter ? filterPredicate(filter) : kindOnly;
  const statusIgnored = filter !== undefined && filter.name !== 'SHARE_IDENTIFIER';
  const statuses = statusIgnored ? undefined : [input.jobStatus ?? 'RUNNING'];
  const cap = filter ? 100 : 1000;
  const max = input.maxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) fail('maxResults', `must be at least 1 (got ${max})`);
  const limit = Math.min(max ?? cap, cap);
  const scope = JSON.stringify([queueArn ?? '', parentId ?? '', statuses ?? [], filter ?? null]);
  const scopeKey = shortHash(scope);
  const after = decodeListToken(input.nextToken, scopeKey);
  const rows = ctx.jobs.list({ queueArn, parentId, statuses, after, limit: limit + 1, where: predicate, withoutBody: true });
  const page = rows.slice(0, limit);
  const lookups: SummaryLookups = { specs: new Map(), containers: new Map() };
  const out: B.ListJobsResponse = { jobSummaryList: page.map((r) => summarise(r, lookups, ctx)) };
  if (rows.length > limit) {
    const last = page[page.length - 1]!;
    out.nextToken = encodeListToken({ createdAt: last.createdAt, seq: last.seq }, scopeKey);
  }
  return out;
}

// ---- CancelJob / TerminateJob -------------------------------------------------------------------

function stopJob(ctx: SimCtx, input: { jobId?: string; reason?: string }, request: 'cancel' | 'terminate'): Record<string, never> {
  if (!input.jobId) fail('jobId', 'is required');
  if (input.reason === undefined || input.reason === '') fail('reason', 'is required');
  if (input.reason.length > MAX_STOP_REASON_LENGTH) fail('reason', `can be at most ${MAX_STOP_REASON_LENGTH} characters (got ${input.reason.length})`);
  const w = engineWorld(ctx);
  const r = w.get(input.jobId);
  if (!r) throw clientException(`Job ${input.jobId} not found.`);
  w.stop(r, request, input.reason);
  return {};
}

export function cancelJob(ctx: SimCtx, input: B.CancelJobRequest): B.CancelJobResponse {
  return stopJob(ctx, input, 'cancel');
}

export function terminateJob(ctx: SimCtx, input: B.TerminateJobRequest): B.TerminateJobResponse {
  return stopJob(ctx, input, 'terminate');
}

// ---- GetJobQueueSnapshot ------------------------------------------------------------------------

export function getJobQueueSnapshot(ctx: SimCtx, input: B.GetJobQueueSnapshotRequest): B.GetJobQueueSnapshotResponse {
  if (!input.jobQueue) fail('jobQueue', 'is required');
  const row = findQueue(ctx, input.jobQueue);
  if (!row) throw queueNotFound(input.jobQueue);
  const q = row.body;
  const arn = row.arn!;
  const policy = q.schedulingPolicyArn ? findSchedulingPolicy(ctx, q.schedulingPolicyArn)?.body.fairsharePolicy : undefined;
  const entry = (r: JobRow) => ({ jobArn: r.arn, earliestTimeAtPosition: (JSON.parse(r.stateJson) as JobState).ra ?? r.createdAt });
  let front: JobRow[];
  const w = engineWorld(ctx);
  if (q.schedulingPolicyArn) {
    const decay = policy?.shareDecaySeconds ?? 0;
    const usage = new Map<string, ShareUsage>();
    for (const [k, s] of Object.entries(w.shareStates(arn))) usage.set(k, { current: s.c, history: accrueHistory(s.h, s.c, ctx.now - s.at, decay) });
    const candidates = ctx.jobs.runnableShares(arn).flatMap((share) => ctx.jobs.runnableOfShare(arn, share, undefined, 100));
    const items = candidates.map((r) => ({ r, jobId: r.jobId, createdAt: r.createdAt, shareIdentifier: r.shareId ?? '', schedulingPriority: -r.priorityKey }));
    front = fairShareOrder(items, usage, policy).slice(0, 100).map((x) => x.r);
  } else {
    front = ctx.jobs.runnableFifo(arn, undefined, 100);
  }
  const unit = q.jobQueueType === 'EKS' ? 'cpu' : 'VCPU';
  let total = 0;
  const byShare = new Map<string, number>();
  for (const status of ['STARTING', 'RUNNING'] as JobStatus[]) {
    for (const r of ctx.jobs.inQueueStatus(arn, status)) {
      const v = (JSON.parse(r.stateJson) as JobState).cur?.vcpus ?? 0;
      total += v;
      if (r.shareId !== null) byShare.set(r.shareId, (byShare.get(r.shareId) ?? 0) + v);
    }
  }
  const utilization: B.QueueSnapshotUtilizationDetail = { totalCapacityUsage: [{ capacityUnit: unit, quantity: total }], lastUpdatedAt: ctx.now };
  if (q.schedulingPolicyArn) {
    const top = [...byShare.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, 20);
    const keys = new Set(ctx.jobs.activeShares(arn).map((s) => shareKey(s, policy)));
    utilization.fairshareUtilization = {
      activeShareCount: keys.size,
      topCapacityUtilization: top.map(([shareIdentifier, quantity]) => ({ shareIdentifier, capacityUsage: [{ capacityUnit: unit, quantity }] })),
    };
  }
  return compact({ frontOfQueue: { jobs: front.map(entry), lastUpdatedAt: ctx.now }, queueUtilization: utilization });
}
