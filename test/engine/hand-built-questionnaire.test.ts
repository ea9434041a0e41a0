/**
 * A library caller may build a Questionnaire in code (every part of the model is an exported
 * type) instead of loading a linted file. The engine then meets what the linter rules out; it must
 * still never read something that is not an answer as one, and must report what it did:
 * - a question id that names an Object.prototype member (`valueOf`, `toString`) is unanswered
 *   unless answered, never "answered" with the inherited function;
 * - a rule naming an outcome, a caution or a source the questionnaire does not define still fires
 *   and is listed with what it names; it raises no outcome and adds no caution or citation the
 *   questionnaire cannot show (a loaded file cannot have one: lint.unknown-outcome and friends);
 * - `end` in a flow is the end, even where a question is called `end` (a reserved word in files).
 */
import { describe, expect, it } from 'vitest';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { nextQuestion, walk } from '../../src/engine/walk.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';

describe('question ids that are Object.prototype members', () => {
  const q = buildQuestionnaire({
    questions: [{ id: 'leg_pain' }, { id: 'valueOf', redFlag: 'cauda_equina' }, { id: 'toString' }],
    rules: [{ id: 'leg', when: { leg_pain: 'yes' }, outcome: 'see_professional_first' }],
    outcomes: ['see_professional_first', 'massage_ok'],
  });

  it('unanswered, they are missing, and an unanswered red flag keeps the result from massage_ok', () => {
    const r = evaluate(q, normaliseAnswers(q, { leg_pain: 'no' }).answers);
    expect(r.missing).toEqual(['valueOf', 'toString']);
    expect(r.unscreened).toEqual([{ question: 'valueOf', red_flag: 'cauda_equina' }]);
    expect(r.disposition).toBe('see_professional_first');
    expect(walk(q, normaliseAnswers(q, { leg_pain: 'no' }).answers).missing).toEqual(['valueOf', 'toString']);
    const next = nextQuestion(q, normaliseAnswers(q, { leg_pain: 'no' }).answers);
    expect(next.done === false && next.question.id).toBe('valueOf');
  });

  it('answered, they are read like any other question', () => {
    const r = evaluate(q, normaliseAnswers(q, { leg_pain: 'no', valueOf: 'no', toString: 'yes' }).answers);
    expect(r.missing).toEqual([]);
    expect(r.disposition).toBe('massage_ok');
  });
});

describe('a rule naming what the questionnaire does not define', () => {
  const base = buildQuestionnaire({
    questions: [{ id: 'fever' }, { id: 'scent' }],
    rules: [
      { id: 'fever', when: { fever: 'yes' }, outcome: 'urgnet', cautions: ['warm_room'], source: 'cks' },
      { id: 'scent', when: { scent: 'yes' }, cautions: ['scent_free', 'no_such_caution'], source: ['cks', 'nowhere'] },
    ],
    outcomes: ['urgent', 'see_professional_first', 'massage_ok'],
    cautions: ['scent_free', 'warm_towels'],
  });
  // The builder makes a source for every id a rule cites; a hand-built questionnaire need not.
  const q: Questionnaire = { ...base, sources: base.sources.filter((s) => s.id !== 'nowhere') };

  it('fires and is listed as written, raising no outcome it cannot name', () => {
    const r = evaluate(q, normaliseAnswers(q, { fever: 'yes', scent: 'no' }).answers);
    expect(r.fired.map((f) => ({ rule: f.rule, outcome: f.outcome, cautions: f.cautions }))).toEqual([
      { rule: 'fever', outcome: 'urgnet', cautions: ['warm_room'] },
    ]);
    expect(r.disposition).toBe('massage_ok');
    expect(r.outranked).toEqual([]);
    expect(r.cautions).toEqual([]);
  });

  it('adds only the cautions and cites only the sources the questionnaire defines', () => {
    const r = evaluate(q, normaliseAnswers(q, { fever: 'no', scent: 'yes' }).answers);
    expect(r.fired.map((f) => [f.rule, f.source.map((s) => s.id)])).toEqual([['scent', ['cks']]]);
    expect(r.cautions.map((c) => [c.id, c.source.map((s) => s.id)])).toEqual([['scent_free', ['cks']]]);
  });
});

describe('a question called end', () => {
  it('`next: end` still ends the flow there', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'first', next: 'end' }, { id: 'end' }],
      rules: [],
      outcomes: ['see_professional_first', 'massage_ok'],
    });
    const r = evaluate(q, normaliseAnswers(q, { first: 'no' }).answers);
    expect(r.path).toEqual(['first']);
    expect(r.missing).toEqual([]);
  });
});

describe('a stopping rule naming a question the questionnaire lacks', () => {
  it('is never certain through that question: the walk goes on, and the rule does not fire', () => {
    const q = buildQuestionnaire({
      questions: [{ id: 'first' }, { id: 'second' }],
      rules: [{ id: 'ghost', when: { any: [{ ghost: 'yes' }, { second: 'yes' }] }, outcome: 'emergency' }],
      outcomes: [{ id: 'emergency', stop: true }, 'massage_ok'],
    });
    const r = evaluate(q, normaliseAnswers(q, { first: 'no', second: 'no' }).answers);
    expect([r.path, r.stoppedEarly, r.disposition]).toEqual([['first', 'second'], false, 'massage_ok']);
    expect(evaluate(q, normaliseAnswers(q, { first: 'no', second: 'yes' }).answers).disposition).toBe('emergency');
  });
});
