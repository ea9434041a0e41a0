import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInterviewSession, type SessionOptions } from '../../src/interview/interview-session.js';
import { createScreens } from '../../src/interview/screens.js';
import { FAKE_Q, fakeEngine } from './fake-engine.js';
import { answer, scriptedPrompter, type Step } from './scripted-prompter.js';

const complete: Step[] = [
  { ask: 'pain', reply: answer('no') },
  { ask: 'saddle', reply: answer('no') },
  { ask: 'level', reply: answer(2) },
  { ask: 'age', reply: answer(null) },
  { ask: 'tried', reply: answer(['rest']) },
  { review: { kind: 'finish' } },
];
const COMPLETE_ANSWERS = { pain: 'no', saddle: 'no', level: 2, age: null, tried: ['rest'] };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function session(script: Step[], opts: Partial<SessionOptions> = {}, interrupt?: AbortController) {
  const prompter = scriptedPrompter(script, interrupt);
  let out = '';
  const errors: string[] = [];
  const screens = createScreens((t) => (out += t), { chalk: new Chalk({ level: 0 }), plain: false, width: 80 }, (r, heading) => `RESULT ${heading ? r.title : '(reasons only)'}\n`);
  const code = await runInterviewSession(
    { questionnaire: FAKE_Q, force: false, cwd: dir, ...opts },
    { engine: fakeEngine, prompter, screens, errorLine: (t) => errors.push(t), ...(interrupt ? { signal: interrupt.signal } : {}) },
  );
  expect(prompter.left(), 'every scripted step was used').toBe(0);
  return { code, out, errors, prompter };
}

