/**
 * Issue 9.8: the interview found which given answers are on the path with one `nextQuestion` per
 * question (each a walk from the start): quadratic, 2.5–3.8 s per answer at 2,000 questions and
 * tens of seconds at 20,000. With the engine's `walk` it takes one pass; this property holds the
 * two ways to the same answer on random questionnaires and random (partial) answer sets.
 * Figures: bench/chain.mjs.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { nextQuestion, walk } from '../../src/engine/walk.js';
import { replayPath } from '../../src/interview/replay-path.js';
import type { AnswerValue } from '../../src/questionnaire/model.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { caseArb } from './arbitraries.js';

describe('replaying given answers onto the path', () => {
  test.prop([caseArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })], { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 300) })(
    'one walk gives the same trail, answers, dropped and unanswered as one nextQuestion per question',
    (c, keep) => {
      const q = buildQuestionnaire(c.spec);
      // Some answers absent (a gap in the trail), some given as null (skipped).
      const given: Record<string, AnswerValue | null> = {};
      Object.keys(c.answers).forEach((id, i) => {
        if (keep[i % keep.length] === true) given[id] = c.answers[id] ?? null;
      });
      const stepwise = replayPath(q, { nextQuestion, evaluate }, given);
      const linear = replayPath(q, { nextQuestion, evaluate, walk }, given);
      expect(linear).toEqual(stepwise);
    },
  );
});
