/**
 * Job behaviour (DESIGN.md "Job behaviour"): the container command, after `Ref::` substitution, read
 * as a tiny shell and turned into a deterministic timeline of log lines, a duration and an exit code.
 * The engine writes each log line at `startedAt + step.at` and ends the attempt after `durationMs`.
 *
 * Exec form (`["echo","hello","world"]`) runs argv directly, without expansion, as Docker does;
 * `["sh","-c","script", "$0", "$1"…]` / `bash -c` / `/usr/bin/env bash -c` unwrap to the script; a
 * plain string is read as a script.
 *
 * The shell: words with '…', "…", \ escapes, $VAR, ${VAR}, ${VAR:-def}, $?, $#, $0-$9, $@; `;`, `&&`,
 * `||`, `|`, `&`, newlines, `( … )`, `{ …; }`, `!`, `if/elif/else/fi`, `for … in …; do …; done`,
 * redirections (stdout to a file is not logged; `>&2` still is: awslogs captures both streams).
 * Built-ins: echo, printf, sleep (s/m/h/d suffixes, decimals, `infinity`), exit, true, false, `:`,
 * test/[, cd, pwd, export, unset, set (-e, --), wait, printenv, exec, env, nested sh/bash -c, and
 * `stress`/`stress-ng` (`--vm N --vm-bytes SIZE --timeout T`: memory the container holds, for OOM
 * rehearsals; `Timeline.memory`).
 * Any other command takes `defaultDurationMs` and exits 0. A script the parser cannot read
 * (while loops, case, functions, unbalanced quotes…) is treated as one unknown command.
 * `$(…)` and backticks are not evaluated: they are printed literally.
 * Empty output lines are not logged (the awslogs driver drops empty messages).
 */

/** How long an unknown command (anything not built in) runs, in milliseconds. */
export const DEFAULT_COMMAND_DURATION_MS = 5_000;

/** One instant on the timeline: `at` ms after the container started, with the log line written then. */
export interface TimelineStep {
  at: number;
  log?: string;
}

/** Memory a command holds from `from` until `to` ms after the container started (`to` may be Infinity). */
export interface MemoryUse {
  from: number;
  to: number;
  mib: number;
}

/** What an attempt does: its log lines in time order, how long it runs (may be Infinity) and its exit code. */
export interface Timeline {
  steps: TimelineStep[];
  durationMs: number;
  exitCode: number;
  /** Memory the command allocates (`stress --vm`), when it allocates any: the engine compares it with the container's limit. */
  memory?: MemoryUse[];
}

/** Inputs besides the command: the environment the container sees and the unknown-command duration. */
export interface BehaviourOptions {
  environment?: Record<string, string> | ReadonlyArray<{ name?: string; value?: string }>;
  defaultDurationMs?: number;
  /** Log lines beyond this many are dropped (a guard, not a feature). Default 10,000. */
  maxLogLines?: number;
}

