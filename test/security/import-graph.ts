/**
 * The static import graph of the program, from its entry points down into node_modules: which
 * Node built-in modules can be loaded at all, and by which chain of imports. Used by
 * no-network.test.ts to prove that nothing the tool runs can open a connection.
 *
 * Static means: every `import … from`, `import '…'`, `export … from`, `import('…')` with a string
 * literal and `require('…')`, whether or not the code path is ever taken. That over-approximates
 * what runs, which is the safe direction for this promise. Source files under src/ are read as
 * TypeScript (a `./x.js` specifier names `./x.ts`); packages are resolved through their
 * `exports`/`imports`/`main` with the conditions Node uses for `import` (and `require` for CJS).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const BUILTINS = new Set(builtinModules);

export interface Reach {
  /** A built-in module (without `node:`), e.g. `http`. */
  readonly builtin: string;
  /** The chain of files from an entry point to the importing file (paths relative to root). */
  readonly chain: readonly string[];
}

export interface GraphOptions {
  /** The project root (holds node_modules/ and package.json). */
  readonly root: string;
  /** Replaces the text of some files (absolute path → text): plants a test import without touching disk. */
  readonly overlay?: ReadonlyMap<string, string>;
  /** Files not to read (reached, recorded in `visited`, but their imports not followed). */
  readonly stopAt?: (file: string) => boolean;
  /** Filled with every file reached. */
  readonly visited?: Set<string>;
}

/** Import specifiers in a JS or TS text (comments removed first, so examples in comments do not count). */
export function specifiersIn(text: string, lineComments = true): string[] {
  // Line comments are removed only from our own sources: in minified code `//` may sit inside a
  // string or a regular expression, and removing the rest of that line could hide an import.
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, ' ');
  const code = lineComments ? noBlocks.replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1') : noBlocks;
  const out: string[] = [];
  // Minified code too: `import{a}from"x"`, `export*from"x"`, esbuild's `__require("x")`.
  const patterns = [
    /(?<![\w$.])import\s*(?:type\s+)?[^;'"`()]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /(?<![\w$.])export\s*(?:type\s+)?[^;'"`()]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /(?<![\w$.])import\s*['"]([^'"]+)['"]/g,
    /(?<![\w$.])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /(?<![\w$.])(?:__)?require\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1] as string);
  // `import type … from` brings in nothing at run time.
  const typeOnly = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$.])(?:import|export)\s+type\s+[^;'"`()]*?\bfrom\s*['"]([^'"]+)['"]/g)) typeOnly.add(m[1] as string);
  const valueImports = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$.])(?:import|export)(?!\s+type\b)\s*[^;'"`()]*?\bfrom\s*['"]([^'"]+)['"]/g)) valueImports.add(m[1] as string);
  return out.filter((s) => !typeOnly.has(s) || valueImports.has(s));
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Picks a target from an `exports`/`imports` value with Node's conditions for an ESM import. */
function pickTarget(value: unknown, conditions: readonly string[]): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = pickTarget(v, conditions);
      if (t) return t;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'default' || conditions.includes(k)) {
        const t = pickTarget(v, conditions);
        if (t) return t;
      }
    }
  }
  return undefined;
}

