/**
 * Saving in the real interview (the built binary in tmux): what reaches the disk when the
 * `--save` path changes under the running interview, when the person stops it with a signal, and
 * when a file name typed at the end cannot be written. Issues 9.3, 9.4, 9.10, 9.11 and 13.3.
 */
import { lstat, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { BIN } from '../helpers/spawn-bin.js';
import { answerAll, question, waitForPrompt, waitForQuestion } from './interview-driver.js';
import { hasTmux, TmuxSession } from './tmux.js';

const ENV = { NO_COLOR: '1' };

describe.skipIf(!hasTmux())('saving in the real interview (tmux)', { timeout: 60_000 }, () => {
  let qn: Questionnaire;
  let dir: string;
  let session: TmuxSession | undefined;

  beforeAll(async () => {
    qn = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-save-'));
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (args: string[], env: Record<string, string> = ENV): Promise<TmuxSession> => {
    session = await TmuxSession.start([process.execPath, BIN, ...args], { cwd: dir, env: { HOME: dir, ...env } });
    return session;
  };
  /** The program, then the terminal's settings as the shell finds them afterwards. */
  /** The program, then the terminal's settings as the shell finds them afterwards. */
  const startThenStty = async (args: string[]): Promise<TmuxSession> => {
    session = await TmuxSession.start([process.execPath, BIN, ...args], {
      cwd: dir,
      env: { HOME: dir, ...ENV },
      after: `echo "[stty $(stty -a | tr -s ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')]"`,
    });
    return session;
  };
  const saved = async (name: string) => (JSON.parse(await readFile(join(dir, name), 'utf8')) as { answers: Record<string, unknown> }).answers;

  it('a --save file swapped for a link mid-interview: the linked file is never written (content and mode kept), the person is told', async () => {
    await writeFile(join(dir, 'victim.txt'), 'precious\n', { mode: 0o644 });
    const s = await start(['--save', 'toc.json']);
    await answerAll(s, qn, { leg_pain: 'yes' });
    await waitForQuestion(s, question(qn, 'pain_side'));
    expect(await saved('toc.json')).toEqual({ leg_pain: 'yes' });
    await unlink(join(dir, 'toc.json'));
    await symlink(join(dir, 'victim.txt'), join(dir, 'toc.json'));
    await answerAll(s, qn, { pain_side: 'one_leg' });
    const screen = await s.waitFor('could not be saved in toc.json');
    expect(screen.replace(/\s+/g, ' ')).toContain('Your answers could not be saved in toc.json: it was replaced by a link since the last save; nothing was written there.');
    await waitForQuestion(s, question(qn, 'bilateral_neuro'));
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(await readFile(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect((await stat(join(dir, 'victim.txt'))).mode & 0o777).toBe(0o644);
    expect((await lstat(join(dir, 'toc.json'))).isSymbolicLink()).toBe(true);
  });

  it('the first --save write is an exclusive create: a file that appears at the path after the start is never replaced', async () => {
    const s = await start(['--save', 'new.json']);
    await waitForQuestion(s, question(qn, 'leg_pain'));
    await writeFile(join(dir, 'new.json'), 'made by someone else\n');
    await answerAll(s, qn, { leg_pain: 'yes' });
    await s.waitFor('could not be saved in new.json');
    await waitForQuestion(s, question(qn, 'pain_side'));
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(await readFile(join(dir, 'new.json'), 'utf8')).toBe('made by someone else\n');
  });

  it('--resume a --save b, then Ctrl+C before any answer: b holds the resumed answers', async () => {
    const partial = { leg_pain: 'yes', pain_side: 'one_leg' };
    await writeFile(join(dir, 'a.json'), JSON.stringify({ questionnaire: 'sciatica-massage', version: qn.version, answers: partial }));
    const s = await start(['--resume', 'a.json', '--save', 'b.json']);
    await waitForQuestion(s, question(qn, 'bilateral_neuro'));
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(await saved('b.json')).toEqual(partial);
    expect(await s.screen()).toContain('your answers so far are saved in b.json');
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} in a prompt: answers saved, no temporary file left, terminal restored (cooked, echo, cursor shown), one line, exit ${code}`, async () => {
      const s = await startThenStty(['--save', 'kept.json']);
      await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no' });
      await waitForQuestion(s, question(qn, 'saddle_numbness'));
      await s.signal(signal);
      expect(await s.exitCode()).toBe(code);
      const screen = await s.screen();
      expect(screen).toMatch(/\[stty (?=.*\bicanon\b)(?=.*(^|\s)echo\b)[^\]]*\]/);
      expect(screen).not.toMatch(/-icanon|-echo\b/);
      expect(await s.paneFormat('#{cursor_flag}')).toBe('1');
      if (signal === 'SIGTERM') {
        expect(screen).toContain('sciatica-screen: stopped; your answers so far are saved in kept.json');
        expect(screen.split('\n').filter((l) => l.startsWith('sciatica-screen:'))).toHaveLength(1);
      }
      expect(await saved('kept.json')).toEqual({ leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no' });
      const { readdir } = await import('node:fs/promises');
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('the --save folder disappears mid-interview: the emergency result is shown, the person is told, and saves elsewhere with ~', async () => {
    await mkdir(join(dir, 'sub'));
    const s = await start(['--save', 'sub/a.json']);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no' });
    await waitForQuestion(s, question(qn, 'saddle_numbness'));
    await rename(join(dir, 'sub'), join(dir, 'gone'));
    await answerAll(s, qn, { saddle_numbness: 'yes' });
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    let screen = await waitForPrompt(s, '? Save your answers in another file?');
    expect(screen).toContain('WHAT TO DO NOW');
    expect(screen.replace(/\s+/g, ' ')).toContain('Your answers could not be saved in sub/a.json: the folder does not exist.');
    await s.keys('Enter'); // yes is the default here
    await waitForPrompt(s, '? File name:');
    await s.type('~/for-the-hospital.json');
    await s.keys('Enter');
    screen = await s.waitFor('Saved your answers in ~/for-the-hospital.json');
    expect(await s.exitCode()).toBe(0);
    expect((await s.screen()).trimEnd().split('\n').at(-2)).toMatch(/^WHAT TO DO NOW: /);
    expect(await saved('for-the-hospital.json')).toMatchObject({ saddle_numbness: 'yes' });
  });

  it('a file name that cannot be written at the end is said and asked again; the answers are then saved', async () => {
    const s = await start([]);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'yes' });
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    await waitForPrompt(s, '? Save your answers to a file');
    await s.keys('y', 'Enter');
    await waitForPrompt(s, '? File name:');
    await s.type('~/my answers/a.json');
    await s.keys('Enter');
    const screen = await waitForPrompt(s, '? Try another file name?');
    expect(screen).toContain('Could not save your answers in ~/my answers/a.json: the folder does not exist.');
    await s.keys('Enter');
    await waitForPrompt(s, '? File name:');
    await s.keys('Tab', 'Enter'); // the offered default: a new file in the home folder
    await s.waitFor('Saved your answers in ~/sciatica-screen-answers.json');
    expect(await s.exitCode()).toBe(0);
    expect(await saved('sciatica-screen-answers.json')).toMatchObject({ saddle_numbness: 'yes' });
  });
});

describe.skipIf(!hasTmux())('pasting into a number box (tmux)', { timeout: 60_000 }, () => {
  let dir: string;
  let session: TmuxSession | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-paste-'));
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const QT = new URL('../fixtures/questionnaires/valid/question-types.yaml', import.meta.url).pathname;

  for (const plain of [false, true]) {
    it(`${plain ? '--plain' : 'the arrow-key interview'}: a 10 KB paste is refused at once with "too long" (was 84 s of redrawing), then a number is taken`, async () => {
      session = await TmuxSession.start([process.execPath, BIN, '-q', QT, ...(plain ? ['--plain'] : [])], { cwd: dir, env: ENV });
      const s = session;
      await s.waitFor(plain ? '(years)' : '? How old are you?');
      for (let i = 0; i < 10; i++) await s.type('9'.repeat(1024));
      await s.keys('Enter');
      await s.waitFor('too long for an answer here', { timeout: 10_000 });
      if (!plain) await s.keys('C-u');
      await s.type('42');
      await s.keys('Enter');
      await s.waitFor('How long has this episode lasted?');
      await s.keys('C-c');
      expect(await s.exitCode()).toBe(130);
    });
  }
});
