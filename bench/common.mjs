// What the benchmarks share: where the project and its built simulator are, numeric flags, medians.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The simulator as a stand-alone ES module (scripts/build.mjs builds it beside the CLI). */
export const SIM = pathToFileURL(join(ROOT, 'dist', 'backend', 'sim', 'index.js')).href;

/** `--name N` from the command line, as a number; `dflt` when absent. */
export function flag(name, dflt) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
