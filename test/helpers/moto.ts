/**
 * A moto server for tests: `python3 -m moto.server -H 127.0.0.1 -p <free port>`, one per test file.
 *
 *   const avail = motoAvailability();            // synchronous, for describe.skipIf
 *   let moto: MotoServer;
 *   beforeAll(async () => { moto = await startMoto(); });
 *   afterAll(() => moto?.stop());
 *
 * Without python3 or moto the suite is skipped with a loud message, unless BATCHCTL_REQUIRE_MOTO=1
 * (CI), which turns the absence into a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Stops the server (idempotent). */
  stop(): Promise<void>;
}

export interface MotoAvailability {
  ok: boolean;
  /** Why moto cannot run, when it cannot. */
  reason?: string;
  /** True when BATCHCTL_REQUIRE_MOTO=1: a missing moto must fail the run. */
  required: boolean;
}

const PYTHON = process.env.BATCHCTL_PYTHON ?? 'python3';

let cached: MotoAvailability | undefined;

/** Whether `python3 -m moto.server` can run here (checked once per process, synchronously). */
export function motoAvailability(): MotoAvailability {
  if (cached) return cached;
  const required = process.env.BATCHCTL_REQUIRE_MOTO === '1';
  const probe = spawnSync(PYTHON, ['-c', 'import moto, moto.server, flask; print(moto.__version__)'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? String(probe.error.message) : (probe.stderr || '').trim().split('\n').pop() || `exit ${probe.status}`;
    cached = { ok: false, reason: `${PYTHON} with moto[server] is not available (${why})`, required };
  } else {
    cached = { ok: true, required };
  }
  return cached;
}

/**
 * Call at the top of a test file: returns true when the moto tests should be skipped, after
 * printing a loud warning; throws when BATCHCTL_REQUIRE_MOTO=1 and moto is missing.
 */
export function skipWithoutMoto(suite: string): boolean {
  const avail = motoAvailability();
  if (avail.ok) return false;
  const banner = `\n${'!'.repeat(78)}\n!! ${suite}: SKIPPED — ${avail.reason}.\n!! Install it with \`pip install 'moto[server]'\`; set BATCHCTL_REQUIRE_MOTO=1 to make this a failure.\n${'!'.repeat(78)}\n`;
  if (avail.required) throw new Error(`BATCHCTL_REQUIRE_MOTO=1 but ${avail.reason}`);
  console.warn(banner);
  return true;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface StartMotoOptions {
  timeoutMs?: number;
  /**
   * Let moto run Batch jobs in Docker containers (default false). Without Docker, moto marks each
   * job SUCCEEDED as soon as it is submitted, which is deterministic and needs no daemon; with
   * `use_docker` on and no usable daemon, jobs go to FAILED instead.
   */
  batchUseDocker?: boolean;
}

async function configure(endpoint: string, batchUseDocker: boolean): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/config`, { method: 'POST', body: JSON.stringify({ batch: { use_docker: batchUseDocker } }) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`moto config failed: HTTP ${res.status}`);
}

/** Starts moto on a free 127.0.0.1 port and waits until it answers (up to `timeoutMs`). */
export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  const avail = motoAvailability();
  if (!avail.ok) throw new Error(avail.reason);
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let lastError = '';
  // A port found free can be taken before moto binds it; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4_000);
    });
    // If the test process dies without afterAll, do not leave moto behind.
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);

    while (Date.now() < deadline && child.exitCode === null) {
      if (await answers(endpoint)) {
        try {
          await configure(endpoint, opts.batchUseDocker ?? false);
        } catch (err) {
          process.removeListener('exit', onExit);
          await stopProcess(child);
          throw err;
        }
        let stopped = false;
        return {
          endpoint,
          async reset() {
            const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
            await res.arrayBuffer();
            if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
            // moto 5.2 keeps its config across a reset; set it again in case that changes.
            await configure(endpoint, opts.batchUseDocker ?? false);
          },
          async stop() {
            if (stopped) return;
            stopped = true;
            process.removeListener('exit', onExit);
            await stopProcess(child);
          },
        };
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    lastError = stderr.trim().split('\n').slice(-5).join('\n');
    process.removeListener('exit', onExit);
    await stopProcess(child);
    if (Date.now() >= deadline) break;
  }
  throw new Error(`moto did not start: ${lastError || 'timed out'}`);
}

/** Fake credentials for the SDK while a moto test runs; returns a function that restores the env. */
export function useFakeAwsEnv(): () => void {
  const keys = {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  } as const;
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(keys)) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  // A developer's AWS_PROFILE would override the env credentials' intent; hide it while testing.
  saved.set('AWS_PROFILE', process.env.AWS_PROFILE);
  delete process.env.AWS_PROFILE;
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
