/**
 * `sciatica-screen batch <input | ->`: evaluates many answer sets with the same engine as
 * `evaluate`, streaming, in input order (docs/batch.md). The work is in ../actions/batch.ts,
 * loaded only when the command runs.
 */
import { Option, type Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import { INPUT_FORMATS, OUTPUT_FORMATS } from '../../io/batch/formats.js';
import type { BatchOptions } from '../actions/batch.js';
import type { CommandContext } from '../context.js';

export function registerBatch(program: Command, ctx: CommandContext): void {
  program
    .command('batch')
    .description('evaluate many answer sets (JSONL, CSV or a JSON array) with the same engine as evaluate; one result per record, in order')
    .argument('<input>', 'answers file (.jsonl/.ndjson, .csv, .json), or - for standard input (JSONL unless --from)')
    .addOption(new Option('--from <format>', 'input format, when the file name does not say').choices([...INPUT_FORMATS]))
    .addOption(new Option('--to <format>', 'output format').choices([...OUTPUT_FORMATS]).default('jsonl'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--force', 'let -o replace an existing file (never the input file)')
    .option('-q, --questionnaire <file>', 'questionnaire file (default: the bundled sciatica-massage questionnaire)')
    .option('--full', 'write the whole result of each record, not only its summary')
    .option('--jobs <n>', 'threads that evaluate records, this one included: n - 1 worker threads start (default: one per CPU, at most 8, for input from a pipe or a file of 16 MiB or more; smaller files run in this thread alone, where workers would cost more than they gain; 1 = no worker)', parseJobs)
    .option('--delimiter <char>', 'CSV input: the field delimiter: "," ";" or tab (default: found in the header)', parseDelimiter)
    .option('--ignore-column <name>', 'CSV input: a column not to read (repeatable)', collect)
    .option('--keep-column <name>', 'CSV input: a column to copy into each result, to join back (repeatable)', collect)
    .option('--excel', 'CSV output for Excel: ";" between fields, CRLF and a BOM (with --to csv)')
    .action(async (input: string, options: BatchOptions) => {
      const { runBatchCommand } = await import('../actions/batch.js');
      ctx.state.exitCode = await runBatchCommand(input, options, ctx);
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseDelimiter(value: string): ',' | ';' | '\t' {
  if (value === ',' || value === ';') return value;
  if (value === '\t' || value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  throw new ScreenError('cli.bad-option', EXIT.usage, `--delimiter must be "," ";" or tab, not ${JSON.stringify(value)}`);
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ScreenError('cli.bad-option', EXIT.usage, `--jobs must be a whole number from 1 to 64, not "${value}"`);
  return n;
}

