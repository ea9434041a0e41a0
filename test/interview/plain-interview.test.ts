/**
 * `sciatica-screen interview --plain` in-process, typed line by line as a screen-reader user
 * would (the CLI's own plain prompter over its line prompts, a fake terminal for stdin/stdout):
 * every question type, a reply refused with one line and the question again, "b" to go back, the
 * default in brackets, the review, the handout offer and the file it writes, end of input (Ctrl+D),
 * and a `--report` file that could never be written refused before any question.
 * The same session through a real terminal is in test/e2e (tmux); this one is counted by coverage.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SMALL = join(import.meta.dirname, 'fixtures', 'small.yaml');

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'sciatica-plain-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** A plain interview of the small questionnaire with these lines typed (and then end of input). */
function plain(lines: readonly string[], extra: readonly string[] = []) {
  return runCli(['interview', '--plain', '--questionnaire', SMALL, ...extra], { tty: true, cwd: home, env: { HOME: home }, stdin: `${lines.join('\n')}\n` });
}

/** The lines shown in a row, each followed by a newline (the person's typing is echoed by the terminal, not by the tool). */
const block = (...lines: string[]) => lines.join('\n');

describe('a --plain interview typed line by line', () => {
  it('numbers every answer, refuses a wrong reply with one line, goes back with b, offers the last answer, reviews, and writes the handout', async () => {
    const typed = [
      '5', '1', // leg pain: 5 is not an answer; 1 = Yes
      'b', '', // which leg: back; at leg pain again Enter keeps (1)
      '1', '2', // one leg; saddle numbness: No
      'abc', '12', '40', // age: not a number, below the minimum, then 40
      '11', '5', // pain: above 10, then 5
      '0 1', '9', '1 3', // tried: "none" with an answer, out of range, then Rest and Exercise
      '9', '4', 'b', // review: no such line; change age, then b keeps it
      '3', '', // change saddle numbness: Enter keeps (2)
      '', // review: see the result
      'maybe', 'y', '', // handout: not y/n, yes, the name offered
      'n', // do not save the answers
    ];
    const r = await plain(typed);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(
      block(
        'Question 1, about 5 left',
        'Does your pain go down a leg, below the knee?',
        'Help: This kind of pain is often called sciatica.',
        '1. Yes',
        '2. No',
        'Your answer, 1 to 2: > Please type a number from 1 to 2',
        'Your answer, 1 to 2: ',
      ),
    );
    // Back from the second question: the first again, the answer given offered as the default.
    expect(out).toContain(block('b. Back to the previous question', 'Your answer, 1 to 2: ', 'Question 1, about 5 left'));
    expect(out).toContain('Your answer, 1 to 2: (1) \n');
    expect(out).toContain(
      block(
        'Type a whole number from 16 to 110 (years), or b to go back: > Please type a number from 16 to 110',
        'Type a whole number from 16 to 110 (years), or b to go back: > The lowest possible answer is 16',
      ),
    );
    expect(out).toContain('0 = no pain; 10 = the worst pain you can imagine\nType a whole number from 0 to 10, or b to go back: > The highest possible answer is 10\n');
    expect(out).toContain(
      block(
        '1. Rest',
        '2. Painkillers',
        '3. Exercise',
        '0. None of these',
        'b. Back to the previous question',
        'Your answers (numbers separated by spaces; Enter to skip): > 0 (none of these) cannot go with other answers',
        'Your answers (numbers separated by spaces; Enter to skip): > Please type numbers from 0 to 3',
      ),
    );
    expect(out).toContain(
      block(
        'Check your answers:',
        '1. Does your pain go down a leg, below the knee? Answer: Yes',
        '2. Which leg does the pain go down? Answer: One leg only',
        '3. Is any skin between your legs numb? Answer: No',
        '4. How old are you? Answer: 40 years',
        '5. How bad was your leg pain at its worst? Answer: 5 out of 10',
        '6. What have you tried for the pain? Answer: Rest, Exercise',
        'Type a number from 1 to 6 to change that answer, or press Enter to see your',
        'result: > Please type a number from 1 to 6, or press Enter',
      ),
    );
    // From the review, b returns to it and Enter keeps the answer: the review shows the same answers.
    expect(out).toContain('Changing question 4\nHow old are you?\nType a whole number from 16 to 110 (years), or b to return to the review: (40) \n');
    expect(out).toContain('b. Back to the review (keep this answer)\nYour answer, 1 to 3: (2) \n');
    expect(out.split('4. How old are you? Answer: 40 years')).toHaveLength(4);
    expect(out).toContain('Massage is a reasonable complement to your care');
    expect(out).toContain('doctor? (y/N) > Please type y for yes or n for no\n');
    // The prompts end where the person types (the terminal echoes the reply and its newline).
    expect(out).toContain(
      'doctor? (y/N) File name (.html for a printable page, .md for text): (~/sciatica-screen-handout.html) Your handout is in ~/sciatica-screen-handout.html (readable only by you). Print\nit, or show it to your therapist or doctor.\n',
    );
    // Not one cursor-control or colour code: it must work with a screen reader and TERM=dumb.
    expect(out).not.toContain('\u001b');

    const handout = join(home, 'sciatica-screen-handout.html');
    expect((await stat(handout)).mode & 0o777).toBe(0o600);
    const html = await readFile(handout, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Massage is a reasonable complement to your care');
    expect(html).toContain('Rest, Exercise');
  });

  it('an emergency: the offer is for a page to show the staff, and its name does not replace an earlier handout', async () => {
    await writeFile(join(home, 'sciatica-screen-handout.html'), 'an earlier handout');
    const r = await plain(['2', '1', 'y', '', 'n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WHAT TO DO NOW: Go to A&E now or call 999');
    expect(r.stdout).toContain('Write a page with this result and your answers, to show the staff? (y/N) ');
    expect(r.stdout).toContain('(~/sciatica-screen-handout-2.html)');
    expect(r.stdout).toMatch(/Your handout is in ~\/sciatica-screen-handout-2\.html \(readable only by you\)\.\sShow\sit to the staff\.\n/);
    expect(await readFile(join(home, 'sciatica-screen-handout.html'), 'utf8')).toBe('an earlier handout');
    expect(await readFile(join(home, 'sciatica-screen-handout-2.html'), 'utf8')).toContain('Go to A&amp;E now or call 999');
  });

  it('a name typed for the handout decides its form: .md is Markdown; an existing file is replaced only when agreed', async () => {
    await writeFile(join(home, 'mine.md'), 'keep me');
    const r = await plain(['2', '1', 'y', 'mine.md', 'n', 'mine.md', 'y', 'n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mine.md already exists. Replace it? (y/N) ');
    expect(r.stdout.split('File name (.html for a printable page, .md for text):')).toHaveLength(3);
    expect(r.stdout).toContain('Your handout is in mine.md (readable only by you).');
    const md = await readFile(join(home, 'mine.md'), 'utf8');
    expect(md).toMatch(/^\*\*SHOW THIS TO THE STAFF\*\*\n\n# Go to A&amp;E now or call 999\n/);
  });

  it('--report FILE: the handout is written at the end without asking', async () => {
    const r = await plain(['2', '1', 'n'], ['--report', 'page.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Write a page');
    expect(r.stdout).toContain('Your handout is in page.md (readable only by you). Show it to the staff.');
    expect(await readFile(join(home, 'page.md'), 'utf8')).toContain('# Go to A&amp;E now or call 999');
  });

  it('end of input (Ctrl+D) at a question stops at once: exit 130, one line saying nothing was saved', async () => {
    const r = await plain(['1']);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Which leg does the pain go down?');
    expect(r.stderr).toBe('sciatica-screen: stopped; your answers were not saved (use --save FILE to keep\nthem)\n');
  });

  it('a reply longer than any answer (a paste by mistake) is refused unread, and the question asked again', async () => {
    const r = await plain(['1', 'x'.repeat(1001), '1']);
    expect(r.stdout).toContain('Your answer, 1 to 2: > That is 1001 characters: too long for an answer here\nYour answer, 1 to 2: \n');
    expect(r.stdout).toContain('Is any skin between your legs numb?');
  });

  it('end of input at the handout offer: one line saying no handout was written, exit 130', async () => {
    const r = await plain(['2', '1']);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('sciatica-screen: stopped; no handout was written\n');
  });
});

describe('a --report file that could never be written is refused before any question (exit 73)', () => {
  it('an existing file without --force, a folder, a folder that does not exist', async () => {
    await writeFile(join(home, 'old.html'), 'x');
    await mkdir(join(home, 'folder'));
    const cases: Array<[string, string]> = [
      ['old.html', 'cannot write old.html: the file already exists (use --force to replace it)'],
      ['folder', 'cannot write folder: it is a folder'],
      ['nowhere/page.html', 'cannot write nowhere/page.html: the folder does not exist'],
    ];
    for (const [report, line] of cases) {
      const r = await plain(['1'], ['--report', report]);
      expect(r).toEqual({ code: 73, stdout: '', stderr: `sciatica-screen: ${line}\n` });
    }
  });

  it('with --force an existing --report file is replaced', async () => {
    await writeFile(join(home, 'old.html'), 'x');
    const r = await plain(['2', '1', 'n'], ['--report', 'old.html', '--force']);
    expect(r.code).toBe(0);
    expect(await readFile(join(home, 'old.html'), 'utf8')).toContain('Go to A&amp;E now or call 999');
  });
});
