/**
 * The wizard's state and what each key does to it, without React: the answers, the text typed in
 * each field (kept when moving back and forth), which field has the focus on each step, and the
 * review screen's button and scroll. The component only draws the state and runs the effects.
 */
import type { Key } from 'ink';
import type { Platform, SetupAnswers } from '../defaults.js';
import type { Issue } from '../validate.js';
import { answerIssues, fieldErrors, fieldOfIssue, REVIEW_STEP, stepFields, type Field, type WizardFacts } from './fields.js';
import { moveCursor, pick } from './select-list.js';
import { editText } from './text-input.js';

export const BUTTONS = ['Create', 'Back', 'Cancel'] as const;

export interface WizardState {
  platform: Platform;
  answers: SetupAnswers;
  /** The text as typed, by field key (a text field without one shows its answer). */
  drafts: Record<string, string>;
  /** Why a field's text is not an answer yet (`"x" is not a whole number`). */
  parseErrors: Record<string, string>;
  /** Text cursor, or list cursor, by field key. */
  cursors: Record<string, number>;
  step: number;
  /** The focused field of each step. */
  focus: number[];
  /** One line under the screen: why a key did nothing. */
  message?: string;
  /** Review: the focused button (index in BUTTONS), and how far the plan is scrolled. */
  button: number;
  scroll: number;
  /** Set once: the answers to create, or cancelled. */
  done?: { create: SetupAnswers } | { cancel: true };
}

/** What the reducer needs besides the state. */
export interface WizardEnv {
  facts: WizardFacts;
  /** The review's verdict on the current answers: undefined while it is being built. */
  review?: { createBlocked?: string; issues: Issue[] };
  /** Review: the number of lines the body can scroll by. */
  maxScroll?: number;
}

export function initialState(platform: Platform, answers: SetupAnswers): WizardState {
  return { platform, answers, drafts: {}, parseErrors: {}, cursors: {}, step: 0, focus: Array(REVIEW_STEP + 1).fill(0), button: 0, scroll: 0 };
}

export function fieldsOf(s: WizardState, facts: WizardFacts, step = s.step): Field[] {
  return stepFields(s.platform, step, facts);
}

/** The text a text field shows. */
export function textOf(s: WizardState, f: Field): string {
  return f.kind === 'text' ? (s.drafts[f.key] ?? f.format(s.answers)) : '';
}

/** Every issue the pure validators find in the answers. */
export function issuesOf(s: WizardState, facts: WizardFacts): Issue[] {
  return answerIssues(s.answers, facts);
}

/** The messages under each field of a step (empty arrays for good fields). */
export function stepErrors(s: WizardState, facts: WizardFacts, step = s.step): string[][] {
  const issues = issuesOf(s, facts);
  return fieldsOf(s, facts, step).map((f) => fieldErrors(f, issues, s.parseErrors[f.key]));
}

function listCursor(s: WizardState, f: Field, facts: WizardFacts): number {
  if (f.kind !== 'select' && f.kind !== 'multi') return 0;
  const n = f.choices(s.answers, facts).length;
  return Math.max(0, Math.min(s.cursors[f.key] ?? 0, n - 1));
}

function withFocus(s: WizardState, index: number, from: 'above' | 'below' | 'jump', facts: WizardFacts): WizardState {
  const fields = fieldsOf(s, facts);
  const i = Math.max(0, Math.min(index, fields.length - 1));
  const f = fields[i];
  const focus = [...s.focus];
  focus[s.step] = i;
  const cursors = { ...s.cursors };
  if (f && f.kind === 'multi' && from !== 'jump') {
    const n = f.choices(s.answers, facts).length;
    cursors[f.key] = from === 'above' ? 0 : Math.max(0, n - 1);
  }
  if (f?.kind === 'text' && cursors[f.key] === undefined) cursors[f.key] = textOf(s, f).length;
  return { ...s, focus, cursors, message: undefined };
}

