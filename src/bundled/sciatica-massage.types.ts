// Generated from questionnaires/sciatica-massage.yaml (sciatica-massage 1.1.0) by `npm run gen:types`. Do not edit:
// test/engine/bundled-types.test.ts fails when this file and the YAML differ.

/** The id of the questionnaire these types describe. */
export type SciaticaMassageId = 'sciatica-massage';
export const SCIATICA_MASSAGE_VERSION = '1.1.0';

export type SciaticaMassageQuestionId =
  | 'leg_pain'
  | 'thigh_pain'
  | 'pain_side'
  | 'bilateral_neuro'
  | 'bilateral_onset'
  | 'saddle_numbness'
  | 'bladder_change'
  | 'bowel_change'
  | 'sexual_dysfunction'
  | 'walking_difficulty'
  | 'previous_ces'
  | 'leg_weakness'
  | 'numbness_leg'
  | 'pain_trend'
  | 'pain_intensity'
  | 'duration'
  | 'breathless_chest_pain'
  | 'calf_swelling'
  | 'fever'
  | 'sepsis_signs'
  | 'iv_drug_use'
  | 'immunosuppressed'
  | 'spinal_procedure'
  | 'cancer_history'
  | 'cancer_active'
  | 'strain_pain'
  | 'night_pain'
  | 'thoracic_pain'
  | 'weight_loss'
  | 'back_lump'
  | 'rash'
  | 'trauma'
  | 'serious_accident'
  | 'osteoporosis'
  | 'steroids'
  | 'age'
  | 'previously_assessed'
  | 'pregnant'
  | 'anticoagulants'
  | 'antiplatelets'
  | 'bleeding_disorder'
  | 'recent_surgery'
  | 'skin_problem'
  | 'varicose_veins'
  | 'scent_sensitivity';

