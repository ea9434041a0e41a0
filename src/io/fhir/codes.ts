/**
 * The identifiers our FHIR resources share: the questionnaire's canonical URL, the code systems of
 * answer values, red-flag categories and dispositions, and the FHIR id rules. Pure.
 */
import type { Coding } from 'fhir/r4.js';
import type { Question, Questionnaire } from '../../questionnaire/model.js';
import { UNSURE } from '../../questionnaire/model.js';

/** The prefix of every URI this program mints. */
export const URN = 'urn:sciatica-screen';

/** The questionnaire's canonical URL (a URN: this program publishes nothing on the web). */
export function canonicalUrl(q: Pick<Questionnaire, 'id'>): string {
  return `${URN}:questionnaire:${q.id}`;
}

/** The code system of one question's answer values (`yes`, `no`, `unsure`, option values). */
export function answerSystem(q: Pick<Question, 'id'>): string {
  return `${URN}:answer:${q.id}`;
}
export const RED_FLAG_SYSTEM = `${URN}:red-flag`;
export const DISPOSITION_SYSTEM = `${URN}:disposition`;
export const RULE_SYSTEM = `${URN}:rule`;
export const SHA256_SYSTEM = `${URN}:sha256`;

/** A FHIR `id`: `[A-Za-z0-9\-.]{1,64}`. Other characters become `-`; longer ids are cut. */
export function fhirId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
  return id === '' ? 'x' : id;
}

/** The words of a yes/no or "not sure" value, or the option's label. */
export function answerDisplay(q: Question, value: string): string {
  if (value === UNSURE) return 'Not sure';
  if (q.type === 'yesno') return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value;
  if (q.type === 'choice' || q.type === 'multi') return q.options.find((o) => o.value === value)?.label ?? value;
  return value;
}

export function answerCoding(q: Question, value: string): Coding {
  return { system: answerSystem(q), code: value, display: answerDisplay(q, value) };
}
