/**
 * A batch worker thread: loads the real engine once (the questionnaire comes cloned from the main thread), then turns each
 * `ChunkTask` it is sent into a `ChunkResult`. Started by `WorkerPool`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBatchEngine } from './batch-engine.js';
import type { WorkerMessage, WorkerSetup } from './chunk-runner.js';
import { ChunkProcessor, type ChunkTask } from './process-chunk.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const encoder = new TextEncoder();

function send(m: WorkerMessage): void {
  port.postMessage(m);
}

/** The results as UTF-8, written over the task's own (transferred) buffer when they fit, so it goes back to the main thread's pool. */
function encodeResults(text: string, task: ChunkTask): Uint8Array {
  if (task.kind === 'jsonl' || task.kind === 'csv') {
    const whole = new Uint8Array(task.bytes.buffer as ArrayBuffer);
    const { read, written } = encoder.encodeInto(text, whole);
    if (read === text.length) return whole.subarray(0, written);
  }
  return encoder.encode(text);
}

// In a function, not at the top level: the CLI bundle is CommonJS, which has no top-level await.
async function start(): Promise<void> {
  const processor = new ChunkProcessor(setup.questionnaire, await loadBatchEngine(), setup);
  port.on('message', (task: ChunkTask) => {
    try {
      const result = processor.process(task);
      const out = encodeResults(result.out as string, task);
      port.postMessage({ type: 'result', result: { ...result, out } } satisfies WorkerMessage, [out.buffer as ArrayBuffer]);
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
  send({ type: 'ready' });
}
start().catch((e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
