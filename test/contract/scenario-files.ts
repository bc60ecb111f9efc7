/**
 * The contract scenarios, each once, for both suites (sim.test.ts and aws-moto.test.ts).
 *
 * scenarios/index.ts decides the order: it re-exports every scenario file's list. Each scenario is
 * labelled with the file that defines it, found by reading the other files of scenarios/ (index.ts
 * itself and helpers.ts define none). A scenario defined in a file but missing from index.ts, or
 * listed twice, is an error here, so a new scenario file cannot run in one suite and not the other
 * (or twice in both).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario } from './scenario.js';
import { scenarios } from './scenarios/index.js';

export interface ScenarioEntry {
  /** The file under scenarios/ that defines the scenario (jobs.ts). */
  file: string;
  scenario: Scenario;
}

const isScenario = (v: unknown): v is Scenario =>
  typeof v === 'object' && v !== null && typeof (v as Scenario).name === 'string' && typeof (v as Scenario).run === 'function';

/** Every scenario of scenarios/index.ts, in its order, once each, with the file defining it. */
export async function loadScenarios(): Promise<ScenarioEntry[]> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(f) && f !== 'index.ts')
    .sort();
  const fileOf = new Map<Scenario, string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      for (const s of Array.isArray(value) ? value : [value]) {
        if (!isScenario(s)) continue;
        const other = fileOf.get(s);
        if (other !== undefined && other !== file) throw new Error(`scenario "${s.name}" is exported by both ${other} and ${file}`);
        fileOf.set(s, file);
      }
    }
  }
  const seen = new Set<Scenario>();
  const out: ScenarioEntry[] = [];
  for (const s of scenarios) {
    if (seen.has(s)) throw new Error(`scenarios/index.ts lists "${s.name}" twice`);
    seen.add(s);
    const file = fileOf.get(s);
    if (file === undefined) throw new Error(`scenarios/index.ts lists "${s.name}", which no file in scenarios/ exports`);
    out.push({ file, scenario: s });
  }
  const missing = [...fileOf].filter(([s]) => !seen.has(s)).map(([s, f]) => `${f}: ${s.name}`);
  if (missing.length > 0) throw new Error(`scenarios/index.ts does not list: ${missing.join('; ')}`);
  return out;
}
