/**
 * The setup wizard: one screen per step of the console's first-run wizard (compute environment,
 * job queue, job definition, job), every field filled with its default and checked as it is
 * typed, then a review screen with the plan the command will apply. The one exit site: it calls
 * `onDone` with the answers (Create) or undefined (Cancel, ctrl-c), draws a last line, and exits.
 */
import { Box, Text, useApp } from 'ink';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { formatPlan } from '../../commands/shared/plan-runner.js';
import { countVerdicts } from '../../domain/checks/types.js';
import type { Palette } from '../../io/color.js';
import { checkSummary, formatChecklist } from '../../render/checks.js';
import type { SetupAnswers } from '../defaults.js';
import { fieldOfIssue, REVIEW_STEP, STEPS, type Field, type WizardFacts, type WizardReview } from './fields.js';
import { Checkbox, selectRows } from './select-list.js';
import { BUTTONS, fieldsOf, initialState, reduceKey, stepErrors, textOf, type WizardEnv, type WizardState } from './state.js';
import { TextInput } from './text-input.js';
import { useTerminalSize, type TerminalSize } from '../../tui/hooks/use-terminal-size.js';
import { useKeys } from '../../tui/hooks/use-keys.js';

export type { TerminalSize };

export interface SetupWizardProps {
  initial: SetupAnswers;
  facts: WizardFacts;
  palette: Palette;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: TerminalSize;
  onDone(answers: SetupAnswers | undefined): void;
}


interface ReviewState {
  key: string;
  result?: WizardReview;
}

/** Why Create cannot go ahead with this review, if it cannot. */
export function createBlocked(r: WizardReview, ignoreChecks: boolean): string | undefined {
  if (r.error) return 'the plan could not be built; go back and change the answers, or cancel';
  if (r.issues.length > 0) return 'the account rejects some answers: Back goes to the first one';
  if (!r.plan) return 'there is no plan';
  if (r.plan.conflicts.length > 0) return 'the plan conflicts with what exists: see each fix, or change the names';
  if (!ignoreChecks && countVerdicts(r.checks).FAIL > 0) return 'the network preflight failed: change the network, or run with --ignore-checks';
  return undefined;
}

