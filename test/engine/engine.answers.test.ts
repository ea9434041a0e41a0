import { describe, expect, it } from 'vitest';
import { normaliseAnswers, parseAnswersDocument } from '../../src/engine/answers.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { mini } from './mini-questionnaire.js';

const withMulti = buildQuestionnaire({
  questions: [
    { id: 'where', type: 'multi', options: ['back', 'left_leg', 'right_leg'] },
    { id: 'weight', type: 'number', min: 30, unsure: true },
    { id: 'side', type: 'choice', options: ['one_leg', 'both_legs'], unsure: true },
  ],
  rules: [],
  outcomes: ['a', 'b'],
});

function messages(raw: Record<string, unknown>, q = mini): string[] {
  return normaliseAnswers(q, raw).problems.map((p) => p.message);
}

describe('normaliseAnswers: lenient spellings a script will send', () => {
  it('accepts true/false, any case, "not sure" spellings and numeric strings', () => {
    const { answers, problems } = normaliseAnswers(mini, {
      leg_pain: true,
      anticoagulants: false,
      night_pain: ' Yes ',
      saddle_numbness: 'Not Sure',
      fever: "don't know",
      age: '42',
      pain_intensity: ' 7 ',
      pain_side: 'Both-Legs',
    });
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      age: 42,
      leg_pain: 'yes',
      pain_side: 'both_legs',
      pain_intensity: 7,
      saddle_numbness: 'unsure',
      fever: 'unsure',
      anticoagulants: 'no',
      night_pain: 'yes',
    });
  });

  it('reads "true"/"false" strings (as a CSV or spreadsheet writes them) on yes/no questions only', () => {
    expect(normaliseAnswers(mini, { leg_pain: 'TRUE', anticoagulants: ' false ' })).toEqual({ answers: { leg_pain: 'yes', anticoagulants: 'no' }, problems: [] });
    expect(messages({ side: 'true' }, withMulti)).toEqual(['"side": "true" is not one of one_leg, both_legs, unsure']);
  });

  it('treats null and "" as unanswered, and returns answers in document order', () => {
    const { answers } = normaliseAnswers(mini, { night_pain: '', fever: null, age: 50, leg_pain: undefined });
    expect(answers).toEqual({ age: 50, fever: null, night_pain: null });
    // undefined is "not given" (absent), null is "seen and left unanswered".
    expect(Object.keys(answers)).toEqual(['age', 'fever', 'night_pain']);
  });

  it('accepts dont_know/unsure only where the question offers "not sure"', () => {
    expect(normaliseAnswers(mini, { fever: 'dont_know', saddle_numbness: 'unsure' }).answers).toEqual({ saddle_numbness: 'unsure', fever: 'unsure' });
    expect(messages({ leg_pain: 'not sure' })).toEqual(['"leg_pain": "not sure" is not offered: expected yes or no']);
    expect(normaliseAnswers(withMulti, { weight: 'Unsure', side: 'not sure' }).answers).toEqual({ weight: 'unsure', side: 'unsure' });
  });

  it('stores a multi answer as a list in option order, without duplicates', () => {
    expect(normaliseAnswers(withMulti, { where: ['right_leg', 'Back', 'back'] }).answers).toEqual({ where: ['back', 'right_leg'] });
    expect(normaliseAnswers(withMulti, { where: [] }).answers).toEqual({ where: [] });
  });
});

