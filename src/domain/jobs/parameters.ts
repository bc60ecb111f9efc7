/**
 * `Ref::name` parameter substitution in a container command (spec/04 §13, spec/07 §3.3): the job
 * definition's `parameters` are defaults, SubmitJob `parameters` win.
 *
 * Decisions (docs/simulator.md):
 * - Only a command element that is exactly `Ref::name` is replaced; a placeholder inside a longer
 *   string (`"echo Ref::name"`) is left alone. This is why AWS users write
 *   `["sh","-c","echo $0","Ref::name"]`; the simulator's tiny shell supports `$0..$9` for that idiom.
 * - An unresolved `Ref::x` (no default, not submitted) is passed through literally, as AWS does; it
 *   is reported in `unresolved` so the CLI can warn (and fail with --strict).
 * - Names are case-sensitive and may contain any character but whitespace.
 */

/** The prefix of a placeholder. */
export const REF_PREFIX = 'Ref::';

const REF_RE = /^Ref::(\S+)$/;

/** Definition defaults overlaid with the submitted parameters (submit wins). */
export function mergeParameters(
  definitionDefaults: Record<string, string> | undefined,
  submitted: Record<string, string> | undefined,
): Record<string, string> {
  return { ...(definitionDefaults ?? {}), ...(submitted ?? {}) };
}

/** The parameter name of a whole-element placeholder (`Ref::codec` -> `codec`), else undefined. */
export function placeholderName(element: string): string | undefined {
  const m = REF_RE.exec(element);
  return m ? m[1] : undefined;
}

/** Every distinct placeholder name a command uses, in first-use order. */
export function placeholdersIn(command: readonly string[] | undefined): string[] {
  const names: string[] = [];
  for (const el of command ?? []) {
    const name = placeholderName(el);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The command after substitution, and the placeholder names that had no value (left as `Ref::x`). */
export interface SubstitutionResult {
  command: string[];
  unresolved: string[];
}

/** Replaces each whole-element `Ref::name` by `parameters[name]`; unknown names pass through literally. */
export function substituteParameters(command: readonly string[] | undefined, parameters: Record<string, string>): SubstitutionResult {
  const unresolved: string[] = [];
  const out = (command ?? []).map((el) => {
    const name = placeholderName(el);
    if (name === undefined) return el;
    if (Object.prototype.hasOwnProperty.call(parameters, name)) return parameters[name] as string;
    if (!unresolved.includes(name)) unresolved.push(name);
    return el;
  });
  return { command: out, unresolved };
}

/** Placeholders a definition's command uses that have no default: they must be supplied at submit. */
export function placeholdersWithoutDefault(command: readonly string[] | undefined, defaults: Record<string, string> | undefined): string[] {
  return placeholdersIn(command).filter((n) => !Object.prototype.hasOwnProperty.call(defaults ?? {}, n));
}
