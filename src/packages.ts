/**
 * Loading packages that stay in node_modules (the SDK clients, yaml, jmespath, Ink) at the moment a
 * command needs them.
 *
 * Why not a plain `import()`: the built CLI is one CommonJS bundle that bin/batchctl.js compiles with
 * a V8 code cache (node:vm), so that a start-up does not re-compile it. Code compiled by node:vm
 * cannot call `import()` on Node 20 without an experimental flag, so bin/batchctl.js lends the
 * bundle its own `import()` as the package host, and every package import goes through here. Run
 * from the sources (vitest), there is no host and this is an ordinary dynamic import.
 *
 * Ink is ES-module-only with top-level await, so it cannot be `require`d either: the bundle maps
 * `import … from 'ink'` to the host's copy (scripts/build.mjs), which `enterInk` loads first.
 */

/** What bin/batchctl.js installs on globalThis under PACKAGE_HOST. */
export interface PackageHost {
  import(specifier: string): Promise<unknown>;
  /** A package already imported through the host (the bundle's `ink` module reads Ink from here). */
  loaded(specifier: string): unknown;
  /** `require.resolve` from the installed package: where a file of a dependency is. */
  resolve(specifier: string): string;
}

export const PACKAGE_HOST = Symbol.for('batchctl.packageHost');

function host(): PackageHost | undefined {
  return (globalThis as { [PACKAGE_HOST]?: PackageHost })[PACKAGE_HOST];
}

/** `import(specifier)` for a package in node_modules (or a Node built-in); the caller names the module's type. */
export function importPackage<T>(specifier: string): Promise<T> {
  const h = host();
  return (h ? h.import(specifier) : import(specifier)) as Promise<T>;
}

/**
 * The path of a file inside a dependency, when the bundle runs (the host knows where node_modules
 * is); undefined from the sources, or when the file is not there.
 */
function packageFile(specifier: string): string | undefined {
  try {
    return host()?.resolve(specifier);
  } catch {
    return undefined;
  }
}

const addons = new Map<string, object>();

/**
 * A dependency's native addon, loaded from its file with process.dlopen when the bundle runs
 * (require() would resolve the path and its real path again, and read package.json files on the
 * way); undefined from the sources, or when the file is not there. Loaded once per process.
 */
export function packageAddon(specifier: string): object | undefined {
  const file = packageFile(specifier);
  if (!file) return undefined;
  let addon = addons.get(file);
  if (!addon) {
    const m = { exports: {} };
    process.dlopen(m, file);
    addon = m.exports;
    addons.set(file, addon);
  }
  return addon;
}

/**
 * Loads a module whose code imports Ink (the dashboard, the setup wizard) after Ink itself, so that
 * in the bundle its `import … from 'ink'` finds Ink already loaded.
 */
export async function enterInk<T>(load: () => Promise<T>): Promise<T> {
  if (host()) await importPackage('ink');
  return load();
}
