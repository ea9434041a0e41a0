/**
 * "about N left" for the question being asked: the most questions that can follow it on the
 * path the person is on. The engine's own figure (`remaining`) counts the path as if the rest
 * were left unanswered, so it leaves out what this very answer opens (a "yes" that leads to a
 * follow-up question): on the bundled questionnaire the first two questions both said "about 29
 * left". Here each answer this question can take is tried (for a number, its bounds and middle)
 * and the longest path after it is the figure, so the count goes down by one per question unless
 * an answer opens more. Later questions are still taken as unanswered: it stays an estimate.
 */
import type { AnswerValue, Answers, Question, Questionnaire } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';
import type { InterviewEngine } from './engine-port.js';

/** The answers `question` can take that may lead somewhere different (a sample for numbers). */
function candidateAnswers(question: Question): (AnswerValue | null)[] {
  const out: (AnswerValue | null)[] = question.required ? [] : [null];
  if (question.unsure) out.push(UNSURE);
  switch (question.type) {
    case 'yesno':
      out.push('yes', 'no');
      break;
    case 'choice':
      out.push(...question.options.map((o) => o.value));
      break;
    case 'multi':
      out.push([], ...question.options.map((o) => [o.value]), question.options.map((o) => o.value));
      break;
    case 'scale':
      for (let v = question.min; v <= question.max && out.length < 50; v++) out.push(v);
      break;
    case 'number': {
      const { min, max } = question;
      for (const v of [min, max, min !== undefined && max !== undefined ? (min + max) / 2 : undefined]) if (v !== undefined) out.push(question.integer ? Math.round(v) : v);
      if (min === undefined && max === undefined) out.push(0);
      break;
    }
    default: {
      const _exhaustive: never = question;
      throw new Error(`unknown question type in ${JSON.stringify(_exhaustive)}`);
    }
  }
  return out;
}

/** Questions that can follow `question` (asked now, after `before`), at most: 0 when it can be the last. */
export function remainingAfter(q: Questionnaire, engine: InterviewEngine, before: Answers, question: Question): number {
  let most = 0;
  for (const value of candidateAnswers(question)) {
    const step = engine.nextQuestion(q, { ...before, [question.id]: value });
    if (!step.done) most = Math.max(most, 1 + step.remaining);
  }
  return most;
}
