/**
 * V8's code cache for the CLI bundle (dist/bundle/, CommonJS): `bin/` calls `useCodeCache` before
 * it loads the bundle, and each bundle file `X.js` is then compiled with the cache `X.js.cache`
 * beside it, written by the build (src/build/build-dist.mjs runs a few commands in-process and
 * saves what V8 compiled for them). Compiling the ~20 files a command loads was the largest part
 * of its start-up; with the cache V8 reads the compiled code instead (README "Performance").
 *
 * Nothing here writes: a missing cache, one V8 refuses (another Node version or flags, a changed
 * file, a damaged cache: V8 checks) or any error means the file is compiled as Node always does.
 * Files outside the bundle folder are never touched. Node 22 has `module.enableCompileCache()`,
 * but it writes its cache at run time; Node 20 has none.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What this file relies on from Node's CommonJS loader (stable since Node 0.x; v8-compile-cache uses the same). */
interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
interface CjsLoader {
  wrap(source: string): string;
  prototype: { _compile(this: CjsModule, content: string, filename: string, ...more: unknown[]): unknown };
}

/** The cache of `file`, beside it. */
export function cacheFileOf(file: string): string {
  return `${file}.cache`;
}

/** Compiles the module source `content` of `filename` as Node's loader wraps it, with `cachedData` when given. */
export function compileWrapped(content: string, filename: string, cachedData?: Buffer): Script {
  return new Script((Module as unknown as CjsLoader).wrap(content), { filename, ...(cachedData === undefined ? {} : { cachedData }) });
}

/**
 * From now on, every CommonJS file under `folder` (ending in a path separator) is compiled with its
 * cache when it has one. `onScript`: called with each script compiled there (for the build).
 */
export function useCodeCache(folder: string, onScript?: (filename: string, script: Script) => void): void {
  const loader = Module as unknown as CjsLoader;
  const original = loader.prototype._compile;
  // Any further arguments (newer Node passes the module's format) go through unchanged.
  loader.prototype._compile = function compileWithCache(this: CjsModule, content: string, filename: string, ...more: unknown[]): unknown {
    if (!filename.startsWith(folder)) return original.call(this, content, filename, ...more);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFileOf(filename));
    } catch {
      cachedData = undefined;
    }
    if (cachedData === undefined && onScript === undefined) return original.call(this, content, filename, ...more);
    let wrapper: (...args: unknown[]) => unknown;
    let script: Script;
    try {
      script = compileWrapped(content, filename, cachedData);
      wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    } catch {
      return original.call(this, content, filename, ...more);
    }
    onScript?.(filename, script);
    const mod = this;
    const require = (id: string): unknown => mod.require(id);
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };
}
