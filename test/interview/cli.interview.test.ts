import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const NO_TERMINAL =
  'sciatica-screen: the interview needs a terminal; to screen answers from a file use `sciatica-screen evaluate answers.json`, or `sciatica-screen batch` for many\n';

describe('sciatica-screen interview, before any prompt', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sciatica-cli-interview-'));
    await writeFile(join(dir, 'bad-json.json'), '{"answers": {');
    await writeFile(join(dir, 'garbage.txt'), 'garbage\nmore garbage\n');
    await writeFile(join(dir, 'huge.json'), `{"answers": {}, "pad": "${'x'.repeat(8 * 1024 * 1024)}"}`);
    await writeFile(join(dir, 'wrong-q.json'), JSON.stringify({ questionnaire: 'something-else', version: '1.0.0', answers: {} }));
    await writeFile(join(dir, 'bad-value.json'), JSON.stringify({ questionnaire: 'sciatica-massage', version: '1.0.0', answers: { pain_intensity: 14, age: 7 } }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the default command: no arguments and no terminal → one line pointing to evaluate and batch, exit 64', async () => {
    const r = await runCli([]);
    expect(r).toEqual({ code: 64, stdout: '', stderr: NO_TERMINAL });
  });

  it('refuses when only stdout is a terminal (piped input), and when only stdin is', async () => {
    expect((await runCli(['interview'], { stdin: '{}' })).code).toBe(64);
    const r = await runCli(['interview', '--plain'], { tty: false, env: { CI: 'true' } });
    expect(r.stderr).toBe(NO_TERMINAL);
  });

  it('--resume - at a terminal does not wait unseen: one usage line saying what it expects, exit 64', async () => {
    const r = await runCli(['--resume', '-'], { tty: true, cwd: dir });
    expect(r).toEqual({
      code: 64,
      stdout: '',
      stderr: 'sciatica-screen: --resume needs the name of a saved answers file (the terminal is for the questions): sciatica-screen --resume answers.json --save answers.json\n',
    });
  });

  it('a --resume file that is not JSON: one line naming the file and the place, as evaluate does, exit 65', async () => {
    const r = await runCli(['--resume', 'bad-json.json'], { tty: true, cwd: dir });
    expect(r).toMatchObject({ code: 65, stderr: 'sciatica-screen: bad-json.json:1:14: expected a key in double quotes, found end of file\n' });
    const garbage = await runCli(['--resume', 'garbage.txt'], { tty: true, cwd: dir });
    expect(garbage).toMatchObject({ code: 65, stderr: 'sciatica-screen: garbage.txt:1:1: unexpected "g"\n' });
  });

  it('a --resume file far too large to be an answers file is refused as evaluate refuses it (65)', async () => {
    const r = await runCli(['--resume', 'huge.json'], { tty: true, cwd: dir });
    expect(r).toMatchObject({ code: 65, stderr: 'sciatica-screen: huge.json: larger than 8 MiB; this is not an answers file\n' });
    const endless = await runCli(['--resume', '/dev/zero'], { tty: true, cwd: dir });
    expect(endless).toMatchObject({ code: 65, stderr: 'sciatica-screen: /dev/zero: larger than 8 MiB; this is not an answers file\n' });
  });

  it('a --resume file for another questionnaire or with impossible answers: its first problem in one line, exit 65', async () => {
    const wrong = await runCli(['--resume', 'wrong-q.json'], { tty: true, cwd: dir });
    expect(wrong.code).toBe(65);
    expect(wrong.stderr.split('\n')).toHaveLength(2);
    expect(wrong.stderr).toMatch(/^sciatica-screen: wrong-q\.json: .*something-else/);
    const bad = await runCli(['--resume', 'bad-value.json'], { tty: true, cwd: dir });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/^sciatica-screen: bad-value\.json: .*\(and 1 more; check it with: sciatica-screen evaluate bad-value\.json\)\n$/);
  });

  it('a missing --resume file or --questionnaire: exit 66 with one line', async () => {
    const r = await runCli(['--resume', 'nope.json'], { tty: true, cwd: dir });
    expect(r).toMatchObject({ code: 66, stderr: 'sciatica-screen: cannot read nope.json: no such file\n' });
    const q = await runCli(['--questionnaire', 'nope.yaml'], { tty: true, cwd: dir });
    expect(q.code).toBe(66);
    expect(q.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('documents its options and keys in --help', async () => {
    const r = await runCli(['interview', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--questionnaire <file>', '--save <file>', '--resume <file>', '--force', '--plain']) expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('choose "← Back" (or type b');
  });
});
