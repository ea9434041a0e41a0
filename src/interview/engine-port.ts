/**
 * The two engine functions the interview calls, as types, so the loop can be driven by the real
 * engine (src/engine) or by fakes in tests. The interview decides nothing clinical: what to ask
 * comes from `nextQuestion`, what to show from `evaluate`.
 */
import type { Result } from '../engine/result.js';
import type { Answers, Question, Questionnaire } from '../questionnaire/model.js';

export type NextStep =
  | { readonly done: false; readonly question: Question; readonly asked: number; readonly remaining: number }
  | { readonly done: true; readonly reason: 'end' | 'stopped' };

export interface InterviewEngine {
  nextQuestion(q: Questionnaire, answers: Answers): NextStep;
  evaluate(q: Questionnaire, answers: Answers): Result;
  /** The whole path for `answers` in one pass (absent and `null` both unanswered). Optional: without
   * it the path is found by one `nextQuestion` per question, which is quadratic in the path length. */
  walk?(q: Questionnaire, answers: Answers): { readonly path: readonly string[] };
}
