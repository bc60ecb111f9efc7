/**
 * Prompter: asks a person a question on the terminal. Commands never prompt unless
 * `io.canPrompt()`; without a TTY a missing answer is a UsageError naming the flag.
 */
import { importPackage } from '../packages.js';
import type { IOStreams } from './iostreams.js';

export interface Prompter {
  /** A yes/no question; Enter takes the default. */
  confirm(question: string, defaultYes?: boolean): Promise<boolean>;
  /** A free-text answer; Enter takes the default. */
  input(question: string, defaultValue?: string): Promise<string>;
}

export function terminalPrompter(io: IOStreams): Prompter {
  async function ask(question: string): Promise<string> {
    const readline = await importPackage<typeof import('node:readline/promises')>('node:readline/promises');
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
  return {
    async confirm(question, defaultYes = false) {
      const c = io.color();
      const answer = (await ask(`${c.bold('?')} ${question} ${c.dim(defaultYes ? '[Y/n]' : '[y/N]')} `)).trim().toLowerCase();
      if (answer === '') return defaultYes;
      return answer === 'y' || answer === 'yes';
    },
    async input(question, defaultValue) {
      const c = io.color();
      const suffix = defaultValue !== undefined ? ` ${c.dim(`(${defaultValue})`)}` : '';
      const answer = (await ask(`${c.bold('?')} ${question}${suffix} `)).trim();
      return answer === '' && defaultValue !== undefined ? defaultValue : answer;
    },
  };
}

/** A prompter for tests: answers from a list, in order, and fails when a question is unexpected. */
export function scriptedPrompter(answers: Array<string | boolean>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (question: string) => {
    asked.push(question);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${question}`);
    return answers.shift()!;
  };
  return {
    asked,
    async confirm(question) {
      const a = next(question);
      return a === true || a === 'y' || a === 'yes';
    },
    async input(question, defaultValue) {
      const a = next(question);
      return a === '' && defaultValue !== undefined ? defaultValue : String(a);
    },
  };
}
