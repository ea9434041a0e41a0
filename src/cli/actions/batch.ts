/**
 * The `batch` action (registered in ../commands/batch.ts, loaded only when it runs): evaluates many answer sets (JSONL, CSV or a JSON array)
 * with the same engine as `evaluate`, streaming, in input order; see docs/batch.md.
 * Exit 0 when every record was evaluated, 65 when any was bad (all others are still written),
 * 66 input not readable, 73 output not writable, 78 invalid questionnaire, 64 bad usage.
 * A closed output (`| head`) ends quietly with 0.
 */
import { fstat } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { EXIT, fileErrorReason, ScreenError } from '../../errors.js';
import { openAtomicOutput, resolveWriteTarget, writeError, type AtomicOutput } from '../../io/write-atomic.js';
import { loadBatchEngine } from '../../io/batch/batch-engine.js';
import { InProcessRunner, WorkerPool, workersAvailable, type ChunkRunner } from '../../io/batch/chunk-runner.js';
import { formatOfFileName, type InputFormat, type OutputFormat } from '../../io/batch/formats.js';
import { delimiterName, planCsvColumns } from '../../io/batch/csv-columns.js';
import type { CsvDelimiter, CsvReading } from '../../io/batch/input-framer.js';
import { recordFormatter, type RecordLayout } from '../../io/batch/format-record.js';
import { ChunkProcessor } from '../../io/batch/process-chunk.js';
import { NO_PROGRESS, terminalProgress } from '../../io/batch/progress.js';
import { readFilePieces } from '../../io/batch/read-file-pieces.js';
import { formatSummary, runBatch } from '../../io/batch/run-batch.js';
import type { Questionnaire } from '../../questionnaire/model.js';
import type { CommandContext } from '../context.js';
import { exitCodeOfSignal, type CliStdin, type InterruptSignal } from '../io.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';

export interface BatchOptions {
  from?: InputFormat;
  to: OutputFormat;
  output?: string;
  questionnaire?: string;
  full?: boolean;
  jobs?: number;
  /** Replace an existing -o file (never the input). */
  force?: boolean;
  /** CSV input: the field delimiter (else detected from the header). */
  delimiter?: CsvDelimiter;
  /** CSV input: columns not read (repeatable). */
  ignoreColumn?: string[];
  /** CSV input: columns copied into the output (repeatable). */
  keepColumn?: string[];
  /** CSV output for Excel: `;`, CRLF and a BOM. */
  excel?: boolean;
}

/** Inputs smaller than this are evaluated in-process whatever --jobs says: starting workers would cost more. */
const WORKER_THRESHOLD_BYTES = 256 * 1024;
/**
 * Without --jobs, files smaller than this run in one thread too: each worker loads the engine and
 * warms up its own JIT, which on this 2-core machine made 2 workers slower than one thread up to
 * about 10 MB of JSONL (7 MB: 2.5 s against 1.5 s; 21 MB: 2.8 s against 3.8 s; bench/batch.mjs,
 * docs/batch.md). Standard input of unknown size gets workers: it is the big-stream case.
 */
const DEFAULT_WORKERS_FROM_BYTES = 16 * 1024 * 1024;
const MAX_DEFAULT_JOBS = 8;

