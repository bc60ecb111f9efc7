/**
 * IAM policy documents as data: decoding the URL-encoded `AssumeRolePolicyDocument` that GetRole
 * returns (spec/07 §9), and reading trust statements (which services may assume the role, and with
 * which confused-deputy conditions, spec/06 §1.5).
 */

export type OneOrMany<T> = T | T[];

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { Service?: OneOrMany<string>; AWS?: OneOrMany<string>; Federated?: OneOrMany<string> };
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  Condition?: Record<string, Record<string, OneOrMany<string>>>;
}

export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

export type DecodedDocument = { ok: true; doc: PolicyDocument } | { ok: false; error: string };

/**
 * Decodes a policy document as IAM returns it: URL-encoded JSON (`%7B%22Version%22...`). Plain JSON
 * (what moto and some SDK paths hand back) is accepted too. A single statement object is normalised
 * to a list.
 */
export function decodePolicyDocument(raw: string | undefined): DecodedDocument {
  if (raw === undefined || raw === '') return { ok: false, error: 'no policy document' };
  const raw0 = raw.trim();
  // RFC 3986 encoding (IAM) first; form encoding ('+' for a space) only if that does not parse.
  const candidates = raw0.startsWith('{') ? [raw0] : [raw0, raw0.replace(/\+/g, '%20')];
  let parsed: unknown;
  let error = 'the document is not valid JSON';
  for (const c of candidates) {
    try {
      parsed = JSON.parse(c.startsWith('{') ? c : decodeURIComponent(c));
      break;
    } catch (e) {
      if (e instanceof URIError) error = 'the document is neither JSON nor URL-encoded JSON';
    }
  }
  if (parsed === undefined) return { ok: false, error };
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, error: 'the document is not a JSON object' };
  const obj = parsed as { Version?: unknown; Statement?: unknown };
  const statements = Array.isArray(obj.Statement) ? obj.Statement : obj.Statement !== undefined ? [obj.Statement] : [];
  return {
    ok: true,
    doc: { Version: typeof obj.Version === 'string' ? obj.Version : '', Statement: statements as PolicyStatement[] },
  };
}

export function asList<T>(v: OneOrMany<T> | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function allowsAssumeRole(s: PolicyStatement): boolean {
  if (s.Effect !== 'Allow') return false;
  if (s.NotAction !== undefined) return !asList(s.NotAction).some((a) => matchesAction(a, 'sts:AssumeRole'));
  return asList(s.Action).some((a) => matchesAction(a, 'sts:AssumeRole'));
}

function matchesAction(pattern: string, action: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map(escapeRe).join('.*') + '$', 'i');
  return re.test(action);
}

function escapeRe(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The Allow + sts:AssumeRole statements that name `service` as a principal. */
export function trustStatementsFor(doc: PolicyDocument, service: string): PolicyStatement[] {
  return doc.Statement.filter((s) => {
    if (!allowsAssumeRole(s)) return false;
    if (s.Principal === '*') return true;
    return asList(s.Principal?.Service).includes(service);
  });
}

/** Every service principal allowed to sts:AssumeRole the role. */
export function trustedServices(doc: PolicyDocument): string[] {
  const out = new Set<string>();
  for (const s of doc.Statement) {
    if (!allowsAssumeRole(s) || s.Principal === '*' || s.Principal === undefined) continue;
    for (const svc of asList(s.Principal.Service)) out.add(svc);
  }
  return [...out];
}

/** The values of a condition key (case-insensitive, any operator) in a statement. */
export function conditionValues(s: PolicyStatement, key: string): { operator: string; values: string[] }[] {
  const out: { operator: string; values: string[] }[] = [];
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(block)) {
      if (k.toLowerCase() === key.toLowerCase()) out.push({ operator, values: asList(v) });
    }
  }
  return out;
}

/** The account id inside an ARN (`arn:aws:batch:us-east-1:123456789012:...`), if any. */
export function arnAccount(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** A policy document as compact JSON, the way CreateRole's AssumeRolePolicyDocument takes it. */
export function policyJson(doc: PolicyDocument): string {
  return JSON.stringify(doc);
}

/** The trust policy letting one AWS service assume a role (spec/01 §5.1). */
export function serviceTrustPolicy(service: string, condition?: PolicyStatement['Condition']): PolicyDocument {
  const statement: PolicyStatement = { Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' };
  if (condition) statement.Condition = condition;
  return { Version: '2012-10-17', Statement: [statement] };
}
