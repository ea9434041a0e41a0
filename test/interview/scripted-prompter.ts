/**
 * A Prompter that plays a script: each step names the question (or 'review', 'confirm', 'text')
 * it expects next and the reply to give. It records what each prompt was offered (previous
 * answer, whether back was possible, the progress numbers) so tests can assert on them.
 */
import type { AnswerValue } from '../../src/questionnaire/model.js';
import type { AskContext, Prompter, Reply, ReviewChoice, ReviewEntry } from '../../src/interview/prompter.js';

export type Step =
  | { readonly ask: string; readonly reply: Reply<AnswerValue> | 'ctrl-c' }
  | { readonly review: ReviewChoice | 'ctrl-c' }
  | { readonly confirm: boolean | 'ctrl-c' }
  | { readonly text: string | 'ctrl-c' }
  /** Ctrl+C between two prompts: aborts the `interrupt` controller after the step before it was answered. */
  | { readonly interrupt: true };

export interface Seen {
  readonly kind: string;
  readonly ctx?: AskContext;
  readonly entries?: readonly ReviewEntry[];
  readonly message?: string;
}

export function exitPromptError(): Error {
  const e = new Error('User force closed the prompt with SIGINT');
  e.name = 'ExitPromptError';
  return e;
}

export function abortPromptError(): Error {
  const e = new Error('Prompt was aborted');
  e.name = 'AbortPromptError';
  return e;
}

/**
 * Like Inquirer with a `signal` in its context: once `interrupt` is aborted, every prompt rejects
 * at once with an AbortPromptError.
 */
export function scriptedPrompter(script: Step[], interrupt?: AbortController): Prompter & { seen: Seen[]; left: () => number } {
  const steps = [...script];
  const seen: Seen[] = [];
  const take = (what: string): Step => {
    if (interrupt?.signal.aborted) throw abortPromptError();
    const step = steps.shift();
    if (!step) throw new Error(`the script ended but the interview asked ${what}`);
    if (steps[0] !== undefined && 'interrupt' in steps[0]) {
      steps.shift();
      if (!interrupt) throw new Error('the script interrupts but no AbortController was given');
      interrupt.abort();
    }
    return step;
  };
  const ask = async <T>(id: string, ctx: AskContext): Promise<Reply<T>> => {
    const step = take(`question ${id}`);
    seen.push({ kind: id, ctx });
    if (!('ask' in step) || step.ask !== id) throw new Error(`expected ${JSON.stringify(step)} but the interview asked question ${id}`);
    if (step.reply === 'ctrl-c') throw exitPromptError();
    return step.reply as Reply<T>;
  };
  return {
    seen,
    left: () => steps.length,
    yesno: (q, ctx) => ask(q.id, ctx),
    choice: (q, ctx) => ask(q.id, ctx),
    multi: (q, ctx) => ask(q.id, ctx),
    number: (q, ctx) => ask(q.id, ctx),
    scale: (q, ctx) => ask(q.id, ctx),
    async review(entries) {
      const step = take('the review');
      seen.push({ kind: 'review', entries });
      if (!('review' in step)) throw new Error(`expected ${JSON.stringify(step)} but the interview showed the review`);
      if (step.review === 'ctrl-c') throw exitPromptError();
      return step.review;
    },
    async confirm(message) {
      const step = take(`to confirm "${message}"`);
      seen.push({ kind: 'confirm', message });
      if (!('confirm' in step)) throw new Error(`expected ${JSON.stringify(step)} but the interview asked to confirm "${message}"`);
      if (step.confirm === 'ctrl-c') throw exitPromptError();
      return step.confirm;
    },
    async text(message) {
      const step = take(`for text "${message}"`);
      seen.push({ kind: 'text', message });
      if (!('text' in step)) throw new Error(`expected ${JSON.stringify(step)} but the interview asked for text "${message}"`);
      if (step.text === 'ctrl-c') throw exitPromptError();
      return step.text;
    },
  };
}

export const answer = (value: AnswerValue | null): Reply<AnswerValue> => ({ kind: 'answer', value });
export const back: Reply<AnswerValue> = { kind: 'back' };
