/**
 * `sciatica-screen validate [files...]`: checks questionnaires and prints every problem as
 * `file:line:col` (docs/validate.md). The work is in ../actions/validate.ts, loaded only when the
 * command runs.
 */
import { Option, type Command } from 'commander';
import type { ValidateOptions } from '../actions/validate.js';
import type { CommandContext } from '../context.js';

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('check questionnaire files and print every problem as file:line:col (default: the bundled questionnaire)')
    .argument('[files...]', 'questionnaire files (YAML or JSON; - reads standard input)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], opts: ValidateOptions) => {
      const { runValidate } = await import('../actions/validate.js');
      await runValidate(files, opts, ctx);
    });
}
