/** An answer in the words the person chose it with: option labels, units, "Not sure", "Skipped". */
import type { AnswerValue, Question } from '../questionnaire/model.js';
import { answerText, upperFirst } from '../report/answer-words.js';

export { scaleAnswer } from '../report/answer-words.js';

/** As the review lists it: `answerText`, but "Skipped" for a question the person skipped. */
export function formatAnswer(q: Question, value: AnswerValue | null | undefined): string {
  return value === null || value === undefined ? 'Skipped' : answerText(q, value);
}

/**
 * The question as a review line names it: its label, capitalised as a line of its own
 * ("Numbness between the legs"), or its whole text when it has none.
 */
export function reviewQuestion(q: Question): string {
  return q.label !== undefined ? upperFirst(q.label) : q.text;
}
