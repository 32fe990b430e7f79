import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type ChunkLedger, claimChunk } from './chunk-claims.js';
import { type FileOutcome, type FileSettings, fileEvaluator } from './evaluate-file.js';

/** What a batch worker is started with (src/run/parallel.ts). */
export interface BatchWorkerData {
  pgcheckBatch: true;
  thread: number;
  settings: FileSettings;
  files: string[];
  named: boolean[];
  chunkSize: number;
  ledger: ChunkLedger;
}

/** What a batch worker posts: one message per chunk it evaluated. */
export interface ChunkMessage {
  chunk: number;
  outcomes: FileOutcome[];
}

/** Evaluates the chunks this thread claims, posting each chunk's outcomes as it is done. */
export async function runBatchWorker(data: BatchWorkerData, post: (message: ChunkMessage) => void): Promise<void> {
  const evaluate = fileEvaluator(data.settings);
  for (let chunk = claimChunk(data.ledger, data.thread, true); chunk !== undefined; chunk = claimChunk(data.ledger, data.thread, true)) {
    const outcomes: FileOutcome[] = [];
    const end = Math.min(data.files.length, (chunk + 1) * data.chunkSize);
    for (let index = chunk * data.chunkSize; index < end; index += 1) {
      outcomes.push(await evaluate(data.files[index] as string, data.named[index] === true));
    }
    post({ chunk, outcomes });
  }
}

export function isBatchWorker(): boolean {
  return !isMainThread && (workerData as Partial<BatchWorkerData> | null)?.pgcheckBatch === true;
}

// The worker's entry: this module in the library build, the bundled CLI (which imports it) otherwise.
// An exception ends the thread; the main thread then evaluates the chunks it had claimed.
if (isBatchWorker() && parentPort) {
  const port = parentPort;
  void runBatchWorker(workerData as BatchWorkerData, (message) => port.postMessage(message));
}
