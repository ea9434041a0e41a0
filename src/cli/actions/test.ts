/**
 * The `test` action (registered in ../commands/test.ts, loaded only when it runs): runs test
 * cases through the engine.
 *
 * stdout: one `file:line:col: id: difference` line per failing case, then `N passed, M failed`,
 * then (with --coverage or --strict) what no case exercised. Exit 0 when every case passes (and,
 * with --strict, every red-flag value is tested); 65 otherwise, or when the cases file is
 * malformed (every problem as `file:line:col: error: …` on stderr); 66 when a file cannot be
 * read; 78 when the questionnaire is invalid. Format: docs/cases-format.md.
 */
import { resolve } from 'node:path';
import { coverageOf } from '../../cases/coverage.js';
import { loadCases } from '../../cases/load.js';
import { renderCoverage, renderFailure, renderSummary } from '../../cases/report.js';
import { runCases } from '../../cases/run.js';
import { EXIT } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';

export interface TestOptions {
  coverage?: boolean;
  strict?: boolean;
}

export async function runTest(questionnaireArg: string, casesArg: string, options: TestOptions, ctx: CommandContext): Promise<void> {
  const { io, state } = ctx;
  const q = await loadQuestionnaireArg(questionnaireArg, io);
  const cases = await loadCases(resolve(io.cwd, casesArg), casesArg);
  const run = runCases(q, cases);

  const out: string[] = [];
  for (const r of run.runs) if (!r.passed) out.push(renderFailure(r));
  out.push(renderSummary(run));
  let exit: number = run.failed > 0 ? EXIT.dataErr : EXIT.ok;

  if (options.coverage || options.strict) {
    const coverage = coverageOf(q, run.runs);
    out.push(renderCoverage(q, coverage));
    if (options.strict && coverage.redFlags.untested.length > 0) {
      const n = coverage.redFlags.untested.length;
      out.push(`strict: ${n} red-flag value${n === 1 ? ' is' : 's are'} tested by no case`);
      exit = EXIT.dataErr;
    }
  }
  io.stdout.write(`${out.join('\n')}\n`);
  state.exitCode = exit;
}
