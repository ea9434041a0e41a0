/**
 * Answers from outside (files, scripts, batch records) → normalised `Answers`, with every problem
 * collected as one clear line naming the question.
 *
 * Lenient spellings accepted (docs/result-format.md § Answers):
 * - `null`, `""` or a blank string: unanswered.
 * - yes/no questions: `true`/`false` (JSON booleans, or the strings as a CSV or spreadsheet
 *   writes them), `yes`/`no` and `y`/`n`, all in any letter case with surrounding spaces.
 * - options (choice, multi): the value or the label the interview shows ("One leg only"), in any
 *   letter case, with surrounding spaces, and spaces or hyphens for `_`.
 * - "not sure": `unsure`, `not sure`, `not_sure`, `dont_know`, `don't know`, `do not know` (any
 *   case) → `unsure`, only where the question offers "not sure".
 * - number and scale: numeric strings (`"7"`, `" 7.5 "`); scale answers must be whole.
 * - multi: a list; duplicates are dropped and options are stored in the question's option order.
 */
import type { AnswerValue, Answers, ChoiceOption, Question, Questionnaire } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';
import { EXIT, ScreenError } from '../errors.js';
import { editDistance } from '../questionnaire/suggest.js';
import { LIST_MAX_ITEMS, quote } from '../quote.js';
import { planFor } from './plan.js';

export type AnswerProblemCode =
  /** A key that is not a question id (with a "did you mean" when one is close). */
  | 'answer.unknown-question'
  /** A string the question cannot take (not an option, not yes/no). */
  | 'answer.not-an-option'
  /** "not sure" for a question that does not offer it. */
  | 'answer.unsure-not-offered'
  /** A value of the wrong JSON type (e.g. `true` for a number). */
  | 'answer.wrong-type'
  | 'answer.out-of-range'
  | 'answer.not-whole'
  /** The document is not a JSON object. */
  | 'answers.not-an-object'
  | 'answers.unknown-key'
  | 'answers.no-answers'
  | 'answers.wrong-questionnaire'
  | 'answers.wrong-version'
  | 'answers.bad-version'
  | 'answers.bad-id'
  /** `format` is not "sciatica-screen/answers", or `formatVersion` is not a whole number ≥ 1. */
  | 'answers.bad-format'
  /** `formatVersion` is higher than this program reads. */
  | 'answers.newer-format'
  /** `complete` is not a boolean, or `savedAt` not an RFC 3339 date-time. */
  | 'answers.bad-field';

export interface AnswerProblem {
  readonly code: AnswerProblemCode;
  /** The question id (or the unknown key) the problem is about. */
  readonly question?: string;
  /** One line, e.g. `"pain_intensity": 14 is above the maximum 10`. */
  readonly message: string;
}

/**
 * Answers as `normaliseAnswers` / `parseAnswersDocument` return them: frozen, every value stored
 * exactly as the engine compares it, for the questionnaire they were made for. The brand exists
 * only in the types (the library's signatures ask for it, so a plain `{ saddle_numbness: "Yes" }`
 * does not compile); at run time the engine remembers which objects it produced and normalises
 * anything else itself (see `checkedAnswers`). `S` is a questionnaire's answer shape when its
 * types are known (src/bundled/), else `unknown`.
 */
export type NormalisedAnswers<S = unknown> = Answers & { readonly [normalisedBrand]: S };
declare const normalisedBrand: unique symbol;

/** Answers objects this module produced, with the questionnaire they were normalised for. */
const producedFor = new WeakMap<object, Questionnaire>();

function sealed(q: Questionnaire, answers: Record<string, AnswerValue | null>): NormalisedAnswers {
  Object.freeze(answers);
  producedFor.set(answers, q);
  return answers as NormalisedAnswers;
}

/**
 * Answers a caller handed to `evaluate`, `walk` or `nextQuestion` that did not come from
 * `normaliseAnswers` for this questionnaire, and that are not valid: thrown, never evaluated (an
 * unknown value must never count as "no"). `answerProblems` lists every problem.
 */
export class AnswersError extends ScreenError {
  constructor(
    q: Questionnaire,
    readonly answerProblems: readonly AnswerProblem[],
  ) {
    const first = answerProblems[0]?.message ?? 'invalid answers';
    const more = answerProblems.length > 1 ? ` (and ${answerProblems.length - 1} more)` : '';
    super('answers.invalid', EXIT.dataErr, `the answers are not valid for ${q.id}: ${first}${more}`);
  }
}

