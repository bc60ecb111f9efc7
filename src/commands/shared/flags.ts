/** Parsers for option values shared by every command; a bad value is a commander usage error (exit 2). */
import { InvalidArgumentError } from 'commander';

/** Accumulates a repeatable option: `--tag a=1 --tag b=2`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** An integer option within [min, max]. */
export function intIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`must be a whole number between ${min} and ${max}`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}`);
    return n;
  };
}

/** `k=v` pairs (repeatable, or comma-separated) into a map; `what` names the option in errors. */
export function parseKeyValues(items: string[] | undefined, what: string): Record<string, string> | undefined {
  if (!items || items.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const item of items.flatMap((i) => splitPairs(i))) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new InvalidArgumentError(`${what} "${item}" must look like key=value`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** Splits `a=1,b=2` but keeps commas inside values that have no `=` after them (`k=a,b`). */
function splitPairs(s: string): string[] {
  const parts = s.split(',');
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && !p.includes('=')) out[out.length - 1] += `,${p}`;
    else out.push(p);
  }
  return out;
}

/** A comma-separated or repeated list: `--subnets a,b --subnets c` -> [a, b, c]. */
export function listOf(items: string[] | undefined): string[] | undefined {
  if (!items) return undefined;
  return items.flatMap((i) => i.split(',')).map((s) => s.trim()).filter(Boolean);
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `1h30m`, `2d` or a bare number of seconds, in milliseconds. */
export function parseDuration(value: string): number {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (const m of v.matchAll(re)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    consumed += m[0].length;
  }
  if (consumed !== v.length || consumed === 0) throw new InvalidArgumentError(`"${value}" is not a duration (examples: 90s, 10m, 1h30m, 2d)`);
  return total;
}
