/**
 * The generated files committed beside the code (completions/ and docs/commands.md) must match the
 * command tree. When this fails, a command, option or description changed: run
 * `npm run completions && npm run docs` (after `npm run build`) and commit the result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { SCRIPT_FILES, SHELLS, fullProgram, scriptFor } from '../../../src/commands/completion/index.js';
import { commandsMarkdown } from '../../../src/commands/completion/markdown.js';
import { commandTree, shellTables, walk } from '../../../src/commands/completion/tree.js';
import { createContext } from '../../../src/context.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HOW = 'stale: run `npm run build && npm run completions && npm run docs` and commit the result';

let program: Command;
beforeAll(async () => {
  const ctx = createContext({ io: testStreams().io, env: {}, prompter: scriptedPrompter([]) });
  program = await fullProgram(ctx);
});

describe('generated files are up to date', () => {
  it.each(SHELLS)('completions/%s', (shell) => {
    const committed = readFileSync(join(ROOT, 'completions', SCRIPT_FILES[shell]), 'utf8');
    expect(committed === scriptFor(shell, shellTables(program)), `completions/${SCRIPT_FILES[shell]} is ${HOW}`).toBe(true);
  });

  it('docs/commands.md', () => {
    const committed = readFileSync(join(ROOT, 'docs', 'commands.md'), 'utf8');
    expect(committed === commandsMarkdown(program), `docs/commands.md is ${HOW}`).toBe(true);
  });
});

describe('the real command tree', () => {
  it('gives every command a description and every option one too', () => {
    const missing: string[] = [];
    walk(commandTree(program), (c) => {
      if (!c.description) missing.push(c.path.join(' '));
      for (const o of c.options) if (!o.description) missing.push(`${c.path.join(' ')} ${o.usage}`);
    });
    expect(missing).toEqual([]);
  });

  it('completes resource names where the resource commands take them', () => {
    const tree = commandTree(program);
    const find = (path: string) => {
      let found;
      walk(tree, (c) => {
        if (c.path.join(' ') === path) found = c;
      });
      if (!found) throw new Error(`no command ${path}`);
      return found as ReturnType<typeof commandTree>;
    };
    expect(find('batchctl ce describe').args[0]!.values).toEqual({ kind: 'ce' });
    expect(find('batchctl queue describe').args[0]!.values).toEqual({ kind: 'queue' });
    expect(find('batchctl jobdef describe').args[0]!.values).toEqual({ kind: 'jobdef' });
    expect(find('batchctl config get').args[0]!.values).toEqual({ choices: ['backend', 'region', 'profile', 'endpoint-url', 'output', 'home', 'sim-speed', 'color'] });
    expect(find('batchctl completion').args[0]!.values).toEqual({ choices: ['bash', 'zsh', 'fish'] });
  });
});
