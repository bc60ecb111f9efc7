/**
 * The store: one SQLite handle, a cache of prepared statements (prepared on first use, so an
 * operation pays only for the statements it runs) and the transaction every operation runs in.
 */
import { statSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import { WAL_KEEP_BYTES, type SqliteDb } from './database.js';

export class Store {
  private readonly statements = new Map<string, Statement>();
  constructor(readonly db: SqliteDb, readonly path: string) {}

  stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs `fn` in one IMMEDIATE transaction: it sees a consistent world and rolls back on throw. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Rows inserted, updated or deleted through this connection since it opened (SQLite's total_changes()). */
  totalChanges(): number {
    return this.stmt('SELECT total_changes()').pluck().get() as number;
  }

  getMeta(key: string): string | undefined {
    return (this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string | number): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, String(value));
  }

  /** Empties every table (the schema stays): `batchctl sim reset`. */
  wipe(): void {
    for (const t of ['meta', 'resources', 'jobs', 'job_deps', 'instances', 'log_groups', 'log_streams', 'log_events']) this.db.exec(`DELETE FROM ${t}`);
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }

  /**
   * Ends the use of the store right before the process exits (the CLI), leaving the connection to
   * the exit. Closing the last connection checkpoints SQLite's write-ahead log into the database,
   * syncs both and deletes the log: a few milliseconds of file-system work at the end of every
   * command, for a log the next command would create again. Left to the exit, the log stays: the
   * next process reads it back when it opens the store (SQLite's recovery, as after any exit), and
   * SQLite checkpoints it as it grows (database.ts). A log past WAL_KEEP_BYTES (after a long
   * `sim run`) is checkpointed and removed by a real close, so that no start has to read it.
   */
  release(): void {
    if (this.path === ':memory:' || walBytes(this.path) > WAL_KEEP_BYTES) this.close();
  }
}

/** The size of a store's write-ahead log (0 when there is none). */
function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
