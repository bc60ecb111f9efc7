/**
 * retryStrategy evaluation (spec/05 §4.1, spec/07 §3.2): after a failed attempt, RETRY (back to
 * RUNNABLE, at the front of the queue) or EXIT (FAILED).
 *
 * Rules: `attempts` 1–10 (default 1) counts the first attempt; `evaluateOnExit` (≤5) entries are
 * checked in order and the first whose every given condition matches wins; if none matches the job is
 * retried while attempts remain. Timeouts, cancels, terminations and invalid definitions are never
 * retried. Patterns match exactly, or as a prefix when they end with `*` (the only wildcard).
 *
 * Decisions (docs/simulator.md):
 * - Patterns are case-sensitive; `action` is case-insensitive (API: "aren't case sensitive").
 * - A value the attempt does not have (no exit code after a host loss, no container reason) matches
 *   as the empty string: only `*` matches it.
 * - An entry with no condition at all matches every failure (validation flags it).
 * - A RETRY rule that matches when no attempts remain gives EXIT (ATTEMPTS_EXHAUSTED), naming the rule.
 */
import type { RetryStrategy } from '@aws-sdk/client-batch';
import type { Issue } from './issue.js';

/** Why an attempt ended, beyond its exit code: only EXITED and HOST_FAILURE can be retried. */
export type AttemptCause = 'EXITED' | 'HOST_FAILURE' | 'TIMEOUT' | 'CANCELLED' | 'TERMINATED' | 'INVALID_DEFINITION';

/** What a failed attempt left behind, as evaluateOnExit sees it. */
export interface AttemptOutcome {
  /** 1-based number of the attempt that just ended (AWS_BATCH_JOB_ATTEMPT). */
  attempt: number;
  exitCode?: number;
  /** The container `reason`, e.g. `CannotPullContainerError: …`, `OutOfMemoryError: …`. */
  reason?: string;
  /** The attempt `statusReason`, e.g. `Essential container in task exited`, `Host EC2 (instance i-…) terminated.`. */
  statusReason?: string;
  cause?: AttemptCause;
}

/** The outcome of the evaluation: what to do and why. */
export interface RetryDecision {
  action: 'RETRY' | 'EXIT';
  why: 'RULE_MATCHED' | 'NO_RULE_MATCHED' | 'ATTEMPTS_EXHAUSTED' | 'NOT_RETRYABLE';
  /** Index of the evaluateOnExit entry that matched, if one did. */
  ruleIndex?: number;
  /** One sentence for people and logs. */
  message: string;
}

/** Limits of the API model. */
export const RETRY_LIMITS = { minAttempts: 1, maxAttempts: 10, maxEvaluateOnExit: 5, maxPatternLength: 512 } as const;

const NEVER_RETRIED: ReadonlySet<AttemptCause> = new Set(['TIMEOUT', 'CANCELLED', 'TERMINATED', 'INVALID_DEFINITION']);

/** AWS's glob: exact match, or a prefix match when the pattern ends with `*`; `*` alone matches anything. */
export function globMatch(pattern: string, value: string | undefined): boolean {
  const v = value ?? '';
  if (pattern.endsWith('*')) return v.startsWith(pattern.slice(0, -1));
  return v === pattern;
}

/** Effective number of attempts (1 when unset). */
export function maxAttempts(strategy: RetryStrategy | undefined): number {
  return strategy?.attempts ?? 1;
}

