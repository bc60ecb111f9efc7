/**
 * The `jobs` table and its companions (`job_deps`, `instances`). Rows carry the indexed columns
 * the engine and ListJobs query, a static `body` (the submit-time spec, JSON, only on top-level
 * jobs: array children and MNP nodes read their parent's) and a small mutable `state` (JSON).
 * Every query here goes through an index; none scans the table.
 */
import type { JobStatus } from '@aws-sdk/client-batch';
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';

/** JOB (plain), ARRAY (array parent), CHILD (array child), MNP (multi-node parent), NODE (MNP node). */
export type JobKind = 'JOB' | 'ARRAY' | 'CHILD' | 'MNP' | 'NODE';

export interface JobRow {
  seq: number;
  jobId: string;
  arn: string;
  name: string;
  queueArn: string;
  status: JobStatus;
  createdAt: number;
  updatedAt: number;
  parentId: string | null;
  arrayIndex: number | null;
  shareId: string | null;
  jobDefinitionArn: string | null;
  active: number;
  nextEventAt: number | null;
  kind: JobKind;
  /** Raw JSON; parse with `parseState`. */
  stateJson: string;
  statusReason: string | null;
  startedAt: number | null;
  stoppedAt: number | null;
  exitCode: number | null;
  dispatchAt: number | null;
  priorityKey: number;
  arraySize: number | null;
  /** Raw JSON of the spec ('' on children and nodes). */
  body: string;
}

/**
 * A row of COLS as better-sqlite3's raw mode returns it: an array in COLS's order. An object per
 * row costs about three times as much to build (a page of 1,000 summaries: ~12 ms against ~4).
 */
type Raw = [
  seq: number,
  jobId: string,
  arn: string,
  name: string,
  queueArn: string,
  status: string,
  createdAt: number,
  updatedAt: number,
  parentId: string | null,
  arrayIndex: number | null,
  shareId: string | null,
  jobDefinitionArn: string | null,
  active: number,
  nextEventAt: number | null,
  kind: string,
  state: string,
  statusReason: string | null,
  startedAt: number | null,
  stoppedAt: number | null,
  exitCode: number | null,
  dispatchAt: number | null,
  priorityKey: number,
  arraySize: number | null,
  body: string,
];

const COLS =
  'seq, job_id, arn, name, queue_arn, status, created_at, updated_at, parent_id, array_index, share_id, job_definition_arn, active, next_event_at, kind, state, status_reason, started_at, stopped_at, exit_code, dispatch_at, priority_key, array_size, body';
const COLS_WITHOUT_BODY = COLS.replace(/, body$/, ", '' AS body");

function fromRaw(r: Raw): JobRow {
  const [seq, jobId, arn, name, queueArn, status, createdAt, updatedAt, parentId, arrayIndex, shareId, jobDefinitionArn, active, nextEventAt, kind, stateJson, statusReason, startedAt, stoppedAt, exitCode, dispatchAt, priorityKey, arraySize, body] = r;
  return {
    seq, jobId, arn, name, queueArn, status: status as JobStatus, createdAt, updatedAt, parentId, arrayIndex, shareId, jobDefinitionArn, active, nextEventAt,
    kind: kind as JobKind, stateJson, statusReason, startedAt, stoppedAt, exitCode, dispatchAt, priorityKey, arraySize, body,
  };
}

export type NewJob = Omit<JobRow, 'seq'>;

/** A position in a ListJobs result (newest first). */
export interface ListCursor {
  createdAt: number;
  seq: number;
}

export interface ListQuery {
  queueArn?: string;
  parentId?: string;
  /** Statuses to include (undefined: all). */
  statuses?: readonly string[];
  after?: ListCursor;
  limit: number;
  /** Extra SQL predicate on the row (a filter) with its arguments. */
  where?: { sql: string; args: (string | number)[] };
  /**
   * Leave the body (the job's spec, a few KiB of JSON) out: the rows come with `body` empty. A page
   * of 1,000 summaries then reads no overflow pages (ListJobs, sim/batch/jobs.ts).
   */
  withoutBody?: boolean;
}

const INSERT_SQL = `INSERT INTO jobs (job_id, arn, name, queue_arn, status, created_at, updated_at, parent_id, array_index, share_id, job_definition_arn, active, next_event_at, kind, state, status_reason, started_at, stopped_at, exit_code, dispatch_at, priority_key, array_size, body)
  VALUES (@jobId, @arn, @name, @queueArn, @status, @createdAt, @updatedAt, @parentId, @arrayIndex, @shareId, @jobDefinitionArn, @active, @nextEventAt, @kind, @stateJson, @statusReason, @startedAt, @stoppedAt, @exitCode, @dispatchAt, @priorityKey, @arraySize, @body)`;

export class Jobs {
  constructor(private readonly store: Store) {}

  /** A statement over COLS, in raw mode (rows as arrays: see Raw). */
  private rows(sql: string): Statement {
    return this.store.stmt(sql).raw(true);
  }

