/**
 * The typed face of the engine for library users. The same functions as src/engine, re-declared
 * so that:
 * - `evaluate`, `walk` and `nextQuestion` take `NormalisedAnswers` (from `normaliseAnswers` or
 *   `parseAnswersDocument`), not a plain map: `evaluate(q, { saddle_numbness: 'Yes' })` does not
 *   compile. (At run time the engine normalises anything it did not produce and throws
 *   `AnswersError` for an invalid answer, so JavaScript callers are safe too.)
 * - for a questionnaire whose types are known (`loadBundledQuestionnaire()`), question ids, answer
 *   values, dispositions and caution ids are literal types: a typo is a compile error, and a
 *   literal answers object may be passed straight to `evaluate`.
 */
import { EXIT, ScreenError } from './errors.js';
import {
  normaliseAnswers as normaliseAnswersImpl,
  parseAnswersDocument as parseAnswersDocumentImpl,
  type AnswerProblem,
  type NormalisedAnswers,
} from './engine/answers.js';
import { evaluate as evaluateImpl } from './engine/evaluate.js';
import type { Result, ResultCaution } from './engine/result.js';
import { nextQuestion as nextQuestionImpl, walk as walkImpl, type NextQuestion, type Walk } from './engine/walk.js';
import { loadQuestionnaire } from './questionnaire/load.js';
import type { Questionnaire } from './questionnaire/model.js';
import type { SciaticaMassageShape } from './bundled/sciatica-massage.types.js';
import { BUNDLED_QUESTIONNAIRE } from './cli/io.js';

/** What generated types say about a questionnaire (see src/bundled/sciatica-massage.types.ts). */
export interface QuestionnaireShape {
  readonly id: string;
  readonly questionId: string;
  readonly answers: object;
  readonly disposition: string;
  readonly caution: string;
  readonly rule: string;
}

declare const shapeBrand: unique symbol;
/** A loaded questionnaire whose literal types are known. */
export type ShapedQuestionnaire<S extends QuestionnaireShape> = Questionnaire & { readonly [shapeBrand]: S };
/** The bundled questionnaire, typed (from `loadBundledQuestionnaire`). */
export type BundledQuestionnaire = ShapedQuestionnaire<SciaticaMassageShape>;

type ShapeOf<Q> = Q extends { readonly [shapeBrand]: infer S extends QuestionnaireShape } ? S : undefined;

/** What `normaliseAnswers` takes: any values (they are checked), keys typed when known. */
export type RawAnswersFor<Q> = ShapeOf<Q> extends infer S extends QuestionnaireShape
  ? { readonly [K in keyof S['answers']]?: unknown }
  : Readonly<Record<string, unknown>>;
/** The answers `normaliseAnswers(q, …)` returns for `q`. */
export type NormalisedAnswersFor<Q> = ShapeOf<Q> extends infer S extends QuestionnaireShape ? NormalisedAnswers<S> : NormalisedAnswers;
/** What `evaluate`, `walk` and `nextQuestion` take: normalised answers, or for a typed
 * questionnaire also a literal object of its own values. */
export type AnswersFor<Q> = ShapeOf<Q> extends infer S extends QuestionnaireShape ? NormalisedAnswers<S> | Readonly<S['answers']> : NormalisedAnswers;
/** A Result whose disposition and caution ids are literal types when the questionnaire's are known. */
export type ResultFor<Q> = ShapeOf<Q> extends infer S extends QuestionnaireShape
  ? Omit<Result, 'disposition' | 'cautions'> & {
      readonly disposition: S['disposition'];
      readonly cautions: readonly (ResultCaution & { readonly id: S['caution'] })[];
    }
  : Result;

export const normaliseAnswers: <Q extends Questionnaire>(
  q: Q,
  raw: RawAnswersFor<Q>,
) => { answers: NormalisedAnswersFor<Q>; problems: AnswerProblem[] } = normaliseAnswersImpl as never;

export const parseAnswersDocument: <Q extends Questionnaire>(
  doc: unknown,
  q: Q,
) => { answers: NormalisedAnswersFor<Q>; recordId?: string; problems: AnswerProblem[] } = parseAnswersDocumentImpl as never;

export const evaluate: <Q extends Questionnaire>(q: Q, answers: AnswersFor<Q>) => ResultFor<Q> = evaluateImpl as never;
export const walk: <Q extends Questionnaire>(q: Q, answers: AnswersFor<Q>) => Walk = walkImpl as never;
export const nextQuestion: <Q extends Questionnaire>(q: Q, answers: AnswersFor<Q>) => NextQuestion = nextQuestionImpl as never;

/**
 * Loads the bundled questionnaire with its literal types. Throws ScreenError (exit 78) if the
 * file shipped is not the questionnaire the types describe.
 */
export async function loadBundledQuestionnaire(): Promise<BundledQuestionnaire> {
  const q = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  const expected: SciaticaMassageShape['id'] = 'sciatica-massage';
  if (q.id !== expected) throw new ScreenError('questionnaire.invalid', EXIT.config, `the bundled questionnaire is ${q.id}, not ${expected}`);
  return q as BundledQuestionnaire;
}
