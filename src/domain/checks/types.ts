/**
 * The result shape shared by `iam check`, `network check` and `doctor`: one finding per check, with
 * a verdict, the evidence it was decided on ("<API>.<field>=<value>", spec/06 §10), the fix in
 * words, and which API call and field it read. Pure data: printers and exit codes live elsewhere.
 */
import type { ServiceName } from '../../backend/port.js';

export type Verdict = 'PASS' | 'WARN' | 'FAIL';

export interface Check {
  /** Stable, dotted, lower-case id (`iam.execution-role.trust`, `network.egress.subnet-0abc`). */
  id: string;
  /** One line for people ("ecsTaskExecutionRole trusts ecs-tasks.amazonaws.com"). */
  title: string;
  verdict: Verdict;
  /** What was observed, each line "<API>(<target>).<field>=<value>" or a short sentence. */
  evidence: string[];
  /** What to do about a WARN or FAIL (absent on PASS). */
  fix?: string;
  /** Which API call and field the verdict rests on ("iam:GetRole Role.AssumeRolePolicyDocument"). */
  reads: string;
}

/**
 * One read the command layer must make before a check can run: a Backend port call, in the same
 * form as a plan step (service + AWS operation name + input), plus the key under which the result
 * is recorded in the facts. The command calls it (paginating Describe* calls and concatenating the
 * pages), and records the output, or `'missing'` when AWS answered NoSuchEntity / not found.
 */
export interface FactRequest {
  key: string;
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
}

/** The value recorded for a read whose target does not exist (IAM `NoSuchEntityException`). */
export const MISSING = 'missing' as const;
export type Missing = typeof MISSING;

const RANK: Record<Verdict, number> = { PASS: 0, WARN: 1, FAIL: 2 };

/** The worst verdict among checks (PASS for none). */
export function worstVerdict(checks: readonly Check[]): Verdict {
  let worst: Verdict = 'PASS';
  for (const c of checks) if (RANK[c.verdict] > RANK[worst]) worst = c.verdict;
  return worst;
}

/** Counts per verdict, for a summary line ("12 passed, 1 warning, 0 failed"). */
export function countVerdicts(checks: readonly Check[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { PASS: 0, WARN: 0, FAIL: 0 };
  for (const c of checks) counts[c.verdict]++;
  return counts;
}

export function pass(id: string, title: string, reads: string, evidence: string[]): Check {
  return { id, title, verdict: 'PASS', evidence, reads };
}

export function warn(id: string, title: string, reads: string, evidence: string[], fix: string): Check {
  return { id, title, verdict: 'WARN', evidence, fix, reads };
}

export function fail(id: string, title: string, reads: string, evidence: string[], fix: string): Check {
  return { id, title, verdict: 'FAIL', evidence, fix, reads };
}
