/**
 * The bundled questionnaire's built form: the model the full loader (./load.ts) makes of the YAML
 * — composed, linted, error-free — written as JSON at build time (src/build/build-dist.mjs), so a
 * command that uses the bundled questionnaire parses about 100 KB of JSON (under 1 ms) instead of
 * loading `yaml`, compose and lint (≈ 130 ms cold).
 *
 * Never silently stale: the built form holds the exact text of the YAML it was made from, and
 * every load reads the YAML and compares the two byte for byte. That is exact, and cheaper than
 * a hash: hashing 47 KB takes ≈ 0.3 ms, but loading node:crypto to do it took 2–3 ms of a
 * ≈ 40 ms start-up; a byte comparison of 47 KB takes microseconds.
 * Any difference, or a built form that does not parse or has another format, is `unusable` with a
 * reason: the caller then loads the YAML with the full loader and says why. A built form that is
 * simply absent (running from the TypeScript sources, or a build without it) is `absent`.
 * User questionnaires never come here.
 */
import { readFileSync } from 'node:fs';
import type { Questionnaire } from './model.js';

/** Changes whenever the shape of the model (./model.ts) or of this file changes. */
export const BUILT_FORMAT = 'sciatica-screen/built-questionnaire@2';

interface BuiltFile {
  readonly format: string;
  /** The YAML file it was built from: its SHA-256 (= `questionnaire.sha256`), size and text (UTF-8, BOM kept). */
  readonly yaml: { readonly sha256: string; readonly size: number; readonly text: string };
  /** The model, with every `file` (the questionnaire's own and each position's) stored as "". */
  readonly questionnaire: Questionnaire;
}

export type BuiltLoad =
  | { readonly kind: 'loaded'; readonly questionnaire: Questionnaire }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unusable'; readonly reason: string };

/**
 * The built form of `questionnaire`, as the full loader returned it from the YAML file `yaml`, as
 * JSON text. Positions lose their `file` (the install path differs from the build path); the
 * loader puts back the path it is given. Throws when `yaml` is not UTF-8 (it could not be compared).
 */
export function builtQuestionnaireJson(questionnaire: Questionnaire, yaml: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(yaml);
  const built: BuiltFile = { format: BUILT_FORMAT, yaml: { sha256: questionnaire.sha256, size: yaml.length, text }, questionnaire };
  return `${JSON.stringify(built, (key, value: unknown) => (key === 'file' && typeof value === 'string' ? '' : value))}\n`;
}

/**
 * Loads the built form at `builtPath` of the YAML questionnaire at `yamlPath`, checking it was built
 * from exactly that YAML's bytes. `file` becomes `Questionnaire.file` and the file of every position
 * (as the full loader would name it). The result is deeply frozen, like the full loader's.
 * Errors reading the YAML are not reported here: they make the load `unusable`, and the full loader
 * that follows reports them as it always does.
 */
export async function loadBuiltQuestionnaire(yamlPath: string | URL, builtPath: string | URL, file: string): Promise<BuiltLoad> {
  let text: string;
  try {
    // Read synchronously: two small files of the installed package, read once at start-up, where
    // each asynchronous read cost a few round trips to the thread pool (about 1 ms each, measured).
    text = readFileSync(builtPath, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unusable', reason: `its built form cannot be read (${(e as Error).message})` };
  }
  let built: BuiltFile;
  try {
    built = JSON.parse(text) as BuiltFile;
  } catch {
    return { kind: 'unusable', reason: 'its built form is not valid JSON' };
  }
  if (built === null || typeof built !== 'object' || built.format !== BUILT_FORMAT || typeof built.yaml?.text !== 'string') {
    return { kind: 'unusable', reason: `its built form is not in the format ${BUILT_FORMAT}` };
  }
  let yaml: Buffer;
  try {
    yaml = readFileSync(yamlPath);
  } catch {
    return { kind: 'unusable', reason: 'its YAML cannot be read' };
  }
  if (yaml.length !== built.yaml.size || !yaml.equals(Buffer.from(built.yaml.text, 'utf8'))) {
    return { kind: 'unusable', reason: 'its YAML changed after the build' };
  }
  return { kind: 'loaded', questionnaire: withFileAndFrozen(built.questionnaire, file) };
}

/**
 * Sets every `file` property to `file`, gives a scale question's `anchors` the null prototype the
 * full loader gives it (a map keyed by point), and freezes everything reachable, in one walk. The
 * test that the built form equals the full loader's model (test/perf-equivalence) compares
 * prototypes too, so a model change that needs more here cannot pass unnoticed.
 */
function withFileAndFrozen<T>(value: T, file: string): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (key === 'file' && typeof o[key] === 'string') o[key] = file;
      else if (key === 'anchors' && o.type === 'scale') o[key] = Object.freeze(Object.assign(Object.create(null) as object, o[key]));
      else stack.push(o[key]);
    }
    Object.freeze(o);
  }
  return value;
}
