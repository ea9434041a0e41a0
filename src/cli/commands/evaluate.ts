/**
 * `sciatica-screen evaluate <answers.json | -> [--questionnaire <file>]
 * [--format text|json|markdown|html|fhir] [-o <file> [--force]]`: one answers file → one explained
 * result (docs/evaluate.md; the handout and FHIR in docs/exports.md). The work is in ../actions/evaluate.ts,
 * loaded only when the command runs.
 */
import { Option, type Command } from 'commander';
import type { EvaluateOptions } from '../actions/evaluate.js';
import type { CommandContext } from '../context.js';

export function registerEvaluate(program: Command, ctx: CommandContext): void {
  program
    .command('evaluate')
    .description('evaluate an answers file and explain the result (exit 0 whatever the result)')
    .argument('<answers>', 'answers file (JSON), or - to read standard input')
    .option('-q, --questionnaire <file>', 'questionnaire file (default: the bundled sciatica-massage questionnaire)')
    .addOption(
      new Option('-f, --format <format>', 'output format: text, json, a handout (markdown, html) or a FHIR R4 Bundle (fhir)')
        .choices(['text', 'json', 'markdown', 'html', 'fhir'])
        .default('text'),
    )
    .option('-o, --output <file>', 'write to this file (atomically, readable only by you) instead of standard output')
    .option('--force', 'replace the --output file if it exists')
    .action(async (source: string, opts: EvaluateOptions) => {
      const { runEvaluate } = await import('../actions/evaluate.js');
      await runEvaluate(source, opts, ctx);
    });
}