/** Runs the command through the tiny shell and returns its timeline. Pure and deterministic. */
export function simulateCommand(command: readonly string[] | string | undefined, opts: BehaviourOptions = {}): Timeline {
  const out = new Output(opts.maxLogLines ?? 10_000);
  const st = new State(toVars(opts.environment), [], out, opts.defaultDurationMs ?? DEFAULT_COMMAND_DURATION_MS);
  let status = 0;
  try {
    if (typeof command === 'string') status = runScript(command, st);
    else if (!command || command.length === 0) status = runUnknown(st);
    else status = runArgv([...command], st, {});
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    status = e.code;
  }
  out.flush(st.t);
  const durationMs = st.t;
  const steps = out.steps
    .filter((s) => Number.isFinite(s.at) && s.at <= durationMs)
    .sort((a, b) => a.at - b.at);
  const memory = st.mem.filter((m) => m.from < durationMs && m.mib > 0).sort((a, b) => a.from - b.from);
  return { steps, durationMs, exitCode: status, ...(memory.length ? { memory } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Lexer

type Part =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; op?: '-' | ':-'; word?: string; raw: string };

interface WordTok {
  kind: 'word';
  parts: Part[];
}
interface OpTok {
  kind: 'op';
  op: string;
}
interface RedirTok {
  kind: 'redir';
  fd: number;
  op: string;
}
type Token = WordTok | OpTok | RedirTok;

class ParseError extends Error {}

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '(', ')', '\n'];

function lex(s: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const redir = /^(\d?)(>>|>&|<&|&>|>\||>|<)/.exec(s.slice(i, i + 3));
    if (redir) {
      const op = redir[2] as string;
      const fd = redir[1] ? Number(redir[1]) : op.startsWith('<') ? 0 : op === '&>' ? -1 : 1;
      toks.push({ kind: 'redir', fd, op });
      i += redir[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (op) {
      toks.push({ kind: 'op', op: op === ';;' ? ';' : op });
      i += op.length;
      continue;
    }
    const [parts, next] = lexWord(s, i);
    toks.push({ kind: 'word', parts });
    i = next;
  }
  return toks;
}

function lexWord(s: string, start: number): [Part[], number] {
  const parts: Part[] = [];
  const lit = (text: string, quoted: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
    else parts.push({ kind: 'lit', text, quoted });
  };
  let i = start;
  while (i < s.length) {
    const c = s[i] as string;
    if (' \t\r\n;&|()<>'.includes(c)) break;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ParseError('unterminated single quote');
      lit(s.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new ParseError('unterminated double quote');
        const d = s[i] as string;
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\' && i + 1 < s.length && '$`"\\\n'.includes(s[i + 1] as string)) {
          if (s[i + 1] !== '\n') lit(s[i + 1] as string, true);
          i += 2;
        } else if (d === '$') {
          const [p, n] = lexDollar(s, i, true);
          if (p.kind === 'lit') lit(p.text, true);
          else parts.push(p);
          i = n;
        } else {
          lit(d, true);
          i++;
        }
      }
    } else if (c === '\\') {
      if (i + 1 < s.length) lit(s[i + 1] as string, true);
      i += 2;
    } else if (c === '$') {
      const [p, n] = lexDollar(s, i, false);
      if (p.kind === 'lit') lit(p.text, p.quoted);
      else parts.push(p);
      i = n;
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) throw new ParseError('unterminated backquote');
      lit(s.slice(i, end + 1), true);
      i = end + 1;
    } else {
      lit(c, false);
      i++;
    }
  }
  return [parts, i];
}

function lexDollar(s: string, i: number, quoted: boolean): [Part, number] {
  const next = s[i + 1];
  if (next === '{') {
    const end = s.indexOf('}', i + 2);
    if (end < 0) throw new ParseError('unterminated ${');
    const body = s.slice(i + 2, end);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!])(?:(:-|-)(.*))?$/s.exec(body);
    if (!m) throw new ParseError(`bad substitution \${${body}}`);
    const p: Part = { kind: 'var', name: m[1] as string, quoted, raw: s.slice(i, end + 1) };
    if (m[2]) {
      p.op = m[2] as '-' | ':-';
      p.word = m[3] ?? '';
    }
    return [p, end + 1];
  }
  if (next === '(') {
    // $(…) / $((…)) are not evaluated: keep the text (balanced parentheses) literally.
    let depth = 0;
    let j = i + 1;
    for (; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) break;
    }
    if (j >= s.length) throw new ParseError('unterminated $(');
    return [{ kind: 'lit', text: s.slice(i, j + 1), quoted: true }, j + 1];
  }
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!])/.exec(s.slice(i + 1));
  if (!m) return [{ kind: 'lit', text: '$', quoted }, i + 1];
  return [{ kind: 'var', name: m[0], quoted, raw: `$${m[0]}` }, i + 1 + m[0].length];
}

// ---------------------------------------------------------------------------------------------
// Parser

interface Redir {
  fd: number;
  op: string;
  target: WordTok;
}
type Cmd =
  | { kind: 'simple'; assigns: Array<{ name: string; value: WordTok }>; words: WordTok[]; redirs: Redir[] }
  | { kind: 'subshell' | 'group'; body: List; redirs: Redir[] }
  | { kind: 'if'; clauses: Array<{ cond: List; body: List }>; elseBody?: List; redirs: Redir[] }
  | { kind: 'for'; name: string; words?: WordTok[]; body: List; redirs: Redir[] };
interface Pipeline {
  negate: boolean;
  commands: Cmd[];
}
interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}
interface List {
  items: Array<{ andOr: AndOr; background: boolean }>;
}

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'function', '{', '}', '!']);
const UNSUPPORTED = new Set(['while', 'until', 'case', 'function', 'select']);

function plainWord(t: Token | undefined): string | undefined {
  if (!t || t.kind !== 'word' || t.parts.length !== 1) return undefined;
  const p = t.parts[0] as Part;
  return p.kind === 'lit' && !p.quoted ? p.text : undefined;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parseProgram(): List {
    const list = this.parseList([]);
    this.skipNewlines();
    if (this.i < this.toks.length) throw new ParseError(`unexpected ${describe(this.toks[this.i])}`);
    return list;
  }

  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.op === op;
  }
  private isKeyword(...kw: string[]): boolean {
    const w = plainWord(this.peek());
    return w !== undefined && kw.includes(w);
  }
  private expectKeyword(kw: string): void {
    this.skipNewlines();
    if (!this.isKeyword(kw)) throw new ParseError(`expected '${kw}', found ${describe(this.peek())}`);
    this.i++;
  }
  private skipNewlines(): void {
    while (this.isOp('\n') || this.isOp(';')) this.i++;
  }

  private parseList(terminators: string[]): List {
    const items: List['items'] = [];
    for (;;) {
      while (this.isOp('\n') || this.isOp(';')) this.i++;
      const t = this.peek();
      if (!t || this.isOp(')') || this.isKeyword(...terminators)) break;
      const andOr = this.parseAndOr();
      let background = false;
      if (this.isOp('&')) {
        background = true;
        this.i++;
      } else if (this.isOp(';') || this.isOp('\n')) {
        this.i++;
      } else if (this.peek() && !this.isOp(')') && !this.isKeyword(...terminators)) {
        throw new ParseError(`unexpected ${describe(this.peek())}`);
      }
      items.push({ andOr, background });
    }
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as OpTok).op as '&&' | '||';
      this.i++;
      while (this.isOp('\n')) this.i++;
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isKeyword('!')) {
      negate = true;
      this.i++;
    }
    const commands = [this.parseCommand()];
    while (this.isOp('|')) {
      this.i++;
      while (this.isOp('\n')) this.i++;
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Cmd {
    const kw = plainWord(this.peek());
    if (kw !== undefined && UNSUPPORTED.has(kw)) throw new ParseError(`unsupported '${kw}'`);
    if (this.isOp('(')) {
      this.i++;
      const body = this.parseList([]);
      if (!this.isOp(')')) throw new ParseError("expected ')'");
      this.i++;
      return { kind: 'subshell', body, redirs: this.parseRedirs() };
    }
    if (kw === '{') {
      this.i++;
      const body = this.parseList(['}']);
      this.expectKeyword('}');
      return { kind: 'group', body, redirs: this.parseRedirs() };
    }
    if (kw === 'if') {
      this.i++;
      const clauses: Array<{ cond: List; body: List }> = [];
      let elseBody: List | undefined;
      for (;;) {
        const cond = this.parseList(['then']);
        this.expectKeyword('then');
        const body = this.parseList(['elif', 'else', 'fi']);
        clauses.push({ cond, body });
        if (this.isKeyword('elif')) {
          this.i++;
          continue;
        }
        if (this.isKeyword('else')) {
          this.i++;
          elseBody = this.parseList(['fi']);
        }
        this.expectKeyword('fi');
        break;
      }
      return { kind: 'if', clauses, elseBody, redirs: this.parseRedirs() };
    }
    if (kw === 'for') {
      this.i++;
      const name = plainWord(this.peek());
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError('bad for variable');
      this.i++;
      let words: WordTok[] | undefined;
      while (this.isOp('\n')) this.i++;
      if (this.isKeyword('in')) {
        this.i++;
        words = [];
        while (this.peek()?.kind === 'word' && !this.isKeyword('do')) words.push(this.toks[this.i++] as WordTok);
      }
      this.expectKeyword('do');
      const body = this.parseList(['done']);
      this.expectKeyword('done');
      return { kind: 'for', name, words, body, redirs: this.parseRedirs() };
    }
    if (kw !== undefined && RESERVED.has(kw)) throw new ParseError(`unexpected '${kw}'`);
    return this.parseSimple();
  }

  private parseRedirs(): Redir[] {
    const redirs: Redir[] = [];
    while (this.peek()?.kind === 'redir') redirs.push(this.parseRedir());
    return redirs;
  }

  private parseRedir(): Redir {
    const r = this.toks[this.i++] as RedirTok;
    const target = this.peek();
    if (target?.kind !== 'word') throw new ParseError('redirection without a target');
    this.i++;
    return { fd: r.fd, op: r.op, target };
  }

  private parseSimple(): Cmd {
    const assigns: Array<{ name: string; value: WordTok }> = [];
    const words: WordTok[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.kind === 'redir') {
        redirs.push(this.parseRedir());
        continue;
      }
      if (t.kind !== 'word') break;
      const first = t.parts[0];
      const m = words.length === 0 && first?.kind === 'lit' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text) : null;
      if (m) {
        const rest = first!.kind === 'lit' ? first!.text.slice(m[0].length) : '';
        const valueParts: Part[] = rest ? [{ kind: 'lit', text: rest, quoted: false }, ...t.parts.slice(1)] : t.parts.slice(1);
        assigns.push({ name: m[1] as string, value: { kind: 'word', parts: valueParts } });
      } else {
        words.push(t);
      }
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) throw new ParseError(`unexpected ${describe(this.peek())}`);
    return { kind: 'simple', assigns, words, redirs };
  }
}

function describe(t: Token | undefined): string {
  if (!t) return 'end of script';
  if (t.kind === 'op') return t.op === '\n' ? 'newline' : `'${t.op}'`;
  if (t.kind === 'redir') return `'${t.op}'`;
  return `'${t.parts.map((p) => (p.kind === 'lit' ? p.text : p.raw)).join('')}'`;
}

// ---------------------------------------------------------------------------------------------
// Execution

class ExitSignal {
  constructor(readonly code: number) {}
}

class Output {
  readonly steps: TimelineStep[] = [];
  private partial = '';
  constructor(private readonly maxLines: number) {}
  write(text: string, at: number): void {
    const pieces = (this.partial + text).split('\n');
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.line(line, at);
  }
  flush(at: number): void {
    if (this.partial) this.line(this.partial, at);
    this.partial = '';
  }
  private line(line: string, at: number): void {
    if (line === '' || this.steps.length >= this.maxLines) return;
    this.steps.push({ at, log: line });
  }
}

/** A sink that swallows output (stdout redirected to a file, or piped into the next command). */
class NullOutput extends Output {
  constructor() {
    super(0);
  }
  override write(): void {}
  override flush(): void {}
}

class State {
  t = 0;
  status = 0;
  errexit = false;
  /** >0 while evaluating an if-condition or a non-final && / || member: errexit is suspended. */
  conditionDepth = 0;
  bgEnd = 0;
  depth = 0;
  /** Memory allocations of the whole container (shared by every subshell and background job). */
  mem: MemoryUse[] = [];
  constructor(
    public vars: Map<string, string>,
    public positional: string[],
    public out: Output,
    readonly defaultMs: number,
  ) {}

  fork(out: Output = this.out): State {
    const s = new State(new Map(this.vars), [...this.positional], out, this.defaultMs);
    s.t = this.t;
    s.status = this.status;
    s.errexit = this.errexit;
    s.depth = this.depth;
    s.mem = this.mem;
    return s;
  }
}

function toVars(env: BehaviourOptions['environment']): Map<string, string> {
  const vars = new Map<string, string>();
  if (!env) return vars;
  if (Array.isArray(env)) {
    for (const kv of env as ReadonlyArray<{ name?: string; value?: string }>) if (kv.name) vars.set(kv.name, kv.value ?? '');
  } else {
    for (const [k, v] of Object.entries(env as Record<string, string>)) vars.set(k, v);
  }
  return vars;
}

function runScript(script: string, st: State): number {
  let list: List;
  try {
    list = new Parser(lex(script)).parseProgram();
  } catch (e) {
    if (e instanceof ParseError) return runUnknown(st);
    throw e;
  }
  return runList(list, st);
}

function runUnknown(st: State): number {
  st.t += st.defaultMs;
  st.status = 0;
  return 0;
}

function runList(list: List, st: State): number {
  for (const { andOr, background } of list.items) {
    if (background) {
      const bg = st.fork();
      bg.errexit = false;
      try {
        runAndOr(andOr, bg);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
      }
      st.bgEnd = Math.max(st.bgEnd, bg.t);
      st.status = 0;
      continue;
    }
    runAndOr(andOr, st);
  }
  return st.status;
}

function runAndOr(a: AndOr, st: State): number {
  const all = [a.first, ...a.rest.map((r) => r.pipeline)];
  let status = 0;
  let lastRan = -1;
  for (let k = 0; k < all.length; k++) {
    if (k > 0) {
      const op = a.rest[k - 1]!.op;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    }
    const final = k === all.length - 1;
    if (!final) st.conditionDepth++;
    try {
      status = runPipeline(all[k]!, st);
    } finally {
      if (!final) st.conditionDepth--;
    }
    lastRan = k;
  }
  st.status = status;
  const pipeline = all[lastRan];
  if (st.errexit && st.conditionDepth === 0 && status !== 0 && lastRan === all.length - 1 && pipeline && !pipeline.negate) {
    throw new ExitSignal(status);
  }
  return status;
}

function runPipeline(p: Pipeline, st: State): number {
  let status: number;
  if (p.commands.length === 1) {
    status = runCommand(p.commands[0]!, st);
  } else {
    // Every member runs at once in its own subshell; only the last one's stdout reaches the log.
    const start = st.t;
    let end = start;
    status = 0;
    p.commands.forEach((cmd, k) => {
      const last = k === p.commands.length - 1;
      const sub = st.fork(last ? st.out : new NullOutput());
      sub.t = start;
      try {
        status = runCommand(cmd, sub);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
      }
      end = Math.max(end, sub.t);
    });
    st.t = end;
  }
  if (p.negate) status = status === 0 ? 1 : 0;
  st.status = status;
  return status;
}

function stdoutToFile(redirs: Redir[], st: State): boolean {
  let toFile = false;
  for (const r of redirs) {
    const target = expandWord(r.target, st).join(' ');
    if (r.fd !== 1 && r.fd !== -1) continue;
    if (r.op === '>&') toFile = !(target === '1' || target === '2');
    else if (r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>') toFile = !/^\/(dev\/std(out|err)|proc\/(self|1)\/fd\/[12])$/.test(target);
  }
  return toFile;
}

function runCommand(cmd: Cmd, outer: State): number {
  const redirected = stdoutToFile(cmd.redirs, outer);
  const realOut = outer.out;
  if (redirected) outer.out = new NullOutput();
  try {
    return runCommandInner(cmd, outer);
  } finally {
    outer.out = realOut;
  }
}

function runCommandInner(cmd: Cmd, st: State): number {
  switch (cmd.kind) {
    case 'subshell': {
      const sub = st.fork();
      let status: number;
      try {
        status = runList(cmd.body, sub);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
      }
      st.t = sub.t;
      st.bgEnd = Math.max(st.bgEnd, sub.bgEnd);
      st.status = status;
      return status;
    }
    case 'group':
      return runList(cmd.body, st);
    case 'if': {
      for (const clause of cmd.clauses) {
        st.conditionDepth++;
        let cond: number;
        try {
          cond = runList(clause.cond, st);
        } finally {
          st.conditionDepth--;
        }
        if (cond === 0) return runList(clause.body, st);
      }
      st.status = 0;
      return cmd.elseBody ? runList(cmd.elseBody, st) : 0;
    }
    case 'for': {
      const values = cmd.words ? cmd.words.flatMap((w) => expandWord(w, st)) : [...st.positional.slice(1)];
      st.status = 0;
      for (const v of values) {
        st.vars.set(cmd.name, v);
        runList(cmd.body, st);
      }
      return st.status;
    }
    case 'simple': {
      const argv = cmd.words.flatMap((w) => expandWord(w, st));
      const assigned = cmd.assigns.map((a) => [a.name, expandWord(a.value, st, false).join('')] as const);
      if (argv.length === 0) {
        for (const [k, v] of assigned) st.vars.set(k, v);
        st.status = 0;
        return 0;
      }
      return runArgv(argv, st, Object.fromEntries(assigned));
    }
  }
}

/** Expands one word into fields: parameters, then field splitting of unquoted expansions. */
function expandWord(w: WordTok, st: State, split = true): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of w.parts) {
    if (p.kind === 'lit') {
      cur += p.text;
      has = true;
      continue;
    }
    if (p.name === '@' && p.quoted && split) {
      // "$@": one field per positional parameter.
      const params = st.positional.slice(1);
      params.forEach((v, k) => {
        if (k === 0) {
          cur += v;
          has = true;
        } else {
          fields.push(cur);
          cur = v;
        }
      });
      continue;
    }
    const value = lookup(p, st);
    if (p.quoted || !split) {
      cur += value;
      has = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, k) => {
      if (k > 0 && (has || cur !== '')) {
        fields.push(cur);
        cur = '';
        has = false;
      }
      if (piece !== '') {
        cur += piece;
        has = true;
      }
    });
  }
  if (has || cur !== '') fields.push(cur);
  return fields;
}

function lookup(p: Extract<Part, { kind: 'var' }>, st: State): string {
  let value: string | undefined;
  const n = p.name;
  if (n === '?') value = String(st.status);
  else if (n === '#') value = String(Math.max(0, st.positional.length - 1));
  else if (n === '@' || n === '*') value = st.positional.slice(1).join(' ');
  else if (n === '$') value = '1';
  else if (n === '!') value = '';
  else if (/^[0-9]+$/.test(n)) value = st.positional[Number(n)];
  else value = st.vars.get(n);
  if (p.op === ':-' && (value === undefined || value === '')) return p.word ?? '';
  if (p.op === '-' && value === undefined) return p.word ?? '';
  return value ?? '';
}

function basename(path: string): string {
  const k = path.lastIndexOf('/');
  return k >= 0 ? path.slice(k + 1) : path;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/** Runs one command line given as argv (exec form, or a simple command after expansion). */
function runArgv(argv: string[], st: State, assigned: Record<string, string>): number {
  const name = basename(argv[0] ?? '');
  const args = argv.slice(1);
  const done = (code: number): number => {
    st.status = code;
    return code;
  };
  const err = (line: string, code: number): number => {
    st.out.write(`${line}\n`, st.t);
    return done(code);
  };
  switch (name) {
    case 'echo':
      return done(builtinEcho(args, st));
    case 'printf':
      if (args.length === 0) return err('printf: usage: printf format [arguments]', 2);
      st.out.write(formatPrintf(args[0] as string, args.slice(1)), st.t);
      return done(0);
    case 'sleep': {
      if (args.length === 0) return err('sleep: missing operand', 1);
      let total = 0;
      for (const a of args) {
        const ms = parseSleep(a);
        if (ms === undefined) return err(`sleep: invalid time interval '${a}'`, 1);
        total += ms;
      }
      st.t += total;
      return done(0);
    }
    case 'exit': {
      if (args.length === 0) throw new ExitSignal(st.status);
      const a = args[0] as string;
      if (!/^[+-]?\d+$/.test(a)) {
        st.out.write(`exit: ${a}: numeric argument required\n`, st.t);
        throw new ExitSignal(2);
      }
      throw new ExitSignal(((Number(a) % 256) + 256) % 256);
    }
    case 'true':
    case ':':
    case 'cd':
      return done(0);
    case 'false':
      return done(1);
    case 'pwd':
      st.out.write('/\n', st.t);
      return done(0);
    case 'export':
    case 'readonly':
      for (const a of args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
        if (m) st.vars.set(m[1] as string, m[2] as string);
      }
      return done(0);
    case 'unset':
      for (const a of args) if (a !== '-v') st.vars.delete(a);
      return done(0);
    case 'set':
      return done(builtinSet(args, st));
    case 'wait':
      st.t = Math.max(st.t, st.bgEnd);
      return done(0);
    case 'printenv': {
      if (args.length === 0) {
        for (const [k, v] of st.vars) st.out.write(`${k}=${v}\n`, st.t);
        return done(0);
      }
      let code = 0;
      for (const a of args) {
        const v = st.vars.get(a);
        if (v === undefined) code = 1;
        else st.out.write(`${v}\n`, st.t);
      }
      return done(code);
    }
    case 'test':
      return done(builtinTest(args));
    case '[':
      if (args[args.length - 1] !== ']') return err("[: missing `]'", 2);
      return done(builtinTest(args.slice(0, -1)));
    case 'exec': {
      if (args.length === 0) return done(0);
      const code = runArgv(args, st, assigned);
      throw new ExitSignal(code);
    }
    case 'stress':
    case 'stress-ng':
      return done(builtinStress(name, args, st));
    case 'env': {
      const extra: Record<string, string> = { ...assigned };
      let k = 0;
      while (k < args.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(args[k] as string) || args[k] === '-i' || args[k] === '-')) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(args[k] as string);
        if (m) extra[m[1] as string] = m[2] as string;
        k++;
      }
      if (k >= args.length) {
        for (const [key, v] of st.vars) st.out.write(`${key}=${v}\n`, st.t);
        for (const [key, v] of Object.entries(extra)) st.out.write(`${key}=${v}\n`, st.t);
        return done(0);
      }
      return runArgv(args.slice(k), st, extra);
    }
  }
  if (SHELLS.has(name)) {
    const shell = parseShellArgs(args);
    if (shell && st.depth < 16) {
      const sub = st.fork();
      for (const [k, v] of Object.entries(assigned)) sub.vars.set(k, v);
      sub.positional = shell.positional.length > 0 ? shell.positional : [name];
      sub.errexit = shell.errexit;
      sub.status = 0;
      sub.depth = st.depth + 1;
      let code: number;
      try {
        code = runScript(shell.script, sub);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        code = e.code;
      }
      st.t = sub.t;
      return done(code);
    }
  }
  return runUnknown(st);
}

