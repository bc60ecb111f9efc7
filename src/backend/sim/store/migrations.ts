/**
 * The schema, as an ordered list of migrations; `PRAGMA user_version` records how many ran.
 * Append, never edit: a store written by an older batchctl is migrated forward on open.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'meta, resources, jobs, CloudWatch Logs',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      -- Every non-job resource (Batch CEs, queues, job definitions, scheduling policies; EC2, IAM, EKS
      -- objects): the AWS-shaped JSON in body plus the columns lookups and the engine need.
      CREATE TABLE resources (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order; the pagination cursor
        kind TEXT NOT NULL,                     -- e.g. batch:ce, ec2:subnet, iam:role
        id TEXT NOT NULL,                       -- unique within kind (name, name:revision, vpc-...)
        name TEXT,
        num INTEGER,                            -- job definition revision
        arn TEXT,
        status TEXT,
        created_at INTEGER NOT NULL,
        next_event_at INTEGER,                  -- when the engine must next look at this row
        body TEXT NOT NULL,
        UNIQUE (kind, id)
      );
      CREATE INDEX resources_arn ON resources (arn) WHERE arn IS NOT NULL;
      CREATE INDEX resources_kind_name ON resources (kind, name, num);
      CREATE INDEX resources_due ON resources (next_event_at) WHERE next_event_at IS NOT NULL;

      -- Jobs get their own table: 100,000 of them must stay fast, and terminal jobs (active = 0)
      -- are never touched by the engine again.
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL UNIQUE,
        arn TEXT NOT NULL,
        name TEXT NOT NULL,
        queue_arn TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        parent_id TEXT,                         -- array parent or multi-node parent
        array_index INTEGER,
        share_id TEXT,
        job_definition_arn TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        next_event_at INTEGER,
        body TEXT NOT NULL
      );
      CREATE INDEX jobs_queue_status_created ON jobs (queue_arn, status, created_at);
      CREATE INDEX jobs_parent ON jobs (parent_id, array_index) WHERE parent_id IS NOT NULL;
      CREATE INDEX jobs_active ON jobs (queue_arn, status, created_at) WHERE active = 1;
      CREATE INDEX jobs_due ON jobs (next_event_at) WHERE next_event_at IS NOT NULL;
      CREATE INDEX jobs_name ON jobs (name);

      CREATE TABLE log_groups (
        name TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        retention_days INTEGER
      ) WITHOUT ROWID;
      CREATE TABLE log_streams (
        group_name TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        first_event_at INTEGER,
        last_event_at INTEGER,
        last_ingestion_at INTEGER,
        PRIMARY KEY (group_name, name)
      ) WITHOUT ROWID;
      CREATE TABLE log_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_name TEXT NOT NULL,
        stream_name TEXT NOT NULL,
        timestamp INTEGER NOT NULL,
        ingestion_time INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX log_events_stream ON log_events (group_name, stream_name, timestamp, id);
      CREATE INDEX log_events_group ON log_events (group_name, timestamp, id);
    `,
  },
  {
    version: 2,
    description: 'the job engine: job columns, dependencies, instances',
    sql: `
      -- kind: JOB (plain), ARRAY (array parent), CHILD (array child), MNP (multi-node parent), NODE.
      ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'JOB';
      -- The engine's mutable state of the job (attempts, current attempt, flags), JSON.
      ALTER TABLE jobs ADD COLUMN state TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE jobs ADD COLUMN status_reason TEXT;
      ALTER TABLE jobs ADD COLUMN started_at INTEGER;
      ALTER TABLE jobs ADD COLUMN stopped_at INTEGER;
      ALTER TABLE jobs ADD COLUMN exit_code INTEGER;
      -- Dispatch order among RUNNABLE jobs: createdAt, or (retries go first) requeue time - 1e15.
      ALTER TABLE jobs ADD COLUMN dispatch_at INTEGER;
      -- -schedulingPriority (so that ascending order puts the highest priority first).
      ALTER TABLE jobs ADD COLUMN priority_key INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE jobs ADD COLUMN array_size INTEGER;

      -- Listing a queue never shows array children or MNP nodes.
      CREATE INDEX jobs_top_status ON jobs (queue_arn, status, created_at, seq) WHERE parent_id IS NULL;
      CREATE INDEX jobs_top_created ON jobs (queue_arn, created_at, seq) WHERE parent_id IS NULL;
      CREATE INDEX jobs_children_status ON jobs (parent_id, status, array_index) WHERE parent_id IS NOT NULL;
      -- The scheduler's walk over a queue's RUNNABLE jobs (FIFO, and per share for fair share).
      CREATE INDEX jobs_runnable_fifo ON jobs (queue_arn, dispatch_at, seq) WHERE status = 'RUNNABLE';
      CREATE INDEX jobs_runnable_share ON jobs (queue_arn, share_id, priority_key, dispatch_at, seq) WHERE status = 'RUNNABLE';
      CREATE INDEX jobs_active_share ON jobs (queue_arn, share_id) WHERE active = 1 AND share_id IS NOT NULL;

      -- dep_id must finish before job_id may run (one row per edge; array children included).
      CREATE TABLE job_deps (dep_id TEXT NOT NULL, job_id TEXT NOT NULL);
      CREATE INDEX job_deps_dep ON job_deps (dep_id);

      -- EC2 instances the simulated compute environments launched (gone once terminated).
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        ce_arn TEXT NOT NULL,
        next_event_at INTEGER,
        body TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX instances_due ON instances (next_event_at) WHERE next_event_at IS NOT NULL;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
