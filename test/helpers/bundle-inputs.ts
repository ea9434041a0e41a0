/**
 * The CLI runs from an esbuild bundle (dist/bundle/, built by src/build/build-dist.mjs), whose
 * chunk files are named by hash. This maps the module URLs a run loaded back to the sources and
 * packages each bundle file holds (dist/bundle/inputs.json), so a test can say "this command
 * never loaded the prompt library" in terms of `node_modules/@inquirer/…` and `src/…`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLE = new URL('../../dist/bundle/', import.meta.url);

/** The source files (repository-relative, e.g. `src/cli/main.ts`, `node_modules/yaml/dist/index.js`) behind the loaded URLs. */
export function loadedSources(urls: readonly string[]): string[] {
  const inputs = JSON.parse(readFileSync(new URL('inputs.json', BUNDLE), 'utf8')) as Record<string, string[]>;
  const dir = fileURLToPath(BUNDLE);
  const out: string[] = [];
  for (const u of urls) {
    if (!u.startsWith('file:')) continue;
    const path = fileURLToPath(u);
    if (path.startsWith(dir)) out.push(...(inputs[path.slice(dir.length)] ?? []));
    else out.push(path);
  }
  return out;
}
