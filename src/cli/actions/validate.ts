/**
 * The `validate` action (registered in ../commands/validate.ts, loaded only when it runs): loads,
 * checks and lints questionnaires and prints every problem as `file:line:col: severity: message`
 * (stderr), or one JSON document (stdout) with `--format json`. `-` is standard input. Exit: 0 all
 * valid (warnings allowed), 78 any invalid, 66 any unreadable.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, formatProblem, isScreenError, type Problem } from '../../errors.js';
import { checkQuestionnaire, MAX_QUESTIONNAIRE_BYTES, readQuestionnaireBytes } from '../../questionnaire/load.js';
import { BUNDLED_QUESTIONNAIRE } from '../io.js';
import type { CommandContext } from '../context.js';

interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  readonly counts: { questions: number; rules: number; outcomes: number } | null;
  readonly problems: readonly Problem[];
}

export interface ValidateOptions {
  format: 'text' | 'json';
}

export async function runValidate(files: string[], opts: ValidateOptions, ctx: CommandContext): Promise<void> {
  const { io, state } = ctx;
  const targets = files.length > 0 ? files.map((f) => (f === '-' ? { shown: STDIN, path: '-' } : { shown: f, path: resolve(io.cwd, f) })) : [bundled(io.cwd)];
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const t of targets) {
    try {
      const { bytes, size } = t.path === '-' ? await readStdin(io.stdin) : await readQuestionnaireBytes(t.path, t.shown);
      const { questionnaire, problems } = checkQuestionnaire(bytes, t.shown, size);
      const counts = questionnaire ? { questions: questionnaire.questions.length, rules: questionnaire.rules.length, outcomes: questionnaire.outcomes.length } : null;
      reports.push({ file: t.shown, ok: questionnaire !== undefined, counts, problems: problems.map(orderKeys) });
      if (opts.format === 'text') printText(reports[reports.length - 1]!, io);
    } catch (e) {
      if (!isScreenError(e) || e.exitCode !== EXIT.noInput) throw e;
      unreadable = true;
      if (opts.format === 'text') io.stderr.write(`sciatica-screen: ${e.message}\n`);
      reports.push({ file: t.shown, ok: false, counts: null, problems: [{ code: e.code, severity: 'error', file: t.shown, line: 1, col: 1, message: e.message }] });
    }
  }
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ files: reports }, null, 2)}\n`);
  state.exitCode = unreadable ? EXIT.noInput : reports.every((r) => r.ok) ? EXIT.ok : EXIT.config;
}

function printText(r: FileReport, io: CommandContext['io']): void {
  if (r.problems.length > 0) io.stderr.write(`${r.problems.map(formatProblem).join('\n')}\n`);
  if (r.counts) {
    const { questions, rules, outcomes } = r.counts;
    io.stdout.write(`ok ${r.file}: ${plural(questions, 'question')}, ${plural(rules, 'rule')}, ${plural(outcomes, 'outcome')}\n`);
  }
}

/** How standard input (`-`) is named in messages. */
const STDIN = '<stdin>';

/** Standard input to its end, or its first bytes past the size cap (the size is then unknown). */
async function readStdin(stdin: CommandContext['io']['stdin']): Promise<{ bytes: Uint8Array; size?: number }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    length += b.length;
    if (length > MAX_QUESTIONNAIRE_BYTES) break;
  }
  return { bytes: Buffer.concat(chunks).subarray(0, MAX_QUESTIONNAIRE_BYTES + 1) };
}

/** The bundled questionnaire, shown relative to the working directory when it lies below it. */
function bundled(cwd: string): { shown: string; path: string } {
  const path = fileURLToPath(BUNDLED_QUESTIONNAIRE);
  const rel = relative(cwd, path);
  return { shown: rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path, path };
}

/** Problems in JSON read code, severity, where, then what. */
function orderKeys(p: Problem): Problem {
  return { code: p.code, severity: p.severity, file: p.file, line: p.line, col: p.col, message: p.message };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
