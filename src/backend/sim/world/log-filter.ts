/**
 * CloudWatch Logs filter patterns for unstructured text: terms that must all appear (case
 * sensitive), "quoted phrases", `?term` alternatives (any one must appear) and `-term`
 * exclusions. JSON (`{ $.x = 1 }`) and space-delimited (`[a, b]`) patterns are not simulated:
 * they match every event (docs/simulator.md).
 */
function tokens(pattern: string): string[] {
  const out: string[] = [];
  const re = /([?-]?)"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of pattern.matchAll(re)) out.push(m[3] ?? `${m[1]}${m[2]!.replace(/\\(.)/g, '$1')}`);
  return out;
}

export function matchesFilterPattern(pattern: string, message: string): boolean {
  const p = pattern.trim();
  if (p === '' || p.startsWith('{') || p.startsWith('[')) return true;
  const terms = tokens(p);
  const optional = terms.filter((t) => t.startsWith('?')).map((t) => t.slice(1));
  const excluded = terms.filter((t) => t.startsWith('-') && t.length > 1).map((t) => t.slice(1));
  const required = terms.filter((t) => !t.startsWith('?') && !(t.startsWith('-') && t.length > 1));
  if (excluded.some((t) => message.includes(t))) return false;
  if (!required.every((t) => message.includes(t))) return false;
  return optional.length === 0 || optional.some((t) => message.includes(t));
}
