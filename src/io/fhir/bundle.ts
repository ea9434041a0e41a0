/**
 * One evaluation as a FHIR R4 `Bundle` (type `collection`) of two resources (docs/exports.md § FHIR):
 * - a `QuestionnaireResponse` with the answers on the path, in the order asked, coded as the
 *   `Questionnaire` export codes them (./questionnaire.ts);
 * - a `RiskAssessment` whose `prediction` names the disposition (code in
 *   `urn:sciatica-screen:disposition`, its title and advice), whose `basis` is the response, whose
 *   `mitigation` lists the cautions for the therapist, and whose `note`s give every fired rule with
 *   its reason, the answers it fired on and its sources, what was not answered, and the
 *   not-a-diagnosis notice.
 * Entry URLs are `urn:uuid:`s derived from the questionnaire's SHA-256 and the answers, so the
 * same input gives the same bundle; only `timestamp` / `authored` / `occurrenceDateTime` carry
 * the clock, and only when the CLI passes one.
 */
import { createHash } from 'node:crypto';
import type { Annotation, Bundle, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer, RiskAssessment } from 'fhir/r4.js';
import type { Citation, Result } from '../../engine/result.js';
import type { AnswerValue, Answers, Question, Questionnaire } from '../../questionnaire/model.js';
import { UNSURE } from '../../questionnaire/model.js';
import { answerCoding, canonicalUrl, DISPOSITION_SYSTEM, fhirId, RULE_SYSTEM, SHA256_SYSTEM, URN } from './codes.js';

export interface FhirBundleOptions {
  /** When the bundle was made (the CLI's clock): `Bundle.timestamp`, `RiskAssessment.occurrenceDateTime`. */
  readonly timestamp?: Date;
  /** When the answers were given (an answers file's `savedAt`): `QuestionnaireResponse.authored`. */
  readonly authored?: string;
  /** A batch record's id: `Bundle.identifier`. */
  readonly recordId?: string;
}

/** A version-4-shaped UUID made from `seed` (deterministic, not random). */
function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function answerItems(q: Question, value: AnswerValue): QuestionnaireResponseItemAnswer[] {
  if (value === UNSURE && (q.type === 'number' || q.type === 'scale')) return [{ valueString: UNSURE }];
  switch (q.type) {
    case 'yesno':
    case 'choice':
      return [{ valueCoding: answerCoding(q, String(value)) }];
    case 'multi':
      return (Array.isArray(value) ? (value as readonly string[]) : [String(value)]).map((v) => ({ valueCoding: answerCoding(q, v) }));
    case 'number':
      return [q.integer ? { valueInteger: Number(value) } : { valueDecimal: Number(value) }];
    case 'scale':
      return [{ valueInteger: Number(value) }];
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

function cite(c: Citation): string {
  return [c.title, c.section === undefined ? undefined : `section: ${c.section}`, c.publisher + (c.year === undefined ? '' : ` (${c.year})`), c.url].filter((x) => x !== undefined).join(', ');
}

function valueText(v: AnswerValue | null): string {
  return v === null ? 'not answered' : Array.isArray(v) ? (v.length === 0 ? 'none' : v.join(', ')) : String(v);
}

/** The canonical JSON of the answers on the path (for the entry ids). */
function answersSeed(result: Result, answers: Answers): string {
  return JSON.stringify(result.path.map((id) => [id, answers[id] ?? null]));
}

export function toFhirBundle(q: Questionnaire, answers: Answers, result: Result, options: FhirBundleOptions = {}): Bundle {
  const questions = new Map(q.questions.map((x) => [x.id, x]));
  const seed = `${q.sha256}\n${answersSeed(result, answers)}\n${options.recordId ?? ''}`;
  const responseUrl = `urn:uuid:${uuidFrom(`response\n${seed}`)}`;
  const assessmentUrl = `urn:uuid:${uuidFrom(`assessment\n${seed}`)}`;

  const items: QuestionnaireResponseItem[] = [];
  for (const id of result.path) {
    const question = questions.get(id);
    const value = answers[id];
    if (question === undefined || value === null || value === undefined) continue;
    const answer = answerItems(question, value);
    // An empty multi answer ("none of these") has no FHIR answer value: the item is listed without one.
    items.push(answer.length === 0 ? { linkId: id, text: question.text } : { linkId: id, text: question.text, answer });
  }
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${canonicalUrl(q)}|${q.version}`,
    status: result.missing.length === 0 ? 'completed' : 'in-progress',
    ...(options.authored === undefined ? {} : { authored: options.authored }),
    ...(items.length === 0 ? {} : { item: items }),
  };

  const notes: Annotation[] = result.fired.map((f) => {
    const fired = Object.entries(f.answers).map(([id, v]) => `${id}: ${valueText(v)}`);
    const parts = [`Rule ${f.rule}${f.outcome === undefined ? '' : ` (${f.outcome})`}: ${f.reason}`];
    if (fired.length > 0) parts.push(`Answers: ${fired.join('; ')}.`);
    if (f.source.length > 0) parts.push(`Sources: ${f.source.map(cite).join(' | ')}`);
    return { text: parts.join('\n') };
  });
  if (result.stoppedEarly) notes.push({ text: 'Stopped early: an answer needs action now, so the remaining questions were not asked.' });
  if (result.missing.length > 0) notes.push({ text: `Not answered: ${result.missing.join(', ')}` });
  notes.push({ text: result.notice });

  const assessment: RiskAssessment = {
    resourceType: 'RiskAssessment',
    identifier: result.fired.map((f) => ({ system: RULE_SYSTEM, value: f.rule })),
    status: 'final',
    method: {
      coding: [{ system: canonicalUrl(q), version: q.version, code: q.id, display: q.title }],
      text: `${q.id} ${q.version} (SHA-256 ${q.sha256})`,
    },
    subject: { display: 'The person who answered the questionnaire' },
    ...(options.timestamp === undefined ? {} : { occurrenceDateTime: options.timestamp.toISOString() }),
    basis: [{ reference: responseUrl, type: 'QuestionnaireResponse' }],
    prediction: [
      {
        outcome: { coding: [{ system: DISPOSITION_SYSTEM, code: result.disposition, display: result.title }], text: result.title },
        rationale: result.advice,
      },
    ],
    ...(result.cautions.length === 0 ? {} : { mitigation: result.cautions.map((c) => `${c.text} [${c.source.map((s) => s.title).join('; ')}]`).join('\n') }),
    note: notes,
  };
  if ((assessment.identifier ?? []).length === 0) delete assessment.identifier;

  return {
    resourceType: 'Bundle',
    id: fhirId(uuidFrom(`bundle\n${seed}`)),
    meta: { tag: [{ system: SHA256_SYSTEM, code: q.sha256, display: `${q.id} ${q.version}` }] },
    ...(options.recordId === undefined ? {} : { identifier: { system: `${URN}:record`, value: options.recordId } }),
    type: 'collection',
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp.toISOString() }),
    entry: [
      { fullUrl: responseUrl, resource: response },
      { fullUrl: assessmentUrl, resource: assessment },
    ],
  };
}