  count(): number {
    return (this.store.stmt('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
  }

  insert(job: NewJob): void {
    this.store.stmt(INSERT_SQL).run(job);
  }

  /** Inserts many rows with one prepared statement (array children: 10,000 in one call). */
  insertMany(jobs: Iterable<NewJob>): void {
    const st = this.store.stmt(INSERT_SQL);
    for (const j of jobs) st.run(j);
  }

  insertDeps(edges: Iterable<[depId: string, jobId: string]>): void {
    const st = this.store.stmt('INSERT INTO job_deps (dep_id, job_id) VALUES (?, ?)');
    for (const [d, j] of edges) st.run(d, j);
  }

  /** The jobs waiting on `depId`. */
  dependents(depId: string): string[] {
    return (this.store.stmt('SELECT job_id FROM job_deps WHERE dep_id = ?').pluck().all(depId) as string[]);
  }

  get(jobId: string): JobRow | undefined {
    const r = this.rows(`SELECT ${COLS} FROM jobs WHERE job_id = ?`).get(jobId) as Raw | undefined;
    return r && fromRaw(r);
  }

  statusOf(jobId: string): JobStatus | undefined {
    return this.store.stmt('SELECT status FROM jobs WHERE job_id = ?').pluck().get(jobId) as JobStatus | undefined;
  }

  /** Writes back every mutable column of a row read earlier. */
  save(j: JobRow): void {
    this.store
      .stmt(`UPDATE jobs SET status = ?, updated_at = ?, active = ?, next_event_at = ?, state = ?, status_reason = ?, started_at = ?, stopped_at = ?, exit_code = ?, dispatch_at = ? WHERE seq = ?`)
      .run(j.status, j.updatedAt, j.active, j.nextEventAt, j.stateJson, j.statusReason, j.startedAt, j.stoppedAt, j.exitCode, j.dispatchAt, j.seq);
  }

  /** Writes back many rows with one prepared statement (the engine's flush). */
  saveMany(rows: Iterable<JobRow>): void {
    for (const j of rows) this.save(j);
  }

  /** How many jobs are SUBMITTED..RUNNING (through the partial index of active jobs). */
  activeCount(): number {
    return this.store.stmt('SELECT count(*) FROM jobs WHERE active = 1').pluck().get() as number;
  }

  /** The earliest pending job event. */
  nextEventAt(): number | undefined {
    return (this.store.stmt('SELECT min(next_event_at) FROM jobs WHERE next_event_at IS NOT NULL').pluck().get() as number | null) ?? undefined;
  }

  /** Jobs whose event is due at or before `t`, earliest first. */
  due(t: number): JobRow[] {
    const rows = this.rows(`SELECT ${COLS} FROM jobs WHERE next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at, seq`).all(t) as Raw[];
    return rows.map(fromRaw);
  }

  /** Ids of jobs whose event is due at or before `t`, earliest first (rows are read only when not cached). */
  dueIds(t: number): string[] {
    return this.store.stmt('SELECT job_id FROM jobs WHERE next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at, seq').pluck().all(t) as string[];
  }

  /** Children (or nodes) of a parent, by index, optionally only in some statuses. */
  children(parentId: string, statuses?: readonly string[]): JobRow[] {
    if (!statuses) return (this.rows(`SELECT ${COLS} FROM jobs WHERE parent_id = ? ORDER BY array_index`).all(parentId) as Raw[]).map(fromRaw);
    const sql = `SELECT ${COLS} FROM jobs WHERE parent_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY array_index`;
    return (this.rows(sql).all(parentId, ...statuses) as Raw[]).map(fromRaw);
  }

  /** A queue's RUNNABLE jobs in FIFO dispatch order, after a cursor. */
  runnableFifo(queueArn: string, after: { dispatchAt: number; seq: number } | undefined, limit: number): JobRow[] {
    const rows = this
      .rows(`SELECT ${COLS} FROM jobs WHERE queue_arn = ? AND status = 'RUNNABLE' AND (dispatch_at, seq) > (?, ?) ORDER BY dispatch_at, seq LIMIT ?`)
      .all(queueArn, after?.dispatchAt ?? Number.MIN_SAFE_INTEGER, after?.seq ?? -1, limit) as Raw[];
    return rows.map(fromRaw);
  }

  /** The share identifiers with RUNNABLE jobs in a queue (a skip scan over the index). */
  runnableShares(queueArn: string): string[] {
    const st = this.store.stmt(`SELECT share_id FROM jobs WHERE queue_arn = ? AND status = 'RUNNABLE' AND share_id > ? ORDER BY share_id LIMIT 1`).pluck();
    const out: string[] = [];
    let prev = '';
    for (;;) {
      const s = st.get(queueArn, prev) as string | undefined;
      if (s === undefined || s === null) return out;
      out.push(s);
      prev = s;
    }
  }

  /** One share's RUNNABLE jobs: schedulingPriority descending, then FIFO. */
  runnableOfShare(queueArn: string, shareId: string, after: { priorityKey: number; dispatchAt: number; seq: number } | undefined, limit: number): JobRow[] {
    const rows = this
      .rows(`SELECT ${COLS} FROM jobs WHERE queue_arn = ? AND status = 'RUNNABLE' AND share_id = ? AND (priority_key, dispatch_at, seq) > (?, ?, ?) ORDER BY priority_key, dispatch_at, seq LIMIT ?`)
      .all(queueArn, shareId, after?.priorityKey ?? Number.MIN_SAFE_INTEGER, after?.dispatchAt ?? Number.MIN_SAFE_INTEGER, after?.seq ?? -1, limit) as Raw[];
    return rows.map(fromRaw);
  }

  /** Distinct share identifiers of a queue's active jobs (SUBMITTED..RUNNING). */
  activeShares(queueArn: string): string[] {
    const st = this.store.stmt('SELECT share_id FROM jobs WHERE queue_arn = ? AND active = 1 AND share_id IS NOT NULL AND share_id > ? ORDER BY share_id LIMIT 1').pluck();
    const out: string[] = [];
    let prev = '';
    for (;;) {
      const s = st.get(queueArn, prev) as string | undefined;
      if (s === undefined || s === null) return out;
      out.push(s);
      prev = s;
    }
  }

  /** A queue's jobs in one status (children included: what its capacity is used by). */
  inQueueStatus(queueArn: string, status: string): JobRow[] {
    return (this.rows(`SELECT ${COLS} FROM jobs WHERE queue_arn = ? AND status = ? AND active = 1`).all(queueArn, status) as Raw[]).map(fromRaw);
  }

  /** True while any job is SUBMITTED..RUNNING. */
  anyActive(): boolean {
    return this.store.stmt('SELECT 1 FROM jobs WHERE active = 1 LIMIT 1').pluck().get() !== undefined;
  }

  /** One ListJobs page: newest first (createdAt, then insertion), through the scope's index. */
  list(q: ListQuery): JobRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.queueArn !== undefined) {
      where.push('queue_arn = ?', 'parent_id IS NULL');
      args.push(q.queueArn);
    }
    if (q.parentId !== undefined) {
      where.push('parent_id = ?');
      args.push(q.parentId);
    }
    if (q.statuses) {
      where.push(q.statuses.length === 1 ? 'status = ?' : `status IN (${q.statuses.map(() => '?').join(', ')})`);
      args.push(...q.statuses);
    }
    if (q.after) {
      where.push('(created_at, seq) < (?, ?)');
      args.push(q.after.createdAt, q.after.seq);
    }
    if (q.where) {
      where.push(q.where.sql);
      args.push(...q.where.args);
    }
    // A queue's top-level jobs through the partial indexes made for them: without statistics SQLite
    // prefers (queue_arn, status, created_at), which walks every array child of the queue too
    // (100,000 children made one page cost ~90 ms instead of under 1).
    const index = q.queueArn === undefined ? '' : q.statuses ? ' INDEXED BY jobs_top_status' : ' INDEXED BY jobs_top_created';
    const sql = `SELECT ${q.withoutBody ? COLS_WITHOUT_BODY : COLS} FROM jobs${index} WHERE ${where.join(' AND ')} ORDER BY created_at DESC, seq DESC LIMIT ?`;
    return (this.rows(sql).all(...args, q.limit) as Raw[]).map(fromRaw);
  }

