/**
 * The arrow-key interview's prompts (the Inquirer prompter with the real prompt library) on a
 * fake terminal, keys typed as a terminal sends them: ticking answers in a list (and what cannot
 * be ticked together), the previous answer offered again, "Skip" and "← Back" in lists, the
 * review, typing "not sure" or a scale point, and the file-name box. Each asserts the reply the
 * interview gets and the line left on the screen.
 */
import * as prompts from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createInquirerPrompter } from '../../src/interview/inquirer-prompter.js';
import type { AskContext, ReviewEntry } from '../../src/interview/prompter.js';
import type { ChoiceQuestion, MultiQuestion, NumberQuestion, Question, ScaleQuestion } from '../../src/questionnaire/model.js';
import { QUESTIONS } from './fake-engine.js';

const KEY = { enter: '\r', space: ' ', down: '\u001b[B', up: '\u001b[A', ctrlU: '\u0015' };
const q = <T extends Question>(id: string, over: Partial<T> = {}): T => ({ ...(QUESTIONS.find((x) => x.id === id) as T), ...over });
const ctx = (over: Partial<AskContext> = {}): AskContext => ({ number: 2, remaining: 3, canGoBack: true, fromReview: false, ...over });
const pause = (ms = 40) => new Promise((r) => setTimeout(r, ms));

function terminal() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (m: boolean) => unknown };
  input.isTTY = true;
  input.setRawMode = () => input;
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c: Buffer) => (screen += c.toString()));
  const prompter = createInquirerPrompter(prompts, { chalk: new Chalk({ level: 0 }), io: { input, output }, write: (t) => (screen += t), columns: 80 });
  return {
    prompter,
    /** Types the keys one by one, as a person would. */
    async keys(...keys: string[]) {
      await pause(150); // the prompt is drawn
      for (const k of keys) {
        input.write(k);
        await pause(k === KEY.enter ? 150 : 40); // Enter validates before the next key counts
      }
    },
    /** What the terminal shows now, without cursor movements. */
    shown: () => screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''),
  };
}

describe('ticking answers in a list', () => {
  it('Enter with nothing ticked is refused; Space ticks; the answers are shown on one line once done', async () => {
    const t = terminal();
    const reply = t.prompter.multi(q<MultiQuestion>('tried'), ctx());
    await t.keys(KEY.enter, KEY.space, KEY.down, KEY.space, KEY.enter);
    await expect(reply).resolves.toEqual({ kind: 'answer', value: ['rest', 'painkillers'] });
    expect(t.shown()).toContain('> Tick at least one answer, or "None of these"');
    expect(t.shown()).toContain('✔ What have you tried? Rest, Painkillers');
  });

  it('"None of these" cannot go with an answer; alone it is the answer "nothing"', async () => {
    const t = terminal();
    const reply = t.prompter.multi(q<MultiQuestion>('tried'), ctx());
    await t.keys(KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter, KEY.up, KEY.up, KEY.space, KEY.enter);
    await expect(reply).resolves.toEqual({ kind: 'answer', value: [] });
    expect(t.shown()).toContain('> "None of these" cannot be ticked together with other answers');
  });

  it('the previous answer comes ticked again; an optional question offers Skip; ← Back goes back', async () => {
    const again = terminal();
    const r1 = again.prompter.multi(q<MultiQuestion>('tried'), ctx({ previous: ['painkillers'] }));
    await again.keys(KEY.enter);
    await expect(r1).resolves.toEqual({ kind: 'answer', value: ['painkillers'] });

    const skip = terminal();
    const r2 = skip.prompter.multi(q<MultiQuestion>('tried', { required: false }), ctx({ previous: null }));
    await skip.keys(KEY.enter); // "Skip this question" was ticked last time
    await expect(r2).resolves.toEqual({ kind: 'answer', value: null });

    const back = terminal();
    const r3 = back.prompter.multi(q<MultiQuestion>('tried', { required: false }), ctx());
    await back.keys(KEY.down, KEY.down, KEY.down, KEY.down, KEY.space, KEY.enter);
    await expect(r3).resolves.toEqual({ kind: 'back' });
  });
});

describe('choosing one answer', () => {
  it('an optional question offers "Skip this question"; an answer\'s help is shown under the list', async () => {
    const t = terminal();
    const side = q<ChoiceQuestion>('side', { required: false, options: [{ value: 'left', label: 'Left leg', help: 'The leg on your left side.' }, { value: 'right', label: 'Right leg' }] });
    const reply = t.prompter.choice(side, ctx({ previous: null }));
    await t.keys(KEY.up, KEY.up); // the skip chosen last time is where the cursor starts
    expect(t.shown()).toContain('The leg on your left side.');
    await t.keys(KEY.down, KEY.down, KEY.enter);
    await expect(reply).resolves.toEqual({ kind: 'answer', value: null });
    expect(t.shown()).toContain('✔ Which leg hurts? Skip this question');
  });
});

describe('typing a number', () => {
  it('"not sure" where the question allows it; a scale point; b from the review goes back to it', async () => {
    const unsure = terminal();
    const age = unsure.prompter.number(q<NumberQuestion>('age', { unsure: true }), ctx());
    await unsure.keys(...'not sure', KEY.enter);
    await expect(age).resolves.toEqual({ kind: 'answer', value: 'unsure' });
    expect(unsure.shown()).toContain('✔ How old are you? Not sure');

    const scale = terminal();
    const level = scale.prompter.scale(q<ScaleQuestion>('level'), ctx({ previous: 4 }));
    await scale.keys(KEY.ctrlU, '7', KEY.enter);
    await expect(level).resolves.toEqual({ kind: 'answer', value: 7 });

    const review = terminal();
    const back = review.prompter.scale(q<ScaleQuestion>('level'), ctx({ fromReview: true, previous: 4 }));
    await review.keys(KEY.ctrlU, 'b', KEY.enter);
    await expect(back).resolves.toEqual({ kind: 'back' });
  });

  it('an optional number left empty is skipped', async () => {
    const t = terminal();
    const reply = t.prompter.number(q<NumberQuestion>('age', { required: false }), ctx());
    await t.keys(KEY.enter);
    await expect(reply).resolves.toEqual({ kind: 'answer', value: null });
    expect(t.shown()).toContain('✔ How old are you? Skipped');
  });
});

describe('the review and the file name', () => {
  const entries: ReviewEntry[] = [
    { question: q('pain'), answer: 'yes', shown: 'Yes' },
    { question: q('age'), answer: 40, shown: '40 years' },
  ];

  it('the first line shows the result; choosing an answer changes it', async () => {
    const finish = terminal();
    const r1 = finish.prompter.review(entries);
    await finish.keys(KEY.enter);
    await expect(r1).resolves.toEqual({ kind: 'finish' });
    expect(finish.shown()).toContain('These are right: show my result');

    const edit = terminal();
    const r2 = edit.prompter.review(entries);
    await edit.keys(KEY.down, KEY.down, KEY.enter);
    await expect(r2).resolves.toEqual({ kind: 'edit', question: 'age' });
    expect(edit.shown()).toContain('Change question 2');
  });

  it('the file name: the name offered on Enter; an emptied box is refused', async () => {
    const t = terminal();
    const name = t.prompter.text('File name:', 'handout.html');
    await t.keys(KEY.enter);
    await expect(name).resolves.toBe('handout.html');

    const e = terminal();
    const other = e.prompter.text('File name:', 'handout.html');
    await e.keys('\u007f'.repeat(1), KEY.enter, ...'mine.md', KEY.enter);
    await expect(other).resolves.toBe('mine.md');
    expect(e.shown()).toContain('> Please type a file name');
  });
});
