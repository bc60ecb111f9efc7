import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/context.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { scriptedPrompter } from '../../../src/io/prompter.js';
import { buildProgram, findNoun, findVerb, NOUNS } from '../../../src/program.js';

describe('findNoun', () => {
  it.each([
    [['ce', 'list'], 'ce'],
    [['--backend', 'aws', 'queue', 'list'], 'queue'],
    [['-o', 'json', '--region', 'eu-west-1', 'jobdef', 'list'], 'jobdef'],
    [['--output=json', 'sim', 'status'], 'sim'],
    [['--debug', '--yes', 'demo'], 'demo'],
    [['--query', 'a[0]', '--home', '/tmp/x', '--sim-speed', '5', 'config', 'list'], 'config'],
    [['--profile', 'p', '--endpoint-url', 'http://x', 'ce'], 'ce'],
    [['--', 'ce'], 'ce'],
    [['help', 'queue'], 'queue'],
    [['--debug', 'help', 'sim', 'status'], 'sim'],
    [['help'], undefined],
    [['--help'], undefined],
    [[], undefined],
  ])('%j -> %s', (argv, noun) => {
    expect(findNoun(argv)).toBe(noun);
  });

  it('knows the value-taking global options (a value is never taken for the noun)', () => {
    // `--region ce` names the region "ce"; the noun is what follows.
    expect(findNoun(['--region', 'ce', 'queue'])).toBe('queue');
  });

  it('lists every noun once, aliases included', () => {
    const names = NOUNS.flatMap((n) => [n.name, ...(n.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('skips the value of every global option that takes one', async () => {
    const { io } = testStreams();
    const ctx = createContext({ io, env: {}, prompter: scriptedPrompter([]) });
    const program = await buildProgram(ctx, ['--version']);
    const valued = program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long]).filter((f): f is string => Boolean(f));
    expect(valued.length).toBeGreaterThan(5);
    for (const flag of valued) expect(findNoun([flag, 'ce', 'queue']), flag).toBe('queue');
  });

  it('without a noun, adds every noun as a stub and imports none', async () => {
    const { io } = testStreams();
    const ctx = createContext({ io, env: {}, prompter: scriptedPrompter([]) });
    const program = await buildProgram(ctx, ['--help']);
    expect(program.commands.map((c) => c.name())).toEqual(NOUNS.map((n) => n.name));
    expect(program.commands.every((c) => c.commands.length === 0)).toBe(true);
    expect(program.commands.find((c) => c.name() === 'ce')!.aliases()).toEqual(['compute-environment']);
  });

  it('with a noun and one of its verbs, loads only that noun and builds only that verb', async () => {
    const { io } = testStreams();
    const ctx = createContext({ io, env: {}, prompter: scriptedPrompter([]) });
    const program = await buildProgram(ctx, ['-o', 'json', 'config', 'list']);
    expect(program.commands.map((c) => c.name())).toEqual(['config']);
    expect(program.commands[0]!.commands.map((c) => c.name())).toEqual(['list']);
    // A verb's alias finds it, and the alias stays.
    const byAlias = await buildProgram(ctx, ['config', 'ls']);
    expect(byAlias.commands[0]!.commands.map((c) => [c.name(), c.aliases()])).toEqual([['list', ['ls']]]);
  });

  it.each([[['config']], [['config', '--help']], [['config', 'lst']], [['help', 'config', 'list']]])('%j builds every verb (help and suggestions need them)', async (...argv) => {
    const { io } = testStreams();
    const ctx = createContext({ io, env: {}, prompter: scriptedPrompter([]) });
    const program = await buildProgram(ctx, argv[0]!);
    expect(program.commands[0]!.commands.map((c) => c.name())).toEqual(['get', 'set', 'unset', 'list', 'path']);
  });

  it('a mistyped verb is still suggested', async () => {
    const t = testStreams();
    const ctx = createContext({ io: t.io, env: {}, prompter: scriptedPrompter([]) });
    const program = await buildProgram(ctx, ['config', 'lst']);
    await expect(program.parseAsync(['config', 'lst'], { from: 'user' })).rejects.toThrow();
    expect(t.stderr()).toMatch(/Did you mean one of list, ls\?/);
  });
});

describe('findVerb', () => {
  it.each([
    [['ce', 'list'], 'list'],
    [['-o', 'json', 'ce', '--region', 'x', 'describe', 'a'], 'describe'],
    [['ce'], undefined],
    [['ce', '--help'], undefined],
    [['help', 'ce', 'list'], undefined],
    [['--', 'ce', 'ls'], 'ls'],
  ])('%j -> %s', (argv, verb) => {
    expect(findVerb(argv)).toBe(verb);
  });
});