/** Moves to another step; forward only when the current step has no errors (the first bad field gets the focus). */
export function goTo(s: WizardState, target: number, facts: WizardFacts): WizardState {
  if (target < 0 || target > REVIEW_STEP || target === s.step) return s;
  if (target > s.step) {
    for (let step = s.step; step < target; step++) {
      const errors = stepErrors(s, facts, step);
      const bad = errors.findIndex((e) => e.length > 0);
      if (bad >= 0) {
        const at = withFocus({ ...s, step }, bad, 'jump', facts);
        const n = errors.filter((e) => e.length > 0).length;
        return { ...at, message: `fix the field${n > 1 ? 's' : ''} marked ✗ before going on` };
      }
    }
  }
  const next = { ...s, step: target, message: undefined, button: 0, scroll: 0 };
  return target === REVIEW_STEP ? next : withFocus(next, s.focus[target] ?? 0, 'jump', facts);
}

/** Puts a field's new text in the drafts, and in the answers when it parses. */
function typeInto(s: WizardState, f: Field & { kind: 'text' }, value: string, cursor: number, facts: WizardFacts): WizardState {
  const r = f.parse(s.answers, value);
  const drafts = { ...s.drafts, [f.key]: value };
  const parseErrors = { ...s.parseErrors };
  const cursors = { ...s.cursors, [f.key]: cursor };
  if ('error' in r) {
    parseErrors[f.key] = r.error;
    return { ...s, drafts, parseErrors, cursors, message: undefined };
  }
  delete parseErrors[f.key];
  // Another field whose answer this changed (names that follow the stack name) shows its new answer.
  for (let step = 0; step < REVIEW_STEP; step++) {
    for (const g of fieldsOf(s, facts, step)) {
      if (g.kind !== 'text' || g.key === f.key || !(g.key in drafts) || g.key in parseErrors) continue;
      if (g.format(r) !== g.format(s.answers)) {
        delete drafts[g.key];
        delete cursors[g.key];
      }
    }
  }
  return { ...s, answers: r, drafts, parseErrors, cursors, message: undefined };
}

function setAnswers(s: WizardState, answers: SetupAnswers): WizardState {
  return { ...s, answers, message: undefined };
}

const isCtrlC = (input: string, key: Key) => key.ctrl && input === 'c';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Keys that reached Ink in one chunk ("\r\r" from a fast Enter Enter, a held Backspace) come as
 * one input it does not recognise: split them back into keys. Plain text stays one paste.
 */
export function splitChunk(input: string, key: Key): Array<[string, Key]> {
  // eslint-disable-next-line no-control-regex
  if (input.length < 2 || !/[\r\n\t\x7f\b\x03]/.test(input)) return [[input, key]];
  const out: Array<[string, Key]> = [];
  let text = '';
  const flush = () => {
    if (text) out.push([text, { ...NO_KEY }]);
    text = '';
  };
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') (flush(), out.push(['', { ...NO_KEY, return: true }]));
    else if (ch === '\t') (flush(), out.push(['', { ...NO_KEY, tab: true }]));
    else if (ch === '\x7f' || ch === '\b') (flush(), out.push(['', { ...NO_KEY, backspace: true }]));
    else if (ch === '\x03') (flush(), out.push(['c', { ...NO_KEY, ctrl: true }]));
    else text += ch;
  }
  flush();
  return out;
}

/** What one key (or a chunk of keys) does. */
export function reduceKey(s: WizardState, input: string, key: Key, env: WizardEnv): WizardState {
  const keys = splitChunk(input, key);
  if (keys.length > 1) return keys.reduce((st, [i, k]) => reduceKey(st, i, k, env), s);
  if (s.done) return s;
  if (isCtrlC(input, key)) return { ...s, done: { cancel: true } };
  return s.step === REVIEW_STEP ? reviewKey(s, input, key, env) : fieldKey(s, input, key, env.facts);
}

