/**
 * What a validator reports: the dotted path of the offending member and a rule, e.g.
 * `{ field: 'containerProperties.resourceRequirements[1].value', message: 'must be ...' }`.
 */
export type Severity = 'error' | 'warning';

export interface Issue {
  field: string;
  message: string;
  /** Absent means 'error'. */
  severity?: Severity;
}

export interface ValidateOptions {
  /**
   * What to do with members the API shape does not have. The CLI rejects them (a typo in an
   * `--input` file must not be dropped silently); the simulator ignores them as AWS does (spec/07 §7).
   */
  unknownMembers?: 'error' | 'ignore';
}

export function isError(i: Issue): boolean {
  return i.severity !== 'warning';
}

export function errorsOnly(issues: Issue[]): Issue[] {
  return issues.filter(isError);
}

/** `<field>: <message>`: how the simulator words a ClientException and the CLI a usage error. */
export function formatIssue(i: Issue): string {
  return i.field ? `${i.field}: ${i.message}` : i.message;
}

export function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** An accumulator that rules write into. */
export class IssueList {
  readonly items: Issue[] = [];
  error(field: string, message: string): void {
    this.items.push({ field, message });
  }
  warn(field: string, message: string): void {
    this.items.push({ field, message, severity: 'warning' });
  }
  get hasErrors(): boolean {
    return this.items.some(isError);
  }
}
