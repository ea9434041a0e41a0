/**
 * The interview on a full disk (issue 11.4), as a person meets it: the built binary in tmux,
 * `--save` into a real 64 KiB tmpfs that fills up mid-interview. The last good save stays whole
 * (no partial file, no temporary file left), the person is told once and the interview goes on,
 * and at the end the answers are saved elsewhere: nothing answered is lost. Needs root to mount
 * (CI is root); elsewhere it is reported as skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_QUESTIONNAIRE } from '../../src/cli/io.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { BIN } from '../helpers/spawn-bin.js';
import { answerAll, question, waitForPrompt, waitForQuestion } from '../e2e/interview-driver.js';
import { hasTmux, TmuxSession } from '../e2e/tmux.js';

const dir = await mkdtemp(join(tmpdir(), 'sciatica-full-disk-'));
const disk = join(dir, 'disk');
await mkdir(disk);
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;
afterAll(async () => {
  if (mounted) spawnSync('umount', ['-l', disk]);
  await rm(dir, { recursive: true, force: true });
});

/** Fills the filesystem at `path` to the last byte. */
async function fill(path: string): Promise<void> {
  const block = Buffer.alloc(4096, 120);
  for (let i = 0; ; i++) {
    try {
      await writeFile(join(path, `filler-${i}`), block);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
      throw e;
    }
  }
  // The last partial block too: a small file of a few bytes still fits in a fresh inode otherwise.
  for (let n = 2048; n >= 1; n = Math.floor(n / 2)) {
    try {
      await writeFile(join(path, `filler-tail-${n}`), block.subarray(0, n));
    } catch {
      /* full */
    }
  }
}

describe.skipIf(!hasTmux() || !mounted)('the interview when the disk fills up (tmux, a real tmpfs)', { timeout: 90_000 }, () => {
  let qn: Questionnaire;
  let session: TmuxSession | undefined;
  beforeAll(async () => {
    qn = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
  });
  afterEach(async () => {
    await session?.kill();
    session = undefined;
  });

  it('the last good save stays whole, the person is told once, and saves everything elsewhere at the end', async () => {
    const s = (session = await TmuxSession.start([process.execPath, BIN, '--save', 'disk/a.json'], { cwd: dir, env: { HOME: dir, NO_COLOR: '1' } }));
    await answerAll(s, qn, { leg_pain: 'yes', pain_side: 'one_leg' });
    await waitForQuestion(s, question(qn, 'bilateral_neuro'));
    const before = await readFile(join(disk, 'a.json'), 'utf8');
    expect((JSON.parse(before) as { answers: unknown }).answers).toEqual({ leg_pain: 'yes', pain_side: 'one_leg' });

    await fill(disk);
    await answerAll(s, qn, { bilateral_neuro: 'no', saddle_numbness: 'no' });
    let screen = await s.waitFor('could not be saved in disk/a.json');
    expect(screen.replace(/\s+/g, ' ')).toContain('Your answers could not be saved in disk/a.json: the disk is full. The interview goes on; you can save them in another file at the end.');
    // The file on the full disk is the last good save, whole; no temporary file beside it.
    expect(await readFile(join(disk, 'a.json'), 'utf8')).toBe(before);
    expect((await readdir(disk)).filter((f) => !f.startsWith('filler-'))).toEqual(['a.json']);

    // Said once: the next answers fail to save too, without another note.
    await answerAll(s, qn, { bladder_change: 'yes' });
    await waitForPrompt(s, '? Write a'); // the emergency result, then the handout offer (no is the default)
    await s.keys('Enter');
    screen = await waitForPrompt(s, '? Save your answers in another file?');
    // Once during the interview (the end restates it before offering another file).
    expect(screen.replace(/\s+/g, ' ').split('The interview goes on').length - 1).toBe(1);
    expect(screen.replace(/\s+/g, ' ')).toContain('Your answers could not be saved in disk/a.json: the disk is full.');
    await s.keys('Enter'); // yes is the default here
    await waitForPrompt(s, '? File name:');
    await s.type('~/kept.json');
    await s.keys('Enter');
    await s.waitFor('Saved your answers in ~/kept.json');
    expect(await s.exitCode()).toBe(0);
    const kept = JSON.parse(await readFile(join(dir, 'kept.json'), 'utf8')) as { answers: Record<string, unknown> };
    expect(kept.answers).toMatchObject({ leg_pain: 'yes', pain_side: 'one_leg', bilateral_neuro: 'no', saddle_numbness: 'no', bladder_change: 'yes' });
    expect(await readFile(join(disk, 'a.json'), 'utf8')).toBe(before);
  });
});
