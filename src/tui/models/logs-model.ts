/**
 * The Logs view's data: the selected job's CloudWatch log, followed live. Each refresh describes the
 * job (to learn its current attempt's stream) while it is active, then reads forward from the last
 * `nextForwardToken` with GetLogEvents. A new attempt (a retry) starts a new stream; its lines
 * follow a separator. Lines are kept up to MAX_LINES (the oldest go).
 */
import type { JobDetail, JobStatus } from '@aws-sdk/client-batch';
import { advanceCursor, newCursor, nextRequest, type StreamCursor } from '../../domain/logs/cursor.js';
import { jobLogs } from '../../domain/logs/sources.js';
import { isTerminal } from '../../domain/jobs/status.js';
import type { ModelEnv } from './env.js';
import { Poller } from './poller.js';

export interface LogLine {
  timestamp?: number;
  message: string;
  /** A separator the dashboard inserted (attempt boundaries), not a log event. */
  marker?: boolean;
}

export interface LogsExtra {
  jobName?: string;
  status?: string;
  group?: string;
  stream?: string;
  /** Why there are no lines yet ("the job has not started"), when there are none. */
  note?: string;
  /** Lines dropped from the front to stay within MAX_LINES. */
  droppedLines: number;
}

export const MAX_LINES = 10_000;
/** Pages read per refresh, so that a chatty job cannot stall the loop. */
const PAGES_PER_REFRESH = 5;

export class LogsModel extends Poller<LogLine, LogsExtra> {
  private lines: LogLine[] = [];
  private pending: LogLine[] = [];
  private droppedLineCount = 0;
  private job?: JobDetail;
  private cursor?: StreamCursor;
  private attempt = 0;
  private unavailable?: string;
  private drained = false;

  constructor(
    private readonly env: ModelEnv,
    readonly jobId: string,
  ) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, { droppedLines: 0 });
  }

  protected async load(): Promise<{ rows: LogLine[]; extra: LogsExtra }> {
    const { batch } = this.env.backend;
    // A finished job's log is complete once read to its end: no more calls.
    if (this.drained) return { rows: this.lines, extra: this.extra() };
    if (!this.job || !isTerminal(this.job.status as JobStatus)) {
      const out = await batch.describeJobs({ jobs: [this.jobId] });
      const job = out.jobs?.[0];
      if (!job) throw new Error(`job ${this.jobId} not found`);
      this.job = job;
    }
    // The stream of the latest attempt (domain/logs, shared with \`batchctl logs\`).
    const logs = jobLogs(this.job);
    this.unavailable =
      logs.kind === 'array-parent'
        ? 'an array job has no log of its own: its children do (enter on it in the jobs view)'
        : logs.kind === 'multi-node-parent'
          ? `a multi-node job has no log of its own: each of its ${this.job.nodeProperties?.numNodes ?? ''} nodes has one (:logs ${this.jobId}#${this.job.nodeProperties?.mainNode ?? 0} is the main node's; l on the job opens it, [ and ] switch node)`
          : logs.unavailable;
    const latest = logs.sources[logs.sources.length - 1];
    if (latest && latest.stream !== this.cursor?.stream) {
      if (this.cursor) this.push({ message: `── attempt ${latest.attempt}: ${latest.stream} ──`, marker: true });
      this.cursor = newCursor(latest.group, latest.stream);
      this.attempt = latest.attempt;
    }
    try {
      if (this.cursor) await this.read();
    } finally {
      this.commit();
    }
    if (isTerminal(this.job.status as JobStatus) && (this.cursor?.atEnd || !latest)) this.drained = true;
    return { rows: this.lines, extra: this.extra() };
  }

  private async read(): Promise<void> {
    const { logs } = this.env.backend;
    for (let i = 0; i < PAGES_PER_REFRESH; i++) {
      let res;
      try {
        res = await logs.getLogEvents(nextRequest(this.cursor!, 1000));
      } catch (err) {
        // The stream is created when the container starts writing: not there yet is not an error.
        if ((err as { name?: string }).name === 'ResourceNotFoundException') return;
        throw err;
      }
      for (const e of res.events ?? []) this.push({ timestamp: e.timestamp, message: (e.message ?? '').replace(/\n$/, '') });
      this.cursor = advanceCursor(this.cursor!, res);
      if (this.cursor.atEnd) return;
    }
  }

  private push(line: LogLine): void {
    this.pending.push(line);
  }

  /** New lines join the published ones in a new array (a published snapshot is immutable). */
  private commit(): void {
    if (!this.pending.length) return;
    let next = this.lines.concat(this.pending);
    this.pending = [];
    if (next.length > MAX_LINES) {
      this.droppedLineCount += next.length - MAX_LINES;
      next = next.slice(next.length - MAX_LINES);
    }
    this.lines = next;
  }

  private extra(): LogsExtra {
    const job = this.job;
    let note: string | undefined;
    if (this.unavailable) note = this.unavailable;
    else if (job && !this.cursor) note = `no log stream yet: the job is ${job.status} (a stream appears once it runs)`;
    else if (job && this.lines.length === 0) note = 'no log events yet';
    return { jobName: job?.jobName, status: job?.status, group: this.cursor?.group, stream: this.cursor ? `${this.cursor.stream}${this.attempt > 1 ? ` (attempt ${this.attempt})` : ''}` : undefined, note, droppedLines: this.droppedLineCount };
  }
}
