/**
 * Issue 13.2: the library's `evaluate` must never read an un-normalised answer as "no". Answers
 * that `normaliseAnswers` did not produce are normalised by the engine itself; an invalid one is
 * refused with AnswersError (exit 65). Issue 13.5: answers as people type them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnswersError, evaluate, loadBundledQuestionnaire, nextQuestion, normaliseAnswers, walk } from '../../src/index.js';
import { renderQuestionnaireTypes } from '../../src/bundled/render-types.js';
import type { Answers } from '../../src/questionnaire/model.js';
import { mini } from './mini-questionnaire.js';

const q = await loadBundledQuestionnaire();
// What a JavaScript caller can pass (the types forbid it; the engine must hold anyway).
const raw = (a: Record<string, unknown>): never => a as never;

describe('evaluate from the library: un-normalised answers', () => {
  it.each([['Yes'], [true], ['YES '], ['y'], [' Not sure ']])('saddle_numbness %j escalates to emergency, never massage_ok', (v) => {
    expect(evaluate(q, raw({ saddle_numbness: v })).disposition).toBe('emergency');
  });

  it('an unknown value is refused, not counted as "no"', () => {
    const run = (): unknown => evaluate(q, raw({ saddle_numbness: 'maybe' }));
    expect(run).toThrow(AnswersError);
    expect(run).toThrow('"saddle_numbness": "maybe" is not one of yes, no, unsure');
    try {
      run();
    } catch (e) {
      expect((e as AnswersError).exitCode).toBe(65);
      expect((e as AnswersError).answerProblems.map((p) => p.code)).toEqual(['answer.not-an-option']);
    }
  });

  it('an unknown key, a wrong type or a non-object is refused', () => {
    expect(() => evaluate(q, raw({ sadle_numbness: 'no' }))).toThrow('did you mean "saddle_numbness"?');
    expect(() => evaluate(q, raw({ age: 'old' }))).toThrow(AnswersError);
    expect(() => evaluate(q, null as never)).toThrow(AnswersError);
  });

  it('walk and nextQuestion hold to the same rule', () => {
    expect(walk(q, raw({ leg_pain: 'Yes', pain_side: 'Both legs' })).path.slice(0, 2)).toEqual(['leg_pain', 'pain_side']);
    expect(() => nextQuestion(q, raw({ leg_pain: 'maybe' }))).toThrow(AnswersError);
  });

  it('normalised answers are used as they are, and frozen so they cannot be changed afterwards', () => {
    const { answers } = normaliseAnswers(q, { saddle_numbness: 'no' });
    expect(Object.isFrozen(answers)).toBe(true);
    expect(() => {
      (answers as Record<string, unknown>).saddle_numbness = 'Yes';
    }).toThrow(TypeError);
  });

  it('answers normalised for another questionnaire are checked again', () => {
    const { answers } = normaliseAnswers(mini, { unreachable: 'yes' });
    expect(() => evaluate(q, answers as never)).toThrow('"unreachable" is not a question of sciatica-massage');
  });

  it('the interview path (plain objects of stored values) still works: same result as normalised', () => {
    const given: Answers = { leg_pain: 'yes', pain_side: 'one_leg', saddle_numbness: 'no' };
    expect(evaluate(q, raw(given))).toEqual(evaluate(q, normaliseAnswers(q, given).answers));
  });
});

describe('answers as people type them (13.5)', () => {
  it('the option labels the interview shows, y/n, Yes/NO', () => {
    const { answers, problems } = normaliseAnswers(q, { leg_pain: 'Y', pain_side: 'One leg only', saddle_numbness: 'NO', bladder_change: 'n', fever: 'No' });
    expect(problems).toEqual([]);
    expect(answers).toMatchObject({ leg_pain: 'yes', pain_side: 'one_leg', saddle_numbness: 'no', bladder_change: 'no', fever: 'no' });
  });

  it('a label shared by two options matches neither', async () => {
    const { buildQuestionnaire } = await import('../helpers/build-questionnaire.js');
    const base = buildQuestionnaire({ questions: [{ id: 'side', type: 'choice', options: ['a', 'b'] }], rules: [], outcomes: ['x', 'y'] });
    const side = { ...(base.questions[0] as object), options: [{ value: 'a', label: 'Same' }, { value: 'b', label: 'same' }] };
    const twin = { ...base, questions: [side] } as unknown as typeof base;
    expect(normaliseAnswers(twin, { side: 'Same' }).problems.map((p) => p.code)).toEqual(['answer.not-an-option']);
  });
});

describe('generated literal types of the bundled questionnaire', () => {
  it('are in step with questionnaires/sciatica-massage.yaml (else run npm run gen:types)', () => {
    const committed = readFileSync(new URL('../../src/bundled/sciatica-massage.types.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderQuestionnaireTypes(q, 'questionnaires/sciatica-massage.yaml'));
  });
});
