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
import { nextQuestion } from '../../engine/walk.js';
import { evaluate } from '../../engine/evaluate.js';
import { parseAnswersDocument } from '../../engine/answers.js';
import { parseAnswersJson, readAnswersSource } from '../../io/answers-file.js';
import { EXIT, ScreenError } from '../../errors.js';
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import { renderResultText } from '../../report/text.js';
import { createInquirerPrompter } from '../../interview/inquirer-prompter.js';
import { runInterviewSession } from '../../interview/interview-session.js';
import { createPlainPrompter } from '../../interview/plain-prompter.js';
import { createScreens } from '../../interview/screens.js';

export interface InterviewCommandOptions {
  readonly questionnaire?: string;
  readonly save?: string;
  readonly resume?: string;
  readonly force?: boolean;
  readonly plain?: boolean;
}

/**
 * `signal` is aborted on Ctrl+C outside a prompt (SIGINT; its reason is 'echoed' when the
 * terminal was not in raw mode and so has printed "^C"): the next prompt then stops at once and
 * the session ends as after Ctrl+C in a prompt. Without it, only Ctrl+C in a prompt is seen.
 */
export async function runInterviewCommand(options: InterviewCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const plain = options.plain === true || io.env.TERM === 'dumb';
  const color = !plain && useColor(io.stdout, io.env);
  const chalk = new Chalk({ level: color ? colorLevel(io) : 0 });
  signal ??= new AbortController().signal;

  // The prompt library loads while the questionnaire is read and checked.
  const promptsLoading = import('@inquirer/prompts');
  promptsLoading.catch(() => undefined); // reported below if it matters; never an unhandled rejection
  const questionnaire = await loadQuestionnaireArg(options.questionnaire, io);
  const resume = options.resume === undefined ? undefined : { path: options.resume, answers: await readResume(options.resume, io, questionnaire) };

  const prompts = await promptsLoading;
  const write = (text: string): void => {
    io.stdout.write(text);
  };
  const promptIo = { input: io.stdin, output: io.stdout, signal };
  const prompter = plain
    ? createPlainPrompter(prompts, { chalk, io: promptIo, write, columns: io.stdout.columns ?? 80 })
    : createInquirerPrompter(prompts, { chalk, io: promptIo, write, columns: io.stdout.columns ?? 80, ...(rows(io) ? { rows: rows(io) } : {}) });
  const width = io.stdout.columns ?? 80;
  const screens = createScreens(write, { chalk, plain, width, ...(rows(io) ? { rows: rows(io) } : {}) }, (r, heading) => renderResultText(r, { color, width: Math.min(width, 100), heading }));

  return runInterviewSession(
    {
      questionnaire,
      ...(options.save !== undefined ? { save: options.save } : {}),
      force: options.force === true,
      ...(resume ? { resume } : {}),
      cwd: io.cwd,
    },
    {
      engine: { nextQuestion, evaluate },
      prompter,
      screens,
      errorLine: (text) => {
        // After a "^C" echoed by the terminal, the line starts on a line of its own.
        io.stderr.write(`${signal.aborted && signal.reason === 'echoed' ? '\n' : ''}${text}\n`);
      },
      signal,
    },
  );
}

/**
 * Reads and validates a `--resume` file exactly as `evaluate` reads an answers file (same size
 * cap, BOM, repeated keys, a syntax error's place); any problem is one line and exit 65 (66 if
 * unreadable).
 */
async function readResume(source: string, io: CliIo, q: Questionnaire): Promise<Answers> {
  const { label, bytes } = await readAnswersSource(source, io);
  const parsed = parseAnswersJson(bytes, label);
  if (!parsed.ok) throw new ScreenError('interview.resume-invalid', EXIT.dataErr, parsed.error);
  const { answers, problems } = parseAnswersDocument(parsed.doc, q);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; check it with: sciatica-screen evaluate ${label})` : '';
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
