/**
 * `--input FILE`: a request in the AWS API's own shape, as JSON or YAML (like `aws --cli-input-json`).
 * Parse errors name the file, line and column.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { locateJsonError } from '../../domain/json-locate.js';
import { importPackage } from '../../packages.js';

export async function readInputFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const value = looksLikeJson(path, text) ? parseJson(path, text) : await parseYaml(path, text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${path}: the input must be an object (a request in the AWS API's shape), not ${Array.isArray(value) ? 'a list' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function looksLikeJson(path: string, text: string): boolean {
  if (/\.json$/i.test(path)) return true;
  if (/\.ya?ml$/i.test(path)) return false;
  return /^\s*[{[]/.test(text);
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = locateJsonError(text);
    if (at) {
      const { line, column } = lineColumn(text, at.offset);
      throw new UsageError(`${path}:${line}:${column}: invalid JSON: ${at.reason}`);
    }
    throw new UsageError(`${path}: invalid JSON: ${(err as Error).message}`);
  }
}

async function parseYaml(path: string, text: string): Promise<unknown> {
  const YAML = await importPackage<typeof import('yaml')>('yaml');
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0];
    const where = at ? `${path}:${at.line}:${at.col}` : path;
    throw new UsageError(`${where}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
