/**
 * Safety rule: a red-flag answer never ends in "massage is fine" — not even when it was given to a
 * question the other answers take off the path (contradictory answers, typically from a batch).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';

const q = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);

// M13 of the sample vignettes: pain above the knee only, assessed, no flags → massage_ok.
const noLegPain = {
  age: 32, pregnant: 'no', leg_pain: 'no', duration: 'under_6_weeks', pain_intensity: 5, pain_trend: 'improving',
  saddle_numbness: 'no', bladder_change: 'no', bowel_change: 'no', sexual_dysfunction: 'no', leg_weakness: 'none',
  numbness_leg: 'no', fever: 'no', immunosuppressed: 'no', weight_loss: 'no', osteoporosis: 'no', iv_drug_use: 'no',
  cancer_history: 'no', night_pain: 'no', trauma: 'no', steroids: 'no', calf_swelling: 'no', breathless_chest_pain: 'no',
  anticoagulants: 'no', bleeding_disorder: 'no', recent_surgery: 'no', skin_problem: 'no', varicose_veins: 'no',
  scent_sensitivity: 'no', previously_assessed: 'yes',
  // Questions added in 1.1.0 (thigh_pain: no keeps "which leg" off the path).
  thigh_pain: 'no', bilateral_neuro: 'no', walking_difficulty: 'no', previous_ces: 'no', rash: 'no', thoracic_pain: 'no',
  back_lump: 'no', spinal_procedure: 'no', antiplatelets: 'no',
};

describe('a red-flag answer off the path', () => {
  it('is still massage_ok without the contradictory answer', () => {
    expect(evaluate(q, noLegPain).disposition).toBe('massage_ok');
  });

  it('keeps "no leg pain" + "pain in both legs" from massage_ok, reports it as ignored and says why', () => {
    const r = evaluate(q, { ...noLegPain, pain_side: 'both_legs' });
    expect(r.disposition).toBe('see_professional_first');
    expect(r.ignored).toEqual(['pain_side']);
    expect(r.path).not.toContain('pain_side');
    const net = r.fired.find((f) => f.rule === 'engine:red-flag-answer-off-path');
    expect(net).toMatchObject({ outcome: 'see_professional_first', answers: { pain_side: 'both_legs' }, source: [] });
    expect(net?.reason).toContain('contradict');
  });

  it('does not escalate a harmless off-path answer', () => {
    const r = evaluate(q, { ...noLegPain, pain_side: 'one_leg' });
    expect(r.disposition).toBe('massage_ok');
    expect(r.ignored).toEqual(['pain_side']);
  });
});
