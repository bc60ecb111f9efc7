/**
 * How a command meets the files it writes to: output not for a terminal goes straight to the file
 * descriptor (src/io/iostreams.ts), a reader that goes away ends the output quietly, and a
 * command that only reads leaves the simulator's store as it was (docs/simulator.md).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../helpers/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

/** Runs the CLI with its stdout on the given descriptor (a file, /dev/null) or on a pipe closed at once. */
function runWithStdout(args: string[], stdout: number | 'closed-pipe'): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: box.env, stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'] });
    if (stdout === 'closed-pipe') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output', () => {
  it('to a file is what a pipe gets, byte for byte', async () => {
    const piped = await box.run(['completion', 'zsh']);
    expect(piped.code).toBe(0);
    const file = join(box.dir, 'out.zsh');
    const fd = openSync(file, 'w');
    try {
      const r = await runWithStdout(['completion', 'zsh'], fd);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });

  it('to /dev/null (a character device, not a terminal) succeeds', async () => {
    const fd = openSync('/dev/null', 'w');
    try {
      const r = await runWithStdout(['config', 'list'], fd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    } finally {
      closeSync(fd);
    }
  });

  it('to a reader that went away (`| head`) ends quietly: exit 0, nothing on stderr', async () => {
    const r = await runWithStdout(['completion', 'bash'], 'closed-pipe');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('the simulator store', () => {
  it('is not written by commands that only read; its write-ahead log stays after a command that writes', async () => {
    expect((await box.run(['policy', 'create', 'p1', '--yes'])).code).toBe(0);
    const db = join(box.home, 'sim.db');
    // The write-ahead log is left for the next command (SQLite reads it back at open).
    expect(existsSync(`${db}-wal`)).toBe(true);
    const files = () => [db, `${db}-wal`].map((f) => `${statSync(f).size}:${statSync(f).mtimeMs}`);
    const before = files();
    for (const args of [['policy', 'list'], ['ce', 'list'], ['queue', 'list'], ['job', 'list'], ['sim', 'status']]) {
      const r = await box.run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(files()).toEqual(before);
    // What the log holds is there for the next process.
    expect((await box.run(['policy', 'list', '-o', 'text'])).stdout).toContain('p1');
  });
});
