/**
 * The one seam between the interview's question loop and a terminal: one method per question
 * type, plus the review menu and two small questions (confirm, a file name). The loop never
 * touches a prompt library; tests drive it with a fake Prompter.
 *
 * Contract: Ctrl+C (or a closed terminal) rejects with an Error whose `name` is `ExitPromptError`
 * (as Inquirer does); the loop treats that as "stop now, ask nothing more".
 */
import type {
  AnswerValue,
  ChoiceQuestion,
  MultiQuestion,
  NumberQuestion,
  Question,
  ScaleQuestion,
  YesNoQuestion,
} from '../questionnaire/model.js';

/** What the person did at a question: answered it (`null` = skipped an optional question), or went back. */
export type Reply<T> = { readonly kind: 'answer'; readonly value: T | null } | { readonly kind: 'back' };

export interface AskContext {
  /** 1-based number of this question on the path. */
  readonly number: number;
  /** The engine's estimate of the questions left after this one. */
  readonly remaining: number;
  /** The answer given last time this question was asked (offered as the default); absent if never answered. */
  readonly previous?: AnswerValue | null;
  /** False at the first question, and when editing from the review (where "back" returns to the review). */
  readonly canGoBack: boolean;
  /** True when "back" means "return to the review without changing this answer". */
  readonly fromReview: boolean;
}

export interface ReviewEntry {
  readonly question: Question;
  readonly answer: AnswerValue | null;
  /** The answer in words, as the person chose it (labels, units, "Not sure", "Skipped"). */
  readonly shown: string;
}

export type ReviewChoice = { readonly kind: 'finish' } | { readonly kind: 'edit'; readonly question: string };

export interface Prompter {
  yesno(q: YesNoQuestion, ctx: AskContext): Promise<Reply<string>>;
  choice(q: ChoiceQuestion, ctx: AskContext): Promise<Reply<string>>;
  multi(q: MultiQuestion, ctx: AskContext): Promise<Reply<readonly string[]>>;
  /** A finite number within the question's range, or 'unsure' when offered. */
  number(q: NumberQuestion, ctx: AskContext): Promise<Reply<number | string>>;
  scale(q: ScaleQuestion, ctx: AskContext): Promise<Reply<number>>;
  /** Every answer on the path; the person picks one to change, or asks for the result. */
  review(entries: readonly ReviewEntry[]): Promise<ReviewChoice>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** A line of text (a file name), with a default. */
  text(message: string, defaultValue: string): Promise<string>;
}

/** True for the error a prompt rejects with when the person presses Ctrl+C or the terminal closes. */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}
