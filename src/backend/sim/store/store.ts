/**
 * The store: one SQLite handle, a cache of prepared statements (prepared on first use, so an
 * operation pays only for the statements it runs) and the transaction every operation runs in.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './database.js';

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
}
