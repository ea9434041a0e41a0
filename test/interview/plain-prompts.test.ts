/**
 * The `--plain` prompter one question at a time (its line prompts over a fake terminal): what is
 * listed and offered for optional questions, answers with help, "not sure", previous answers as
 * the default, the first question (no going back), and multiple choice typed as numbers.
 */
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLinePrompts } from '../../src/interview/line-prompts.js';
import { createPlainPrompter } from '../../src/interview/plain-prompter.js';
import type { AskContext } from '../../src/interview/prompter.js';
import type { ChoiceQuestion, MultiQuestion, NumberQuestion, Question, ScaleQuestion } from '../../src/questionnaire/model.js';
import { QUESTIONS } from './fake-engine.js';

const q = <T extends Question>(id: string, over: Partial<T> = {}): T => ({ ...(QUESTIONS.find((x) => x.id === id) as T), ...over });
const ctx = (over: Partial<AskContext> = {}): AskContext => ({ number: 2, remaining: 3, canGoBack: true, fromReview: false, ...over });

/** A plain prompter reading `typed` (then end of input); `shown()` is everything written. */
function typing(...typed: string[]) {
  const input = new PassThrough();
  input.end(typed.map((l) => `${l}\n`).join(''));
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  const prompter = createPlainPrompter(createLinePrompts(), { chalk: new Chalk({ level: 0 }), io: { input, output }, write: (t) => (shown += t), columns: 80 });
  return { prompter, shown: () => shown };
}

describe('plain prompts', () => {
  it('the first question: b is refused, there is nothing before it', async () => {
    const t = typing('b', '1');
    await expect(t.prompter.yesno(q('pain'), ctx({ canGoBack: false, number: 1 }))).resolves.toEqual({ kind: 'answer', value: 'yes' });
    expect(t.shown()).toContain('Your answer, 1 to 2: > This is the first question\n');
    expect(t.shown()).not.toContain('b. Back');
  });

  it('an optional choice lists "Skip this question" and each answer\'s help; skipping answers nothing', async () => {
    const t = typing('3');
    const side = q<ChoiceQuestion>('side', { required: false, options: [{ value: 'left', label: 'Left leg', help: 'the leg on your left side' }, { value: 'right', label: 'Right leg' }] });
    await expect(t.prompter.choice(side, ctx())).resolves.toEqual({ kind: 'answer', value: null });
    expect(t.shown()).toContain('1. Left leg (the leg on your left side)\n2. Right leg\n3. Skip this question\nb. Back to the previous question\n');
  });

  it('multiple choice: Enter skips an optional one, is refused on a required one; the previous answer is the default', async () => {
    const optional = typing('');
    await expect(optional.prompter.multi(q<MultiQuestion>('tried', { required: false }), ctx())).resolves.toEqual({ kind: 'answer', value: null });
    expect(optional.shown()).toContain('Your answers (numbers separated by spaces; Enter to skip): ');

    const required = typing('', 'b');
    await expect(required.prompter.multi(q<MultiQuestion>('tried'), ctx())).resolves.toEqual({ kind: 'back' });
    expect(required.shown()).toContain('> Type the numbers of every answer that applies, or 0 for none of these\n');

    const none = typing('');
    await expect(none.prompter.multi(q<MultiQuestion>('tried'), ctx({ previous: [] }))).resolves.toEqual({ kind: 'answer', value: [] });
    expect(none.shown()).toContain('Your answers (numbers separated by spaces): (0) ');

    const some = typing('');
    await expect(some.prompter.multi(q<MultiQuestion>('tried'), ctx({ previous: ['painkillers', 'rest'] }))).resolves.toEqual({ kind: 'answer', value: ['rest', 'painkillers'] });
    expect(some.shown()).toContain('(2 1) ');

    const first = typing('b', '1,2');
    await expect(first.prompter.multi(q<MultiQuestion>('tried'), ctx({ canGoBack: false }))).resolves.toEqual({ kind: 'answer', value: ['rest', 'painkillers'] });
    expect(first.shown()).toContain('> This is the first question\n');
  });

  it('numbers: "not sure" where allowed (and offered again as the default); a scale from the review returns to it', async () => {
    const unsure = typing('not sure');
    await expect(unsure.prompter.number(q<NumberQuestion>('age', { unsure: true }), ctx())).resolves.toEqual({ kind: 'answer', value: 'unsure' });
    const again = typing('');
    await expect(again.prompter.number(q<NumberQuestion>('age', { unsure: true }), ctx({ previous: 'unsure' }))).resolves.toEqual({ kind: 'answer', value: 'unsure' });
    expect(again.shown()).toContain('(not sure) ');

    const review = typing('b');
    await expect(review.prompter.scale(q<ScaleQuestion>('level'), ctx({ fromReview: true, previous: 6 }))).resolves.toEqual({ kind: 'back' });
    expect(review.shown()).toContain('or b to return to the review: (6) ');
    const scale = typing('');
    await expect(scale.prompter.scale(q<ScaleQuestion>('level'), ctx({ previous: 6 }))).resolves.toEqual({ kind: 'answer', value: 6 });
  });
});