describe('normaliseAnswers: every bad-answer class, one line naming the question', () => {
  it('an unknown question id, with "did you mean"', () => {
    const { problems } = normaliseAnswers(mini, { pain_intensty: 5, zzz: 1 });
    expect(problems).toEqual([
      { code: 'answer.unknown-question', question: 'pain_intensty', message: '"pain_intensty" is not a question of mini (did you mean "pain_intensity"?)' },
      { code: 'answer.unknown-question', question: 'zzz', message: '"zzz" is not a question of mini' },
    ]);
  });

  it('a value the question cannot take lists the allowed values', () => {
    expect(messages({ pain_side: 'both', fever: 'maybe', leg_pain: 'yess' })).toEqual([
      '"pain_side": "both" is not one of one_leg, both_legs, alternating',
      '"fever": "maybe" is not one of yes, no, unsure',
      '"leg_pain": "yess" is not one of yes, no',
    ]);
    expect(messages({ where: ['back', 'foot'], side: 'all' }, withMulti)).toEqual([
      '"where": "foot" is not one of back, left_leg, right_leg',
      '"side": "all" is not one of one_leg, both_legs, unsure',
    ]);
  });

  it('a number out of range names the bound', () => {
    expect(normaliseAnswers(mini, { pain_intensity: 14 }).problems).toEqual([
      { code: 'answer.out-of-range', question: 'pain_intensity', message: '"pain_intensity": 14 is above the maximum 10' },
    ]);
    expect(messages({ age: 12, pain_intensity: '-1' })).toEqual(['"age": 12 is below the minimum 16', '"pain_intensity": -1 is below the minimum 0']);
    expect(messages({ weight: 29.5 }, withMulti)).toEqual(['"weight": 29.5 is below the minimum 30']);
  });

  it('a scale or whole-number question rejects fractions', () => {
    expect(messages({ pain_intensity: 6.5, age: '40.5' })).toEqual(['"pain_intensity": 6.5 is not a whole number', '"age": 40.5 is not a whole number']);
  });

  it('a value of the wrong type says what was expected', () => {
    expect(normaliseAnswers(mini, { age: 'forty' }).problems).toEqual([
      { code: 'answer.wrong-type', question: 'age', message: '"age": expected a number, got "forty"' },
    ]);
    expect(messages({ pain_intensity: true, fever: 3, pain_side: ['one_leg'], night_pain: { yes: true } })).toEqual([
      '"pain_intensity": expected a whole number from 0 to 10, got true',
      '"fever": expected yes, no or unsure, got 3',
      '"pain_side": expected one of one_leg, both_legs, alternating, got a list',
      '"night_pain": expected yes or no, got an object',
    ]);
    expect(messages({ where: 'back' }, withMulti)).toEqual(['"where": expected a list of options (back, left_leg, right_leg), got "back"']);
    expect(messages({ where: ['back', 2] }, withMulti)).toEqual(['"where": expected a list of options (back, left_leg, right_leg), got 2 in the list']);
  });

  it('never reads an inherited or prototype key', () => {
    const raw = JSON.parse('{"__proto__": "yes", "constructor": "no"}') as Record<string, unknown>;
    expect(normaliseAnswers(mini, raw).problems.map((p) => p.code)).toEqual(['answer.unknown-question', 'answer.unknown-question']);
  });
});

describe('parseAnswersDocument', () => {
  it('reads the envelope, with a record id', () => {
    const r = parseAnswersDocument({ questionnaire: 'mini', version: '1.0.3', id: 'rec-7', answers: { fever: 'no' } }, mini);
    expect(r).toEqual({ answers: { fever: 'no' }, recordId: 'rec-7', problems: [] });
  });

  it('reads a bare map of answers', () => {
    expect(parseAnswersDocument({ fever: 'yes', age: 33 }, mini)).toEqual({ answers: { age: 33, fever: 'yes' }, problems: [] });
  });

  it('rejects another questionnaire or another major version, without reading the answers', () => {
    expect(parseAnswersDocument({ questionnaire: 'other', answers: { nope: 1 } }, mini).problems).toEqual([
      { code: 'answers.wrong-questionnaire', message: 'the answers are for questionnaire "other", not "mini"' },
    ]);
    expect(parseAnswersDocument({ questionnaire: 'mini', version: '2.0.0', answers: { fever: 'no' } }, mini)).toEqual({
      answers: {},
      problems: [
        { code: 'answers.wrong-version', message: 'the answers are for version 2.0.0 of mini, but the questionnaire is version 1.2.0 (major versions differ)' },
      ],
    });
    expect(parseAnswersDocument({ questionnaire: 'mini', version: 'one', answers: {} }, mini).problems.map((p) => p.message)).toEqual([
      '"version" must be a version like 1.0.0, got "one"',
    ]);
  });

  it('names unknown envelope keys and a missing answers object', () => {
    expect(parseAnswersDocument({ questionnaire: 'mini', anwsers: {} }, mini).problems.map((p) => p.message)).toEqual([
      'unknown key "anwsers" in the answers file (did you mean "answers"?)',
      'the answers file has no "answers" object',
    ]);
    expect(parseAnswersDocument({ questionnaire: 'mini', answers: [1], id: 3 }, mini).problems.map((p) => p.message)).toEqual([
      '"id" must be a non-empty string, got 3',
      '"answers" must be an object of answers by question id, got a list',
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(parseAnswersDocument([], mini).problems).toEqual([
      { code: 'answers.not-an-object', message: 'expected a JSON object of answers by question id, got a list' },
    ]);
  });
});
