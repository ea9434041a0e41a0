/**
 * `sciatica-screen evaluate <answers.json | -> [--questionnaire <file>] [--format text|json]`:
 * one answers file → one explained result (docs/evaluate.md). Exit 0 whatever the disposition;
 * 65 for bad answers (one line per problem, naming the file and question) or unreadable JSON
 * (`file:line:col: …`); 66 when the answers file cannot be read; the questionnaire's own errors
 * come from the loader (66, 78).
 */
import { Option, type Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import { parseAnswersDocument } from '../../engine/answers.js';
import { EXIT, ScreenError } from '../../errors.js';
import { parseAnswersJson, readAnswersSource } from '../../io/answers-file.js';
import { checkQuestionnaire, loadQuestionnaire, readQuestionnaireBytes } from '../../questionnaire/load.js';
import type { Questionnaire } from '../../questionnaire/model.js';
import { resultToJson } from '../../report/json.js';
import { renderResultText } from '../../report/text.js';
import { useColor } from '../color.js';
import { BUNDLED_QUESTIONNAIRE } from '../io.js';
import { ExitRequest, type CommandContext } from '../main.js';
import { resolve } from 'node:path';

interface EvaluateOptions {
  questionnaire?: string;
  format: 'text' | 'json';
}

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  program
    .command('evaluate')
    .description('evaluate an answers file and explain the result (exit 0 whatever the result)')
    .argument('<answers>', 'answers file (JSON), or - to read standard input')
    .option('-q, --questionnaire <file>', 'questionnaire file (default: the bundled sciatica-massage questionnaire)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (source: string, opts: EvaluateOptions) => {
      const { io } = ctx;
      const questionnaire =
        opts.questionnaire === undefined
          ? await loadQuestionnaire(BUNDLED_QUESTIONNAIRE)
          : await loadShown(resolve(io.cwd, opts.questionnaire), opts.questionnaire);
      const { label, bytes } = await readAnswersSource(source, io);
      const parsed = parseAnswersJson(bytes, label);
      if (!parsed.ok) {
        io.stderr.write(`${parsed.error}\n`);
        throw new ExitRequest(EXIT.dataErr);
      }
      const { answers, problems } = parseAnswersDocument(parsed.doc, questionnaire);
      if (problems.length > 0) {
        io.stderr.write(problems.map((p) => `${label}: ${p.message}\n`).join(''));
        throw new ExitRequest(EXIT.dataErr);
      }
      const result = evaluate(questionnaire, answers);
      if (opts.format === 'json') io.stdout.write(resultToJson(result));
      else {
        // Readable lines: the terminal's width up to 100 columns; 80 when written to a file or pipe.
        const width = io.stdout.isTTY && io.stdout.columns !== undefined ? Math.min(io.stdout.columns, 100) : 80;
        io.stdout.write(renderResultText(result, { color: useColor(io.stdout, io.env), width }));
      }
    });
}

/** Loads a questionnaire named on the command line; problems name it as the user wrote it. */
async function loadShown(path: string, shown: string): Promise<Questionnaire> {
  const { bytes, size } = await readQuestionnaireBytes(path, shown);
  const { questionnaire, problems } = checkQuestionnaire(bytes, shown, size);
  if (questionnaire === undefined) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new ScreenError('questionnaire.invalid', EXIT.config, `${shown} is not a valid questionnaire`, errors);
  }
  return questionnaire;
}
