/**
 * A questionnaire as a FHIR R4 `Questionnaire` (docs/exports.md § FHIR): one item per question,
 * in document order, `linkId` = question id; yes/no, choice and multi questions are `choice`
 * items with `answerOption` codings (system `urn:sciatica-screen:answer:<question id>`, code = the
 * answer value, so a clinic's system gets back exactly what `evaluate` reads); a multi question
 * repeats; number and scale questions are `integer`/`decimal` items with min/max extensions.
 * Red-flag questions carry a `code` in `urn:sciatica-screen:red-flag`. The flow is written as
 * `enableWhen` where FHIR can say it (./enable-when.ts); `inexpressible` lists where it cannot.
 * Pure; same questionnaire → identical resource.
 */
import type { Extension, Questionnaire as FhirQuestionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from 'fhir/r4.js';
import type { Question, Questionnaire } from '../../questionnaire/model.js';
import { UNSURE } from '../../questionnaire/model.js';
import { answerCoding, canonicalUrl, fhirId, RED_FLAG_SYSTEM, SHA256_SYSTEM } from './codes.js';
import { enableWhenOf } from './enable-when.js';

const EXT = 'http://hl7.org/fhir/StructureDefinition';

export interface FhirQuestionnaireExport {
  readonly resource: FhirQuestionnaire;
  /** What FHIR cannot say about a question, with why: a flow `enableWhen` cannot express (the
   * item is exported without it), or "not sure" on a number. */
  readonly inexpressible: readonly { readonly question: string; readonly why: string }[];
}

function options(q: Question): QuestionnaireItemAnswerOption[] {
  const values = q.type === 'yesno' ? ['yes', 'no'] : q.type === 'choice' || q.type === 'multi' ? q.options.map((o) => o.value) : [];
  if (q.unsure && (q.type === 'yesno' || q.type === 'choice')) values.push(UNSURE);
  return values.map((v) => ({ valueCoding: answerCoding(q, v) }));
}

function numberExtensions(q: Question): Extension[] {
  const ext: Extension[] = [];
  const num = (url: string, value: number, integer: boolean): Extension => (integer ? { url, valueInteger: value } : { url, valueDecimal: value });
  if (q.type === 'number') {
    if (q.min !== undefined) ext.push(num(`${EXT}/minValue`, q.min, q.integer));
    if (q.max !== undefined) ext.push(num(`${EXT}/maxValue`, q.max, q.integer));
    if (q.unit !== undefined) ext.push({ url: `${EXT}/questionnaire-unit`, valueCoding: { display: q.unit } });
  } else if (q.type === 'scale') {
    ext.push(num(`${EXT}/minValue`, q.min, true), num(`${EXT}/maxValue`, q.max, true));
  }
  return ext;
}

/** Text shown with the item: the question, then for a scale its anchors. */
function itemText(q: Question): string {
  if (q.type !== 'scale') return q.text;
  const anchors = Object.entries(q.anchors).map(([point, label]) => `${point} = ${label}`);
  return anchors.length === 0 ? q.text : `${q.text} (${anchors.join('; ')})`;
}

function itemType(q: Question): QuestionnaireItem['type'] {
  switch (q.type) {
    case 'yesno':
    case 'choice':
    case 'multi':
      return 'choice';
    case 'number':
      return q.integer ? 'integer' : 'decimal';
    case 'scale':
      return 'integer';
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

export function toFhirQuestionnaire(q: Questionnaire): FhirQuestionnaireExport {
  const flow = enableWhenOf(q);
  const inexpressible: { question: string; why: string }[] = [];
  const items = q.questions.map((question): QuestionnaireItem => {
    const item: QuestionnaireItem = { linkId: question.id, text: itemText(question), type: itemType(question) };
    const label = (question as Question & { readonly label?: string }).label;
    if (label !== undefined) item.prefix = label;
    if (question.redFlag) item.code = [{ system: RED_FLAG_SYSTEM, code: question.redFlag.category, display: `Red flag: ${question.redFlag.category.replace(/_/g, ' ')}` }];
    const ext = numberExtensions(question);
    if (ext.length > 0) item.extension = ext;
    const when = flow.get(question.id);
    if (when?.kind === 'expressed') {
      item.enableWhen = when.enableWhen;
      if (when.enableBehavior !== undefined) item.enableBehavior = when.enableBehavior;
    } else if (when?.kind === 'inexpressible') inexpressible.push({ question: question.id, why: `when it is asked: ${when.why}` });
    if (question.unsure && (question.type === 'number' || question.type === 'scale')) {
      inexpressible.push({ question: question.id, why: 'a number item cannot offer "not sure"; that answer is written as valueString "unsure"' });
    }
    item.required = question.required;
    if (question.type === 'multi') item.repeats = true;
    const answerOption = options(question);
    if (answerOption.length > 0) item.answerOption = answerOption;
    if (question.help !== undefined) item.item = [{ linkId: `${question.id}.help`, type: 'display', text: question.help }];
    return item;
  });
  const resource: FhirQuestionnaire = {
    resourceType: 'Questionnaire',
    id: fhirId(q.id),
    url: canonicalUrl(q),
    identifier: [{ system: SHA256_SYSTEM, value: q.sha256 }],
    version: q.version,
    title: q.title,
    status: 'active',
    ...(q.description === undefined ? {} : { description: q.description }),
    item: items,
  };
  return { resource, inexpressible };
}
