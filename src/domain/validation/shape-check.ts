/**
 * Structural checks generated from the API model: required members, member types, and members
 * the shape does not have. Rules in the other files assume a value that passed these.
 */
import { API_SHAPES_TEXT } from './api-shapes.js';
import { type IssueList, join } from './issue.js';

export interface ApiShape {
  /** The first `required` members are required by the model. */
  required: number;
  members: Record<string, string>;
}

type Unknown = 'error' | 'ignore';

let shapeLines: Map<string, string> | undefined;
const shapes = new Map<string, ApiShape>();

/** A shape of the API model, parsed from api-shapes.ts's text the first time a validator asks for it. */
export function apiShape(name: string): ApiShape | undefined {
  let shape = shapes.get(name);
  if (shape) return shape;
  shapeLines ??= new Map(API_SHAPES_TEXT.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(' ')), line]));
  const line = shapeLines.get(name);
  if (!line) return undefined;
  const [, required, ...members] = line.split(' ');
  shape = { required: Number(required), members: Object.fromEntries(members.map((m) => [m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 1)])) };
  shapes.set(name, shape);
  return shape;
}

function describe(type: string): string {
  if (type === 's') return 'a string';
  if (type === 'n') return 'a number';
  if (type === 'b') return 'a boolean';
  if (type.endsWith('[]')) return 'a list';
  if (type.startsWith('map')) return 'a map of strings';
  return 'an object';
}

function checkValue(type: string, value: unknown, path: string, out: IssueList, unknown: Unknown): void {
  if (value === undefined || value === null) return;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return out.error(path, `must be ${describe(type)}`);
    const item = type.slice(0, -2);
    value.forEach((v, i) => {
      if (v === undefined || v === null) out.error(join(path, i), 'must not be null');
      else checkValue(item, v, join(path, i), out, unknown);
    });
    return;
  }
  if (type.startsWith('map')) {
    if (typeof value !== 'object' || Array.isArray(value)) return out.error(path, `must be ${describe(type)}`);
    const itemType = type === 'map' ? 's' : type === 'map<n>' ? 'n' : type.slice(4, -1);
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) out.error(join(path, k), 'must not be null');
      else checkValue(itemType, v, join(path, k), out, unknown);
    }
    return;
  }
  if (type.startsWith('@')) {
    if (typeof value !== 'object' || Array.isArray(value)) return out.error(path, 'must be an object');
    return checkShape(type.slice(1), value as Record<string, unknown>, path, out, unknown);
  }
  const ok = type === 's' ? typeof value === 'string' : type === 'n' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'boolean';
  if (!ok) out.error(path, `must be ${describe(type)}`);
}

/** Checks `value` against the named API shape, recursively, adding issues under `path`. */
export function checkShape(shapeName: string, value: Record<string, unknown>, path: string, out: IssueList, unknown: Unknown = 'error'): void {
  const shape = apiShape(shapeName);
  if (!shape) throw new Error(`no API shape ${shapeName}`);
  const names = Object.keys(shape.members);
  names.slice(0, shape.required).forEach((m) => {
    if (value[m] === undefined || value[m] === null) out.error(join(path, m), 'is required');
  });
  for (const [k, v] of Object.entries(value)) {
    const type = shape.members[k];
    if (type === undefined) {
      if (unknown === 'error') out.error(join(path, k), `is not a member of ${shapeName}`);
      continue;
    }
    checkValue(type, v, join(path, k), out, unknown);
  }
}

/** Runs the structural check on a whole request; `root` issues come back in `out`. */
export function checkRequest(shapeName: string, input: unknown, out: IssueList, unknown: Unknown = 'error'): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    out.error('', `the ${shapeName.replace(/Request$/, '')} input must be a JSON object`);
    return false;
  }
  const before = out.items.length;
  checkShape(shapeName, input as Record<string, unknown>, '', out, unknown);
  // Unknown members do not stop the rules; wrong types and missing members do.
  return !out.items.slice(before).some((i) => !/is not a member of/.test(i.message));
}
