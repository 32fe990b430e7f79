import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './helpers/cli.js';

// The library build (dist/index.js, the package's "." export) as a user's program imports it.
function runWithLibrary(script: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

// A manifest with an anchor goes through yaml's composer (which reads LOG_STREAM) as well as its parser (LOG_TOKENS).
const anchored = readFileSync(join(repoRoot, 'candidates/photo-management/ente.yaml'), 'utf8').replace(
  'homepage: ',
  'homepage: &home ',
);

test("the library never prints yaml's debug output, whatever LOG_TOKENS and LOG_STREAM say", () => {
  const script = `import { parseManifest } from './dist/index.js';
const load = parseManifest('ente.yaml', ${JSON.stringify(anchored)});
process.stderr.write(String(load.ok));`;
  const quiet = runWithLibrary(script);
  const withDebug = runWithLibrary(script, { LOG_TOKENS: '1', LOG_STREAM: '1' });
  expect(quiet.stderr).toBe('true');
  expect(withDebug.stderr).toBe('true');
  expect(withDebug.stdout).toBe('');
});

test('importing the library loads undici only when an HTTP client is made', () => {
  const script = `import { createRequire } from 'node:module';
const seen = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/undici/'));
const lib = await import('./dist/index.js');
const before = seen();
await lib.createHttpClient({});
process.stdout.write(JSON.stringify({ before, after: seen() }));`;
  const run = runWithLibrary(script);
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ before: false, after: true });
});