const read = async (name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;
const mode = async (name: string) => (await stat(join(dir, name))).mode & 0o777;

describe('an interview session', () => {
  it('--save writes the answers file evaluate reads, 0600, and says where', async () => {
    const { code, out } = await session(complete, { save: 'a.json' });
    expect(code).toBe(0);
    expect(await read('a.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'fake', version: '1.2.0', complete: expect.any(Boolean), answers: COMPLETE_ANSWERS });
    expect(await mode('a.json')).toBe(0o600);
    expect(out).toContain('RESULT Massage is a reasonable complement\n');
    expect(out.replace(/\s+/g, ' ')).toContain('Your answers are saved in a.json (readable only by you). To see this result again: sciatica-screen evaluate a.json');
  });

  it('asks before replacing an existing --save file; declining keeps it untouched and exits 73 before any question', async () => {
    await writeFile(join(dir, 'a.json'), 'precious');
    const { code, errors, prompter } = await session([{ confirm: false }], { save: 'a.json' });
    expect(prompter.seen[0]?.message).toBe('a.json already exists. Replace it with the answers you give now?');
    expect(code).toBe(73);
    expect(errors).toEqual(['sciatica-screen: a.json was kept as it is; choose another file with --save, or add --force to replace it']);
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('precious');
  });

  it('replaces an existing --save file when the person agrees, or with --force without asking', async () => {
    await writeFile(join(dir, 'a.json'), 'old');
    expect((await session([{ confirm: true }, ...complete], { save: 'a.json' })).code).toBe(0);
    expect(await read('a.json')).toMatchObject({ answers: COMPLETE_ANSWERS });
    await writeFile(join(dir, 'b.json'), 'old');
    expect((await session(complete, { save: 'b.json', force: true })).code).toBe(0);
    expect(await mode('b.json')).toBe(0o600);
  });

  it('Ctrl+C with --save: the partial answers are in the file, one line says so, exit 130', async () => {
    const { code, errors } = await session(
      [
        { ask: 'pain', reply: answer('yes') },
        { ask: 'saddle', reply: 'ctrl-c' },
      ],
      { save: 'p.json' },
    );
    expect(code).toBe(130);
    expect(errors).toEqual(['sciatica-screen: stopped; your answers so far are saved in p.json (continue with: sciatica-screen --resume p.json --save p.json)']);
    expect(await read('p.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'fake', version: '1.2.0', complete: expect.any(Boolean), answers: { pain: 'yes' } });
  });

  it('Ctrl+C without --save says the answers were not saved, and asks nothing more', async () => {
    const { code, errors, prompter } = await session([{ ask: 'pain', reply: 'ctrl-c' }]);
    expect(code).toBe(130);
    expect(errors).toEqual(['sciatica-screen: stopped; your answers were not saved (use --save FILE to keep them)']);
    expect(prompter.seen.map((s) => s.kind)).toEqual(['pain']);
  });

  it('Ctrl+C between two prompts (SIGINT outside a prompt) ends like Ctrl+C in one: saved with --save, one line, 130', async () => {
    const kept = await session([{ ask: 'pain', reply: answer('yes') }, { interrupt: true }], { save: 'p.json' }, new AbortController());
    expect(kept.code).toBe(130);
    expect(kept.errors).toEqual(['sciatica-screen: stopped; your answers so far are saved in p.json (continue with: sciatica-screen --resume p.json --save p.json)']);
    expect(await read('p.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'fake', version: '1.2.0', complete: expect.any(Boolean), answers: { pain: 'yes' } });
    expect(kept.prompter.seen.map((x) => x.kind)).toEqual(['pain']);

    const lost = await session([{ ask: 'pain', reply: answer('yes') }, { interrupt: true }], {}, new AbortController());
    expect(lost.code).toBe(130);
    expect(lost.errors).toEqual(['sciatica-screen: stopped; your answers were not saved (use --save FILE to keep them)']);
  });

  it('Ctrl+C while starting (before the first prompt) shows nothing, writes nothing, says so in one line (130)', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const { code, out, errors } = await session([], { save: 'never.json' }, interrupt);
    expect(code).toBe(130);
    expect(out).toBe('');
    expect(errors).toEqual(['sciatica-screen: stopped before any question; nothing was saved']);
    await expect(stat(join(dir, 'never.json'))).rejects.toThrow(/ENOENT/);
  });

  it('Ctrl+C while the result is shown: 130 and one line; with --save the complete answers are in the file', async () => {
    const saved = await session([...complete, { interrupt: true }], { save: 'a.json' }, new AbortController());
    expect(saved.code).toBe(130);
    expect(saved.out).toContain('RESULT Massage is a reasonable complement\n');
    expect(saved.errors).toEqual(['sciatica-screen: stopped; your answers are saved in a.json']);
    expect(await read('a.json')).toMatchObject({ answers: COMPLETE_ANSWERS });

    const offered = await session([...complete, { interrupt: true }], {}, new AbortController());
    expect(offered.code).toBe(130);
    expect(offered.errors).toEqual(['sciatica-screen: stopped; your answers were not saved (use --save FILE to keep them)']);
    expect(offered.prompter.seen.map((x) => x.kind).at(-1)).toBe('review'); // the save offer was never shown

    const emergency = await session([{ ask: 'pain', reply: answer('no') }, { ask: 'saddle', reply: answer('yes') }, { interrupt: true }], {}, new AbortController());
    expect(emergency.code).toBe(130);
    expect(emergency.out).toContain('WHAT TO DO NOW');
    expect(emergency.errors).toEqual(['sciatica-screen: stopped; your answers were not saved (use --save FILE to keep them)']);
  });

  it('offers to save at the end; an existing name is only replaced when confirmed', async () => {
    await writeFile(join(dir, 'answers.json'), 'keep me');
    const { code, out } = await session([...complete, { confirm: true }, { text: 'answers.json' }, { confirm: false }, { text: 'mine.json' }]);
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'answers.json'), 'utf8')).toBe('keep me');
    expect(await read('mine.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'fake', version: '1.2.0', complete: expect.any(Boolean), answers: COMPLETE_ANSWERS });
    expect(await mode('mine.json')).toBe(0o600);
    expect(out).toContain('Saved your answers in mine.json');
  });

  it('declining the offer writes nothing; Ctrl+C at the offer says nothing was saved (130)', async () => {
    expect((await session([...complete, { confirm: false }])).code).toBe(0);
    const stopped = await session([...complete, { confirm: true }, { text: 'ctrl-c' }]);
    expect(stopped.code).toBe(130);
    expect(stopped.errors).toEqual(['sciatica-screen: stopped; your answers were not saved']);
  });

  it('after an emergency stop no more questions, only the offer to save (to show at the hospital); what to do now is said last', async () => {
    const emergency: Step[] = [
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('yes') },
    ];
    const { code, out, prompter } = await session([...emergency, { confirm: false }]);
    expect(prompter.seen.at(-1)?.message).toBe('Save your answers to a file (to show them at the hospital or to your doctor)?');
    expect(out.trimEnd().split('\n').at(-1)).toBe('WHAT TO DO NOW: Go to A&E now or call 999');
    const kept = await session([...emergency, { confirm: true }, { text: 'ae.json' }]);
    expect(kept.code).toBe(0);
    expect(await read('ae.json')).toMatchObject({ answers: { pain: 'no', saddle: 'yes' } });
    expect(code).toBe(0);
    expect(out.indexOf('WHAT TO DO NOW')).toBeGreaterThan(-1);
    // The banner comes first; the full result under it does not repeat the title and advice.
    expect(out.indexOf('WHAT TO DO NOW')).toBeLessThan(out.indexOf('RESULT (reasons only)'));
    expect(out).not.toContain('RESULT Go to A&E');
    const saved = await session(emergency, { save: 'e.json' });
    expect(saved.code).toBe(0);
    expect(await read('e.json')).toMatchObject({ answers: { pain: 'no', saddle: 'yes' } });
  });

  it('resuming into the same file it saves to needs neither --force nor a question', async () => {
    await writeFile(join(dir, 'r.json'), JSON.stringify({ questionnaire: 'fake', version: '1.2.0', answers: { pain: 'no' } }));
    const { code, out } = await session(complete.slice(1), { save: 'r.json', resume: { path: 'r.json', answers: { pain: 'no' } } });
    expect(code).toBe(0);
    expect(out).toContain('Continuing from r.json: 1 answer so far.');
    expect(await read('r.json')).toMatchObject({ answers: COMPLETE_ANSWERS });
  });

  it('a --save file in a folder that does not exist stops before anything is shown (73)', async () => {
    const { code, errors, prompter, out } = await session([], { save: 'no/such/folder/a.json' });
    expect(code).toBe(73);
    expect(errors).toEqual(['sciatica-screen: cannot save to no/such/folder/a.json: its folder does not exist or cannot be written']);
    expect(prompter.seen).toEqual([]);
    expect(out).toBe('');
  });

  it('a --save path that is a folder is refused before anything is asked, not after the first answer (73)', async () => {
    await mkdir(join(dir, 'folder'));
    const { code, errors, prompter } = await session([], { save: 'folder' });
    expect(code).toBe(73);
    expect(errors).toEqual(['sciatica-screen: cannot save to folder: it is a folder']);
    expect(prompter.seen).toEqual([]);
  });
});

describe('saving never loses the answers (issues 9.3, 9.10, 9.11, 13.3)', () => {
  it('the first --save write is an exclusive create: a file that appeared at the path since the start is never replaced', async () => {
    // The file appears between the start (when it was absent) and the first answer.
    let planted = false;
    const base = scriptedPrompter([{ ask: 'pain', reply: answer('yes') }, { ask: 'saddle', reply: 'ctrl-c' }]);
    const wrapped = {
      ...base,
      yesno: async (...args: Parameters<typeof base.yesno>) => {
        if (!planted) {
          planted = true;
          await writeFile(join(dir, 'late.json'), 'someone else’s file');
        }
        return base.yesno(...args);
      },
    };
    const errors: string[] = [];
    let out = '';
    const screens = createScreens((t) => (out += t), { chalk: new Chalk({ level: 0 }), plain: false, width: 200 }, () => 'RESULT\n');
    const code = await runInterviewSession({ questionnaire: FAKE_Q, force: false, cwd: dir, save: 'late.json' }, { engine: fakeEngine, prompter: wrapped, screens, errorLine: (t) => errors.push(t) });
    expect(await readFile(join(dir, 'late.json'), 'utf8')).toBe('someone else’s file');
    expect(out).toContain('Your answers could not be saved in late.json: the file already exists');
    expect(code).toBe(130);
    expect(errors).toEqual(['sciatica-screen: stopped; your answers could not be saved in late.json (the file already exists (use --force to replace it))']);
  });

  it('a --save path swapped for a link mid-interview is refused: the linked file is untouched (content and mode)', async () => {
    await writeFile(join(dir, 'victim.txt'), 'not yours', { mode: 0o644 });
    const { symlink, unlink: rmFile, lstat: lst } = await import('node:fs/promises');
    let swapped = false;
    const base = scriptedPrompter([{ ask: 'pain', reply: answer('no') }, { ask: 'saddle', reply: answer('no') }, { ask: 'level', reply: 'ctrl-c' }]);
    const prompter = {
      ...base,
      yesno: async (...args: Parameters<typeof base.yesno>) => {
        if (args[0].id === 'saddle' && !swapped) {
          swapped = true;
          await rmFile(join(dir, 'toc.json'));
          await symlink(join(dir, 'victim.txt'), join(dir, 'toc.json'));
        }
        return base.yesno(...args);
      },
    };
    const errors: string[] = [];
    const screens = createScreens(() => undefined, { chalk: new Chalk({ level: 0 }), plain: false, width: 200 }, () => 'RESULT\n');
    const code = await runInterviewSession({ questionnaire: FAKE_Q, force: false, cwd: dir, save: 'toc.json' }, { engine: fakeEngine, prompter, screens, errorLine: (t) => errors.push(t) });
    expect(code).toBe(130);
    expect(await readFile(join(dir, 'victim.txt'), 'utf8')).toBe('not yours');
    expect(await mode('victim.txt')).toBe(0o644);
    expect((await lst(join(dir, 'toc.json'))).isSymbolicLink()).toBe(true);
    expect(errors[0]).toMatch(/^sciatica-screen: stopped; your answers could not be saved in toc\.json \(it was replaced by a link since the last save/);
  });

  it('--resume a --save b, Ctrl+C before any answer: b holds the resumed answers', async () => {
    const { code, errors } = await session([{ ask: 'saddle', reply: 'ctrl-c' }], { save: 'b.json', resume: { path: 'a.json', answers: { pain: 'yes' } } });
    expect(code).toBe(130);
    expect(await read('b.json')).toEqual({ format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'fake', version: '1.2.0', complete: expect.any(Boolean), answers: { pain: 'yes' } });
    expect(errors[0]).toContain('your answers so far are saved in b.json');
  });

  it('SIGTERM and SIGHUP end as Ctrl+C does, with 143 and 129; the answers are saved', async () => {
    for (const [signal, expected] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const interrupt = new AbortController();
      const prompter = scriptedPrompter([{ ask: 'pain', reply: answer('yes') }], interrupt);
      const base = prompter.yesno;
      prompter.yesno = async (q, ctx) => {
        if (q.id === 'saddle') interrupt.abort({ signal });
        return base(q, ctx);
      };
      const errors: string[] = [];
      const screens = createScreens(() => undefined, { chalk: new Chalk({ level: 0 }), plain: false, width: 200 }, () => 'RESULT\n');
      const code = await runInterviewSession(
        { questionnaire: FAKE_Q, force: true, cwd: dir, save: `${signal}.json` },
        { engine: fakeEngine, prompter, screens, errorLine: (t) => errors.push(t), signal: interrupt.signal },
      );
      expect(code).toBe(expected);
      expect(await read(`${signal}.json`)).toMatchObject({ answers: { pain: 'yes' } });
      expect(errors).toHaveLength(1);
    }
  });

  it('the --save folder gone mid-interview: the result is still shown, the person is told, and another file is offered', async () => {
    await mkdir(join(dir, 'sub'));
    const base = scriptedPrompter([...complete, { confirm: true }, { text: 'elsewhere.json' }]);
    const prompter = {
      ...base,
      yesno: async (...args: Parameters<typeof base.yesno>) => {
        if (args[0].id === 'saddle') await rm(join(dir, 'sub'), { recursive: true, force: true });
        return base.yesno(...args);
      },
    };
    let out = '';
    const errors: string[] = [];
    const screens = createScreens((t) => (out += t), { chalk: new Chalk({ level: 0 }), plain: false, width: 300 }, (r) => `RESULT ${r.title}\n`);
    const code = await runInterviewSession({ questionnaire: FAKE_Q, force: false, cwd: dir, save: 'sub/a.json', home: dir }, { engine: fakeEngine, prompter, screens, errorLine: (t) => errors.push(t) });
    expect(code).toBe(0);
    expect(out).toContain('Your answers could not be saved in sub/a.json: the folder does not exist. The interview goes on');
    expect(out).toContain('RESULT Massage is a reasonable complement');
    expect(base.seen.filter((x) => x.kind === 'confirm').map((x) => x.message)).toEqual(['Save your answers in another file?']);
    expect(await read('elsewhere.json')).toMatchObject({ answers: COMPLETE_ANSWERS });
    expect(errors).toEqual([]);
  });

  it('declining to save elsewhere after the --save file failed: the result was shown, exit 73', async () => {
    await mkdir(join(dir, 'sub'));
    const base = scriptedPrompter([...complete, { confirm: false }]);
    const prompter = {
      ...base,
      yesno: async (...args: Parameters<typeof base.yesno>) => {
        if (args[0].id === 'saddle') await rm(join(dir, 'sub'), { recursive: true, force: true });
        return base.yesno(...args);
      },
    };
    let out = '';
    const screens = createScreens((t) => (out += t), { chalk: new Chalk({ level: 0 }), plain: false, width: 300 }, (r) => `RESULT ${r.title}\n`);
    const code = await runInterviewSession({ questionnaire: FAKE_Q, force: false, cwd: dir, save: 'sub/a.json' }, { engine: fakeEngine, prompter, screens, errorLine: () => undefined });
    expect(code).toBe(73);
    expect(out).toContain('RESULT Massage is a reasonable complement');
    expect(out).toContain('Your answers were not saved.');
  });

  it('a bad file name at the end is said and asked again; ~ is the home folder; the default is a new file there', async () => {
    const home = join(dir, 'home');
    await mkdir(home);
    await writeFile(join(home, 'sciatica-screen-answers.json'), 'older');
    const run = await session([...complete, { confirm: true }, { text: '~/no such folder/a.json' }, { confirm: true }, { text: '~/my answers.json' }], { home });
    const { code, prompter } = run;
    const out = run.out.replace(/\s+/g, ' ');
    expect(code).toBe(0);
    expect(out).toContain('Could not save your answers in ~/no such folder/a.json: the folder does not exist.');
    expect(await read('home/my answers.json')).toMatchObject({ answers: COMPLETE_ANSWERS });
    expect(out).toContain('Saved your answers in ~/my answers.json');
    expect(prompter.seen.filter((x) => x.kind === 'confirm').map((x) => x.message)).toContain('Try another file name?');
    expect(await readFile(join(home, 'sciatica-screen-answers.json'), 'utf8')).toBe('older');
  });

  it('saying no after a bad name is a clear choice not to save: said, exit 0', async () => {
    const { code, out } = await session([...complete, { confirm: true }, { text: 'nowhere/a.json' }, { confirm: false }]);
    expect(code).toBe(0);
    expect(out).toContain('Your answers were not saved.');
  });
});
