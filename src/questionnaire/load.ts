/**
 * Loading a questionnaire: bytes → YAML with positions → model → lint → a deeply frozen
 * `Questionnaire`. Every problem is collected with file:line:col and a stable code
 * (see ./problem-codes.ts); nothing is thrown for a bad file except by `loadQuestionnaire`,
 * which turns errors into one ScreenError.
 */
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EXIT, fileErrorReason, ScreenError, type Problem } from '../errors.js';
import type { Questionnaire } from './model.js';
import { composeQuestionnaire } from './compose-questionnaire.js';
import { lintQuestionnaire } from './lint.js';
import { MAX_QUESTIONNAIRE_BYTES, readYaml } from './read-yaml.js';
import { deepFreeze } from './deep-freeze.js';

export { MAX_QUESTIONNAIRE_BYTES } from './read-yaml.js';

export interface ParseResult {
  /** Present iff no problem has severity `error`. Deeply frozen. */
  readonly questionnaire?: Questionnaire;
  /** Every problem found (errors, warnings, infos), ordered by position. */
  readonly problems: Problem[];
}

/** Parses, checks and lints questionnaire text or bytes. `file` names it in every problem. */
export function parseQuestionnaire(text: string | Uint8Array, file: string): ParseResult {
  return checkQuestionnaire(text, file);
}

/**
 * parseQuestionnaire for a file read by `readQuestionnaireBytes`: `size` is the whole file's
 * size, which is larger than `bytes` when only the first bytes of an oversized file were read.
 */
export function checkQuestionnaire(bytes: string | Uint8Array, file: string, size?: number): ParseResult {
  const { reader, doc, sha256 } = readYaml(bytes, file, size);
  if (!doc) return { problems: sorted(reader.problems) };
  const composed = composeQuestionnaire(reader, doc, sha256);
  if (!composed) return { problems: sorted(reader.problems) };
  const errorsSoFar = reader.problems.some((p) => p.severity === 'error');
  lintQuestionnaire(composed.questionnaire, (code, message, pos) => reader.report(code, message, pos), {
    errorsSoFar,
    untyped: composed.untyped,
    rulePositions: composed.rulePositions,
    ...(composed.unscreenedSourcePositions ? { unscreenedSourcePositions: composed.unscreenedSourcePositions } : {}),
    ...(composed.startPos ? { startPos: composed.startPos } : {}),
  });
  const problems = sorted(reader.problems);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { questionnaire: deepFreeze(composed.questionnaire), problems };
}

/**
 * Reads and parses a questionnaire file. Throws ScreenError: `input.not-found` /
 * `input.unreadable` (exit 66) when it cannot be read, `questionnaire.invalid` (exit 78, with
 * `problems`) when it has errors. Warnings do not stop it. Messages (and `Questionnaire.file`)
 * name the file `shownAs` (e.g. as the user typed it) or else the path: a string as is, a URL
 * as its file path.
 */
export async function loadQuestionnaire(path: string | URL, shownAs?: string): Promise<Questionnaire> {
  const file = shownAs ?? (typeof path === 'string' ? path : fileURLToPath(path));
  const { bytes, size } = await readQuestionnaireBytes(path, file);
  const { questionnaire, problems } = checkQuestionnaire(bytes, file, size);
  if (!questionnaire) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new ScreenError('questionnaire.invalid', EXIT.config, `${file} is not a valid questionnaire (${errors.length} error${errors.length === 1 ? '' : 's'})`, errors);
  }
  return questionnaire;
}

/**
 * The file's bytes and size; for a file over the size cap only its first bytes (the loader then
 * reports `input.too-large` without reading the rest). A pipe or device (`/dev/stdin`,
 * `<(…)`) is read to its end or the cap, whatever its stat size says; its `size` is then unknown.
 * Throws ScreenError (exit 66).
 */
export async function readQuestionnaireBytes(path: string | URL, file: string): Promise<{ bytes: Uint8Array; size?: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const regular = stat.isFile();
    const buffer = Buffer.alloc(regular ? Math.min(stat.size, MAX_QUESTIONNAIRE_BYTES) + 1 : MAX_QUESTIONNAIRE_BYTES + 1);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, regular ? read : null);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: buffer.subarray(0, read), ...(regular ? { size: Math.max(stat.size, read) } : {}) };
  } catch (e) {
    throw unreadable(e, file);
  } finally {
    await handle?.close();
  }
}

function unreadable(e: unknown, file: string): ScreenError {
  const code = (e as { code?: string }).code === 'ENOENT' ? 'input.not-found' : 'input.unreadable';
  return new ScreenError(code, EXIT.noInput, `cannot read ${file}: ${fileErrorReason(e, 'read')}`);
}

function sorted(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.col - b.p.col || a.i - b.i)
    .map(({ p }) => p);
}
