/** A small questionnaire in the shape of the bundled one, shared by the engine's example tests. */
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';

export const mini = buildQuestionnaire({
  id: 'mini',
  version: '1.2.0',
  questions: [
    { id: 'age', label: 'age', type: 'number', min: 16, max: 110, integer: true },
    { id: 'leg_pain', label: 'pain below the knee', next: [{ when: { leg_pain: 'yes' }, goto: 'pain_side' }, { goto: 'saddle_numbness' }] },
    { id: 'pain_side', label: 'which leg', type: 'choice', options: ['one_leg', 'both_legs', 'alternating'], redFlag: { category: 'cauda_equina', values: ['both_legs'] } },
    { id: 'pain_intensity', label: 'how bad the pain is', type: 'scale' },
    { id: 'saddle_numbness', label: 'numbness between the legs', unsure: true, redFlag: 'cauda_equina' },
    { id: 'fever', label: 'fever', unsure: true, redFlag: 'infection' },
    { id: 'anticoagulants', label: 'blood thinners' },
    { id: 'night_pain', label: 'pain at night', redFlag: 'cancer' },
    { id: 'scent_sensitivity', label: 'sensitive to scents', required: false, next: 'end' },
    { id: 'unreachable' },
  ],
  rules: [
    { id: 'ces-saddle', when: { saddle_numbness: ['yes', 'unsure'] }, outcome: 'emergency', reason: 'Saddle numbness can mean cauda equina syndrome.', source: 'cks' },
    { id: 'ces-bilateral', when: { pain_side: 'both_legs' }, outcome: 'emergency', reason: 'Sciatica in both legs.', source: ['cks', 'nhs'] },
    { id: 'infection', when: { fever: ['yes', 'unsure'] }, outcome: 'urgent', reason: 'Fever with back pain can mean infection.', source: 'cks' },
    { id: 'severe-pain', when: { pain_intensity: { gte: 7 } }, outcome: 'see_professional_first', reason: 'Severe pain.', source: 'nhs' },
    { id: 'older', when: { age: { gte: 50 } }, outcome: 'see_professional_first', reason: 'Aged 50 or over.', source: 'wikimsk' },
    { id: 'blood-thinners', when: { anticoagulants: 'yes' }, outcome: 'see_professional_first', cautions: ['gentle_pressure', 'tell_therapist_medication'], reason: 'Blood thinners.', source: 'spencer' },
    { id: 'night-pain', when: { night_pain: 'yes' }, outcome: 'see_professional_first', reason: 'Night pain.', source: 'cks' },
    { id: 'missing-required', when: { missing: 'required' }, outcome: 'see_professional_first', reason: 'A required answer is missing.', source: 'cks' },
    { id: 'scent', when: { scent_sensitivity: 'yes' }, cautions: ['scent_free'], reason: 'Scent sensitivity.', source: 'livih' },
    { id: 'stop-if-worse', when: { not: { saddle_numbness: ['yes', 'unsure'] } }, cautions: ['stop_if_worse'], reason: 'Always stop if worse.', source: 'nhs' },
  ],
  outcomes: [
    { id: 'emergency', title: 'Go to A&E now or call 999', stop: true },
    { id: 'urgent', title: 'See a doctor today' },
    { id: 'see_professional_first', title: 'See a GP or physiotherapist before booking a massage' },
    { id: 'massage_ok', title: 'Massage is a reasonable complement to your care' },
  ],
  cautions: ['gentle_pressure', 'scent_free', 'tell_therapist_medication', 'stop_if_worse'],
  sources: [
    { id: 'cks', title: 'NICE CKS Sciatica', section: 'Interpreting red flags' },
    { id: 'nhs', title: 'NHS Sciatica' },
  ],
});

/** Every question answered on the leg-pain path, nothing of concern. */
export const calm = {
  age: 30,
  leg_pain: 'yes',
  pain_side: 'one_leg',
  pain_intensity: 4,
  saddle_numbness: 'no',
  fever: 'no',
  anticoagulants: 'no',
  night_pain: 'no',
  scent_sensitivity: 'no',
} as const;
