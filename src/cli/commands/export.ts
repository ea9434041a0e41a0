/**
 * `sciatica-screen export questionnaire [file] --to fhir [-o file] [--force]`: a questionnaire in
 * another format (docs/exports.md). The work is in ../actions/export.ts, loaded only when it runs.
 */
import { Option, type Command } from 'commander';
import type { ExportQuestionnaireOptions } from '../actions/export.js';
import type { CommandContext } from '../context.js';

export function registerExport(program: Command, ctx: CommandContext): void {
  const exportCommand = program.command('export').description('write a questionnaire in another format (FHIR R4)');
  exportCommand
    .command('questionnaire')
    .description('write a questionnaire as a FHIR R4 Questionnaire resource (JSON)')
    .argument('[file]', 'questionnaire file (default: the bundled sciatica-massage questionnaire)')
    .addOption(new Option('--to <format>', 'output format').choices(['fhir']).default('fhir'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--force', 'replace the --output file if it exists')
    .action(async (file: string | undefined, opts: ExportQuestionnaireOptions) => {
      const { runExportQuestionnaire } = await import('../actions/export.js');
      await runExportQuestionnaire(file, opts, ctx);
    });
}
