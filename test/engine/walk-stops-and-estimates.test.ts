/**
 * When the interview stops asking, and how many questions it says are left: a stopping rule that
 * becomes certain because a red-flag question was skipped stops the walk at that question (not
 * only when a question the rule names is reached); one that holds from the start stops after the
 * first question; `nextQuestion().remaining` is the rest of the path if everything after were left
 * unanswered.
 */
import { describe, expect, it } from 'vitest';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate, evaluateSummary } from '../../src/engine/evaluate.js';
import { nextQuestion, walk } from '../../src/engine/walk.js';
import { explainCondition, evaluateCondition } from '../../src/engine/conditions.js';
import { NOT_A_DIAGNOSIS } from '../../src/engine/result.js';
import { buildQuestionnaire, cond } from '../helpers/build-questionnaire.js';
import { calm, mini } from './mini-questionnaire.js';

const skipStops = buildQuestionnaire({
  questions: [{ id: 'age', type: 'number' }, { id: 'saddle', redFlag: 'cauda_equina' }, { id: 'comfort' }, { id: 'bladder' }, { id: 'last' }],
  rules: [{ id: 'not-screened', when: { any: [{ missing: 'red_flag' }, { bladder: 'yes' }] }, outcome: 'emergency' }],
  outcomes: [{ id: 'emergency', stop: true }, 'massage_ok'],
});

function norm(q: typeof mini, raw: Record<string, unknown>) {
  return normaliseAnswers(q, raw).answers;
}

describe('early stop', () => {
  it('a skipped red flag that makes a stopping rule certain stops the walk right there', () => {
    for (const saddle of [null, undefined]) {
      const w = walk(skipStops, norm(skipStops, { age: 40, saddle, comfort: 'no', bladder: 'no', last: 'no' }));
      expect(w.path).toEqual(['age', 'saddle']);
      expect(w.stoppedEarly).toBe(true);
    }
    // A skipped question that is no red flag does not make the rule certain.
    expect(walk(skipStops, norm(skipStops, { age: null, saddle: 'no', comfort: null, bladder: 'no', last: 'no' })).stoppedEarly).toBe(false);
    // Answered, the walk goes on to the question the rule names, and past it.
    expect(walk(skipStops, norm(skipStops, { age: 40, saddle: 'no', comfort: 'no', bladder: 'no', last: 'no' })).path).toEqual(['age', 'saddle', 'comfort', 'bladder', 'last']);
    expect(walk(skipStops, norm(skipStops, { age: 40, saddle: 'no', comfort: 'no', bladder: 'yes' })).path).toEqual(['age', 'saddle', 'comfort', 'bladder']);
  });

  it('a stopping rule that holds whatever the answers stops after the first question', () => {
    const always = buildQuestionnaire({
      questions: [{ id: 'first' }, { id: 'second' }],
      rules: [{ id: 'always', when: true, outcome: 'emergency' }],
      outcomes: [{ id: 'emergency', stop: true }, 'massage_ok'],
    });
    const r = evaluate(always, norm(always, { first: 'no', second: 'no' }));
    expect(r.path).toEqual(['first']);
    expect(r.stoppedEarly).toBe(true);
    expect(r.ignored).toEqual(['second']);
    expect(nextQuestion(always, norm(always, { first: 'no' }))).toEqual({ done: true, reason: 'stopped' });
  });
});

describe('branches', () => {
  it('when no branch holds and none is the otherwise, the flow ends there', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'first', next: [{ when: { first: 'yes' }, goto: 'second' }] }, { id: 'second' }],
      rules: [],
      outcomes: ['see_professional_first', 'massage_ok'],
    });
    expect(walk(q, norm(q, { first: 'no', second: 'no' }))).toEqual({ path: ['first'], missing: [], ignored: ['second'], stoppedEarly: false });
    expect(walk(q, norm(q, { first: 'yes' })).path).toEqual(['first', 'second']);
  });
});

describe('nextQuestion: how many are left', () => {
  it('counts the questions after this one on the path the rest would take unanswered', () => {
    const first = nextQuestion(mini, norm(mini, {}));
    expect(first.done === false && [first.question.id, first.asked, first.remaining]).toEqual(['age', 0, 6]);
    const third = nextQuestion(mini, norm(mini, { age: 30, leg_pain: 'yes' }));
    expect(third.done === false && [third.question.id, third.asked, third.remaining]).toEqual(['pain_side', 2, 6]);
    const last = nextQuestion(mini, norm(mini, { ...calm, scent_sensitivity: undefined }));
    expect(last.done === false && [last.question.id, last.asked, last.remaining]).toEqual(['scent_sensitivity', 8, 0]);
  });
});

describe('conditions evaluated from outside the engine (evaluateCondition, explainCondition)', () => {
  const ctx = (answers: Record<string, unknown>, path: string[]) => ({ questionnaire: mini, answers: norm(mini, answers), path });

  it('a path naming an unknown question or a question twice counts each known question once', () => {
    const c = ctx({ fever: null }, ['nope', 'fever', 'fever', 'night_pain']);
    expect(explainCondition(cond({ missing: 'red_flag' }), c)).toEqual({ fever: null, night_pain: null });
    expect(evaluateCondition(cond({ fever: { answered: false } }), c)).toBe(true);
    expect(explainCondition(cond({ not: { missing: 'red_flag' } }), ctx({ fever: 'no', night_pain: 'no' }, ['fever', 'fever', 'night_pain']))).toEqual({ fever: 'no', night_pain: 'no' });
  });

  it('a skipped (null) required question is missing, like an absent one', () => {
    expect(evaluateCondition(cond({ missing: 'required' }), ctx({ age: null, leg_pain: 'no' }, ['age', 'leg_pain']))).toBe(true);
    expect(evaluateCondition(cond({ missing: 'required' }), ctx({ age: 30, leg_pain: 'no' }, ['age', 'leg_pain']))).toBe(false);
  });
});

describe('the Result names itself and says it is no diagnosis', () => {
  it('format, version and the notice', () => {
    const r = evaluate(mini, norm(mini, calm));
    expect([r.format, r.formatVersion]).toEqual(['sciatica-screen/result', 1]);
    expect(r.notice).toBe(NOT_A_DIAGNOSIS);
    expect(NOT_A_DIAGNOSIS).toMatch(/^This is a self-screening aid, not a diagnosis or medical advice\. .*in an emergency call 999/);
  });

  it('a questionnaire with a single outcome: nothing milder to raise from, the red flag still named', () => {
    const single = buildQuestionnaire({ questions: [{ id: 'fever', redFlag: 'infection' }], rules: [], outcomes: ['see_professional_first'] });
    const r = evaluate(single, norm(single, { fever: 'yes' }));
    expect(r.disposition).toBe('see_professional_first');
    expect(r.fired).toEqual([]);
    expect(evaluateSummary(single, norm(single, { fever: 'yes' }))).toEqual({ disposition: 'see_professional_first', cautions: [], fired: [], missing: [] });
    expect(evaluate(single, norm(single, {})).unscreened).toEqual([{ question: 'fever', red_flag: 'infection' }]);
  });
});
