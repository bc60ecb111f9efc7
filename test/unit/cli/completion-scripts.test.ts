/**
 * The completion generators on a small tree shaped like batchctl's, run in the real shells: bash
 * through COMP_WORDS/COMP_CWORD, zsh with the completion builtins stubbed, fish with `complete -C`.
 * A `batchctl` shell function stands in for the binary, so dynamic completion is seen with the
 * arguments it was given.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bashScript } from '../../../src/commands/completion/bash.js';
import { fishScript } from '../../../src/commands/completion/fish.js';
import { commandTree, shellTables } from '../../../src/commands/completion/tree.js';
import { zshScript } from '../../../src/commands/completion/zsh.js';
import { sampleProgram } from './fixtures/tree.js';

const has = (shell: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const dir = mkdtempSync(join(tmpdir(), 'batchctl-completion-'));
const tables = shellTables(sampleProgram());
const scripts = { bash: join(dir, 'batchctl.bash'), zsh: join(dir, '_batchctl'), fish: join(dir, 'batchctl.fish') };
writeFileSync(scripts.bash, bashScript(tables));
writeFileSync(scripts.zsh, zshScript(tables));
writeFileSync(scripts.fish, fishScript(tables));
const argsFile = join(dir, 'args');

/** The candidates bash offers for a command line (the last word is the one being completed). */
function bash(line: string): string[] {
  const words = line.split(' ');
  const out = execFileSync(
    'bash',
    ['--norc', '-c', `source "$1"; shift; batchctl() { local IFS=' '; printf '%s\\n' "$*" > "${argsFile}"; printf 'alpha\\nbeta\\nother\\n'; }; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _batchctl; printf '%s\\n' "\${COMPREPLY[@]}"`, '_', scripts.bash, ...words],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

function zsh(line: string): string {
  const words = line.split(' ');
  const harness = `
compdef() { : }
compset() { : }
compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -r -- "values: $*" }
_describe() { local n=\${@[-1]}; local -a a; a=("\${(@P)n}"); print -r -- "$2: \${(@)a%%:*}" }
_files() { print -r -- files }
batchctl() { print -r -- "$*" > "${argsFile}"; print -l alpha beta }
source "${scripts.zsh}"
words=("$@"); CURRENT=$#
_batchctl`;
  return execFileSync('zsh', ['-f', '-c', harness, '_', ...words], { encoding: 'utf8' }).trim();
}

function fish(line: string): string[] {
  const out = execFileSync('fish', ['-N', '-c', `source "${scripts.fish}"; function batchctl; echo $argv > "${argsFile}"; printf '%s\\n' alpha beta; end; complete -C "$argv[1]"`, line], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
}

const lastArgs = () => execFileSync('cat', [argsFile], { encoding: 'utf8' }).trim();

describe('the command tree', () => {
  it('maps argument and option names to what completes them', () => {
    const tree = commandTree(sampleProgram());
    const cmd = (...path: string[]) => {
      let c = tree;
      for (const p of path) c = c.subcommands.find((s) => s.name === p)!;
      return c;
    };
    expect(cmd('ce', 'describe').args[0]!.values).toEqual({ kind: 'ce' });
    // create's name is a new name: nothing to complete.
    expect(cmd('ce', 'create').args[0]!.values).toBeNull();
    expect(cmd('ce', 'create').options.find((o) => o.flags.includes('--input'))!.values).toEqual({ files: true });
    expect(cmd('queue', 'delete').args[0]!.values).toEqual({ kind: 'queue' });
    expect(cmd('queue', 'create').options.find((o) => o.flags.includes('--ce'))!.values).toEqual({ kind: 'ce' });
    expect(cmd('queue', 'create').options.find((o) => o.flags.includes('--priority'))!.values).toBeNull();
    const submit = cmd('job', 'submit').options;
    expect(submit.map((o) => o.values)).toEqual([{ kind: 'queue' }, { kind: 'jobdef' }, { kind: 'job' }]);
    expect(cmd('job', 'describe').args[0]!.values).toEqual({ kind: 'job' });
    expect(cmd('config', 'get').args[0]!.values).toEqual({ choices: ['backend', 'region'] });
  });

  it('leaves hidden commands out of the scripts and --version to the root', () => {
    expect(tables.commands.map((c) => c.path)).not.toContain('batchctl __complete');
    expect(tables.globals.flatMap((g) => g.flags)).not.toContain('--version');
    expect(tables.commands[0]!.options.flatMap((o) => o.flags)).toEqual(['-v', '--version']);
  });
});

describe.skipIf(!has('bash'))('bash', () => {
  it('completes nouns, aliases and verbs', () => {
    expect(bash('batchctl ')).toEqual(['ce', 'compute-environment', 'queue', 'jq', 'job', 'config']);
    expect(bash('batchctl c')).toEqual(['ce', 'compute-environment', 'config']);
    expect(bash('batchctl ce l')).toEqual(['list', 'ls']);
    expect(bash('batchctl compute-environment ')).toEqual(['list', 'ls', 'describe', 'create']);
    expect(bash('batchctl --backend aws -o json jq ')).toEqual(['delete', 'create']);
  });

  it('completes a command’s own options and the global ones', () => {
    expect(bash('batchctl ce create --t')).toEqual(['--type']);
    expect(bash('batchctl job submit --')).toEqual(['--queue', '--job-definition', '--depends-on', '--backend', '--region', '--output', '--home', '--no-color', '--yes', '--help']);
    expect(bash('batchctl --v')).toEqual(['--version']);
    expect(bash('batchctl ce list --v')).toEqual([]);
  });

  it('completes option values from their choices, in every spelling', () => {
    expect(bash('batchctl ce create --type ')).toEqual(['EC2', 'FARGATE']);
    expect(bash('batchctl ce create --type F')).toEqual(['FARGATE']);
    expect(bash('batchctl -o ')).toEqual(['table', 'json']);
    expect(bash('batchctl ce list --output = j')).toEqual(['json']);
    expect(bash('batchctl ce list --output=j')).toEqual(['--output=json']);
    expect(bash('batchctl config get ')).toEqual(['backend', 'region']);
  });

  it('asks `batchctl __complete` for resource names, passing the world options on', () => {
    expect(bash('batchctl job submit -q ')).toEqual(['alpha', 'beta', 'other']);
    expect(lastArgs()).toBe('__complete queue');
    expect(bash('batchctl --backend aws --region=eu-west-1 ce describe a')).toEqual(['alpha']);
    expect(lastArgs()).toBe('--backend aws --region=eu-west-1 __complete ce a');
    // variadic: every further argument too
    expect(bash('batchctl ce describe alpha b')).toEqual(['beta']);
    expect(bash('batchctl jq create new --ce o')).toEqual(['other']);
    expect(lastArgs()).toBe('__complete ce o');
  });

  it('completes nothing for new names and free values, files for files', () => {
    expect(bash('batchctl ce create ')).toEqual([]);
    expect(bash('batchctl jq create x -p ')).toEqual([]);
    expect(bash(`batchctl ce create --input ${dir}/batchctl.ba`)).toEqual([scripts.bash]);
  });
});

describe.skipIf(!has('zsh'))('zsh (completion builtins stubbed)', () => {
  it('describes commands and options', () => {
    expect(zsh('batchctl ')).toBe('commands: ce compute-environment queue jq job config');
    expect(zsh('batchctl jq ')).toBe('commands: delete create');
    expect(zsh('batchctl job submit -')).toBe('options: -q --queue --job-definition --depends-on --backend --region -o --output --home --no-color -y --yes -h --help');
  });
  it('completes values: choices, resource names with world options, files', () => {
    expect(zsh('batchctl ce create --type ')).toBe('values: EC2 FARGATE');
    expect(zsh('batchctl --output=j')).toBe('values: table json');
    expect(zsh('batchctl --home /x ce describe ')).toBe('values: alpha beta');
    expect(lastArgs()).toBe('--home /x __complete ce');
    expect(zsh('batchctl ce create --input x')).toBe('files');
  });
  it('is valid zsh', () => {
    expect(() => execFileSync('zsh', ['-n', scripts.zsh])).not.toThrow();
  });
});

describe.skipIf(!has('fish'))('fish (complete -C)', () => {
  it('completes commands, aliases and options', () => {
    expect(fish('batchctl ').sort()).toEqual(['ce', 'compute-environment', 'config', 'job', 'jq', 'queue']);
    expect(fish('batchctl compute-environment l')).toEqual(['list', 'ls']);
    expect(fish('batchctl ce create --t')).toEqual(['--type']);
  });
  it('completes values: choices, and resource names with world options', () => {
    expect(fish('batchctl ce create --type ')).toEqual(['EC2', 'FARGATE']);
    expect(fish('batchctl --output=j')).toEqual(['--output=json']);
    expect(fish('batchctl --backend aws ce describe a')).toEqual(['alpha']);
    expect(lastArgs()).toBe('--backend aws __complete ce a');
    expect(fish('batchctl job submit --queue=b')).toEqual(['--queue=beta']);
  });
  it('does not ask batchctl while an option is being typed', () => {
    writeFileSync(argsFile, 'untouched');
    fish('batchctl ce describe --');
    expect(lastArgs()).toBe('untouched');
  });
});
