/**
 * Word-wrapping in the real interview (issue 13.10): at 30, 60 and 80 columns nothing the tool
 * writes is cut by the terminal — questions, answered lines (the answer Inquirer appends), help,
 * error lines — and wide characters (CJK, emoji) count as two columns.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { BIN } from '../helpers/spawn-bin.js';
import { answerAll, question, waitForQuestion } from './interview-driver.js';
import { hasTmux, TmuxSession } from './tmux.js';

/** Lines the terminal wrapped itself: the tool's text was wider than the screen and a word was cut. */
async function cutByTerminal(s: TmuxSession): Promise<string[]> {
  const shown = (await s.scrollback()).split('\n');
  const joined = (await s.screen()).split('\n');
  // capture-pane -J joins the lines the terminal wrapped: any joined line not shown as it is was cut.
  // A single word wider than the screen (a long file path) has no place to wrap but inside it: allowed.
  const shownSet = new Set(shown);
  return joined.filter((l) => !shownSet.has(l) && /\s/.test(l.trim())).map((l) => `wrapped by the terminal: ${l}`);
}

describe.skipIf(!hasTmux())('word-wrapping in the real interview (tmux)', { timeout: 60_000 }, () => {
  let qn: Questionnaire;
  let dir: string;
  let session: TmuxSession | undefined;
  beforeAll(async () => {
    qn = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sw-'));
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  for (const width of [30, 60, 80]) {
    it(`${width} columns: questions, answered lines, help and the stop line all wrap between words`, async () => {
      session = await TmuxSession.start([process.execPath, BIN, '--save', 'a.json'], { cwd: dir, env: { NO_COLOR: '1' }, width, height: 40 });
      const s = session;
      await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'no' });
      await waitForQuestion(s, question(qn, 'bladder_change'));
      await s.keys('C-c');
      expect(await s.exitCode()).toBe(130);
      expect(await cutByTerminal(s)).toEqual([]);
      expect((await s.screen()).replace(/\s+/g, ' ')).toContain('sciatica-screen: stopped; your answers so far are saved in a.json');
    });
  }

  for (const width of [30, 60, 80]) {
    it(`${width} columns: long answer options (when both legs became affected) wrap between words`, async () => {
      session = await TmuxSession.start([process.execPath, BIN], { cwd: dir, env: { NO_COLOR: '1' }, width, height: 40 });
      const s = session;
      await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'both_legs', bilateral_neuro: 'no' });
      await waitForQuestion(s, question(qn, 'bilateral_onset'));
      expect(await cutByTerminal(s)).toEqual([]);
      // The option's words are all there, joined again, and the last one can be chosen.
      expect((await s.screen()).replace(/\s+/g, ' ')).toContain('and a doctor has examined me since');
      await s.keys('C-c');
      expect(await s.exitCode()).toBe(130);
    });
  }

  it('30 columns, plain mode: every line wraps between words', async () => {
    session = await TmuxSession.start([process.execPath, BIN, '--plain'], { cwd: dir, env: {}, width: 30, height: 40 });
    const s = session;
    await s.waitFor('Your answer, 1 to 2:');
    await s.type('1');
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:');
    await s.type('9');
    await s.keys('Enter');
    await s.waitFor(/from 1\s+to 3/);
    await s.type('1');
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:', { count: 2 });
    await s.type('b');
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:', { count: 3 });
    expect(await cutByTerminal(s)).toEqual([]);
  });

  it('CJK and emoji take two columns each: a Japanese question wraps inside 30 columns', async () => {
    const yaml = (await readFile(new URL('../fixtures/questionnaires/valid/question-types.yaml', import.meta.url), 'utf8')).replace(
      'text: How old are you?',
      'text: 坐骨神経痛のために、マッサージを受ける前にお医者さんに相談しましたか 😀 年齢を教えてください',
    );
    await writeFile(join(dir, 'ja.yaml'), yaml);
    session = await TmuxSession.start([process.execPath, BIN, '-q', 'ja.yaml'], { cwd: dir, env: { NO_COLOR: '1' }, width: 30, height: 40 });
    const s = session;
    await s.waitFor('(years)');
    await s.type('42');
    await s.keys('Enter');
    await s.waitFor('How long has this');
    expect(await cutByTerminal(s)).toEqual([]);
  });
});
