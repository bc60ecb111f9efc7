/**
 * Printers: one place decides how a command's result reaches stdout for each `-o` format and
 * `--query`. A command hands over a `View`: the AWS-shaped `data` (what json/yaml/text/--query
 * see, with AWS's field names) plus, for people, either table columns or a text renderer.
 */
import type { OutputFormat } from '../config.js';
import type { IOStreams } from '../io/iostreams.js';
import { palette, type Palette } from '../io/color.js';
import { UsageError } from '../errors.js';
import { renderTable, renderTsv } from './table.js';
import { importPackage } from '../packages.js';

export interface Column<T> {
  header: string;
  /** The cell for a row; colour with `c` (a no-op palette when colour is off). */
  cell(row: T, c: Palette): string;
  /** Shown only with `-o wide`. */
  wide?: boolean;
}

export interface View<T = unknown> {
  /** What json, yaml, text and --query print: the API's own shape and field names. */
  data: unknown;
  /** Rows and columns for table/wide/text. */
  rows?: T[];
  columns?: Column<T>[];
  /** A human rendering for table/wide when the result is not a list (describe views). */
  human?: (c: Palette, wide: boolean) => string;
  /** Said on stderr (TTY only) when `rows` is empty, instead of an empty table. */
  empty?: string;
}

export interface PrintOptions {
  format: OutputFormat;
  query?: string;
}

export async function printView<T>(io: IOStreams, view: View<T>, opts: PrintOptions): Promise<void> {
  let data = view.data;
  if (opts.query) {
    data = await applyQuery(data, opts.query);
    io.out(await formatQueried(data, opts.format));
    return;
  }
  switch (opts.format) {
    case 'json':
      io.out(JSON.stringify(data, null, 2) + '\n');
      return;
    case 'yaml':
      io.out(await toYaml(data));
      return;
    case 'text':
      if (view.rows && view.columns) {
        const cols = view.columns;
        const plain = palette(false);
        io.out(renderTsv(view.rows.map((r) => cols.map((col) => col.cell(r, plain)))));
      } else {
        io.out(flattenText(data));
      }
      return;
    case 'table':
    case 'wide': {
      const wide = opts.format === 'wide';
      const c = io.color();
      if (view.rows && view.columns) {
        if (view.rows.length === 0) {
          if (view.empty && io.isStderrTTY()) io.err(c.dim(view.empty) + '\n');
          return;
        }
        const cols = view.columns.filter((col) => wide || !col.wide);
        io.out(
          await renderTable({
            headers: cols.map((col) => col.header),
            rows: view.rows.map((r) => cols.map((col) => col.cell(r, c))),
            maxWidth: io.isStdoutTTY() && !wide ? io.columns() : undefined,
            bold: c.bold,
          }),
        );
      } else if (view.human) {
        io.out(view.human(c, wide));
      } else {
        io.out(JSON.stringify(data, null, 2) + '\n');
      }
      return;
    }
  }
}

/** Applies a JMESPath expression (as the AWS CLI's --query does); a bad expression is a UsageError. */
export async function applyQuery(data: unknown, expression: string): Promise<unknown> {
  const jmespath = (await importPackage<{ default: typeof import('jmespath') }>('jmespath')).default;
  try {
    return jmespath.search(data as never, expression);
  } catch (err) {
    throw new UsageError(`--query: invalid JMESPath expression "${expression}": ${(err as Error).message}`, 'see https://jmespath.org for the syntax');
  }
}

async function formatQueried(data: unknown, format: OutputFormat): Promise<string> {
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  if (format === 'yaml') return toYaml(data);
  // table, wide and text: scalars plainly, lists of scalars one per line, lists of lists as TSV.
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object') return String(data) + '\n';
  if (Array.isArray(data) && data.every((x) => x === null || typeof x !== 'object')) return data.map((x) => String(x ?? '')).join('\n') + (data.length ? '\n' : '');
  if (Array.isArray(data) && data.every((x) => Array.isArray(x))) return renderTsv((data as unknown[][]).map((r) => r.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x ?? '')))));
  return flattenText(data);
}

async function toYaml(data: unknown): Promise<string> {
  const YAML = await importPackage<typeof import('yaml')>('yaml');
  return YAML.stringify(data ?? null, { lineWidth: 0 });
}

/** `-o text` for non-tabular results: one `path<TAB>value` line per leaf, like a flattened document. */
export function flattenText(data: unknown): string {
  const lines: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
    } else {
      lines.push(`${path}\t${String(value)}`);
    }
  };
  walk(data, '');
  return lines.length ? lines.join('\n') + '\n' : '';
}
