/**
 * `batch --jobs N` with its pool of workers, in this process so that coverage sees the worker's
 * code (the built binary runs real threads: batch.e2e.test.ts). `node:worker_threads` is replaced
 * by a Worker that evaluates the real src/io/batch/batch-worker.ts over a real MessageChannel
 * (so tasks and results are structured-cloned and their buffers transferred, as between threads).
 * What it proves: the pool's output is byte for byte the one-thread output, in input order, for
 * every format; a chunk a worker cannot process fails the batch with its message; a worker that
 * dies (out of memory) fails every chunk waiting; a worker that cannot start stops the others.
 */
import type { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** The fake thread's side: what batch-worker.ts reads from `node:worker_threads` when it is evaluated. */
const thread = vi.hoisted(() => ({ port: undefined as unknown, data: undefined as unknown, workers: [] as unknown[], loading: Promise.resolve() }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  const WORKER_MODULE = '../../src/io/batch/batch-worker.ts';
  /** A "thread" in this process: the worker module evaluated afresh, talking over a MessageChannel. */
  class InProcessWorker extends EventEmitter {
    readonly main: MessagePort;
    private readonly inner: MessagePort;
    stopped = false;
    constructor(_url: URL, options: { workerData: unknown }) {
      super();
      const { port1, port2 } = new real.MessageChannel();
      this.main = port1;
      this.inner = port2;
      this.main.on('message', (m: unknown) => this.emit('message', m));
      const data = structuredClone(options.workerData);
      // One worker module at a time: it reads parentPort and workerData once, as it starts.
      thread.loading = thread.loading.then(async () => {
        thread.port = this.inner;
        thread.data = data;
        vi.resetModules();
        await import(/* @vite-ignore */ WORKER_MODULE);
      });
      thread.workers.push(this);
    }
    postMessage(m: unknown, transfer?: readonly ArrayBuffer[]): void {
      this.main.postMessage(m, transfer as ArrayBuffer[]);
    }
    /** As a worker killed for its memory: an error, then exit code 1. */
    die(): void {
      this.stopped = true;
      this.emit('error', new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
      this.emit('exit', 1);
      this.main.close();
      this.inner.close();
    }
    async terminate(): Promise<number> {
      if (!this.stopped) {
        this.stopped = true;
        this.main.close();
        this.inner.close();
        this.emit('exit', 1);
      }
      return 1;
    }
  }
  return {
    ...real,
    Worker: InProcessWorker,
    get parentPort() {
      return thread.port;
    },
    get workerData() {
      return thread.data;
    },
  };
});

// The built worker (dist/) is what decides that workers can run; here the fake stands in for it.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, existsSync: (p: Parameters<typeof real.existsSync>[0]) => String(p).endsWith('batch-worker.js') || real.existsSync(p) };
});

const { runCli } = await import('../helpers/run-cli.js');
const { WorkerPool } = await import('../../src/io/batch/chunk-runner.js');
const { loadBundledQuestionnaire } = await import('../../src/library.js');

type FakeWorker = EventEmitter & { die(): void; stopped: boolean };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-pool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 7000 records (above the 256 KiB from which --jobs starts workers, in every format), some of them bad. */
function records(): Array<Record<string, unknown> | string> {
  const out: Array<Record<string, unknown> | string> = [];
  for (let i = 0; i < 7000; i++) {
    if (i % 401 === 7) out.push('{"leg_pain": "perhaps"'); // not JSON
    else if (i % 337 === 5) out.push({ id: `p${i}`, answers: { age: 'old' } });
    else out.push({ id: `p${i}`, answers: { leg_pain: i % 3 === 0 ? 'yes' : 'no', age: 20 + (i % 70), pain_intensity: i % 11 } });
  }
  return out;
}

