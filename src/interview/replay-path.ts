/**
 * Which of the given answers are on the path: follow the engine's `nextQuestion` from the start,
 * taking each asked question's answer from `given`, until the walk asks something not in `given`
 * or ends. Answers to questions the walk never reaches no longer apply.
 */
import type { AnswerValue, Answers, Questionnaire } from '../questionnaire/model.js';
import type { InterviewEngine } from './engine-port.js';

export interface Replayed {
  /** Question ids answered on the path, in the order they are asked. */
  readonly trail: readonly string[];
  /** Only the answers on the trail, in trail order. */
  readonly answers: Answers;
  /** Ids in `given` that are not on the path (questionnaire order is not implied). */
  readonly dropped: readonly string[];
}

export function replayPath(q: Questionnaire, engine: InterviewEngine, given: Answers): Replayed {
  const trail: string[] = [];
  const answers: Record<string, AnswerValue | null> = {};
  for (;;) {
    const step = engine.nextQuestion(q, answers);
    if (step.done) break;
    const id = step.question.id;
    if (!Object.hasOwn(given, id) || trail.includes(id)) break;
    trail.push(id);
    answers[id] = given[id] ?? null;
  }
  const dropped = Object.keys(given).filter((id) => !trail.includes(id));
  return { trail, answers, dropped };
}

/** The answers of `ids`, in that order. */
export function answersOf(given: Answers, ids: readonly string[]): Answers {
  const out: Record<string, AnswerValue | null> = {};
  for (const id of ids) out[id] = given[id] ?? null;
  return out;
}
