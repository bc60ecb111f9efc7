/**
 * What an operation sees: the repositories, the instant it runs at, the world's account and
 * region, and the id generator. One SimCtx lives for one transaction.
 */
import { batchArn, type BatchResourceType } from '../../domain/ids.js';
import { IdGenerator } from './ids.js';
import { Jobs } from './store/jobs.js';
import { Logs } from './store/logs.js';
import { Resources } from './store/resources.js';
import type { Store } from './store/store.js';

export const META = {
  region: 'region',
  account: 'account',
  seed: 'seed',
  idCounter: 'id_counter',
  worldNow: 'world_now',
  simAnchor: 'sim_anchor',
  realAnchor: 'real_anchor',
  speed: 'speed',
} as const;

export class SimCtx {
  readonly resources: Resources;
  readonly logs: Logs;
  readonly jobs: Jobs;
  readonly ids: IdGenerator;
  /** The simulated instant the operation runs at (epoch ms). */
  now: number;

  constructor(readonly store: Store, readonly region: string, readonly account: string, now: number) {
    this.resources = new Resources(store);
    this.logs = new Logs(store);
    this.jobs = new Jobs(store);
    this.ids = new IdGenerator(Number(store.getMeta(META.seed) ?? 0), Number(store.getMeta(META.idCounter) ?? 0));
    this.now = now;
  }

  batchArn(type: BatchResourceType, id: string): string {
    return batchArn(this.region, this.account, type, id);
  }

  private readonly finishers: Array<() => void> = [];

  /** Runs `fn` when the operation finishes (caches write themselves back). */
  onFinish(fn: () => void): void {
    this.finishers.push(fn);
  }

  /** Persists what the operation moved besides rows (cached engine state, the id counter). */
  finish(): void {
    for (const fn of this.finishers) fn();
    const counter = this.ids.take();
    if (counter !== undefined) this.store.setMeta(META.idCounter, counter);
  }
}
