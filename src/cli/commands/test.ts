/**
 * `sciatica-screen test <questionnaire> <cases>`: runs test cases through the engine (format:
 * docs/cases-format.md). The work is in ../actions/test.ts, loaded only when the command runs.
 */
import type { Command } from 'commander';
import type { TestOptions } from '../actions/test.js';
import type { CommandContext } from '../context.js';

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
      [
        '',
        'Prints one line per failing case (file:line:col: case id: difference),',
        'then "N passed, M failed" (and, with --coverage, what no case exercised).',
        '',
        'Exit status:',
        '  0   every case passes (with --strict, every red-flag value is also tested)',
        '  64  a bad command line',
        '  65  a case fails, the cases file is malformed,',
        '      or (--strict) a red-flag value is tested by no case',
        '  66  a file cannot be read',
        '  78  the questionnaire is invalid',
        '',
        'Example:',
        '  sciatica-screen test questionnaires/sciatica-massage.yaml \\',
        '    test/cases/sciatica-massage.cases.yaml --strict',
        '',
      ].join('\n'),
    )
    .action(async (questionnaireArg: string, casesArg: string, options: TestOptions) => {
      const { runTest } = await import('../actions/test.js');
      await runTest(questionnaireArg, casesArg, options, ctx);
    });
}
