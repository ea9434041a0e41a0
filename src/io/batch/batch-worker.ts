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

try {
  const processor = new ChunkProcessor(setup.questionnaire, await loadBatchEngine(), setup);
  port.on('message', (task: ChunkTask) => {
    try {
      const result = processor.process(task);
      const out = encoder.encode(result.out as string);
      port.postMessage({ type: 'result', result: { ...result, out } } satisfies WorkerMessage, [out.buffer]);
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
  send({ type: 'ready' });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
