/**
 * One interview from start to exit code, around the question loop: the welcome, resuming,
 * saving as you go (`--save`), the offer to save at the end, and Ctrl+C, SIGTERM and SIGHUP.
 *
 * Exit codes: 0 when a result was shown (whatever it says: a disposition is never an exit code);
 * 73 when the `--save` file cannot be written at the start, when the person declines to replace
 * an existing one, or when it could not be written later and the answers were not saved anywhere
 * else (the result is shown first, and another file is offered); 130 after Ctrl+C, 143 after
 * SIGTERM, 129 after SIGHUP (with one line on stderr saying where the answers are, or that they
 * were not saved). A stop asks nothing more.
 *
 * Saving never loses the answers to a typo: a file name that cannot be written at the end is
 * said so and asked again (`~` is the home folder; the default is a new file there).
 */
import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXIT } from '../errors.js';
import type { Result } from '../engine/result.js';
import type { Answers, Questionnaire } from '../questionnaire/model.js';
import { AnswersFile, SaveError } from './answers-file.js';
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
  /** The home folder: `~` in a typed file name, and where the offered file goes. */
  readonly home?: string;
  /** How to run the tool again, for the hints (default `sciatica-screen`). */
  readonly command?: string;
  /** The CLI's clock: `savedAt` in the answers file. */
  readonly now?: () => Date;
}

export interface SessionDeps {
  readonly engine: InterviewEngine;
  readonly prompter: Prompter;
  readonly screens: Screens;
  /** Writes one line to stderr (the line after Ctrl+C). */
  readonly errorLine: (text: string) => void;
  /**
   * Aborted on Ctrl+C outside a prompt, SIGTERM or SIGHUP (its reason an InterruptReason). The
   * prompter's prompts then reject at once (so the interview stops as after Ctrl+C in a prompt);
   * the session checks it where no prompt follows.
   */
  readonly signal?: AbortSignal;
  /**
   * The handout step after the result (./handout-offer.ts): writes `--report` or offers a
   * handout. Returns an exit code when the person stopped there, else undefined.
   */
  readonly handout?: (answers: Answers, result: Result) => Promise<number | undefined>;
}

/** Why the interview was stopped from outside; `echoed`: the terminal printed "^C" itself. */
export interface InterruptReason {
  readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP';
  readonly echoed?: boolean;
}

export const PROGRAM = 'sciatica-screen';

/** 128 + the signal's number, as a shell reports a process the signal ended: 130, 143, 129. */
export function interruptExitCode(signal: AbortSignal | undefined): number {
  const reason = signal?.aborted ? (signal.reason as Partial<InterruptReason> | undefined) : undefined;
  if (reason?.signal === 'SIGTERM') return 143;
  if (reason?.signal === 'SIGHUP') return 129;
  return EXIT.interrupted;
}

/** `~` or `~/…` at the start of a typed name means the home folder (as a shell would expand it). */
export function expandHome(name: string, home: string | undefined): string {
  if (home === undefined || home === '') return name;
  if (name === '~') return home;
  if (name.startsWith('~/')) return join(home, name.slice(2));
  return name;
}

export async function runInterviewSession(opts: SessionOptions, deps: SessionDeps): Promise<number> {
  const { prompter, screens } = deps;
  const q = opts.questionnaire;
  const cmd = opts.command ?? PROGRAM;
  const stopped = (): number => interruptExitCode(deps.signal);

  const savePath = opts.save === undefined ? undefined : resolve(opts.cwd, expandHome(opts.save, opts.home));
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
    return stopped();
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
      return stopped();
    }
    if (!mayReplace) {
      deps.errorLine(`${PROGRAM}: ${opts.save} was kept as it is; choose another file with --save, or add --force to replace it`);
      return EXIT.cantCreate;
    }
  }

  const file = savePath === undefined || opts.save === undefined ? undefined : new AnswersFile(savePath, opts.save, mayReplace, opts.now);
  /** The last save's failure (cleared by a later success). */
  let problem: SaveError | undefined;
  const trySave = async (answers: Answers): Promise<SaveError | undefined> => {
    if (file === undefined) return undefined;
    try {
      await file.write(q, answers);
      problem = undefined;
    } catch (e) {
      if (!(e instanceof SaveError)) throw e;
      problem = e;
    }
    return problem;
  };

  const end = await runInterview({
    questionnaire: q,
    engine: deps.engine,
    prompter,
    screens,
    ...(opts.resume ? { initial: opts.resume.answers } : {}),
    onAnswers: async (answers) => {
      const hadProblem = problem !== undefined;
      const now = await trySave(answers);
      // Said once, not after every answer; the answers stay in memory and are offered at the end.
      if (now && !hadProblem) screens.note(`\nYour answers could not be saved in ${now.shown}: ${now.reason}. The interview goes on; you can save them in another file at the end.`);
    },
  });

  if (end.kind === 'interrupted') {
    if (file !== undefined) {
      const failed = await trySave(end.answers);
      deps.errorLine(
        failed
          ? `${PROGRAM}: stopped; your answers could not be saved in ${failed.shown} (${failed.reason})`
          : `${PROGRAM}: stopped; your answers so far are saved in ${opts.save} (continue with: ${cmd} --resume ${opts.save} --save ${opts.save})`,
      );
    } else {
      deps.errorLine(`${PROGRAM}: stopped; your answers were not saved (use --save FILE to keep them)`);
    }
    return stopped();
  }

  // The handout first (what to show the therapist or the staff), unless a stop is under way.
  if (deps.handout && !deps.signal?.aborted) {
    const code = await deps.handout(end.answers, end.result);
    if (code !== undefined) return code;
  }

  if (file !== undefined) {
    const failed = await trySave(end.answers);
    if (failed === undefined) {
      screens.note(`\nYour answers are saved in ${opts.save} (readable only by you). To see this result again: ${cmd} evaluate ${opts.save}`);
      return stoppedAfterResult(deps, `your answers are saved in ${opts.save}`) ?? EXIT.ok;
    }
    screens.note(`\nYour answers could not be saved in ${failed.shown}: ${failed.reason}.`);
    const code = stoppedAfterResult(deps, `your answers could not be saved in ${failed.shown} (${failed.reason})`);
    if (code !== undefined) return code;
    const saved = await offerToSave(opts, deps, end.answers, 'elsewhere');
    if (end.stopped) screens.remind(end.result);
    return saved === 'saved' ? EXIT.ok : saved === 'declined' ? EXIT.cantCreate : saved;
  }
  const code = stoppedAfterResult(deps, 'your answers were not saved (use --save FILE to keep them)');
  if (code !== undefined) return code;
  const saved = await offerToSave(opts, deps, end.answers, end.stopped ? 'emergency' : 'end');
  // After an emergency, what to do now is the last thing on the screen.
  if (end.stopped && typeof saved === 'string') screens.remind(end.result);
  return typeof saved === 'number' ? saved : EXIT.ok;
}

