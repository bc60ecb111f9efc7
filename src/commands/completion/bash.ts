/**
 * The bash completion script, generated from the command tree. The static part (commands, aliases,
 * options, choices) is tables of `case` arms; resource names come from `batchctl __complete`.
 */
import { WORLD_OPTIONS, valueSpec, type ShellTables } from './tree.js';

/** Single-quotes a string for sh. */
export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A `case` pattern: quoted, except a leading or trailing `*`, which stays a glob. */
export function casePattern(key: string): string {
  if (key.startsWith('*')) return `*${sq(key.slice(1))}`;
  if (key.endsWith('*')) return `${sq(key.slice(0, -1))}*`;
  return sq(key);
}

/** A sh function over `case` arms: each arm's keys joined with `|`, its body a statement. */
export function caseFunction(name: string, comment: string, subject: string, arms: Array<[string[], string]>, fallback: string): string {
  const lines = [`# ${comment}`, `${name}() {`, `  case ${subject} in`];
  for (const [keys, body] of arms) lines.push(`    ${keys.map(casePattern).join('|')}) ${body} ;;`);
  lines.push(`    *) ${fallback} ;;`, '  esac', '}');
  return lines.join('\n');
}

export function bashScript(t: ShellTables): string {
  const children: Array<[string[], string]> = [];
  const canonical: Array<[string[], string]> = [];
  const options: Array<[string[], string]> = [];
  const values: Array<[string[], string]> = [];
  const args: Array<[string[], string]> = [];
  const globalFlags = t.globals.flatMap((o) => o.flags);

  for (const c of t.commands) {
    if (c.children.length) {
      children.push([[c.path], `_batchctl_r=${sq(c.children.flatMap((s) => [s.name, ...s.aliases]).join(' '))}`]);
      for (const s of c.children) canonical.push([[s.name, ...s.aliases].map((n) => `${c.path}|${n}`), `_batchctl_r=${sq(s.name)}`]);
    }
    if (c.options.length) options.push([[c.path], `_batchctl_r=${sq(c.options.flatMap((o) => o.flags).join(' '))}`]);
    for (const o of c.options) {
      if (o.takesValue) values.push([o.flags.map((f) => `${c.path}|${f}`), `_batchctl_r=${sq(valueSpec(o.values))}`]);
    }
    c.args.forEach((a, i) => {
      const last = i === c.args.length - 1;
      args.push([[`${c.path}|${i}`], `_batchctl_r=${sq(valueSpec(a.values))}`]);
      if (last && a.variadic) args.push([[`${c.path}|*`], `_batchctl_r=${sq(valueSpec(a.values))}`]);
    });
  }
  for (const o of t.globals) {
    if (o.takesValue) values.push([o.flags.map((f) => `*|${f}`), `_batchctl_r=${sq(valueSpec(o.values))}`]);
  }

  return `# bash completion for batchctl.
# Generated from the command tree by \`batchctl completion bash\`: do not edit, run \`npm run completions\`.
# Install: \`source <(batchctl completion bash)\` in ~/.bashrc, or copy this file to
# ~/.local/share/bash-completion/completions/batchctl
# Resource names (queues, compute environments, job definitions...) come from
# \`batchctl __complete <kind> <prefix>\`, which asks the current world within one second.

${caseFunction('_batchctl_children', 'The subcommands (and aliases) of a command path.', '"$1"', children, "_batchctl_r=''")}

${caseFunction('_batchctl_canonical', "A subcommand's canonical name, given the path and a word.", '"$1|$2"', canonical, "_batchctl_r=''")}

${caseFunction('_batchctl_options', 'The options of a command path (the caller adds the global ones).', '"$1"', options, "_batchctl_r=''")}

${caseFunction('_batchctl_value', 'Whether an option takes a value (status 0) and what completes it.', '"$1|$2"', values, "_batchctl_r=''; return 1")}

${caseFunction('_batchctl_arg', 'What completes the n-th positional argument of a command path.', '"$1|$2"', args, "_batchctl_r=''")}

# Asks batchctl for resource names, in the world the command line names.
_batchctl_dynamic() {
  local -a extra=()
  local j w
  for ((j = 1; j < COMP_CWORD; j++)); do
    w="\${COMP_WORDS[j]}"
    case "$w" in
      ${WORLD_OPTIONS.join('|')})
        if [[ \${COMP_WORDS[j+1]} == = ]]; then extra+=("$w" "\${COMP_WORDS[j+2]}"); else extra+=("$w" "\${COMP_WORDS[j+1]}"); fi ;;
      ${WORLD_OPTIONS.map((o) => `${o}=*`).join('|')}) extra+=("$w") ;;
    esac
  done
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" "\${extra[@]}" __complete "$1" "$2" 2>/dev/null </dev/null)" -- "$2"))
}

_batchctl_complete_value() {
  case "$1" in
    choices:*) COMPREPLY=($(compgen -W "\${1#choices:}" -- "$2")) ;;
    kind:*) _batchctl_dynamic "\${1#kind:}" "$2" ;;
    files) COMPREPLY=($(compgen -f -- "$2")); compopt -o filenames 2>/dev/null ;;
  esac
}

_batchctl() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cpath=batchctl word opt='' eq='' expect='' npos=0 i _batchctl_r
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ -n $expect ]]; then
      # The option's value (bash may split --opt=value into --opt, =, value).
      [[ $word == = ]] || expect=''
      continue
    fi
    case "$word" in
      --) ;;
      -*=*) ;;
      -*) if _batchctl_value "$cpath" "$word"; then expect="$word"; fi ;;
      *)
        _batchctl_canonical "$cpath" "$word"
        if [[ -n $_batchctl_r && $npos -eq 0 ]]; then cpath="$cpath $_batchctl_r"; else npos=$((npos + 1)); fi ;;
    esac
  done
  if [[ -n $expect ]]; then
    opt="$expect"
    [[ $cur == = ]] && cur=''
  elif [[ $cur == -*=* ]]; then
    # --opt=value as one word (when = is not in COMP_WORDBREAKS): candidates keep the --opt= part.
    opt="\${cur%%=*}"
    eq="$opt="
    cur="\${cur#*=}"
  fi
  if [[ -n $opt ]]; then
    _batchctl_value "$cpath" "$opt" && _batchctl_complete_value "$_batchctl_r" "$cur"
    [[ -n $eq ]] && COMPREPLY=("\${COMPREPLY[@]/#/$eq}")
    return 0
  fi
  if [[ $cur == -* ]]; then
    _batchctl_options "$cpath"
    COMPREPLY=($(compgen -W "$_batchctl_r ${globalFlags.join(' ')}" -- "$cur"))
    return 0
  fi
  if ((npos == 0)); then
    _batchctl_children "$cpath"
    if [[ -n $_batchctl_r ]]; then
      COMPREPLY=($(compgen -W "$_batchctl_r" -- "$cur"))
      return 0
    fi
  fi
  _batchctl_arg "$cpath" "$npos"
  _batchctl_complete_value "$_batchctl_r" "$cur"
  return 0
}

complete -F _batchctl batchctl
`;
}
