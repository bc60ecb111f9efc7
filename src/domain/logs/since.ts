/** `--since 10m | 2026-01-15T09:00:00Z`: the earliest event time to show, in epoch ms. */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The instant `value` names relative to `now`, or undefined when it is neither a duration nor a date. */
export function parseSince(value: string, now: number): number | undefined {
  const v = value.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    consumed += m[0].length;
  }
  if (consumed > 0 && consumed === v.length) return now - total;
  // An ISO 8601 date or date-time (a date alone means midnight UTC).
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}
