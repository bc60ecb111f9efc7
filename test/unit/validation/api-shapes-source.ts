/**
 * Builds the text of src/domain/validation/api-shapes.ts from the installed @aws-sdk/client-batch
 * schemas, so that the validators know every member of every request shape the SDK knows (the SDK
 * is newer than botocore, spec/07 §7). The shapes test compares the committed file with this output;
 * `UPDATE_API_SHAPES=1 npx vitest run test/unit/validation/api-shapes.test.ts` rewrites it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The request shapes the validators check (and SubmitJob, for the job engine's issue). */
export const ROOTS = [
  'CreateComputeEnvironmentRequest',
  'UpdateComputeEnvironmentRequest',
  'CreateJobQueueRequest',
  'UpdateJobQueueRequest',
  'RegisterJobDefinitionRequest',
  'CreateSchedulingPolicyRequest',
  'UpdateSchedulingPolicyRequest',
  'CreateConsumableResourceRequest',
  'UpdateConsumableResourceRequest',
  'TagResourceRequest',
  'UntagResourceRequest',
  'SubmitJobRequest',
];

type Schema = number | (() => unknown[]) | unknown[];

function simple(code: number): string {
  switch (code) {
    case 0: return 's';
    case 1: return 'n';
    case 2: return 'b';
    case 64: return 's[]';
    case 65: return 'n[]';
    case 128: return 'map';
    case 129: return 'map<n>';
    default: throw new Error(`unknown simple schema code ${code}`);
  }
}

export function buildApiShapesSource(): string {
  const sdk = require('@aws-sdk/client-batch') as Record<string, unknown>;
  const version = (require('@aws-sdk/client-batch/package.json') as { version: string }).version;
  const shapes = new Map<string, { members: [string, string][]; required: number }>();
  const queue: unknown[][] = ROOTS.map((r) => sdk[`${r}$`] as unknown[]);
  const typeOf = (s: Schema): string => {
    if (typeof s === 'number') return simple(s);
    const arr = (typeof s === 'function' ? s() : s) as unknown[];
    // [code, traits]: a simple member with HTTP binding traits (e.g. the tag operations' resourceArn label).
    if (arr.length === 2 && typeof arr[0] === 'number') return simple(arr[0]);
    if (arr[0] === 3) {
      queue.push(arr);
      return `@${arr[2] as string}`;
    }
    if (arr[0] === 1) return `${typeOf(arr[4] as Schema)}[]`;
    if (arr[0] === 2) return `map<${typeOf(arr[5] as Schema)}>`;
    throw new Error(`unknown schema ${JSON.stringify(arr)}`);
  };
  while (queue.length) {
    const s = queue.shift()!;
    const name = s[2] as string;
    if (shapes.has(name)) continue;
    const names = s[4] as string[];
    const types = s[5] as Schema[];
    const entry = { members: [] as [string, string][], required: (s[6] as number | undefined) ?? 0 };
    shapes.set(name, entry);
    names.forEach((m, i) => entry.members.push([m, typeOf(types[i]!)]));
  }
  const lines = [
    '// Generated from @aws-sdk/client-batch ' + version + ' by test/unit/validation/api-shapes-source.ts. Do not edit.',
    '// One line per shape: its name, how many of its first members the model requires, then each',
    '// member as name:type, with a type code (s string, n number, b boolean, map a string map, map<n>',
    '// a number map, @Name a structure, a trailing [] a list). Text, not object literals: the',
    '// validators parse the shapes they use (shape-check.ts), and a command that validates nothing',
    '// builds none of them at start-up.',
    'export const API_SHAPES_TEXT = `',
  ];
  for (const name of [...shapes.keys()].sort()) {
    const { members, required } = shapes.get(name)!;
    lines.push([name, String(required), ...members.map(([m, t]) => `${m}:${t}`)].join(' '));
  }
  lines.push('`;', '');
  return lines.join('\n');
}
