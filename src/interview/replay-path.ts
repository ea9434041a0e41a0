/**
 * Which of the given answers are on the path: follow the engine's `nextQuestion` from the start,
 * taking each question's answer from `given`; a question without one is passed over as if
 * skipped, so answers further along that would still be asked are kept. Answers to questions the
 * walk never reaches no longer apply and are dropped.
 */
import type { AnswerValue, Answers, Questionnaire } from '../questionnaire/model.js';
import type { InterviewEngine } from './engine-port.js';

export interface Replayed {
  /** Question ids answered on the path up to the first unanswered one, in the order asked. */
  readonly trail: readonly string[];
  /** The answers in `given` that are on the path (also beyond the first gap), in path order. */
  readonly answers: Answers;
  /** Ids in `given` that are not on the path. */
  readonly dropped: readonly string[];
  /** Questions on the path (as far as the answers given decide it) that have no answer yet, in order. */
  readonly unanswered: readonly string[];
}

export function replayPath(q: Questionnaire, engine: InterviewEngine, given: Answers): Replayed {
  if (engine.walk !== undefined) {
    try {
      return fromPath(engine.walk(q, given).path, given);
    } catch {
      // An answer the engine refuses (it checks what it is given): the step-by-step loop below
      // passes over answers it never reaches, as before.
    }
  }
  const trail: string[] = [];
  const answers: Record<string, AnswerValue | null> = {};
  const probe: Record<string, AnswerValue | null> = {};
  const unanswered: string[] = [];
  let gap = false;
  for (;;) {
    const step = engine.nextQuestion(q, probe);
    if (step.done) break;
    const id = step.question.id;
    if (Object.hasOwn(probe, id)) break; // the engine never re-asks; guard against a loop anyway
    if (Object.hasOwn(given, id)) {
      probe[id] = given[id] ?? null;
      answers[id] = given[id] ?? null;
      if (!gap) trail.push(id);
    } else {
      gap = true;
      probe[id] = null;
      unanswered.push(id);
    }
  }
  const dropped = Object.keys(given).filter((id) => !Object.hasOwn(answers, id));
  return { trail, answers, dropped, unanswered };
}

/**
 * The same as the loop above, from the path `walk` gives in one pass (linear in the path: the loop
 * calls `nextQuestion`, itself a walk from the start, once per question). Following
 * `nextQuestion` with every question not in `given` skipped (`null`) is walking with those
 * questions unanswered, which is what `walk` does; both stop where a stopping outcome is certain.
 */
function fromPath(path: readonly string[], given: Answers): Replayed {
  const trail: string[] = [];
  const answers: Record<string, AnswerValue | null> = {};
  const unanswered: string[] = [];
  let gap = false;
  for (const id of path) {
    if (Object.hasOwn(given, id)) {
      answers[id] = given[id] ?? null;
      if (!gap) trail.push(id);
    } else {
      gap = true;
      unanswered.push(id);
    }
  }
  const dropped = Object.keys(given).filter((id) => !Object.hasOwn(answers, id));
  return { trail, answers, dropped, unanswered };
}

/** The answers of `ids`, in that order. */
export function answersOf(given: Answers, ids: readonly string[]): Answers {
  const out: Record<string, AnswerValue | null> = {};
  for (const id of ids) out[id] = given[id] ?? null;
  return out;
}
