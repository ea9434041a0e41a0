/** An answer in the words the person chose it with: option labels, units, "Not sure", "Skipped". */
import type { AnswerValue, Question } from '../questionnaire/model.js';
import { answerText } from '../report/answer-words.js';

export { scaleAnswer } from '../report/answer-words.js';

/** As the review lists it: `answerText`, but "Skipped" for a question the person skipped. */
export function formatAnswer(q: Question, value: AnswerValue | null | undefined): string {
  return value === null || value === undefined ? 'Skipped' : answerText(q, value);
}
