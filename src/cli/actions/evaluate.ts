/**
 * The `evaluate` action (registered in ../commands/evaluate.ts, loaded only when it runs): one
 * answers file → one explained result. Exit 0 whatever the disposition; 65 for bad answers (one
 * line per problem, naming the file and question) or unreadable JSON (`file:line:col: …`); 66
 * when the answers file cannot be read; the questionnaire's own errors come from the loader (66, 78).
 */
import { evaluate } from '../../engine/evaluate.js';
import { parseAnswersDocument } from '../../engine/answers.js';
import { EXIT } from '../../errors.js';
import { parseAnswersJson, readAnswersSource } from '../../io/answers-file.js';
import { resultToJson } from '../../report/json.js';
import { renderResultText } from '../../report/text.js';
import { useColor } from '../color.js';
import { ExitRequest, type CommandContext } from '../context.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';

export interface EvaluateOptions {
  questionnaire?: string;
  format: 'text' | 'json';
}

export async function runEvaluate(source: string, opts: EvaluateOptions, { io }: CommandContext): Promise<void> {
  const questionnaire = await loadQuestionnaireArg(opts.questionnaire, io);
  // `-` at a terminal waits for typed input: say so, rather than seem to hang.
  if (source === '-' && io.stdin.isTTY === true) io.stderr.write('Reading the answers (JSON) from the terminal; end with Ctrl+D.\n');
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
}
