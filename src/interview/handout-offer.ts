/**
 * The handout at the end of the interview (docs/exports.md): written to `--report FILE` without
 * asking, or offered ("Write a page to show your therapist or doctor?"). The file's name says
 * the form: `.html`/`.htm` a printable page, anything else Markdown. Written as every file is:
 * atomically, mode 0600, never over an existing file unless agreed (`--force`, or "yes" to
 * "Replace it?"). A name that cannot be written is said so and another is offered; Ctrl+C stops
 * and asks nothing more.
 */
import { lstat, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Result } from '../engine/result.js';
import { EXIT, ScreenError } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { Answers, Questionnaire } from '../questionnaire/model.js';
import { handoutFormatOf, renderHandout } from '../report/render-handout.js';
import { expandHome, interruptExitCode, PROGRAM } from './interview-session.js';
import { isPromptExit, type Prompter } from './prompter.js';
import type { Screens } from './screens.js';

export interface HandoutStepOptions {
  readonly questionnaire: Questionnaire;
  /** `--report FILE` as typed. */
  readonly report?: string;
  /** Replace an existing `--report` file. */
  readonly force: boolean;
  readonly cwd: string;
  readonly home?: string;
  /** The CLI's clock: the handout's date. */
  readonly now: () => Date;
}

export interface HandoutStepDeps {
  readonly prompter: Prompter;
  readonly screens: Screens;
  readonly errorLine: (text: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * Refuses, before any question, a `--report` file that could never be written: an existing file
 * without `--force`, a folder, a missing folder (ScreenError 73).
 */
export async function checkReportTarget(report: string, force: boolean, cwd: string, home?: string): Promise<void> {
  const path = resolve(cwd, expandHome(report, home));
  const refuse = (why: string): never => {
    throw new ScreenError('io.cannot-write', EXIT.cantCreate, `cannot write ${report}: ${why}`);
  };
  const st = await lstat(path).catch(() => undefined);
  if (st?.isDirectory()) refuse('it is a folder');
  if (st !== undefined && !force) refuse('the file already exists (use --force to replace it)');
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (folder === undefined || !folder.isDirectory()) refuse('the folder does not exist');
}

/** Writes or offers the handout. Undefined to go on; an exit code when the person stopped. */
export async function handoutStep(opts: HandoutStepOptions, deps: HandoutStepDeps, answers: Answers, result: Result): Promise<number | undefined> {
  const { prompter, screens } = deps;
  const emergency = opts.questionnaire.outcomes.find((o) => o.id === result.disposition)?.stop === true;
  const write = async (name: string, replace: boolean): Promise<string | undefined> => {
    const path = resolve(opts.cwd, expandHome(name, opts.home));
    const text = renderHandout(handoutFormatOf(name), { questionnaire: opts.questionnaire, answers, result, date: opts.now() });
    try {
      await writeFileAtomic(path, text, { mode: 0o600, noClobber: !replace, shown: name });
      return undefined;
    } catch (e) {
      if (e instanceof ScreenError) return e.message.replace(`cannot write ${name}: `, '');
      throw e;
    }
  };
  const done = (name: string): void =>
    screens.note(`Your handout is in ${name} (readable only by you). ${emergency ? 'Show it to the staff.' : 'Print it, or show it to your therapist or doctor.'}`);

  if (opts.report !== undefined) {
    const failed = await write(opts.report, opts.force);
    if (failed === undefined) {
      screens.note('');
      done(opts.report);
      return undefined;
    }
    screens.note(`\nCould not write the handout to ${opts.report}: ${failed}.`);
  }
  try {
    screens.note('');
    const question =
      opts.report !== undefined
        ? 'Write the handout to another file?'
        : emergency
          ? 'Write a page with this result and your answers, to show the staff?'
          : 'Write a handout with this result and your answers, to show your therapist or doctor?';
    if (!(await prompter.confirm(question, opts.report !== undefined))) return undefined;
    let name = await freeHandoutName(opts);
    for (;;) {
      name = (await prompter.text('File name (.html for a printable page, .md for text):', name)).trim();
      const path = resolve(opts.cwd, expandHome(name, opts.home));
      let replace = false;
      if (await lstat(path).then(
        () => true,
        () => false,
      )) {
        replace = await prompter.confirm(`${name} already exists. Replace it?`, false);
        if (!replace) continue;
      }
      const failed = await write(name, replace);
      if (failed === undefined) {
        done(name);
        return undefined;
      }
      screens.note(`Could not write the handout to ${name}: ${failed}.`);
      if (!(await prompter.confirm('Try another file name?', true))) return undefined;
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    deps.errorLine(`${PROGRAM}: stopped; no handout was written`);
    return interruptExitCode(deps.signal);
  }
}

/** `~/sciatica-screen-handout.html`, then `-2`, … (or `handout.html` without a home folder). */
async function freeHandoutName(opts: HandoutStepOptions): Promise<string> {
  if (opts.home === undefined || opts.home === '') return 'handout.html';
  for (let i = 1; i < 100; i++) {
    const name = `~/sciatica-screen-handout${i === 1 ? '' : `-${i}`}.html`;
    const taken = await lstat(expandHome(name, opts.home)).then(
      () => true,
      () => false,
    );
    if (!taken) return name;
  }
  return '~/sciatica-screen-handout.html';
}
