/**
 * The engine functions a batch runs, the same ones `evaluate` runs: batch has no clinical logic.
 * Injected so the streaming layers can be tested with a fake; `loadBatchEngine` loads the real one.
 */
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import type { Result } from '../../engine/result.js';
import type { ResultSummary } from '../../engine/evaluate.js';

export interface BatchAnswerProblem {
  readonly code: string;
  readonly question?: string;
  readonly message: string;
}

/** One record's answers read and, when they have no problem, summarised (`summary`). */
export interface BatchSummary {
  readonly recordId?: string;
  readonly problems: readonly BatchAnswerProblem[];
  readonly summary?: ResultSummary;
}

export interface BatchEngine {
  /** Either shape `evaluate` accepts (wrapped, optionally with a record `id`, or a bare map). */
  parseAnswersDocument(doc: unknown, q: Questionnaire): { answers: Answers; recordId?: string; problems: readonly BatchAnswerProblem[] };
  /** A bare `{ questionId: value }` map with lenient spellings (a CSV row). */
  normaliseAnswers(q: Questionnaire, raw: Record<string, unknown>): { answers: Answers; problems: readonly BatchAnswerProblem[] };
  evaluate(q: Questionnaire, answers: Answers): Result;
  /** The Result as the ordered plain object of docs/result-format.md (`--full`). */
  resultToPlain(r: Result): Result;
  /**
   * `parseAnswersDocument` then the summary of `evaluate` (what batch writes unless `--full` or
   * `--to fhir`): the same problems, id and summary, made without the answers object and the
   * explained Result (src/engine: `parseAnswersDocumentValues`, `evaluateSummaryOfValues`).
   */
  summariseDocument(doc: unknown, q: Questionnaire): BatchSummary;
  /** `normaliseAnswers` then the summary of `evaluate`, likewise. */
  summariseAnswers(q: Questionnaire, raw: Record<string, unknown>): BatchSummary;
}

/** The summary of a full Result: what `summarise*` must give (test/perf-equivalence holds the real engine to it). */
export function summaryOfResult(r: Result): ResultSummary {
  return { disposition: r.disposition, cautions: r.cautions.map((c) => c.id), fired: r.fired.map((f) => f.rule), missing: r.missing };
}

/** An engine whose `summarise*` go the long way (parse or normalise, evaluate, summarise): for fakes in tests. */
export function withSummaries(engine: Omit<BatchEngine, 'summariseDocument' | 'summariseAnswers'>): BatchEngine {
  const summarised = (q: Questionnaire, r: { answers: Answers; recordId?: string; problems: readonly BatchAnswerProblem[] }): BatchSummary => ({
    ...(r.recordId === undefined ? {} : { recordId: r.recordId }),
    problems: r.problems,
    ...(r.problems.length === 0 ? { summary: summaryOfResult(engine.evaluate(q, r.answers)) } : {}),
  });
  return {
    ...engine,
    summariseDocument: (doc, q) => summarised(q, engine.parseAnswersDocument(doc, q)),
    summariseAnswers: (q, raw) => summarised(q, engine.normaliseAnswers(q, raw)),
  };
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
    summariseDocument: (doc, q) => {
      const { values, recordId, problems } = answers.parseAnswersDocumentValues(doc, q);
      return { recordId, problems, summary: problems.length === 0 ? evaluation.evaluateSummaryOfValues(q, values) : undefined };
    },
    summariseAnswers: (q, raw) => {
      const { values, problems } = answers.normaliseAnswerValues(q, raw);
      return { problems, summary: problems.length === 0 ? evaluation.evaluateSummaryOfValues(q, values) : undefined };
    },
  };
}
