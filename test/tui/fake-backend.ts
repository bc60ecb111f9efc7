/**
 * A small in-memory Backend for the dashboard's tests: queues, jobs and log events as plain data,
 * every call recorded, with hooks to fail or delay the next calls. Operations the dashboard does
 * not use throw.
 */
import type { ComputeEnvironmentDetail, JobDetail, JobQueueDetail, JobStatus, JobSummary } from '@aws-sdk/client-batch';
import type { Backend } from '../../src/backend/port.js';
import { AwsShapedError } from '../../src/errors.js';

export interface FakeJob extends JobDetail {
  jobId: string;
  jobName: string;
  jobQueue: string;
  status: JobStatus;
}

export interface FakeWorld {
  queues: JobQueueDetail[];
  ces: ComputeEnvironmentDetail[];
  jobs: FakeJob[];
  /** Log events per stream name. */
  logs: Record<string, { timestamp: number; message: string }[]>;
  /** The snapshot's front of queue, per queue ARN. */
  front: Record<string, string[]>;
}

export interface FakeBackend extends Backend {
  world: FakeWorld;
  calls: { op: string; input: unknown }[];
  /** The next calls fail with this error (consumed one per call) . */
  failNext(err: Error, times?: number): void;
  /** Calls wait for this promise before answering (to test overlapping refreshes). */
  gate?: Promise<void>;
  count(op?: string): number;
  reset(): void;
}

export function queue(name: string, extra: Partial<JobQueueDetail> = {}): JobQueueDetail {
  return {
    jobQueueName: name,
    jobQueueArn: `arn:aws:batch:us-east-1:123456789012:job-queue/${name}`,
    state: 'ENABLED',
    status: 'VALID',
    statusReason: 'JobQueue Healthy',
    priority: 1,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce1' }],
    ...extra,
  };
}

export function job(id: string, q: string, status: JobStatus, extra: Partial<FakeJob> = {}): FakeJob {
  return {
    jobId: id,
    jobName: `job-${id}`,
    jobArn: `arn:aws:batch:us-east-1:123456789012:job/${id}`,
    jobQueue: `arn:aws:batch:us-east-1:123456789012:job-queue/${q}`,
    jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1',
    status,
    createdAt: 1_000,
    startedAt: undefined,
    attempts: [],
    ...extra,
  } as FakeJob;
}