interface PackageJson {
  name?: string;
  main?: string;
  exports?: unknown;
  imports?: Record<string, unknown>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The nearest folder at or above `file` that holds a package.json. */
function packageDirOf(file: string): string | undefined {
  let dir = dirname(file);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function withExtension(p: string, ts: boolean): string | undefined {
  const candidates = ts
    ? [p.replace(/\.js$/, '.ts'), p, `${p}.ts`, join(p, 'index.ts')]
    : [p, `${p}.js`, `${p}.cjs`, `${p}.mjs`, `${p}.json`, join(p, 'index.js')];
  return candidates.find(isFile);
}

function readPackageType(file: string): string | undefined {
  const dir = packageDirOf(file);
  return dir ? (readPackage(dir) as { type?: string }).type : undefined;
}

function resolveInPackage(pkgDir: string, subpath: string, conditions: readonly string[]): string | undefined {
  const pkg = readPackage(pkgDir);
  if (pkg.exports !== undefined) {
    const exp = pkg.exports;
    let target: string | undefined;
    const isSubpathMap = typeof exp === 'object' && exp !== null && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'));
    if (isSubpathMap) {
      const map = exp as Record<string, unknown>;
      if (map[subpath] !== undefined) target = pickTarget(map[subpath], conditions);
      else {
        for (const [k, v] of Object.entries(map)) {
          const star = k.indexOf('*');
          if (star < 0) continue;
          const head = k.slice(0, star);
          const tail = k.slice(star + 1);
          if (subpath.startsWith(head) && subpath.endsWith(tail)) {
            const t = pickTarget(v, conditions);
            if (t) target = t.replace('*', subpath.slice(head.length, subpath.length - tail.length));
          }
        }
      }
    } else if (subpath === '.') target = pickTarget(exp, conditions);
    return target ? withExtension(resolve(pkgDir, target), false) : undefined;
  }
  if (subpath === '.') return withExtension(resolve(pkgDir, pkg.main ?? 'index.js'), false);
  return withExtension(resolve(pkgDir, subpath), false);
}

function resolveBare(spec: string, fromFile: string, conditions: readonly string[]): string | undefined {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
  const subpath = spec === name ? '.' : `./${spec.slice(name.length + 1)}`;
  // A package may import itself by its own name (through its exports).
  const own = packageDirOf(fromFile);
  if (own && readPackage(own).name === name) return resolveInPackage(own, subpath, conditions);
  let dir = dirname(fromFile);
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return resolveInPackage(candidate, subpath, conditions);
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function resolveHash(spec: string, fromFile: string, conditions: readonly string[]): string | undefined {
  const pkgDir = packageDirOf(fromFile);
  if (!pkgDir) return undefined;
  const target = pickTarget(readPackage(pkgDir).imports?.[spec], conditions);
  return target ? withExtension(resolve(pkgDir, target), false) : undefined;
}

/**
 * Every import of a built-in module reachable from `entries` (absolute paths): one `Reach` per
 * importing file and built-in, with a shortest chain from an entry point. Throws when a specifier
 * cannot be resolved: an unresolved import would hide what is behind it.
 */
export function reachableBuiltins(entries: readonly string[], options: GraphOptions): Reach[] {
  const found: Reach[] = [];
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = entries.map((e) => ({ file: e, chain: [relative(options.root, e)] }));
  for (const e of entries) seen.add(e);
  while (queue.length > 0) {
    const { file, chain } = queue.shift() as { file: string; chain: string[] };
    options.visited?.add(file);
    if (options.stopAt?.(file)) continue;
    const text = options.overlay?.get(file) ?? readFileSync(file, 'utf8');
    if (file.endsWith('.json')) continue;
    const ts = file.endsWith('.ts');
    const cjs = file.endsWith('.cjs') || (!file.endsWith('.mjs') && !ts && readPackageType(file) !== 'module');
    const conditions = cjs ? ['require', 'node'] : ['import', 'node'];
    for (const spec of specifiersIn(text, ts)) {
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      const top = bare.split('/')[0] as string;
      if (spec.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(top)) {
        if (!found.some((r) => r.builtin === top && r.chain.at(-2) === chain.at(-1))) found.push({ builtin: top, chain: [...chain, spec] });
        continue;
      }
      let target: string | undefined;
      if (spec.startsWith('.') || spec.startsWith('/')) target = withExtension(resolve(dirname(file), spec), ts);
      else if (spec.startsWith('#')) target = resolveHash(spec, file, conditions);
      else target = resolveBare(spec, file, conditions);
      if (!target) throw new Error(`cannot resolve '${spec}' imported by ${relative(options.root, file)}`);
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push({ file: target, chain: [...chain, relative(options.root, target)] });
    }
  }
  return found;
}