/** Decides RETRY or EXIT for a failed attempt. */
export function evaluateRetry(strategy: RetryStrategy | undefined, outcome: AttemptOutcome): RetryDecision {
  const cause = outcome.cause ?? 'EXITED';
  if (NEVER_RETRIED.has(cause)) {
    return { action: 'EXIT', why: 'NOT_RETRYABLE', message: `${cause.toLowerCase().replace('_', ' ')} attempts are never retried` };
  }
  const rules = strategy?.evaluateOnExit ?? [];
  const exitCode = outcome.exitCode === undefined ? undefined : String(outcome.exitCode);
  const ruleIndex = rules.findIndex(
    (r) =>
      (r.onExitCode === undefined || globMatch(r.onExitCode, exitCode)) &&
      (r.onReason === undefined || globMatch(r.onReason, outcome.reason)) &&
      (r.onStatusReason === undefined || globMatch(r.onStatusReason, outcome.statusReason)),
  );
  const attempts = maxAttempts(strategy);
  const remaining = outcome.attempt < attempts;
  if (ruleIndex >= 0) {
    const action = String(rules[ruleIndex]?.action ?? '').toUpperCase();
    if (action === 'EXIT') return { action: 'EXIT', why: 'RULE_MATCHED', ruleIndex, message: `evaluateOnExit[${ruleIndex}] matched: EXIT` };
    if (!remaining) {
      return { action: 'EXIT', why: 'ATTEMPTS_EXHAUSTED', ruleIndex, message: `evaluateOnExit[${ruleIndex}] matched RETRY but all ${attempts} attempts are used` };
    }
    return { action: 'RETRY', why: 'RULE_MATCHED', ruleIndex, message: `evaluateOnExit[${ruleIndex}] matched: RETRY (attempt ${outcome.attempt + 1} of ${attempts})` };
  }
  if (!remaining) return { action: 'EXIT', why: 'ATTEMPTS_EXHAUSTED', message: `all ${attempts} attempts are used` };
  const none = rules.length > 0 ? 'no evaluateOnExit rule matched' : 'no evaluateOnExit rules';
  return { action: 'RETRY', why: 'NO_RULE_MATCHED', message: `${none}: RETRY (attempt ${outcome.attempt + 1} of ${attempts})` };
}

const REASON_RE = /^[A-Za-z0-9.: \t]*\*?$/;
const EXIT_CODE_RE = /^[0-9]*\*?$/;

/** Every rule a retryStrategy breaks (spec/04 §16.6), for SubmitJob and RegisterJobDefinition. */
export function validateRetryStrategy(strategy: RetryStrategy | undefined, field = 'retryStrategy'): Issue[] {
  const issues: Issue[] = [];
  if (!strategy) return issues;
  const { attempts, evaluateOnExit } = strategy;
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts < RETRY_LIMITS.minAttempts || attempts > RETRY_LIMITS.maxAttempts)) {
    issues.push({ field: `${field}.attempts`, message: `must be an integer between 1 and 10 (got ${attempts})` });
  }
  if (evaluateOnExit === undefined) return issues;
  if (attempts === undefined) issues.push({ field: `${field}.evaluateOnExit`, message: 'requires attempts to be set' });
  if (evaluateOnExit.length > RETRY_LIMITS.maxEvaluateOnExit) {
    issues.push({ field: `${field}.evaluateOnExit`, message: `can have at most 5 entries (got ${evaluateOnExit.length})` });
  }
  evaluateOnExit.forEach((rule, k) => {
    const at = `${field}.evaluateOnExit[${k}]`;
    const action = typeof rule.action === 'string' ? rule.action.toUpperCase() : undefined;
    if (action !== 'RETRY' && action !== 'EXIT') issues.push({ field: `${at}.action`, message: `must be RETRY or EXIT (case-insensitive) (got ${String(rule.action)})` });
    if (rule.onExitCode === undefined && rule.onReason === undefined && rule.onStatusReason === undefined) {
      issues.push({ field: at, message: 'must specify at least one of onStatusReason, onReason or onExitCode' });
    }
    const check = (name: 'onExitCode' | 'onReason' | 'onStatusReason', re: RegExp, rule2: string) => {
      const v = rule[name];
      if (v === undefined) return;
      if (v.length > RETRY_LIMITS.maxPatternLength) issues.push({ field: `${at}.${name}`, message: 'can be at most 512 characters' });
      else if (!re.test(v)) issues.push({ field: `${at}.${name}`, message: rule2 });
    };
    check('onExitCode', EXIT_CODE_RE, 'can contain only numbers, optionally ending with an asterisk (*)');
    check('onReason', REASON_RE, 'can contain only letters, numbers, periods (.), colons (:) and white space, optionally ending with an asterisk (*)');
    check('onStatusReason', REASON_RE, 'can contain only letters, numbers, periods (.), colons (:) and white space, optionally ending with an asterisk (*)');
  });
  return issues;
}
