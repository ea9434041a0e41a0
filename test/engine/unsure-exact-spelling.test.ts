/**
 * The exact spelling `unsure` given to a question, with and without "not sure" offered: taken as
 * the unsure answer where offered, refused with its own problem code where not — whatever the
 * generated cases of the property tests happen to draw (so the engine's every branch is reached
 * deterministically).
 */
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../src/engine/answers.js';
import type { Question } from '../../src/questionnaire/model.js';
import { UNSURE } from '../../src/questionnaire/model.js';

const pos = { file: 'q.yaml', line: 1, col: 1 };
const yesno = (unsure: boolean): Question => ({ id: 'fever', type: 'yesno', text: 'Fever?', unsure, pos }) as unknown as Question;
const choice = (unsure: boolean): Question =>
  ({ id: 'side', type: 'choice', text: 'Which side?', unsure, options: [{ value: 'left', label: 'Left' }, { value: 'right', label: 'Right' }], pos }) as unknown as Question;

describe('the exact spelling "unsure"', () => {
  for (const [kind, make] of [['yes/no', yesno], ['choice', choice]] as const) {
    it(`${kind} question offering "not sure": the unsure answer`, () => {
      expect(normaliseAnswer(make(true), UNSURE)).toEqual({ ok: true, value: UNSURE });
    });
    it(`${kind} question not offering it: refused as not offered, naming the question`, () => {
      const r = normaliseAnswer(make(false), UNSURE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatchObject({ code: 'answer.unsure-not-offered', question: make(false).id });
    });
  }
});
