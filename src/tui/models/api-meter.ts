/**
 * The header's "API calls in the last minute": a backend wrapper that counts every port call, and
 * a tiny model that publishes the count once a second. When the backend counts its own calls (the
 * AWS backend's shared limiter, which also sees retries), its figures win.
 */
import type { Backend, ServiceName } from '../../backend/port.js';
import { realTimers, type Timers } from './poller.js';

const SERVICES: ServiceName[] = ['batch', 'ec2', 'iam', 'logs', 'eks'];
const WINDOW_MS = 60_000;

/** Batch allows about 50 calls/s per account (spec/08 §6): the budget the header compares with. */
export const BATCH_BUDGET_PER_MINUTE = 50 * 60;

/** A Backend whose calls are counted, per service, over a sliding minute. */
export interface CountedBackend extends Backend {
  /** Every call ever made through this wrapper, per operation (`batch.listJobs`): for tests and benches. */
  readonly totals: Map<string, number>;
  callsLastMinute(): Record<string, number>;
}

export function countCalls(backend: Backend, now: () => number = Date.now): CountedBackend {
  const times: number[] = [];
  const services: ServiceName[] = [];
  let head = 0;
  const totals = new Map<string, number>();
  const prune = () => {
    const cutoff = now() - WINDOW_MS;
    while (head < times.length && times[head]! <= cutoff) head++;
    if (head > 4096) {
      times.splice(0, head);
      services.splice(0, head);
      head = 0;
    }
  };
  const wrap = <T extends object>(service: ServiceName, facet: T): T =>
    // The proxy's target is an empty object, not the facet: the AWS backend freezes its facets, and
    // a proxy may not return a different value for a frozen target's property.
    new Proxy({} as T, {
      get(_target, prop) {
        const value = Reflect.get(facet, prop) as unknown;
        if (typeof value !== 'function') return value;
        const target = facet;
        return (...args: unknown[]) => {
          times.push(now());
          services.push(service);
          const key = `${service}.${String(prop)}`;
          totals.set(key, (totals.get(key) ?? 0) + 1);
          prune();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const facets = Object.fromEntries(SERVICES.map((s) => [s, wrap(s, backend[s])])) as Pick<Backend, ServiceName>;
  const counted: CountedBackend = Object.create(backend, {
    batch: { value: facets.batch },
    ec2: { value: facets.ec2 },
    iam: { value: facets.iam },
    logs: { value: facets.logs },
    eks: { value: facets.eks },
    totals: { value: totals },
    callsLastMinute: {
      value: () => {
        prune();
        const out: Record<string, number> = {};
        for (let i = head; i < times.length; i++) out[services[i]!] = (out[services[i]!] ?? 0) + 1;
        return out;
      },
    },
  }) as CountedBackend;
  return counted;
}

export interface ApiUsage {
  /** Calls in the last 60 s, per service. */
  perService: Record<string, number>;
  total: number;
  batch: number;
  budget: number;
}

/** Publishes the backend's calls in the last minute, once a second. */
export class ApiMeter {
  private current: ApiUsage = { perService: {}, total: 0, batch: 0, budget: BATCH_BUDGET_PER_MINUTE };
  private readonly listeners = new Set<() => void>();
  private timer: unknown;

  constructor(
    private readonly backend: Backend & { callsLastMinute?(): Record<string, number> },
    private readonly timers: Timers = realTimers,
  ) {}

  readonly snapshot = (): ApiUsage => this.current;
  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** Reads the counts now and publishes them if they changed. */
  sample(): void {
    const own = this.backend.apiCallsLastMinute?.();
    const perService = own ?? this.backend.callsLastMinute?.() ?? {};
    const total = Object.values(perService).reduce((a, b) => a + b, 0);
    const batch = perService.batch ?? 0;
    if (total === this.current.total && batch === this.current.batch) return;
    this.current = { perService, total, batch, budget: BATCH_BUDGET_PER_MINUTE };
    for (const l of [...this.listeners]) l();
  }

  start(): void {
    const loop = () => {
      this.sample();
      this.timer = this.timers.setTimeout(loop, 1000);
    };
    loop();
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
