/**
 * Following one stream with GetLogEvents forward tokens (spec/07 §8): start with
 * `startFromHead: true` (or the tail's token), pass each `nextForwardToken` back with
 * `startFromHead: true`, and read "the same token came back" as "nothing more for now". Pages may be
 * partly full or even empty while more events exist, so only the same token means the end.
 */
import type { GetLogEventsRequest, GetLogEventsResponse } from '@aws-sdk/client-cloudwatch-logs';

export interface StreamCursor {
  group: string;
  stream: string;
  /** The token to pass next; undefined before the first read. */
  token?: string;
  /** Only events at or after this instant (--since). */
  startTime?: number;
  /** The last read returned the token it was given: the reader is at the end (for now). */
  atEnd: boolean;
  /** Reads made. */
  reads: number;
}

export function newCursor(group: string, stream: string, startTime?: number): StreamCursor {
  return { group, stream, startTime, atEnd: false, reads: 0 };
}

/** The next GetLogEvents request for a cursor. */
export function nextRequest(c: StreamCursor, limit?: number): GetLogEventsRequest {
  return {
    logGroupName: c.group,
    logStreamName: c.stream,
    startFromHead: true,
    ...(c.token ? { nextToken: c.token } : c.startTime !== undefined ? { startTime: c.startTime } : {}),
    ...(limit ? { limit } : {}),
  };
}

/** The cursor after a response to `nextRequest(c)`. */
export function advanceCursor(c: StreamCursor, res: GetLogEventsResponse): StreamCursor {
  const next = res.nextForwardToken;
  const same = next !== undefined && next === c.token;
  // No token at all is not CloudWatch's behaviour ("never null"); treat it as the end too.
  return { ...c, token: next ?? c.token, atEnd: same || next === undefined, reads: c.reads + 1 };
}
