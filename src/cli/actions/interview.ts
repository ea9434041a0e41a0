/**
 * The interview action behind `../commands/interview.ts` (reached only by `import()`):
 * loads the questionnaire and any `--resume` file, decides colour and plain mode once, loads the
 * prompt library, and runs the session. Returns the exit code; user errors are ScreenErrors
 * (65 bad answers file, 66 unreadable file, 78 invalid questionnaire).
 */
import { Chalk } from 'chalk';
import { useColor } from '../color.js';
import type { CliIo } from '../io.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';
import { nextQuestion, walk } from '../../engine/walk.js';
import { evaluate } from '../../engine/evaluate.js';
import { parseAnswersDocument } from '../../engine/answers.js';
import { parseAnswersJson, readAnswersSource } from '../../io/answers-file.js';
import { EXIT, ScreenError } from '../../errors.js';
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import { renderResultText } from '../../report/text.js';
import { wrapText } from '../../report/wrap-text.js';
import { createInquirerPrompter } from '../../interview/inquirer-prompter.js';
import { runInterviewSession, type InterruptReason } from '../../interview/interview-session.js';
import { createLinePrompts } from '../../interview/line-prompts.js';
import { createPlainPrompter } from '../../interview/plain-prompter.js';
import { createScreens } from '../../interview/screens.js';
import { checkReportTarget, handoutStep } from '../../interview/handout-offer.js';
import { cliNow } from '../clock.js';

export interface InterviewCommandOptions {
  readonly questionnaire?: string;
  readonly save?: string;
  readonly resume?: string;
  readonly force?: boolean;
  readonly plain?: boolean;
  /** Write the handout here at the end (docs/exports.md). */
  readonly report?: string;
}

/**
 * `signal` is aborted on Ctrl+C outside a prompt, SIGTERM or SIGHUP (its reason an
 * InterruptReason; `echoed` when the terminal was not in raw mode and so has printed "^C"): the
 * next prompt then stops at once (restoring the terminal) and the session ends as after Ctrl+C
 * in a prompt, with 130, 143 or 129. Without it, only Ctrl+C in a prompt is seen.
 * `cmd`: how to start the tool again, for the hints.
 */
export async function runInterviewCommand(options: InterviewCommandOptions, io: CliIo, signal?: AbortSignal, cmd = 'sciatica-screen'): Promise<number> {
  const plain = options.plain === true || io.env.TERM === 'dumb';
  const color = !plain && useColor(io.stdout, io.env);
  const chalk = new Chalk({ level: color ? colorLevel(io) : 0 });
  signal ??= new AbortController().signal;

  // The prompt library loads while the questionnaire is read and checked.
  // (Plain mode needs none of it: it reads lines, see ../../interview/line-prompts.ts.)
  const promptsLoading = plain ? undefined : import('@inquirer/prompts');
  promptsLoading?.catch(() => undefined); // reported below if it matters; never an unhandled rejection
  const questionnaire = await loadQuestionnaireArg(options.questionnaire, io);
  const resume = options.resume === undefined ? undefined : { path: options.resume, answers: await readResume(options.resume, io, questionnaire, cmd) };
  // A --report file that can never be written stops before any question (exit 73).
  if (options.report !== undefined) await checkReportTarget(options.report, options.force === true, io.cwd, io.env.HOME);

  const write = (text: string): void => {
    io.stdout.write(text);
  };
  const promptIo = { input: io.stdin, output: io.stdout, signal };
  const prompter = plain
    ? createPlainPrompter(createLinePrompts(), { chalk, io: promptIo, write, columns: io.stdout.columns ?? 80 })
    : createInquirerPrompter(await (promptsLoading as Promise<typeof import('@inquirer/prompts')>), { chalk, io: promptIo, write, columns: io.stdout.columns ?? 80, ...(rows(io) ? { rows: rows(io) } : {}) });
  const width = io.stdout.columns ?? 80;
  const screens = createScreens(write, { chalk, plain, width, ...(rows(io) ? { rows: rows(io) } : {}) }, (r, heading) => renderResultText(r, { questionnaire, color, width: Math.min(width, 100), heading }));

  // After SIGHUP the terminal is gone: writing to it fails (EIO). Nothing can be shown any more,
  // but the answers must still be saved and the exit code set, so such a failure is not a crash.
  const terminalGone = (): void => undefined;
  io.stdout.on('error', terminalGone);
  io.stderr.on('error', terminalGone);
  try {
    return await runInterviewSession(
      {
        questionnaire,
        ...(options.save !== undefined ? { save: options.save } : {}),
        force: options.force === true,
        ...(resume ? { resume } : {}),
        cwd: io.cwd,
        ...(io.env.HOME ? { home: io.env.HOME } : {}),
        command: cmd,
        now: () => cliNow(io),
      },
      {
        engine: { nextQuestion, evaluate, walk },
        prompter,
        screens,
        errorLine: (text) => {
          // After a "^C" echoed by the terminal, the line starts on a line of its own.
          const echoed = signal.aborted && (signal.reason as InterruptReason | undefined)?.echoed === true;
          // Word-wrapped like everything else on the terminal (the terminal would cut words in two).
        io.stderr.write(`${echoed ? '\n' : ''}${wrapText(text, Math.max(20, io.stderr.columns ?? width) - 1).join('\n')}\n`);
        },
        signal,
        handout: (answers, result) =>
          handoutStep(
            { questionnaire, ...(options.report !== undefined ? { report: options.report } : {}), force: options.force === true, cwd: io.cwd, ...(io.env.HOME ? { home: io.env.HOME } : {}), now: () => cliNow(io) },
            { prompter, screens, errorLine: (text) => io.stderr.write(`${text}\n`), signal },
            answers,
            result,
          ),
      },
    );
  } finally {
    io.stdout.off('error', terminalGone);
    io.stderr.off('error', terminalGone);
  }
}

/**
 * Reads and validates a `--resume` file exactly as `evaluate` reads an answers file (same size
 * cap, BOM, repeated keys, a syntax error's place); any problem is one line and exit 65 (66 if
 * unreadable).
 */
async function readResume(source: string, io: CliIo, q: Questionnaire, cmd: string): Promise<Answers> {
  const { label, bytes } = await readAnswersSource(source, io);
  const parsed = parseAnswersJson(bytes, label);
  if (!parsed.ok) throw new ScreenError('interview.resume-invalid', EXIT.dataErr, parsed.error);
  const { answers, problems } = parseAnswersDocument(parsed.doc, q);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; check it with: ${cmd} evaluate ${label})` : '';
    throw new ScreenError('interview.resume-invalid', EXIT.dataErr, `${label}: ${first.message}${more}`);
  }
  return answers;
}

function colorLevel(io: CliIo): 1 | 2 | 3 {
  const has = io.stdout.hasColors?.bind(io.stdout);
  if (!has) return 1;
  return has(2 ** 24) ? 3 : has(256) ? 2 : 1;
}

function rows(io: CliIo): number | undefined {
  return (io.stdout as { rows?: number }).rows;
}
