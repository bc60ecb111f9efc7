/**
 * The Logs view's data: the selected job's CloudWatch log, followed live. Each refresh describes the
 * job (to learn its current attempt's stream) while it is active, then reads forward from the last
 * `nextForwardToken` with GetLogEvents. A new attempt (a retry) starts a new stream; its lines
 * follow a separator. Lines are kept up to MAX_LINES (the oldest go).
 */
import type { JobDetail, JobStatus } from '@aws-sdk/client-batch';
import { logGroupName } from '../../domain/jobs/log-stream.js';
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

/** The stream of the job's latest attempt (the current one while running). */
export function currentStream(job: JobDetail): string | undefined {
  const attempts = job.attempts ?? [];
  return job.container?.logStreamName ?? attempts[attempts.length - 1]?.container?.logStreamName;
}

export class LogsModel extends Poller<LogLine, LogsExtra> {
  private lines: LogLine[] = [];
  private pending: LogLine[] = [];
  private droppedLineCount = 0;
  private job?: JobDetail;
  private stream?: string;
  private group?: string;
  private token?: string;
  private drained = false;

  constructor(
    private readonly env: ModelEnv,
    readonly jobId: string,
  ) {
    super({ intervalMs: env.intervalMs, timers: env.timers }, { droppedLines: 0 });
  }

  protected async load(): Promise<{ rows: LogLine[]; extra: LogsExtra }> {
    const { batch, logs } = this.env.backend;
    // A finished job's log is complete once read to its end: no more calls.
    if (!this.job || !isTerminal(this.job.status as JobStatus) || !this.drained) {
      if (!this.job || !isTerminal(this.job.status as JobStatus)) {
        const out = await batch.describeJobs({ jobs: [this.jobId] });
        const job = out.jobs?.[0];
        if (!job) throw new Error(`job ${this.jobId} not found`);
        this.job = job;
      }
      const stream = currentStream(this.job);
      const group = logGroupName(this.job.container?.logConfiguration as never);
      if (stream && group && stream !== this.stream) {
        if (this.stream) this.push({ message: `── attempt ${(this.job.attempts?.length ?? 0) + (this.job.container?.logStreamName ? 1 : 0)}: ${stream} ──`, marker: true });
        this.stream = stream;
        this.group = group;
        this.token = undefined;
      }
      try {
        if (this.stream && this.group) await this.read(logs);
      } finally {
        this.commit();
      }
    }
    return { rows: this.lines, extra: this.extra() };
  }

  private async read(logs: ModelEnv['backend']['logs']): Promise<void> {
    for (let i = 0; i < PAGES_PER_REFRESH; i++) {
      let out;
      try {
        out = await logs.getLogEvents({ logGroupName: this.group, logStreamName: this.stream, startFromHead: true, nextToken: this.token, limit: 1000 });
      } catch (err) {
        // The stream is created when the container starts writing: not there yet is not an error.
        if ((err as { name?: string }).name === 'ResourceNotFoundException') return;
        throw err;
      }
      const events = out.events ?? [];
      for (const e of events) this.push({ timestamp: e.timestamp, message: (e.message ?? '').replace(/\n$/, '') });
      const same = out.nextForwardToken === this.token;
      this.token = out.nextForwardToken ?? this.token;
      // GetLogEvents returns the same token at the end of the stream.
      if (same || events.length === 0) {
        this.drained = isTerminal(this.job?.status as JobStatus);
        return;
      }
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
    if (job && !this.stream) {
      const logDriver = job.container?.logConfiguration?.logDriver;
      note = logDriver && logDriver !== 'awslogs' ? `the job logs with ${logDriver}, not to CloudWatch Logs` : `no log stream yet: the job is ${job.status} (a stream appears once it runs)`;
    } else if (job && this.lines.length === 0) {
      note = 'no log events yet';
    }
    return { jobName: job?.jobName, status: job?.status, group: this.group, stream: this.stream, note, droppedLines: this.droppedLineCount };
  }
}
