// Generated from questionnaires/sciatica-massage.yaml (sciatica-massage 1.0.0) by `npm run gen:types`. Do not edit:
// test/engine/bundled-types.test.ts fails when this file and the YAML differ.

/** The id of the questionnaire these types describe. */
export type SciaticaMassageId = 'sciatica-massage';
export const SCIATICA_MASSAGE_VERSION = '1.0.0';

export type SciaticaMassageQuestionId =
  | 'leg_pain'
  | 'pain_side'
  | 'saddle_numbness'
  | 'bladder_change'
  | 'bowel_change'
  | 'sexual_dysfunction'
  | 'breathless_chest_pain'
  | 'calf_swelling'
  | 'leg_weakness'
  | 'fever'
  | 'iv_drug_use'
  | 'immunosuppressed'
  | 'cancer_history'
  | 'weight_loss'
  | 'night_pain'
  | 'trauma'
  | 'osteoporosis'
  | 'steroids'
  | 'age'
  | 'duration'
  | 'pain_intensity'
  | 'pain_trend'
  | 'numbness_leg'
  | 'previously_assessed'
  | 'pregnant'
  | 'anticoagulants'
  | 'bleeding_disorder'
  | 'recent_surgery'
  | 'skin_problem'
  | 'varicose_veins'
  | 'scent_sensitivity';

/** Normalised answers by question id: a value as stored, `null` for skipped, absent for not asked. */
export interface SciaticaMassageAnswers {
  /** Does your pain spread from your back or buttock down into a leg, below the knee? */
  readonly leg_pain?: 'yes' | 'no' | null;
  /** Which leg does the pain go down? */
  readonly pain_side?: 'one_leg' | 'both_legs' | 'alternating' | null;
  /** Is any skin between your legs numb, or does it feel different from usual? This means around your genitals, your back passage (anus), or the inside of your buttocks or upper thighs. */
  readonly saddle_numbness?: 'yes' | 'no' | 'unsure' | null;
  /** Since this pain started, have you had any new trouble with peeing? For example: it is hard to start or to stop, you cannot feel the pee coming out, or you leak without meaning to. */
  readonly bladder_change?: 'yes' | 'no' | 'unsure' | null;
  /** Since this pain started, have you lost control of your bowels, or can you no longer feel when you need to poo? */
  readonly bowel_change?: 'yes' | 'no' | 'unsure' | null;
  /** Since this pain started, have you noticed less feeling in your genitals, or new problems during sex? For example, you cannot get an erection or cannot climax. */
  readonly sexual_dysfunction?: 'yes' | 'no' | 'unsure' | null;
  /** Have you suddenly become short of breath, or do you have new chest pain? */
  readonly breathless_chest_pain?: 'yes' | 'no' | null;
  /** Is one of your calves (the back of your lower leg) swollen, red, warm, or sore when you touch it? */
  readonly calf_swelling?: 'yes' | 'no' | 'unsure' | null;
  /** Is your leg or foot weak? */
  readonly leg_weakness?: 'none' | 'mild_stable' | 'severe_or_worsening' | 'unsure' | null;
  /** Along with the back pain, do you have a fever or chills, or do you feel very unwell? */
  readonly fever?: 'yes' | 'no' | 'unsure' | null;
  /** Do you inject drugs, or have you done so recently? */
  readonly iv_drug_use?: 'yes' | 'no' | null;
  /** Is your immune system weakened? For example by HIV, by chemotherapy, or by medicines that calm the immune system (such as after a transplant, or for some kinds of arthritis). */
  readonly immunosuppressed?: 'yes' | 'no' | 'unsure' | null;
  /** Have you ever had cancer? */
  readonly cancer_history?: 'yes' | 'no' | null;
  /** Have you lost weight recently without trying? */
  readonly weight_loss?: 'yes' | 'no' | 'unsure' | null;
  /** Is the pain there all the time, worse at night, and not eased by resting or by changing position? */
  readonly night_pain?: 'yes' | 'no' | null;
  /** Did you have a fall, an accident or a blow to your back before this pain began? */
  readonly trauma?: 'yes' | 'no' | null;
  /** Have you been told you have thin or brittle bones (osteoporosis)? */
  readonly osteoporosis?: 'yes' | 'no' | 'unsure' | null;
  /** Have you taken steroid tablets, such as prednisolone, for 3 months or longer? */
  readonly steroids?: 'yes' | 'no' | null;
  /** How old are you? */
  readonly age?: number | null;
  /** How long has this episode of pain lasted so far? */
  readonly duration?: 'under_6_weeks' | '6_to_12_weeks' | 'over_12_weeks' | null;
  /** In the last 24 hours, how bad was your leg pain at its worst? */
  readonly pain_intensity?: number | null;
  /** Over the last few days, how is your pain changing? */
  readonly pain_trend?: 'improving' | 'same' | 'worsening' | null;
  /** Do you have numbness, or pins and needles, in your leg or foot? */
  readonly numbness_leg?: 'yes' | 'no' | null;
  /** Has a doctor or a physiotherapist already examined you for this pain? */
  readonly previously_assessed?: 'yes' | 'no' | null;
  /** Are you pregnant, or could you be? */
  readonly pregnant?: 'yes' | 'no' | 'unsure' | null;
  /** Do you take medicine to thin your blood or prevent blood clots? For example warfarin, apixaban, rivaroxaban, edoxaban, dabigatran, or heparin injections. */
  readonly anticoagulants?: 'yes' | 'no' | null;
  /** Do you bleed or bruise very easily, or have you been told you have a bleeding disorder (such as haemophilia)? */
  readonly bleeding_disorder?: 'yes' | 'no' | null;
  /** Have you had an operation in the last 3 months? */
  readonly recent_surgery?: 'yes' | 'no' | null;
  /** Where the massage would go (your back, buttocks or legs), do you have broken skin, a rash, a burn or an infection? */
  readonly skin_problem?: 'yes' | 'no' | null;
  /** Do you have varicose veins in your legs? */
  readonly varicose_veins?: 'yes' | 'no' | null;
  /** Are you allergic or sensitive to massage oils, lotions or scents? */
  readonly scent_sensitivity?: 'yes' | 'no' | null;
}

