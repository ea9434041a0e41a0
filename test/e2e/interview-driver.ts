/**
 * Answers questions of the real interview in a TmuxSession by question id and value, the way a
 * person would: wait until the question is the one being asked, then press the keys (the number
 * of a list entry, which Inquirer's select jumps to, then Enter; or type a number and Enter).
 */
import type { AnswerValue, Question, Questionnaire } from '../../src/questionnaire/model.js';
import { occurrences, type TmuxSession } from './tmux.js';

/**
 * The last prompt on the screen (`? …` while asked, `✔ …` once answered) with the lines it was
 * word-wrapped onto joined by spaces (up to the next blank line or list entry), or undefined.
 */
export function lastPrompt(screen: string): string | undefined {
  const lines = screen.split('\n');
  let at = -1;
  lines.forEach((l, i) => {
    if (l.startsWith('? ') || l.startsWith('✔ ')) at = i;
  });
  if (at < 0) return undefined;
  const block = [lines[at] as string];
  for (const l of lines.slice(at + 1, at + 4)) {
    if (l.trim() === '' || /^[❯ ] /.test(l) || l.startsWith('Question ')) break;
    block.push(l.trim());
  }
  return block.join(' ');
}

/** `text` with every run of white space (line breaks from word-wrapping too) as one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Waits until `q` is the question being asked now. */
export function waitForQuestion(s: TmuxSession, q: Question, timeout = 15_000): Promise<string> {
  return waitForPrompt(s, `? ${q.text.slice(0, 40)}`, timeout);
}

/** Waits until the prompt being shown now starts with `head` (e.g. `? Check your answers`). */
export async function waitForPrompt(s: TmuxSession, head: string, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const screen = await s.screen();
    if (lastPrompt(screen)?.startsWith(head)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the prompt ${head}; the screen was:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The 1-based position of `value` in the select list the interview shows for `q`. */
export function listPosition(q: Question, value: string): number {
  const values = q.type === 'yesno' ? ['yes', 'no'] : q.type === 'choice' ? q.options.map((o) => o.value) : [];
  if (q.unsure) values.push('unsure');
  const i = values.indexOf(value);
  if (i < 0) throw new Error(`${q.id} has no list entry ${value}`);
  return i + 1;
}

export async function answer(s: TmuxSession, q: Question, value: AnswerValue): Promise<void> {
  const done = `✔ ${q.text.slice(0, 40)}`;
  const before = occurrences(flat(await waitForQuestion(s, q)), done);
  switch (q.type) {
    case 'yesno':
    case 'choice':
      await s.type(String(listPosition(q, String(value))));
      await s.keys('Enter');
      break;
    case 'number':
    case 'scale':
      await s.type(String(value));
      await s.keys('Enter');
      break;
    case 'multi':
      throw new Error('multi questions are driven by hand in the tests');
  }
  // The answered prompt turns into a `✔ question answer` line (word-wrapped on a narrow terminal).
  const deadline = Date.now() + 15_000;
  for (;;) {
    const screen = await s.screen();
    if (occurrences(flat(screen), done) >= before + 1) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${done}; the screen was:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function question(qn: Questionnaire, id: string): Question {
  const q = qn.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** Answers `answers` in order (ids must be the path order). */
export async function answerAll(s: TmuxSession, qn: Questionnaire, answers: Readonly<Record<string, AnswerValue>>): Promise<void> {
  for (const [id, value] of Object.entries(answers)) await answer(s, question(qn, id), value);
}
