/**
 * batch's normalisation answers the exact spellings (`yes`, `no`, an option's value, `unsure`)
 * by one lookup per answer (src/engine/answers.ts, `exactSpellingsOf`); everything else goes
 * through `normaliseAnswer`. The shortcut must give what the long way gives — same value, same
 * problem — for every question of the bundled questionnaire and of generated ones, for exact,
 * lenient and wrong spellings, and for a key that is no question.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { normaliseAnswer, normaliseAnswerValues } from '../../src/engine/answers.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question, Questionnaire } from '../../src/questionnaire/model.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { caseArb } from '../engine/arbitraries.js';
import { ROOT } from '../helpers/spawn-bin.js';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };
const bundled: Questionnaire = await loadQuestionnaire(`${ROOT}/questionnaires/sciatica-massage.yaml`);

function spellings(q: Question): fc.Arbitrary<unknown> {
  const exact = ['yes', 'no', 'unsure', ...(q.type === 'choice' || q.type === 'multi' ? q.options.flatMap((o) => [o.value, o.label, o.value.toUpperCase(), ` ${o.value} `]) : [])];
  return fc.oneof(fc.constantFrom(...exact, 'Yes', 'NO', 'y', 'true', 'not sure', "don't know", 'maybe', '', ' '), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
}

function agrees(q: Questionnaire, question: Question, raw: unknown): void {
  const i = q.questions.indexOf(question);
  const long = normaliseAnswer(question, raw);
  const { values, problems } = normaliseAnswerValues(q, { [question.id]: raw });
  if (long.ok) {
    expect(problems).toEqual([]);
    expect(values[i]).toStrictEqual(long.value);
  } else {
    expect(problems).toEqual([long.problem]);
    expect(values[i]).toBeUndefined();
  }
}

describe('the exact-spelling shortcut gives what normaliseAnswer gives', () => {
  test.prop([fc.constantFrom(...bundled.questions).chain((x) => fc.tuple(fc.constant(x), spellings(x)))], RUNS)('the bundled questionnaire', ([question, raw]) => {
    agrees(bundled, question, raw);
  });

  test.prop([caseArb, fc.nat(), fc.string()], RUNS)('generated questionnaires', (c, n, s) => {
    const q = buildQuestionnaire(c.spec);
    const question = q.questions[n % q.questions.length] as Question;
    const raw = question.type === 'choice' && question.options.length > 0 ? (question.options[n % question.options.length]?.value ?? s) : n % 2 ? 'yes' : s;
    agrees(q, question, raw);
  });

  test.prop([fc.constantFrom('yes', 'no', 'unsure', 'one_leg'), fc.string()], RUNS)('a key that is no question is reported, whatever its value', (value, key) => {
    fc.pre(!bundled.questions.some((x) => x.id === key) && key !== '__proto__');
    const { values, problems } = normaliseAnswerValues(bundled, { [key]: value });
    expect(problems.map((p) => p.code)).toEqual(['answer.unknown-question']);
    expect(values.every((v) => v === undefined)).toBe(true);
  });
});
