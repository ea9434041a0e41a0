/**
 * Writing where hard links are not available (vfat, some network and FUSE filesystems: link()
 * fails with EPERM or ENOTSUP), simulated by failing `link`: files are still written whole, with
 * mode 0600, never over a file that appeared at the name meanwhile, and no temporary file stays.
 * The same race with links available is checked too: a file that appears at the name while the
 * output is being written is never replaced.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fault = vi.hoisted(() => ({ linkCode: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    link: async (from: string, to: string) => {
      if (fault.linkCode) throw Object.assign(new Error(`link: ${fault.linkCode}`), { code: fault.linkCode });
      return real.link(from, to);
    },
  };
});

const { openAtomicOutput, writeFileAtomic } = await import('../../src/io/write-atomic.js');
const { AnswersFile } = await import('../../src/interview/answers-file.js');
const { loadQuestionnaire } = await import('../../src/questionnaire/load.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-nolinks-'));
  fault.linkCode = undefined;
});
afterEach(async () => {
  fault.linkCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('without hard links', () => {
  it('a new file (a handout, -o) is written whole, mode 0600, no temporary file left', async () => {
    fault.linkCode = 'EPERM';
    await writeFileAtomic(join(dir, 'page.md'), '# Handout\n', { mode: 0o600, noClobber: true, shown: 'page.md' });
    expect(await readFile(join(dir, 'page.md'), 'utf8')).toBe('# Handout\n');
    expect((await stat(join(dir, 'page.md'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['page.md']);
  });

  for (const code of [undefined, 'ENOTSUP'] as const) {
    it(`a file that appears at the name while the output is written is not replaced (${code ?? 'with links'}): 73, no temporary file`, async () => {
      fault.linkCode = code;
      const out = await openAtomicOutput(join(dir, 'results.jsonl'), 'results.jsonl', 0o600, { noClobber: true });
      out.stream.write('{"line":1}\n');
      await writeFile(join(dir, 'results.jsonl'), 'someone else\'s file');
      const e = await out.commit().then(
        () => undefined,
        (x: unknown) => x as { message: string; exitCode: number },
      );
      await out.discard();
      expect(e).toMatchObject({ message: 'cannot write results.jsonl: the file already exists (use --force to replace it)', exitCode: 73 });
      expect(await readFile(join(dir, 'results.jsonl'), 'utf8')).toBe('someone else\'s file');
      expect(await readdir(dir)).toEqual(['results.jsonl']);
    });
  }

  it('the --save file is created exclusively on the first save and replaced on the next', async () => {
    fault.linkCode = 'ENOSYS';
    const q = await loadQuestionnaire(join(import.meta.dirname, '..', 'interview', 'fixtures', 'small.yaml'));
    const f = new AnswersFile(join(dir, 'answers.json'), 'answers.json', false);
    await f.write(q, { leg_pain: 'no' });
    await f.write(q, { leg_pain: 'yes' });
    expect(JSON.parse(await readFile(join(dir, 'answers.json'), 'utf8'))).toMatchObject({ answers: { leg_pain: 'yes' } });
    expect((await stat(join(dir, 'answers.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['answers.json']);
  });

  it('a link failure that is not "unsupported" is reported, nothing left behind', async () => {
    fault.linkCode = 'EIO';
    const q = await loadQuestionnaire(join(import.meta.dirname, '..', 'interview', 'fixtures', 'small.yaml'));
    const f = new AnswersFile(join(dir, 'answers.json'), 'answers.json', false);
    await expect(f.write(q, {})).rejects.toThrow('cannot save to answers.json: link: EIO');
    expect(await readdir(dir)).toEqual([]);
  });
});