export async function runBatchCommand(input: string, options: BatchOptions, { io }: CommandContext): Promise<number> {
  const stdin = input === '-';
  const from = options.from ?? (stdin ? 'jsonl' : formatOfFileName(input));
  if (!from) {
    throw new ScreenError('cli.unknown-format', EXIT.usage, `cannot tell the format of ${input} from its name; add --from jsonl, --from csv or --from json`);
  }
  if (from !== 'csv' && (options.delimiter !== undefined || options.ignoreColumn || options.keepColumn)) {
    const which = options.delimiter !== undefined ? '--delimiter' : options.ignoreColumn ? '--ignore-column' : '--keep-column';
    throw new ScreenError('cli.bad-option', EXIT.usage, `${which} is for CSV input; ${input} is read as ${from.toUpperCase()}`);
  }
  if (options.excel && options.to !== 'csv') throw new ScreenError('cli.bad-option', EXIT.usage, '--excel is for CSV output: add --to csv');
  const q = await loadQuestionnaireArg(options.questionnaire, io);

  const inputName = stdin ? '<stdin>' : input;
  if (options.output === '') throw new ScreenError('cli.bad-option', EXIT.usage, '-o needs a file name (or leave it out to write to standard output)');
  let inputHandle: FileHandle | undefined;
  let inputSize: number | undefined;
  let inputId: FileId | undefined;
  if (!stdin) {
    try {
      inputHandle = await open(resolve(io.cwd, input), 'r');
      const stat = await inputHandle.stat();
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stat.isFile()) inputSize = stat.size;
      inputId = { dev: stat.dev, ino: stat.ino };
    } catch (e) {
      await inputHandle?.close().catch(() => undefined);
      throw readError(input, e);
    }
  } else inputId = await stdinFileId(io.stdin);

  // Ctrl+C, SIGTERM, SIGHUP: stop reading, write out what was read (to stdout), never leave a
  // half -o file or its temporary file; exit 130, 143 or 129. Listening starts before the -o
  // file's temporary file is created, so a signal at that moment cannot kill the process and
  // leave the temporary file behind (the run below then stops at once and discards it).
  const interrupt = new AbortController();
  let caught: InterruptSignal = 'SIGINT';
  const stopListening = io.onInterrupt?.((signal) => {
    caught = signal ?? 'SIGINT';
    interrupt.abort();
  });
  let output: AtomicOutput | undefined;
  try {
    output = options.output === undefined ? undefined : await openOutput(resolve(io.cwd, options.output), options.output, inputId, options.force ?? false);
  } catch (e) {
    stopListening?.();
    await inputHandle?.close().catch(() => undefined);
    throw e;
  }
  let runner: ChunkRunner | undefined;
  try {
    const layout = { element: from === 'json', keep: options.keepColumn ?? [], excel: options.excel ?? false };
    runner = await startRunner(options, q, stdin ? undefined : inputSize, layout);
    const formatter = recordFormatter(options.to, options.full ?? false, undefined, undefined, layout);
    const csv: CsvReading = {
      delimiter: options.delimiter,
      plan(names, delimiter, detected) {
        // Commas are what everyone expects; anything else is said, so a wrong guess is seen.
        if (delimiter !== ',') io.stderr.write(`batch: ${inputName}: CSV fields separated by ${delimiterName(delimiter)}${detected ? ' (found in the header; --delimiter to choose)' : ''}\n`);
        return planCsvColumns(names, q, { ignore: options.ignoreColumn ?? [], keep: options.keepColumn ?? [] }, inputName);
      },
    };
    const source = inputHandle ? readFilePieces(inputHandle) : io.stdin;
    const summary = await runBatch({
      input: source,
      inputName,
      outputName: options.output ?? 'standard output',
      from,
      sink: output?.stream ?? io.stdout,
      framing: formatter,
      runner,
      stderr: io.stderr,
      progress: io.stderr.isTTY ? terminalProgress(io.stderr, inputSize) : NO_PROGRESS,
      signal: interrupt.signal,
      csv,
    });
    if (summary.brokenPipe) return EXIT.ok;
    if (summary.interrupted) {
      const where = output?.atomic ? `${options.output} was not written` : 'the results before it were written';
      const records = `${summary.records} record${summary.records === 1 ? '' : 's'}`;
      const what = caught === 'SIGINT' ? 'interrupted' : `stopped by ${caught}`;
      throw new ScreenError('batch.interrupted', exitCodeOfSignal(caught), `${what} after ${records}; ${where}`);
    }
    await output?.commit();
    io.stderr.write(`${formatSummary(summary, q.outcomes.map((o) => o.id))}\n`);
    return summary.errors > 0 ? EXIT.dataErr : EXIT.ok;
  } finally {
    stopListening?.();
    await runner?.close();
    await output?.discard();
    await inputHandle?.close().catch(() => undefined);
  }
}

async function startRunner(options: BatchOptions, q: Questionnaire, inputSize: number | undefined, layout: RecordLayout): Promise<ChunkRunner> {
  const settings = { to: options.to, full: options.full ?? false, ...layout };
  const defaultJobs = inputSize !== undefined && inputSize < DEFAULT_WORKERS_FROM_BYTES ? 1 : Math.min(availableParallelism(), MAX_DEFAULT_JOBS);
  const jobs = options.jobs ?? defaultJobs;
  const small = inputSize !== undefined && inputSize < WORKER_THRESHOLD_BYTES;
  const local = new ChunkProcessor(q, await loadBatchEngine(), settings);
  // N jobs: this thread and N − 1 workers (chunk-runner.ts says why).
  if (jobs > 1 && !small && workersAvailable()) return WorkerPool.start(jobs, { ...settings, questionnaire: q }, local);
  return new InProcessRunner(local);
}

interface FileId {
  readonly dev: number;
  readonly ino: number;
}

/** The file behind standard input when it is redirected from one (`batch - < a.jsonl`). */
function stdinFileId(stdin: CliStdin): Promise<FileId | undefined> {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return Promise.resolve(undefined);
  return new Promise((res) => fstat(fd, (e, st) => res(e || !st.isFile() ? undefined : { dev: st.dev, ino: st.ino })));
}

/**
 * Opens the -o file. Never the input file (same device and inode, however it is reached: the
 * same name, a symbolic or a hard link), even with --force; an existing file only with --force.
 */
async function openOutput(path: string, shown: string, input: FileId | undefined, force: boolean): Promise<AtomicOutput> {
  let target;
  try {
    target = await resolveWriteTarget(path);
  } catch (e) {
    throw writeError(shown, e);
  }
  if (input && target.exists && target.dev === input.dev && target.ino === input.ino) {
    throw new ScreenError('io.output-is-input', EXIT.cantCreate, `cannot write ${shown}: it is the input file (the results would replace the answers); write them to another file`);
  }
  return openAtomicOutput(path, shown, 0o600, { noClobber: !force });
}

function readError(input: string, e: unknown): ScreenError {
  return new ScreenError('io.cannot-read', EXIT.noInput, `cannot read ${input}: ${fileErrorReason(e, 'read')}`);
}