function fieldKey(s: WizardState, input: string, key: Key, facts: WizardFacts): WizardState {
  if (key.tab) return goTo(s, s.step + (key.shift ? -1 : 1), facts);
  if (key.escape) return s.step > 0 ? goTo(s, s.step - 1, facts) : { ...s, message: 'this is the first step; ctrl-c cancels the setup' };
  if (key.return) return goTo(s, s.step + 1, facts);

  const fields = fieldsOf(s, facts);
  const index = Math.min(s.focus[s.step] ?? 0, fields.length - 1);
  const f = fields[index];
  if (!f) return s;

  if (key.upArrow || key.downArrow) {
    const delta = key.upArrow ? -1 : 1;
    if (f.kind === 'multi') {
      const n = f.choices(s.answers, facts).length;
      const moved = moveCursor(listCursor(s, f, facts), n, delta);
      if (typeof moved === 'number') return { ...s, cursors: { ...s.cursors, [f.key]: moved }, message: undefined };
    }
    const target = index + delta;
    if (target < 0 || target >= fields.length) return s;
    return withFocus(s, target, delta > 0 ? 'above' : 'below', facts);
  }

  if (f.kind === 'text') {
    const value = textOf(s, f);
    const edited = editText({ value, cursor: s.cursors[f.key] ?? value.length }, input, key);
    if (edited) return edited.value === value ? { ...s, cursors: { ...s.cursors, [f.key]: edited.cursor } } : typeInto(s, f, edited.value, edited.cursor, facts);
    return s;
  }

  if (key.leftArrow) return goTo(s, s.step - 1, facts);
  if (key.rightArrow) return goTo(s, s.step + 1, facts);

  if (f.kind === 'toggle') {
    if (input === ' ') return setAnswers(s, f.set(s.answers, !f.get(s.answers)));
    if (input === 'y' || input === 'n') return setAnswers(s, f.set(s.answers, input === 'y'));
    return s;
  }
  if (input === ' ') {
    const choices = f.choices(s.answers, facts);
    const c = choices[listCursor(s, f, facts)];
    if (!c) return s;
    if (f.kind === 'select') {
      // Space moves the pick to the next choice (the list is short: a strategy, a cluster).
      const at = choices.findIndex((x) => x.value === f.get(s.answers));
      return setAnswers(s, f.set(s.answers, choices[(at + 1) % choices.length]!.value));
    }
    return setAnswers(s, f.set(s.answers, pick(f.get(s.answers), c.value, true)));
  }
  return s;
}

function reviewKey(s: WizardState, input: string, key: Key, env: WizardEnv): WizardState {
  const facts = env.facts;
  const max = env.maxScroll ?? 0;
  if (key.escape || (key.tab && key.shift)) return goTo(s, s.step - 1, facts);
  if (key.leftArrow) return { ...s, button: Math.max(0, s.button - 1), message: undefined };
  if (key.rightArrow || key.tab) return { ...s, button: key.tab ? (s.button + 1) % BUTTONS.length : Math.min(BUTTONS.length - 1, s.button + 1), message: undefined };
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    const by = key.pageUp || key.pageDown ? 10 : 1;
    const dir = key.upArrow || key.pageUp ? -1 : 1;
    return { ...s, scroll: Math.max(0, Math.min(max, s.scroll + dir * by)) };
  }
  if (!key.return && input !== ' ') return s;
  const button = BUTTONS[s.button];
  if (button === 'Cancel') return { ...s, done: { cancel: true } };
  if (button === 'Back') {
    // Back to the first answer the account rejected, else one step.
    const at = env.review?.issues.map((i) => fieldOfIssue(s.platform, i, facts)).find((x) => x !== undefined);
    if (at) {
      const there = goTo(s, at.step, facts);
      return withFocus(there, at.index, 'jump', facts);
    }
    return goTo(s, s.step - 1, facts);
  }
  if (!env.review) return { ...s, message: 'the plan is still being built' };
  if (env.review.createBlocked) return { ...s, message: env.review.createBlocked };
  return { ...s, done: { create: s.answers } };
}
