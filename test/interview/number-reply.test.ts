import { describe, expect, it } from 'vitest';
import { numberHint, parseNumberReply } from '../../src/interview/number-reply.js';
import type { NumberQuestion, ScaleQuestion } from '../../src/questionnaire/model.js';
import { QUESTIONS } from './fake-engine.js';

const age = QUESTIONS.find((q) => q.id === 'age') as NumberQuestion; // 16-120, integer, optional, years
const level = QUESTIONS.find((q) => q.id === 'level') as ScaleQuestion; // 0-10, required
const weight: NumberQuestion = { ...age, id: 'weight', min: 30, max: 250, integer: false, required: true, unsure: true, unit: 'kg' };

describe('what a typed number reply means', () => {
  it.each([
    [age, '42', { kind: 'answer', value: 42 }],
    [age, ' 42 ', { kind: 'answer', value: 42 }],
    [age, 'b', { kind: 'back' }],
    [age, 'BACK', { kind: 'back' }],
    [age, '', { kind: 'answer', value: null }],
    [age, 'skip', { kind: 'answer', value: null }],
    [weight, '72,5', { kind: 'answer', value: 72.5 }],
    [weight, 'not sure', { kind: 'answer', value: 'unsure' }],
    [level, '0', { kind: 'answer', value: 0 }],
  ] as const)('%# %j', (q, text, reply) => {
    expect(parseNumberReply(q, text)).toEqual(reply);
  });

  it.each([
    [age, '12', 'The lowest possible answer is 16'],
    [age, '121', 'The highest possible answer is 120'],
    [age, '9'.repeat(400), 'The highest possible answer is 120'], // beyond a double: out of range, not "type a number"
    [age, `-${'9'.repeat(400)}`, 'The lowest possible answer is 16'],
    [age, '40.5', 'Please type a whole number from 16 to 120'],
    [age, 'forty', 'Please type a number from 16 to 120'],
    [age, '1e2', 'Please type a number from 16 to 120'],
    [age, 'not sure', 'Please type a number'],
    [level, '', 'This question needs an answer: please type a number'],
    [level, '7.5', 'Please type a whole number from 0 to 10'],
    [weight, 'skip', 'This question needs an answer: please type a number'],
  ] as const)('%# %j is refused', (q, text, message) => {
    expect(parseNumberReply(q, text)).toBe(message);
  });

  it('says what can be typed, with the anchors of a scale', () => {
    expect(numberHint(weight, true, false)).toEqual(['Type a number from 30 to 250 (kg), or "not sure" or b to go back:']);
    expect(numberHint(level, false, false)).toEqual(['0 = no pain · 10 = worst pain imaginable', 'Type a whole number from 0 to 10:']);
    expect(numberHint(age, true, true)).toEqual(['Type a whole number from 16 to 120 (years), or press Enter to skip or b to return to the review:']);
  });
});
