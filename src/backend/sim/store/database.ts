/**
 * Opening the SQLite file: the only place (with the repositories beside it) that loads
 * better-sqlite3. A corrupt file or one from a newer batchctl is reported, never modified.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FailureError } from '../../../errors.js';
import { packageAddon } from '../../../packages.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type SqliteDb = Database.Database;

const BUSY_TIMEOUT_MS = 10_000;

/**
 * SQLite checkpoints the write-ahead log into the database when a commit leaves it above this many
 * pages (1 MiB; its default is 1,000), so that a process opening the store after one that left its
 * log (Store.release) reads at most about that much back.
 */
const WAL_AUTOCHECKPOINT_PAGES = 256;
/** A log larger than this is checkpointed and removed when a process ends its use of the store. */
export const WAL_KEEP_BYTES = 2 * 1024 * 1024;

/**
 * better-sqlite3's native addon. The bundle (scripts/build.mjs) includes better-sqlite3's JavaScript,
 * so that it is compiled once into the code cache with ours, and loads its addon directly instead
 * of letting the `bindings` package search for it; anywhere else (or if the addon is not where
 * `npm install` builds it), better-sqlite3 finds it itself.
 */
const SQLITE_ADDON = 'better-sqlite3/build/Release/better_sqlite3.node';

function resetHint(path: string): string {
  return `run \`batchctl sim reset\` to start a new simulated world, or move ${path} away`;
}

/**
 * Opens (creating if needed) the store at `path`; returns the handle and whether it was new.
 * `onCreate` fills a new store inside the same transaction as the schema, so another process
 * never sees a store with a schema and no world.
 */
export function openDatabase(path: string, onCreate?: (db: SqliteDb) => void): { db: SqliteDb; created: boolean } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let db: SqliteDb;
  try {
    // better-sqlite3 takes the addon object itself as nativeBinding (lib/database.js); its types say only a path.
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, nativeBinding: packageAddon(SQLITE_ADDON) as string | undefined });
  } catch (err) {
    throw new FailureError(`cannot open the simulator's store ${path}: ${(err as Error).message}`, resetHint(path));
  }
  let version: number;
  try {
    // The first read of the file: a file that is not a database fails here, before any write.
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    db.close();
    throw new FailureError(`the simulator's store ${path} is not a valid database (${(err as Error).message})`, resetHint(path));
  }
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new FailureError(
      `the simulator's store ${path} has schema version ${version}, newer than this batchctl understands (${SCHEMA_VERSION})`,
      `upgrade batchctl, or ${resetHint(path)}`,
    );
  }
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  if (version === SCHEMA_VERSION) return { db, created: false };
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  let created = false;
  // Another process may be migrating the same file: re-read the version inside the write lock.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const m of MIGRATIONS) if (m.version > current) db.exec(m.sql);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    created = current === 0;
    if (created) onCreate?.(db);
  }).immediate();
  return { db, created };
}
