/** An answer in the words the person chose it with: option labels, units, "Not sure", "Skipped". */
import { UNSURE, type AnswerValue, type Question, type ScaleQuestion } from '../questionnaire/model.js';

export function formatAnswer(q: Question, value: AnswerValue | null | undefined): string {
  if (value === null || value === undefined) return 'Skipped';
  if (value === UNSURE) return 'Not sure';
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

/** A point on a scale with its top, so "4" is not read as 4 of something else: "4 out of 10 (…)" with the anchor when it has one. */
export function scaleAnswer(q: ScaleQuestion, value: AnswerValue): string {
  const anchor = typeof value === 'number' ? q.anchors[value] : undefined;
  return `${String(value)} out of ${q.max}${anchor ? ` (${anchor})` : ''}`;
}
