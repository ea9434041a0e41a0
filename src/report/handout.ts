/**
 * The handout: what a person hands to a massage therapist, a GP or the staff at A&E, built once
 * from the questionnaire, the answers and the Result, then rendered as Markdown (./markdown.ts) or
 * one printable HTML page (./html.ts). Pure: the date is passed in by the CLI (its clock, never
 * the engine's). Every string here is plain text; the renderers escape it.
 *
 * Contract: an emergency handout (the disposition is an outcome with `stop: true`) says "show this
 * to the staff" and has no cautions (massage is not on the table); the Result already leaves its
 * cautions empty, and the model does not rely on that alone.
 */
import type { Citation, FiredRule, Result } from '../engine/result.js';
import type { AnswerValue, Answers, Question, Questionnaire } from '../questionnaire/model.js';
import { answerText, answerWords, questionLabel, upperFirst } from './answer-words.js';

export interface HandoutAnswer {
  readonly id: string;
  /** The question's short label (its text when it has none). */
  readonly label: string;
  /** The answer in the words the person chose it with ("Not sure", "Skipped", option labels, units). */
  readonly words: string;
}

export interface HandoutReason {
  readonly text: string;
  /** The answers that made the rule fire. */
  readonly answers: readonly HandoutAnswer[];
  readonly sources: readonly Citation[];
}

export interface Handout {
  /** The questionnaire's title. */
  readonly heading: string;
  readonly disposition: string;
  /** The disposition in words. */
  readonly title: string;
  /** What to do first, one string per paragraph. */
  readonly advice: readonly string[];
  /** The advice's sources (when the advice is the questionnaire's "not screened" advice). */
  readonly adviceSources: readonly Citation[];
  readonly emergency: boolean;
  readonly stoppedEarly: boolean;
  /** The rules that decide the disposition. Empty when none did (the mildest outcome). */
  readonly reasons: readonly HandoutReason[];
  /** Rules that fired with a milder outcome than the disposition. */
  readonly alsoNoted: readonly HandoutReason[];
  /** For the therapist; always empty in an emergency handout. */
  readonly cautions: readonly { readonly text: string; readonly sources: readonly Citation[] }[];
  /** The answers on the path, in the order asked. */
  readonly answers: readonly HandoutAnswer[];
  /** Questions on the path left unanswered, in the order asked; `redFlag` (its category, in
   * words) when it is a red-flag question: the person was not screened for it. */
  readonly notAnswered: readonly { readonly id: string; readonly label: string; readonly redFlag?: string }[];
  readonly questionnaire: Result['questionnaire'];
  /** The date the handout was made, in words (e.g. "30 November 2026"). */
  readonly date: string;
  /** The same date as YYYY-MM-DD. */
  readonly isoDate: string;
  readonly notice: string;
}

/** Said when no rule decided the result. */
export const NOTHING_FOUND = 'Nothing in your answers needs a professional to check you first.';
/** The first line of an emergency handout. */
export const SHOW_THE_STAFF = 'Show this to the staff';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar date of `date` in the local time zone, in words and as YYYY-MM-DD. */
export function handoutDate(date: Date): { date: string; isoDate: string } {
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  return { date: `${d} ${MONTHS[m] as string} ${y}`, isoDate: `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function byId(q: Questionnaire): ReadonlyMap<string, Question> {
  return new Map(q.questions.map((x) => [x.id, x]));
}

/** `inline`: inside a sentence ("numbness between the legs: not sure"); else a line of its own
 * ("Numbness between the legs", "Not sure"). */
function describeAnswer(questions: ReadonlyMap<string, Question>, id: string, value: AnswerValue | null | undefined, inline = false): HandoutAnswer {
  const question = questions.get(id);
  if (question === undefined) return { id, label: id, words: value === null || value === undefined ? 'Not answered' : String(value) };
  return inline
    ? { id, label: questionLabel(question), words: answerWords(question, value) }
    : { id, label: upperFirst(questionLabel(question)), words: answerText(question, value) };
}

function reason(questions: ReadonlyMap<string, Question>, f: FiredRule): HandoutReason {
  return { text: f.reason, answers: Object.entries(f.answers).map(([id, v]) => describeAnswer(questions, id, v, true)), sources: f.source };
}

export interface HandoutInput {
  readonly questionnaire: Questionnaire;
  readonly answers: Answers;
  readonly result: Result;
  /** The CLI's clock. */
  readonly date: Date;
}

export function buildHandout({ questionnaire: q, answers, result, date }: HandoutInput): Handout {
  const questions = byId(q);
  const emergency = q.outcomes.find((o) => o.id === result.disposition)?.stop === true;
  const outranked = new Set(result.outranked);
  const missing = new Set(result.missing);
  const unscreened = new Map((result.unscreened ?? []).map((u) => [u.question, u.red_flag]));
  return {
    heading: q.title,
    disposition: result.disposition,
    title: result.title,
    advice: result.advice.split('\n').filter((p) => p.trim() !== ''),
    adviceSources: result.adviceSource ?? [],
    emergency,
    stoppedEarly: result.stoppedEarly,
    reasons: result.fired.filter((f) => f.outcome === result.disposition).map((f) => reason(questions, f)),
    alsoNoted: result.fired.filter((f) => outranked.has(f.rule)).map((f) => reason(questions, f)),
    cautions: emergency ? [] : result.cautions.map((c) => ({ text: c.text, sources: c.source })),
    answers: result.path.filter((id) => !missing.has(id)).map((id) => describeAnswer(questions, id, answers[id])),
    notAnswered: result.missing.map((id) => {
      const flag = unscreened.get(id);
      const label = describeAnswer(questions, id, null).label;
      return flag === undefined ? { id, label } : { id, label, redFlag: flag.replace(/_/g, ' ') };
    }),
    questionnaire: result.questionnaire,
    ...handoutDate(date),
    notice: result.notice,
  };
}

/** A source's URL when it is a web address a reader can follow (http or https), else undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
