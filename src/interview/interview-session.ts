/**
 * One interview from start to exit code, around the question loop: the welcome, resuming,
 * saving as you go (`--save`), the offer to save at the end, and Ctrl+C.
 *
 * Exit codes: 0 when a result was shown (whatever it says: a disposition is never an exit code);
 * 73 when the answers file cannot be written or the person declines to replace an existing one;
 * 130 after Ctrl+C (with one line on stderr saying where the answers are, or that they were not
 * saved). Ctrl+C asks nothing more.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXIT } from '../errors.js';
import type { Answers, Questionnaire } from '../questionnaire/model.js';
import { saveAnswers } from './answers-file.js';
import type { InterviewEngine } from './engine-port.js';
import { isPromptExit, type Prompter } from './prompter.js';
import { runInterview } from './run-interview.js';
import type { Screens } from './screens.js';

export interface SessionOptions {
  readonly questionnaire: Questionnaire;
  /** Where the person asked to save (`--save`), as typed. */
  readonly save?: string;
  /** Replace an existing `--save` file without asking. */
  readonly force: boolean;
  /** A validated partial answers file to continue (`--resume`). */
  readonly resume?: { readonly path: string; readonly answers: Answers };
  /** Relative paths are resolved against this. */
  readonly cwd: string;
}

export interface SessionDeps {
  readonly engine: InterviewEngine;
  readonly prompter: Prompter;
  readonly screens: Screens;
  /** Writes one line to stderr (the line after Ctrl+C). */
  readonly errorLine: (text: string) => void;
  /**
   * Aborted on Ctrl+C outside a prompt. The prompter's prompts then reject at once (so the
   * interview stops as after Ctrl+C in a prompt); the session checks it where no prompt follows.
   */
  readonly signal?: AbortSignal;
}

export const PROGRAM = 'sciatica-screen';

export async function runInterviewSession(opts: SessionOptions, deps: SessionDeps): Promise<number> {
  const { prompter, screens } = deps;
  const q = opts.questionnaire;

  const savePath = opts.save === undefined ? undefined : resolve(opts.cwd, opts.save);
  const resumePath = opts.resume === undefined ? undefined : resolve(opts.cwd, opts.resume.path);
  let mayReplace = opts.force || (savePath !== undefined && savePath === resumePath);

  // A --save file that can never be written stops before anything is shown or asked.
  const unsavable = savePath === undefined ? undefined : await whyUnsavable(savePath);
  if (unsavable !== undefined) {
    deps.errorLine(`${PROGRAM}: cannot save to ${opts.save}: ${unsavable}`);
    return EXIT.cantCreate;
  }
  if (deps.signal?.aborted) {
    deps.errorLine(`${PROGRAM}: stopped before any question; nothing was saved`);
    return EXIT.interrupted;
  }

  screens.intro(q);
  if (opts.resume) {
    const n = Object.keys(opts.resume.answers).length;
    screens.note(`\nContinuing from ${opts.resume.path}: ${n} ${n === 1 ? 'answer' : 'answers'} so far.`);
  }

  if (savePath !== undefined && !mayReplace && (await exists(savePath))) {
    try {
      mayReplace = await prompter.confirm(`${opts.save} already exists. Replace it with the answers you give now?`, false);
    } catch (e) {
      if (!isPromptExit(e)) throw e;
      deps.errorLine(`${PROGRAM}: stopped before any question; nothing was saved`);
      return EXIT.interrupted;
    }
    if (!mayReplace) {
      deps.errorLine(`${PROGRAM}: ${opts.save} was kept as it is; choose another file with --save, or add --force to replace it`);
      return EXIT.cantCreate;
    }
  }

  const save = async (answers: Answers): Promise<void> => {
    if (savePath === undefined) return;
    await saveAnswers(savePath, q, answers, mayReplace);
    mayReplace = true; // from now on the file is ours
  };

  const end = await runInterview({
    questionnaire: q,
    engine: deps.engine,
    prompter,
    screens,
    ...(opts.resume ? { initial: opts.resume.answers } : {}),
    onAnswers: save,
  });

  if (end.kind === 'interrupted') {
    if (savePath !== undefined) {
      await save(end.answers);
      deps.errorLine(`${PROGRAM}: stopped; your answers so far are saved in ${opts.save} (continue with: ${PROGRAM} --resume ${opts.save} --save ${opts.save})`);
    } else {
      deps.errorLine(`${PROGRAM}: stopped; your answers were not saved (use --save FILE to keep them)`);
    }
    return EXIT.interrupted;
  }

  if (savePath !== undefined) {
    await save(end.answers);
    screens.note(`\nYour answers are saved in ${opts.save} (readable only by you). To see this result again: ${PROGRAM} evaluate ${opts.save}`);
    return stoppedAfterResult(deps, `your answers are saved in ${opts.save}`) ?? EXIT.ok;
  }
  if (end.stopped) return stoppedAfterResult(deps, 'your answers were not saved (use --save FILE to keep them)') ?? EXIT.ok; // an emergency: nothing more is asked
  return offerToSave(opts, deps, end.answers);
}

/** Ctrl+C pressed while the result was being shown, where no prompt follows: 130 and one line. */
function stoppedAfterResult(deps: SessionDeps, what: string): number | undefined {
  if (!deps.signal?.aborted) return undefined;
  deps.errorLine(`${PROGRAM}: stopped; ${what}`);
  return EXIT.interrupted;
}

async function offerToSave(opts: SessionOptions, deps: SessionDeps, answers: Answers): Promise<number> {
  const { prompter, screens } = deps;
  try {
    screens.note('');
    if (!(await prompter.confirm('Save your answers to a file (for your therapist, or to check again later)?', false))) return EXIT.ok;
    let name = opts.resume?.path ?? 'answers.json';
    for (;;) {
      name = (await prompter.text('File name:', name)).trim();
      const path = resolve(opts.cwd, name);
      let replace = false;
      if (await exists(path)) {
        replace = await prompter.confirm(`${name} already exists. Replace it?`, false);
        if (!replace) continue;
      }
      await saveAnswers(path, opts.questionnaire, answers, replace);
      screens.note(`Saved your answers in ${name} (readable only by you). To see this result again: ${PROGRAM} evaluate ${name}`);
      return EXIT.ok;
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    deps.errorLine(`${PROGRAM}: stopped; your answers were not saved`);
    return EXIT.interrupted;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Why `path` can never be written as the answers file, or undefined when it can be. */
async function whyUnsavable(path: string): Promise<string | undefined> {
  try {
    if ((await stat(path)).isDirectory()) return 'it is a folder';
  } catch {
    // absent: the usual case
  }
  try {
    await access(dirname(path), constants.W_OK | constants.X_OK);
    return undefined;
  } catch {
    return 'its folder does not exist or cannot be written';
  }
}
