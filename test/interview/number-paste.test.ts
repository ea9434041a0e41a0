/**
 * A paste of thousands of characters into a number box at a real terminal (src/interview/
 * capped-input.ts): the Inquirer prompter, with the real prompt library, reading a fake terminal
 * (isTTY, raw mode). What is typed past the 100th character of a line is dropped, the reply is
 * refused with a message saying how to clear it, Ctrl+U clears it, and then the number is read.
 * Raw mode is passed on to the terminal, and the terminal is not read once the prompt is answered.
 */
import * as prompts from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { capInput } from '../../src/interview/capped-input.js';
import { createInquirerPrompter } from '../../src/interview/inquirer-prompter.js';
import type { NumberQuestion } from '../../src/questionnaire/model.js';
import { QUESTIONS } from './fake-engine.js';

/** A terminal's input: a stream that says it is a TTY and records the raw mode asked of it. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; isRaw: boolean; setRawMode: (m: boolean) => unknown; modes: boolean[] };
  input.isTTY = true;
  input.isRaw = false;
  input.modes = [];
  input.setRawMode = (m: boolean) => {
    input.modes.push(m);
    input.isRaw = m;
    return input;
  };
  return input;
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe('a paste into a number box at a terminal', () => {
  it('is refused with a message; Ctrl+U clears it and the number typed after is read', async () => {
    const input = fakeTerminal();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (c: Buffer) => (screen += c.toString()));
    const prompter = createInquirerPrompter(prompts, { chalk: new Chalk({ level: 0 }), io: { input, output }, write: () => undefined, columns: 80 });
    const age = QUESTIONS.find((q) => q.id === 'age') as NumberQuestion;
    const reply = prompter.number(age, { number: 3, remaining: 2, canGoBack: true, fromReview: false });
    await tick();
    expect(input.modes).toContain(true); // raw mode reached the terminal itself

    input.write('4'.repeat(10_000)); // a paste, far longer than any number
    await tick();
    input.write('\r');
    await tick(300);
    expect(screen).toContain('> That is too long for an answer here: delete it (Ctrl+U) and type a whole\n  number');

    input.write('\u0015'); // Ctrl+U clears the line
    input.write('40\r');
    await expect(reply).resolves.toEqual({ kind: 'answer', value: 40 });
    expect(input.isPaused()).toBe(true); // not read between prompts
  });
});

describe('the capped terminal input', () => {
  function capped(max: number) {
    const real = fakeTerminal();
    const c = capInput(real, max);
    let passed = '';
    c.input.on('data', (b: Buffer) => (passed += b.toString('latin1')));
    return { real, c, passed: () => passed };
  }

  it('passes up to max characters of a line, and every control key; Enter starts a new line', async () => {
    const { real, c, passed } = capped(3);
    real.write('abcdef');
    await tick();
    expect(passed()).toBe('abc');
    expect(c.over).toBe(true);
    real.write('\u001b[D\r'); // an arrow key: its escape byte passes, "[D" is typed text and dropped; Enter passes
    real.write('xyz');
    await tick();
    expect(passed()).toBe('abc\u001b\rxyz'); // a new line has room again
    expect(c.over).toBe(true); // the refused reply stays refused until the line is cleared
  });

  it('Backspace frees room and, once the line is empty, clears the "too long" state; so does Ctrl+U', async () => {
    const { real, c, passed } = capped(2);
    real.write('abc');
    real.write('\u007f\u0008');
    await tick();
    expect(c.over).toBe(false);
    real.write('de');
    await tick();
    expect(passed()).toBe('ab\u007f\u0008de');
    real.write('f\u0015');
    await tick();
    expect(c.over).toBe(false);
  });

  it('raw mode is asked of the real terminal; detach stops reading it', async () => {
    const { real, c, passed } = capped(5);
    (c.input as unknown as { setRawMode: (m: boolean) => unknown }).setRawMode(true);
    expect(real.modes).toEqual([true]);
    c.input.pause();
    expect(real.isPaused()).toBe(true);
    c.input.resume();
    expect(real.isPaused()).toBe(false);
    c.detach();
    real.write('late');
    await tick();
    expect(passed()).toBe('');
    expect(real.isPaused()).toBe(true);
  });
});
