/**
 * Answers from outside (files, scripts, batch records) → normalised `Answers`, with every problem
 * collected as one clear line naming the question.
 *
 * Lenient spellings accepted (docs/result-format.md § Answers):
 * - `null`, `""` or a blank string: unanswered.
 * - yes/no questions: `true`/`false` (JSON booleans, or the strings as a CSV or spreadsheet
 *   writes them), and `yes`/`no`, all in any letter case with surrounding spaces.
 * - options (choice, multi): any letter case, surrounding spaces, and spaces or hyphens for `_`.
 * - "not sure": `unsure`, `not sure`, `not_sure`, `dont_know`, `don't know`, `do not know` (any
 *   case) → `unsure`, only where the question offers "not sure".
 * - number and scale: numeric strings (`"7"`, `" 7.5 "`); scale answers must be whole.
 * - multi: a list; duplicates are dropped and options are stored in the question's option order.
 */
import type { AnswerValue, Answers, ChoiceOption, Question, Questionnaire } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';
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
  | 'answers.bad-id';

export interface AnswerProblem {
  readonly code: AnswerProblemCode;
  /** The question id (or the unknown key) the problem is about. */
  readonly question?: string;
  /** One line, e.g. `"pain_intensity": 14 is above the maximum 10`. */
  readonly message: string;
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
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function oneOf(values: readonly string[]): string {
  return values.join(', ');
}

function allowedValues(q: Question): string[] {
  const base = q.type === 'yesno' ? ['yes', 'no'] : q.type === 'choice' ? q.options.map((o) => o.value) : [];
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
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

function problem(code: AnswerProblemCode, q: string, message: string): NormalisedAnswer {
  return { ok: false, problem: { code, question: q, message: `${JSON.stringify(q)}: ${message}` } };
}

function matchOption(options: readonly ChoiceOption[], s: string): string | undefined {
  for (const o of options) if (o.value === s) return o.value;
  const c = canonical(s);
  for (const o of options) if (canonical(o.value) === c) return o.value;
  return undefined;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function normaliseNumber(q: Question & { type: 'number' | 'scale' }, raw: unknown): NormalisedAnswer {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && NUMERIC.test(raw.trim())) n = Number(raw.trim());
  else if (typeof raw === 'string' && UNSURE_SPELLINGS.has(canonical(raw))) {
    return q.unsure
      ? { ok: true, value: UNSURE }
      : problem('answer.unsure-not-offered', q.id, `${show(raw)} is not offered: expected ${expectation(q)}`);
  } else return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
  if (!Number.isFinite(n)) return problem('answer.wrong-type', q.id, `expected ${expectation(q)}, got ${show(raw)}`);
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
    if (c === 'yes' || c === 'true') return OK_YES;
    if (c === 'no' || c === 'false') return OK_NO;
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
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

/** Optimal-string-alignment distance (edits, adjacent swaps count once). */
function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The closest candidate within a few edits (case and `-`/`_` ignored), first in order on a tie. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const c = canonical(input);
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(c.length / 3)) + 1;
  for (const cand of candidates) {
    const d = distance(c, canonical(cand));
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
export function normaliseAnswers(q: Questionnaire, raw: Readonly<Record<string, unknown>>): { answers: Answers; problems: AnswerProblem[] } {
  const plan = planFor(q);
  const problems: AnswerProblem[] = [];
  const values = new Array<AnswerValue | null | undefined>(plan.questions.length);
  for (const key of Object.keys(raw)) {
    const i = plan.indexOf(key);
    const question = plan.questions[i];
    if (i < 0 || question === undefined) {
      const hint = didYouMean(key, plan.questions.map((x) => x.id));
      problems.push({
        code: 'answer.unknown-question',
        question: key,
        message: `${JSON.stringify(key)} is not a question of ${q.id}${hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`}`,
      });
      continue;
    }
    if (raw[key] === undefined) continue; // a JavaScript caller's "not given", as if the key were absent
    const r = normaliseAnswer(question, raw[key]);
    if (r.ok) values[i] = r.value;
    else problems.push(r.problem);
  }
  const answers: Record<string, AnswerValue | null> = {};
  const ids = plan.ids;
  for (let i = 0; i < ids.length; i++) {
    const v = values[i];
    if (v !== undefined) answers[ids[i] as string] = v;
  }
  return { answers, problems };
}

const ENVELOPE_KEYS = ['questionnaire', 'version', 'id', 'answers'] as const;
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
export function parseAnswersDocument(doc: unknown, q: Questionnaire): { answers: Answers; recordId?: string; problems: AnswerProblem[] } {
  if (!isObject(doc)) {
    return {
      answers: {},
      problems: [{ code: 'answers.not-an-object', message: `expected a JSON object of answers by question id, got ${show(doc)}` }],
    };
  }
  const plan = planFor(q);
  const isEnvelope =
    Object.hasOwn(doc, 'questionnaire') || (Object.hasOwn(doc, 'answers') && isObject(doc.answers) && plan.indexOf('answers') < 0);
  if (!isEnvelope) return normaliseAnswers(q, doc);

  const problems: AnswerProblem[] = [];
  for (const key of Object.keys(doc)) {
    if ((ENVELOPE_KEYS as readonly string[]).includes(key)) continue;
    const hint = didYouMean(key, ENVELOPE_KEYS);
    problems.push({
      code: 'answers.unknown-key',
      question: key,
      message: `unknown key ${JSON.stringify(key)} in the answers file${hint === undefined ? ` (expected ${ENVELOPE_KEYS.join(', ')})` : ` (did you mean ${JSON.stringify(hint)}?)`}`,
    });
  }
  let compatible = true;
  if (Object.hasOwn(doc, 'questionnaire') && doc.questionnaire !== q.id) {
    compatible = false;
    problems.push({
      code: 'answers.wrong-questionnaire',
      message: `the answers are for questionnaire ${show(doc.questionnaire)}, not ${JSON.stringify(q.id)}`,
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
        message: `the answers are for version ${v as string} of ${q.id}, but the questionnaire is version ${q.version} (major versions differ)`,
      });
    }
  }
  let recordId: string | undefined;
  if (Object.hasOwn(doc, 'id')) {
    if (typeof doc.id === 'string' && doc.id.trim() !== '') recordId = doc.id;
    else problems.push({ code: 'answers.bad-id', message: `"id" must be a non-empty string, got ${show(doc.id)}` });
  }
  let answers: Answers = {};
  if (!Object.hasOwn(doc, 'answers')) {
    problems.push({ code: 'answers.no-answers', message: 'the answers file has no "answers" object' });
  } else if (!isObject(doc.answers)) {
    problems.push({ code: 'answers.no-answers', message: `"answers" must be an object of answers by question id, got ${show(doc.answers)}` });
  } else if (compatible) {
    const r = normaliseAnswers(q, doc.answers);
    answers = r.answers;
    problems.push(...r.problems);
  }
  return recordId === undefined ? { answers, problems } : { answers, recordId, problems };
}
