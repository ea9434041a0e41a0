/**
 * The Inquirer prompter one prompt at a time, with @inquirer/testing: what each question type
 * shows (help under the question, "← Back", "Not sure", anchors) and what each key does.
 */
import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createInquirerPrompter, type PromptModule } from '../../src/interview/inquirer-prompter.js';
import { createPlainPrompter } from '../../src/interview/plain-prompter.js';
import { isPromptExit, type AskContext } from '../../src/interview/prompter.js';
import type { ChoiceQuestion, MultiQuestion, NumberQuestion, ScaleQuestion, YesNoQuestion } from '../../src/questionnaire/model.js';
import { QUESTIONS } from './fake-engine.js';

type Rendered = Awaited<ReturnType<typeof render>>;

/** A prompt module whose prompts render into @inquirer/testing's virtual terminal. */
function virtualPrompts(): { module: PromptModule; next: () => Promise<Rendered>; written: string[] } {
  const waiting: Array<(r: Rendered) => void> = [];
  const ready: Rendered[] = [];
  const hand = (r: Rendered): void => {
    const w = waiting.shift();
    if (w) w(r);
    else ready.push(r);
  };
  const wrap =
    <C,>(prompt: (config: C) => Promise<unknown>) =>
    async (config: C): Promise<never> => {
      const r = await render(prompt as never, config as never);
      hand(r as Rendered);
      return (await r.answer) as never;
    };
  const module = { select: wrap(select), checkbox: wrap(checkbox), input: wrap(input), confirm: wrap(confirm), Separator } as unknown as PromptModule;
  return {
    module,
    next: () => new Promise<Rendered>((res) => (ready.length ? res(ready.shift() as Rendered) : waiting.push(res))),
    written: [],
  };
}

/** A prompt a test leaves open is closed when the test worker exits (ExitPromptError): not a failure. */
const ignoreClosed = (): undefined => undefined;

const q = <T,>(id: string): T => QUESTIONS.find((x) => x.id === id) as T;
const ctx = (over: Partial<AskContext> = {}): AskContext => ({ number: 2, remaining: 5, canGoBack: true, fromReview: false, ...over });

function setup(plain = false, columns = 100) {
  const v = virtualPrompts();
  const opts = { chalk: new Chalk({ level: 0 }), io: { input: process.stdin, output: process.stdout }, write: (t: string) => v.written.push(t), columns };
  const prompter = plain ? createPlainPrompter(v.module, opts) : createInquirerPrompter(v.module, opts);
  return { ...v, prompter };
}