/** A stop (Ctrl+C, SIGTERM, SIGHUP) while the result was being shown, where no prompt follows: its code and one line. */
function stoppedAfterResult(deps: SessionDeps, what: string): number | undefined {
  if (!deps.signal?.aborted) return undefined;
  deps.errorLine(`${PROGRAM}: stopped; ${what}`);
  return interruptExitCode(deps.signal);
}

const OFFERS = {
  end: 'Save your answers to a file (for your therapist, or to check again later)?',
  emergency: 'Save your answers to a file (to show them at the hospital or to your doctor)?',
  elsewhere: 'Save your answers in another file?',
} as const;

/**
 * Offers to save `answers` until they are saved or the person says no: a name that cannot be
 * written is said so and another is asked for. 'saved', 'declined', or the exit code of a stop.
 */
async function offerToSave(opts: SessionOptions, deps: SessionDeps, answers: Answers, why: keyof typeof OFFERS): Promise<'saved' | 'declined' | number> {
  const { prompter, screens } = deps;
  const cmd = opts.command ?? PROGRAM;
  try {
    screens.note('');
    if (!(await prompter.confirm(OFFERS[why], why === 'elsewhere'))) {
      if (why === 'elsewhere') screens.note('Your answers were not saved.');
      return 'declined';
    }
    let name = why !== 'elsewhere' && opts.resume ? opts.resume.path : await freeDefaultName(opts);
    for (;;) {
      name = (await prompter.text('File name:', name)).trim();
      const path = resolve(opts.cwd, expandHome(name, opts.home));
      let replace = false;
      if (await exists(path)) {
        replace = await prompter.confirm(`${name} already exists. Replace it?`, false);
        if (!replace) continue;
      }
      try {
        await new AnswersFile(path, name, replace, opts.now).write(opts.questionnaire, answers);
      } catch (e) {
        if (!(e instanceof SaveError)) throw e;
        screens.note(`Could not save your answers in ${name}: ${e.reason}.`);
        if (!(await prompter.confirm('Try another file name?', true))) {
          screens.note('Your answers were not saved.');
          return 'declined';
        }
        name = await freeDefaultName(opts);
        continue;
      }
      screens.note(`Saved your answers in ${name} (readable only by you). To see this result again: ${cmd} evaluate ${name}`);
      return 'saved';
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    deps.errorLine(`${PROGRAM}: stopped; your answers were not saved`);
    return interruptExitCode(deps.signal);
  }
}

/** A name for a new file in the home folder (`~/sciatica-screen-answers.json`, then `-2`, …), or `answers.json` without one. */
async function freeDefaultName(opts: SessionOptions): Promise<string> {
  if (opts.home === undefined || opts.home === '') return 'answers.json';
  for (let i = 1; i < 100; i++) {
    const name = `~/sciatica-screen-answers${i === 1 ? '' : `-${i}`}.json`;
    if (!(await exists(expandHome(name, opts.home)))) return name;
  }
  return '~/sciatica-screen-answers.json';
}

/** True when anything (a dangling link too) is at `path`. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Why `path` can never be written as the answers file, or undefined when it can be. */
async function whyUnsavable(path: string): Promise<string | undefined> {
  try {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return 'it is a symbolic link; name the file itself, or another file';
    if (st.isDirectory()) return 'it is a folder';
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
