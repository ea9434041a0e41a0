/**
 * The built binary (`npm run build` first; `npm test` does it) in a real pseudo-terminal via tmux,
 * with the bundled questionnaire: what a person sees and what file is written.
 * The binary's environment is exactly what each test passes (see ./tmux.ts); the first test sets
 * CI=true to show that CI alone does not make the interview refuse a real terminal.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { reviewQuestion } from '../../src/interview/format-answer.js';
import { BIN } from '../helpers/spawn-bin.js';
import { answer, answerAll, lastPrompt, question, waitForPrompt, waitForQuestion } from './interview-driver.js';
import { hasTmux, TmuxSession } from './tmux.js';

/** A 38-year-old with improving one-leg sciatica, examined, no warning signs (test/cases baseline),
 * in the order the questionnaire asks. */
const BASELINE = {
  leg_pain: 'yes',
  pain_side: 'one_leg',
  bilateral_neuro: 'no',
  saddle_numbness: 'no',
  bladder_change: 'no',
  bowel_change: 'no',
  sexual_dysfunction: 'no',
  walking_difficulty: 'no',
  previous_ces: 'no',
  leg_weakness: 'none',
  numbness_leg: 'no',
  pain_trend: 'improving',
  pain_intensity: 4,
  duration: 'under_6_weeks',
  breathless_chest_pain: 'no',
  calf_swelling: 'no',
  fever: 'no',
  iv_drug_use: 'no',
  immunosuppressed: 'no',
  spinal_procedure: 'no',
  cancer_history: 'no',
  night_pain: 'no',
  thoracic_pain: 'no',
  weight_loss: 'no',
  back_lump: 'no',
  rash: 'no',
  trauma: 'no',
  osteoporosis: 'no',
  steroids: 'no',
  age: 38,
  previously_assessed: 'yes',
  pregnant: 'no',
  anticoagulants: 'no',
  antiplatelets: 'no',
  bleeding_disorder: 'no',
  recent_surgery: 'no',
  skin_problem: 'no',
  varicose_veins: 'no',
  scent_sensitivity: 'no',
} as const;

const ENV = { NO_COLOR: '1' };

