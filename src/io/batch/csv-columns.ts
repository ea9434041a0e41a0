/**
 * What each column of a CSV input is, decided once from its header (so a problem with a column is
 * said once, at the start, not on every row):
 * - a question: its header is the question id in any letter case, with spaces or hyphens for `_`
 *   (`Age`, `Leg pain`, `leg-pain` → `age`, `leg_pain`);
 * - the record id: `id` (any case);
 * - `--ignore-column NAME`: not read at all;
 * - `--keep-column NAME`: copied into each output record (so results join back to the sheet);
 *   a kept column that is not a question is not read as an answer;
 * - anything else stops the batch before any record (exit 65) with one line naming every such
 *   column, a "did you mean" where one is close, and the options that let it through. Silently
 *   skipping it could drop a misspelt red-flag question.
 * NAME matches a header the same way (any case, spaces or hyphens for `_`); a NAME that matches no
 * column is a usage error (64).
 */
import { didYouMean } from '../../engine/answers.js';
import { EXIT, ScreenError } from '../../errors.js';
import type { Questionnaire } from '../../questionnaire/model.js';
import { BatchFormatError } from './batch-format-error.js';
import type { CsvColumnPlan } from './input-framer.js';

export interface ColumnOptions {
  readonly ignore: readonly string[];
  readonly keep: readonly string[];
}

/** How a header or a NAME is compared: trimmed, lower case, runs of spaces and hyphens as `_`. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const MAX_SHOWN = 80;
function shown(name: string): string {
  return JSON.stringify(name.length > MAX_SHOWN ? `${name.slice(0, MAX_SHOWN)}…` : name);
}

export function planCsvColumns(names: readonly string[], q: Questionnaire, options: ColumnOptions, file: string): CsvColumnPlan {
  const keys = names.map(columnKey);
  const byKey = new Map<string, number>();
  keys.forEach((k, i) => byKey.set(k, i));
  const columnOf = (option: string, name: string): number => {
    const i = byKey.get(columnKey(name));
    if (i === undefined) {
      throw new ScreenError(
        'cli.bad-option',
        EXIT.usage,
        `${option} ${shown(name)}: ${file} has no such column (its columns: ${names.slice(0, 30).map(shown).join(', ')}${names.length > 30 ? ', …' : ''})`,
      );
    }
    return i;
  };
  const ignored = new Set(options.ignore.map((n) => columnOf('--ignore-column', n)));
  const keep = options.keep.map((n) => columnOf('--keep-column', n));
  const kept = new Set(keep);

  const questionByKey = new Map(q.questions.map((x) => [columnKey(x.id), x.id]));
  const header: string[] = [];
  const answeredBy = new Map<string, number>();
  const unknown: number[] = [];
  for (const [i, key] of keys.entries()) {
    const qid = questionByKey.get(key);
    if (ignored.has(i)) header.push('');
    else if (key === 'id' && qid === undefined) header.push('id');
    else if (qid !== undefined) {
      const before = answeredBy.get(qid);
      if (before !== undefined) throw new BatchFormatError(file, 1, `columns ${shown(names[before] ?? '')} and ${shown(names[i] ?? '')} both answer "${qid}"`);
      answeredBy.set(qid, i);
      header.push(qid);
    } else if (kept.has(i)) header.push('');
    else {
      unknown.push(i);
      header.push('');
    }
  }
  if (unknown.length > 0) {
    const ids = q.questions.map((x) => x.id);
    const list = unknown
      .slice(0, 20)
      .map((i) => {
        const name = names[i] ?? '';
        const hint = name.length <= MAX_SHOWN ? didYouMean(name, ids) : undefined;
        return hint === undefined ? shown(name) : `${shown(name)} (did you mean "${hint}"?)`;
      })
      .join(', ');
    const more = unknown.length > 20 ? ` and ${unknown.length - 20} more` : '';
    const what = unknown.length === 1 ? `column ${list} is not a question` : `columns ${list}${more} are not questions`;
    throw new BatchFormatError(file, 1, `${what} of ${q.id}; rename it to a question id, or let it through with --ignore-column NAME (or --keep-column NAME to copy it into the results)`);
  }
  return { header, keep };
}

/** `";"` (a semicolon) — how a delimiter is named on stderr. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tabs' : d === ';' ? 'semicolons (;)' : 'commas (,)';
}