describe('the Inquirer prompter', () => {
  it('yes/no: progress line, help under the question, Yes/No/Not sure and ← Back; Enter picks', async () => {
    const { prompter, next, written } = setup();
    const reply = prompter.yesno({ ...q<YesNoQuestion>('pain'), unsure: true }, ctx());
    const r = await next();
    expect(written.join('')).toBe('\nQuestion 2 · about 5 left\n');
    expect(r.getScreen()).toBe(
      [
        '? Do you have leg pain?',
        'Pain that runs down the leg.',
        '❯ Yes',
        '  No',
        '  Not sure',
        '',
        '  ← Back to the previous question',
        '',
        '↑↓ navigate • ⏎ select',
      ].join('\n'),
    );
    r.events.keypress('down');
    r.events.keypress('down');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: 'unsure' });
    expect(r.getScreen()).toBe('✔ Do you have leg pain? Not sure');
  });

  it('offers the previous answer as the default, and ← Back goes back', async () => {
    const { prompter, next } = setup();
    const reply = prompter.choice(q<ChoiceQuestion>('side'), ctx({ previous: 'right' }));
    const r = await next();
    expect(r.getScreen()).toContain('❯ Right leg');
    r.events.type('4');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'back' });
    expect(r.getScreen()).toBe('✔ Which leg hurts? ← went back'); // not "answered: Back to the previous question"
  });

  it('no ← Back at the first question; from the review, back means "return to the review"', async () => {
    const first = setup();
    first.prompter.yesno(q<YesNoQuestion>('pain'), ctx({ canGoBack: false, number: 1 })).catch(ignoreClosed);
    expect((await first.next()).getScreen()).not.toContain('Back');
    const review = setup();
    review.prompter.yesno(q<YesNoQuestion>('pain'), ctx({ fromReview: true, number: 1 })).catch(ignoreClosed);
    expect((await review.next()).getScreen()).toContain('← Back to the review (keep this answer)');
    expect(review.written.join('')).toContain('Changing question 1');
  });

  it('number: checks the range and whole numbers with a clear message; b goes back', async () => {
    const { prompter, next } = setup();
    const reply = prompter.number(q<NumberQuestion>('age'), ctx());
    const r = await next();
    expect(r.getScreen()).toBe('? How old are you?\nType a whole number from 16 to 120 (years), or press Enter to skip or b to go back:');
    r.events.type('12');
    r.events.keypress('enter');
    await r.nextRender();
    expect(r.getScreen()).toContain('> The lowest possible answer is 16');
    r.events.keypress('backspace');
    r.events.keypress('backspace');
    r.events.type('40.5');
    r.events.keypress('enter');
    await r.nextRender();
    expect(r.getScreen()).toContain('> Please type a whole number from 16 to 120');
    for (let i = 0; i < 4; i++) r.events.keypress('backspace');
    r.events.type('b');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'back' });
  });

  it('scale: shows the anchor labels and takes the number typed', async () => {
    const { prompter, next } = setup();
    const reply = prompter.scale(q<ScaleQuestion>('level'), ctx({ previous: 3 }));
    const r = await next();
    expect(r.getScreen()).toContain('0 = no pain · 10 = worst pain imaginable');
    expect(r.getScreen()).toContain('(3)');
    r.events.type('7');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: 7 });
    expect(r.getScreen()).toBe('✔ How bad is the pain? 7 out of 10');
  });

  it('multi: ticks become a list; "None of these" is an answer of its own and cannot go with others', async () => {
    const { prompter, next } = setup();
    const reply = prompter.multi(q<MultiQuestion>('tried'), ctx());
    const r = await next();
    expect(r.getScreen()).toContain('None of these');
    r.events.keypress('space'); // Rest
    r.events.keypress('down');
    r.events.keypress('down');
    r.events.keypress('space'); // None of these
    r.events.keypress('enter');
    await r.nextRender();
    expect(r.getScreen()).toContain('"None of these" cannot be ticked together with other answers');
    r.events.keypress('space'); // untick None of these
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: ['rest'] });
  });
});

describe('the plain prompter', () => {
  it('writes the question and numbered answers once, and reads the number typed', async () => {
    const { prompter, next, written } = setup(true);
    const reply = prompter.choice(q<ChoiceQuestion>('side'), ctx());
    const r = await next();
    expect(written.join('')).toBe('\nQuestion 2, about 5 left\nWhich leg hurts?\n1. Left leg\n2. Right leg\n3. Both legs\nb. Back to the previous question\n');
    expect(r.getScreen()).toBe('Your answer, 1 to 3:');
    r.events.type('5');
    r.events.keypress('enter');
    await r.nextRender();
    expect(r.getScreen()).toContain('Please type a number from 1 to 3');
    r.events.keypress('backspace');
    r.events.type('3');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: 'both_legs' });
  });
});

describe('a narrow terminal (words are never cut in two)', () => {
  it('the save offer and the file name are word-wrapped, with room for "(y/N)"', async () => {
    const { prompter, next } = setup(false, 60);
    const offer = prompter.confirm('Save your answers to a file (for your therapist, or to check again later)?', false);
    const r = await next();
    expect(r.getScreen()).toBe('? Save your answers to a file (for your therapist, or to\ncheck again later)? (y/N)');
    r.events.keypress('enter');
    await expect(offer).resolves.toBe(false);
  });

  it('plain mode wraps the question, its help and each answer; an answer continues under its text', async () => {
    const { prompter, next, written } = setup(true, 41);
    const side = q<ChoiceQuestion>('side');
    const reply = prompter.choice(
      {
        ...side,
        help: 'Think of the last week, not just of today, when you answer this question.',
        options: [{ value: 'both_legs', label: 'It moves from one leg to the other (for example, left one day and right the next)' }],
      },
      ctx(),
    );
    const r = await next();
    expect(written.join('')).toBe(
      [
        '',
        'Question 2, about 5 left',
        'Which leg hurts?',
        'Help: Think of the last week, not just',
        'of today, when you answer this question.',
        '1. It moves from one leg to the other',
        '   (for example, left one day and right',
        '   the next)',
        'b. Back to the previous question',
        '',
      ].join('\n'),
    );
    r.events.type('1');
    r.events.keypress('enter');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: 'both_legs' });
  });
});

