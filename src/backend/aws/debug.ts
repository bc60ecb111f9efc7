/**
 * `--debug` lines for AWS calls: one per API call, with the input redacted. Pure; no SDK import.
 *
 *   aws batch DescribeJobs {"jobs":["6f1c…"]} -> 200 41ms
 *   aws iam GetRole {"RoleName":"x"} -> 404 NoSuchEntityException 12ms
 *   aws batch ListJobs {"jobQueue":"q"} -> 200 2300ms attempts=3
 *   aws batch DescribeJobQueues {} -> ECONNREFUSED 3ms
 */

/** Keys whose values are secrets (matched case-insensitively against the whole key). */
const SECRET_KEY = /secret|password|passwd|token|credential|authorization|sessiontoken|accesskey|privatekey|apikey/i;

/**
 * Keys that match SECRET_KEY but hold no secret: pagination cursors and idempotency tokens. They
 * are useful when debugging paging, and leak nothing.
 */
const NOT_SECRET = new Set([
  'nexttoken',
  'nextforwardtoken',
  'nextbackwardtoken',
  'paginationtoken',
  'clienttoken',
  'clientrequesttoken',
]);

export const REDACTED = '***';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET.has(key.toLowerCase());
}

const NAME_KEYS = ['name', 'Name', 'key', 'Key'] as const;
const VALUE_KEYS = ['value', 'Value'] as const;

/**
 * A deep copy of `value` with secrets replaced by `***`: values under secret-looking keys, and the
 * value of name/value pairs whose name looks secret (container `environment`, EKS `env`, tags),
 * e.g. `{name: 'DB_PASSWORD', value: 'hunter2'}`.
 */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (seen.has(value)) return '<cycle>';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, seen));
  const obj = value as Record<string, unknown>;
  const pairName = NAME_KEYS.map((k) => obj[k]).find((v): v is string => typeof v === 'string');
  const secretPair = pairName !== undefined && isSecretKey(pairName);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (isSecretKey(k) || (secretPair && (VALUE_KEYS as readonly string[]).includes(k))) out[k] = REDACTED;
    else out[k] = redact(v, seen);
  }
  return out;
}

const MAX_INPUT_CHARS = 2000;

/** The input as compact JSON, redacted, cut to a readable length. */
export function formatInput(input: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(redact(input ?? {})) ?? '{}';
  } catch {
    json = '<unprintable>';
  }
  if (json.length > MAX_INPUT_CHARS) json = `${json.slice(0, MAX_INPUT_CHARS)}…(+${json.length - MAX_INPUT_CHARS} chars)`;
  return json;
}

export interface CallOutcome {
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** The error name (ClientException) or the network code (ECONNREFUSED) of a failed call. */
  error?: string;
  attempts?: number;
  durationMs: number;
}

/** One `--debug` line for one API call. */
export function formatDebugLine(service: string, operation: string, input: unknown, outcome: CallOutcome): string {
  const result = [outcome.status !== undefined ? String(outcome.status) : undefined, outcome.error].filter(Boolean).join(' ') || '?';
  let line = `aws ${service} ${operation} ${formatInput(input)} -> ${result} ${Math.round(outcome.durationMs)}ms`;
  if (outcome.attempts !== undefined && outcome.attempts > 1) line += ` attempts=${outcome.attempts}`;
  return line;
}

/** What a thrown SDK or network error says about the call, for the debug line. */
export function describeFailure(err: unknown): Pick<CallOutcome, 'status' | 'error' | 'attempts'> {
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number; attempts?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode;
  const error = status === undefined && e?.code ? e.code : (e?.name ?? 'Error');
  return { status, error, attempts: e?.$metadata?.attempts };
}
