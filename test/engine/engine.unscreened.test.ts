/**
 * Unanswered red flags (issue 14 item 2): the Result lists each red-flag question on the path left
 * unanswered (`unscreened`), the missing-answer floor holds (never the mildest outcome), and at the
 * floor the questionnaire's `unscreened.advice` replaces the outcome's advice ("a routine
 * appointment is fine" would speak as if the person had been screened). The text result names each
 * such question by its label under "Not screened", with that advice and its sources.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { resultToJson } from '../../src/report/json.js';
import { renderResultText } from '../../src/report/text.js';
import { buildQuestionnaire, type QuestionnaireSpec } from '../helpers/build-questionnaire.js';

const ROUTINE = 'A routine appointment is fine.';
const NOT_SCREENED = 'Some questions about warning signs were not answered. Answer them, or call 999 if you have any of these signs.';

const spec: QuestionnaireSpec = {
  questions: [
    { id: 'saddle_numbness', label: 'numbness between the legs', unsure: true, redFlag: 'cauda_equina' },
    { id: 'bladder_change', label: 'new trouble peeing', unsure: true, redFlag: 'cauda_equina' },
    { id: 'fever', label: 'fever', unsure: true, redFlag: 'infection' },
    { id: 'night_pain', label: 'pain at night' },
  ],
  rules: [
    { id: 'ces', when: { any: [{ saddle_numbness: ['yes', 'unsure'] }, { bladder_change: ['yes', 'unsure'] }] }, outcome: 'emergency', source: 'cks' },
    { id: 'infection', when: { fever: ['yes', 'unsure'] }, outcome: 'urgent', source: 'cks' },
    { id: 'incomplete', when: { missing: 'required' }, outcome: 'see_professional_first', reason: 'An answer is missing.', source: 'cks' },
  ],
  outcomes: [
    { id: 'emergency', stop: true },
    { id: 'urgent', advice: 'See a doctor today.' },
    { id: 'see_professional_first', title: 'See a GP first', advice: ROUTINE },
    'massage_ok',
  ],
  sources: [
    { id: 'cks', title: 'NICE CKS Sciatica', section: 'Red flags' },
    { id: 'nhs-ces', title: 'NHS Cauda equina syndrome' },
  ],
  unscreened: { advice: NOT_SCREENED, source: ['cks', 'nhs-ces'] },
};
const q = buildQuestionnaire(spec);
const calm = { saddle_numbness: 'no', bladder_change: 'no', fever: 'no', night_pain: 'no' } as const;
const text = (r: ReturnType<typeof evaluate>, questionnaire = q): string => renderResultText(r, { questionnaire, color: false });

describe('unscreened: red-flag questions on the path left unanswered', () => {
  it('are listed in path order with their category, and the result is never the mildest', () => {
    const r = evaluate(q, { ...calm, saddle_numbness: null, fever: undefined as never });
    expect(r.unscreened).toEqual([
      { question: 'saddle_numbness', red_flag: 'cauda_equina' },
      { question: 'fever', red_flag: 'infection' },
    ]);
    expect(r.missing).toEqual(['saddle_numbness', 'fever']);
    expect(r.disposition).toBe('see_professional_first');
  });

  it('are absent when every red-flag question is answered, even with other answers missing', () => {
    const r = evaluate(q, { ...calm, night_pain: null });
    expect(r).not.toHaveProperty('unscreened');
    expect(r).not.toHaveProperty('adviceSource');
    expect(r.advice).toBe(ROUTINE);
  });

  it('at the floor, the questionnaire\'s advice replaces the outcome\'s, with its sources', () => {
    const r = evaluate(q, { night_pain: 'no' });
    expect(r.disposition).toBe('see_professional_first');
    expect(r.advice).toBe(NOT_SCREENED);
    expect(r.adviceSource?.map((c) => c.id)).toEqual(['cks', 'nhs-ces']);
  });

  it('a more urgent result keeps its own advice (it already asks for more) and still lists them', () => {
    const r = evaluate(q, { ...calm, bladder_change: null, fever: 'yes' });
    expect(r.disposition).toBe('urgent');
    expect(r.advice).toBe('See a doctor today.');
    expect(r).not.toHaveProperty('adviceSource');
    expect(r.unscreened).toEqual([{ question: 'bladder_change', red_flag: 'cauda_equina' }]);
  });

  it('without an unscreened block the outcome\'s advice stands, and the floor still holds without any rule for it', () => {
    const bare = buildQuestionnaire({ ...spec, unscreened: undefined, rules: spec.rules.filter((r) => r.id !== 'incomplete') } as QuestionnaireSpec);
    const r = evaluate(bare, { ...calm, saddle_numbness: null });
    expect(r.disposition).toBe('see_professional_first');
    expect(r.advice).toBe(ROUTINE);
    expect(r.unscreened).toEqual([{ question: 'saddle_numbness', red_flag: 'cauda_equina' }]);
  });

  it('JSON keeps the ids: unscreened after missing, adviceSource after advice, left out when they do not apply', () => {
    const json = JSON.parse(resultToJson(evaluate(q, { ...calm, saddle_numbness: null }))) as Record<string, unknown>;
    expect(json.unscreened).toEqual([{ question: 'saddle_numbness', red_flag: 'cauda_equina' }]);
    expect((json.adviceSource as { id: string }[]).map((c) => c.id)).toEqual(['cks', 'nhs-ces']);
    const keys = Object.keys(json);
    expect(keys.indexOf('adviceSource')).toBe(keys.indexOf('advice') + 1);
    expect(keys.indexOf('unscreened')).toBe(keys.indexOf('missing') + 1);
    const calmJson = JSON.parse(resultToJson(evaluate(q, calm))) as Record<string, unknown>;
    expect(Object.keys(calmJson)).not.toContain('unscreened');
    expect(Object.keys(calmJson)).not.toContain('adviceSource');
  });
});

describe('the text result when a red flag was not screened', () => {
  it('never says the outcome\'s "routine" advice; names each unanswered red flag by its label; gives the questionnaire\'s advice and sources', () => {
    const out = text(evaluate(q, { ...calm, saddle_numbness: null, bladder_change: null }));
    expect(out).not.toContain('routine');
    expect(out.split('\n').slice(0, 8)).toEqual([
      'See a GP first',
      `${NOT_SCREENED}  [NICE CKS Sciatica §Red flags; NHS Cauda equina syndrome]`,
      '',
      'Not screened',
      'You did not answer 2 questions about warning signs, so this result cannot rule them out:',
      '  - numbness between the legs',
      '  - new trouble peeing',
      '',
    ]);
    expect(out).toContain('  not answered: numbness between the legs; new trouble peeing\n');
    expect(out).not.toMatch(/saddle_numbness|bladder_change|cauda_equina/);
  });

  it('after a more urgent advice, still names what was not screened', () => {
    const out = text(evaluate(q, { ...calm, bladder_change: null, fever: 'unsure' }));
    expect(out.split('\n').slice(0, 7)).toEqual([
      'Title of urgent',
      'See a doctor today.',
      '',
      'Not screened',
      'You did not answer a question about a warning sign, so this result cannot rule it out:',
      '  - new trouble peeing',
      '',
    ]);
    expect(out).toContain('(your answers: fever: not sure)');
  });

  it('under the interview\'s banner (no heading) the section comes first', () => {
    const out = renderResultText(evaluate(q, { ...calm, saddle_numbness: null }), { questionnaire: q, color: false, heading: false });
    expect(out.startsWith('Not screened\nYou did not answer a question about a warning sign, so this result cannot rule it out:\n  - numbness between the legs\n\n')).toBe(true);
  });

  it('says nothing of screening when every red flag was answered', () => {
    expect(text(evaluate(q, { ...calm, night_pain: null }))).not.toContain('Not screened');
  });
});
