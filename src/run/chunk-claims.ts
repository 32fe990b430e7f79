/**
 * The shared ledger threads claim chunks of a batch from. Chunks are claimed in file order and at
 * most `window` chunks ahead of the first one not yet written out, so a slow thread bounds how much
 * finished work waits in memory.
 */
const NEXT = 0;
const EMITTED = 1;

export interface ChunkLedger {
  /** [next chunk to claim, chunks written out], shared by every thread. */
  counters: Int32Array;
  /** Per chunk: 0 until claimed, then the claiming thread's id + 1. */
  owners: Int32Array;
  chunkCount: number;
  window: number;
}

export function createLedger(chunkCount: number, window: number): ChunkLedger {
  return {
    counters: new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)),
    owners: new Int32Array(new SharedArrayBuffer(Math.max(1, chunkCount) * Int32Array.BYTES_PER_ELEMENT)),
    chunkCount,
    window,
  };
}

/**
 * Claims the next chunk for thread `thread`; undefined when every chunk is claimed, or (unless
 * `wait`) when the window is full. A worker waits for the window; the main thread must not, as it
 * is the one that moves it.
 */
export function claimChunk(ledger: ChunkLedger, thread: number, wait: boolean): number | undefined {
  const { counters, owners, chunkCount, window } = ledger;
  for (;;) {
    const next = Atomics.load(counters, NEXT);
    if (next >= chunkCount) return undefined;
    const emitted = Atomics.load(counters, EMITTED);
    if (next >= emitted + window) {
      if (!wait) return undefined;
      Atomics.wait(counters, EMITTED, emitted, 100);
      continue;
    }
    if (Atomics.compareExchange(counters, NEXT, next, next + 1) === next) {
      Atomics.store(owners, next, thread + 1);
      return next;
    }
  }
}

/** Claimed chunks so far (every chunk below this is some thread's). */
export function claimedCount(ledger: ChunkLedger): number {
  return Math.min(Atomics.load(ledger.counters, NEXT), ledger.chunkCount);
}

/** The thread that claimed `chunk`, or undefined while that is not recorded yet. */
export function ownerOf(ledger: ChunkLedger, chunk: number): number | undefined {
  const owner = Atomics.load(ledger.owners, chunk);
  return owner === 0 ? undefined : owner - 1;
}

/** Records that chunks before `count` are written out, and wakes workers waiting for room. */
export function markEmitted(ledger: ChunkLedger, count: number): void {
  Atomics.store(ledger.counters, EMITTED, count);
  Atomics.notify(ledger.counters, EMITTED);
}
