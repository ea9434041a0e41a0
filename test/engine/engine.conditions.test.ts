import { describe, expect, it } from 'vitest';
import { evaluateCondition, explainCondition } from '../../src/engine/conditions.js';
import type { Answers } from '../../src/questionnaire/model.js';
import { buildQuestionnaire, cond, type CondSpec } from '../helpers/build-questionnaire.js';

const q = buildQuestionnaire({
  questions: [
    { id: 'fever', unsure: true, redFlag: 'infection' },
    { id: 'age', type: 'number', unsure: true },
    { id: 'where', type: 'multi', options: ['back', 'left_leg', 'right_leg'] },
    { id: 'comfort', required: false },
    { id: 'later' },
  ],
  rules: [],
  outcomes: ['a', 'b'],
});
const PATH = ['fever', 'age', 'where', 'comfort'];

function check(spec: CondSpec, answers: Answers, path = PATH): boolean {
  return evaluateCondition(cond(spec), { questionnaire: q, answers, path });
}

describe('conditions', () => {
  it('match a value or a list of values; unanswered never matches', () => {
    expect(check({ fever: ['yes', 'unsure'] }, { fever: 'unsure' })).toBe(true);
    expect(check({ fever: 'yes' }, { fever: 'no' })).toBe(false);
    expect(check({ fever: ['yes', 'no', 'unsure'] }, { fever: null })).toBe(false);
    expect(check({ not: { fever: 'no' } }, {})).toBe(true);
  });

  it('match a multi answer when any selected option is listed', () => {
    expect(check({ where: { in: ['left_leg', 'right_leg'] } }, { where: ['back', 'right_leg'] })).toBe(true);
    expect(check({ where: ['left_leg'] }, { where: [] })).toBe(false);
  });

  it('compare numbers only; "unsure" never compares', () => {
    expect(check({ age: { gte: 50 } }, { age: 50 })).toBe(true);
    expect(check({ age: { gt: 50 } }, { age: 50 })).toBe(false);
    expect(check({ age: { gte: 18, lt: 65 } }, { age: 64 })).toBe(true);
    expect(check({ age: { ne: 3 } }, { age: 'unsure' })).toBe(false);
    expect(check({ age: { lte: 200 } }, {})).toBe(false);
  });

  it('test answered and missing', () => {
    expect(check({ comfort: { answered: false } }, { comfort: null })).toBe(true);
    expect(check({ age: { answered: true } }, { age: 'unsure' })).toBe(true);
    // `comfort` is optional: missing required ignores it; fever is a red flag.
    expect(check({ missing: 'required' }, { fever: 'no', age: 3, where: [] })).toBe(false);
    expect(check({ missing: 'red_flag' }, { age: 3, where: [] })).toBe(true);
  });

  it('see only the answers on the path', () => {
    expect(check({ later: 'yes' }, { later: 'yes' })).toBe(false);
    expect(check({ later: 'yes' }, { later: 'yes' }, [...PATH, 'later'])).toBe(true);
    // A red flag off the path is not "missing": it was never asked.
    expect(check({ missing: 'red_flag' }, { fever: 'yes' }, ['age'])).toBe(false);
  });

  it('combine with all, any, not and constants', () => {
    expect(check({ all: [{ fever: 'yes' }, { age: { gte: 50 } }] }, { fever: 'yes', age: 40 })).toBe(false);
    expect(check({ any: [false, { fever: 'yes' }] }, { fever: 'yes' })).toBe(true);
    expect(check({ not: true }, {})).toBe(false);
  });
});

describe('explanations: the answers that made a condition hold', () => {
  const explainOf = (spec: CondSpec, answers: Answers, path = PATH) => explainCondition(cond(spec), { questionnaire: q, answers, path });

  it('name only the holding alternatives of an any', () => {
    expect(explainOf({ any: [{ fever: 'yes' }, { age: { gte: 50 } }] }, { fever: 'yes', age: 30 })).toEqual({ fever: 'yes' });
  });

  it('name every part of an all, in path order', () => {
    expect(explainOf({ all: [{ age: { gte: 50 } }, { fever: 'unsure' }] }, { fever: 'unsure', age: 70 })).toEqual({ fever: 'unsure', age: 70 });
  });

  it('name the answers a negated condition failed on, and unanswered questions as null', () => {
    expect(explainOf({ not: { where: ['back'] } }, { where: ['left_leg'] })).toEqual({ where: ['left_leg'] });
    expect(explainOf({ missing: 'required' }, { fever: 'no' })).toEqual({ age: null, where: null });
    expect(explainOf({ later: { answered: false } }, {})).toEqual({ later: null });
  });

  it('under a not, name only the answers that made the negated condition fail', () => {
    // not(all): the parts of the all that failed, not the ones that held.
    expect(explainOf({ not: { all: [{ fever: 'yes' }, { age: { gte: 50 } }] } }, { fever: 'yes', age: 30 })).toEqual({ age: 30 });
    // not(any): every alternative failed, so every one is a reason.
    expect(explainOf({ not: { any: [{ fever: 'yes' }, { age: { gte: 50 } }] } }, { fever: 'no', age: 30 })).toEqual({ fever: 'no', age: 30 });
    // An all nested in the any failed on its first part only: the second part's question is no reason.
    expect(
      explainOf({ not: { any: [{ where: ['back'] }, { all: [{ fever: 'yes' }, { age: { gte: 50 } }] }] } }, { fever: 'no', age: 70, where: [] }),
    ).toEqual({ fever: 'no', where: [] });
    // not(not c) is c.
    expect(explainOf({ not: { not: { any: [{ fever: 'yes' }, { age: { gte: 50 } }] } } }, { fever: 'yes', age: 30 })).toEqual({ fever: 'yes' });
    // not(missing): every path question of the class, all answered.
    expect(explainOf({ not: { missing: 'red_flag' } }, { fever: 'no' })).toEqual({ fever: 'no' });
    expect(explainOf({ not: { where: ['back'] } }, { where: null })).toEqual({ where: null });
  });

  it('are undefined when the condition does not hold', () => {
    expect(explainOf({ fever: 'yes' }, { fever: 'no' })).toBeUndefined();
  });
});
