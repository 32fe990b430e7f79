import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCliAsync } from './helpers/verify-fixtures.js';

const hook = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgcheck-trace-marked-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the bin with a loader hook and returns every module URL it loaded. */
async function loadedModules(name: string, args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const trace = join(dir, `${name}.txt`);
  await writeFile(trace, '');
  const run = await runCliAsync(args, { PGCHECK_TRACE_IMPORTS: trace }, ['--import', hook]);
  return { code: run.code, modules: (await readFile(trace, 'utf8')).split('\n').filter(Boolean) };
}

const isMarked = (url: string) => url.includes('/node_modules/marked/');

test('evaluate never loads marked', async () => {
  const { code, modules } = await loadedModules('evaluate', ['evaluate', 'candidates/photo-management/ente.yaml']);
  expect(code).toBe(0);
  expect(modules.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
  expect(modules.filter(isMarked)).toEqual([]);
});

test('criteria import does load marked (so the trace above can see it)', async () => {
  const { code, modules } = await loadedModules('import', [
    'criteria',
    'import',
    'test/fixtures/sync/flat.md',
    '--source',
    'https://example.org/',
  ]);
  expect(code).toBe(0);
  expect(modules.some(isMarked)).toBe(true);
});
