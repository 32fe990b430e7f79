import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchWorkerData, ChunkMessage } from './batch-worker.js';
import { type ChunkLedger, claimChunk, claimedCount, createLedger, markEmitted, ownerOf } from './chunk-claims.js';
import type { FileEvaluator, FileOutcome, FileSettings } from './evaluate-file.js';

/** Files per claim: large enough that messages are few, small enough that the threads finish together. */
const CHUNK_SIZE = 16;
/**
 * A thread is worth starting only for at least this many files of its own: it loads and warms up
 * its own copy of the code, and on a 2-core machine a second thread was slower at 1,000 and 1,500
 * files, about even at 2,000 and faster from 4,000 on (bench/README.md).
 */
export const FILES_PER_THREAD = 1000;
/**
 * Threads used when not told. Each worker thread adds about 70 MB of memory (its own heap and copy
 * of the code): two keep a 10,000-file run under 200 MB; more are there for asking (`--jobs`).
 */
const MAX_DEFAULT_JOBS = 2;

// scripts/bundle.js defines this for the bundled CLI: the file that starts it (with its code cache),
// which starts the worker when loaded in a batch worker thread.
declare const PGCHECK_WORKER_ENTRY: string | undefined;

function workerEntry(): URL {
  return typeof PGCHECK_WORKER_ENTRY === 'string' ? new URL(PGCHECK_WORKER_ENTRY, import.meta.url) : new URL('./batch-worker.js', import.meta.url);
}

export interface BatchOptions {
  /** Threads to use, this one included (default: 2, or 1 on a single core). */
  jobs?: number;
  /** Told how many files are done, before each file and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Told which thread (0 is this one) evaluated each chunk, as it is written out. */
  onChunk?: (chunk: number, thread: number) => void;
  /** Told why a worker thread ended early (its chunks are then evaluated on this thread). */
  onWorkerError?: (error: Error) => void;
  /** For tests: files each thread needs before it is started (default FILES_PER_THREAD). */
  filesPerThread?: number;
  /** For tests: this thread evaluates only what a worker lost, so every chunk goes to a worker. */
  leaveChunksToWorkers?: boolean;
  /** For tests: the script a worker runs instead of the batch worker. */
  workerEntry?: URL;
}

/** How many threads a batch of `fileCount` files gets. */
export function threadsFor(fileCount: number, jobs: number | undefined, filesPerThread = FILES_PER_THREAD): number {
  const wanted = jobs ?? Math.min(MAX_DEFAULT_JOBS, availableParallelism());
  return Math.max(1, Math.min(wanted, Math.floor(fileCount / filesPerThread)));
}

/**
 * Every file's outcome, in file order. Large batches are shared with worker threads that claim
 * chunks of files from a shared ledger, so a thread slowed by other load simply takes fewer; this
 * thread writes outcomes out in order as they are ready. A worker that dies leaves its chunks to
 * this thread.
 */
export async function* outcomesInOrder(
  files: readonly string[],
  named: ReadonlySet<string>,
  settings: FileSettings,
  evaluate: FileEvaluator,
  options: BatchOptions = {},
): AsyncGenerator<FileOutcome> {
  const chunkCount = Math.ceil(files.length / CHUNK_SIZE);
  const threads = threadsFor(files.length, options.jobs, options.filesPerThread);
  const ledger = createLedger(chunkCount, 4 * threads);
  const ready = new Map<number, { thread: number; outcomes: FileOutcome[] }>();
  let next = 0;
  const pool = new WorkerPool({ files, named, settings, ledger }, options.workerEntry ?? workerEntry(), {
    // A chunk this thread took over from a lost worker may still arrive; it is already written out.
    onChunk: (thread, message) => {
      if (message.chunk >= next) ready.set(message.chunk, { thread, outcomes: message.outcomes });
    },
    onError: options.onWorkerError ?? (() => {}),
  });
  const evaluateChunk = async (chunk: number): Promise<FileOutcome[]> => {
    const outcomes: FileOutcome[] = [];
    const end = Math.min(files.length, (chunk + 1) * CHUNK_SIZE);
    for (let index = chunk * CHUNK_SIZE; index < end; index += 1) outcomes.push(await evaluate(files[index] as string, named.has(files[index] as string)));
    return outcomes;
  };
  try {
    pool.start(threads - 1);
    let done = 0;
    while (next < chunkCount) {
      const chunk = ready.get(next);
      if (chunk) {
        ready.delete(next);
        options.onChunk?.(next, chunk.thread);
        next += 1;
        markEmitted(ledger, next);
        for (const outcome of chunk.outcomes) {
          options.onProgress?.(done, files.length);
          done += 1;
          yield outcome;
        }
        continue;
      }
      const mine = options.leaveChunksToWorkers && pool.alive > 0 ? undefined : claimChunk(ledger, 0, false);
      if (mine !== undefined) {
        ready.set(mine, { thread: 0, outcomes: await evaluateChunk(mine) });
        // Let the workers' finished chunks in.
        if (pool.alive > 0) await pool.settle();
      } else if (pool.lost(next)) {
        ready.set(next, { thread: 0, outcomes: await evaluateChunk(next) });
      } else {
        await pool.nextEvent();
      }
    }
    options.onProgress?.(files.length, files.length);
  } finally {
    pool.stop();
  }
}

/** The worker threads of one batch, and what they have sent. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly dead = new Set<number>();
  private wake: (() => void) | undefined;

  constructor(
    private readonly batch: { files: readonly string[]; named: ReadonlySet<string>; settings: FileSettings; ledger: ChunkLedger },
    private readonly entry: URL,
    private readonly listeners: { onChunk(thread: number, message: ChunkMessage): void; onError(error: Error): void },
  ) {}

  start(count: number): void {
    for (let thread = 1; thread <= count; thread += 1) this.startOne(thread);
  }

  /** Workers that have not ended. */
  get alive(): number {
    return this.workers.length - this.dead.size;
  }

  private startOne(thread: number): void {
    const { files, named, settings, ledger } = this.batch;
    const data: BatchWorkerData = { pgcheckBatch: true, thread, settings, files: [...files], named: files.map((file) => named.has(file)), chunkSize: CHUNK_SIZE, ledger };
    // Tests run the TypeScript sources, where there is no compiled worker: this thread does it all.
    if (!existsSync(this.entry)) return;
    const worker = new Worker(this.entry, { workerData: data, stdout: true, stderr: true });
    worker.on('message', (message: ChunkMessage) => {
      this.listeners.onChunk(thread, message);
      this.notify();
    });
    // An error ends the thread; its claimed chunks are then evaluated here, where a real bug reports itself.
    worker.on('error', (error) => this.listeners.onError(error));
    worker.on('exit', () => {
      this.dead.add(thread);
      this.notify();
    });
    // A worker alone must not keep the process alive (after a crash on this thread, say): this
    // thread holds it open itself while it waits for one (nextEvent).
    worker.unref();
    this.workers.push(worker);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Resolves at the next message or exit of a worker. */
  nextEvent(): Promise<void> {
    return new Promise((resolve) => {
      const keepAlive = setInterval(() => {}, 60_000);
      this.wake = () => {
        clearInterval(keepAlive);
        resolve();
      };
    });
  }

  /** Resolves once the messages already waiting have been taken in. */
  settle(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Whether `chunk` was claimed by a worker that ended without sending it. */
  lost(chunk: number): boolean {
    if (chunk >= claimedCount(this.batch.ledger)) return false;
    const owner = ownerOf(this.batch.ledger, chunk);
    return owner === undefined ? this.dead.size > 0 : this.dead.has(owner);
  }

  stop(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}