  /** Leaf jobs (not array parents nor MNP parents) active now or stopped after `since`: a run's workload. */
  workload(since: number): Array<{ jobId: string; name: string; status: string; statusReason: string | null; createdAt: number; stoppedAt: number | null; firstStartingAt: number | null; queueArn: string }> {
    const sql = `SELECT job_id, name, status, status_reason, created_at, stopped_at, json_extract(state, '$.fs') AS fs, queue_arn FROM jobs
      WHERE kind IN ('JOB', 'CHILD', 'NODE') AND (active = 1 OR stopped_at > ?)`;
    const rows = this.store.stmt(sql).all(since) as Array<{ job_id: string; name: string; status: string; status_reason: string | null; created_at: number; stopped_at: number | null; fs: number | null; queue_arn: string }>;
    return rows.map((r) => ({ jobId: r.job_id, name: r.name, status: r.status, statusReason: r.status_reason, createdAt: r.created_at, stoppedAt: r.stopped_at, firstStartingAt: r.fs, queueArn: r.queue_arn }));
  }

  // ---- instances ------------------------------------------------------------------------------

  instancesJson(): Array<{ id: string; body: string }> {
    return this.store.stmt('SELECT id, body FROM instances ORDER BY id').all() as Array<{ id: string; body: string }>;
  }

  putInstance(id: string, ceArn: string, nextEventAt: number | null, body: string): void {
    this.store
      .stmt('INSERT INTO instances (id, ce_arn, next_event_at, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET next_event_at = excluded.next_event_at, body = excluded.body')
      .run(id, ceArn, nextEventAt, body);
  }

  deleteInstance(id: string): void {
    this.store.stmt('DELETE FROM instances WHERE id = ?').run(id);
  }

  instanceNextEventAt(): number | undefined {
    return (this.store.stmt('SELECT min(next_event_at) FROM instances WHERE next_event_at IS NOT NULL').pluck().get() as number | null) ?? undefined;
  }
}
