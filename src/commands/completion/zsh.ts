/**
 * The zsh completion script (`_batchctl`), generated from the command tree: the same walk as the
 * bash script, with descriptions for commands and options.
 */
import { caseFunction, sq } from './bash.js';
import { WORLD_OPTIONS, valueSpec, type OptionSpec, type ShellTables } from './tree.js';

/** `name:description` entries for _describe (colons in names escaped). */
function described(name: string, description: string): string {
  return sq(`${name.replace(/:/g, '\\:')}:${description.split('\n')[0]}`);
}

function optionEntries(opts: OptionSpec[]): string {
  return opts.flatMap((o) => o.flags.map((f) => described(f, o.description))).join(' ');
}

export function zshScript(t: ShellTables): string {
  const children: Array<[string[], string]> = [];
  const canonical: Array<[string[], string]> = [];
  const options: Array<[string[], string]> = [];
  const values: Array<[string[], string]> = [];
  const args: Array<[string[], string]> = [];
  for (const c of t.commands) {
    if (c.children.length) {
      children.push([[c.path], `reply=(${c.children.flatMap((s) => [s.name, ...s.aliases].map((n) => described(n, s.description))).join(' ')})`]);
      for (const s of c.children) canonical.push([[s.name, ...s.aliases].map((n) => `${c.path}|${n}`), `REPLY=${sq(s.name)}`]);
    }
    if (c.options.length) options.push([[c.path], `reply=(${optionEntries(c.options)})`]);
    for (const o of c.options) {
      if (o.takesValue) values.push([o.flags.map((f) => `${c.path}|${f}`), `REPLY=${sq(valueSpec(o.values))}`]);
    }
    c.args.forEach((a, i) => {
      args.push([[`${c.path}|${i}`], `REPLY=${sq(valueSpec(a.values))}`]);
      if (i === c.args.length - 1 && a.variadic) args.push([[`${c.path}|*`], `REPLY=${sq(valueSpec(a.values))}`]);
    });
  }
  for (const o of t.globals) {
    if (o.takesValue) values.push([o.flags.map((f) => `*|${f}`), `REPLY=${sq(valueSpec(o.values))}`]);
  }

  return `#compdef batchctl
# zsh completion for batchctl.
# Generated from the command tree by \`batchctl completion zsh\`: do not edit, run \`npm run completions\`.
# Install: copy this file as _batchctl into a directory on $fpath (before compinit runs), or
# \`source <(batchctl completion zsh)\` after compinit.
# Resource names come from \`batchctl __complete <kind> <prefix>\`, which asks the current world
# within one second.

${caseFunction('_batchctl_children', 'The subcommands (and aliases) of a command path, with descriptions.', '"$1"', children, 'reply=()')}

${caseFunction('_batchctl_canonical', "A subcommand's canonical name, given the path and a word.", '"$1|$2"', canonical, "REPLY=''")}

${caseFunction('_batchctl_options', 'The options of a command path (global options are added by the caller).', '"$1"', options, 'reply=()')}

${caseFunction('_batchctl_value', 'Whether an option takes a value (status 0) and what completes it.', '"$1|$2"', values, "REPLY=''; return 1")}

${caseFunction('_batchctl_arg', 'What completes the n-th positional argument of a command path.', '"$1|$2"', args, "REPLY=''")}

# Asks batchctl for resource names, in the world the command line names.
_batchctl_dynamic() {
  local -a extra names
  local j w
  for ((j = 2; j < CURRENT; j++)); do
    w="\${words[j]}"
    case "$w" in
      ${WORLD_OPTIONS.join('|')}) extra+=("$w" "\${words[j+1]}") ;;
      ${WORLD_OPTIONS.map((o) => `${o}=*`).join('|')}) extra+=("$w") ;;
    esac
  done
  names=(\${(f)"$(\${words[1]} "\${extra[@]}" __complete "$1" "$2" 2>/dev/null </dev/null)"})
  compadd -- "\${names[@]}"
}

_batchctl_complete_value() {
  case "$1" in
    choices:*) compadd -- \${=\${1#choices:}} ;;
    kind:*) _batchctl_dynamic "\${1#kind:}" "$2" ;;
    files) _files ;;
  esac
}

_batchctl() {
  local cur="\${words[CURRENT]}" cpath=batchctl word opt='' expect='' REPLY
  local -i npos=0 i
  local -a reply
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    if [[ -n $expect ]]; then
      expect=''
      continue
    fi
    case "$word" in
      --) ;;
      -*=*) ;;
      -*) if _batchctl_value "$cpath" "$word"; then expect="$word"; fi ;;
      *)
        _batchctl_canonical "$cpath" "$word"
        if [[ -n $REPLY && $npos -eq 0 ]]; then cpath="$cpath $REPLY"; else npos+=1; fi ;;
    esac
  done
  if [[ -n $expect ]]; then
    opt="$expect"
  elif [[ $cur == -*=* ]]; then
    opt="\${cur%%=*}"
    compset -P '*='
    cur="\${cur#*=}"
  fi
  if [[ -n $opt ]]; then
    _batchctl_value "$cpath" "$opt" && _batchctl_complete_value "$REPLY" "$cur"
    return 0
  fi
  if [[ $cur == -* ]]; then
    _batchctl_options "$cpath"
    reply+=(${optionEntries(t.globals)})
    _describe -t options 'option' reply
    return 0
  fi
  if ((npos == 0)); then
    _batchctl_children "$cpath"
    if ((\${#reply})); then
      _describe -t commands 'command' reply
      return 0
    fi
  fi
  _batchctl_arg "$cpath" "$npos"
  _batchctl_complete_value "$REPLY" "$cur"
  return 0
}

if [[ "\${funcstack[1]}" == _batchctl ]]; then
  _batchctl "$@"
else
  compdef _batchctl batchctl
fi
`;
}
