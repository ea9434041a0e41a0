/**
 * The `evaluate` action (registered in ../commands/evaluate.ts, loaded only when it runs): one
 * answers file → one explained result. Exit 0 whatever the disposition; 65 for bad answers (one
 * line per problem, naming the file and question) or unreadable JSON (`file:line:col: …`); 66
 * when the answers file cannot be read; the questionnaire's own errors come from the loader (66, 78).
 */
import { evaluate } from '../../engine/evaluate.js';
import { parseAnswersDocument } from '../../engine/answers.js';
import { EXIT } from '../../errors.js';
import { capList, printable } from '../../quote.js';
import { parseAnswersJson, readAnswersSource } from '../../io/answers-file.js';
import { resultToJson } from '../../report/json.js';
import { renderResultText } from '../../report/text.js';
import { cliNow } from '../clock.js';
import { useColor } from '../color.js';
import { ExitRequest, type CommandContext } from '../context.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';
import { writeOutput } from '../write-output.js';

export interface EvaluateOptions {
  questionnaire?: string;
  format: 'text' | 'json' | 'markdown' | 'html' | 'fhir';
  output?: string;
  force?: boolean;
}

export async function runEvaluate(source: string, opts: EvaluateOptions, { io }: CommandContext): Promise<void> {
  const questionnaire = await loadQuestionnaireArg(opts.questionnaire, io);
  // `-` at a terminal waits for typed input: say so, rather than seem to hang.
  if (source === '-' && io.stdin.isTTY === true) io.stderr.write('Reading the answers (JSON) from the terminal; end with Ctrl+D.\n');
  const { label, bytes } = await readAnswersSource(source, io);
  const parsed = parseAnswersJson(bytes, label);
  if (!parsed.ok) {
    io.stderr.write(printable(`${parsed.error}\n`));
    throw new ExitRequest(EXIT.dataErr);
  }
  const { answers, problems } = parseAnswersDocument(parsed.doc, questionnaire);
  if (problems.length > 0) {
    // At most LIST_MAX_ITEMS lines, then "and N more": a file of 100,000 bad keys is one screen.
    io.stderr.write(capList(problems.map((p) => p.message)).map((m) => printable(`${label}: ${m}\n`)).join(''));
    throw new ExitRequest(EXIT.dataErr);
  }
  const result = evaluate(questionnaire, answers);
  const target = { ...(opts.output === undefined ? {} : { output: opts.output }), force: opts.force === true, input: source };
  switch (opts.format) {
    case 'json':
      await writeOutput(io, resultToJson(result), target);
      return;
    case 'markdown':
    case 'html': {
      const { renderHandout } = await import('../../report/render-handout.js');
      await writeOutput(io, renderHandout(opts.format, { questionnaire, answers, result, date: cliNow(io) }), target);
      return;
    }
    case 'fhir': {
      const { toFhirBundle } = await import('../../io/fhir/bundle.js');
      const savedAt = savedAtOf(parsed.doc);
      const bundle = toFhirBundle(questionnaire, answers, result, { timestamp: cliNow(io), ...(savedAt === undefined ? {} : { authored: savedAt }) });
      await writeOutput(io, `${JSON.stringify(bundle, null, 2)}\n`, target);
      return;
    }
    case 'text': {
      const toFile = opts.output !== undefined && opts.output !== '-';
      // Readable lines: the terminal's width up to 100 columns; 80 when written to a file or pipe.
      const width = !toFile && io.stdout.isTTY && io.stdout.columns !== undefined ? Math.min(io.stdout.columns, 100) : 80;
      await writeOutput(io, renderResultText(result, { questionnaire, color: !toFile && useColor(io.stdout, io.env), width }), target);
      return;
    }
    default: {
      const _exhaustive: never = opts.format;
      throw new Error(`unknown format ${String(_exhaustive)}`);
    }
  }
}

/** The answers file's `savedAt` (docs/answers-format.md), when it has one. */
function savedAtOf(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const v = (doc as { savedAt?: unknown }).savedAt;
  return typeof v === 'string' ? v : undefined;
}
