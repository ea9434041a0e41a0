/**
 * NOTES.md section 4 (the reference rule set) and section 2 (caution mappings), written out here
 * as data and checked against the bundled questionnaire: each finding, added to an otherwise
 * clear baseline, gives the NOTES disposition through a rule of the questionnaire itself (never
 * the engine's safety net), and each emergency and urgent red flag also has a case in
 * test/cases/sciatica-massage.cases.yaml.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCases } from '../../src/cases/load.js';
import type { CasesFile } from '../../src/cases/model.js';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Result } from '../../src/engine/result.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Answers, Questionnaire } from '../../src/questionnaire/model.js';
import { BUNDLED, OWN_CASES, SHOWN } from './bundled-paths.js';

type Level = 'emergency' | 'urgent' | 'see_professional_first';
interface Finding {
  readonly finding: string;
  readonly answers: Readonly<Record<string, string | number>>;
  readonly level: Level;
}

/** NOTES.md section 4, one line per finding (with each "yes/unsure" split in two). */
const NOTES_SECTION_4: readonly Finding[] = [
  ...(['saddle_numbness', 'bladder_change', 'bowel_change', 'sexual_dysfunction'] as const).flatMap((id) =>
    (['yes', 'unsure'] as const).map((v) => ({ finding: `${id} ${v}`, answers: { [id]: v }, level: 'emergency' as const })),
  ),
  { finding: 'pain_side both_legs', answers: { pain_side: 'both_legs' }, level: 'emergency' },
  { finding: 'breathless_chest_pain yes', answers: { breathless_chest_pain: 'yes' }, level: 'emergency' },
  { finding: 'cancer + mild weakness', answers: { cancer_history: 'yes', leg_weakness: 'mild_stable' }, level: 'emergency' },
  { finding: 'cancer + severe weakness', answers: { cancer_history: 'yes', leg_weakness: 'severe_or_worsening' }, level: 'emergency' },
  { finding: 'cancer + weakness unsure', answers: { cancer_history: 'yes', leg_weakness: 'unsure' }, level: 'emergency' },
  { finding: 'cancer + leg numbness', answers: { cancer_history: 'yes', numbness_leg: 'yes' }, level: 'emergency' },
  { finding: 'cancer + worsening pain', answers: { cancer_history: 'yes', pain_trend: 'worsening' }, level: 'emergency' },
  { finding: 'cancer + pain 7/10', answers: { cancer_history: 'yes', pain_intensity: 7 }, level: 'emergency' },
  { finding: 'cancer + night pain', answers: { cancer_history: 'yes', night_pain: 'yes' }, level: 'emergency' },

  { finding: 'fever yes', answers: { fever: 'yes' }, level: 'urgent' },
  { finding: 'fever unsure', answers: { fever: 'unsure' }, level: 'urgent' },
  { finding: 'iv_drug_use yes', answers: { iv_drug_use: 'yes' }, level: 'urgent' },
  { finding: 'leg_weakness severe_or_worsening', answers: { leg_weakness: 'severe_or_worsening' }, level: 'urgent' },
  { finding: 'leg_weakness unsure', answers: { leg_weakness: 'unsure' }, level: 'urgent' },
  { finding: 'calf_swelling yes', answers: { calf_swelling: 'yes' }, level: 'urgent' },
  { finding: 'calf_swelling unsure', answers: { calf_swelling: 'unsure' }, level: 'urgent' },
  { finding: 'trauma yes', answers: { trauma: 'yes' }, level: 'urgent' },
  { finding: 'pain_side alternating', answers: { pain_side: 'alternating' }, level: 'urgent' },
  { finding: 'cancer_history yes (otherwise quiet)', answers: { cancer_history: 'yes' }, level: 'urgent' },

  { finding: 'age 50, not assessed', answers: { age: 50, previously_assessed: 'no' }, level: 'see_professional_first' },
  ...(['immunosuppressed', 'weight_loss', 'osteoporosis', 'pregnant'] as const).flatMap((id) =>
    (['yes', 'unsure'] as const).map((v) => ({ finding: `${id} ${v}`, answers: { [id]: v }, level: 'see_professional_first' as const })),
  ),
  ...(['night_pain', 'steroids', 'anticoagulants', 'bleeding_disorder', 'recent_surgery'] as const).map((id) => ({
    finding: `${id} yes`,
    answers: { [id]: 'yes' },
    level: 'see_professional_first' as const,
  })),
  { finding: 'pain_trend worsening', answers: { pain_trend: 'worsening' }, level: 'see_professional_first' },
  { finding: 'pain_intensity 7', answers: { pain_intensity: 7 }, level: 'see_professional_first' },
  { finding: '6-12 weeks, not assessed', answers: { duration: '6_to_12_weeks', previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'over 12 weeks, not assessed', answers: { duration: 'over_12_weeks', previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'mild stable weakness, not assessed', answers: { leg_weakness: 'mild_stable', previously_assessed: 'no' }, level: 'see_professional_first' },
];

/** NOTES.md section 2: the cautions each finding must add. */
const NOTES_SECTION_2: readonly { finding: string; answers: Readonly<Record<string, string>>; cautions: readonly string[] }[] = [
  { finding: 'anticoagulants', answers: { anticoagulants: 'yes' }, cautions: ['gentle_pressure', 'tell_therapist_medication'] },
  { finding: 'bleeding_disorder', answers: { bleeding_disorder: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'osteoporosis yes', answers: { osteoporosis: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'osteoporosis unsure', answers: { osteoporosis: 'unsure' }, cautions: ['gentle_pressure'] },
  { finding: 'steroids', answers: { steroids: 'yes' }, cautions: ['gentle_pressure', 'tell_therapist_medication'] },
  { finding: 'numbness_leg', answers: { numbness_leg: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'pregnant yes', answers: { pregnant: 'yes' }, cautions: ['gentle_pressure', 'avoid_legs_deep', 'pregnancy_trained_therapist'] },
  { finding: 'pregnant unsure', answers: { pregnant: 'unsure' }, cautions: ['gentle_pressure', 'avoid_legs_deep', 'pregnancy_trained_therapist'] },
  { finding: 'skin_problem', answers: { skin_problem: 'yes' }, cautions: ['avoid_area'] },
  { finding: 'varicose_veins', answers: { varicose_veins: 'yes' }, cautions: ['avoid_area', 'avoid_legs_deep'] },
  { finding: 'calf_swelling yes', answers: { calf_swelling: 'yes' }, cautions: ['avoid_area', 'avoid_legs_deep'] },
  { finding: 'calf_swelling unsure', answers: { calf_swelling: 'unsure' }, cautions: ['avoid_area', 'avoid_legs_deep'] },
  { finding: 'recent_surgery', answers: { recent_surgery: 'yes' }, cautions: ['avoid_legs_deep', 'post_surgery_clearance'] },
  { finding: 'scent_sensitivity', answers: { scent_sensitivity: 'yes' }, cautions: ['scent_free'] },
  { finding: 'immunosuppressed yes', answers: { immunosuppressed: 'yes' }, cautions: ['tell_therapist_medication'] },
  { finding: 'immunosuppressed unsure', answers: { immunosuppressed: 'unsure' }, cautions: ['tell_therapist_medication'] },
];

let q: Questionnaire;
let own: CasesFile;
let baseline: Record<string, unknown>;

beforeAll(async () => {
  q = await loadQuestionnaire(BUNDLED);
  own = await loadCases(OWN_CASES, SHOWN.ownCases);
  const base = own.cases.find((c) => c.id === 'baseline.assessed');
  if (!base) throw new Error('the cases file has no baseline.assessed case');
  baseline = { ...base.answers };
});

function evaluateWith(extra: Readonly<Record<string, unknown>>): Result {
  const { answers, problems } = normaliseAnswers(q, { ...baseline, ...extra });
  expect(problems).toEqual([]);
  return evaluate(q, answers);
}

function normalised(raw: Readonly<Record<string, unknown>>): Answers {
  return normaliseAnswers(q, raw).answers;
}

describe('NOTES.md section 4, finding by finding', () => {
  it('starts from a baseline that needs nothing but massage_ok', () => {
    const r = evaluateWith({});
    expect(r.disposition).toBe('massage_ok');
    expect(r.missing).toEqual([]);
  });

  it.each(NOTES_SECTION_4)('$finding → $level, by a questionnaire rule', ({ answers, level }) => {
    const r = evaluateWith(answers);
    expect(r.disposition).toBe(level);
    const deciding = r.fired.filter((f) => f.outcome === level);
    expect(deciding.length).toBeGreaterThan(0);
    expect(deciding.every((f) => !f.rule.startsWith('engine:') && f.source.length > 0)).toBe(true);
  });

  it.each(NOTES_SECTION_4.filter((f) => f.level !== 'see_professional_first'))(
    'the $level red flag "$finding" has a case in the repository cases file',
    ({ answers, level }) => {
      const want = normalised(answers);
      const covering = own.cases.filter((c) => {
        if (c.expected.disposition !== level) return false;
        const got = normalised(c.answers);
        return Object.entries(want).every(([k, v]) => got[k] === v);
      });
      expect(covering.map((c) => c.id)).not.toEqual([]);
    },
  );

  it('a missing required answer floors the result at see_professional_first (never massage_ok)', () => {
    for (const id of q.questions.filter((x) => x.required && x.id !== 'pain_side').map((x) => x.id)) {
      const r = evaluateWith({ [id]: null });
      expect(r.missing, id).toEqual([id]);
      expect(r.disposition, id).toBe('see_professional_first');
      expect(r.fired.map((f) => f.rule), id).toEqual(['answers-missing', 'stop-if-worse']);
    }
  });

  it('a missing optional answer does not change the result', () => {
    for (const id of ['numbness_leg', 'skin_problem', 'varicose_veins', 'scent_sensitivity']) {
      expect(evaluateWith({ [id]: null }).disposition, id).toBe('massage_ok');
    }
  });

  it('nothing else escalates: "no" to every question, under 50, under 6 weeks, 6/10 → massage_ok even unassessed', () => {
    expect(evaluateWith({ previously_assessed: 'no', age: 49, pain_intensity: 6, pain_trend: 'same' }).disposition).toBe('massage_ok');
  });
});

describe('NOTES.md section 2, caution by caution', () => {
  it.each(NOTES_SECTION_2)('$finding adds $cautions', ({ answers, cautions }) => {
    const got = evaluateWith(answers).cautions.map((c) => c.id);
    for (const c of cautions) expect(got).toContain(c);
  });

  it('gives each caution with the sources of the rules that added it', () => {
    const r = evaluateWith({ anticoagulants: 'yes' });
    const gentle = r.cautions.find((c) => c.id === 'gentle_pressure');
    expect(gentle?.source.map((s) => s.publisher)).toContain('livih.com (myofascial release practitioner page)');
  });
});