describe.skipIf(!hasTmux())('the interview in a real terminal (tmux)', { timeout: 60_000 }, () => {
  let qn: Questionnaire;
  let dir: string;
  let session: TmuxSession | undefined;

  beforeAll(async () => {
    qn = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-interview-'));
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (args: string[], env: Record<string, string> = ENV, size: { width?: number; height?: number } = {}): Promise<TmuxSession> => {
    session = await TmuxSession.start([process.execPath, BIN, ...args], { cwd: dir, env, ...size });
    return session;
  };
  const savedFile = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as { questionnaire: string; version: string; answers: Record<string, unknown> };
  const modeOf = async (name: string) => (await stat(join(dir, name))).mode & 0o777;

  it('a massage_ok path: every question, the review, the result in words, the answers saved 0600 (CI=true does not refuse a terminal)', async () => {
    const s = await start(['--save', 'answers.json'], { ...ENV, CI: 'true' });
    await s.waitFor('Question 1 · about');
    // The count never goes up and has gone down by the third question (it once said "about 29
    // left" all along). From 1.1.0 "which leg" may bring one more question (when both legs began),
    // so the first two questions can show the same count.
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg' });
    const counts = (await s.waitFor('Question 3 · about')).split('\n').filter((l) => l.startsWith('Question ')).map((l) => Number(/about (\d+) left/.exec(l)?.[1]));
    expect(counts[1]).toBeLessThanOrEqual(counts[0] ?? 0);
    expect(counts[2]).toBeLessThan(counts[1] ?? 0);
    const { leg_pain: _first, pain_side: _second, ...rest } = BASELINE;
    await answerAll(s, qn, rest);
    let screen = await s.waitFor('? Check your answers');
    // The review names each question by its label and each answer in its words, never by id.
    expect(screen).toContain(`1. ${reviewQuestion(question(qn, 'leg_pain'))}  → Yes`);
    expect(screen).not.toMatch(/leg_pain|one_leg|unsure/);
    expect(screen).toContain('→ 38 years');
    await s.keys('Enter'); // "These are right: show my result" is first
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    screen = await s.waitFor('Your answers are saved in answers.json');
    expect(screen).toContain('Massage is a reasonable complement');
    expect(screen).toContain('because:');
    expect(screen).toContain('not a diagnosis or medical advice');
    expect(await s.exitCode()).toBe(0);
    expect(await savedFile('answers.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'sciatica-massage', version: qn.version, complete: true, savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), answers: BASELINE });
    expect(await modeOf('answers.json')).toBe(0o600);
    // NO_COLOR: not one colour escape on the screen.
    expect(await s.rawScreen()).not.toMatch(/\x1b\[[0-9;]*[3-4][0-9]m/);
  });

  it('an emergency answer stops at once: what to do now first, then the result; no more questions, only the offer to save', async () => {
    const s = await start([]);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'yes' });
    const screen = await s.waitFor('not a diagnosis or medical advice');
    const emergency = qn.outcomes.find((o) => o.stop);
    const now = screen.indexOf('WHAT TO DO NOW');
    expect(now).toBeGreaterThan(-1);
    expect(screen.indexOf(emergency?.title ?? '?', now)).toBeGreaterThan(now);
    expect(screen.indexOf('because:')).toBeGreaterThan(now);
    expect(screen).not.toContain(question(qn, 'bladder_change').text.slice(0, 40));
    expect(screen).not.toContain('Check your answers');
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    await waitForPrompt(s, '? Save your answers to a file (to show them at the hospital or to your doctor)?');
    await s.keys('Enter'); // no is the default
    expect(await s.exitCode()).toBe(0);
    expect((await s.screen()).split('\n').at(-2)).toBe(`WHAT TO DO NOW: ${emergency?.title ?? '?'}`);
  });

  it('going back re-asks the previous question with its answer; a changed answer drops the ones that no longer apply', async () => {
    const s = await start(['--save', 'answers.json']);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg' });
    const bothLegs = question(qn, 'bilateral_neuro');
    await waitForQuestion(s, bothLegs);
    await s.type('4'); // Yes, No, Not sure, ← Back
    await s.keys('Enter');
    let screen = await waitForQuestion(s, question(qn, 'pain_side'));
    expect(screen.split('\n').at(-1 - screen.split('\n').reverse().findIndex((l) => l.startsWith('❯')))).toBe('❯ One leg only');
    await s.type('4'); // one_leg, both_legs, alternating, ← Back
    await s.keys('Enter');
    screen = await waitForQuestion(s, question(qn, 'leg_pain'));
    expect(screen).toContain('Question 1 ·');
    await answer(s, question(qn, 'leg_pain'), 'no');
    screen = await waitForQuestion(s, question(qn, 'thigh_pain'));
    expect(screen.split('\n').filter((l) => l.startsWith('Question ')).at(-1)).toMatch(/^Question 2 · about \d+ left$/);
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect((await savedFile('answers.json')).answers).toEqual({ leg_pain: 'no' });
  });

  it('the review lists every answer; changing one there updates the path, then the result', async () => {
    await writeFile(join(dir, 'done.json'), JSON.stringify({ questionnaire: 'sciatica-massage', version: qn.version, answers: BASELINE }));
    const s = await start(['--resume', 'done.json']);
    let screen = await s.waitFor('? Check your answers');
    expect(screen).toContain(`Continuing from done.json: ${Object.keys(BASELINE).length} answers so far.`);
    expect(screen).toContain(`2. ${reviewQuestion(question(qn, 'pain_side'))}  → One leg only`);
    await s.type('2'); // entry 1 (leg_pain) is the second item after "These are right"
    await s.keys('Enter');
    await answer(s, question(qn, 'leg_pain'), 'no');
    // "No" brings a question that was not on the path: the buttock or thigh.
    await answer(s, question(qn, 'thigh_pain'), 'no');
    screen = await waitForPrompt(s, '? Check your answers');
    const review = screen.slice(screen.lastIndexOf('? Check your answers'));
    expect(review).toContain(`1. ${reviewQuestion(question(qn, 'leg_pain'))}  → No`);
    expect(review).not.toContain(`${reviewQuestion(question(qn, 'pain_side'))}  →`);
    expect(review).toContain(`2. ${reviewQuestion(question(qn, 'thigh_pain'))}  → No`);
    expect(review).toContain(`3. ${reviewQuestion(question(qn, 'bilateral_neuro'))}  →`);
    await s.keys('Enter');
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    screen = await s.waitFor('? Save your answers to a file');
    expect(screen).toContain('not a diagnosis or medical advice');
    await s.keys('y', 'Enter');
    await s.waitFor('? File name:');
    await s.type('new.json');
    await s.keys('Enter');
    await s.waitFor('Saved your answers in new.json');
    expect(await s.exitCode()).toBe(0);
    const saved = await savedFile('new.json');
    expect(saved.answers.leg_pain).toBe('no');
    expect(saved.answers).not.toHaveProperty('pain_side');
    expect(await modeOf('new.json')).toBe(0o600);
  });

  it('resumes a partial file at the next question, with back to the saved answers; Ctrl+C without --save says nothing was saved', async () => {
    const partial = { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'no', bladder_change: 'no', bowel_change: 'no' };
    await writeFile(join(dir, 'partial.json'), JSON.stringify({ questionnaire: 'sciatica-massage', version: qn.version, answers: partial }));
    const s = await start(['--resume', 'partial.json']);
    let screen = await waitForQuestion(s, question(qn, 'sexual_dysfunction'));
    expect(screen).toContain('Continuing from partial.json: 6 answers so far.');
    expect(screen).toMatch(/Question 7 · about \d+ left/);
    await s.type('4'); // Yes, No, Not sure, ← Back
    await s.keys('Enter');
    screen = await waitForQuestion(s, question(qn, 'bowel_change'));
    expect(screen.split('\n').filter((l) => l.startsWith('❯')).at(-1)).toBe('❯ No');
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    screen = await s.screen();
    expect(screen).toContain('sciatica-screen: stopped; your answers were not saved (use --save FILE to keep them)');
    expect(lastPrompt(screen)).not.toMatch(/^\? Save/);
  });

  it('Ctrl+C keeps the answers given so far in the --save file (0600) and says so in one line', async () => {
    const s = await start(['--save', 'keep.json']);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'no' });
    await waitForQuestion(s, question(qn, 'bladder_change'));
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect((await s.screen()).replace(/\s+/g, ' ')).toContain(
      `sciatica-screen: stopped; your answers so far are saved in keep.json (continue with: node ${BIN} --resume keep.json --save keep.json)`,
    );
    expect(await savedFile('keep.json')).toEqual({
      format: 'sciatica-screen/answers',
      formatVersion: 1,
      questionnaire: 'sciatica-massage',
      version: qn.version,
      complete: false,
      savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      answers: { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'no' },
    });
    expect(await modeOf('keep.json')).toBe(0o600);
  });

  it('SIGINT from outside a prompt (kill -INT, not a key in the prompt) still saves, says so in one line and exits 130', async () => {
    const s = await start(['--save', 'kept.json']);
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no' });
    await waitForQuestion(s, question(qn, 'saddle_numbness'));
    await s.signal('SIGINT');
    expect(await s.exitCode()).toBe(130);
    const screen = (await s.screen()).replace(/\s+/g, ' ');
    expect(screen).toContain(
      `sciatica-screen: stopped; your answers so far are saved in kept.json (continue with: node ${BIN} --resume kept.json --save kept.json) [exit 130]`,
    );
    expect((await savedFile('kept.json')).answers).toEqual({ leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no' });
  });

  it('a 60×20 terminal: questions wrap between words, and after an emergency the last line on screen says what to do now', async () => {
    const s = await start([], ENV, { width: 60, height: 20 });
    let screen = await waitForQuestion(s, question(qn, 'leg_pain'));
    expect(screen).toContain('? Does your pain spread from your back or buttock down into\na leg, below the knee?');
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'yes' });
    await waitForPrompt(s, '? Write a'); // the handout offer (no is the default)
    await s.keys('Enter');
    await waitForPrompt(s, '? Save your answers');
    await s.keys('Enter');
    expect(await s.exitCode()).toBe(0);
    screen = await s.visible();
    expect(screen).not.toContain('━━━'); // the banner itself has scrolled out of sight…
    expect(screen).toMatch(/WHAT TO DO NOW: Go to A&E now or call 999\n\[exit 0\]$/); // …so it is said again, last
  });

  it('--plain: numbered answers typed as numbers, no symbols, no colour, not one escape code (raw bytes)', async () => {
    const log = join(dir, 'raw.log');
    session = await TmuxSession.start([process.execPath, BIN, '--plain'], { cwd: dir, env: {}, rawLog: log });
    const s = session;
    let screen = await s.waitFor('Your answer, 1 to 2:');
    expect(screen).toContain('Question 1, about');
    expect(screen).toContain('1. Yes\n2. No');
    expect(screen).not.toMatch(/[❯✔◯←]/);
    await s.type('7');
    await s.keys('Enter');
    await s.waitFor('Please type a number from 1 to 2');
    await s.type('1'); // leg pain: Yes
    await s.keys('Enter');
    screen = await s.waitFor('Your answer, 1 to 3:'); // which leg: three entries
    expect(screen).toContain('b. Back to the previous question');
    await s.type('1'); // one leg
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:', { count: 2 }); // both legs: Yes, No, Not sure
    await s.type('2');
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:', { count: 3 }); // numbness between the legs
    await s.type('1');
    await s.keys('Enter');
    screen = await s.waitFor('not a diagnosis or medical advice');
    expect(screen).toContain('WHAT TO DO NOW: Go to A&E now or call 999');
    await s.waitFor('to show the staff? (y/N)'); // the handout offer
    await s.keys('Enter');
    await s.waitFor('(to show them at the hospital or to your doctor)? (y/N)');
    await s.keys('Enter');
    expect(await s.exitCode()).toBe(0);
    const raw = await readFile(log, 'latin1');
    expect(raw).toContain('Your answer, 1 to 2:');
    expect(raw.includes('\x1b'), `an escape code was sent: ${JSON.stringify(raw.slice(Math.max(0, raw.indexOf('\x1b') - 20), raw.indexOf('\x1b') + 20))}`).toBe(false);
  });

  it('TERM=dumb gives the plain interview too: lines only (no escape code), Ctrl+C stops with one line', async () => {
    const log = join(dir, 'raw.log');
    session = await TmuxSession.start([process.execPath, BIN, '--save', 'd.json'], { cwd: dir, env: { TERM: 'dumb' }, rawLog: log });
    const s = session;
    const screen = await s.waitFor('Your answer, 1 to 2:');
    expect(screen).toContain('1. Yes\n2. No');
    await s.type('1');
    await s.keys('Enter');
    await s.waitFor('Your answer, 1 to 3:');
    await s.keys('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(await s.screen()).toContain('sciatica-screen: stopped; your answers so far are saved in d.json');
    expect((await savedFile('d.json')).answers).toEqual({ leg_pain: 'yes' });
    expect((await readFile(log, 'latin1')).includes('\x1b')).toBe(false);
  });
});
