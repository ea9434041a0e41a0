/**
 * The handout step at the end of the interview, through the Prompter interface (a scripted
 * person): when the file cannot be written it says why and offers another name; the person can
 * decline; Ctrl+C stops with the signal's exit code and one line; without a home folder the name
 * offered is in the working folder. (The whole plain interview: ./plain-interview.test.ts.)
 */
import { Chalk } from 'chalk';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { handoutStep, type HandoutStepOptions } from '../../src/interview/handout-offer.js';
import { createScreens } from '../../src/interview/screens.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Answers } from '../../src/questionnaire/model.js';
import { scriptedPrompter, type Step } from './scripted-prompter.js';

const SMALL = join(import.meta.dirname, 'fixtures', 'small.yaml');
const questionnaire = await loadQuestionnaire(SMALL);
const answers: Answers = { leg_pain: 'no', saddle_numbness: 'no', age: 40, pain_intensity: 3, tried: [] };
const result = evaluate(questionnaire, answers);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-handout-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function step(script: Step[], opts: Partial<HandoutStepOptions> = {}, signal?: AbortSignal) {
  const prompter = scriptedPrompter(script);
  let shown = '';
  const errors: string[] = [];
  const screens = createScreens((t) => (shown += t), { chalk: new Chalk({ level: 0 }), plain: true, width: 200 }, () => 'RESULT\n');
  const code = await handoutStep(
    { questionnaire, force: false, cwd: dir, home: dir, now: () => new Date('2026-03-01T10:00:00Z'), ...opts },
    { prompter, screens, errorLine: (t) => errors.push(t), ...(signal ? { signal } : {}) },
    answers,
    result,
  );
  return { code, shown, errors, asked: prompter.seen.map((s) => s.message), left: prompter.left() };
}

describe('the handout offer', () => {
  it('a name in a folder that does not exist: says why, asks for another name, and writes that one', async () => {
    const r = await step([{ confirm: true }, { text: 'gone/page.md' }, { confirm: true }, { text: 'page.md' }]);
    expect(r.code).toBeUndefined();
    expect(r.shown).toContain('Could not write the handout to gone/page.md: the folder does not exist.');
    expect(r.asked).toEqual([
      'Write a handout with this result and your answers, to show your therapist or doctor?',
      'File name (.html for a printable page, .md for text):',
      'Try another file name?',
      'File name (.html for a printable page, .md for text):',
    ]);
    expect(r.shown).toContain('Your handout is in page.md (readable only by you). Print it, or show it to your therapist or doctor.');
    expect(await readFile(join(dir, 'page.md'), 'utf8')).toContain('# Massage is a reasonable complement to your care');
  });

  it('the person may give up after a failed write: nothing is written, the interview goes on', async () => {
    const r = await step([{ confirm: true }, { text: 'gone/page.md' }, { confirm: false }]);
    expect(r).toMatchObject({ code: undefined, errors: [], left: 0 });
    expect(r.shown).not.toContain('Your handout is in');
  });

  it('an existing name is replaced only on "yes"; "no" asks for the name again', async () => {
    await writeFile(join(dir, 'old.md'), 'keep');
    const r = await step([{ confirm: true }, { text: 'old.md' }, { confirm: false }, { text: 'old.md' }, { confirm: true }]);
    expect(r.asked.filter((m) => m === 'old.md already exists. Replace it?')).toHaveLength(2);
    expect(await readFile(join(dir, 'old.md'), 'utf8')).toContain('Massage is a reasonable complement to your care');
  });

  it('--report FILE that can no longer be written at the end (its folder was removed): says so and offers another file, "yes" by default', async () => {
    // (checked before the first question; the folder is gone by the time the step writes)
    const r = await step([{ confirm: true }, { text: 'here.html' }], { report: 'sub/page.html' });
    expect(r.shown).toContain('Could not write the handout to sub/page.html: the folder does not exist.');
    expect(r.asked[0]).toBe('Write the handout to another file?');
    expect(await readFile(join(dir, 'here.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('without a home folder the name offered is handout.html (in the working folder)', async () => {
    const prompter = scriptedPrompter([{ confirm: true }, { text: 'handout.html' }]);
    let offered = '';
    const text = prompter.text.bind(prompter);
    prompter.text = (m, d) => ((offered = d), text(m, d));
    const screens = createScreens(() => undefined, { chalk: new Chalk({ level: 0 }), plain: true, width: 200 }, () => 'RESULT\n');
    await handoutStep({ questionnaire, force: false, cwd: dir, now: () => new Date() }, { prompter, screens, errorLine: () => undefined }, answers, result);
    expect(offered).toBe('handout.html');
    expect(await readFile(join(dir, 'handout.html'), 'utf8')).toContain('Massage is a reasonable complement to your care');
  });

  it('Ctrl+C at the offer: one line, no handout, the exit code of the signal (130; 143 for SIGTERM; 129 for SIGHUP)', async () => {
    const r = await step([{ confirm: 'ctrl-c' }]);
    expect(r.code).toBe(130);
    expect(r.errors).toEqual(['sciatica-screen: stopped; no handout was written']);
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      const stop = new AbortController();
      stop.abort({ signal });
      expect((await step([{ confirm: true }, { text: 'ctrl-c' }], {}, stop.signal)).code).toBe(code);
    }
  });

  it('an error that is not the person stopping is not swallowed', async () => {
    const prompter = scriptedPrompter([]);
    const screens = createScreens(() => undefined, { chalk: new Chalk({ level: 0 }), plain: true, width: 200 }, () => 'RESULT\n');
    await expect(handoutStep({ questionnaire, force: false, cwd: dir, now: () => new Date() }, { prompter, screens, errorLine: () => undefined }, answers, result)).rejects.toThrow(
      /the script ended but the interview asked to confirm/,
    );
  });
});
