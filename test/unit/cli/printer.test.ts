import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { stripAnsi } from '../../../src/io/color.js';
import { testStreams } from '../../../src/io/iostreams.js';
import { flattenText, printView, type View } from '../../../src/output/printer.js';
import { renderTable, renderTsv } from '../../../src/output/table.js';
import type { OutputFormat } from '../../../src/config.js';

interface Queue {
  jobQueueName: string;
  priority: number;
  state: string;
  jobQueueArn: string;
}

const queues: Queue[] = [
  { jobQueueName: 'high', priority: 900, state: 'ENABLED', jobQueueArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/high' },
  { jobQueueName: 'low', priority: 1, state: 'DISABLED', jobQueueArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/low' },
];

const view: View<Queue> = {
  data: { jobQueues: queues },
  rows: queues,
  columns: [
    { header: 'name', cell: (q) => q.jobQueueName },
    { header: 'state', cell: (q, c) => (q.state === 'ENABLED' ? c.green(q.state) : c.yellow(q.state)) },
    { header: 'priority', cell: (q) => String(q.priority) },
    { header: 'arn', cell: (q) => q.jobQueueArn, wide: true },
  ],
  empty: 'no job queues',
};

async function print<T>(v: View<T>, format: OutputFormat, opts: { query?: string; tty?: boolean; color?: boolean; columns?: number } = {}) {
  const s = testStreams({ tty: opts.tty, color: opts.color, columns: opts.columns });
  await printView(s.io, v, { format, query: opts.query });
  return { out: s.stdout(), err: s.stderr() };
}

describe('printView', () => {
  it('table: upper-case headers, padded columns, no wide columns, no trailing spaces', async () => {
    const { out, err } = await print(view, 'table');
    expect(out).toBe(['NAME   STATE      PRIORITY', 'high   ENABLED    900', 'low    DISABLED   1', ''].join('\n'));
    expect(err).toBe('');
  });

  it('wide: adds the wide columns', async () => {
    const { out } = await print(view, 'wide');
    expect(out.split('\n')[0]).toBe('NAME   STATE      PRIORITY   ARN');
    expect(out).toContain('arn:aws:batch:us-east-1:123456789012:job-queue/low');
  });

  it('table on a narrow terminal truncates the last column with an ellipsis', async () => {
    const { out } = await print({ ...view, columns: view.columns!.map((c) => ({ ...c, wide: false })) }, 'table', { tty: true, columns: 40 });
    for (const line of out.trimEnd().split('\n')) expect(stripAnsi(line).length).toBeLessThanOrEqual(40);
    expect(out).toContain('…');
  });

  it('colours cells only when colour is on', async () => {
    expect((await print(view, 'table', { color: true })).out).toContain('\x1b[32mENABLED\x1b[39m');
    expect((await print(view, 'table', { color: false })).out).not.toContain('\x1b[');
  });

  it('json: the data with AWS field names, not the rows', async () => {
    const { out } = await print(view, 'json');
    expect(JSON.parse(out)).toEqual({ jobQueues: queues });
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('yaml: the data', async () => {
    const { out } = await print(view, 'yaml');
    expect(out).toMatch(/^jobQueues:\n {2}- jobQueueName: high\n/);
    expect(out).toContain('priority: 900');
  });

  it('text: TSV of every column, wide ones included, without headers or colour', async () => {
    const { out } = await print(view, 'text', { color: true });
    expect(out).toBe('high\tENABLED\t900\tarn:aws:batch:us-east-1:123456789012:job-queue/high\nlow\tDISABLED\t1\tarn:aws:batch:us-east-1:123456789012:job-queue/low\n');
  });

  it('text for a non-tabular result: one path<TAB>value line per leaf', async () => {
    const { out } = await print({ data: { a: { b: [1, { c: 'x' }] }, d: null } }, 'text');
    expect(out).toBe('a.b[0]\t1\na.b[1].c\tx\n');
  });

  it('an empty list: nothing on stdout; the hint on stderr only on a terminal', async () => {
    const empty = { ...view, data: { jobQueues: [] }, rows: [] };
    expect(await print(empty, 'table')).toEqual({ out: '', err: '' });
    expect(await print(empty, 'table', { tty: true })).toEqual({ out: '', err: 'no job queues\n' });
    expect(JSON.parse((await print(empty, 'json')).out)).toEqual({ jobQueues: [] });
  });

  it('a describe view prints its human rendering for table and wide, the data for json', async () => {
    const describe: View = { data: { name: 'x' }, human: (_c, wide) => (wide ? 'WIDE x\n' : 'x\n') };
    expect((await print(describe, 'table')).out).toBe('x\n');
    expect((await print(describe, 'wide')).out).toBe('WIDE x\n');
    expect((await print(describe, 'json')).out).toBe('{\n  "name": "x"\n}\n');
  });

  it('a view with neither rows nor human falls back to JSON for table', async () => {
    expect((await print({ data: [1, 2] }, 'table')).out).toBe('[\n  1,\n  2\n]\n');
  });
});

describe('--query', () => {
  it('applies JMESPath to the data; lists of scalars print one per line', async () => {
    expect((await print(view, 'table', { query: 'jobQueues[].jobQueueName' })).out).toBe('high\nlow\n');
    expect((await print(view, 'table', { query: 'jobQueues[?state==`ENABLED`] | [0].priority' })).out).toBe('900\n');
  });
  it('prints lists of lists as TSV and objects flattened, JSON and YAML as such', async () => {
    expect((await print(view, 'text', { query: 'jobQueues[].[jobQueueName, priority]' })).out).toBe('high\t900\nlow\t1\n');
    expect((await print(view, 'table', { query: 'jobQueues[0].{n: jobQueueName}' })).out).toBe('n\thigh\n');
    expect(JSON.parse((await print(view, 'json', { query: 'jobQueues[].priority' })).out)).toEqual([900, 1]);
    expect((await print(view, 'yaml', { query: 'jobQueues[1].state' })).out).toBe('DISABLED\n');
  });
  it('prints nothing for a null result', async () => {
    expect((await print(view, 'table', { query: 'nothing' })).out).toBe('');
  });
  it('a bad expression is a UsageError naming it', async () => {
    await expect(print(view, 'json', { query: 'jobQueues[' })).rejects.toThrow(UsageError);
    await expect(print(view, 'json', { query: 'jobQueues[' })).rejects.toThrow(/--query: invalid JMESPath expression "jobQueues\["/);
  });
});

describe('tables and TSV', () => {
  it('renderTsv strips colour and replaces tabs and newlines inside cells', () => {
    expect(renderTsv([['\x1b[31ma\x1b[39m', 'b\tc', 'd\ne']])).toBe('a\tb c\td e\n');
    expect(renderTsv([])).toBe('');
  });
  it('renderTable measures coloured cells by their visible width', async () => {
    const out = await renderTable({ headers: ['a', 'b'], rows: [['\x1b[32mxx\x1b[39m', 'y']] });
    expect(stripAnsi(out)).toBe('A    B\nxx   y\n');
  });
  it('flattenText of a scalar list', () => {
    expect(flattenText(['a', 'b'])).toBe('[0]\ta\n[1]\tb\n');
  });
});
