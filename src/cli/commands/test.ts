/**
 * `sciatica-screen test <questionnaire> <cases>`: runs test cases through the engine.
 *
 * stdout: one `file:line:col: id: difference` line per failing case, then `N passed, M failed`,
 * then (with --coverage or --strict) what no case exercised. Exit 0 when every case passes (and,
 * with --strict, every red-flag value is tested); 65 otherwise, or when the cases file is
 * malformed (every problem as `file:line:col: error: …` on stderr); 66 when a file cannot be
 * read; 78 when the questionnaire is invalid. Format: docs/cases-format.md.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { coverageOf } from '../../cases/coverage.js';
import { loadCases } from '../../cases/load.js';
import { renderCoverage, renderFailure, renderSummary } from '../../cases/report.js';
import { runCases } from '../../cases/run.js';
import { EXIT, ScreenError } from '../../errors.js';
import { checkQuestionnaire, readQuestionnaireBytes } from '../../questionnaire/load.js';
import type { Questionnaire } from '../../questionnaire/model.js';
import type { CommandContext } from '../main.js';

interface TestOptions {
  coverage?: boolean;
  strict?: boolean;
}

export function registerTest(program: Command, ctx: CommandContext): void {
  program
    .command('test')
    .description('run test cases (answers + expected disposition and cautions) through the engine')
    .argument('<questionnaire>', 'the questionnaire file (YAML)')
    .argument('<cases>', 'the cases file (YAML; see docs/cases-format.md)')
    .option('--coverage', 'also report the rules, red-flag values, outcomes and cautions no case exercised')
    .option('--strict', 'fail (exit 65) when a red-flag value is tested by no case (implies --coverage)')
    .addHelpText(
      'after',
      '\nExit status: 0 all cases pass; 65 a case fails, the cases file is malformed, or (--strict) a red flag is untested;\n' +
        '66 a file cannot be read; 78 the questionnaire is invalid.\n\n' +
        'Example:\n  sciatica-screen test questionnaires/sciatica-massage.yaml test/cases/sciatica-massage.cases.yaml --strict\n',
    )
    .action(async (questionnaireArg: string, casesArg: string, options: TestOptions) => {
      const { io, state } = ctx;
      const q = await loadShown(resolve(io.cwd, questionnaireArg), questionnaireArg);
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
    });
}

/** Loads a questionnaire, naming it in messages as the user wrote it. Throws ScreenError 66 / 78. */
async function loadShown(path: string, shown: string): Promise<Questionnaire> {
  const { bytes, size } = await readQuestionnaireBytes(path, shown);
  const { questionnaire, problems } = checkQuestionnaire(bytes, shown, size);
  if (!questionnaire) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new ScreenError('questionnaire.invalid', EXIT.config, `${shown} is not a valid questionnaire`, errors);
  }
  return questionnaire;
}
