/**
 * The fish completion script, generated from the command tree. fish completes option values
 * itself; the generated functions only find where on the command line the cursor is (which
 * command, how many positional arguments so far).
 */
import { WORLD_OPTIONS, type OptionSpec, type ShellTables, type ValueCompletion } from './tree.js';

/** Single-quotes a string for fish (backslash and quote are the only escapes). */
export function fq(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function flagArgs(o: OptionSpec): string {
  return o.flags
    .map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : f.length === 2 ? `-s ${f.slice(1)}` : `-o ${f.slice(1)}`))
    .join(' ');
}

function valueArgs(takesValue: boolean, v: ValueCompletion): string {
  if (!takesValue) return '';
  if (!v) return ' -x';
  if ('choices' in v) return ` -x -a ${fq(v.choices.join(' '))}`;
  if ('kind' in v) return ` -x -a ${fq(`(__batchctl_dynamic ${v.kind})`)}`;
  return ' -r -F';
}

function describe(text: string): string {
  return text ? ` -d ${fq(text.split('\n')[0]!)}` : '';
}

export function fishScript(t: ShellTables): string {
  const canonical: string[] = [];
  const takesValue: string[] = [];
  const lines: string[] = [];
  for (const c of t.commands) {
    for (const s of c.children) {
      canonical.push(`    case ${[s.name, ...s.aliases].map((n) => fq(`${c.path}|${n}`)).join(' ')}\n      echo ${s.name}`);
      for (const n of [s.name, ...s.aliases]) lines.push(`complete -c batchctl -n ${fq(`__batchctl_at '${c.path}'`)} -a ${fq(n)}${describe(s.description)}`);
    }
    for (const o of c.options) {
      if (o.takesValue) takesValue.push(...o.flags.map((f) => fq(`${c.path}|${f}`)));
      lines.push(`complete -c batchctl -n ${fq(`__batchctl_in '${c.path}'`)} ${flagArgs(o)}${valueArgs(o.takesValue, o.values)}${describe(o.description)}`);
    }
    c.args.forEach((a, i) => {
      const v = a.values;
      if (!v) return;
      const variadic = i === c.args.length - 1 && a.variadic ? 1 : 0;
      const cond = fq(`__batchctl_arg '${c.path}' ${i} ${variadic}`);
      if ('files' in v) lines.push(`complete -c batchctl -n ${cond} -F`);
      else lines.push(`complete -c batchctl -n ${cond} -a ${fq('choices' in v ? v.choices.join(' ') : `(__batchctl_dynamic ${v.kind})`)}${describe(a.description)}`);
    });
  }
  for (const o of t.globals) {
    if (o.takesValue) takesValue.push(...o.flags.map((f) => fq(`*|${f}`)));
    lines.push(`complete -c batchctl ${flagArgs(o)}${valueArgs(o.takesValue, o.values)}${describe(o.description)}`);
  }

  return `# fish completion for batchctl.
# Generated from the command tree by \`batchctl completion fish\`: do not edit, run \`npm run completions\`.
# Install: copy this file to ~/.config/fish/completions/batchctl.fish
# Resource names come from \`batchctl __complete <kind> <prefix>\`, which asks the current world
# within one second.

function __batchctl_canonical --argument-names cmdpath word
  switch "$cmdpath|$word"
${canonical.join('\n')}
  end
end

function __batchctl_takes_value --argument-names cmdpath opt
  switch "$cmdpath|$opt"
    case ${takesValue.join(' ')}
      return 0
  end
  return 1
end

# Prints the command path, the number of positional arguments, and 1 when an option's value is due.
function __batchctl_state
  set -l tokens (commandline -opc)
  set -l cmdpath batchctl
  set -l npos 0
  set -l expect 0
  for w in $tokens[2..-1]
    if test $expect = 1
      set expect 0
      continue
    end
    switch $w
      case '--' '-*=*'
      case '-*'
        __batchctl_takes_value "$cmdpath" $w; and set expect 1
      case '*'
        set -l child (__batchctl_canonical "$cmdpath" $w)
        if test -n "$child"; and test $npos -eq 0
          set cmdpath "$cmdpath $child"
        else
          set npos (math $npos + 1)
        end
    end
  end
  printf '%s\\n' $cmdpath $npos $expect
end

# Where a subcommand may come.
function __batchctl_at --argument-names want
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"; and test $s[2] -eq 0; and test $s[3] = 0
end

# Inside a command (its options).
function __batchctl_in --argument-names want
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"
end

# At positional argument n of a command (or later, for a variadic last argument).
function __batchctl_arg --argument-names want n variadic
  set -l s (__batchctl_state)
  test "$s[1]" = "$want"; and test $s[3] = 0; or return 1
  if test "$variadic" = 1
    test $s[2] -ge $n
  else
    test $s[2] -eq $n
  end
end

# Asks batchctl for resource names, in the world the command line names.
function __batchctl_dynamic --argument-names kind
  set -l current (commandline -ct)
  # An option being typed is no resource name (fish asks for every candidate source at once).
  if string match -q -- '-*' $current; and not string match -q -- '*=*' $current
    return
  end
  set -l tokens (commandline -opc)
  set -l extra
  for i in (seq 2 (count $tokens))
    switch $tokens[$i]
      case ${WORLD_OPTIONS.join(' ')}
        set -l next (math $i + 1)
        set -q tokens[$next]; and set -a extra $tokens[$i] $tokens[$next]
      case ${WORLD_OPTIONS.map((o) => `'${o}=*'`).join(' ')}
        set -a extra $tokens[$i]
    end
  end
  set -l prefix (string replace -r -- '^-[^=]*=' '' $current)
  $tokens[1] $extra __complete $kind "$prefix" 2>/dev/null </dev/null
end

complete -c batchctl -f
${lines.join('\n')}
`;
}
