/**
 * The command tree as plain data, read from commander once, for the completion scripts and
 * docs/commands.md. Which resource names an argument or option value completes with is decided by
 * naming convention (shared with the resource commands), so that no command has to register
 * anything:
 *
 * - a value named `queue`, `ce`, `jobdef`, `policy`, `job` or `consumable` (`--on <queue>`, `<job...>`,
 *   `<queue|arn>`) completes with that kind;
 * - so does an option whose long name says it (`--queue <name>`, `--compute-environment <x>`,
 *   `--job-definition <x>`, `--scheduling-policy <arn>`, `--job-id <id>`);
 * - a `<name...>`-style argument of a noun's verb completes with the noun's kind (`ce describe
 *   <name...>`), except for verbs that create a new name (create, register, skeleton, validate).
 *
 * Values named like a path (`<file>`, `<dir>`, `<path>`) complete file names.
 */
import type { Argument, Command, Option } from 'commander';

export const COMPLETION_KINDS = ['queue', 'ce', 'jobdef', 'policy', 'job', 'consumable'] as const;
export type CompletionKind = (typeof COMPLETION_KINDS)[number];

/** What a value completes with: fixed choices, names of a resource kind, file names, or nothing. */
export type ValueCompletion = { choices: string[] } | { kind: CompletionKind } | { files: true } | null;

export interface OptionSpec {
  /** `-q`, `--queue` (short first). */
  flags: string[];
  /** Commander's flags string, for docs (`-q, --queue <name>`). */
  usage: string;
  description: string;
  /** The option is followed by a value (required or optional). */
  takesValue: boolean;
  values: ValueCompletion;
  defaultValue?: string;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  values: ValueCompletion;
}

export interface CommandSpec {
  /** Canonical path from the root, e.g. ['batchctl', 'ce', 'list']. */
  path: string[];
  name: string;
  aliases: string[];
  description: string;
  usage: string;
  hidden: boolean;
  options: OptionSpec[];
  args: ArgumentSpec[];
  subcommands: CommandSpec[];
}

const KIND_BY_OPTION: Record<string, CompletionKind> = {
  queue: 'queue',
  'job-queue': 'queue',
  ce: 'ce',
  'compute-environment': 'ce',
  jobdef: 'jobdef',
  'job-definition': 'jobdef',
  policy: 'policy',
  'scheduling-policy': 'policy',
  job: 'job',
  'job-id': 'job',
  'depends-on': 'job',
  'consumable-resource': 'consumable',
};

const KIND_BY_NOUN: Record<string, CompletionKind> = { ce: 'ce', queue: 'queue', jobdef: 'jobdef', policy: 'policy', job: 'job', resource: 'consumable' };

/** Verbs whose name argument is a new name, so existing names are no help. */
const NEW_NAME_VERBS = new Set(['create', 'register', 'skeleton', 'validate', 'submit']);

const NAMEISH = /^(name|names|id|ids|name\|arn|arn|name-or-arn|ref)$/;
const FILEISH = /^(file|files|dir|directory|path)$/;

/** `name|arn...` -> ['name', 'arn']: the alternatives a value placeholder names. */
function placeholderParts(placeholder: string): string[] {
  return placeholder.replace(/\.\.\.$/, '').split('|').map((p) => p.trim().toLowerCase());
}

function kindOf(placeholder: string): CompletionKind | undefined {
  return placeholderParts(placeholder).find((p): p is CompletionKind => (COMPLETION_KINDS as readonly string[]).includes(p));
}

function optionValues(opt: Option): ValueCompletion {
  if (opt.argChoices?.length) return { choices: [...opt.argChoices] };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(opt.flags)?.[1] ?? '';
  const kind = kindOf(placeholder) ?? KIND_BY_OPTION[(opt.long ?? '').replace(/^--/, '')];
  if (kind) return { kind };
  if (placeholderParts(placeholder).some((p) => FILEISH.test(p)) || /^--(input|file|output-file|cli-input-json)$/.test(opt.long ?? '')) return { files: true };
  return null;
}

