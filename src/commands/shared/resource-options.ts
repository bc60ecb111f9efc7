/**
 * Option builders shared by the resource commands (ce, queue, jobdef, policy, tag): enum choices
 * that accept any case, repeatable `--tag k=v`, and numbers. Bad values are commander usage errors
 * (exit 2) that name the option.
 */
import { InvalidArgumentError, Option } from 'commander';
import { parseKeyValues } from './flags.js';

/**
 * An option whose value is one of `values`, matched case-insensitively and normalised to the
 * spelling in `values` (commander still lists the choices in help and for completion).
 */
export function choiceOption(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values).argParser((raw: string) => normaliseChoice(raw, values));
}

export function normaliseChoice(raw: string, values: readonly string[]): string {
  const hit = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
  if (!hit) throw new InvalidArgumentError(`Allowed choices are ${values.join(', ')}.`);
  return hit;
}

/** Repeatable `--tag key=value` (or `a=1,b=2`) accumulated into a map. */
export function tagOption(description = 'a tag (repeatable): key=value'): Option {
  return new Option('--tag <key=value>', description).argParser((raw: string, prev?: Record<string, string>) => ({
    ...(prev ?? {}),
    ...parseKeyValues([raw], '--tag'),
  }));
}

/** A whole number >= min (and <= max when given). */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (raw: string) => number {
  return (raw: string) => {
    if (!/^\d+$/.test(raw.trim())) throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `must be a whole number >= ${min}` : `must be a whole number between ${min} and ${max}`);
    const n = Number(raw);
    if (n < min || n > max) throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `must be >= ${min}` : `must be between ${min} and ${max}`);
    return n;
  };
}

/** A repeatable option accumulating raw strings (`--subnets a --subnets b,c`). */
export function repeatable(raw: string, prev: string[] = []): string[] {
  return [...prev, raw];
}

/** Removes keys whose value is undefined (so requests carry only what was asked for). */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Merges `over` onto `base` one level deep for plain objects (flags over an --input file's fields). */
export function mergeRequest<T extends Record<string, unknown>>(base: Record<string, unknown>, over: T): T {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = out[k];
    if (isPlainObject(b) && isPlainObject(v)) out[k] = { ...b, ...compact(v) };
    else out[k] = v;
  }
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Repeatable `--consumable-resource NAME[:QUANTITY]` (quantity per job instance, default 1) into a
 * consumableResourceList; a name given twice keeps its last quantity.
 */
export function consumableNeed(raw: string, prev: Array<{ consumableResource: string; quantity: number }> = []): Array<{ consumableResource: string; quantity: number }> {
  const v = raw.trim();
  // An ARN holds colons: only a trailing :<digits> is the quantity.
  const m = /^(.+?)(?::(\d+))?$/.exec(v);
  const name = m?.[1] ?? '';
  const quantity = m?.[2] !== undefined ? Number(m[2]) : 1;
  if (!name || name.endsWith(':')) throw new InvalidArgumentError(`"${raw}" must look like NAME[:QUANTITY], e.g. licences:2`);
  if (quantity < 1) throw new InvalidArgumentError(`the quantity in "${raw}" must be at least 1`);
  return [...prev.filter((p) => p.consumableResource !== name), { consumableResource: name, quantity }];
}
