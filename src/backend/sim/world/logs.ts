/**
 * The CloudWatch Logs facet with CloudWatch's token semantics (spec/07 §8): GetLogEvents tokens
 * are positions `f/...` and `b/...`; at the end of a stream the token passed in comes back
 * unchanged, so "same token" means "no more events (for now)".
 */
import type * as L from '@aws-sdk/client-cloudwatch-logs';
import { AwsShapedError } from '../../../errors.js';
import type { LogsApi } from '../../port.js';
import type { SimCtx } from '../context.js';
import type { SimRuntime } from '../runtime.js';
import type { EventCursor, LogEventRow } from '../store/logs.js';
import { matchesFilterPattern } from './log-filter.js';

const notFound = (m: string) => new AwsShapedError('ResourceNotFoundException', m, 400);
const alreadyExists = (m: string) => new AwsShapedError('ResourceAlreadyExistsException', m, 400);
const invalid = (m: string) => new AwsShapedError('InvalidParameterException', m, 400);

const GROUP_RE = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM_RE = /^[^:*]{1,512}$/;

function groupName(input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName && input.logGroupIdentifier) throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  const id = input.logGroupName ?? input.logGroupIdentifier ?? '';
  // logGroupIdentifier may be an ARN: arn:aws:logs:<region>:<account>:log-group:<name>[:*]
  const m = /^arn:aws[a-z-]*:logs:[^:]*:\d{12}:log-group:([^:]+)/.exec(id);
  return m ? m[1]! : id;
}

function requireGroup(ctx: SimCtx, name: string) {
  const g = ctx.logs.group(name);
  if (!g) throw notFound('The specified log group does not exist.');
  return g;
}

function requireStream(ctx: SimCtx, group: string, stream: string) {
  requireGroup(ctx, group);
  const s = ctx.logs.stream(group, stream);
  if (!s) throw notFound('The specified log stream does not exist.');
  return s;
}

/** `f/` or `b/` + 56 digits (timestamp and event id), like CloudWatch's own tokens. */
function encodeCursor(dir: 'f' | 'b', c: EventCursor): string {
  return `${dir}/${String(c.ts).padStart(20, '0')}${String(c.id).padStart(36, '0')}`;
}

function decodeCursor(token: string): { dir: 'f' | 'b'; cursor: EventCursor } {
  const m = /^([fb])\/(\d{20})(\d{36})$/.exec(token);
  if (!m) throw invalid('The specified nextToken is invalid.');
  return { dir: m[1] as 'f' | 'b', cursor: { ts: Number(m[2]), id: Number(m[3]) } };
}

const cursorOf = (e: LogEventRow): EventCursor => ({ ts: e.timestamp, id: e.id });
const BEFORE_ALL: EventCursor = { ts: 0, id: 0 };
const AFTER_ALL: EventCursor = { ts: 99999999999999, id: Number.MAX_SAFE_INTEGER };

