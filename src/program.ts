/**
 * The root command and global options. Nouns are registered lazily: when argv names one, only that
 * noun's module is imported; help and completion generation load them all.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { OUTPUT_FORMATS, BACKENDS } from './config.js';

export interface NounEntry {
  name: string;
  aliases?: string[];
  summary: string;
  hidden?: boolean;
  /** The noun's module; its command builds only `verb` when argv names one of its verbs (commands/shared/noun.ts). */
  load(): Promise<{ default: (ctx: Context, verb?: string) => Command }>;
}

/** Every noun, in the order `batchctl --help` lists them. */
export const NOUNS: NounEntry[] = [
  { name: 'demo', summary: 'Try batchctl offline: the Fargate first run in the simulator, jobs and logs included', load: () => import('./commands/demo/index.js') },
  { name: 'ce', aliases: ['compute-environment'], summary: 'Compute environments: create, list, describe, update, enable, disable, delete', load: () => import('./commands/ce/index.js') },
  { name: 'queue', aliases: ['jq'], summary: 'Job queues: create, list, describe, snapshot, update, enable, disable, delete', load: () => import('./commands/queue/index.js') },
  { name: 'jobdef', aliases: ['jd'], summary: 'Job definitions: register, list, describe, deregister, validate, skeleton', load: () => import('./commands/jobdef/index.js') },
  { name: 'job', aliases: ['jobs'], summary: 'Jobs: submit, list, describe, wait, cancel, terminate, stop', load: () => import('./commands/job/index.js') },
  { name: 'setup', summary: 'First-run wizards: a compute environment, queue, job definition and hello-world job (fargate, ec2, eks)', load: () => import('./commands/setup/index.js') },
  { name: 'teardown', summary: 'Delete what a setup created, in dependency order', load: () => import('./commands/teardown/index.js') },
  { name: 'iam', summary: 'IAM for Batch: check roles and policies, create the missing ones, print the operator policy', load: () => import('./commands/iam/index.js') },
  { name: 'network', summary: 'Check subnets, routes and security groups for Batch', load: () => import('./commands/network/index.js') },
  { name: 'logs', summary: "A job's CloudWatch logs: print or follow them (attempts, array children, nodes, containers)", load: () => import('./commands/logs/index.js') },
  { name: 'doctor', summary: 'Explain why a job is stuck or failed, or what is wrong with a queue or compute environment', load: () => import('./commands/doctor/index.js') },
  { name: 'top', summary: 'A full-screen dashboard: queues, jobs, logs and compute environments, live', load: () => import('./commands/top/index.js') },
  { name: 'policy', summary: 'Fair-share scheduling policies: create, list, describe, update, delete', load: () => import('./commands/policy/index.js') },
  { name: 'resource', aliases: ['consumable', 'cr'], summary: 'Consumable resources: create, list, describe, update, delete, and the jobs that need one', load: () => import('./commands/resource/index.js') },
  { name: 'tag', summary: 'Add or change tags on a resource', load: () => import('./commands/tag/index.js') },
  { name: 'untag', summary: 'Remove tags from a resource', load: () => import('./commands/tag/untag.js') },
  { name: 'sim', summary: "The simulator: status, advance its clock, change its speed, reset", load: () => import('./commands/sim/index.js') },
  { name: 'config', summary: 'Read and write settings in the config file', load: () => import('./commands/config/index.js') },
  { name: 'completion', summary: 'Print a shell completion script (bash, zsh, fish)', load: () => import('./commands/completion/index.js') },
  { name: '__complete', hidden: true, summary: 'Dynamic completion (used by the completion scripts)', load: () => import('./commands/completion/complete.js') },
];

/** Global options whose value is the next argv token (to find the noun without parsing). */
const VALUE_OPTIONS = new Set(['--backend', '--region', '--profile', '--endpoint-url', '-o', '--output', '--query', '--home', '--sim-speed']);

/**
 * The noun argv names: its first positional token, skipping global options and their values
 * (`help ce` names ce).
 */
export function findNoun(argv: string[]): string | undefined {
  const positional = positionals(argv, 2);
  return positional[0] === 'help' ? positional[1] : positional[0];
}

/** The word after the noun (`list` in `ce list`), which may name one of its verbs. */
export function findVerb(argv: string[]): string | undefined {
  const positional = positionals(argv, 3);
  return positional[0] === 'help' ? undefined : positional[1];
}

