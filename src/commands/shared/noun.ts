/**
 * A noun command and its verbs, built lazily: when argv names a verb, only that verb's command is
 * built. Building a verb (its options, help text, argument parsers) is most of the start-up work a
 * noun does before the command runs; `ce list` has no use for `ce create`'s. Help for the noun, a
 * mistyped verb (commander's suggestion needs the names) and the whole tree (completion, docs) build
 * them all. A verb's aliases are declared here, so that the verb can be found before it is built.
 */
import { Command } from 'commander';

export interface Verb {
  name: string;
  aliases?: string[];
  build(): Command;
}

export function nounCommand(name: string, description: string, verbs: Verb[], verb?: string): Command {
  const cmd = new Command(name).description(description);
  const named = verb === undefined ? undefined : verbs.find((v) => v.name === verb || v.aliases?.includes(verb));
  for (const v of named ? [named] : verbs) {
    const sub = v.build();
    if (sub.name() !== v.name) throw new Error(`internal error: the verb ${name} ${v.name} built a command named ${sub.name()}`);
    if (v.aliases) sub.aliases(v.aliases);
    cmd.addCommand(sub);
  }
  return cmd;
}
