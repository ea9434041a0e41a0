/**
 * The Prompter on @inquirer/prompts: `select` for yes/no/not sure, single choice and the review;
 * `checkbox` for multiple choice; `input` with validation for numbers and scales (so `b` can mean
 * back); `confirm` and `input` for the save offer. Every prompt offers going back: a "← Back"
 * choice in lists, `b` in number boxes. A progress line ("Question 6 · about 12 left") is
 * written before each question; the question's help is shown under it while it is asked.
 *
 * The prompt module is passed in (the caller imports it lazily) so non-prompting commands never
 * load it.
 */
import type * as InquirerPrompts from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { ChoiceOption, NumberQuestion, Question, ScaleQuestion } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';
import { reviewQuestion, scaleAnswer } from './format-answer.js';
import { numberHint, parseNumberReply } from './number-reply.js';
import { promptTheme, withHelp } from './prompt-theme.js';
import type { AskContext, Prompter, Reply, ReviewChoice, ReviewEntry } from './prompter.js';
import { textWidth, wrapText as wrap } from '../report/wrap-text.js';
import { capInput } from './capped-input.js';

export type PromptModule = Pick<typeof InquirerPrompts, 'select' | 'checkbox' | 'input' | 'confirm' | 'Separator'>;

export interface PromptIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Once aborted (Ctrl+C between two prompts), every prompt rejects at once as if Ctrl+C was pressed in it. */
  readonly signal?: AbortSignal;
}

export interface InquirerPrompterOptions {
  readonly chalk: ChalkInstance;
  readonly io: PromptIo;
  /** Writes text between prompts (the progress line). */
  readonly write: (text: string) => void;
  /** Terminal rows, for how many review lines fit on a page. */
  readonly rows?: number;
  /** Terminal columns: help and hints are word-wrapped to fit (Inquirer would cut words). */
  readonly columns?: number;
}

/** Choice values that no option can have (option values are ids: `[a-z][a-z0-9_-]*`). */
export const BACK = '←back';
export const SKIP = '←skip';
export const NONE = '←none';
export const FINISH = '←finish';

export function progressText(ctx: AskContext, sep = ' · '): string {
  if (ctx.fromReview) return `Changing question ${ctx.number}`;
  const left = ctx.remaining <= 0 ? 'nearly done' : `about ${ctx.remaining} left`;
  return `Question ${ctx.number}${sep}${left}`;
}

export function backLabel(ctx: AskContext): string {
  return ctx.fromReview ? '← Back to the review (keep this answer)' : '← Back to the previous question';
}

/** What the answered prompt's line shows after "back": where it went, not an answer. */
function backShort(ctx: AskContext): string {
  return ctx.fromReview ? '← back to the review' : '← went back';
}

/**
 * One review line that fits the terminal: `6. <question, shortened with …>  → <answer>`, the
 * question named by its label (else its text: see reviewQuestion). It is cut to its first
 * sentence and then to the room left (never below 20 characters); the answer is always shown
 * whole. (Without a label the plain prompter prints whole questions for screen readers.)
 */
export function reviewLabel(n: number, question: string, shown: string, columns: number): string {
  const head = `${n}. `;
  const tail = `  → ${shown}`;
  const room = Math.max(20, columns - 3 - head.length - tail.length); // 3: Inquirer's cursor and a margin
  const sentence = /^(.+?[.?!])(\s|$)/.exec(question)?.[1] ?? question;
  const text = sentence.length <= room ? sentence : `${cutAtWord(sentence, room - 1)}…`;
  return `${head}${text}${tail}`;
}

/** At most `max` characters of `text`, ending at a word boundary when one is not too far back. */
function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '');
}

