/** Assembles a SimBackend: store, world, engine, runtime and the five facets. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from './clock.js';
import { META, SimCtx } from './context.js';
import { advanceComputeEnvironment } from './batch/compute-environments.js';
import { advanceConsumableResource, CLIENT_TOKEN_KIND, CONSUMABLE_KIND } from './batch/consumable-resources.js';
import { advanceJobDefinition } from './batch/job-definitions.js';
import { advanceJobQueue } from './batch/job-queues.js';
import { createBatchApi } from './batch/api.js';
import { Engine, ResourceTransitions, type TransitionHandler } from './engine/index.js';
import { getFaults, runUntilIdle, setFaults, throttleGate } from './engine/jobs/control.js';
import { NO_FAULTS } from './engine/jobs/faults.js';
import { JobEngine } from './engine/jobs/process.js';
import { SimRuntime } from './runtime.js';
import { openDatabase } from './store/database.js';
import { SCHEMA_VERSION } from './store/migrations.js';
import { Store } from './store/store.js';
import type { SimBackend, SimOptions, SimStatus } from './types.js';
import { createWorld } from './world/create.js';
import { createEc2Api } from './world/ec2.js';
import { createEksApi } from './world/eks.js';
import { createIamApi } from './world/iam.js';
import { KIND } from './world/kinds.js';
import { createLogsApi } from './world/logs.js';
import { WORLD_TRANSITIONS } from './world/transitions.js';

export const ACCOUNT_ID = '123456789012';

function storePath(opts: SimOptions): string {
  if (opts.path) return opts.path;
  const home = opts.home ?? process.env.BATCHCTL_HOME ?? join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'batchctl');
  return join(home, 'sim.db');
}

/** Writes the meta rows and the default world of a new store (inside the creating transaction). */
function initialise(store: Store, opts: SimOptions): void {
  const realNow = Date.now();
  const start = opts.clock?.now() ?? realNow;
  const meta: Record<string, string | number> = {
    [META.region]: opts.region ?? 'us-east-1',
    [META.account]: ACCOUNT_ID,
    [META.seed]: opts.seed ?? 1,
    [META.idCounter]: 0,
    [META.worldNow]: start,
    [META.simAnchor]: start,
    [META.realAnchor]: realNow,
    [META.speed]: opts.speed ?? 1,
  };
  for (const [k, v] of Object.entries(meta)) store.setMeta(k, v);
  const ctx = new SimCtx(store, String(meta[META.region]), ACCOUNT_ID, start);
  createWorld(ctx);
  ctx.finish();
}

function engine(): Engine {
  const handlers: Record<string, TransitionHandler> = {
    [KIND.computeEnvironment]: advanceComputeEnvironment as TransitionHandler,
    [KIND.jobQueue]: advanceJobQueue as TransitionHandler,
    [KIND.jobDefinition]: advanceJobDefinition as TransitionHandler,
    [CONSUMABLE_KIND]: advanceConsumableResource as TransitionHandler,
    [CLIENT_TOKEN_KIND]: advanceConsumableResource as TransitionHandler,
    ...WORLD_TRANSITIONS,
  };
  return new Engine([new ResourceTransitions(handlers), new JobEngine()]);
}

export function createSimBackend(opts: SimOptions): SimBackend {
  const path = storePath(opts);
  let store!: Store;
  const { db } = openDatabase(path, (raw) => {
    store = new Store(raw, path);
    initialise(store, opts);
  });
  store ??= new Store(db, path);
  const rt = new SimRuntime(store, engine(), opts.clock, opts.debug);
  if (opts.speed !== undefined && opts.speed !== rt.speed()) rt.reanchor(0, opts.speed);
  rt.gate = throttleGate(rt);

  const status = (): SimStatus => rt.runSync((ctx) => ({
    now: ctx.now,
    speed: rt.speed(),
    path,
    schemaVersion: SCHEMA_VERSION,
    region: rt.region,
    accountId: rt.account,
    counts: { ...ctx.resources.countsByKind(), jobs: ctx.jobs.count(), 'logs:group': ctx.logs.count().groups, 'logs:event': ctx.logs.count().events },
  }));

  return {
    kind: 'sim',
    label: 'sim',
    region: rt.region,
    batch: createBatchApi(rt),
    ec2: createEc2Api(rt),
    iam: createIamApi(rt),
    logs: createLogsApi(rt),
    eks: createEksApi(rt),
    control: {
      status,
      now: () => rt.runSync((ctx) => ctx.now),
      speed: () => rt.speed(),
      advance(ms: number) {
        if (!(ms >= 0)) throw new RangeError('advance takes a non-negative number of milliseconds');
        if (opts.clock instanceof ManualClock) opts.clock.advance(ms);
        else if (opts.clock) throw new RangeError('the simulator was given a clock it cannot advance');
        else rt.reanchor(ms, rt.speed());
        return status();
      },
      setSpeed(n: number) {
        if (!(n > 0) || !Number.isFinite(n)) throw new RangeError('the simulation speed must be a positive number');
        rt.reanchor(0, n);
        return status();
      },
      runUntilIdle: (o) => runUntilIdle(rt, opts.clock, o),
      faults: () => getFaults(rt),
      setFaults: (change) => setFaults(rt, change),
      clearFaults: () => setFaults(rt, NO_FAULTS),
      reset() {
        store.tx(() => {
          const seed = Number(store.getMeta(META.seed) ?? opts.seed ?? 1);
          const region = rt.region;
          store.wipe();
          initialise(store, { ...opts, seed, region });
        });
      },
    },
    close: async () => (opts.untilExit ? store.release() : store.close()),
  };
}
