/**
 * EC2's describe filters: `Name` picks values out of an object, `Values` may use `*` and `?`
 * wildcards; an object matches when every filter matches one of its values. `tag:<Key>` and
 * `tag-key` work on every resource with `Tags`.
 */
import { AwsShapedError } from '../../../errors.js';

export type FilterFields<T> = Record<string, (o: T) => unknown[]>;

export interface Filter {
  Name?: string;
  Values?: string[];
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function tagValues<T>(o: T, name: string): unknown[] | undefined {
  const tags = (o as { Tags?: { Key?: string; Value?: string }[] }).Tags ?? [];
  if (name === 'tag-key') return tags.map((t) => t.Key);
  if (name.startsWith('tag:')) return tags.filter((t) => t.Key === name.slice(4)).map((t) => t.Value);
  return undefined;
}

export function applyFilters<T>(items: T[], filters: Filter[] | undefined, fields: FilterFields<T>): T[] {
  if (!filters?.length) return items;
  const compiled = filters.map((f) => {
    const name = f.Name ?? '';
    if (!fields[name] && name !== 'tag-key' && !name.startsWith('tag:')) {
      throw new AwsShapedError('InvalidParameterValue', `The filter '${name}' is invalid`, 400);
    }
    return { name, res: (f.Values ?? []).map(wildcard) };
  });
  return items.filter((o) =>
    compiled.every(({ name, res }) => {
      const values = (fields[name]?.(o) ?? tagValues(o, name) ?? []).map((v) => String(v));
      return values.some((v) => res.some((re) => re.test(v)));
    }),
  );
}

/** NextToken/MaxResults over an already filtered list (tokens are opaque offsets). */
export function pageEc2<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined, min = 5, max = 1000): { items: T[]; NextToken?: string } {
  if (maxResults !== undefined && (maxResults < min || maxResults > max)) {
    throw new AwsShapedError('InvalidParameterValue', `Value ( ${maxResults} ) for parameter maxResults is invalid. Parameter must be between ${min} and ${max}.`, 400);
  }
  const start = nextToken ? Number(Buffer.from(nextToken, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw new AwsShapedError('InvalidParameterValue', 'The token is invalid', 400);
  const limit = maxResults ?? items.length;
  const slice = items.slice(start, start + limit);
  return start + limit < items.length ? { items: slice, NextToken: Buffer.from(String(start + limit)).toString('base64url') } : { items: slice };
}
