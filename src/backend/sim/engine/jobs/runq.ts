/**
 * A queue's RUNNABLE jobs in FIFO dispatch order (dispatchAt, seq), kept in memory for one
 * transaction. Job rows are written back only when an advance settles, so the `jobs` table is
 * stale for the jobs the engine holds in memory: the list is the union of
 *  - every RUNNABLE job the engine holds (added when it becomes RUNNABLE or is loaded), and
 *  - the table's RUNNABLE rows of jobs it does not hold, read lazily in key order (`frontier` is
 *    the key of the last row read; rows of held jobs are skipped: memory is their truth).
 * Entries are checked when walked (status still RUNNABLE, same dispatch key): stale ones are
 * dropped, so leaving RUNNABLE costs nothing here.
 */
import type { JobRow } from '../../store/jobs.js';
import type { Rec } from './model.js';

interface Entry {
  r: Rec;
  d: number;
  s: number;
}

const before = (a: { d: number; s: number }, b: { d: number; s: number }): boolean => a.d < b.d || (a.d === b.d && a.s < b.s);

export class RunQueue {
  private arr: Entry[] = [];
  private start = 0;
  private pending: Entry[] = [];
  private frontier: { d: number; s: number } = { d: Number.NEGATIVE_INFINITY, s: -1 };
  private exhausted = false;

  constructor(
    /** Reads up to `limit` RUNNABLE rows after a key from the table. */
    private readonly read: (after: { dispatchAt: number; seq: number } | undefined, limit: number) => JobRow[],
    /** Turns a row into the engine's record; undefined when the engine already holds that job. */
    private readonly adopt: (row: JobRow) => Rec | undefined,
  ) {}

  /** A held job became RUNNABLE (or was loaded while RUNNABLE). */
  add(r: Rec): void {
    this.pending.push({ r, d: r.row.dispatchAt ?? r.row.createdAt, s: r.row.seq });
  }

  private static valid(e: Entry): boolean {
    return e.r.row.status === 'RUNNABLE' && (e.r.row.dispatchAt ?? e.r.row.createdAt) === e.d;
  }

  private merge(): void {
    if (this.pending.length === 0) return;
    const p = this.pending.filter(RunQueue.valid).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    this.pending = [];
    const out: Entry[] = [];
    const a = this.arr;
    let i = this.start;
    let j = 0;
    while (i < a.length || j < p.length) {
      let e: Entry;
      if (j >= p.length || (i < a.length && !before(p[j]!, a[i]!))) e = a[i++]!;
      else e = p[j++]!;
      if (RunQueue.valid(e)) out.push(e);
    }
    this.arr = out;
    this.start = 0;
  }

  private chunk = 16;

  private load(): void {
    const after = Number.isFinite(this.frontier.d) ? { dispatchAt: this.frontier.d, seq: this.frontier.s } : undefined;
    const rows = this.read(after, this.chunk);
    for (const row of rows) {
      const r = this.adopt(row);
      if (r) this.pending.push({ r, d: row.dispatchAt ?? row.createdAt, s: row.seq });
    }
    if (rows.length < this.chunk) this.exhausted = true;
    else {
      const last = rows[rows.length - 1]!;
      this.frontier = { d: last.dispatchAt ?? last.createdAt, s: last.seq };
    }
    this.chunk = Math.min(1024, this.chunk * 4);
  }

  /** The RUNNABLE jobs in dispatch order (the caller may stop early; starting jobs while walking is fine). */
  *walk(): Generator<Rec> {
    this.merge();
    // Drop the walked-past front (started jobs): it holds their records.
    if (this.start > 256 && this.start * 2 > this.arr.length) {
      this.arr = this.arr.slice(this.start);
      this.start = 0;
    }
    let last: Entry | undefined;
    let i = this.start;
    for (;;) {
      if (i >= this.arr.length || (!this.exhausted && before(this.frontier, this.arr[i]!))) {
        if (this.exhausted && i >= this.arr.length) return;
        if (!this.exhausted) this.load();
        this.merge();
        // Re-find the position after the last entry walked (entries only merge in after it or are dropped).
        i = 0;
        if (last) {
          const l = last;
          let lo = 0;
          let hi = this.arr.length;
          while (lo < hi) {
            const m = (lo + hi) >> 1;
            if (before(l, this.arr[m]!) ) hi = m;
            else lo = m + 1;
          }
          i = lo;
        }
        continue;
      }
      const e = this.arr[i++]!;
      if (!RunQueue.valid(e)) {
        if (i - 1 === this.start) this.start = i;
        continue;
      }
      last = e;
      yield e.r;
    }
  }

  first(): Rec | undefined {
    for (const r of this.walk()) return r;
    return undefined;
  }
}