/**
 * `answers` ready for exact comparison: returned as they are when `normaliseAnswers` (or
 * `parseAnswersDocument`) produced them for `q`; otherwise normalised now, as a copy. Throws
 * `AnswersError` (exit 65) for anything that is not a valid answer, so "Yes", `true` or "YES "
 * count as yes and "maybe" is refused, never read as "no".
 */
export function checkedAnswers(q: Questionnaire, answers: unknown): Answers {
  // A WeakMap answers `undefined` for any key it cannot hold (null, a string), so no type test first.
  if (producedFor.get(answers as object) === q) return answers as Answers;
  if (!isObject(answers)) {
    throw new AnswersError(q, [{ code: 'answers.not-an-object', message: `expected an object of answers by question id, got ${show(answers)}` }]);
  }
  const { answers: normalised, problems } = normaliseAnswers(q, answers);
  if (problems.length > 0) throw new AnswersError(q, problems);
  return normalised;
}

export type NormalisedAnswer = { readonly ok: true; readonly value: AnswerValue | null } | { readonly ok: false; readonly problem: AnswerProblem };

const UNSURE_SPELLINGS: ReadonlySet<string> = new Set(['unsure', 'not_sure', 'dont_know', 'do_not_know']);

/** Lower case, no apostrophes, runs of spaces/hyphens as `_`, trimmed. */
function canonical(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, '_');
}

