import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The compiled library (npm test builds it first): a worker thread runs compiled JavaScript only.
import { evaluateFiles } from '../dist/index.js';
import { withDefaults } from '../dist/load/limits.js';
import { type FileOutcome, type FileSettings, fileEvaluator } from '../dist/run/evaluate-file.js';
import { type BatchOptions, FILES_PER_THREAD, outcomesInOrder, threadsFor } from '../dist/run/parallel.js';
import { repoRoot, runBin, runCli } from './helpers/cli.js';

const asOf = '2026-08-01';
const settings: FileSettings = { asOf, today: asOf, requireEvidence: false, waivers: true, limits: withDefaults() };

// Passing, failing, incomplete, stale and waived candidates, waiver warnings, invalid files and a
// criteria file met in a directory, repeated to a batch of 400; a thread is started here for every
// 100 files instead of the default, so such a batch is shared.
const filesPerThread = 100;
const batchTimeout = 45_000;
const mixed = ['candidates', 'test/fixtures/manifests', 'test/fixtures/evidence', 'test/fixtures/criteria'].flatMap((directory) =>
  readdirSync(join(repoRoot, directory))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(repoRoot, directory, name)),
);
const files = Array.from({ length: Math.ceil(400 / mixed.length) }, () => mixed).flat();

async function outcomes(options: BatchOptions): Promise<{ outcomes: FileOutcome[]; threads: number[]; progress: number[] }> {
  const collected: FileOutcome[] = [];
  const threads: number[] = [];
  const progress: number[] = [];
  const batch = outcomesInOrder(files, new Set([files[0] as string]), settings, fileEvaluator(settings), {
    filesPerThread,
    ...options,
    onChunk: (chunk, thread) => (threads[chunk] = thread),
    onProgress: (done) => progress.push(done),
  });
  for await (const outcome of batch) collected.push(outcome);
  return { outcomes: collected, threads, progress };
}

describe('batches shared with worker threads', () => {
  it('gives the same outcomes in the same order when workers evaluate every chunk', async () => {
    const alone = await outcomes({ jobs: 1 });
    const shared = await outcomes({ jobs: 3, leaveChunksToWorkers: true });
    expect(alone.threads.every((thread) => thread === 0)).toBe(true);
    expect(shared.threads.length).toBe(Math.ceil(files.length / 16));
    expect(shared.threads.every((thread) => thread === 1 || thread === 2)).toBe(true);
    expect(shared.outcomes).toEqual(alone.outcomes);
    expect(shared.progress).toEqual(alone.progress);
    // The mix really holds every kind of outcome.
    expect(alone.outcomes.some((outcome) => outcome.candidate)).toBe(true);
    expect(alone.outcomes.some((outcome) => outcome.errors.length > 0)).toBe(true);
    expect(alone.outcomes.some((outcome) => outcome.warnings.length > 0)).toBe(true);
    expect(alone.outcomes.some((outcome) => !outcome.isCandidate)).toBe(true);
  });

  it('evaluates the chunks of a worker that dies on this thread, with nothing lost or repeated', async () => {
    const alone = await outcomes({ jobs: 1 });
    const workerEntry = new URL('./fixtures/workers/claims-then-dies.mjs', import.meta.url);
    const rescued = await outcomes({ jobs: 2, leaveChunksToWorkers: true, workerEntry });
    expect(rescued.threads.every((thread) => thread === 0)).toBe(true);
    expect(rescued.outcomes).toEqual(alone.outcomes);
  });

  it('starts no worker for a small batch', async () => {
    const small = files.slice(0, 99);
    const threads: number[] = [];
    const batch = outcomesInOrder(small, new Set(), settings, fileEvaluator(settings), { jobs: 4, filesPerThread, onChunk: (_chunk, thread) => threads.push(thread) });
    for await (const _ of batch) {
      // drained
    }
    expect(threads).toEqual(Array.from({ length: Math.ceil(small.length / 16) }, () => 0));
  });

  it('gives a batch one thread per FILES_PER_THREAD files, up to the jobs allowed', () => {
    expect(threadsFor(FILES_PER_THREAD - 1, 4)).toBe(1);
    expect(threadsFor(2 * FILES_PER_THREAD, 4)).toBe(2);
    expect(threadsFor(1000 * FILES_PER_THREAD, 4)).toBe(4);
    expect(threadsFor(1000 * FILES_PER_THREAD, 1)).toBe(1);
    expect(threadsFor(0, 4)).toBe(1);
  });
});

describe('evaluate --jobs', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'pgcheck-jobs-'));
    files.forEach((file, index) => copyFileSync(file, join(directory, `${String(index).padStart(4, '0')}-${basename(file)}`)));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('the library returns the same report with one thread or several', async () => {
    const one = await evaluateFiles([directory], { asOf, jobs: 1 });
    expect(await evaluateFiles([directory], { asOf, jobs: 3, filesPerThread })).toEqual(one);
    expect(one.summary.candidates).toBeGreaterThan(200);
    expect(one.errors.length).toBeGreaterThan(0);
  });

  it('the CLI prints the same bytes and exits the same with -j 1 and -j 2 (two threads for 2 × FILES_PER_THREAD files)', () => {
    const batch = mkdtempSync(join(tmpdir(), 'pgcheck-jobs-batch-'));
    try {
      for (let index = 0; index < 2 * FILES_PER_THREAD; index += 1) {
        const file = files[index % files.length] as string;
        copyFileSync(file, join(batch, `${String(index).padStart(4, '0')}-${basename(file)}`));
      }
      expect(threadsFor(2 * FILES_PER_THREAD, 2)).toBe(2);
      // 2,000 files a run: more time than runBin's default, for a loaded machine. The real bin: a
      // worker thread runs the bundle, which an in-process run of the sources cannot start.
      const one = runBin(['evaluate', '-j', '1', batch, '--as-of', asOf], {}, batchTimeout);
      const two = runBin(['evaluate', '--jobs', '2', batch, '--as-of', asOf], {}, batchTimeout);
      expect(two).toEqual(one);
      expect(one.code).toBe(2);
      expect(one.stdout.length).toBeGreaterThan(100_000);
      // And the second thread really took part (PGCHECK_DEBUG counts chunks per thread on stderr).
      const debug = runBin(['evaluate', '--jobs', '2', batch, '--as-of', asOf], { PGCHECK_DEBUG: '1' }, batchTimeout);
      expect(debug.stdout).toBe(one.stdout);
      expect(debug.stderr).toMatch(/per thread \(0 is the main one\): 0: \d+, 1: [1-9]\d*\n/);
    } finally {
      rmSync(batch, { recursive: true, force: true });
    }
  }, 4 * batchTimeout);

  it('refuses a number of threads outside 1 to 64', async () => {
    for (const jobs of ['0', '65', 'two']) {
      const run = await runCli(['evaluate', '--jobs', jobs, 'candidates']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("option '-j, --jobs <n>' argument");
      expect(run.stderr).toContain('expected a whole number from 1 to 64');
    }
  });
});
