/**
 * Questions and answers in the words a person reads them, never as ids: "numbness between the
 * legs: not sure", "which leg: both legs at the same time". Used by every renderer a person reads
 * (the text result, the interview's review, handouts); JSON keeps ids.
 *
 * Contract: the words come from the questionnaire only (a question's `label` or `text`, an
 * option's `label`, a scale's anchors, a number's `unit`) plus the fixed words "yes", "no",
 * "not sure", "none of these", "not answered" and "out of". Pure: no I/O.
 */
import { UNSURE, type AnswerValue, type Question, type ScaleQuestion } from '../questionnaire/model.js';

/** The question's `label`, or its whole `text` when it has none. */
export function questionLabel(q: Question): string {
  return q.label ?? q.text;
}

/**
 * An answer in the words it was chosen with, as they are written: the option's label ("Both legs
 * at the same time"), "Yes", "Not sure", "52 years", "4 out of 10 (moderate)", "None of these";
 * "Not answered" for none. Capitalised as a line of its own; see `answerWords` inside a sentence.
 */
export function answerText(q: Question, value: AnswerValue | null | undefined): string {
  if (value === null || value === undefined) return 'Not answered';
  if (value === UNSURE && q.type !== 'multi') return 'Not sure';
  switch (q.type) {
    case 'yesno':
      return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : String(value);
    case 'choice':
      return q.options.find((o) => o.value === value)?.label ?? String(value);
    case 'multi': {
      const list = Array.isArray(value) ? (value as readonly string[]) : [String(value)];
      if (list.length === 0) return 'None of these';
      return list.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join(', ');
    }
    case 'number':
      return q.unit ? `${String(value)} ${q.unit}` : String(value);
    case 'scale':
      return scaleAnswer(q, value);
    default: {
      const _exhaustive: never = q;
      return String(_exhaustive);
    }
  }
}

/** `answerText` for use inside a sentence: "both legs at the same time", "not sure", "not answered". */
export function answerWords(q: Question, value: AnswerValue | null | undefined): string {
  if (q.type === 'multi' && Array.isArray(value) && value.length > 0) {
    return (value as readonly string[]).map((v) => lowerFirst(q.options.find((o) => o.value === v)?.label ?? v)).join(', ');
  }
  return lowerFirst(answerText(q, value));
}

/** `label: answer words`, e.g. "numbness between the legs: not sure". */
export function answerPhrase(q: Question, value: AnswerValue | null | undefined): string {
  return `${questionLabel(q)}: ${answerWords(q, value)}`;
}

/** A point on a scale with its top, so "4" is not read as 4 of something else: "4 out of 10 (…)" with the anchor when it has one. */
export function scaleAnswer(q: ScaleQuestion, value: AnswerValue): string {
  const anchor = typeof value === 'number' ? q.anchors[value] : undefined;
  return `${String(value)} out of ${q.max}${anchor ? ` (${anchor})` : ''}`;
}

/**
 * The first letter in lower case when it starts an ordinary word ("Both legs" → "both legs",
 * "A little weak" → "a little weak"), left alone for an abbreviation or the word "I" ("NHS",
 * "GP", "I have not", "I'm not sure").
 */
export function lowerFirst(text: string): string {
  const [first, second] = [...text];
  if (first === undefined || first === first.toLowerCase()) return text;
  const letter = second !== undefined && /\p{L}/u.test(second);
  if (letter && second === second.toUpperCase()) return text; // NHS, GP
  if (first === 'I' && !letter) return text; // I, I'm
  return first.toLowerCase() + text.slice(first.length);
}

/** The first letter in upper case ("numbness between the legs" → "Numbness between the legs"). */
export function upperFirst(text: string): string {
  const [first] = [...text];
  return first === undefined ? text : first.toUpperCase() + text.slice(first.length);
}
