/**
 * What the job validators report. Structurally identical to `domain/validation/issue.ts`'s Issue
 * (same fields), kept here so the job modules do not depend on work in progress; merge them later.
 */

/** One broken rule: the dotted path of the member (`retryStrategy.attempts`) and the rule it breaks. */
export interface Issue {
  field: string;
  message: string;
  /** Absent means 'error'. */
  severity?: 'error' | 'warning';
}
