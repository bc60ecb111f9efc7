/**
 * Entry point: builds the Context over the process's streams, runs the CLI, exits with its code.
 * The only place that ends the process.
 */
import { report, run } from './cli.js';
import { createContext } from './context.js';
import { ExitCode } from './errors.js';
import { processStreams } from './io/iostreams.js';
import { terminalPrompter } from './io/prompter.js';

async function main(): Promise<void> {
  const io = processStreams();
  const ctx = createContext({ io, prompter: terminalPrompter(io), exitsAfterClose: true });
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(ExitCode.INTERRUPTED);
    interrupted = true;
    io.err('\ninterrupted\n');
    process.exit(ExitCode.INTERRUPTED);
  });
  process.on('unhandledRejection', (reason) => {
    process.exit(report(ctx, reason));
  });
  const code = await run(process.argv.slice(2), ctx);
  process.exit(code);
}

void main();