function summary(j: FakeJob, all: readonly FakeJob[]): JobSummary {
  return {
    jobId: j.jobId,
    jobArn: j.jobArn,
    jobName: j.jobName,
    status: j.status,
    statusReason: j.statusReason,
    createdAt: j.createdAt,
    startedAt: j.startedAt,
    stoppedAt: j.stoppedAt,
    arrayProperties: j.arrayProperties ? { size: j.arrayProperties.size, index: j.arrayProperties.index } : undefined,
    container: j.container ? { exitCode: j.container.exitCode } : undefined,
    // As ListJobs summarises a multi-node job (numNodes) and its nodes (index, main node).
    nodeProperties: j.nodeDetails
      ? { nodeIndex: j.nodeDetails.nodeIndex, isMainNode: j.nodeDetails.isMainNode, numNodes: all.find((p) => p.jobId === j.jobId.replace(/#\d+$/, ''))?.nodeProperties?.numNodes }
      : j.nodeProperties
        ? { numNodes: j.nodeProperties.numNodes }
        : undefined,
  };
}


export function fakeBackend(world: Partial<FakeWorld> = {}): FakeBackend {
  const w: FakeWorld = { queues: [], ces: [], jobs: [], logs: {}, front: {}, ...world };
  const calls: { op: string; input: unknown }[] = [];
  const failures: Error[] = [];
  const self = {} as FakeBackend;
  const findQueue = (ref: string) => w.queues.find((q) => q.jobQueueName === ref || q.jobQueueArn === ref);
  const op =
    <I, O>(name: string, fn: (input: I) => O) =>
    async (input: I): Promise<O> => {
      calls.push({ op: name, input });
      if (self.gate) await self.gate;
      const f = failures.shift();
      if (f) throw f;
      return fn(input);
    };
  const batch = {
    describeJobQueues: op('describeJobQueues', () => ({ jobQueues: w.queues })),
    describeComputeEnvironments: op('describeComputeEnvironments', () => ({ computeEnvironments: w.ces })),
    getJobQueueSnapshot: op('getJobQueueSnapshot', (i: { jobQueue: string }) => {
      const q = findQueue(i.jobQueue);
      if (!q) throw new AwsShapedError('ClientException', `jobQueue ${i.jobQueue} does not exist`);
      return { frontOfQueue: { jobs: (w.front[q.jobQueueArn!] ?? []).map((id) => ({ jobArn: `arn:aws:batch:us-east-1:123456789012:job/${id}`, earliestTimeAtPosition: 500 })), lastUpdatedAt: 900 } };
    }),
    listJobs: op('listJobs', (i: { jobQueue?: string; arrayJobId?: string; multiNodeJobId?: string; jobStatus?: JobStatus; maxResults?: number }) => {
      let jobs: FakeJob[];
      if (i.arrayJobId) jobs = w.jobs.filter((j) => j.jobId.startsWith(`${i.arrayJobId}:`));
      else if (i.multiNodeJobId) jobs = w.jobs.filter((j) => j.jobId.startsWith(`${i.multiNodeJobId}#`));
      else {
        const q = findQueue(i.jobQueue ?? '');
        if (!q) throw new AwsShapedError('ClientException', `jobQueue ${i.jobQueue} does not exist`);
        jobs = w.jobs.filter((j) => j.jobQueue === q.jobQueueArn && !/[:#]\d+$/.test(j.jobId));
      }
      jobs = jobs.filter((j) => j.status === (i.jobStatus ?? 'RUNNING'));
      const max = i.maxResults ?? 100;
      return { jobSummaryList: jobs.slice(0, max).map((j) => summary(j, w.jobs)), nextToken: jobs.length > max ? 'more' : undefined };
    }),
    describeJobs: op('describeJobs', (i: { jobs: string[] }) => ({ jobs: w.jobs.filter((j) => i.jobs.includes(j.jobId)).map((j) => structuredClone(j)) })),
    cancelJob: op('cancelJob', (i: { jobId: string; reason: string }) => {
      const j = w.jobs.find((x) => x.jobId === i.jobId);
      if (j && ['SUBMITTED', 'PENDING', 'RUNNABLE'].includes(j.status)) Object.assign(j, { status: 'FAILED', statusReason: i.reason, isCancelled: true });
      return {};
    }),
    terminateJob: op('terminateJob', (i: { jobId: string; reason: string }) => {
      const j = w.jobs.find((x) => x.jobId === i.jobId);
      if (j && j.status !== 'SUCCEEDED') Object.assign(j, { status: 'FAILED', statusReason: i.reason, isTerminated: true });
      return {};
    }),
    updateJobQueue: op('updateJobQueue', (i: { jobQueue: string; state?: 'ENABLED' | 'DISABLED' }) => {
      const q = findQueue(i.jobQueue);
      if (q && i.state) q.state = i.state;
      return { jobQueueName: q?.jobQueueName, jobQueueArn: q?.jobQueueArn };
    }),
  };
  const logs = {
    getLogEvents: op('getLogEvents', (i: { logStreamName: string; nextToken?: string; limit?: number }) => {
      const events = w.logs[i.logStreamName];
      if (!events) throw new AwsShapedError('ResourceNotFoundException', 'The specified log stream does not exist.');
      const from = i.nextToken ? Number(i.nextToken.slice(2)) : 0;
      const page = events.slice(from, from + (i.limit ?? 10_000));
      return { events: page, nextForwardToken: `f/${from + page.length}`, nextBackwardToken: 'b/0' };
    }),
  };
  const refuse = (facet: string) =>
    new Proxy(
      {},
      {
        get: (_t, prop) => () => {
          throw new Error(`fake backend: ${facet}.${String(prop)} is not faked`);
        },
      },
    );
  Object.assign(self, {
    kind: 'aws',
    label: 'aws:us-east-1',
    region: 'us-east-1',
    batch: new Proxy(batch, { get: (t, p) => (t as Record<string | symbol, unknown>)[p] ?? (() => Promise.reject(new Error(`fake backend: batch.${String(p)} is not faked`))) }),
    logs: new Proxy(logs, { get: (t, p) => (t as Record<string | symbol, unknown>)[p] ?? (() => Promise.reject(new Error(`fake backend: logs.${String(p)} is not faked`))) }),
    ec2: refuse('ec2'),
    iam: refuse('iam'),
    eks: refuse('eks'),
    close: async () => undefined,
    world: w,
    calls,
    failNext(err: Error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(err);
    },
    count(name?: string) {
      return name ? calls.filter((c) => c.op === name).length : calls.length;
    },
    reset() {
      calls.length = 0;
    },
  });
  return self;
}

/** A fake timer set: time moves only when the test says so. */
export class FakeTimers {
  time = 0;
  private seq = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.pending.delete(h as number);
  };
  /** Delays of the timers waiting now. */
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.at - this.time).sort((a, b) => a - b);
  }
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((r) => setImmediate(r));
}