/** argv's first `n` positional words, skipping global options and their values. */
function positionals(argv: string[], n: number): string[] {
  const positional: string[] = [];
  for (let i = 0; i < argv.length && positional.length < n; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1, i + 1 + n - positional.length));
      break;
    }
    if (a.startsWith('-')) {
      if (!a.includes('=') && VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    positional.push(a);
  }
  return positional;
}

declare const __BATCHCTL_VERSION__: string | undefined;

export function version(): string {
  // The build (scripts/build.mjs) writes the version in; tests running the sources read package.json.
  if (typeof __BATCHCTL_VERSION__ === 'string') return __BATCHCTL_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export interface BuildOptions {
  /** Load every noun's full command tree (completion scripts and docs/commands.md need it). */
  all?: boolean;
}

/**
 * Builds the root command with the noun argv names. When it names none, every noun is added as a
 * stub (name, aliases, summary) so that root help and suggestions work without loading any.
 */
export async function buildProgram(ctx: Context, argv: string[], opts: BuildOptions = {}): Promise<Command> {
  const program = new Command('batchctl')
    .description('Operate AWS Batch from your shell: against real AWS, or the built-in simulator (the default).')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--backend <kind>', 'world to work in (env BATCHCTL_BACKEND)').choices(BACKENDS))
    .option('--region <region>', 'AWS region (env AWS_REGION; default us-east-1)')
    .option('--profile <name>', 'AWS profile (env AWS_PROFILE)')
    .option('--endpoint-url <url>', 'send AWS calls to this endpoint, e.g. a local moto server')
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('--query <jmespath>', 'JMESPath query over the JSON result, as the AWS CLI')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--debug', 'log every API call (operation, input, status, duration) to stderr')
    .option('--home <dir>', "simulator state directory (env BATCHCTL_HOME)")
    .option('--sim-speed <n>', 'simulated time runs N times faster than the wall clock (persisted)')
    .option('-y, --yes', 'do not ask for confirmation before changing anything')
    .option('--dry-run', 'print what would change, change nothing')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      outputError: (s, write) => write(ctx.io.color().red(s)),
      // Commander's defaults ask process.stdout and process.stderr, which builds them (src/io/iostreams.ts).
      getOutHelpWidth: () => ctx.io.columns(),
      getErrHelpWidth: () => ctx.io.columns(),
      getOutHasColors: () => ctx.io.isStdoutTTY() && ctx.io.color().enabled,
      getErrHasColors: () => ctx.io.isStderrTTY() && ctx.io.color().enabled,
    })
    .exitOverride()
    .hook('preAction', (_root, action) => {
      ctx.configure(action.optsWithGlobals());
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 failed, 2 bad usage or input, 3 not found, 4 credentials, 5 throttled,
8 still pending, 130 interrupted. Docs: docs/commands.md.
Examples:
  $ batchctl demo                      # a small world in the simulator
  $ batchctl ce list -o json           # compute environments, as AWS returns them
  $ batchctl --backend aws --region eu-west-1 queue list`,
    );

  const noun = findNoun(argv);
  const toLoad = opts.all ? NOUNS : NOUNS.filter((n) => n.name === noun || n.aliases?.includes(noun ?? ''));
  if (toLoad.length === 0) {
    // No noun named (--help, --version, a typo): root help and "did you mean" need only the names,
    // aliases and summaries in NOUNS, so nothing is imported.
    for (const entry of NOUNS) {
      const stub = new Command(entry.name).description(entry.summary);
      if (entry.aliases) stub.aliases(entry.aliases);
      program.addCommand(stub, { hidden: entry.hidden });
      inheritSettings(stub, program);
    }
    return program;
  }
  const modules = await Promise.all(toLoad.map((n) => n.load()));
  const verb = opts.all ? undefined : findVerb(argv);
  modules.forEach((m, i) => {
    const entry = toLoad[i]!;
    const cmd = m.default(ctx, verb);
    if (entry.aliases) cmd.aliases(entry.aliases);
    program.addCommand(cmd, { hidden: entry.hidden });
    inheritSettings(cmd, program);
  });
  return program;
}

/** Subcommands built apart and added with addCommand() share the root's output and error settings. */
function inheritSettings(cmd: Command, parent: Command): void {
  cmd.copyInheritedSettings(parent);
  for (const sub of cmd.commands) inheritSettings(sub, cmd);
}