function show(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function oneOf(values: readonly string[]): string {
  return values.join(', ');
}

function allowedValues(q: Question & { type: 'yesno' | 'choice' }): string[] {
  const base = q.type === 'yesno' ? ['yes', 'no'] : q.options.map((o) => o.value);
  return q.unsure ? [...base, UNSURE] : base;
}

function expectation(q: Question): string {
  switch (q.type) {
    case 'yesno':
      return q.unsure ? 'yes, no or unsure' : 'yes or no';
    case 'choice':
      return `one of ${oneOf(allowedValues(q))}`;
    case 'multi':
      return `a list of options (${oneOf(q.options.map((o) => o.value))})`;
    case 'number':
      return q.unsure ? 'a number or unsure' : 'a number';
    case 'scale':
      return `a whole number from ${q.min} to ${q.max}`;
    // No default: the switch covers every question type, so adding one is a compile error here.
  }
}

function problem(code: AnswerProblemCode, q: string, message: string): NormalisedAnswer {
  return { ok: false, problem: { code, question: q, message: `${quote(q)}: ${message}` } };
}

/** An option by its value (exact, then lenient), else by its label as the interview shows it
 * (lenient, and only when exactly one option has that label). */
function matchOption(options: readonly ChoiceOption[], s: string): string | undefined {
  for (const o of options) if (o.value === s) return o.value;
  const c = canonical(s);
  for (const o of options) if (canonical(o.value) === c) return o.value;
  let byLabel: string | undefined;
  for (const o of options) {
    if (canonical(o.label) !== c) continue;
    if (byLabel !== undefined) return undefined;
    byLabel = o.value;
  }
  return byLabel;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function normaliseNumber(q: Question & { type: 'number' | 'scale' }, raw: unknown): NormalisedAnswer {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && NUMERIC.test(raw.trim())) n = Number(raw); // Number() ignores the spaces
  else if (typeof raw === 'string' && UNSURE_SPELLINGS.has(canonical(raw))) {
    return q.unsure
      ? { ok: true, value: UNSURE }
      : problem('answer.unsure-not-offered', q.id, `${show(raw)} is not offered: expected ${expectation(q)}`);
  } else return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
  if (Number.isNaN(n)) return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
  if (!Number.isFinite(n)) {
    // A valid JSON number too large for a double (e.g. 400 digits): say so, not "wrong type".
    const large = n === Number.POSITIVE_INFINITY;
    const limit = large ? (q.max === undefined ? '' : `; the maximum is ${q.max}`) : q.min === undefined ? '' : `; the minimum is ${q.min}`;
    return problem('answer.out-of-range', q.id, `the number is too ${large ? 'large' : 'small'} to be an answer${limit}`);
  }
  const whole = q.type === 'scale' || q.integer;
  if (whole && !Number.isInteger(n)) return problem('answer.not-whole', q.id, `${n} is not a whole number`);
  if (q.min !== undefined && n < q.min) return problem('answer.out-of-range', q.id, `${n} is below the minimum ${q.min}`);
  if (q.max !== undefined && n > q.max) return problem('answer.out-of-range', q.id, `${n} is above the maximum ${q.max}`);
  return { ok: true, value: n };
}

// Exact spellings, the common case in batch input, skip canonicalisation (and allocate nothing).
const OK_YES: NormalisedAnswer = Object.freeze({ ok: true, value: 'yes' });
const OK_NO: NormalisedAnswer = Object.freeze({ ok: true, value: 'no' });
const OK_UNSURE: NormalisedAnswer = Object.freeze({ ok: true, value: UNSURE });

function normaliseString(q: Question & { type: 'yesno' | 'choice' }, raw: string): NormalisedAnswer {
  if (raw === UNSURE && q.unsure) return OK_UNSURE;
  if (q.type === 'yesno') {
    if (raw === 'yes') return OK_YES;
    if (raw === 'no') return OK_NO;
    const c = canonical(raw);
    if (c === 'yes' || c === 'y' || c === 'true') return OK_YES;
    if (c === 'no' || c === 'n' || c === 'false') return OK_NO;
  } else {
    const v = matchOption(q.options, raw);
    if (v !== undefined) return { ok: true, value: v };
  }
  if (UNSURE_SPELLINGS.has(canonical(raw))) {
    return q.unsure
      ? { ok: true, value: UNSURE }
      : problem('answer.unsure-not-offered', q.id, `${show(raw)} is not offered: expected ${expectation(q)}`);
  }
  return problem('answer.not-an-option', q.id, `${show(raw)} is not one of ${oneOf(allowedValues(q))}`);
}

/** One raw answer → its stored value (`null` = unanswered), or a problem naming the question. */
export function normaliseAnswer(q: Question, raw: unknown): NormalisedAnswer {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  switch (q.type) {
    case 'yesno':
      if (typeof raw === 'boolean') return { ok: true, value: raw ? 'yes' : 'no' };
      if (typeof raw === 'string') return normaliseString(q, raw);
      return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
    case 'choice':
      if (typeof raw === 'string') return normaliseString(q, raw);
      return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
    case 'multi': {
      if (!Array.isArray(raw)) return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
      const chosen = new Set<string>();
      for (const item of raw as unknown[]) {
        if (typeof item !== 'string') return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(item)} in the list`);
        const v = matchOption(q.options, item);
        if (v === undefined) return problem('answer.not-an-option', q.id, `${show(item)} is not one of ${oneOf(q.options.map((o) => o.value))}`);
        chosen.add(v);
      }
      return { ok: true, value: q.options.map((o) => o.value).filter((v) => chosen.has(v)) };
    }
    case 'number':
    case 'scale':
      return normaliseNumber(q, raw);
    // No default: the switch covers every question type, so adding one is a compile error here.
  }
}

/** Keys longer than this get no "did you mean": no question id is near, and the cost of the
 * comparison grows with the product of the lengths. */
const SUGGEST_MAX_LENGTH = 64;

/** The closest candidate within a few edits (case and `-`/`_` ignored), first in order on a tie. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > SUGGEST_MAX_LENGTH * 2) return undefined;
  const c = canonical(input);
  if (c.length > SUGGEST_MAX_LENGTH) return undefined;
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(c.length / 3)) + 1;
  for (const cand of candidates) {
    const cc = canonical(cand);
    if (Math.abs(cc.length - c.length) >= bestD) continue;
    const d = editDistance(c, cc);
    if (d < bestD) {
      best = cand;
      bestD = d;
    }
  }
  return best;
}

/**
 * Normalises a map of raw answers by question id. Invalid answers are left out and reported, one
 * problem each, in the order of `raw`'s keys. The returned answers hold the questions in
 * document order; a key whose value is `undefined` is treated as absent (not asked yet), while
 * `null` and `""` become `null` (seen and left unanswered).
 */
export function normaliseAnswers(q: Questionnaire, raw: Readonly<Record<string, unknown>>): { answers: NormalisedAnswers; problems: AnswerProblem[] } {
  const { values, problems } = normaliseAnswerValues(q, raw);
  return { answers: answersObject(q, values), problems };
}

/**
 * Normalised answers as the engine holds them: one entry per question, in the questionnaire's
 * order (`undefined` = not given, `null` = skipped). What `normaliseAnswers` makes before it builds
 * the answers object; `batch` evaluates straight from it (`evaluateSummaryOfValues`), so a record
 * costs no object it does not write. Only this module makes them (the brand).
 */
export type NormalisedValues = readonly (AnswerValue | null | undefined)[] & { readonly [valuesBrand]: true };
declare const valuesBrand: unique symbol;

function answersObject(q: Questionnaire, values: NormalisedValues): NormalisedAnswers {
  const answers: Record<string, AnswerValue | null> = {};
  const ids = planFor(q).ids;
  for (let i = 0; i < ids.length; i++) {
    const v = values[i];
    if (v !== undefined) answers[ids[i] as string] = v;
  }
  return sealed(q, answers);
}

/**
 * Per question of a questionnaire, the exact spellings of its single-word answers — `yes`, `no`,
 * an option's value, `unsure` where offered — mapped to the value `normaliseAnswer` gives them:
 * the common case in batch input, answered by one lookup (test/perf-equivalence/exact-spellings.test.ts
 * holds the result to `normaliseAnswer`'s). Anything else takes the long way.
 */
const exactSpellings = new WeakMap<Questionnaire, readonly (ReadonlyMap<string, string> | undefined)[]>();
function exactSpellingsOf(q: Questionnaire): readonly (ReadonlyMap<string, string> | undefined)[] {
  let list = exactSpellings.get(q);
  if (list === undefined) {
    list = q.questions.map((x) => {
      if (x.type !== 'yesno' && x.type !== 'choice') return undefined;
      // An allowed value, spelled exactly, is its own normalised answer (normaliseAnswer agrees:
      // test/perf-equivalence/exact-spellings.test.ts).
      const m = new Map<string, string>();
      for (const v of allowedValues(x)) m.set(v, v);
      return m;
    });
    exactSpellings.set(q, list);
  }
  return list;
}

/** `normaliseAnswers`, giving the engine's per-question array instead of an answers object. */
export function normaliseAnswerValues(q: Questionnaire, raw: Readonly<Record<string, unknown>>): { values: NormalisedValues; problems: AnswerProblem[] } {
  const plan = planFor(q);
  const exact = exactSpellingsOf(q);
  const problems: AnswerProblem[] = [];
  const values = new Array<AnswerValue | null | undefined>(plan.questions.length);
  let unknown = 0;
  for (const key of Object.keys(raw)) {
    const i = plan.indexOf(key);
    const given = raw[key];
    if (typeof given === 'string') {
      const hit = exact[i]?.get(given);
      if (hit !== undefined) {
        values[i] = hit;
        continue;
      }
    }
    const question = plan.questions[i]; // undefined for an unknown key (index -1)
    if (question === undefined) {
      // A hint for the first few only: nobody reads a hundred thousand, and each costs a scan.
      const hint = ++unknown <= LIST_MAX_ITEMS ? didYouMean(key, plan.ids) : undefined;
      problems.push({
        code: 'answer.unknown-question',
        question: key,
        message: `${quote(key)} is not a question of ${q.id}${hint === undefined ? '' : ` (did you mean ${quote(hint)}?)`}`,
      });
      continue;
    }
    if (given === undefined) continue; // a JavaScript caller's "not given", as if the key were absent
    const r = normaliseAnswer(question, given);
    if (r.ok) values[i] = r.value;
    else problems.push(r.problem);
  }
  return { values: values as unknown as NormalisedValues, problems };
}

/** The answers file format (docs/answers-format.md, schema/answers.schema.json). */
export const ANSWERS_FORMAT = 'sciatica-screen/answers';
/** Bump on any incompatible change; a file of a higher version is refused, not misread. */
export const ANSWERS_FORMAT_VERSION = 1;
const ENVELOPE_KEYS = ['format', 'formatVersion', 'questionnaire', 'version', 'id', 'complete', 'savedAt', 'answers'] as const;
/** RFC 3339 date-time, as `Date.prototype.toISOString` writes it (any offset accepted). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:[-+][0-9A-Za-z.+-]*)?$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An answers document (parsed JSON) → answers for `q`. Accepts
 * `{"questionnaire": id, "version": "x.y.z", "id"?: record id, "answers": {…}}` (every key but
 * `answers` optional) or a bare `{questionId: value}` map. A different questionnaire id or major
 * version is a problem (and the answers are then not read).
 */
export function parseAnswersDocument(doc: unknown, q: Questionnaire): { answers: NormalisedAnswers; recordId?: string; problems: AnswerProblem[] } {
  const { values, recordId, problems } = parseAnswersDocumentValues(doc, q);
  const answers = answersObject(q, values);
  return recordId === undefined ? { answers, problems } : { answers, recordId, problems };
}

/** `parseAnswersDocument`, giving the engine's per-question array instead of an answers object. */
export function parseAnswersDocumentValues(doc: unknown, q: Questionnaire): { values: NormalisedValues; recordId?: string; problems: AnswerProblem[] } {
  const plan = planFor(q);
  if (!isObject(doc)) {
    return {
      values: new Array(plan.questions.length) as unknown as NormalisedValues,
      problems: [{ code: 'answers.not-an-object', message: `expected a JSON object of answers by question id, got ${show(doc)}` }],
    };
  }
  const isEnvelope =
    Object.hasOwn(doc, 'questionnaire') || Object.hasOwn(doc, 'format') || (Object.hasOwn(doc, 'answers') && isObject(doc.answers) && plan.indexOf('answers') < 0);
  if (!isEnvelope) return normaliseAnswerValues(q, doc);

  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(doc)) {
    if ((ENVELOPE_KEYS as readonly string[]).includes(key)) continue;
    const hint = didYouMean(key, ENVELOPE_KEYS);
    problems.push({
      code: 'answers.unknown-key',
      question: key,
      message: `unknown key ${quote(key)} in the answers file${hint === undefined ? ` (expected ${ENVELOPE_KEYS.join(', ')})` : ` (did you mean ${quote(hint)}?)`}`,
    });
  }
  let compatible = true;
  if (Object.hasOwn(doc, 'format') && doc.format !== ANSWERS_FORMAT) {
    compatible = false;
    problems.push({ code: 'answers.bad-format', message: `"format" must be ${quote(ANSWERS_FORMAT)}, got ${show(doc.format)}` });
  }
  if (Object.hasOwn(doc, 'formatVersion')) {
    const fv = doc.formatVersion as number; // checked next: Number.isInteger is false for any non-number
    if (!Number.isInteger(fv) || fv < 1) {
      compatible = false;
      problems.push({ code: 'answers.bad-format', message: `"formatVersion" must be a whole number from 1, got ${show(fv)}` });
    } else if (fv > ANSWERS_FORMAT_VERSION) {
      compatible = false;
      problems.push({
        code: 'answers.newer-format',
        message: `the answers file is format version ${fv}, written by a newer sciatica-screen; this one reads version ${ANSWERS_FORMAT_VERSION}`,
      });
    }
  }
  if (Object.hasOwn(doc, 'complete') && typeof doc.complete !== 'boolean') {
    problems.push({ code: 'answers.bad-field', message: `"complete" must be true or false, got ${show(doc.complete)}` });
  }
  if (Object.hasOwn(doc, 'savedAt') && !(typeof doc.savedAt === 'string' && DATE_TIME.test(doc.savedAt))) {
    problems.push({ code: 'answers.bad-field', message: `"savedAt" must be a date and time like 2026-11-30T09:15:00.000Z, got ${show(doc.savedAt)}` });
  }
  if (Object.hasOwn(doc, 'questionnaire') && doc.questionnaire !== q.id) {
    compatible = false;
    problems.push({
      code: 'answers.wrong-questionnaire',
      message: `the answers are for questionnaire ${show(doc.questionnaire)}, not ${quote(q.id)}`,
    });
  }
  if (Object.hasOwn(doc, 'version')) {
    const v = doc.version;
    const m = typeof v === 'string' ? SEMVER.exec(v) : null;
    if (m === null) {
      compatible = false;
      problems.push({ code: 'answers.bad-version', message: `"version" must be a version like 1.0.0, got ${show(v)}` });
    } else if (m[1] !== q.version.split('.')[0]) {
      compatible = false;
      problems.push({
        code: 'answers.wrong-version',
        message: `the answers are for version ${(v as string).length > 40 ? show(v) : (v as string)} of ${q.id}, but the questionnaire is version ${q.version} (major versions differ)`,
      });
    }
  }
  let recordId: string | undefined;
  if (Object.hasOwn(doc, 'id')) {
    if (typeof doc.id === 'string' && doc.id.trim() !== '') recordId = doc.id;
    else problems.push({ code: 'answers.bad-id', message: `"id" must be a non-empty string, got ${show(doc.id)}` });
  }
  let values = new Array(plan.questions.length) as unknown as NormalisedValues;
  if (!Object.hasOwn(doc, 'answers')) {
    problems.push({ code: 'answers.no-answers', message: 'the answers file has no "answers" object' });
  } else if (!isObject(doc.answers)) {
    problems.push({ code: 'answers.no-answers', message: `"answers" must be an object of answers by question id, got ${show(doc.answers)}` });
  } else if (compatible) {
    const r = normaliseAnswerValues(q, doc.answers);
    values = r.values;
    problems.push(...r.problems);
  }
  return recordId === undefined ? { values, problems } : { values, recordId, problems };
}