/** Normalised answers by question id: a value as stored, `null` for skipped, absent for not asked. */
export interface SciaticaMassageAnswers {
  /** Does your pain spread from your back or buttock down into a leg, below the knee? */
  readonly leg_pain?: 'yes' | 'no' | null;
  /** Does your pain spread from your back into a buttock or a thigh, but stop above the knee? */
  readonly thigh_pain?: 'yes' | 'no' | null;
  /** Which leg does the pain go into? */
  readonly pain_side?: 'one_leg' | 'both_legs' | 'alternating' | null;
  /** Do you have numbness, tingling or weakness in both legs or both feet? */
  readonly bilateral_neuro?: 'yes' | 'no' | 'unsure' | null;
  /** When did both of your legs become affected? */
  readonly bilateral_onset?: 'recent' | 'longer_checked' | 'longer_not_checked' | 'unsure' | null;
  /** Is any skin between your legs numb, or does it feel different from what is normal for you? This means around your genitals, your back passage (anus), or the inside of your buttocks or upper thighs. */
  readonly saddle_numbness?: 'yes' | 'no' | 'unsure' | null;
  /** Do you have any trouble with peeing that is new or different for you, or getting worse? For example: it is hard to start or to stop, you cannot feel the pee coming out, or you leak. */
  readonly bladder_change?: 'yes' | 'no' | 'unsure' | null;
  /** Have you lost control of your bowels, or can you no longer feel when you need to poo? Answer Yes if this is new or different for you, or getting worse. */
  readonly bowel_change?: 'yes' | 'no' | 'unsure' | null;
  /** Is there less feeling in your genitals than is normal for you? Or do you have new trouble getting or keeping an erection, or reaching a climax? */
  readonly sexual_dysfunction?: 'yes' | 'no' | 'unsure' | null;
  /** Has walking become difficult in a new way, because your legs feel unsteady, clumsy or like jelly? */
  readonly walking_difficulty?: 'yes' | 'no' | 'unsure' | null;
  /** Have you ever been treated for cauda equina syndrome, or told that the nerves at the base of your spine were damaged? */
  readonly previous_ces?: 'yes' | 'no' | 'unsure' | null;
  /** Is your leg or foot weak? */
  readonly leg_weakness?: 'none' | 'mild_stable' | 'severe_or_worsening' | 'severe_stable_checked' | 'unsure' | null;
  /** Do you have numbness, or pins and needles, in your leg or foot? */
  readonly numbness_leg?: 'yes' | 'no' | null;
  /** Over the last few days, how is your pain changing? */
  readonly pain_trend?: 'improving' | 'same' | 'worsening' | null;
  /** In the last 24 hours, how bad was your leg pain at its worst? */
  readonly pain_intensity?: number | null;
  /** How long has this episode of pain lasted so far? */
  readonly duration?: 'under_6_weeks' | '6_to_12_weeks' | 'over_12_weeks' | null;
  /** Have you suddenly become short of breath, or do you have new chest pain? */
  readonly breathless_chest_pain?: 'yes' | 'no' | null;
  /** Compared with your other leg, is one calf (the back of the lower leg) swollen, warm, red, or tender when you press it? */
  readonly calf_swelling?: 'yes' | 'no' | 'unsure' | null;
  /** Do you have a high temperature, or do you feel hot and shivery? */
  readonly fever?: 'yes' | 'no' | 'unsure' | null;
  /** Are you also confused or muddled, very short of breath, or is your skin blotchy, pale or blue? */
  readonly sepsis_signs?: 'yes' | 'no' | 'unsure' | null;
  /** Do you inject drugs, or have you done so recently? */
  readonly iv_drug_use?: 'yes' | 'no' | null;
  /** Is your immune system weakened? For example by HIV, by chemotherapy, or by medicines that calm the immune system (such as after a transplant, or for some kinds of arthritis). */
  readonly immunosuppressed?: 'yes' | 'no' | 'unsure' | null;
  /** In the last 3 months, have you had an operation on your spine, or an injection into your back? */
  readonly spinal_procedure?: 'yes' | 'no' | null;
  /** Have you ever had cancer? */
  readonly cancer_history?: 'yes' | 'no' | 'unsure' | null;
  /** Are you having treatment or check-ups for cancer now? */
  readonly cancer_active?: 'yes' | 'no' | 'unsure' | null;
  /** Is your back pain worse when you cough, sneeze or strain (for example on the toilet)? */
  readonly strain_pain?: 'yes' | 'no' | 'unsure' | null;
  /** Is the pain there all the time, much worse at night, and not eased by resting or by changing position? */
  readonly night_pain?: 'yes' | 'no' | null;
  /** Do you have pain in the upper or middle part of your back, or a band of pain around your chest or tummy? */
  readonly thoracic_pain?: 'yes' | 'no' | 'unsure' | null;
  /** Have you lost weight recently without trying? */
  readonly weight_loss?: 'yes' | 'no' | 'unsure' | null;
  /** Is there a lump or swelling in your back, or has your back changed shape? */
  readonly back_lump?: 'yes' | 'no' | 'unsure' | null;
  /** Have you had a new rash or blisters on one side of your body, where the pain is? */
  readonly rash?: 'yes' | 'no' | 'unsure' | null;
  /** Before this pain began, did you have a bad fall, a road accident or a hard blow to your back? If you are 65 or over, have thin bones, or take steroid tablets, also count a small fall, a strain while lifting, or back pain that started suddenly and severely. */
  readonly trauma?: 'yes' | 'no' | null;
  /** Was it in the last week, and was it a car crash or a fall from a height? */
  readonly serious_accident?: 'yes' | 'no' | 'unsure' | null;
  /** Have you been told you have thin or brittle bones (osteoporosis)? */
  readonly osteoporosis?: 'yes' | 'no' | 'unsure' | null;
  /** Have you taken steroid tablets, such as prednisolone, for 3 months or longer? */
  readonly steroids?: 'yes' | 'no' | null;
  /** How old are you? */
  readonly age?: number | null;
  /** Has a doctor or a physiotherapist already examined you for this pain? */
  readonly previously_assessed?: 'yes' | 'no' | null;
  /** Are you pregnant, or could you be? */
  readonly pregnant?: 'yes' | 'no' | 'unsure' | null;
  /** Do you take medicine to thin your blood or prevent blood clots? For example warfarin, apixaban, rivaroxaban, edoxaban, dabigatran, or heparin injections. */
  readonly anticoagulants?: 'yes' | 'no' | null;
  /** Do you take aspirin, clopidogrel or a similar medicine every day? */
  readonly antiplatelets?: 'yes' | 'no' | null;
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
  | 'ces-walking-difficulty'
  | 'ces-both-legs'
  | 'ces-both-legs-worsening'
  | 'clot-lung'
  | 'infection-sepsis'
  | 'fracture-serious-accident'
  | 'cancer-nerve-signs'
  | 'cancer-suggestive-pain'
  | 'cancer-active-nerve-pain'
  | 'ces-both-legs-not-examined'
  | 'ces-alternating'
  | 'weakness-severe'
  | 'clot-leg'
  | 'infection-fever'
  | 'infection-injecting'
  | 'immune-weakened-with-warning-sign'
  | 'cancer-history'
  | 'thoracic-pain'
  | 'weight-loss'
  | 'night-pain'
  | 'back-lump'
  | 'shingles-rash'
  | 'fracture-trauma'
  | 'ces-both-legs-examined'
  | 'previous-ces'
  | 'age-50-unassessed'
  | 'age-under-20'
  | 'immune-weakened'
  | 'osteoporosis'
  | 'steroids-long-term'
  | 'anticoagulants'
  | 'bleeding-disorder'
  | 'recent-surgery'
  | 'spinal-procedure'
  | 'pregnancy'
  | 'pain-worsening'
  | 'pain-severe'
  | 'duration-unassessed'
  | 'weakness-mild-unassessed'
  | 'weakness-severe-examined'
  | 'answers-missing'
  | 'numbness-in-leg'
  | 'antiplatelets'
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
  | 'nhs-back-pain-999'
  | 'nhs-back-pain-urgent'
  | 'nhs-shingles'
  | 'gov-scot-mscc'
  | 'uk-sepsis-trust'
  | 'ahcpr-low-back-1994'
  | 'finucane-2020'
  | 'norfolk-waveney-ces-card'
  | 'hull-neurosurgery-red-flags'
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
