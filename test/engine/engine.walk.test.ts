import { describe, expect, it } from 'vitest';
import { nextQuestion, walk } from '../../src/engine/walk.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { calm, mini } from './mini-questionnaire.js';

describe('walk', () => {
  it('follows the document order and the first branch whose condition holds', () => {
    expect(walk(mini, calm).path).toEqual([
      'age', 'leg_pain', 'pain_side', 'pain_intensity', 'saddle_numbness', 'fever', 'anticoagulants', 'night_pain', 'scent_sensitivity',
    ]);
    expect(walk(mini, { ...calm, leg_pain: 'no' }).path).toEqual([
      'age', 'leg_pain', 'saddle_numbness', 'fever', 'anticoagulants', 'night_pain', 'scent_sensitivity',
    ]);
  });

  it('takes the otherwise branch when the branching question is unanswered, and reports it missing', () => {
    const w = walk(mini, { age: 30 });
    expect(w.path).toEqual(['age', 'leg_pain', 'saddle_numbness', 'fever', 'anticoagulants', 'night_pain', 'scent_sensitivity']);
    expect(w.missing).toEqual(['leg_pain', 'saddle_numbness', 'fever', 'anticoagulants', 'night_pain', 'scent_sensitivity']);
    expect(w.stoppedEarly).toBe(false);
  });

  it('ignores answers to questions off the path, in document order', () => {
    const w = walk(mini, { ...calm, leg_pain: 'no', unreachable: 'yes' });
    expect(w.ignored).toEqual(['pain_side', 'pain_intensity', 'unreachable']);
  });

  it('stops as soon as a stopping outcome is certain, before the remaining questions', () => {
    const w = walk(mini, { ...calm, saddle_numbness: 'unsure' });
    expect(w.path).toEqual(['age', 'leg_pain', 'pain_side', 'pain_intensity', 'saddle_numbness']);
    expect(w.stoppedEarly).toBe(true);
    expect(w.ignored).toEqual(['fever', 'anticoagulants', 'night_pain', 'scent_sensitivity']);
  });

  it('does not stop on a condition that only a later answer could make false', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      rules: [{ id: 'stop-unless-b', when: { all: [{ a: 'yes' }, { not: { b: 'no' } }] }, outcome: 'emergency' }],
      outcomes: [{ id: 'emergency', stop: true }, 'fine'],
    });
    // After `a` the rule is not yet certain (b may still be "no"); after `b: yes` it is.
    expect(walk(q, { a: 'yes', b: 'no', c: 'no' })).toMatchObject({ path: ['a', 'b', 'c'], stoppedEarly: false });
    expect(walk(q, { a: 'yes', b: 'yes', c: 'no' })).toMatchObject({ path: ['a', 'b'], stoppedEarly: true, ignored: ['c'] });
    expect(nextQuestion(q, { a: 'yes' })).toMatchObject({ done: false, question: { id: 'b' } });
  });

  it('a stop raised by the last question is not early: nothing was left to ask', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'a' }, { id: 'b' }],
      rules: [{ id: 'stop', when: { b: 'yes' }, outcome: 'emergency' }],
      outcomes: [{ id: 'emergency', stop: true }, 'fine'],
    });
    expect(walk(q, { a: 'no', b: 'yes' })).toMatchObject({ path: ['a', 'b'], stoppedEarly: false });
    expect(nextQuestion(q, { a: 'no', b: 'yes' })).toEqual({ done: true, reason: 'end' });
  });

  it('ends the walk at a cycle (the linter forbids them)', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'a', next: 'b' }, { id: 'b', next: 'a' }],
      rules: [],
      outcomes: ['one', 'two'],
    });
    expect(walk(q, { a: 'yes', b: 'no' }).path).toEqual(['a', 'b']);
    expect(nextQuestion(q, { a: 'yes', b: 'no' })).toEqual({ done: true, reason: 'end' });
  });
});

describe('nextQuestion', () => {
  it('asks the start question first, with a progress estimate', () => {
    const n = nextQuestion(mini, {});
    expect(n).toMatchObject({ done: false, question: { id: 'age' }, asked: 0 });
    // leg_pain unanswered takes the otherwise branch: 6 more questions.
    expect(n.done === false && n.remaining).toBe(6);
  });

  it('asks the first question whose key is absent; null means skipped and moves on', () => {
    expect(nextQuestion(mini, { age: 30, leg_pain: 'yes' })).toMatchObject({ question: { id: 'pain_side' }, asked: 2 });
    expect(nextQuestion(mini, { age: 30, leg_pain: 'yes', pain_side: null })).toMatchObject({ question: { id: 'pain_intensity' }, asked: 3 });
    expect(nextQuestion(mini, { age: null, leg_pain: null })).toMatchObject({ question: { id: 'saddle_numbness' }, asked: 2 });
  });

  it('follows branches with the answers so far', () => {
    expect(nextQuestion(mini, { age: 30, leg_pain: 'no' })).toMatchObject({ question: { id: 'saddle_numbness' } });
  });

  it('is done at the end of the flow, or stopped by a stopping outcome', () => {
    expect(nextQuestion(mini, calm)).toEqual({ done: true, reason: 'end' });
    expect(nextQuestion(mini, { age: 30, leg_pain: 'yes', pain_side: 'both_legs' })).toEqual({ done: true, reason: 'stopped' });
    expect(nextQuestion(mini, { age: 30, leg_pain: 'no', saddle_numbness: 'yes' })).toEqual({ done: true, reason: 'stopped' });
  });
});