function checkLimit(limit: number | undefined, max: number, dflt: number): number {
  if (limit === undefined) return dflt;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw invalid(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  return limit;
}

function getLogEvents(ctx: SimCtx, input: L.GetLogEventsRequest): L.GetLogEventsResponse {
  const group = groupName(input);
  const stream = input.logStreamName ?? '';
  requireStream(ctx, group, stream);
  const limit = checkLimit(input.limit, 10000, 10000);
  const base = { group, streams: [stream], startTime: input.startTime, endTime: input.endTime, limit };
  let events: LogEventRow[];
  let forward: string;
  let backward: string;
  if (input.nextToken) {
    const { dir, cursor } = decodeCursor(input.nextToken);
    if (dir === 'f') {
      events = ctx.logs.events({ ...base, after: cursor });
      forward = events.length ? encodeCursor('f', cursorOf(events[events.length - 1]!)) : input.nextToken;
      backward = events.length ? encodeCursor('b', cursorOf(events[0]!)) : encodeCursor('b', cursor);
    } else {
      events = ctx.logs.events({ ...base, before: cursor, descending: true }).reverse();
      backward = events.length ? encodeCursor('b', cursorOf(events[0]!)) : input.nextToken;
      forward = events.length ? encodeCursor('f', cursorOf(events[events.length - 1]!)) : encodeCursor('f', cursor);
    }
  } else if (input.startFromHead) {
    events = ctx.logs.events(base);
    forward = encodeCursor('f', events.length ? cursorOf(events[events.length - 1]!) : BEFORE_ALL);
    backward = encodeCursor('b', events.length ? cursorOf(events[0]!) : BEFORE_ALL);
  } else {
    // Latest first: the last `limit` events, returned in ascending order.
    events = ctx.logs.events({ ...base, descending: true }).reverse();
    forward = encodeCursor('f', events.length ? cursorOf(events[events.length - 1]!) : BEFORE_ALL);
    backward = encodeCursor('b', events.length ? cursorOf(events[0]!) : AFTER_ALL);
  }
  return {
    events: events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: forward,
    nextBackwardToken: backward,
  };
}

function filterLogEvents(ctx: SimCtx, input: L.FilterLogEventsRequest): L.FilterLogEventsResponse {
  const group = groupName(input);
  requireGroup(ctx, group);
  if (input.logStreamNames?.length && input.logStreamNamePrefix) throw invalid('You cannot specify both LogStreamNames and LogStreamNamePrefix.');
  if (input.logStreamNames && (input.logStreamNames.length < 1 || input.logStreamNames.length > 100)) throw invalid('logStreamNames must have 1-100 names');
  const limit = checkLimit(input.limit, 10000, 10000);
  let after: EventCursor | undefined;
  if (input.nextToken) {
    try {
      const t = JSON.parse(Buffer.from(input.nextToken, 'base64url').toString()) as EventCursor;
      after = { ts: Number(t.ts), id: Number(t.id) };
    } catch {
      throw invalid('The specified nextToken is invalid.');
    }
  }
  const pattern = input.filterPattern ?? '';
  const out: LogEventRow[] = [];
  // Scan in batches so that a selective pattern still fills a page without loading the whole group.
  let cursor = after;
  let exhausted = false;
  scan: for (;;) {
    const batch = ctx.logs.events({ group, streams: input.logStreamNames, streamPrefix: input.logStreamNamePrefix, startTime: input.startTime, endTime: input.endTime, after: cursor, limit: 1000 });
    for (const e of batch) {
      cursor = cursorOf(e);
      if (matchesFilterPattern(pattern, e.message)) out.push(e);
      if (out.length >= limit) break scan;
    }
    if (batch.length < 1000) {
      exhausted = true;
      break;
    }
  }
  const res: L.FilterLogEventsResponse = {
    events: out.map((e) => ({ logStreamName: e.streamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: String(e.id).padStart(56, '0') })),
    searchedLogStreams: [],
  };
  if (!exhausted && cursor) res.nextToken = Buffer.from(JSON.stringify(cursor)).toString('base64url');
  return res;
}

export function createLogsApi(rt: SimRuntime): LogsApi {
  return {
    describeLogGroups: (input) => rt.run('logs.DescribeLogGroups', (ctx) => {
      const limit = checkLimit(input.limit, 50, 50);
      const after = input.nextToken ? Buffer.from(input.nextToken, 'base64url').toString() : '';
      const rows = ctx.logs.groups(input.logGroupNamePrefix ?? '', after, limit + 1);
      const items = rows.slice(0, limit);
      return {
        logGroups: items.map((g) => ({
          logGroupName: g.name, creationTime: g.createdAt, storedBytes: g.storedBytes, metricFilterCount: 0, retentionInDays: g.retentionDays ?? undefined,
          arn: `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${g.name}:*`, logGroupArn: `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${g.name}`, logGroupClass: 'STANDARD',
        })),
        nextToken: rows.length > limit ? Buffer.from(items[items.length - 1]!.name).toString('base64url') : undefined,
      };
    }),
    describeLogStreams: (input) => rt.run('logs.DescribeLogStreams', (ctx) => {
      const group = groupName(input);
      requireGroup(ctx, group);
      const byTime = input.orderBy === 'LastEventTime';
      if (byTime && input.logStreamNamePrefix) throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
      const limit = checkLimit(input.limit, 50, 50);
      const offset = input.nextToken ? Number(Buffer.from(input.nextToken, 'base64url').toString()) : 0;
      const rows = ctx.logs.streams(group, { prefix: input.logStreamNamePrefix ?? '', orderByLastEvent: byTime, descending: input.descending ?? false, offset, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return {
        logStreams: items.map((s) => ({
          logStreamName: s.name, creationTime: s.createdAt, firstEventTimestamp: s.firstEventAt ?? undefined, lastEventTimestamp: s.lastEventAt ?? undefined,
          lastIngestionTime: s.lastIngestionAt ?? undefined, arn: `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${group}:log-stream:${s.name}`, storedBytes: 0,
        })),
        nextToken: rows.length > limit ? Buffer.from(String(offset + limit)).toString('base64url') : undefined,
      };
    }),
    getLogEvents: (input) => rt.run('logs.GetLogEvents', (ctx) => getLogEvents(ctx, input)),
    filterLogEvents: (input) => rt.run('logs.FilterLogEvents', (ctx) => filterLogEvents(ctx, input)),
    createLogGroup: (input) => rt.run('logs.CreateLogGroup', (ctx) => {
      const name = input.logGroupName ?? '';
      if (!GROUP_RE.test(name)) throw invalid(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
      if (ctx.logs.group(name)) throw alreadyExists('The specified log group already exists');
      ctx.logs.createGroup(name, ctx.now);
      return {};
    }),
    createLogStream: (input) => rt.run('logs.CreateLogStream', (ctx) => {
      const group = input.logGroupName ?? '';
      const name = input.logStreamName ?? '';
      if (!STREAM_RE.test(name)) throw invalid(`1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
      requireGroup(ctx, group);
      if (ctx.logs.stream(group, name)) throw alreadyExists('The specified log stream already exists');
      ctx.logs.createStream(group, name, ctx.now);
      return {};
    }),
    putLogEvents: (input) => rt.run('logs.PutLogEvents', (ctx) => {
      const group = input.logGroupName ?? '';
      const stream = input.logStreamName ?? '';
      requireStream(ctx, group, stream);
      const events = input.logEvents ?? [];
      if (events.length < 1 || events.length > 10000) throw invalid('logEvents must contain 1-10000 events');
      for (let i = 1; i < events.length; i++) {
        if (events[i]!.timestamp! < events[i - 1]!.timestamp!) throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
      ctx.logs.append(group, stream, events.map((e) => ({ timestamp: e.timestamp ?? ctx.now, message: e.message ?? '' })), ctx.now);
      return {};
    }),
  };
}
