/**
 * A `multi` question can be a red flag (docs/questionnaire-language.md § Red flags): an answer that
 * selects any of its red-flag values is a red-flag answer. The engine's safety net must see it, on
 * the path and off it, or a person who ticked "both legs" among other options could be told that a
 * massage is fine.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_RULE, evaluate } from '../../src/engine/evaluate.js';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';

// No rule names `where`: only the engine's safety net can keep a red-flag answer from the floor.
const q = buildQuestionnaire({
  questions: [
    { id: 'leg_pain', next: [{ when: { leg_pain: 'yes' }, goto: 'where' }, { goto: 'fever' }] },
    { id: 'where', type: 'multi', options: ['back', 'left_leg', 'right_leg', 'both_legs'], redFlag: { category: 'cauda_equina', values: ['both_legs'] } },
    { id: 'fever', redFlag: 'infection' },
  ],
  rules: [{ id: 'fever', when: { fever: 'yes' }, outcome: 'urgent' }],
  outcomes: ['urgent', 'see_professional_first', 'massage_ok'],
});

function run(raw: Record<string, unknown>) {
  const { answers, problems } = normaliseAnswers(q, raw);
  expect(problems).toEqual([]);
  return evaluate(q, answers);
}

describe('a multi red-flag question', () => {
  it('selecting a red-flag value among others is a red-flag answer: never massage_ok, and the answer is named', () => {
    const r = run({ leg_pain: 'yes', where: ['back', 'both_legs'], fever: 'no' });
    expect(r.disposition).toBe('see_professional_first');
    expect(r.fired.map((f) => [f.rule, f.answers])).toEqual([[ENGINE_RULE.redFlagAnswer, { where: ['back', 'both_legs'] }]]);
  });

  it('selecting only other values, or none, is no red-flag answer', () => {
    expect(run({ leg_pain: 'yes', where: ['left_leg', 'right_leg'], fever: 'no' }).disposition).toBe('massage_ok');
    expect(run({ leg_pain: 'yes', where: [], fever: 'no' }).disposition).toBe('massage_ok');
  });

  it('off the path, a red-flag selection still keeps the result from massage_ok', () => {
    const r = run({ leg_pain: 'no', where: ['both_legs'], fever: 'no' });
    expect(r.path).toEqual(['leg_pain', 'fever']);
    expect(r.ignored).toEqual(['where']);
    expect(r.disposition).toBe('see_professional_first');
    expect(r.fired.map((f) => [f.rule, f.answers])).toEqual([[ENGINE_RULE.redFlagAnswerOffPath, { where: ['both_legs'] }]]);
    expect(run({ leg_pain: 'no', where: ['back'], fever: 'no' }).disposition).toBe('massage_ok');
  });
});
