/**
 * The summary-only evaluation (`evaluateSummary`, what batch writes unless --full) is exactly the
 * summary of the full Result: `disposition`, `cautions[].id`, `fired[].rule`, `missing`, for
 * generated questionnaires and answer sets (test/engine/arbitraries.ts) and for the bundled
 * questionnaire with generated answer sets; and batch's path — answers normalised straight into
 * the engine's array (`…Values`) — gives the same answers, problems and summary.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { normaliseAnswers, normaliseAnswerValues, parseAnswersDocument, parseAnswersDocumentValues } from '../../src/engine/answers.js';
import { evaluate, evaluateSummary, evaluateSummaryOfValues } from '../../src/engine/evaluate.js';
import type { Result } from '../../src/engine/result.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { AnswerValue, Question, Questionnaire } from '../../src/questionnaire/model.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { ROOT } from '../helpers/spawn-bin.js';
import { caseArb } from '../engine/arbitraries.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

function summaryOf(r: Result): unknown {
  return { disposition: r.disposition, cautions: r.cautions.map((c) => c.id), fired: r.fired.map((f) => f.rule), missing: r.missing };
}

const bundled: Questionnaire = await loadQuestionnaire(`${ROOT}/questionnaires/sciatica-massage.yaml`);

function valueArb(q: Question): fc.Arbitrary<AnswerValue | null> {
  const unsure = q.unsure ? ['unsure'] : [];
  switch (q.type) {
    case 'yesno':
      return fc.constantFrom('yes', 'no', ...unsure);
    case 'choice':
      return fc.constantFrom(...q.options.map((o) => o.value), ...unsure);
    case 'multi':
      return fc.subarray(q.options.map((o) => o.value));
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 120 });
    case 'scale':
      return fc.integer({ min: q.min, max: q.max });
  }
}
/** Answer sets for the bundled questionnaire: each question answered, left out, or null (skipped). */
const bundledAnswersArb = fc.record(
  Object.fromEntries(bundled.questions.map((x) => [x.id, fc.oneof({ weight: 6, arbitrary: valueArb(x) }, { weight: 1, arbitrary: fc.constant(null) })])),
  { requiredKeys: [] },
);

describe('evaluateSummary is the summary of evaluate', () => {
  test.prop([caseArb], RUNS)('generated questionnaires and answers', (c) => {
    const q = buildQuestionnaire(c.spec);
    expect(evaluateSummary(q, c.answers)).toStrictEqual(summaryOf(evaluate(q, c.answers)));
  });

  test.prop([bundledAnswersArb], RUNS)('the bundled questionnaire, generated answer sets', (raw) => {
    const { answers, problems } = normaliseAnswers(bundled, raw);
    expect(problems).toEqual([]);
    expect(evaluateSummary(bundled, answers)).toStrictEqual(summaryOf(evaluate(bundled, answers)));
  });

  test.prop([caseArb], RUNS)('generated questionnaires and answers, normalised into the engine’s array', (c) => {
    const q = buildQuestionnaire(c.spec);
    const { values, problems } = normaliseAnswerValues(q, c.answers);
    expect(problems).toEqual([]);
    expect(evaluateSummaryOfValues(q, values)).toStrictEqual(summaryOf(evaluate(q, c.answers)));
  });

  // Documents as batch meets them: wrapped or bare, with an id, sometimes with bad or unknown answers.
  const documentArb = fc.tuple(bundledAnswersArb, fc.constantFrom('wrapped', 'bare'), fc.option(fc.constantFrom('r1', '', 7)), fc.option(fc.constantFrom(['fever', 'maybe'], ['feverr', 'no'], ['age', 'forty'])))
    .map(([answers, shape, id, bad]) => {
      const a: Record<string, unknown> = { ...answers };
      if (bad) a[bad[0] as string] = bad[1];
      return shape === 'bare' ? a : { questionnaire: bundled.id, version: bundled.version, ...(id === null ? {} : { id }), answers: a };
    });

  test.prop([documentArb], RUNS)('the bundled questionnaire, documents as batch reads them: same answers, problems, id and summary', (doc) => {
    const viaObject = parseAnswersDocument(doc, bundled);
    const viaValues = parseAnswersDocumentValues(doc, bundled);
    expect(viaValues.problems).toStrictEqual(viaObject.problems);
    expect(viaValues.recordId).toBe(viaObject.recordId);
    const { answers } = normaliseAnswers(bundled, Object.fromEntries(bundled.questions.map((x, i) => [x.id, viaValues.values[i]])));
    expect(answers).toStrictEqual(viaObject.answers);
    if (viaObject.problems.length === 0) {
      expect(evaluateSummaryOfValues(bundled, viaValues.values)).toStrictEqual(summaryOf(evaluate(bundled, viaObject.answers)));
    }
  });
});
