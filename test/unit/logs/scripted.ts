/**
 * A stand-in for the simulator's job engine in logs tests: DescribeJobs answers from scripted
 * timelines (the job's detail as a function of simulated time), and log lines land in the
 * simulator's real CloudWatch Logs (PutLogEvents) once the clock passes their instant. Everything
 * else is the in-memory simulator. Calls are counted per operation and instant, for budget tests.
 */
import type { JobDetail } from '@aws-sdk/client-batch';
import { createContext, type Context } from '../../../src/context.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';
import type { Backend } from '../../../src/backend/port.js';
import { ManualClock, openSimBackend, type SimBackend } from '../../../src/backend/sim/index.js';

export interface ScriptedLine {
  at: number;
  group?: string;
  stream: string;
  message: string;
}

/** A job as a list of (from this instant: this detail) steps; before the first step it does not exist. */
export type Timeline = Array<{ at: number; job: JobDetail }>;

export interface Scripted {
  ctx: Context;
  clock: ManualClock;
  sim: SimBackend;
  backend: Backend;
  stdout(): string;
  stderr(): string;
  /** Calls made: operation and simulated instant. */
  calls: Array<{ op: string; at: number }>;
  /** Makes the next `n` calls of `op` throw ThrottlingException. */
  throttle(op: string, n: number): void;
  /** A sleep that moves the simulated clock (what a follower waits with in tests). */
  sleep(ms: number): Promise<void>;
  /** Output events in order, tagged with the instant they were written. */
  writes: Array<{ at: number; text: string; to: 'out' | 'err' }>;
}

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

export async function scripted(timelines: Record<string, Timeline>, lines: ScriptedLine[] = [], opts: { tty?: boolean; color?: boolean } = {}): Promise<Scripted> {
  const clock = new ManualClock(T0);
  const sim = await openSimBackend({ path: ':memory:', clock, region: 'us-east-1', seed: 7 });
  const streams = testStreams({ tty: opts.tty, color: opts.color });
  const writes: Scripted['writes'] = [];
  const out = streams.io.out;
  const err = streams.io.err;
  streams.io.out = (t) => {
    writes.push({ at: clock.now(), text: t, to: 'out' });
    out(t);
  };
  streams.io.err = (t) => {
    writes.push({ at: clock.now(), text: t, to: 'err' });
    err(t);
  };
  const pending = [...lines].sort((a, b) => a.at - b.at);
  const calls: Scripted['calls'] = [];
  const throttles = new Map<string, number>();
  const record = (op: string) => {
    calls.push({ op, at: clock.now() });
    const left = throttles.get(op) ?? 0;
    if (left > 0) {
      throttles.set(op, left - 1);
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    }
  };
  const flush = async () => {
    while (pending.length && pending[0]!.at <= clock.now()) {
      const l = pending.shift()!;
      const group = l.group ?? '/aws/batch/job';
      await sim.logs.createLogGroup({ logGroupName: group }).catch(() => undefined);
      await sim.logs.createLogStream({ logGroupName: group, logStreamName: l.stream }).catch(() => undefined);
      await sim.logs.putLogEvents({ logGroupName: group, logStreamName: l.stream, logEvents: [{ timestamp: l.at, message: l.message }] });
    }
  };
  const detailAt = (id: string): JobDetail | undefined => {
    const tl = timelines[id];
    if (!tl) return undefined;
    let cur: JobDetail | undefined;
    for (const step of tl) if (step.at <= clock.now()) cur = step.job;
    return cur;
  };
  const batch = Object.create(sim.batch) as Backend['batch'];
  batch.describeJobs = async (input) => {
    record('DescribeJobs');
    if ((input.jobs ?? []).length > 100) throw Object.assign(new Error('jobs: must list at most 100 job IDs'), { name: 'ClientException' });
    return { jobs: (input.jobs ?? []).map(detailAt).filter((j): j is JobDetail => j !== undefined) };
  };
  const logs = Object.create(sim.logs) as Backend['logs'];
  logs.getLogEvents = async (input) => {
    record('GetLogEvents');
    await flush();
    return sim.logs.getLogEvents(input);
  };
  logs.filterLogEvents = async (input) => {
    record('FilterLogEvents');
    await flush();
    return sim.logs.filterLogEvents(input);
  };
  const backend: Backend = Object.assign(Object.create(sim) as Backend, { batch, logs, kind: 'sim', label: 'sim', region: 'us-east-1', close: async () => undefined });
  const ctx = createContext({
    io: streams.io,
    env: { HOME: '/nonexistent-home', BATCHCTL_CONFIG: '/nonexistent/config.json' },
    prompter: scriptedPrompter([]),
    backendFactory: async () => backend,
    now: () => clock.now(),
  });
  ctx.configure({});
  return {
    ctx, clock, sim, backend, calls, writes,
    stdout: streams.stdout,
    stderr: streams.stderr,
    throttle: (op, n) => void throttles.set(op, n),
    sleep: async (ms) => {
      clock.advance(ms);
    },
  };
}

/** A single-container job detail in a state. */
export function job(id: string, status: string, extra: Partial<JobDetail> = {}): JobDetail {
  return {
    jobId: id,
    jobName: `name-${id.slice(0, 4)}`,
    jobArn: `arn:aws:batch:us-east-1:123456789012:job/${id}`,
    jobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/q',
    jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1',
    status: status as JobDetail['status'],
    createdAt: T0,
    startedAt: undefined,
    container: {},
    ...extra,
  } as JobDetail;
}

export const sec = (n: number) => T0 + n * 1000;
