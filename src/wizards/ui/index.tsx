/**
 * `runSetupWizard`: the interactive setup wizard as a promise, for `setup fargate|ec2|eks` on a
 * terminal without --yes. The setup command imports this module with `await import()`, so Ink and
 * React load only when the wizard runs.
 */
import { render } from 'ink';
import type { Context } from '../../context.js';
import type { Platform, SetupAnswers } from '../defaults.js';
import type { WizardFacts } from './fields.js';
import { SetupWizard } from './wizard.js';

export type { WizardFacts, WizardReview } from './fields.js';

export interface WizardStreams {
  stdin: NodeJS.ReadStream;
  /** Where the wizard draws: stderr when it is a terminal (stdout stays for the result), else stdout. */
  output: NodeJS.WriteStream;
}

function processStreams(): WizardStreams {
  return { stdin: process.stdin, output: process.stderr.isTTY ? process.stderr : process.stdout };
}

/**
 * Runs the wizard from `initial` (the console's defaults with the flags on top) and resolves with
 * the answers the person chose Create for, or undefined when they cancelled (nothing changed).
 */
export async function runSetupWizard(
  ctx: Context,
  platform: Platform,
  initial: SetupAnswers,
  facts: WizardFacts,
  streams: WizardStreams = processStreams(),
): Promise<SetupAnswers | undefined> {
  if (initial.platform !== platform) throw new Error(`runSetupWizard: answers for ${initial.platform}, not ${platform}`);
  let chosen: SetupAnswers | undefined;
  const instance = render(<SetupWizard initial={initial} facts={facts} palette={ctx.io.color()} onDone={(a) => (chosen = a)} />, {
    stdin: streams.stdin,
    stdout: streams.output,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.unmount();
    instance.cleanup();
  }
  return chosen;
}