function argumentValues(arg: Argument, noun: string | undefined, verb: string): ValueCompletion {
  if (arg.argChoices?.length) return { choices: [...arg.argChoices] };
  const kind = kindOf(arg.name());
  if (kind) return { kind };
  const parts = placeholderParts(arg.name());
  if (noun && KIND_BY_NOUN[noun] && !NEW_NAME_VERBS.has(verb) && parts.some((p) => NAMEISH.test(p))) return { kind: KIND_BY_NOUN[noun]! };
  if (parts.some((p) => FILEISH.test(p))) return { files: true };
  return null;
}

function optionSpec(opt: Option): OptionSpec {
  const takesValue = opt.required || opt.optional;
  const spec: OptionSpec = {
    flags: [opt.short, opt.long].filter((f): f is string => Boolean(f)),
    usage: opt.flags,
    description: opt.description,
    takesValue,
    values: takesValue ? optionValues(opt) : null,
  };
  const dflt = opt.defaultValueDescription ?? (opt.defaultValue !== undefined && !opt.negate && opt.defaultValue !== false ? JSON.stringify(opt.defaultValue) : undefined);
  if (dflt !== undefined) spec.defaultValue = dflt;
  return spec;
}

function isHidden(cmd: Command): boolean {
  return Boolean((cmd as unknown as { _hidden?: boolean })._hidden);
}

/** Reads the tree under `cmd` (the root: `batchctl`), in the order help lists commands. */
export function commandTree(cmd: Command, parentPath: string[] = []): CommandSpec {
  const path = [...parentPath, cmd.name()];
  // path[1] is the noun (or undefined at the root); the verb is this command's name.
  const noun = path[1];
  return {
    path,
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: cmd.description(),
    usage: cmd.usage(),
    hidden: isHidden(cmd),
    options: cmd.options.filter((o) => !o.hidden).map(optionSpec),
    args: cmd.registeredArguments.map((a) => ({
      name: a.name(),
      description: a.description,
      required: a.required,
      variadic: a.variadic,
      values: argumentValues(a, noun, cmd.name()),
    })),
    subcommands: cmd.commands.map((c) => commandTree(c, path)),
  };
}

/** Every command in the tree, depth first (the root included). */
export function walk(spec: CommandSpec, visit: (c: CommandSpec) => void): void {
  visit(spec);
  for (const s of spec.subcommands) walk(s, visit);
}

/** The `-h, --help` option commander gives every command (it lives outside `options`). */
export function helpOptionSpec(root: Command): OptionSpec {
  const help = root.createHelp().visibleOptions(root).find((o) => o.long === '--help');
  return help ? optionSpec(help) : { flags: ['-h', '--help'], usage: '-h, --help', description: 'show help', takesValue: false, values: null };
}

/** What the shell scripts need: each visible command by path, and the options valid everywhere. */
export interface ShellTables {
  commands: Array<{ path: string; children: CommandSpec[]; options: OptionSpec[]; args: ArgumentSpec[] }>;
  /** The root's options but --version (commander accepts them after any subcommand too) plus --help. */
  globals: OptionSpec[];
}

export function shellTables(root: Command): ShellTables {
  const tree = commandTree(root);
  const help = helpOptionSpec(root);
  const commands: ShellTables['commands'] = [];
  const visit = (c: CommandSpec) => {
    if (c.hidden) return;
    const children = c.subcommands.filter((s) => !s.hidden);
    // The root's options are global, except --version, which only means something on its own.
    const options = c.path.length === 1 ? c.options.filter(isVersion) : c.options;
    commands.push({ path: c.path.join(' '), children, options, args: c.args });
    children.forEach(visit);
  };
  visit(tree);
  return { commands, globals: [...tree.options.filter((o) => !isVersion(o)), help] };
}

function isVersion(o: OptionSpec): boolean {
  return o.flags.includes('--version');
}

/** `{choices}` -> `choices:a b`, `{kind}` -> `kind:queue`, files -> `files`, none -> ``. */
export function valueSpec(v: ValueCompletion): string {
  if (!v) return '';
  if ('choices' in v) return `choices:${v.choices.join(' ')}`;
  if ('kind' in v) return `kind:${v.kind}`;
  return 'files';
}

/** The options that pass through to `__complete` so it asks the same world the command line names. */
export const WORLD_OPTIONS = ['--backend', '--region', '--profile', '--endpoint-url', '--home'];
