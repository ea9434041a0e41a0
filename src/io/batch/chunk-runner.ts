/**
 * Runs chunks through `ChunkProcessor`, in this thread or in a pool of worker threads. Results
 * may complete out of order; `OrderedOutput` puts them back in input order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Questionnaire } from '../../questionnaire/model.js';
import { BufferPool } from './buffer-pool.js';
import { TASK_BYTES } from './input-framer.js';
import type { ChunkProcessor, ChunkResult, ChunkSettings, ChunkTask } from './process-chunk.js';

export interface ChunkRunner {
  readonly threads: number;
  /** Where task bytes should be allocated, and results (Uint8Array `out`) handed back once written. */
  readonly pool?: BufferPool;
  run(task: ChunkTask): Promise<ChunkResult>;
  close(): Promise<void>;
}

export class InProcessRunner implements ChunkRunner {
  readonly threads = 1;
  constructor(private readonly processor: ChunkProcessor) {}
  async run(task: ChunkTask): Promise<ChunkResult> {
    await Promise.resolve();
    return this.processor.process(task);
  }
  async close(): Promise<void> {}
}

/** What every worker is started with (structured-cloned: the questionnaire is loaded once, by the main thread). */
export interface WorkerSetup extends ChunkSettings {
  readonly questionnaire: Questionnaire;
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: ChunkResult }
  | { readonly type: 'failed'; readonly message: string };

/**
 * A small young generation keeps each worker's memory flat (records die young; a bigger nursery
 * buys no speed and costs RSS in every thread). Measured (200k JSONL records, 2 workers,
 * interleaved, loaded 2-core machine): 2 MB 15-17k records/s, 102 MB peak RSS; 4 MB 16-25k,
 * 105-109 MB; 8 MB 19-25k, 118-119 MB; 16 MB 13-15k, 131-133 MB; 64 MB 16-17k, 211 MB. The old-generation cap is a backstop, not a
 * budget: it must hold the questionnaire, the engine and the worst record allowed
 * (MAX_RECORD_BYTES = 4 MiB of JSON such as `[{},{},…]` parses to about 100 MB of heap), or one
 * hostile record would kill the batch. A normal run uses a few MB of it; its peak RSS is the same
 * with a 64 MB or a 256 MB cap (measured on 1 M records, see docs/batch.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };

/**
 * Chunks a worker holds at once: the one it works on and the next, so that it never waits for
 * this thread (busy with a chunk of its own, or with the input) to send it more.
 */
const PER_WORKER = 2;

const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

/** True when the compiled worker exists (not when running from TypeScript sources, as in tests). */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

interface Job {
  readonly task: ChunkTask;
  readonly resolve: (r: ChunkResult) => void;
  readonly reject: (e: Error) => void;
}

/**
 * A fixed pool of workers, each working on one chunk at a time (and holding the next), and
 * optionally this thread too (`local`): `--jobs N` evaluates in N threads, this one and N − 1
 * workers. This thread has little else to do (reading, cutting records, writing: under a tenth
 * of the work), so a worker of its own would mostly wait, and on a machine with N cores a third
 * thread only competes for them.
 * Measured on 2 cores (bench/batch.mjs, docs/batch.md): this thread + 1 worker against 2 workers.
 * This thread takes a queued chunk only once per turn of the event loop (`setImmediate`), after
 * the workers' results and the input and output have been served, so none of them waits on it
 * for longer than one chunk (32 KiB of input, about a millisecond).
 */
export class WorkerPool implements ChunkRunner {
  /** Per worker, the chunks sent to it and not yet answered, oldest first (at most PER_WORKER). */
  private readonly sent = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  private localTurn: NodeJS.Immediate | undefined;
  /** Twice a task's size: a task's results (about a third of its input for JSONL) fit in its own buffer. */
  readonly pool: BufferPool;

  private constructor(
    private readonly workers: Worker[],
    private readonly local: ChunkProcessor | undefined,
  ) {
    for (const w of workers) this.sent.set(w, []);
    this.pool = new BufferPool(2 * TASK_BYTES, 4 * this.threads + 4);
  }

  get threads(): number {
    return this.workers.length + (this.local === undefined ? 0 : 1);
  }

  /**
   * Starts `n` workers and waits until each has loaded the questionnaire and the engine. With
   * `local`, this thread is one of the `n` (so `n - 1` workers start) and runs chunks with it.
   */
  static async start(n: number, setup: WorkerSetup, local?: ChunkProcessor): Promise<WorkerPool> {
    const workers = Array.from({ length: local === undefined ? n : n - 1 }, () => new Worker(WORKER_URL, { workerData: setup, resourceLimits: WORKER_LIMITS }));
    try {
      await Promise.all(workers.map((w) => firstMessage(w)));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    const pool = new WorkerPool(workers, local);
    for (const w of workers) pool.listen(w);
    return pool;
  }

  run(task: ChunkTask): Promise<ChunkResult> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.localTurn !== undefined) clearImmediate(this.localTurn);
    this.localTurn = undefined;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    for (let depth = 1; depth <= PER_WORKER && this.queue.length > 0; depth++) {
      for (const [worker, jobs] of this.sent) {
        if (jobs.length >= depth) continue;
        const job = this.queue.shift();
        if (job === undefined) break;
        jobs.push(job);
        const t = job.task;
        worker.postMessage(t, t.kind === 'jsonl' || t.kind === 'csv' ? [t.bytes.buffer as ArrayBuffer] : []);
      }
    }
    if (this.local !== undefined && this.queue.length > 0 && this.localTurn === undefined) this.localTurn = setImmediate(() => this.runLocal());
  }

  /** One queued chunk, in this thread. */
  private runLocal(): void {
    this.localTurn = undefined;
    const job = this.failure === undefined ? this.queue.shift() : undefined;
    if (job === undefined || this.local === undefined) return;
    let result: ChunkResult;
    try {
      result = this.local.process(job.task);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      job.reject(error);
      this.fail(error);
      return;
    }
    const t = job.task;
    // Its bytes were taken from the pool for a worker; read here, they go straight back.
    if (t.kind === 'jsonl' || t.kind === 'csv') this.pool.give(t.bytes);
    job.resolve(result);
    this.dispatch();
  }

  private listen(worker: Worker): void {
    worker.on('message', (m: WorkerMessage) => {
      const job = this.sent.get(worker)?.shift();
      if (!job) return;
      if (m.type === 'result') job.resolve(m.result);
      else job.reject(new Error(m.type === 'failed' ? m.message : 'unexpected message from a batch worker'));
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (code !== 0 || (this.sent.get(worker)?.length ?? 0) > 0) this.fail(new Error(`a batch worker stopped (exit ${code})`));
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of [...[...this.sent.values()].flat(), ...this.queue]) job.reject(this.failure);
    for (const jobs of this.sent.values()) jobs.length = 0;
    this.queue.length = 0;
  }
}

function firstMessage(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      worker.off('error', onError);
      if (m.type === 'ready') resolve();
      else reject(new Error(m.type === 'failed' ? m.message : 'a batch worker did not start'));
    };
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      reject(e);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}
