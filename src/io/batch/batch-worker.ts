/**
 * A batch worker thread: loads the questionnaire and the real engine once, then turns each
 * `ChunkTask` it is sent into a `ChunkResult`. Started by `WorkerPool`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBatchEngine } from './batch-engine.js';
import type { WorkerMessage, WorkerSetup } from './chunk-runner.js';
import { ChunkProcessor, type ChunkTask } from './process-chunk.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;

function send(m: WorkerMessage): void {
  port.postMessage(m);
}

try {
  const [{ loadQuestionnaire }, engine] = await Promise.all([import('../../questionnaire/load.js'), loadBatchEngine()]);
  const q = await loadQuestionnaire(setup.questionnaire.startsWith('file:') ? new URL(setup.questionnaire) : setup.questionnaire);
  if (q.sha256 !== setup.sha256) throw new Error(`${q.file} changed while the batch was starting`);
  const processor = new ChunkProcessor(q, engine, setup);
  port.on('message', (task: ChunkTask) => {
    try {
      send({ type: 'result', result: processor.process(task) });
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  });
  send({ type: 'ready' });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
