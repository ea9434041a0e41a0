/**
 * `sciatica-screen test <questionnaire> <cases>`: runs test cases through the engine (format:
 * docs/cases-format.md). The work is in ../actions/test.ts, loaded only when the command runs.
 */
import type { Command } from 'commander';
import type { TestOptions } from '../actions/test.js';
import type { CommandContext } from '../main.js';

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
      const { runTest } = await import('../actions/test.js');
      await runTest(questionnaireArg, casesArg, options, ctx);
    });
}