const FOOTER = {
  fields: '↑↓ field · space pick · enter/tab next · esc/shift-tab back · ctrl-c cancel',
  review: '←→ button · enter choose · ↑↓ scroll · esc back · ctrl-c cancel',
};
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function SetupWizard({ initial, facts, palette, size: fixedSize, onDone }: SetupWizardProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const [state, setState] = useState<WizardState>(() => initialState(initial.platform, initial));
  const [review, setReview] = useState<ReviewState | undefined>();
  const [tick, setTick] = useState(0);
  const finished = useRef(false);

  // The review: built again whenever the answers differ from the last review's.
  const reviewKey = state.step === REVIEW_STEP ? JSON.stringify(state.answers) : undefined;
  useEffect(() => {
    if (!reviewKey || review?.key === reviewKey) return;
    setReview({ key: reviewKey });
    const answers = state.answers;
    facts.review(answers).then(
      (result) => setReview((cur) => (cur?.key === reviewKey ? { key: reviewKey, result } : cur)),
      (err: unknown) => setReview((cur) => (cur?.key === reviewKey ? { key: reviewKey, result: { checks: [], issues: [], error: (err as Error).message ?? String(err) } } : cur)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reviewKey]);
  const current = review?.key === reviewKey ? review?.result : undefined;
  const loading = state.step === REVIEW_STEP && !current;
  useEffect(() => {
    if (!loading) return;
    const t = setInterval(() => setTick((n) => n + 1), 80);
    return () => clearInterval(t);
  }, [loading]);

  const layout = computeLayout(state, facts, current, palette, size);
  const env: WizardEnv = {
    facts,
    review: current ? { issues: current.issues, createBlocked: createBlocked(current, facts.ignoreChecks === true) } : undefined,
    maxScroll: layout.maxScroll,
  };
  // Keys read the latest review through a ref: a key may arrive before the new handler is subscribed.
  const envRef = useRef(env);
  envRef.current = env;
  // Esc then a key, and several keys in one read, arrive apart (the dashboard's keyboard hook).
  useKeys(
    (keys) => {
      for (const k of keys) setState((s) => reduceKey(s, k.input, k.key, envRef.current));
    },
    { isActive: !state.done },
  );

  useEffect(() => {
    if (!state.done || finished.current) return;
    finished.current = true;
    onDone('create' in state.done ? state.done.create : undefined);
    // Let the last frame draw, then leave.
    setTimeout(() => exit(), 0);
  }, [state.done, onDone, exit]);

  if (state.done) {
    // The command says it was cancelled; the wizard leaves nothing behind.
    if ('cancel' in state.done) return null;
    const a = state.done.create;
    const names = [a.computeEnvironmentName, a.jobQueueName, a.jobDefinitionName, ...(a.noJob ? [] : [a.jobName])];
    return (
      <Text>
        <Text color="green">✓</Text> setup {a.platform} {a.stack}: {names.join(', ')}
      </Text>
    );
  }

  const width = Math.max(20, size.columns - 1);
  return (
    <Box flexDirection="column" width={width} height={layout.height}>
      <Text wrap="truncate-end">
        <Text bold>batchctl setup {state.platform}</Text>
        <Text dimColor> · stack {state.answers.stack} · {facts.world}</Text>
      </Text>
      <StepBar step={state.step} width={width} />
      <Text> </Text>
      {layout.body}
      {state.step === REVIEW_STEP ? <Buttons state={state} loading={loading} tick={tick} blocked={env.review?.createBlocked} /> : null}
      <Text color={state.message ? 'yellow' : undefined} wrap="truncate-end">{state.message ? `! ${state.message}` : ' '}</Text>
      <Text dimColor wrap="truncate-end">{state.step === REVIEW_STEP ? FOOTER.review : FOOTER.fields}</Text>
    </Box>
  );
}

function StepBar({ step, width }: { step: number; width: number }) {
  const full = STEPS.map((s, i) => `${i + 1} ${s.title}`).join(' › ').length <= width;
  return (
    <Text wrap="truncate-end">
      {STEPS.map((s, i) => (
        <Text key={s.id}>
          {i > 0 ? <Text dimColor> › </Text> : null}
          {i === step ? (
            <Text bold color="cyan">{`${i + 1} ${s.title}`}</Text>
          ) : (
            <Text dimColor={i > step} color={i < step ? 'green' : undefined}>{`${i < step ? '✓' : i + 1} ${full ? s.title : shortTitle(s.title)}`}</Text>
          )}
        </Text>
      ))}
    </Text>
  );
}

function shortTitle(t: string): string {
  return t === 'Compute environment' ? 'CE' : t === 'Job definition' ? 'Job def' : t === 'Review and create' ? 'Review' : t;
}

function Buttons({ state, loading, tick, blocked }: { state: WizardState; loading: boolean; tick: number; blocked?: string }) {
  return (
    <Box flexDirection="column">
      <Text> </Text>
      <Text>
        {'  '}
        {BUTTONS.map((b, i) => {
          const focused = i === state.button;
          const off = b === 'Create' && (loading || blocked !== undefined);
          return (
            <Text key={b}>
              <Text inverse={focused} bold={focused} dimColor={off && !focused} color={b === 'Create' && !off ? 'green' : undefined}>{` ${b} `}</Text>
              {'  '}
            </Text>
          );
        })}
        {loading ? <Text dimColor>{SPINNER[tick % SPINNER.length]} reading IAM, the network and the stack…</Text> : null}
      </Text>
    </Box>
  );
}

interface Layout {
  body: ReactElement;
  /** Rows the whole frame takes (never more than the terminal's rows - 1). */
  height: number;
  maxScroll: number;
}

/** The frame's fixed lines: title, step bar, blank, message, footer. */
const CHROME = 5;

function computeLayout(s: WizardState, facts: WizardFacts, review: WizardReview | undefined, c: Palette, size: TerminalSize): Layout {
  const width = Math.max(20, size.columns - 1);
  const maxRows = Math.max(8, size.rows - 1);
  if (s.step === REVIEW_STEP) {
    const bodyRows = maxRows - CHROME - 2;
    const lines = reviewLines(s, facts, review, c);
    const maxScroll = Math.max(0, lines.length - bodyRows);
    const scroll = Math.min(s.scroll, maxScroll);
    let shown = lines.slice(scroll, scroll + bodyRows);
    if (lines.length > bodyRows) {
      if (scroll > 0) shown = [c.dim(`  ↑ ${scroll} more line${scroll > 1 ? 's' : ''} (↑/pgup)`), ...shown.slice(1)];
      const below = lines.length - scroll - bodyRows;
      if (below > 0) shown = [...shown.slice(0, -1), c.dim(`  ↓ ${below + 1} more lines (↓/pgdn)`)];
    }
    return {
      body: (
        <Box flexDirection="column">
          {shown.map((l, i) => (
            <Text key={i} wrap="truncate-end">{l === '' ? ' ' : l}</Text>
          ))}
        </Box>
      ),
      height: CHROME + shown.length + 2,
      maxScroll,
    };
  }
  const bodyRows = maxRows - CHROME;
  const { lines, ranges } = fieldLines(s, facts, width, Math.max(3, Math.min(8, bodyRows - 8)));
  const focus = s.focus[s.step] ?? 0;
  const [a, b] = ranges[focus] ?? [0, 0];
  let shown = lines;
  if (lines.length > bodyRows) {
    // Rows for fields from `start`, after a "more" marker at each clipped end.
    const room = (start: number) => {
      const up = start > 0 ? 1 : 0;
      return start + bodyRows - up < lines.length ? bodyRows - up - 1 : bodyRows - up;
    };
    let start = 0;
    while (b >= start + room(start) && start < a) start++;
    const end = start + room(start);
    shown = [
      ...(start > 0 ? [<Text key="up" dimColor>  ↑ more fields</Text>] : []),
      ...lines.slice(start, end),
      ...(end < lines.length ? [<Text key="down" dimColor>  ↓ more fields</Text>] : []),
    ];
  }
  return { body: <Box flexDirection="column">{shown}</Box>, height: CHROME + shown.length, maxScroll: 0 };
}

/** Every field of the step as lines, and the range of lines each field takes. */
function fieldLines(s: WizardState, facts: WizardFacts, width: number, listRows: number): { lines: ReactElement[]; ranges: Array<[number, number]> } {
  const fields = fieldsOf(s, facts);
  const errors = stepErrors(s, facts);
  const labelWidth = Math.min(36, Math.max(...fields.map((f) => f.label.length)));
  const valueWidth = Math.max(10, width - labelWidth - 6);
  const indent = labelWidth + 4;
  const lines: ReactElement[] = [];
  const ranges: Array<[number, number]> = [];
  const focusIndex = s.focus[s.step] ?? 0;
  fields.forEach((f, i) => {
    const focused = i === focusIndex;
    const first = lines.length;
    const bad = errors[i]!.length > 0;
    lines.push(
      <Text key={`${f.key}`} wrap="truncate-end">
        <Text color="cyan">{focused ? '› ' : '  '}</Text>
        <Text bold={focused} color={bad ? 'red' : undefined}>{f.label.padEnd(labelWidth)}</Text>
        {'  '}
        {fieldValue(s, f, focused, valueWidth, facts)}
      </Text>,
    );
    if (focused && (f.kind === 'select' || f.kind === 'multi')) {
      const choices = f.choices(s.answers, facts);
      const selected = f.kind === 'multi' ? f.get(s.answers) : [f.get(s.answers)];
      const cursor = f.kind === 'multi' ? (s.cursors[f.key] ?? 0) : -1;
      lines.push(...selectRows({ choices, selected, cursor, multi: f.kind === 'multi', maxRows: listRows, width: width - indent, indent }));
    }
    for (const e of errors[i]!) {
      wrapWords(`✗ ${e}`, width - indent).forEach((part, k) => {
        lines.push(<Text key={`${f.key}-e-${e}-${k}`} color="red">{' '.repeat(indent + (k > 0 ? 2 : 0))}{part}</Text>);
      });
    }
    const hint = focused ? f.hint?.(s.answers) : undefined;
    if (hint) lines.push(<Text key={`${f.key}-hint`} dimColor wrap="truncate-end">{' '.repeat(indent)}{hint}</Text>);
    ranges.push([first, lines.length - 1]);
  });
  return { lines, ranges };
}

/** Splits text into lines of at most `width` cells at spaces (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(10, width);
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= (out.length ? w - 2 : w)) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = word;
    while (line.length > w - 2) {
      out.push(line.slice(0, w - 2));
      line = line.slice(w - 2);
    }
  }
  if (line) out.push(line);
  return out;
}

function fieldValue(s: WizardState, f: Field, focused: boolean, width: number, facts: WizardFacts): ReactElement {
  switch (f.kind) {
    case 'text':
      return <TextInput value={textOf(s, f)} cursor={s.cursors[f.key] ?? textOf(s, f).length} focused={focused} width={width} placeholder="(none)" />;
    case 'toggle':
      return <Checkbox checked={f.get(s.answers)} focused={focused} />;
    case 'select': {
      const v = f.get(s.answers);
      return <Text>{v || <Text dimColor>(none)</Text>}</Text>;
    }
    case 'multi': {
      const v = f.get(s.answers);
      const n = f.choices(s.answers, facts).length;
      const list = v.join(', ');
      const summary = focused ? `${v.length} of ${n} picked` : list || '(none)';
      return <Text dimColor={focused || v.length === 0}>{summary.length > width ? `${summary.slice(0, width - 1)}…` : summary}</Text>;
    }
  }
}

/** The review body: the plan as `setup --dry-run` shows it, the preflight, and the answers the account rejects. */
function reviewLines(s: WizardState, facts: WizardFacts, r: WizardReview | undefined, c: Palette): string[] {
  if (!r) return [c.dim('Building the plan…')];
  const lines: string[] = [];
  if (r.error) lines.push(c.red(`✗ ${r.error}`));
  if (r.issues.length > 0) {
    lines.push(c.red(`The account rejects ${r.issues.length === 1 ? 'this answer' : 'these answers'}:`));
    for (const i of r.issues) {
      const at = fieldOfIssue(s.platform, i, facts);
      lines.push(`  ${c.red('✗')} ${i.field}: ${i.message}${at ? c.dim(` (step ${at.step + 1})`) : ''}`);
    }
  }
  // The preflight first: one line when it passes, and the plan below may need scrolling.
  if (r.checks.length > 0) {
    const notPassed = r.checks.filter((k) => k.verdict !== 'PASS');
    lines.push(`${c.bold('network preflight')}${r.networkSource ? ` (${r.networkSource})` : ''}: ${checkSummary(r.checks, c)}`);
    if (notPassed.length) lines.push(...formatChecklist(notPassed, c).replace(/\n$/, '').split('\n').map((l) => `  ${l}`));
  }
  if (r.plan) lines.push(...(lines.length ? [''] : []), ...formatPlan(r.plan, c, facts.world).replace(/\n$/, '').split('\n'));
  return lines;
}
