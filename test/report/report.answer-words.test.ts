/**
 * Questions and answers in words (src/report/answer-words.ts): what the text result, the review
 * and the handouts print instead of ids.
 */
import { describe, expect, it } from 'vitest';
import { answerPhrase, answerText, answerWords, lowerFirst, questionLabel } from '../../src/report/answer-words.js';
import type { Question } from '../../src/questionnaire/model.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';

const q = buildQuestionnaire({
  questions: [
    { id: 'saddle_numbness', label: 'numbness between the legs', unsure: true },
    { id: 'pain_side', label: 'which leg', type: 'choice', options: ['one_leg', 'both_legs'] },
    { id: 'oils', type: 'multi', options: ['nut_oil', 'scents'], text: 'Are you sensitive to any of these?' },
    { id: 'age', label: 'age', type: 'number' },
    { id: 'pain_intensity', label: 'worst pain', type: 'scale' },
  ],
  rules: [],
  outcomes: ['ok'],
});
const byId = (id: string): Question => q.questions.find((x) => x.id === id)!;
// buildQuestionnaire labels options by their value with spaces; give them the words a person reads.
const side: Question = { ...(byId('pain_side') as Extract<Question, { type: 'choice' }>), options: [{ value: 'one_leg', label: 'One leg only' }, { value: 'both_legs', label: 'Both legs at the same time' }] };

describe('answer words', () => {
  it('name a question by its label, else its whole text', () => {
    expect(questionLabel(byId('saddle_numbness'))).toBe('numbness between the legs');
    expect(questionLabel(byId('oils'))).toBe('Are you sensitive to any of these?');
  });

  it('say each kind of answer as a person chose it, never as an id', () => {
    expect(answerPhrase(byId('saddle_numbness'), 'unsure')).toBe('numbness between the legs: not sure');
    expect(answerPhrase(side, 'both_legs')).toBe('which leg: both legs at the same time');
    expect(answerPhrase(byId('saddle_numbness'), null)).toBe('numbness between the legs: not answered');
    expect(answerWords(byId('saddle_numbness'), 'yes')).toBe('yes');
    expect(answerWords(byId('oils'), ['nut_oil', 'scents'])).toBe('nut oil, scents');
    expect(answerWords(byId('oils'), [])).toBe('none of these');
    expect(answerWords({ ...(byId('age') as Extract<Question, { type: 'number' }>), unit: 'years' }, 52)).toBe('52 years');
    expect(answerWords(byId('pain_intensity'), 4)).toBe('4 out of 10');
    expect(answerText(side, 'one_leg')).toBe('One leg only');
    expect(answerText(byId('saddle_numbness'), undefined)).toBe('Not answered');
  });

  it('lower the first letter only of an ordinary word', () => {
    expect(lowerFirst('Both legs')).toBe('both legs');
    expect(lowerFirst('A little weak')).toBe('a little weak');
    expect(lowerFirst('NHS 111')).toBe('NHS 111');
    expect(lowerFirst('GP')).toBe('GP');
    expect(lowerFirst("I don't know")).toBe("I don't know");
    expect(lowerFirst('Écrit')).toBe('écrit');
    expect(lowerFirst('')).toBe('');
  });
});
