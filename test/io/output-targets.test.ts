/**
 * Where `-o` may point, in-process (the built binary does the same in
 * test/batch/batch.output-file.test.ts): a device is written directly (/dev/null works; /dev/full
 * is a full disk: 73 and one line), and a name that cannot be a file — under a file, a loop of
 * links, a link to nothing — is refused with 73 and the reason, nothing created.
 */
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-targets-'));
  await writeFile(join(dir, 'answers.json'), JSON.stringify({ answers: { leg_pain: 'no' } }));
  await writeFile(join(dir, 'a-file'), 'x');
  await symlink('loop-b', join(dir, 'loop-a'));
  await symlink('loop-a', join(dir, 'loop-b'));
  await symlink('nothing-here', join(dir, 'dangling'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evaluate -o and batch -o', () => {
  it('/dev/null is written directly: exit 0', async () => {
    expect(await runCli(['evaluate', 'answers.json', '-o', '/dev/null'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('/dev/full: 73, "the disk is full", for evaluate and batch', async () => {
    expect(await runCli(['evaluate', 'answers.json', '-o', '/dev/full'], { cwd: dir })).toEqual({ code: 73, stdout: '', stderr: 'sciatica-screen: cannot write /dev/full: the disk is full\n' });
    const b = await runCli(['batch', '-', '-o', '/dev/full'], { cwd: dir, stdin: '{"leg_pain":"no"}\n' });
    expect(b).toEqual({ code: 73, stdout: '', stderr: 'sciatica-screen: cannot write /dev/full: the disk is full\n' });
  });

  it('a name under a file, a loop of links, a link to nothing: 73 with the reason, nothing created', async () => {
    const cases: Array<[string, string]> = [
      ['a-file/out.json', 'a part of the path is not a folder'],
      ['loop-a', 'a loop of symbolic links'],
      ['dangling', 'it is a symbolic link to a file that does not exist (not replaced; name the file itself)'],
    ];
    for (const [target, why] of cases) {
      const r = await runCli(['evaluate', 'answers.json', '-o', target], { cwd: dir });
      expect(r).toEqual({ code: 73, stdout: '', stderr: `sciatica-screen: cannot write ${target}: ${why}\n` });
    }
    expect((await readdir(dir)).sort()).toEqual(['a-file', 'answers.json', 'dangling', 'loop-a', 'loop-b']);
  });
});
