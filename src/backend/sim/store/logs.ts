/** CloudWatch Logs tables: groups, streams and events (ordered by timestamp, then insertion). */
import type { Store } from './store.js';

export interface LogGroupRow {
  name: string;
  createdAt: number;
  retentionDays: number | null;
  storedBytes: number;
}

export interface LogStreamRow {
  groupName: string;
  name: string;
  createdAt: number;
  firstEventAt: number | null;
  lastEventAt: number | null;
  lastIngestionAt: number | null;
}

export interface LogEventRow {
  id: number;
  streamName: string;
  timestamp: number;
  ingestionTime: number;
  message: string;
}

/** A position in a stream: events are ordered by (timestamp, id). */
export interface EventCursor {
  ts: number;
  id: number;
}

export interface EventQuery {
  group: string;
  streams?: string[];
  streamPrefix?: string;
  startTime?: number;
  endTime?: number;
  after?: EventCursor;
  before?: EventCursor;
  /** Newest first (then the caller reverses the page). */
  descending?: boolean;
  limit: number;
}

export class Logs {
  constructor(private readonly store: Store) {}

  group(name: string): LogGroupRow | undefined {
    const r = this.store
      .stmt('SELECT g.name, g.created_at, g.retention_days, (SELECT coalesce(sum(length(message)), 0) FROM log_events e WHERE e.group_name = g.name) AS bytes FROM log_groups g WHERE g.name = ?')
      .get(name) as { name: string; created_at: number; retention_days: number | null; bytes: number } | undefined;
    return r && { name: r.name, createdAt: r.created_at, retentionDays: r.retention_days, storedBytes: r.bytes };
  }

  groups(prefix: string, afterName: string, limit: number): LogGroupRow[] {
    const rows = this.store
      .stmt('SELECT name FROM log_groups WHERE name > @after AND substr(name, 1, length(@prefix)) = @prefix ORDER BY name LIMIT @limit')
      .all({ after: afterName, prefix, limit }) as { name: string }[];
    return rows.map((r) => this.group(r.name)!);
  }

  createGroup(name: string, now: number): void {
    this.store.stmt('INSERT INTO log_groups (name, created_at) VALUES (?, ?)').run(name, now);
  }

  stream(group: string, name: string): LogStreamRow | undefined {
    const r = this.store.stmt('SELECT * FROM log_streams WHERE group_name = ? AND name = ?').get(group, name) as Record<string, number | string | null> | undefined;
    return r && streamFromRaw(r);
  }

