/**
 * The engine functions a batch runs, the same ones `evaluate` runs: batch has no clinical logic.
 * Injected so the streaming layers can be tested with a fake; `loadBatchEngine` loads the real one.
 */
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import type { Result } from '../../engine/result.js';

export interface BatchAnswerProblem {
  readonly code: string;
  readonly question?: string;
  readonly message: string;
}

export interface BatchEngine {
  /** Either shape `evaluate` accepts (wrapped, optionally with a record `id`, or a bare map). */
  parseAnswersDocument(doc: unknown, q: Questionnaire): { answers: Answers; recordId?: string; problems: readonly BatchAnswerProblem[] };
  /** A bare `{ questionId: value }` map with lenient spellings (a CSV row). */
  normaliseAnswers(q: Questionnaire, raw: Record<string, unknown>): { answers: Answers; problems: readonly BatchAnswerProblem[] };
  evaluate(q: Questionnaire, answers: Answers): Result;
  /** The Result as the ordered plain object of docs/result-format.md (`--full`). */
  resultToPlain(r: Result): Result;
}

/** The real engine (src/engine), imported lazily so commands that never batch never load it. */
export async function loadBatchEngine(): Promise<BatchEngine> {
  const [answers, evaluation, json] = await Promise.all([
    import('../../engine/answers.js'),
    import('../../engine/evaluate.js'),
    import('../../report/json.js'),
  ]);
  return {
    parseAnswersDocument: (doc, q) => answers.parseAnswersDocument(doc, q),
    normaliseAnswers: (q, raw) => answers.normaliseAnswers(q, raw),
    evaluate: (q, a) => evaluation.evaluate(q, a),
    resultToPlain: (r) => json.resultToPlain(r),
  };
}