describe('review lines', () => {
  it('fit the terminal: first sentence, shortened with …, the answer always whole', async () => {
    const { reviewLabel } = await import('../../src/interview/inquirer-prompter.js');
    expect(reviewLabel(3, 'Is any skin between your legs numb? This means around your genitals.', 'No', 100)).toBe(
      '3. Is any skin between your legs numb?  → No',
    );
    const long = reviewLabel(12, 'Is your immune system weakened by HIV, by chemotherapy, or by medicines that calm the immune system?', 'Not sure', 60);
    expect(long.length).toBeLessThanOrEqual(57);
    expect(long).toMatch(/^12\. Is your immune system weakened by HIV… {2}→ Not sure$/);
    expect(reviewLabel(1, 'A question that is far too long for a tiny terminal window?', 'A very long answer indeed', 30)).toMatch(/^1\. A question that is… {2}→ A very long answer indeed$/);
  });
});

describe('the review names questions by their label and answers in their own words, never ids', () => {
  const entries = async () => {
    const { reviewEntry } = await import('../../src/interview/run-interview.js');
    return [
      reviewEntry({ ...q<YesNoQuestion>('saddle'), label: 'numbness between the legs' }, 'unsure'),
      reviewEntry({ ...q<ChoiceQuestion>('side'), label: 'which leg' }, 'left'),
      reviewEntry(q<YesNoQuestion>('pain'), null),
    ];
  };

  it('in the arrow-key review', async () => {
    const { prompter, next } = setup();
    prompter.review(await entries()).catch(ignoreClosed);
    const screen = (await next()).getScreen();
    expect(screen).toContain('1. Numbness between the legs  → Not sure');
    expect(screen).toContain('2. Which leg  → Left leg');
    expect(screen).toContain('3. Do you have leg pain?  → Skipped');
    expect(screen).not.toMatch(/saddle|unsure|\bleft\b/);
  });

  it('in the plain review', async () => {
    const { prompter, next, written } = setup(true);
    prompter.review(await entries()).catch(ignoreClosed);
    await next();
    const text = written.join('');
    expect(text).toContain('1. Numbness between the legs: Not sure\n2. Which leg: Left leg\n3. Do you have leg pain? Answer: Skipped\n');
    expect(text).not.toMatch(/saddle|unsure|\bleft\b/);
  });
});

describe('Ctrl+C outside a prompt (the interrupt signal)', () => {
  it('once the signal is aborted, the next prompt stops at once as if Ctrl+C was pressed in it, in both prompters', async () => {
    const prompts = await import('@inquirer/prompts');
    const interrupt = new AbortController();
    interrupt.abort();
    for (const make of [createInquirerPrompter, createPlainPrompter]) {
      const output = new PassThrough();
      let shown = '';
      output.on('data', (c: Buffer) => (shown += c.toString()));
      const io = { input: new PassThrough(), output, signal: interrupt.signal };
      const prompter = make(prompts, { chalk: new Chalk({ level: 0 }), io, write: () => undefined, columns: 80 });
      const reply = prompter.yesno(q<YesNoQuestion>('pain'), ctx());
      const error = await reply.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isPromptExit(error)).toBe(true);
      await expect(prompter.confirm('Save your answers?', false)).rejects.toThrow();
      expect(shown).not.toContain('Do you have leg pain?');
    }
  });
});