  streams(group: string, opts: { prefix: string; orderByLastEvent: boolean; descending: boolean; offset: number; limit: number }): LogStreamRow[] {
    const order = opts.orderByLastEvent ? `coalesce(last_event_at, 0) ${opts.descending ? 'DESC' : 'ASC'}, name` : `name ${opts.descending ? 'DESC' : 'ASC'}`;
    const rows = this.store
      .stmt(`SELECT * FROM log_streams WHERE group_name = @group AND substr(name, 1, length(@prefix)) = @prefix ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ group, prefix: opts.prefix, limit: opts.limit, offset: opts.offset }) as Record<string, number | string | null>[];
    return rows.map(streamFromRaw);
  }

  createStream(group: string, name: string, now: number): void {
    this.store.stmt('INSERT INTO log_streams (group_name, name, created_at) VALUES (?, ?, ?)').run(group, name, now);
  }

  append(group: string, stream: string, events: { timestamp: number; message: string }[], ingestionTime: number): void {
    const ins = this.store.stmt('INSERT INTO log_events (group_name, stream_name, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?)');
    for (const e of events) ins.run(group, stream, e.timestamp, ingestionTime, e.message);
    const ts = events.map((e) => e.timestamp);
    this.store
      .stmt('UPDATE log_streams SET first_event_at = min(coalesce(first_event_at, @first), @first), last_event_at = max(coalesce(last_event_at, @last), @last), last_ingestion_at = @ingested WHERE group_name = @group AND name = @stream')
      .run({ first: Math.min(...ts), last: Math.max(...ts), ingested: ingestionTime, group, stream });
  }

  /**
   * Creates streams and appends events in bulk (the job engine's writes of one advance, in the
   * order they happened), then sets each touched stream's first/last event and ingestion times once.
   */
  bulk(streams: Array<{ group: string; name: string; createdAt: number }>, events: Array<{ group: string; stream: string; timestamp: number; ingestionTime: number; message: string }>): void {
    const ins = this.store.stmt('INSERT INTO log_events (group_name, stream_name, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?)');
    const bounds = new Map<string, { group: string; stream: string; first: number; last: number; ingested: number }>();
    for (const e of events) {
      ins.run(e.group, e.stream, e.timestamp, e.ingestionTime, e.message);
      const k = `${e.group}\n${e.stream}`;
      const b = bounds.get(k);
      if (!b) bounds.set(k, { group: e.group, stream: e.stream, first: e.timestamp, last: e.timestamp, ingested: e.ingestionTime });
      else {
        b.first = Math.min(b.first, e.timestamp);
        b.last = Math.max(b.last, e.timestamp);
        b.ingested = e.ingestionTime;
      }
    }
    // Streams created in this batch are inserted with their bounds; older ones are updated.
    const cs = this.store.stmt('INSERT INTO log_streams (group_name, name, created_at, first_event_at, last_event_at, last_ingestion_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const st of streams) {
      const k = `${st.group}\n${st.name}`;
      const b = bounds.get(k);
      bounds.delete(k);
      cs.run(st.group, st.name, st.createdAt, b?.first ?? null, b?.last ?? null, b?.ingested ?? null);
    }
    const up = this.store.stmt('UPDATE log_streams SET first_event_at = min(coalesce(first_event_at, @first), @first), last_event_at = max(coalesce(last_event_at, @last), @last), last_ingestion_at = @ingested WHERE group_name = @group AND name = @stream');
    for (const b of bounds.values()) up.run(b);
  }

  /** Events of a group (optionally some streams) in (timestamp, id) order within the bounds. */
  events(q: EventQuery): LogEventRow[] {
    const where = ['group_name = ?'];
    const args: (string | number)[] = [q.group];
    if (q.streams) {
      where.push(`stream_name IN (${q.streams.map(() => '?').join(', ')})`);
      args.push(...q.streams);
    }
    if (q.streamPrefix) {
      where.push('substr(stream_name, 1, ?) = ?');
      args.push(q.streamPrefix.length, q.streamPrefix);
    }
    if (q.startTime !== undefined) {
      where.push('timestamp >= ?');
      args.push(q.startTime);
    }
    if (q.endTime !== undefined) {
      where.push('timestamp < ?');
      args.push(q.endTime);
    }
    if (q.after) {
      where.push('(timestamp > ? OR (timestamp = ? AND id > ?))');
      args.push(q.after.ts, q.after.ts, q.after.id);
    }
    if (q.before) {
      where.push('(timestamp < ? OR (timestamp = ? AND id < ?))');
      args.push(q.before.ts, q.before.ts, q.before.id);
    }
    const dir = q.descending ? 'DESC' : 'ASC';
    // Built per query shape; the statement cache keys on the SQL text, so each shape is prepared once.
    const sql = `SELECT id, stream_name, timestamp, ingestion_time, message FROM log_events WHERE ${where.join(' AND ')} ORDER BY timestamp ${dir}, id ${dir} LIMIT ?`;
    const rows = this.store.stmt(sql).all(...args, q.limit) as { id: number; stream_name: string; timestamp: number; ingestion_time: number; message: string }[];
    return rows.map((r) => ({ id: r.id, streamName: r.stream_name, timestamp: r.timestamp, ingestionTime: r.ingestion_time, message: r.message }));
  }

  count(): { groups: number; streams: number; events: number } {
    const n = (t: string) => (this.store.stmt(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { groups: n('log_groups'), streams: n('log_streams'), events: n('log_events') };
  }
}

function streamFromRaw(r: Record<string, number | string | null>): LogStreamRow {
  return {
    groupName: r.group_name as string, name: r.name as string, createdAt: r.created_at as number,
    firstEventAt: r.first_event_at as number | null, lastEventAt: r.last_event_at as number | null, lastIngestionAt: r.last_ingestion_at as number | null,
  };
}
