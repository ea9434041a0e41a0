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

/** A fixed pool of workers, each running one chunk at a time. */
export class WorkerPool implements ChunkRunner {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | undefined;
  /** Twice a task's size: a task's results (about a third of its input for JSONL) fit in its own buffer. */
  readonly pool: BufferPool;

  private constructor(private readonly workers: Worker[]) {
    this.idle.push(...workers);
    this.pool = new BufferPool(2 * TASK_BYTES, 4 * workers.length + 4);
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Starts `n` workers and waits until each has loaded the questionnaire and the engine. */
  static async start(n: number, setup: WorkerSetup): Promise<WorkerPool> {
    const workers = Array.from({ length: n }, () => new Worker(WORKER_URL, { workerData: setup, resourceLimits: WORKER_LIMITS }));
    try {
      await Promise.all(workers.map((w) => firstMessage(w)));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    const pool = new WorkerPool(workers);
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
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      const t = job.task;
      worker.postMessage(t, t.kind === 'jsonl' || t.kind === 'csv' ? [t.bytes.buffer as ArrayBuffer] : []);
    }
  }

  private listen(worker: Worker): void {
    worker.on('message', (m: WorkerMessage) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (!job) return;
      if (m.type === 'result') job.resolve(m.result);
      else job.reject(new Error(m.type === 'failed' ? m.message : 'unexpected message from a batch worker'));
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (code !== 0 || this.busy.has(worker)) this.fail(new Error(`a batch worker stopped (exit ${code})`));
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(this.failure);
    this.busy.clear();
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
