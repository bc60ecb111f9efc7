/** docs/commands.md, generated from the command tree (`npm run docs`; a test fails when stale). */
import { commandTree, helpOptionSpec, type ArgumentSpec, type CommandSpec, type OptionSpec, type ValueCompletion } from './tree.js';
import type { Command } from 'commander';

const KIND_NAMES: Record<string, string> = { queue: 'job queue', ce: 'compute environment', jobdef: 'job definition', policy: 'scheduling policy', job: 'job' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function valueNote(v: ValueCompletion): string {
  if (!v) return '';
  if ('choices' in v) return ` (one of: ${v.choices.map((c) => `\`${c}\``).join(', ')})`;
  if ('kind' in v) return ` (completes ${KIND_NAMES[v.kind]} names)`;
  return '';
}

function optionRows(opts: OptionSpec[]): string[] {
  return opts.map((o) => `| \`${cell(o.usage)}\` | ${cell(o.description)}${o.defaultValue !== undefined ? ` (default: \`${cell(o.defaultValue)}\`)` : ''}${cell(valueNote(o.values))} |`);
}

function argRows(args: ArgumentSpec[]): string[] {
  return args.map((a) => {
    const shape = a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`;
    return `| \`${cell(shape)}\` | ${cell(a.description)}${cell(valueNote(a.values))} |`;
  });
}

function anchor(path: string[]): string {
  return path.join('-').replace(/[^a-z0-9-]/gi, '').toLowerCase();
}

function section(c: CommandSpec): string {
  const title = c.path.join(' ');
  const parts = [`### ${title}`, ''];
  if (c.description) parts.push(c.description, '');
  parts.push('```', `${title} ${c.usage}`.trim(), '```', '');
  if (c.aliases.length) parts.push(`Aliases: ${c.aliases.map((a) => `\`${a}\``).join(', ')}`, '');
  if (c.args.length) parts.push('| argument | |', '|---|---|', ...argRows(c.args), '');
  if (c.options.length) parts.push('| option | |', '|---|---|', ...optionRows(c.options), '');
  if (c.subcommands.some((s) => !s.hidden)) {
    parts.push('| command | |', '|---|---|', ...c.subcommands.filter((s) => !s.hidden).map((s) => `| [\`${s.path.join(' ')}\`](#${anchor(s.path)}) | ${cell(s.description)} |`), '');
  }
  return parts.join('\n');
}

export function commandsMarkdown(root: Command): string {
  const tree = commandTree(root);
  const nouns = tree.subcommands.filter((s) => !s.hidden);
  const sections: string[] = [];
  const visit = (c: CommandSpec) => {
    if (c.hidden) return;
    sections.push(section(c));
    c.subcommands.forEach(visit);
  };
  nouns.forEach(visit);
  return [
    '# batchctl commands',
    '',
    '<!-- Generated from the command tree by `npm run docs` (batchctl completion --docs): do not edit. -->',
    '',
    tree.description,
    '',
    '```',
    `batchctl [global options] <command> [options]`,
    '```',
    '',
    '## Global options',
    '',
    'Accepted before or after the command.',
    '',
    '| option | |',
    '|---|---|',
    ...optionRows([...tree.options, helpOptionSpec(root)]),
    '',
    '## Commands',
    '',
    '| command | |',
    '|---|---|',
    ...nouns.map((n) => `| [\`batchctl ${n.name}\`](#${anchor(n.path)}) | ${cell(n.description)} |`),
    '',
    'Exit codes are listed in [exit-codes.md](exit-codes.md), settings in [configuration.md](configuration.md).',
    '',
    ...sections,
  ].join('\n');
}
