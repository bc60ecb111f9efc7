/** Helpers every Batch operation uses: validation errors, pagination tokens, name/ARN lookup. */
import { clientException } from '../../../errors.js';
import { isArn } from '../../../domain/ids.js';
import { type Issue, errorsOnly, formatIssue } from '../../../domain/validation/index.js';
import type { SimCtx } from '../context.js';
import type { ResourceRow } from '../store/resources.js';

/** Throws ClientException with the first error, worded `<field>: <message>`. */
export function assertValid(issues: Issue[]): void {
  const first = errorsOnly(issues)[0];
  if (first) throw clientException(formatIssue(first));
}

export function fail(field: string, message: string): never {
  throw clientException(field ? `${field}: ${message}` : message);
}

/** Opaque pagination tokens: the creation sequence of the last row returned, base64url-encoded. */
export function encodeToken(seq: number, scope: string): string {
  return Buffer.from(JSON.stringify({ v: 1, s: seq, k: scope })).toString('base64url');
}

export function decodeToken(token: string | undefined, scope: string): number {
  if (token === undefined || token === '') return 0;
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; s?: number; k?: string };
    if (t.v === 1 && typeof t.s === 'number' && t.k === scope) return t.s;
  } catch {
    // fall through
  }
  throw clientException('nextToken: is not valid (pass the nextToken of the previous response of the same operation)');
}

export function checkMaxResults(maxResults: number | undefined, max = 100): number {
  if (maxResults === undefined || maxResults === null) return max;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > max) fail('maxResults', `must be between 1 and ${max}`);
  return maxResults;
}

/** One page of `rows` (already in seq order and filtered), starting after the token's cursor. */
export function page<T>(rows: ResourceRow<T>[], maxResults: number | undefined, nextToken: string | undefined, scope: string): { items: ResourceRow<T>[]; nextToken?: string } {
  const limit = checkMaxResults(maxResults);
  const after = decodeToken(nextToken, scope);
  const rest = rows.filter((r) => r.seq > after);
  const items = rest.slice(0, limit);
  return rest.length > limit ? { items, nextToken: encodeToken(items[items.length - 1]!.seq, scope) } : { items };
}

/**
 * The Describe* shape shared by compute environments and job queues: at most 100 names or ARNs
 * (`field` names the request member in the error), then one page of what matches.
 */
export function describePage<T>(
  ctx: SimCtx,
  kind: string,
  refs: string[] | undefined,
  input: { maxResults?: number; nextToken?: string },
  field: string,
  noun: string,
  scope: string,
): { items: ResourceRow<T>[]; nextToken?: string } {
  if (refs && refs.length > 100) fail(field, `must name at most 100 ${noun}`);
  let rows = ctx.resources.list<T>(kind);
  if (refs?.length) rows = rows.filter((r) => refs.includes(r.id) || refs.includes(r.arn!));
  return page(rows, input.maxResults, input.nextToken, scope);
}

/** Starts a delete: DELETING now, and the engine finishes it `delayMs` later. */
export function beginDelete<T extends { status?: string; statusReason?: string }>(ctx: SimCtx, row: ResourceRow<T>, delayMs: number): void {
  row.body.status = 'DELETING';
  delete row.body.statusReason;
  row.status = 'DELETING';
  row.nextEventAt = ctx.now + delayMs;
  ctx.resources.update(row);
}

/** Finds a named Batch resource by name or ARN (a purged or DELETED one is not found). */
export function findByNameOrArn<T>(ctx: SimCtx, kind: string, ref: string): ResourceRow<T> | undefined {
  const row = isArn(ref) ? ctx.resources.byArn<T>(ref) : ctx.resources.get<T>(kind, ref);
  return row && row.kind === kind && row.status !== 'DELETED' ? row : undefined;
}

/** Drops undefined members (the SDK omits them on the wire; describe output should too). */
export function compact<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
