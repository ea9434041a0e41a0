/**
 * The `--save` file (src/interview/answers-file.ts), written after every answer: what it holds,
 * its mode, and what it refuses to write over, each with the phrase the interview prints after
 * "cannot save to FILE:" (exit 73). Nothing is ever written through a symbolic link or over a file
 * that took its place since the last save, and no temporary file is left behind.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswersFile } from '../../src/interview/answers-file.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';

const q = await loadQuestionnaire(join(import.meta.dirname, 'fixtures', 'small.yaml'));
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string, mayReplace = false) => new AnswersFile(join(dir, name), name, mayReplace, () => new Date('2026-03-01T09:30:00Z'));
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'written',
    (e: Error) => e.message,
  );

describe('the --save file', () => {
  it('holds the answers in the answers format, savedAt from the clock, mode 0600; each save replaces the last', async () => {
    const f = file('a.json');
    expect(f.written).toBe(false);
    await f.write(q, { leg_pain: 'no' });
    expect(f.written).toBe(true);
    await f.write(q, { leg_pain: 'no', saddle_numbness: 'unsure' });
    const doc = JSON.parse(await readFile(join(dir, 'a.json'), 'utf8')) as Record<string, unknown>;
    expect(doc).toEqual({
      format: 'sciatica-screen/answers',
      formatVersion: 1,
      questionnaire: 'interview-small',
      version: '1.0.0',
      complete: true,
      savedAt: '2026-03-01T09:30:00.000Z',
      answers: { leg_pain: 'no', saddle_numbness: 'unsure' },
    });
    expect((await stat(join(dir, 'a.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('an existing file is replaced only when agreed', async () => {
    await writeFile(join(dir, 'old.json'), 'mine');
    expect(await reason(file('old.json').write(q, {}))).toBe('cannot save to old.json: the file already exists (use --force to replace it)');
    expect(await readFile(join(dir, 'old.json'), 'utf8')).toBe('mine');
    await file('old.json', true).write(q, {});
    expect(await readFile(join(dir, 'old.json'), 'utf8')).toContain('"questionnaire": "interview-small"');
  });

  it('never writes through a symbolic link, even when replacing was agreed', async () => {
    await writeFile(join(dir, 'target.txt'), 'not yours');
    await symlink(join(dir, 'target.txt'), join(dir, 'link.json'));
    expect(await reason(file('link.json', true).write(q, {}))).toBe('cannot save to link.json: it is a symbolic link; name the file itself, or another file');
    expect(await readFile(join(dir, 'target.txt'), 'utf8')).toBe('not yours');
  });

  it('a folder, or something that is not a regular file, at the name is refused', async () => {
    await mkdir(join(dir, 'folder.json'));
    expect(await reason(file('folder.json', true).write(q, {}))).toBe('cannot save to folder.json: it is a folder');
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    expect(await reason(file('pipe.json', true).write(q, {}))).toBe('cannot save to pipe.json: it is not a regular file');
  });

  it('after the first save, a file or link that took its place is not written over (even a new file given the same inode)', async () => {
    const f = file('a.json');
    await f.write(q, { leg_pain: 'no' });
    await unlink(join(dir, 'a.json'));
    await writeFile(join(dir, 'a.json'), 'someone else');
    expect(await reason(f.write(q, { leg_pain: 'yes' }))).toBe('cannot save to a.json: it was replaced by another file since the last save; nothing was written there');
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('someone else');
    await unlink(join(dir, 'a.json'));
    await writeFile(join(dir, 'elsewhere.txt'), 'elsewhere');
    await symlink(join(dir, 'elsewhere.txt'), join(dir, 'a.json'));
    expect(await reason(f.write(q, { leg_pain: 'yes' }))).toBe('cannot save to a.json: it was replaced by a link since the last save; nothing was written there');
    expect(await readFile(join(dir, 'elsewhere.txt'), 'utf8')).toBe('elsewhere');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'elsewhere.txt']);
  });

  it('a folder that does not exist: said so, exit 73', async () => {
    const f = new AnswersFile(join(dir, 'no', 'a.json'), 'no/a.json', false);
    const e = await f.write(q, {}).catch((x: unknown) => x as { message: string; exitCode: number });
    expect(e).toMatchObject({ message: 'cannot save to no/a.json: the folder does not exist', exitCode: 73 });
  });

  it('without a clock there is no savedAt', async () => {
    await new AnswersFile(join(dir, 'b.json'), 'b.json', false).write(q, {});
    expect(JSON.parse(await readFile(join(dir, 'b.json'), 'utf8'))).not.toHaveProperty('savedAt');
  });
});
