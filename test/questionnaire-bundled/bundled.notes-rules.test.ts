/**
 * NOTES.md section 8.6 (the reference rule set of version 1.1.0, with the tiers of 8.2 and the
 * cancer rules of 8.4) and section 2 (caution mappings, with the additions of 8.6), written out
 * here as data and checked against the bundled questionnaire: each finding, added to an otherwise
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
  readonly answers: Readonly<Record<string, string | number | null>>;
  readonly level: Level;
}

const YES_UNSURE = ['yes', 'unsure'] as const;
const each = (ids: readonly string[], values: readonly string[], level: Level, extra: Readonly<Record<string, string>> = {}): Finding[] =>
  ids.flatMap((id) => values.map((v) => ({ finding: `${id} ${v}`, answers: { ...extra, [id]: v }, level })));

/** Follow-up questions answered "no" where a finding brings them onto the path. */
const CANCER_QUIET = { cancer_active: 'no', strain_pain: 'no' } as const;

/** NOTES.md section 8.6, one line per finding (with each "yes/unsure" split in two). */
const NOTES_SECTION_8_6: readonly Finding[] = [
  // --- emergency
  ...each(['saddle_numbness', 'bladder_change', 'bowel_change', 'sexual_dysfunction', 'walking_difficulty'], YES_UNSURE, 'emergency'),
  { finding: 'both legs, onset recent', answers: { pain_side: 'both_legs', bilateral_onset: 'recent' }, level: 'emergency' },
  { finding: 'both legs, onset unsure', answers: { pain_side: 'both_legs', bilateral_onset: 'unsure' }, level: 'emergency' },
  { finding: 'both legs, onset unanswered', answers: { pain_side: 'both_legs', bilateral_onset: null }, level: 'emergency' },
  { finding: 'both thighs above the knee, recent', answers: { leg_pain: 'no', thigh_pain: 'yes', pain_side: 'both_legs', bilateral_onset: 'recent' }, level: 'emergency' },
  { finding: 'numbness or weakness in both legs, recent', answers: { bilateral_neuro: 'yes', bilateral_onset: 'recent' }, level: 'emergency' },
  { finding: 'both legs unsure, recent', answers: { bilateral_neuro: 'unsure', bilateral_onset: 'recent' }, level: 'emergency' },
  { finding: 'both legs examined, but pain worsening', answers: { bilateral_neuro: 'yes', bilateral_onset: 'longer_checked', pain_trend: 'worsening' }, level: 'emergency' },
  { finding: 'both legs examined, but weakness severe', answers: { pain_side: 'both_legs', bilateral_onset: 'longer_checked', leg_weakness: 'severe_or_worsening' }, level: 'emergency' },
  { finding: 'both legs examined, weakness unsure', answers: { pain_side: 'both_legs', bilateral_onset: 'longer_checked', leg_weakness: 'unsure' }, level: 'emergency' },
  { finding: 'both legs not examined, worsening', answers: { pain_side: 'both_legs', bilateral_onset: 'longer_not_checked', pain_trend: 'worsening' }, level: 'emergency' },
  { finding: 'breathless_chest_pain yes', answers: { breathless_chest_pain: 'yes' }, level: 'emergency' },
  { finding: 'sepsis_signs yes', answers: { fever: 'yes', sepsis_signs: 'yes' }, level: 'emergency' },
  { finding: 'sepsis_signs unsure', answers: { fever: 'unsure', sepsis_signs: 'unsure' }, level: 'emergency' },
  ...each(['serious_accident'], YES_UNSURE, 'emergency', { trauma: 'yes' }),
  ...(['yes', 'unsure'] as const).flatMap((c): Finding[] => [
    { finding: `cancer ${c} + mild weakness`, answers: { cancer_history: c, ...CANCER_QUIET, leg_weakness: 'mild_stable' }, level: 'emergency' as const },
    { finding: `cancer ${c} + severe weakness`, answers: { cancer_history: c, ...CANCER_QUIET, leg_weakness: 'severe_or_worsening' }, level: 'emergency' as const },
    { finding: `cancer ${c} + weakness unsure`, answers: { cancer_history: c, ...CANCER_QUIET, leg_weakness: 'unsure' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg numbness`, answers: { cancer_history: c, ...CANCER_QUIET, numbness_leg: 'yes' }, level: 'emergency' as const },
    { finding: `cancer ${c} + both legs numb (examined)`, answers: { cancer_history: c, ...CANCER_QUIET, bilateral_neuro: 'yes', bilateral_onset: 'longer_checked' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + worsening`, answers: { cancer_history: c, ...CANCER_QUIET, pain_trend: 'worsening' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + 7/10`, answers: { cancer_history: c, ...CANCER_QUIET, pain_intensity: 7 }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + night pain`, answers: { cancer_history: c, ...CANCER_QUIET, night_pain: 'yes' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + thoracic pain`, answers: { cancer_history: c, ...CANCER_QUIET, thoracic_pain: 'yes' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + thoracic pain unsure`, answers: { cancer_history: c, ...CANCER_QUIET, thoracic_pain: 'unsure' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + pain on straining`, answers: { cancer_history: c, cancer_active: 'no', strain_pain: 'yes' }, level: 'emergency' as const },
    { finding: `cancer ${c} + leg pain + straining unsure`, answers: { cancer_history: c, cancer_active: 'no', strain_pain: 'unsure' }, level: 'emergency' as const },
    { finding: `cancer ${c} + thigh pain + night pain`, answers: { leg_pain: 'no', thigh_pain: 'yes', cancer_history: c, ...CANCER_QUIET, night_pain: 'yes' }, level: 'emergency' as const },
    { finding: `cancer ${c} active + leg pain`, answers: { cancer_history: c, cancer_active: 'yes', strain_pain: 'no' }, level: 'emergency' as const },
    { finding: `cancer ${c} active unsure + leg pain`, answers: { cancer_history: c, cancer_active: 'unsure', strain_pain: 'no' }, level: 'emergency' as const },
    { finding: `cancer ${c} active + thigh pain`, answers: { leg_pain: 'no', thigh_pain: 'yes', cancer_history: c, cancer_active: 'yes', strain_pain: 'no' }, level: 'emergency' as const },
  ]),

  // --- urgent
  { finding: 'both legs, longer, not examined', answers: { pain_side: 'both_legs', bilateral_onset: 'longer_not_checked' }, level: 'urgent' },
  { finding: 'pain_side alternating', answers: { pain_side: 'alternating' }, level: 'urgent' },
  ...each(['fever'], YES_UNSURE, 'urgent', { sepsis_signs: 'no' }),
  { finding: 'iv_drug_use yes', answers: { iv_drug_use: 'yes' }, level: 'urgent' },
  ...each(['leg_weakness'], ['severe_or_worsening', 'unsure'], 'urgent'),
  ...each(['calf_swelling', 'rash', 'back_lump', 'thoracic_pain', 'weight_loss'], YES_UNSURE, 'urgent'),
  { finding: 'trauma yes (not a serious accident)', answers: { trauma: 'yes', serious_accident: 'no' }, level: 'urgent' },
  { finding: 'night_pain yes', answers: { night_pain: 'yes' }, level: 'urgent' },
  { finding: 'cancer yes, otherwise quiet', answers: { cancer_history: 'yes', ...CANCER_QUIET }, level: 'urgent' },
  { finding: 'cancer unsure, otherwise quiet', answers: { cancer_history: 'unsure', ...CANCER_QUIET }, level: 'urgent' },
  { finding: 'cancer, examined old foot drop', answers: { cancer_history: 'yes', ...CANCER_QUIET, leg_weakness: 'severe_stable_checked' }, level: 'urgent' },
  { finding: 'cancer active, back pain only', answers: { leg_pain: 'no', thigh_pain: 'no', pain_side: null, cancer_history: 'yes', cancer_active: 'yes', strain_pain: 'no' }, level: 'urgent' },
  { finding: 'cancer + night pain, back pain only', answers: { leg_pain: 'no', thigh_pain: 'no', pain_side: null, cancer_history: 'yes', ...CANCER_QUIET, night_pain: 'yes' }, level: 'urgent' },
  { finding: 'immunosuppressed + worsening pain', answers: { immunosuppressed: 'yes', pain_trend: 'worsening' }, level: 'urgent' },
  { finding: 'immunosuppressed unsure + worsening pain', answers: { immunosuppressed: 'unsure', pain_trend: 'worsening' }, level: 'urgent' },

  // --- see a GP or physiotherapist first
  { finding: 'both legs, longer, examined', answers: { pain_side: 'both_legs', bilateral_onset: 'longer_checked' }, level: 'see_professional_first' },
  { finding: 'both legs numb, longer, examined', answers: { bilateral_neuro: 'yes', bilateral_onset: 'longer_checked' }, level: 'see_professional_first' },
  ...each(['previous_ces', 'immunosuppressed', 'osteoporosis', 'pregnant'], YES_UNSURE, 'see_professional_first'),
  { finding: 'age 50, not assessed', answers: { age: 50, previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'age 19', answers: { age: 19 }, level: 'see_professional_first' },
  ...each(['steroids', 'anticoagulants', 'bleeding_disorder', 'recent_surgery', 'spinal_procedure'], ['yes'], 'see_professional_first'),
  { finding: 'pain_trend worsening', answers: { pain_trend: 'worsening' }, level: 'see_professional_first' },
  { finding: 'pain_intensity 7', answers: { pain_intensity: 7 }, level: 'see_professional_first' },
  { finding: '6-12 weeks, not assessed', answers: { duration: '6_to_12_weeks', previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'over 12 weeks, not assessed', answers: { duration: 'over_12_weeks', previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'mild stable weakness, not assessed', answers: { leg_weakness: 'mild_stable', previously_assessed: 'no' }, level: 'see_professional_first' },
  { finding: 'severe weakness, stable 3 months, examined', answers: { leg_weakness: 'severe_stable_checked' }, level: 'see_professional_first' },
];

/** NOTES.md section 2, with the additions of 8.6: the cautions each finding must add. */
const NOTES_SECTION_2: readonly { finding: string; answers: Readonly<Record<string, string>>; cautions: readonly string[] }[] = [
  { finding: 'anticoagulants', answers: { anticoagulants: 'yes' }, cautions: ['gentle_pressure', 'tell_therapist_medication'] },
  { finding: 'antiplatelets', answers: { antiplatelets: 'yes' }, cautions: ['gentle_pressure', 'tell_therapist_medication'] },
  { finding: 'bleeding_disorder', answers: { bleeding_disorder: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'osteoporosis yes', answers: { osteoporosis: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'osteoporosis unsure', answers: { osteoporosis: 'unsure' }, cautions: ['gentle_pressure'] },
  { finding: 'steroids', answers: { steroids: 'yes' }, cautions: ['gentle_pressure', 'tell_therapist_medication'] },
  { finding: 'numbness_leg', answers: { numbness_leg: 'yes' }, cautions: ['gentle_pressure'] },
  { finding: 'pregnant yes', answers: { pregnant: 'yes' }, cautions: ['gentle_pressure', 'avoid_legs_deep', 'pregnancy_trained_therapist'] },
  { finding: 'pregnant unsure', answers: { pregnant: 'unsure' }, cautions: ['gentle_pressure', 'avoid_legs_deep', 'pregnancy_trained_therapist'] },
  { finding: 'cancer (urgent)', answers: { cancer_history: 'yes', ...CANCER_QUIET }, cautions: ['gentle_pressure'] },
  { finding: 'cancer unsure (urgent)', answers: { cancer_history: 'unsure', ...CANCER_QUIET }, cautions: ['gentle_pressure'] },
  { finding: 'skin_problem', answers: { skin_problem: 'yes' }, cautions: ['avoid_area'] },
  { finding: 'rash yes', answers: { rash: 'yes' }, cautions: ['avoid_area'] },
  { finding: 'rash unsure', answers: { rash: 'unsure' }, cautions: ['avoid_area'] },
  { finding: 'back_lump yes', answers: { back_lump: 'yes' }, cautions: ['avoid_area'] },
  { finding: 'back_lump unsure', answers: { back_lump: 'unsure' }, cautions: ['avoid_area'] },
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

describe('NOTES.md section 8.6, finding by finding', () => {
  it('starts from a baseline that needs nothing but massage_ok', () => {
    const r = evaluateWith({});
    expect(r.disposition).toBe('massage_ok');
    expect(r.missing).toEqual([]);
  });

  it.each(NOTES_SECTION_8_6)('$finding → $level, by a questionnaire rule', ({ answers, level }) => {
    const r = evaluateWith(answers);
    expect(r.disposition).toBe(level);
    const deciding = r.fired.filter((f) => f.outcome === level);
    expect(deciding.length).toBeGreaterThan(0);
    expect(deciding.every((f) => !f.rule.startsWith('engine:') && f.source.length > 0)).toBe(true);
  });

  // "Not sure" about cancer gives the same result as "yes" (checked above); the cases file holds
  // one case of it per cancer rule rather than one per combination.
  it.each(NOTES_SECTION_8_6.filter((f) => f.level !== 'see_professional_first' && !f.finding.startsWith('cancer unsure')))(
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
    const onPath = evaluateWith({}).path;
    // pain_side: without it the flow asks nothing more about both legs, so it is tested below.
    const ids = q.questions.filter((x) => x.required && onPath.includes(x.id) && x.id !== 'pain_side').map((x) => x.id);
    expect(ids).toContain('numbness_leg');
    for (const id of ids) {
      const r = evaluateWith({ [id]: null });
      expect(r.missing, id).toContain(id);
      expect(r.disposition, id).toBe('see_professional_first');
      expect(r.fired.map((f) => f.rule), id).toEqual(['answers-missing', 'stop-if-worse']);
    }
  });

  it('a missing "which leg" with pain below the knee is not taken as one leg: never massage_ok', () => {
    const r = evaluateWith({ pain_side: null });
    expect(r.missing).toEqual(['pain_side']);
    expect(r.disposition).toBe('see_professional_first');
  });

  it('a missing follow-up answer floors the result too', () => {
    expect(evaluateWith({ fever: 'no', trauma: 'yes', serious_accident: null }).missing).toEqual(['serious_accident']);
    expect(evaluateWith({ cancer_history: 'yes', cancer_active: null, strain_pain: 'no' }).missing).toEqual(['cancer_active']);
  });

  it('a missing optional answer does not change the result', () => {
    for (const id of ['skin_problem', 'varicose_veins', 'scent_sensitivity']) {
      expect(evaluateWith({ [id]: null }).disposition, id).toBe('massage_ok');
    }
  });

  it('nothing else escalates: "no" to every question, under 50, under 6 weeks, 6/10 → massage_ok even unassessed', () => {
    expect(evaluateWith({ previously_assessed: 'no', age: 49, pain_intensity: 6, pain_trend: 'same' }).disposition).toBe('massage_ok');
  });
});

describe('NOTES.md section 2 and 8.6, caution by caution', () => {
  it.each(NOTES_SECTION_2)('$finding adds $cautions', ({ answers, cautions }) => {
    const got = evaluateWith(answers).cautions.map((c) => c.id);
    for (const c of cautions) expect(got).toContain(c);
  });

  it('adds light pressure with every cancer rule, the emergencies included (in the fired rule: an emergency result lists no cautions)', () => {
    for (const extra of [{ numbness_leg: 'yes' }, { pain_trend: 'worsening' }, { cancer_active: 'yes' }]) {
      const r = evaluateWith({ cancer_history: 'yes', ...CANCER_QUIET, ...extra });
      expect(r.disposition).toBe('emergency');
      const cancer = r.fired.filter((f) => f.rule.startsWith('cancer-'));
      expect(cancer.length).toBeGreaterThan(0);
      for (const f of cancer) expect(f.cautions, f.rule).toContain('gentle_pressure');
    }
  });

  it('gives each caution with the sources of the rules that added it', () => {
    const r = evaluateWith({ anticoagulants: 'yes' });
    const gentle = r.cautions.find((c) => c.id === 'gentle_pressure');
    expect(gentle?.source.map((s) => s.publisher)).toContain('livih.com (myofascial release practitioner page)');
  });
});