/** Outcome ids, most urgent first. */
export type SciaticaMassageDisposition =
  | 'emergency'
  | 'urgent'
  | 'see_professional_first'
  | 'massage_ok';
export type SciaticaMassageCautionId =
  | 'gentle_pressure'
  | 'avoid_area'
  | 'avoid_legs_deep'
  | 'scent_free'
  | 'pregnancy_trained_therapist'
  | 'tell_therapist_medication'
  | 'post_surgery_clearance'
  | 'stop_if_worse';
export type SciaticaMassageRuleId =
  | 'ces-saddle-numbness'
  | 'ces-bladder-change'
  | 'ces-bowel-change'
  | 'ces-sexual-dysfunction'
  | 'ces-both-legs'
  | 'clot-lung'
  | 'cancer-spinal-compression'
  | 'ces-alternating'
  | 'weakness-severe'
  | 'clot-leg'
  | 'infection-fever'
  | 'infection-injecting'
  | 'cancer-history'
  | 'fracture-trauma'
  | 'age-50-unassessed'
  | 'immune-weakened'
  | 'weight-loss'
  | 'night-pain'
  | 'osteoporosis'
  | 'steroids-long-term'
  | 'anticoagulants'
  | 'bleeding-disorder'
  | 'recent-surgery'
  | 'pregnancy'
  | 'pain-worsening'
  | 'pain-severe'
  | 'duration-unassessed'
  | 'weakness-mild-unassessed'
  | 'answers-missing'
  | 'numbness-in-leg'
  | 'skin-problem'
  | 'varicose-veins'
  | 'scent-sensitivity'
  | 'stop-if-worse';
export type SciaticaMassageSourceId =
  | 'nice-ng59-manual-therapy'
  | 'nice-cks-sciatica'
  | 'nhs-sciatica-999'
  | 'nhs-sciatica-see-gp'
  | 'nhs-sciatica-symptoms'
  | 'girft-ces-2023'
  | 'nice-cg75-mscc'
  | 'nice-ng234'
  | 'nice-ng158-dvt'
  | 'nice-ng158-wells'
  | 'nhs-dvt'
  | 'macmillan-massage'
  | 'nhs-lothian-red-flags'
  | 'devon-lbp-pathway'
  | 'finucane-2020'
  | 'majchrzycki-2014'
  | 'red-flags-review-ausdoc'
  | 'back-pain-pathway-docslib'
  | 'wikimsk-red-flags'
  | 'gpreasoning-sciatica'
  | 'massage-dvt-somatics'
  | 'massage-risks-livih'
  | 'massage-risks-spencer'
  | 'massage-varicose-innersoul'
  | 'massage-precautions-clinicwala'
  | 'pregnancy-massage-mummypages';

/** Everything above in one type, for `ShapedQuestionnaire<SciaticaMassageShape>`. */
export interface SciaticaMassageShape {
  readonly id: SciaticaMassageId;
  readonly questionId: SciaticaMassageQuestionId;
  readonly answers: SciaticaMassageAnswers;
  readonly disposition: SciaticaMassageDisposition;
  readonly caution: SciaticaMassageCautionId;
  readonly rule: SciaticaMassageRuleId;
}
