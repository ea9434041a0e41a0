/**
 * The Prompter for `--plain` (and TERM=dumb): screen-reader friendly. Every question, its help
 * and its numbered answers are written once as plain lines; the person types the number of an
 * answer (several, separated by spaces or commas, for multiple choice) into a one-line box.
 * No colour, no symbols, no arrow-key menus, no cursor-control codes: the prompts are plain lines
 * (./line-prompts.ts), and the terminal echoes what is typed.
 */
import type { ChalkInstance } from 'chalk';
import type { ChoiceOption, Question } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';
import { backLabel, progressText, promptContext, type PromptIo } from './inquirer-prompter.js';
import { reviewQuestion } from './format-answer.js';
import type { LinePrompts } from './line-prompts.js';
import { numberHint, parseNumberReply } from './number-reply.js';
import { promptTheme } from './prompt-theme.js';
import { wrapText as wrap } from '../report/wrap-text.js';
import type { AskContext, Prompter, Reply, ReviewChoice } from './prompter.js';

interface Numbered {
  readonly value: string;
  readonly label: string;
}

const BACK_WORDS = new Set(['b', 'back']);

export function createPlainPrompter(
  /** Line prompts (./line-prompts.ts) in the tool; Inquirer's `input`/`confirm` fit too (the unit tests use them). */
  p: LinePrompts,
  opts: {
    readonly chalk: ChalkInstance;
    readonly io: PromptIo;
    readonly write: (text: string) => void;
    /** Terminal columns: every line is word-wrapped to fit (the terminal would cut words in two). */
    readonly columns?: number;
  },
): Prompter {
  const width = Math.max(20, opts.columns ?? 80) - 1;
  const theme = promptTheme(opts.chalk, true, width + 1);
  const context = promptContext(opts.io);
  /** Word-wrapped; a numbered line ("3. …") continues under its text, not under its number. */
  const fit = (lines: readonly string[]): string[] =>
    lines.flatMap((line) => {
      const indent = /^(\w+\. )/.exec(line)?.[1]?.length ?? 0;
      return wrap(line, width - indent).map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
    });
  // A prompt's own line: Inquirer puts "(default)" and the typed answer after it.
  const message = (text: string): string => wrap(text, width - 2).join('\n');

  const writeQuestion = (q: Question, ctx: AskContext, lines: readonly string[]): void => {
    const out = ['', progressText(ctx, ', '), ...fit([q.text])];
    if (q.help) out.push(...fit([`Help: ${q.help}`]));
    out.push(...fit(lines));
    opts.write(`${out.join('\n')}\n`);
  };

  const listLines = (items: readonly Numbered[], ctx: AskContext | undefined): string[] => {
    const lines = items.map((it, i) => `${i + 1}. ${it.label}`);
    if (ctx?.canGoBack) lines.push(`b. ${backLabel(ctx).replace('← ', '')}`);
    return lines;
  };

  async function pickOne(q: Question, options: readonly ChoiceOption[], ctx: AskContext): Promise<Reply<string>> {
    const items: Numbered[] = options.map((o) => ({ value: o.value, label: o.help ? `${o.label} (${o.help})` : o.label }));
    if (q.unsure) items.push({ value: UNSURE, label: 'Not sure' });
    if (!q.required) items.push({ value: '', label: 'Skip this question' });
    writeQuestion(q, ctx, listLines(items, ctx));
    const prevIndex = ctx.previous === undefined ? -1 : items.findIndex((it) => it.value === (ctx.previous ?? ''));
    const raw = await p.input(
      {
        message: message(`Your answer, 1 to ${items.length}:`),
        ...(prevIndex >= 0 ? { default: String(prevIndex + 1) } : {}),
        validate: (t) => {
          const text = t.trim().toLowerCase();
          if (BACK_WORDS.has(text)) return ctx.canGoBack ? true : 'This is the first question';
          const n = Number(text);
          return Number.isInteger(n) && n >= 1 && n <= items.length ? true : `Please type a number from 1 to ${items.length}`;
        },
        theme,
      },
      context,
    );
    const text = raw.trim().toLowerCase();
    if (BACK_WORDS.has(text)) return { kind: 'back' };
    const value = (items[Number(text) - 1] as Numbered).value;
    return { kind: 'answer', value: value === '' ? null : value };
  }

  return {
    yesno: (q, ctx) =>
      pickOne(
        q,
        [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        ctx,
      ),
    choice: (q, ctx) => pickOne(q, q.options, ctx),

    async multi(q, ctx) {
      const items: Numbered[] = q.options.map((o) => ({ value: o.value, label: o.help ? `${o.label} (${o.help})` : o.label }));
      const lines = listLines(items, ctx);
      lines.splice(items.length, 0, '0. None of these');
      writeQuestion(q, ctx, lines);
      const previous = Array.isArray(ctx.previous) ? (ctx.previous as readonly string[]) : undefined;
      const prevText = previous === undefined ? undefined : previous.length === 0 ? '0' : previous.map((v) => items.findIndex((it) => it.value === v) + 1).join(' ');
      const parse = (t: string): Reply<readonly string[]> | string => {
        const text = t.trim().toLowerCase();
        if (BACK_WORDS.has(text)) return ctx.canGoBack ? { kind: 'back' } : 'This is the first question';
        if (text === '') return q.required ? 'Type the numbers of every answer that applies, or 0 for none of these' : { kind: 'answer', value: null };
        const nums = text.split(/[\s,]+/).map(Number);
        if (nums.some((n) => !Number.isInteger(n) || n < 0 || n > items.length)) return `Please type numbers from 0 to ${items.length}`;
        if (nums.includes(0)) return nums.length === 1 ? { kind: 'answer', value: [] } : '0 (none of these) cannot go with other answers';
        const picked = new Set(nums.map((n) => (items[n - 1] as Numbered).value));
        return { kind: 'answer', value: items.map((it) => it.value).filter((v) => picked.has(v)) };
      };
      const raw = await p.input(
        {
          message: message(`Your answers (numbers separated by spaces${q.required ? '' : '; Enter to skip'}):`),
          ...(prevText !== undefined ? { default: prevText } : {}),
          validate: (t) => {
            const r = parse(t);
            return typeof r === 'string' ? r : true;
          },
          theme,
        },
        context,
      );
      return parse(raw) as Reply<readonly string[]>;
    },

    async number(q, ctx) {
      writeQuestion(q, ctx, numberHint(q, ctx.canGoBack, ctx.fromReview, '; ').slice(0, -1));
      return typeNumber(q, ctx);
    },
    async scale(q, ctx) {
      writeQuestion(q, ctx, numberHint(q, ctx.canGoBack, ctx.fromReview, '; ').slice(0, -1));
      const r = await typeNumber(q, ctx);
      return r.kind === 'back' ? r : { kind: 'answer', value: typeof r.value === 'number' ? r.value : null };
    },

    async review(entries): Promise<ReviewChoice> {
      const lines = ['', 'Check your answers:'];
      // A labelled question reads "3. Numbness between the legs: Not sure"; without a label the
      // whole question is read out, then its answer.
      entries.forEach((e, i) => lines.push(...fit([e.question.label !== undefined ? `${i + 1}. ${reviewQuestion(e.question)}: ${e.shown}` : `${i + 1}. ${e.question.text} Answer: ${e.shown}`])));
      opts.write(`${lines.join('\n')}\n`);
      const raw = await p.input(
        {
          message: message(`Type a number from 1 to ${entries.length} to change that answer, or press Enter to see your result:`),
          validate: (t) => {
            const text = t.trim();
            if (text === '') return true;
            const n = Number(text);
            return Number.isInteger(n) && n >= 1 && n <= entries.length ? true : `Please type a number from 1 to ${entries.length}, or press Enter`;
          },
          theme,
        },
        context,
      );
      const text = raw.trim();
      if (text === '') return { kind: 'finish' };
      return { kind: 'edit', question: (entries[Number(text) - 1] as (typeof entries)[number]).question.id };
    },

    confirm: (text, defaultValue) => p.confirm({ message: message(text), default: defaultValue, theme }, context),
    text: (text, defaultValue) =>
      p.input({ message: message(text), default: defaultValue, validate: (t) => (t.trim() === '' ? 'Please type a file name' : true), theme }, context),
  };

  async function typeNumber(q: Parameters<typeof parseNumberReply>[0], ctx: AskContext): Promise<Reply<number | string>> {
    const previous = ctx.previous === undefined || ctx.previous === null ? undefined : ctx.previous === UNSURE ? 'not sure' : String(ctx.previous);
    const hint = numberHint(q, ctx.canGoBack, ctx.fromReview, '; ');
    const raw = await p.input(
      {
        message: message(hint[hint.length - 1] as string),
        ...(previous !== undefined ? { default: previous } : {}),
        validate: (t) => {
          const r = parseNumberReply(q, t);
          return typeof r === 'string' ? r : r.kind === 'back' && !ctx.canGoBack ? 'This is the first question' : true;
        },
        theme,
      },
      context,
    );
    const reply = parseNumberReply(q, raw);
    if (typeof reply === 'string') throw new Error(`validated reply did not parse: ${reply}`);
    return reply;
  }
}