export function createInquirerPrompter(p: PromptModule, opts: InquirerPrompterOptions): Prompter {
  const c = opts.chalk;
  const base = promptTheme(c, false, Math.max(20, opts.columns ?? 80));
  const context = promptContext(opts.io);

  const header = (ctx: AskContext): void => opts.write(`\n${c.dim(progressText(ctx))}\n`);
  /** Columns for text under a prompt; no floor but a small one, so a 30-column terminal is wrapped too. */
  const cols = Math.max(20, opts.columns ?? 80);
  const fit = (lines: readonly string[]): string[] => lines.flatMap((l) => wrap(l, cols - 1));
  const helpLines = (q: Question): string[] => fit(q.help ? [q.help] : []);
  /**
   * `text` word-wrapped after Inquirer's "? " (left alone, Inquirer cuts words in two), leaving
   * `reserve` columns on its last line: once answered, Inquirer writes the answer after the
   * message ("✔ question answer"), and that line must fit too or the terminal breaks a word.
   */
  const promptText = (text: string, reserve = 0): string => {
    const room = cols - 3;
    const lines = wrap(text, room);
    const last = lines.at(-1) ?? '';
    if (reserve > 0 && textWidth(last) + reserve > room) {
      const cut = last.lastIndexOf(' ');
      if (cut > 0) lines.splice(-1, 1, last.slice(0, cut), last.slice(cut + 1));
      else if (lines.length > 0 && textWidth(last) + reserve > room) lines.push('');
    }
    return lines.join('\n');
  };
  const questionText = (q: Question): string => promptText(q.text);
  /** The question once answered: room on its last line for the widest answer Inquirer writes after it. */
  const answeredText = (q: Question, answers: readonly string[]): string => promptText(q.text, answers.reduce((m, a) => Math.max(m, textWidth(a) + 1), 0));
  /**
   * An option's words, word-wrapped after the `prefix` columns Inquirer draws before it (select:
   * "❯ "; checkbox: "❯◯ "), continuation lines indented under the words. Left alone, a long
   * option ("More than 2 weeks ago, it is not getting worse, and a doctor has examined me since")
   * is cut mid-word by the terminal.
   */
  const optionName = (label: string, prefix: number): string => wrap(label, Math.max(10, cols - prefix - 1)).join(`\n${' '.repeat(prefix)}`);
  /** Lines the choices take once wrapped, so every option stays on one page. */
  const pageOf = (choices: ReadonlyArray<{ name?: string } | object>): number =>
    Math.max(7, choices.reduce((n, ch) => n + ('name' in ch && typeof ch.name === 'string' ? ch.name.split('\n').length : 1), 0));

  async function selectOne(q: Question, options: readonly ChoiceOption[], ctx: AskContext): Promise<Reply<string>> {
    header(ctx);
    const choices: Array<{ value: string; name: string; short?: string; description?: string } | InstanceType<typeof p.Separator>> = options.map((o) => ({
      value: o.value,
      name: optionName(o.label, 2),
      short: o.label,
      ...(o.help ? { description: o.help } : {}),
    }));
    if (q.unsure) choices.push({ value: UNSURE, name: 'Not sure' });
    if (!q.required) choices.push({ value: SKIP, name: 'Skip this question' });
    if (ctx.canGoBack) choices.push(new p.Separator(' '), { value: BACK, name: backLabel(ctx), short: backShort(ctx) });
    const previous = ctx.previous === null ? SKIP : typeof ctx.previous === 'string' ? ctx.previous : undefined;
    const shownAnswers = choices.flatMap((ch) => ('value' in ch ? [ch.short ?? ch.name] : []));
    const value = await p.select(
      {
        message: questionText(q),
        choices,
        ...(previous !== undefined ? { default: previous } : {}),
        pageSize: pageOf(choices),
        loop: false,
        theme: withHelp(base, c, helpLines(q), [], answeredText(q, shownAnswers)),
      },
      context,
    );
    if (value === BACK) return { kind: 'back' };
    return { kind: 'answer', value: value === SKIP ? null : value };
  }

  async function typeNumber(q: NumberQuestion | ScaleQuestion, ctx: AskContext): Promise<Reply<number | string>> {
    header(ctx);
    const previous =
      ctx.previous === undefined || ctx.previous === null ? undefined : ctx.previous === UNSURE ? 'not sure' : String(ctx.previous);
    // A paste of thousands of characters is bounded (see ./capped-input.ts) on a real terminal.
    const tty = (opts.io.input as { isTTY?: boolean }).isTTY === true;
    const capped = tty ? capInput(opts.io.input, MAX_NUMBER_REPLY) : undefined;
    try {
      const raw = await p.input(
        {
          message: questionText(q),
          ...(previous !== undefined ? { default: previous } : {}),
          validate: (text) => {
            if (capped?.over || text.length > MAX_NUMBER_REPLY) return `That is too long for an answer here: delete it (Ctrl+U) and type ${q.type === 'scale' || q.integer ? 'a whole number' : 'a number'}`;
            const r = parseNumberReply(q, text);
            return typeof r === 'string' ? r : r.kind === 'back' && !ctx.canGoBack ? 'This is the first question' : true;
          },
          // Shown by its end only: Inquirer re-wraps the whole shown line on every keypress.
          transformer: (text, { isFinal }) => (isFinal ? shownNumber(q, text) : shownTyping(text)),
          theme: withHelp(
            base,
            c,
            helpLines(q),
            fit(numberHint(q, ctx.canGoBack, ctx.fromReview)),
            answeredText(q, [SHOWN_TYPING_WIDTH_SAMPLE, q.type === 'number' && q.unit ? `${'9'.repeat(6)} ${q.unit}` : '', q.type === 'scale' ? scaleAnswer(q, q.max) : '']),
          ),
        },
        capped ? { ...context, input: capped.input } : context,
      );
      const reply = parseNumberReply(q, raw);
      if (typeof reply === 'string') throw new Error(`validated reply did not parse: ${reply}`);
      return reply;
    } finally {
      capped?.detach();
    }
  }

  return {
    yesno: (q, ctx) =>
      selectOne(
        q,
        [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        ctx,
      ),
    choice: (q, ctx) => selectOne(q, q.options, ctx),

    async multi(q, ctx) {
      header(ctx);
      const previous = Array.isArray(ctx.previous) ? (ctx.previous as readonly string[]) : undefined;
      const choices: Array<{ value: string; name: string; short?: string; checked?: boolean; description?: string } | InstanceType<typeof p.Separator>> =
        q.options.map((o) => ({
          value: o.value,
          name: optionName(o.label, 3),
          short: o.label,
          checked: previous?.includes(o.value) ?? false,
          ...(o.help ? { description: o.help } : {}),
        }));
      choices.push({ value: NONE, name: 'None of these', checked: previous !== undefined && previous.length === 0 });
      if (!q.required) choices.push({ value: SKIP, name: 'Skip this question', checked: ctx.previous === null });
      if (ctx.canGoBack) choices.push(new p.Separator(' '), { value: BACK, name: backLabel(ctx), short: backShort(ctx) });
      const picked = await p.checkbox(
        {
          message: questionText(q),
          choices,
          pageSize: pageOf(choices),
          loop: false,
          shortcuts: { all: null, invert: null },
          validate: (ticked) => multiProblem(ticked.map((t) => t.value)) ?? true,
          theme: withHelp(base, c, [...helpLines(q), ...fit(['Tick every answer that applies with Space, then press Enter.'])], [], answeredText(q, [...q.options.map((o) => o.label), 'None of these'])),
        },
        context,
      );
      if (picked.includes(BACK)) return { kind: 'back' };
      if (picked.includes(SKIP)) return { kind: 'answer', value: null };
      return { kind: 'answer', value: picked.filter((v) => v !== NONE) };
    },

    number: (q, ctx) => typeNumber(q, ctx),
    scale: async (q, ctx) => {
      const r = await typeNumber(q, ctx);
      return r.kind === 'back' ? r : { kind: 'answer', value: typeof r.value === 'number' ? r.value : null };
    },

    async review(entries: readonly ReviewEntry[]): Promise<ReviewChoice> {
      opts.write('\n');
      const choices = [
        { value: FINISH, name: 'These are right: show my result', short: 'Show my result' },
        new p.Separator(' '),
        ...entries.map((e, i) => ({ value: e.question.id, name: reviewLabel(i + 1, reviewQuestion(e.question), e.shown, opts.columns ?? 80), short: `Change question ${i + 1}` })),
      ];
      const value = await p.select(
        {
          message: 'Check your answers',
          choices,
          pageSize: Math.max(7, Math.min(choices.length, (opts.rows ?? 24) - 6)),
          loop: false,
          theme: withHelp(base, c, ['Choose an answer to change it, or choose to see your result.']),
        },
        context,
      );
      return value === FINISH ? { kind: 'finish' } : { kind: 'edit', question: value };
    },

    // Word-wrapped like the questions: Inquirer would cut "(for your therapist, or to check…)" mid-word.
    confirm: (message, defaultValue) => p.confirm({ message: promptText(message, 7), default: defaultValue, theme: base }, context),
    text: (message, defaultValue) =>
      p.input(
        { message: promptText(message, defaultValue.length + 3), default: defaultValue, validate: (t) => (t.trim() === '' ? 'Please type a file name' : true), theme: base },
        context,
      ),
  };
}

/** The Inquirer context for `io`: its streams, and its signal when it has one. */
export function promptContext(io: PromptIo): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal } {
  return { input: io.input, output: io.output, ...(io.signal ? { signal: io.signal } : {}) };
}

