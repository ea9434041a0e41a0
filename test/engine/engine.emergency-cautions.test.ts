/**
 * An outcome that stops the interview (the emergency) means no massage now: the result carries no
 * therapist cautions, even when rules that add them fired before the emergency answer (NOTES §2:
 * "Emergency results need no cautions"). The rules stay listed, with their cautions, in `fired`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';

const q = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);

// Vignette E10: treated for cancer, new sciatica, a slightly weak ankle.
const e10 = normaliseAnswers(q, {
  age: 64, pregnant: 'no', leg_pain: 'yes', pain_side: 'one_leg', duration: 'under_6_weeks', pain_intensity: 5,
  pain_trend: 'same', saddle_numbness: 'no', bladder_change: 'no', bowel_change: 'no', sexual_dysfunction: 'no',
  leg_weakness: 'mild_stable', numbness_leg: 'no', fever: 'no', immunosuppressed: 'no', weight_loss: 'no',
  osteoporosis: 'no', iv_drug_use: 'no', cancer_history: 'yes', night_pain: 'no', trauma: 'no', steroids: 'no',
  calf_swelling: 'no', breathless_chest_pain: 'no', anticoagulants: 'no', bleeding_disorder: 'no',
  recent_surgery: 'no', skin_problem: 'no', varicose_veins: 'no', scent_sensitivity: 'no', previously_assessed: 'yes',
}).answers;

describe('an emergency result', () => {
  it('carries no therapist cautions, though a rule that adds one fired', () => {
    const r = evaluate(q, e10);
    expect(r.disposition).toBe('emergency');
    expect(r.cautions).toEqual([]);
    expect(r.fired.find((f) => f.rule === 'cancer-history')?.cautions).toEqual(['gentle_pressure']);
  });

  it('the same answers one step milder keep their cautions', () => {
    const r = evaluate(q, { ...e10, leg_weakness: 'none' });
    expect(r.disposition).toBe('urgent');
    expect(r.cautions.map((c) => c.id)).toEqual(['gentle_pressure', 'stop_if_worse']);
  });
});
