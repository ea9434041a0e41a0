/**
 * What leaves the interview, tested where the person meets it (the built binary in tmux): the
 * answers file is the documented format (schema/answers.schema.json) and round-trips: interview →
 * file → `evaluate` → `batch` give the same Result byte for byte; `--report FILE` writes the
 * handout (0600), refused before any question when it would replace a file; without it the
 * handout is offered at the end, and an emergency one is for the staff.
 */
import { lstat, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { answerAll, waitForPrompt } from '../e2e/interview-driver.js';
import { hasTmux, TmuxSession } from '../e2e/tmux.js';
import { BIN, runBin } from '../helpers/spawn-bin.js';
import { caseWith, loadCases, type Case } from './cases.js';

const SCHEMA = new URL('../../schema/answers.schema.json', import.meta.url);
const ENV = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1796040000' }; // 2026-11-30T12:00:00Z

/** A vignette's answers on its path, in the order the interview asks them. */
function inAskedOrder(c: Case): Record<string, string | number> {
  return Object.fromEntries(c.result.path.filter((id) => c.raw[id] !== undefined).map((id) => [id, c.raw[id] as string | number]));
}

describe.skipIf(!hasTmux())('exports from the interview (tmux)', { timeout: 90_000 }, () => {
  let qn: Questionnaire;
  let cases: Case[];
  let dir: string;
  let session: TmuxSession | undefined;
  beforeAll(async () => {
    ({ questionnaire: qn, cases } = await loadCases());
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-exports-'));
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  const start = async (args: string[]): Promise<TmuxSession> => {
    session = await TmuxSession.start([process.execPath, BIN, ...args], { cwd: dir, env: ENV });
    return session;
  };

  it('round trip: the interview writes the documented answers file; evaluate and batch read it and give the same result; --report writes the handout', async () => {
    const c = caseWith(cases, 'massage_ok');
    const s = await start(['--save', 'a.json', '--report', 'handout.html']);
    await answerAll(s, qn, inAskedOrder(c));
    await waitForPrompt(s, '? Check your answers');
    await s.keys('Enter');
    await s.waitFor('Your answers are saved in a.json');
    expect(await s.exitCode()).toBe(0);
    expect(await s.screen()).toContain('Your handout is in handout.html (readable only by you).');

    const text = await readFile(join(dir, 'a.json'), 'utf8');
    const doc = JSON.parse(text) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true });
    const valid = ajv.validate(JSON.parse(await readFile(SCHEMA, 'utf8')) as object, doc);
    expect(ajv.errors ?? [], 'the file matches schema/answers.schema.json').toEqual([]);
    expect(valid).toBe(true);
    expect(doc).toMatchObject({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: qn.id, version: qn.version, complete: true, savedAt: '2026-11-30T12:00:00.000Z' });

    const evaluated = await runBin(['evaluate', 'a.json', '--format', 'json'], { cwd: dir });
    expect(evaluated.stderr).toBe('');
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ disposition: 'massage_ok' });
    await writeFile(join(dir, 'in.jsonl'), `${JSON.stringify(doc)}\n`);
    for (const jobs of ['1', '2']) {
      const batch = await runBin(['batch', 'in.jsonl', '--full', '--jobs', jobs], { cwd: dir });
      expect(batch.code).toBe(0);
      expect(`${JSON.stringify((JSON.parse(batch.stdout) as { result: unknown }).result, null, 2)}\n`).toBe(evaluated.stdout);
    }

    const handout = await readFile(join(dir, 'handout.html'), 'utf8');
    expect((await lstat(join(dir, 'handout.html'))).mode & 0o777).toBe(0o600);
    expect(handout).toContain('Massage is a reasonable complement');
    expect(handout).toContain('30 November 2026');
    expect(handout).toContain('For the massage therapist');
  });

  it('--report naming an existing file without --force: refused before any question, exit 73, the file kept', async () => {
    await writeFile(join(dir, 'mine.html'), 'keep me');
    const s = await start(['--report', 'mine.html']);
    expect(await s.exitCode()).toBe(73);
    expect(await s.screen()).toContain('sciatica-screen: cannot write mine.html: the file already exists (use --force to replace it)');
    expect(await readFile(join(dir, 'mine.html'), 'utf8')).toBe('keep me');
  });

  it('without --report the handout is offered at the end; an emergency handout is for the staff, with no massage cautions', async () => {
    const c = caseWith(cases, 'emergency');
    const s = await start([]);
    await answerAll(s, qn, inAskedOrder(c));
    await waitForPrompt(s, '? Write a page with this result and your answers, to show the staff?');
    await s.keys('y', 'Enter');
    await waitForPrompt(s, '? File name');
    await s.keys('C-u');
    await s.type('for-the-staff.md');
    await s.keys('Enter');
    await s.waitFor('Your handout is in for-the-staff.md');
    await waitForPrompt(s, '? Save your answers to a file');
    await s.keys('Enter');
    expect(await s.exitCode()).toBe(0);
    const md = await readFile(join(dir, 'for-the-staff.md'), 'utf8');
    expect(md.startsWith('**SHOW THIS TO THE STAFF**')).toBe(true);
    expect(md).toContain(`# ${c.result.title.replace(/&/g, '&amp;')}`);
    expect(md).not.toContain('For the massage therapist');
    expect((await lstat(join(dir, 'for-the-staff.md'))).mode & 0o777).toBe(0o600);
  });
});