/** Why a set of ticked boxes is not an answer, or undefined when it is one. */
export function multiProblem(ticked: readonly string[]): string | undefined {
  if (ticked.includes(BACK) || ticked.includes(SKIP)) return undefined;
  if (ticked.length === 0) return 'Tick at least one answer, or "None of these"';
  if (ticked.includes(NONE) && ticked.length > 1) return '"None of these" cannot be ticked together with other answers';
  return undefined;
}

/** The width reserved for a typed number after its question (the reply is shown cut to its end past this). */
const SHOWN_TYPING_WIDTH_SAMPLE = '9'.repeat(8);

/** The longest reply a number box takes: far more than any number in range, far less than a paste. */
export const MAX_NUMBER_REPLY = 100;

/** What is being typed, at most SHOWN_TYPING characters of it (its end, after "…"). */
const SHOWN_TYPING = 40;
export function shownTyping(text: string): string {
  return text.length <= SHOWN_TYPING ? text : `…${text.slice(-(SHOWN_TYPING - 1))}`;
}

function shownNumber(q: NumberQuestion | ScaleQuestion, text: string): string {
  const r = parseNumberReply(q, text);
  if (typeof r === 'string') return shownTyping(text);
  if (r.kind === 'back') return '← went back';
  if (r.value === null) return 'Skipped';
  if (r.value === UNSURE) return 'Not sure';
  if (q.type === 'scale') return scaleAnswer(q, r.value);
  return q.unit ? `${String(r.value)} ${q.unit}` : String(r.value);
}
