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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