describe('batch --jobs 2: a pool of workers', () => {
  it('JSONL, CSV and a JSON array: the same bytes as one thread, in input order, with the same error records and exit code', async () => {
    const recs = records();
    const jsonl = join(dir, 'in.jsonl');
    await writeFile(jsonl, recs.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
    const json = join(dir, 'in.json');
    await writeFile(json, `[\n${recs.filter((r) => typeof r !== 'string').map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
    const csv = join(dir, 'in.csv');
    const rows = recs.filter((r): r is { id: string; answers: Record<string, unknown> } => typeof r !== 'string');
    const cell = (v: unknown) => (v === undefined ? '' : String(v));
    await writeFile(csv, `id,leg_pain,age,pain_intensity,note\n${rows.map((r) => [r.id, cell(r.answers.leg_pain), cell(r.answers.age), cell(r.answers.pain_intensity), 'seen at the front desk on a first visit'].join(',')).join('\n')}\n`);

    const runs: Record<string, Awaited<ReturnType<typeof runCli>>> = {};
    for (const [input, extra] of [
      [jsonl, []],
      [csv, ['--ignore-column', 'note', '--to', 'csv', '--full']],
      [json, ['--to', 'json']],
    ] as const) {
      thread.workers.length = 0;
      const pooled = await runCli(['batch', input, '--jobs', '2', ...extra]);
      runs[input] = pooled;
      // --jobs 2: the main thread and one worker.
      expect(thread.workers, `${input} ran in a worker`).toHaveLength(1);
      const single = await runCli(['batch', input, '--jobs', '1', ...extra]);
      expect(pooled.stdout).toBe(single.stdout);
      expect(pooled.code).toBe(single.code);
      expect(pooled.stderr.replace(/ · .*/g, '')).toBe(single.stderr.replace(/ · .*/g, ''));
      expect(pooled.stdout.length).toBeGreaterThan(100_000);
    }
    // The bad records are error records in their place, the batch exits 65.
    const r = runs[jsonl] as Awaited<ReturnType<typeof runCli>>;
    expect(r.code).toBe(65);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(7000);
    expect(JSON.parse(lines[5] as string)).toMatchObject({ line: 6, id: 'p5', error: expect.stringContaining('age') });
    expect(JSON.parse(lines[7] as string)).toMatchObject({ line: 8, error: expect.any(String) });
    expect(JSON.parse(lines[8] as string)).toMatchObject({ line: 9, id: 'p8', disposition: expect.any(String) });
    expect(JSON.parse(lines[6999] as string)).toMatchObject({ line: 7000, id: 'p6999', disposition: expect.any(String) });
    expect(thread.workers.every((w) => (w as FakeWorker).stopped)).toBe(true); // closed at the end
  }, 180_000);
});

describe('the worker pool', () => {
  const setup = async () => ({ to: 'jsonl' as const, full: false, element: false, keep: [], excel: false, questionnaire: await loadBundledQuestionnaire() });
  const task = (text: string, firstLine = 1) => ({ kind: 'jsonl' as const, firstLine, bytes: new TextEncoder().encode(text) });
  const text = (out: string | Uint8Array) => (typeof out === 'string' ? out : new TextDecoder().decode(out));

  it('runs more chunks than workers, each result for its own chunk', async () => {
    const pool = await WorkerPool.start(2, await setup());
    try {
      expect(pool.threads).toBe(2);
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(task(`{"id":"r${n}","answers":{"leg_pain":"no"}}\n`, n))));
      expect(results.map((r) => JSON.parse(text(r.out)) as { line: number; disposition: string })).toEqual([1, 2, 3, 4, 5].map((n) => expect.objectContaining({ line: n, id: `r${n}` })));
      expect(results.every((r) => r.records === 1 && r.errors === 0)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('a chunk the worker cannot process fails with the worker\'s message; the pool goes on', async () => {
    const pool = await WorkerPool.start(1, await setup());
    try {
      await expect(pool.run({ kind: 'nonsense' } as never)).rejects.toThrow('unknown chunk');
      const ok = await pool.run(task('{"leg_pain":"no"}\n'));
      expect(ok.records).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies (out of memory) fails the chunk it held and every later one', async () => {
    thread.workers.length = 0;
    const pool = await WorkerPool.start(1, await setup());
    try {
      const held = pool.run(task('{"leg_pain":"no"}\n'));
      const queued = pool.run(task('{"leg_pain":"yes"}\n'));
      (thread.workers[0] as FakeWorker).die();
      await expect(held).rejects.toThrow('memory limit');
      await expect(queued).rejects.toThrow('memory limit');
      await expect(pool.run(task('{}\n'))).rejects.toThrow('memory limit');
    } finally {
      await pool.close();
    }
  });

  it('a worker that cannot start (its questionnaire missing): start fails with its message and every worker is stopped', async () => {
    thread.workers.length = 0;
    await expect(WorkerPool.start(2, { ...(await setup()), questionnaire: undefined as never })).rejects.toThrow(/Cannot read properties of undefined/);
    expect(thread.workers).toHaveLength(2);
    expect(thread.workers.every((w) => (w as FakeWorker).stopped)).toBe(true);
  });
});
