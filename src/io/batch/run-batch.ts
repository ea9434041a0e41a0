/**
 * A batch run: read the input in pieces, cut them into chunks of whole records, run each chunk
 * (in workers or in-process), and write the results in input order with back-pressure. Bad
 * records become error records and the run goes on; each is also reported on stderr (the first
 * `MAX_ERROR_LINES`). A closed output (EPIPE, e.g. `| head`) stops the run quietly; any other
 * output error (a full disk) stops it with a ScreenError (exit 73) naming the output.
 */
import type { Readable, Writable } from 'node:stream';
import { writeError } from '../write-atomic.js';
import type { ChunkRunner } from './chunk-runner.js';
import type { InputFormat } from './formats.js';
import { inputFramer, type CsvReading } from './input-framer.js';
import { OrderedOutput, type Framing } from './ordered-output.js';
import type { ChunkResult } from './process-chunk.js';
import type { Progress } from './progress.js';

/** Error records beyond this many are in the output but not repeated on stderr. */
export const MAX_ERROR_LINES = 100;

export interface BatchRun {
  readonly input: AsyncIterable<Uint8Array> & Partial<Pick<Readable, 'destroy'>>;
  /** How the input is named in messages (`<stdin>` for standard input). */
  readonly inputName: string;
  /** How the output is named in messages (`standard output`, or the -o file). */
  readonly outputName: string;
  readonly from: InputFormat;
  readonly sink: Writable;
  readonly framing: Framing;
  readonly runner: ChunkRunner;
  readonly stderr: Writable;
  readonly progress: Progress;
  readonly now?: () => number;
  /** Aborted (Ctrl+C): stop reading; the chunks already read are still written. */
  readonly signal?: AbortSignal;
  /** CSV input: the delimiter and the use of each column (default: every column by its own name). */
  readonly csv?: CsvReading;
}

export interface BatchSummary {
  /** Records read: evaluated + errors. */
  readonly records: number;
  readonly errors: number;
  readonly dispositions: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** The output was closed by its reader before the end; the run stopped early. */
  readonly brokenPipe: boolean;
  /** The run was interrupted (`signal` aborted) before the end of the input. */
  readonly interrupted: boolean;
}

class BrokenPipe {}
/** The sink failed for another reason than EPIPE (a full disk, an I/O error). */
class SinkFailed {
  constructor(readonly error: unknown) {}
}

export async function runBatch(run: BatchRun): Promise<BatchSummary> {
  const now = run.now ?? (() => performance.now());
  const started = now();
  let records = 0;
  let errors = 0;
  let bytesRead = 0;
  const dispositions: Record<string, number> = {};

  const onResult = (r: ChunkResult) => {
    records += r.records;
    for (const [d, n] of Object.entries(r.dispositions)) dispositions[d] = (dispositions[d] ?? 0) + n;
    if (r.errors > 0) {
      const shown = Math.max(0, Math.min(r.errorMessages.length, MAX_ERROR_LINES - errors));
      if (shown > 0) {
        run.progress.clear();
        run.stderr.write(r.errorMessages.slice(0, shown).map((m) => `${run.inputName}:${m}\n`).join(''));
      }
      errors += r.errors;
    }
    run.progress.update(records, bytesRead);
  };

  const maxPending = run.runner.threads * 2 + 1;
  const pool = run.runner.pool;
  const output = new OrderedOutput(run.sink, run.framing, maxPending, onResult, pool && ((out) => pool.give(out)));
  const onSinkError = (e: NodeJS.ErrnoException) => output.abort(e.code === 'EPIPE' ? new BrokenPipe() : new SinkFailed(e));
  // Each worker thread pipes its stdout into ours with an 'error' listener: with --jobs 10 ours
  // (and the one `drained` adds) would pass the default limit of 10 and print a leak warning.
  const max = run.sink.getMaxListeners();
  if (max !== 0) run.sink.setMaxListeners(Math.max(max, run.sink.listenerCount('error') + 2));
  run.sink.on('error', onSinkError);
  const framer = inputFramer(run.from, run.inputName, pool && ((n) => pool.take(n)), run.csv);
  // Standard input may wait forever for more: an interrupt ends the iteration by destroying it.
  const onAbort = (): void => void run.input.destroy?.();
  run.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    output.start();
    reading: for await (const piece of run.input) {
      if (run.signal?.aborted) break;
      bytesRead += piece.length;
      for (const task of framer.push(piece)) {
        await output.room();
        if (output.failed) break reading;
        output.push(run.runner.run(task));
      }
    }
    if (!output.failed && !run.signal?.aborted) {
      for (const task of framer.end()) {
        await output.room();
        output.push(run.runner.run(task));
      }
    }
    await output.finish();
  } catch (e) {
    if (!run.signal?.aborted) {
      output.abort(e);
      throw e;
    }
    await output.finish(); // a destroyed stdin may throw on interrupt: keep what was read
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
    run.progress.clear();
    if (output.failed) run.input.destroy?.();
  }
  const failed = output.failed;
  if (failed && !(failed.error instanceof BrokenPipe)) {
    run.sink.off('error', onSinkError);
    throw failed.error instanceof SinkFailed ? writeError(run.outputName, failed.error.error) : failed.error;
  }
  // After EPIPE the sink may emit more errors: keep a listener so none is unhandled.
  return { records, errors, dispositions, seconds: (now() - started) / 1000, brokenPipe: failed !== undefined, interrupted: run.signal?.aborted === true };
}

/** `batch: 5 records read: 3 evaluated (emergency 1, massage_ok 2), 2 errors · 0.01 s · 500 records/s` */
export function formatSummary(s: BatchSummary, outcomeOrder: readonly string[]): string {
  const known = outcomeOrder.filter((d) => (s.dispositions[d] ?? 0) > 0);
  const others = Object.keys(s.dispositions).filter((d) => !outcomeOrder.includes(d));
  const counts = [...known, ...others].map((d) => `${d} ${s.dispositions[d]}`).join(', ');
  const evaluated = s.records - s.errors;
  const rate = s.seconds > 0 ? Math.round(s.records / s.seconds) : 0;
  const notShown = s.errors > MAX_ERROR_LINES ? ` (the first ${MAX_ERROR_LINES} on stderr, all in the output)` : '';
  return (
    `batch: ${s.records} record${s.records === 1 ? '' : 's'} read: ${evaluated} evaluated${counts ? ` (${counts})` : ''}, ` +
    `${s.errors} error${s.errors === 1 ? '' : 's'}${notShown} · ${s.seconds.toFixed(2)} s · ${rate} records/s`
  );
}
