/**
 * `batchctl completion bash|zsh|fish`: prints a completion script generated from the whole command
 * tree. `--write DIR` writes all three (`npm run completions` regenerates completions/), the
 * hidden `--docs FILE` writes docs/commands.md from the same tree, and the hidden `--verbs` prints
 * each noun's verbs as JSON (scripts/build.mjs keys bin/batchctl.js's code caches with them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { commandsMarkdown } from './markdown.js';
import { shellTables, type ShellTables } from './tree.js';
import { zshScript } from './zsh.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Where `--write DIR` puts each shell's script (the names each shell looks for). */
export const SCRIPT_FILES: Record<Shell, string> = { bash: 'batchctl.bash', zsh: '_batchctl', fish: 'batchctl.fish' };

export interface CompletionOptions {
  shell?: Shell;
  write?: string;
  docs?: string;
  verbs?: boolean;
}

export default function completionCommand(ctx: Context): Command {
  return new Command('completion')
    .description('Print a shell completion script (bash, zsh, fish)')
    .addArgument(new Argument('[shell]', 'the shell to complete for').choices(SHELLS))
    .option('--write <dir>', `write all three scripts into DIR (${Object.values(SCRIPT_FILES).join(', ')})`)
    .addOption(new Option('--docs <file>', 'write the command reference (docs/commands.md)').hideHelp())
    .addOption(new Option('--verbs', "print each noun's verbs (and their aliases, to the verb) as JSON").hideHelp())
    .addHelpText(
      'after',
      `
Install:
  bash  echo 'source <(batchctl completion bash)' >> ~/.bashrc
  zsh   batchctl completion zsh > "\${fpath[1]}/_batchctl"   # then restart zsh
  fish  batchctl completion fish > ~/.config/fish/completions/batchctl.fish`,
    )
    .action((shell: Shell | undefined, opts: { write?: string; docs?: string; verbs?: boolean }) => runCompletion(ctx, { shell, ...opts }));
}

/** One shell's script over the command tree's tables. */
export function scriptFor(shell: Shell, tables: ShellTables): string {
  return shell === 'bash' ? bashScript(tables) : shell === 'zsh' ? zshScript(tables) : fishScript(tables);
}

/** The root command with every noun's full tree (argv named only `completion`). */
export async function fullProgram(ctx: Context): Promise<Command> {
  const { buildProgram } = await import('../../program.js');
  return buildProgram(ctx, [], { all: true });
}

export async function runCompletion(ctx: Context, opts: CompletionOptions): Promise<void> {
  if (!opts.shell && !opts.write && !opts.docs && !opts.verbs) {
    throw new UsageError('name a shell (bash, zsh or fish), or pass --write DIR', 'batchctl completion bash > ~/.local/share/bash-completion/completions/batchctl');
  }
  const program = await fullProgram(ctx);
  const tables = shellTables(program);
  if (opts.write) {
    mkdirSync(opts.write, { recursive: true });
    for (const shell of SHELLS) {
      const file = join(opts.write, SCRIPT_FILES[shell]);
      writeFileSync(file, scriptFor(shell, tables));
      ctx.io.err(`wrote ${file}\n`);
    }
  }
  if (opts.docs) {
    writeFileSync(opts.docs, commandsMarkdown(program));
    ctx.io.err(`wrote ${opts.docs}\n`);
  }
  if (opts.verbs) {
    // noun -> { verb or alias: verb }
    const verbs = Object.fromEntries(program.commands.map((noun) => [noun.name(), Object.fromEntries(noun.commands.flatMap((v) => [v.name(), ...v.aliases()].map((w) => [w, v.name()])))]));
    ctx.io.out(`${JSON.stringify(verbs)}\n`);
  }
  if (opts.shell) ctx.io.out(scriptFor(opts.shell, tables));
}
