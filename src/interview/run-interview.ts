/**
 * The question loop. It asks exactly what the engine's `nextQuestion` returns, one prompt at a
 * time, and shows exactly what `evaluate` returns; it decides nothing clinical.
 *
 * State: `given` (the latest answer to every question on the current path, including answers
 * further along that the person has gone back over) and `trail` (the questions before the one
 * being asked, in path order). Going back pops the trail and re-asks that question with its
 * previous answer as the default; going forward again re-asks each later question, with its
 * previous answer as the default, until the review has been shown (after that, only questions
 * still unanswered are asked). After every answer the path is replayed through the engine and
 * answers no longer on it are dropped. When the path ends the person reviews every answer (any
 * can be changed) before the result; when it stops early (a `stop: true` outcome fired) the
 * interview ends at once and shows what to do now before anything else.
 */
import type { Result } from '../engine/result.js';
import type { AnswerValue, Answers, Question, Questionnaire } from '../questionnaire/model.js';
import type { InterviewEngine } from './engine-port.js';
import { formatAnswer } from './format-answer.js';
import { isPromptExit, type AskContext, type Prompter, type Reply, type ReviewEntry } from './prompter.js';
import { remainingAfter } from './remaining-estimate.js';
import { answersOf, replayPath } from './replay-path.js';

/** What the interview writes between prompts. */
export interface InterviewScreens {
  /** "What to do now": the stopping outcome's title and advice, before anything else. */
  emergency(result: Result): void;
  /** The full result (disposition in words, reasons with sources, cautions, not answered, notice). */
  result(result: Result): void;
}

export interface InterviewDeps {
  readonly questionnaire: Questionnaire;
  readonly engine: InterviewEngine;
  readonly prompter: Prompter;
  readonly screens: InterviewScreens;
  /** Answers to continue from (already validated); those not on the path are dropped. */
  readonly initial?: Answers;
  /** Called with the answers on the path after every change (to keep a saved file current). */
  readonly onAnswers?: (answers: Answers) => Promise<void> | void;
}

export type InterviewEnd =
  /** The result was shown. `stopped`: an emergency answer ended the interview early. */
  | { readonly kind: 'result'; readonly answers: Answers; readonly result: Result; readonly stopped: boolean }
  /** Ctrl+C (or the terminal closed) at a prompt: `answers` are those on the path so far. */
  | { readonly kind: 'interrupted'; readonly answers: Answers };

export async function runInterview(deps: InterviewDeps): Promise<InterviewEnd> {
  const { questionnaire: q, engine, prompter, screens } = deps;
  const start = replayPath(q, engine, deps.initial ?? {});
  let given: Record<string, AnswerValue | null> = { ...start.answers };
  let trail: string[] = [...start.trail];
  /** After the review has been shown, answering moves on to the next *unanswered* question
   * (the review lists the rest); before it, going forward after "back" re-asks each question. */
  let reviewed = false;

  /** Replays the path through `given`, drops answers no longer on it, reports the rest. */
  const commit = async (): Promise<readonly string[]> => {
    const replayed = replayPath(q, engine, given);
    given = { ...replayed.answers };
    await deps.onAnswers?.({ ...given });
    return replayed.trail;
  };

  try {
    for (;;) {
      const step = engine.nextQuestion(q, answersOf(given, trail));
      if (step.done) {
        // Every answer in `given` is on the trail here: `commit` keeps only the replayed path.
        const answers = answersOf(given, trail);
        if (step.reason === 'stopped') {
          const result = engine.evaluate(q, answers);
          screens.emergency(result);
          screens.result(result);
          return { kind: 'result', answers, result, stopped: true };
        }
        reviewed = true;
        const choice = await prompter.review(trail.map((id) => reviewEntry(questionById(q, id), given[id] ?? null)));
        if (choice.kind === 'finish') {
          const result = engine.evaluate(q, answers);
          screens.result(result);
          return { kind: 'result', answers, result, stopped: result.stoppedEarly };
        }
        const question = questionById(q, choice.question);
        const reply = await ask(prompter, question, {
          number: trail.indexOf(question.id) + 1,
          remaining: 0,
          previous: given[question.id] ?? null,
          canGoBack: true,
          fromReview: true,
        });
        if (reply.kind === 'back') continue;
        given[question.id] = reply.value;
        trail = [...(await commit())];
        continue;
      }

      const question = step.question;
      const ctx: AskContext = {
        number: trail.length + 1,
        // After the review only unanswered questions are asked (the engine, seeing just the
        // trail, would count every later question again).
        remaining: reviewed
          ? replayPath(q, engine, given).unanswered.filter((id) => id !== question.id).length
          : remainingAfter(q, engine, answersOf(given, trail), question),
        ...(Object.hasOwn(given, question.id) ? { previous: given[question.id] ?? null } : {}),
        canGoBack: trail.length > 0,
        fromReview: false,
      };
      const reply = await ask(prompter, question, ctx);
      if (reply.kind === 'back') {
        trail.pop();
        continue;
      }
      given[question.id] = reply.value;
      trail.push(question.id);
      const onPath = await commit();
      if (reviewed) trail = [...onPath];
    }
  } catch (e) {
    if (isPromptExit(e)) return { kind: 'interrupted', answers: replayPath(q, engine, given).answers };
    throw e;
  }
}

export function reviewEntry(question: Question, answer: AnswerValue | null): ReviewEntry {
  return { question, answer, shown: formatAnswer(question, answer) };
}

function questionById(q: Questionnaire, id: string): Question {
  const found = q.questions.find((x) => x.id === id);
  if (!found) throw new Error(`the engine named an unknown question ${JSON.stringify(id)}`);
  return found;
}

function ask(prompter: Prompter, question: Question, ctx: AskContext): Promise<Reply<AnswerValue>> {
  switch (question.type) {
    case 'yesno':
      return prompter.yesno(question, ctx);
    case 'choice':
      return prompter.choice(question, ctx);
    case 'multi':
      return prompter.multi(question, ctx);
    case 'number':
      return prompter.number(question, ctx);
    case 'scale':
      return prompter.scale(question, ctx);
    default: {
      const _exhaustive: never = question;
      throw new Error(`unknown question type in ${JSON.stringify(_exhaustive)}`);
    }
  }
}
