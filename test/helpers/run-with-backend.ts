/**
 * Runs the CLI in-process over a backend the test already holds (a moto-backed AWS backend, say):
 * no TTY, no prompts, no config file; the backend is shared, so the CLI's close leaves it open.
 */
import type { Backend } from '../../src/backend/port.js';
import { run } from '../../src/cli.js';
import { createContext } from '../../src/context.js';
import { testStreams } from '../../src/io/iostreams.js';
import { scriptedPrompter } from '../../src/io/prompter.js';

export async function runWithBackend(backend: Backend, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const streams = testStreams();
  const ctx = createContext({ io: streams.io, env: { BATCHCTL_CONFIG: '/nonexistent/config.json', BATCHCTL_BACKEND: backend.kind }, prompter: scriptedPrompter([]), backendFactory: async () => ({ ...backend, close: async () => undefined }) });
  const code = await run(argv, ctx);
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}
