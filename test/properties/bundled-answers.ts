/**
 * Generated answer sets for a loaded questionnaire (the bundled one in these tests): every
 * question absent, `null` (skipped) or given a valid value of its type, "not sure" included where
 * offered. Written generically from the questionnaire, so it follows any change to the bundled
 * file. No empty `multi` selection: CSV cannot tell it from an unanswered cell.
 */
import { fc } from '@fast-check/vitest';
import type { AnswerValue, Question, Questionnaire } from '../../src/questionnaire/model.js';

export type AnswerSet = Record<string, AnswerValue | null>;

function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  const unsure: fc.Arbitrary<AnswerValue>[] = q.unsure ? [fc.constant('unsure')] : [];
  switch (q.type) {
    case 'yesno':
      return fc.oneof(fc.constant('yes'), fc.constant('no'), ...unsure);
    case 'choice':
      return fc.oneof(fc.constantFrom(...q.options.map((o) => o.value)), ...unsure);
    case 'multi':
      return fc.subarray(q.options.map((o) => o.value), { minLength: 1 });
    case 'scale':
      return fc.oneof(fc.integer({ min: q.min, max: q.max }), ...unsure);
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? 150;
      const edges = fc.constantFrom(min, max, Math.min(max, min + 1), Math.max(min, max - 1), Math.min(max, Math.max(min, 50)), Math.min(max, Math.max(min, 49)));
      const inRange = q.integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 10) / 10);
      return fc.oneof(edges, inRange, ...unsure);
    }
  }
}

/** An answer set: each question absent (weight 2), skipped (1) or answered (7). */
export function answerSetArb(q: Questionnaire): fc.Arbitrary<AnswerSet> {
  return fc
    .tuple(
      ...q.questions.map((question) =>
        fc.oneof(
          { weight: 2, arbitrary: fc.constant<AnswerValue | null | undefined>(undefined) },
          { weight: 1, arbitrary: fc.constant<AnswerValue | null | undefined>(null) },
          { weight: 7, arbitrary: valueArb(question) },
        ),
      ),
    )
    .map((values) => {
      const out: AnswerSet = {};
      values.forEach((v, i) => {
        if (v !== undefined) out[(q.questions[i] as Question).id] = v;
      });
      return out;
    });
}

/**
 * Answer sets near `baseline` (a set the questionnaire says massage is fine for): 0 to 4 of its
 * questions changed at random (removed, skipped or another value). They reach the mildest outcome
 * often, and its neighbours, where a wrong "massage is fine" would hide.
 */
export function nearSetArb(q: Questionnaire, baseline: AnswerSet): fc.Arbitrary<AnswerSet> {
  const change = fc.constantFrom(...q.questions).chain((question) =>
    fc
      .oneof(
        { weight: 1, arbitrary: fc.constant<AnswerValue | null | undefined>(undefined) },
        { weight: 1, arbitrary: fc.constant<AnswerValue | null | undefined>(null) },
        { weight: 4, arbitrary: valueArb(question) },
      )
      .map((value) => [question.id, value] as const),
  );
  return fc.array(change, { maxLength: 4 }).map((changes) => {
    const out: AnswerSet = { ...baseline };
    for (const [id, value] of changes) {
      if (value === undefined) delete out[id];
      else out[id] = value;
    }
    return out;
  });
}

/** The red-flag questions answered with a red-flag value. */
export function redFlagAnswers(q: Questionnaire, set: AnswerSet): string[] {
  return q.questions
    .filter((question) => {
      const v = set[question.id];
      return question.redFlag !== undefined && v !== undefined && v !== null && (Array.isArray(v) ? v.some((x) => question.redFlag?.values.includes(x)) : question.redFlag.values.includes(String(v)));
    })
    .map((question) => question.id);
}
