/**
 * Saving the answers in a `--plain` interview, in-process through the CLI: an existing `--save`
 * file is replaced only on "yes" (no: kept, 73; end of input: stopped before any question, 130);
 * a symbolic link is refused before any question; at the end the offer to save asks again after a
 * name that cannot be written or is taken, and the file says where it is.
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SMALL = join(import.meta.dirname, 'fixtures', 'small.yaml');
const EMERGENCY = ['2', '1']; // no leg pain; saddle numbness: yes

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'sciatica-plain-save-'));
  await writeFile(join(home, 'old.json'), 'keep me');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** The text with its word-wrapping undone (every run of white space as one space). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const plain = (lines: readonly string[] | null, extra: readonly string[] = []) =>
  runCli(['interview', '--plain', '--questionnaire', SMALL, ...extra], { tty: true, cwd: home, env: { HOME: home }, stdin: lines === null ? '' : `${lines.join('\n')}\n` });

describe('--save FILE that exists', () => {
  it('"no" keeps it: 73 with what to do instead; end of input: stopped before any question, 130', async () => {
    const no = await plain(['n'], ['--save', 'old.json']);
    expect(no.code).toBe(73);
    expect(no.stdout).toContain('old.json already exists. Replace it with the answers you give now? (y/N) ');
    expect(no.stderr).toBe('sciatica-screen: old.json was kept as it is; choose another file with --save,\nor add --force to replace it\n');
    const eof = await plain(null, ['--save', 'old.json']);
    expect(eof.code).toBe(130);
    expect(eof.stderr).toBe('sciatica-screen: stopped before any question; nothing was saved\n');
    expect(await readFile(join(home, 'old.json'), 'utf8')).toBe('keep me');
  });

  it('"yes" replaces it with the answers given, and the end says where they are', async () => {
    const r = await plain(['y', ...EMERGENCY, 'n'], ['--save', 'old.json']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain('Your answers are saved in old.json (readable only by you). To see this result again: sciatica-screen evaluate old.json');
    expect(JSON.parse(await readFile(join(home, 'old.json'), 'utf8'))).toMatchObject({ answers: { leg_pain: 'no', saddle_numbness: 'yes' } });
  });

  it('a symbolic link is refused before any question: 73', async () => {
    await symlink('nowhere', join(home, 'link.json'));
    const r = await plain([], ['--save', 'link.json']);
    expect(r).toMatchObject({ code: 73, stdout: '', stderr: 'sciatica-screen: cannot save to link.json: it is a symbolic link; name the file\nitself, or another file\n' });
  });
});

describe('the offer to save at the end', () => {
  it('a taken name asks "Replace it?"; a name that cannot be written offers another; then saved', async () => {
    const r = await plain([...EMERGENCY, 'n', 'y', 'old.json', 'n', 'nowhere/x.json', 'y', '']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('Save your answers to a file (to show them at the hospital or to your doctor)? (y/N) ');
    expect(out).toContain('old.json already exists. Replace it? (y/N) ');
    expect(out).toContain('Could not save your answers in nowhere/x.json: the folder does not exist.\nTry another file name? (Y/n) ');
    expect(flat(out)).toContain('Saved your answers in ~/sciatica-screen-answers.json (readable only by you). To see this result again: sciatica-screen evaluate ~/sciatica-screen-answers.json');
    // After an emergency, what to do now is the last thing on the screen.
    expect(out.trimEnd().split('\n').at(-1)).toBe('WHAT TO DO NOW: Go to A&E now or call 999');
    expect(await readFile(join(home, 'old.json'), 'utf8')).toBe('keep me');
    expect(JSON.parse(await readFile(join(home, 'sciatica-screen-answers.json'), 'utf8'))).toMatchObject({ complete: true, answers: { saddle_numbness: 'yes' } });
  });

  it('giving up after a failed name: "Your answers were not saved", exit 0; end of input at the offer: 130', async () => {
    const r = await plain([...EMERGENCY, 'n', 'y', 'nowhere/x.json', 'n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Try another file name? (Y/n) Your answers were not saved.');
    const eof = await plain([...EMERGENCY, 'n']);
    expect(eof.code).toBe(130);
    expect(eof.stderr).toBe('sciatica-screen: stopped; your answers were not saved\n');
  });
});