/** `sh [-e] [-x] -c SCRIPT [$0 [$1 …]]`, including combined flags like `-ec`; undefined if there is no -c. */
function parseShellArgs(args: string[]): { script: string; positional: string[]; errexit: boolean } | undefined {
  let k = 0;
  let hasC = false;
  let errexit = false;
  while (k < args.length) {
    const a = args[k] as string;
    if (a === '-o' || a === '+o') {
      if (args[k + 1] === 'errexit') errexit = a === '-o';
      k += 2;
      continue;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    if (a.startsWith('-')) {
      if (a.includes('c')) hasC = true;
      if (a.includes('e')) errexit = true;
    }
    k++;
  }
  if (!hasC || k >= args.length) return undefined;
  return { script: args[k] as string, positional: args.slice(k + 1), errexit };
}

function builtinEcho(args: string[], st: State): number {
  let newline = true;
  let escapes = false;
  let k = 0;
  while (k < args.length && /^-[neE]+$/.test(args[k] as string)) {
    for (const f of (args[k] as string).slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
    k++;
  }
  let text = args.slice(k).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = unescape(text);
  }
  st.out.write(newline ? `${text}\n` : text, st.t);
  return 0;
}

function unescape(s: string): string {
  return s.replace(/\\([ntr\\"'ae]|0[0-7]{0,3})/g, (_, c: string) => {
    switch (c[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\\':
        return '\\';
      case 'a':
        return '\x07';
      case 'e':
        return '\x1b';
      case '0':
        return String.fromCharCode(parseInt(c.slice(1) || '0', 8));
      default:
        return c;
    }
  });
}

function formatPrintf(format: string, args: string[]): string {
  let out = '';
  let k = 0;
  do {
    let consumed = false;
    out += unescape(format).replace(/%(%|[-0-9.]*[sdibfx])/g, (_, spec: string) => {
      if (spec === '%') return '%';
      const v = args[k++] ?? '';
      consumed = true;
      const conv = spec[spec.length - 1];
      if (conv === 'd' || conv === 'i') return String(Math.trunc(Number(v) || 0));
      if (conv === 'f') return (Number(v) || 0).toFixed(/\.(\d+)/.exec(spec)?.[1] ? Number(/\.(\d+)/.exec(spec)![1]) : 6);
      if (conv === 'x') return (Math.trunc(Number(v)) || 0).toString(16);
      if (conv === 'b') return unescape(v);
      return v;
    });
    if (!consumed) break;
  } while (k < args.length);
  return out;
}

/** `stress` / `stress-ng` options that take a value (long form; the short ones map to these). */
const STRESS_VALUE_OPTIONS = new Set(['vm', 'vm-bytes', 'timeout', 'cpu', 'io', 'hdd', 'hdd-bytes', 'vm-stride', 'vm-hang', 'backoff', 'vm-method', 'cpu-method', 'cpu-load']);
const STRESS_FLAGS = new Set(['vm-keep', 'quiet', 'verbose', 'metrics', 'metrics-brief', 'dry-run', 'vm-populate', 'vm-locked', 'aggressive', 'keep-name']);
const STRESS_SHORT: Record<string, string> = { m: 'vm', t: 'timeout', c: 'cpu', i: 'io', d: 'hdd', q: 'quiet', v: 'verbose', n: 'dry-run' };

/** A `--vm-bytes` size: a number with an optional b/k/m/g suffix (powers of 1024), in MiB. */
export function parseStressBytes(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?)([bkmgt]?)$/i.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[(m[2] ?? '').toLowerCase() as '' | 'b' | 'k' | 'm' | 'g' | 't'];
  return (Number(m[1]) * unit) / 1024 ** 2;
}

/**
 * `stress` / `stress-ng` (docs/simulator.md "Memory"): `--vm N --vm-bytes SIZE` workers hold
 * N × SIZE of memory (default 256M each) from the command's start until `--timeout` (s/m/h/d
 * suffixes; none: forever); `--cpu`, `--io`, `--hdd` workers only take time. The container's OOM
 * killer is the engine's business (attempt.ts): here the allocation is just recorded.
 */
function builtinStress(name: string, args: string[], st: State): number {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const fail = (msg: string): number => {
    st.out.write(`${name}: FAIL: [1] ${msg}\n`, st.t);
    return 1;
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    let key: string;
    let value: string | undefined;
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    const short = /^-([a-z])$/.exec(a);
    if (long) {
      key = long[1] as string;
      value = long[2];
    } else if (short && STRESS_SHORT[short[1] as string]) key = STRESS_SHORT[short[1] as string] as string;
    else return fail(`unrecognized option '${a}'`);
    if (STRESS_FLAGS.has(key)) {
      flags.add(key);
      continue;
    }
    if (!STRESS_VALUE_OPTIONS.has(key)) return fail(`unrecognized option '${a}'`);
    if (value === undefined) {
      if (k + 1 >= args.length) return fail(`option '${a}' requires an argument`);
      value = args[++k] as string;
    }
    opts.set(key, value);
  }
  const count = (key: string): number | undefined => {
    const v = opts.get(key);
    if (v === undefined) return 0;
    return /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const workers: Record<string, number> = {};
  for (const key of ['cpu', 'io', 'vm', 'hdd']) {
    const n = count(key);
    if (n === undefined) return fail(`invalid number of ${key} workers '${opts.get(key)}'`);
    workers[key] = n;
  }
  // stress-ng: 0 workers means one per CPU; the simulator counts one.
  if (name === 'stress-ng') for (const key of Object.keys(workers)) if (opts.get(key) === '0') workers[key] = 1;
  if (Object.values(workers).every((n) => n === 0)) return fail('no workers given (--vm N, --cpu N, --io N or --hdd N)');
  const bytes = opts.has('vm-bytes') ? parseStressBytes(opts.get('vm-bytes')!) : 256;
  if (bytes === undefined) return fail(`invalid vm-bytes '${opts.get('vm-bytes')}' (a number with an optional b, k, m or g suffix)`);
  const timeout = opts.has('timeout') ? parseSleep(opts.get('timeout')!) : Number.POSITIVE_INFINITY;
  if (timeout === undefined) return fail(`invalid timeout '${opts.get('timeout')}'`);
  const quiet = flags.has('quiet');
  const start = st.t;
  if (!quiet) {
    const hogs = name === 'stress'
      ? `${workers.cpu} cpu, ${workers.io} io, ${workers.vm} vm, ${workers.hdd} hdd`
      : Object.entries(workers).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
    st.out.write(`${name}: info: ${name === 'stress' ? '' : ' '}[1] dispatching hogs: ${hogs}\n`, start);
  }
  if (workers.vm! > 0) st.mem.push({ from: start, to: start + timeout, mib: workers.vm! * bytes });
  st.t = start + timeout;
  if (!quiet && Number.isFinite(timeout)) {
    const secs = timeout / 1000;
    st.out.write(name === 'stress' ? `stress: info: [1] successful run completed in ${Math.round(secs)}s\n` : `stress-ng: info:  [1] successful run completed in ${secs.toFixed(2)} secs\n`, st.t);
  }
  return 0;
}

/** GNU sleep operand: decimal number with an optional s/m/h/d suffix, or `infinity`. Milliseconds. */
export function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

function builtinSet(args: string[], st: State): number {
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (a === '--') {
      st.positional = [st.positional[0] ?? 'sh', ...args.slice(k + 1)];
      return 0;
    }
    if (a === '-o' || a === '+o') {
      if (args[k + 1] === 'errexit') st.errexit = a === '-o';
      k++;
      continue;
    }
    if (/^[-+][A-Za-z]+$/.test(a)) {
      if (a.includes('e')) st.errexit = a.startsWith('-');
      continue;
    }
    st.positional = [st.positional[0] ?? 'sh', ...args.slice(k)];
    return 0;
  }
  return 0;
}

/** test / [ with the common forms: -n, -z, =, ==, !=, -eq…-ge, !, and a lone string. */
function builtinTest(args: string[]): number {
  const truth = (b: boolean) => (b ? 0 : 1);
  if (args[0] === '!') return builtinTest(args.slice(1)) === 0 ? 1 : 0;
  if (args.length === 0) return 1;
  if (args.length === 1) return truth((args[0] as string) !== '');
  if (args.length === 2) {
    const [op, v] = args as [string, string];
    if (op === '-n') return truth(v !== '');
    if (op === '-z') return truth(v === '');
    return 2;
  }
  if (args.length === 3) {
    const [a, op, b] = args as [string, string, string];
    const na = Number(a);
    const nb = Number(b);
    switch (op) {
      case '=':
      case '==':
        return truth(a === b);
      case '!=':
        return truth(a !== b);
      case '-eq':
        return truth(na === nb);
      case '-ne':
        return truth(na !== nb);
      case '-lt':
        return truth(na < nb);
      case '-le':
        return truth(na <= nb);
      case '-gt':
        return truth(na > nb);
      case '-ge':
        return truth(na >= nb);
    }
  }
  return 2;
}
