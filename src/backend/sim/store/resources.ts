/** Rows of the `resources` table: AWS-shaped JSON plus the indexed columns. */
import type { Store } from './store.js';

export interface ResourceRow<T = unknown> {
  seq: number;
  kind: string;
  id: string;
  name: string | null;
  num: number | null;
  arn: string | null;
  status: string | null;
  createdAt: number;
  nextEventAt: number | null;
  body: T;
}

export type NewResource<T> = Omit<ResourceRow<T>, 'seq' | 'name' | 'num' | 'arn' | 'status' | 'nextEventAt'> &
  Partial<Pick<ResourceRow<T>, 'name' | 'num' | 'arn' | 'status' | 'nextEventAt'>>;

interface RawRow {
  seq: number;
  kind: string;
  id: string;
  name: string | null;
  num: number | null;
  arn: string | null;
  status: string | null;
  created_at: number;
  next_event_at: number | null;
  body: string;
}

const COLS = 'seq, kind, id, name, num, arn, status, created_at, next_event_at, body';

function fromRaw<T>(r: RawRow | undefined): ResourceRow<T> | undefined {
  if (!r) return undefined;
  return {
    seq: r.seq, kind: r.kind, id: r.id, name: r.name, num: r.num, arn: r.arn, status: r.status,
    createdAt: r.created_at, nextEventAt: r.next_event_at, body: JSON.parse(r.body) as T,
  };
}

export interface ListOptions {
  /** Only rows after this seq (a pagination cursor). */
  afterSeq?: number;
  name?: string;
  status?: string;
  limit?: number;
}

export class Resources {
  constructor(private readonly store: Store) {}

  get<T>(kind: string, id: string): ResourceRow<T> | undefined {
    return fromRaw<T>(this.store.stmt(`SELECT ${COLS} FROM resources WHERE kind = ? AND id = ?`).get(kind, id) as RawRow | undefined);
  }

  byArn<T>(arn: string): ResourceRow<T> | undefined {
    return fromRaw<T>(this.store.stmt(`SELECT ${COLS} FROM resources WHERE arn = ?`).get(arn) as RawRow | undefined);
  }

  /** Rows of a kind in creation order, optionally filtered by name and status. */
  list<T>(kind: string, opts: ListOptions = {}): ResourceRow<T>[] {
    const rows = this.store
      .stmt(`SELECT ${COLS} FROM resources WHERE kind = @kind AND seq > @after AND (@name IS NULL OR name = @name) AND (@status IS NULL OR status = @status) ORDER BY seq LIMIT @limit`)
      .all({ kind, after: opts.afterSeq ?? 0, name: opts.name ?? null, status: opts.status ?? null, limit: opts.limit ?? -1 }) as RawRow[];
    return rows.map((r) => fromRaw<T>(r)!);
  }

  count(kind: string, excludeStatus?: string): number {
    const sql = 'SELECT count(*) AS n FROM resources WHERE kind = @kind AND (@excluded IS NULL OR status IS NOT @excluded)';
    return (this.store.stmt(sql).get({ kind, excluded: excludeStatus ?? null }) as { n: number }).n;
  }

  countsByKind(): Record<string, number> {
    const rows = this.store.stmt('SELECT kind, count(*) AS n FROM resources GROUP BY kind').all() as { kind: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  insert<T>(r: NewResource<T>): ResourceRow<T> {
    const info = this.store
      .stmt('INSERT INTO resources (kind, id, name, num, arn, status, created_at, next_event_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.kind, r.id, r.name ?? null, r.num ?? null, r.arn ?? null, r.status ?? null, r.createdAt, r.nextEventAt ?? null, JSON.stringify(r.body));
    return this.get<T>(r.kind, r.id) ?? ({ ...r, seq: Number(info.lastInsertRowid) } as ResourceRow<T>);
  }

  /** Writes back the mutable columns and the body of a row read earlier. */
  update<T>(r: ResourceRow<T>): void {
    this.store
      .stmt('UPDATE resources SET status = ?, next_event_at = ?, arn = ?, body = ? WHERE seq = ?')
      .run(r.status, r.nextEventAt, r.arn, JSON.stringify(r.body), r.seq);
  }

  delete(seq: number): void {
    this.store.stmt('DELETE FROM resources WHERE seq = ?').run(seq);
  }

  /** The rows whose next event is due at or before `now`, earliest first. */
  due<T>(now: number, limit = 100): ResourceRow<T>[] {
    const rows = this.store
      .stmt(`SELECT ${COLS} FROM resources WHERE next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at, seq LIMIT ?`)
      .all(now, limit) as RawRow[];
    return rows.map((r) => fromRaw<T>(r)!);
  }
}
