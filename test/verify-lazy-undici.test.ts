import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBinAsync } from './helpers/cli.js';

const hook = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgcheck-trace-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs the bin with a loader hook and returns every module URL it loaded. */
async function loadedModules(name: string, args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const trace = join(dir, `${name}.txt`);
  await writeFile(trace, '');
  const run = await runBinAsync(args, { PGCHECK_TRACE_IMPORTS: trace }, ['--import', hook]);
  return { code: run.code, modules: (await readFile(trace, 'utf8')).split('\n').filter(Boolean) };
}

const isUndici = (url: string) => url.includes('/node_modules/undici/');

test('evaluate never loads undici', async () => {
  const { code, modules } = await loadedModules('evaluate', ['evaluate', 'candidates/photo-management/ente.yaml']);
  expect(code).toBe(0);
  // The trace works: it saw the CLI's own modules.
  expect(modules.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
  expect(modules.filter(isUndici)).toEqual([]);
});

test('verify does load undici (so the trace above can see it)', async () => {
  const manifest = join(dir, 'no-sources.yaml');
  await writeFile(manifest, 'pgcheck: 1\nname: Nothing online\ncategory: photo-management\n');
  const { code, modules } = await loadedModules('verify', ['verify', manifest]);
  expect(code).toBe(0);
  expect(modules.some(isUndici)).toBe(true);
});
