/**
 * An evaluation started while another is under way gets its own working buffers, and neither
 * result changes. The engine lends each questionnaire's scratch buffers to one evaluation at a
 * time; a questionnaire behind a Proxy or getters (as reactive-state libraries wrap objects) can
 * run caller code in the middle of an evaluation, and that code may evaluate again. Without the
 * guard the inner evaluation would clear the outer one's path halfway and the outer Result would
 * list its own path questions as ignored.
 */
import { describe, expect, it } from 'vitest';
import { normaliseAnswers, normaliseAnswerValues } from '../../src/engine/answers.js';
import { evaluate, evaluateSummary, evaluateSummaryOfValues } from '../../src/engine/evaluate.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { calm, mini } from './mini-questionnaire.js';

/** `mini` behind a Proxy that, once armed, runs `nested` the next time the engine reads `outcomes`. */
function reentrantQuestionnaire(): { q: Questionnaire; arm: (nested: (q: Questionnaire) => unknown) => () => unknown } {
  let pending: ((q: Questionnaire) => unknown) | undefined;
  let inner: unknown;
  const q: Questionnaire = new Proxy(mini, {
    get(target, key, receiver) {
      if (key === 'outcomes' && pending !== undefined) {
        const run = pending;
        pending = undefined;
        inner = run(q);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    q,
    arm(nested) {
      pending = nested;
      inner = undefined;
      return () => inner;
    },
  };
}

// Different paths on purpose: the outer walk takes the leg-pain branch to the end; the inner one
// skips it and stops early on a cauda equina answer.
const OUTER = { ...calm, anticoagulants: 'yes' } as const; // a rule fires only through a visible answer
const INNER = { age: 40, leg_pain: 'no', saddle_numbness: 'yes' } as const;

describe('re-entrant evaluation', () => {
  it('evaluate inside evaluate: both Results are the ones each gives alone', () => {
    const { q, arm } = reentrantQuestionnaire();
    const outer = normaliseAnswers(q, OUTER).answers;
    const inner = normaliseAnswers(q, INNER).answers;
    evaluate(q, outer); // compile the plan first: the nested call must come while the buffers are lent
    const innerResult = arm((qq) => evaluate(qq, inner));
    const outerResult = evaluate(q, outer);
    expect(innerResult()).toBeDefined();
    expect(outerResult).toEqual(evaluate(mini, normaliseAnswers(mini, OUTER).answers));
    expect(innerResult()).toEqual(evaluate(mini, normaliseAnswers(mini, INNER).answers));
    expect(outerResult.ignored).toEqual([]);
    // The buffers come back zeroed: the next evaluation is not disturbed either.
    expect(evaluate(q, inner)).toEqual(innerResult());
    expect(evaluate(q, outer)).toEqual(outerResult);
  });

  it('the summaries (what batch writes) inside an evaluation, and an evaluation inside them', () => {
    const { q, arm } = reentrantQuestionnaire();
    const outer = normaliseAnswers(q, OUTER).answers;
    const innerValues = normaliseAnswerValues(q, INNER).values;
    const outerValues = normaliseAnswerValues(q, OUTER).values;
    const alone = { outer: evaluateSummary(q, outer), inner: evaluateSummaryOfValues(q, innerValues) };
    expect(alone.outer.missing).toEqual([]);
    expect(alone.inner).toEqual({ disposition: 'emergency', cautions: [], fired: ['ces-saddle'], missing: [] });

    let inner = arm((qq) => evaluateSummaryOfValues(qq, innerValues));
    expect(evaluateSummary(q, outer)).toEqual(alone.outer);
    expect(inner()).toEqual(alone.inner);

    inner = arm((qq) => evaluateSummaryOfValues(qq, innerValues));
    expect(evaluateSummaryOfValues(q, outerValues)).toEqual(alone.outer);
    expect(inner()).toEqual(alone.inner);

    const full = evaluate(q, outer);
    inner = arm((qq) => evaluate(qq, outer));
    expect(evaluateSummaryOfValues(q, innerValues)).toEqual(alone.inner);
    expect(inner()).toEqual(full);
    expect(evaluateSummaryOfValues(q, outerValues)).toEqual(alone.outer);
  });
});
