import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { withDefaults } from '../src/load/limits.js';
import { parsePlainYaml } from '../src/load/plain-yaml.js';
import { repoRoot, runBinPinned } from './helpers/cli.js';

// yaml prints every token (LOG_TOKENS) or every document (LOG_STREAM) to stdout when these are set:
// a shell that has them set for some other program must still get pgcheck's report and nothing else.
// The bundle switches them off (scripts/bundle.js), so these runs go through the real bin.
describe("yaml's debug variables in the environment", () => {
  const debugEnvironment = { LOG_TOKENS: '1', LOG_STREAM: '1' };
  // An anchor sends a file through yaml's full parse (the composer, which reads LOG_STREAM) instead
  // of the plain fast path.
  const directory = mkdtempSync(join(tmpdir(), 'pgcheck-environment-'));
  const anchored = join(directory, 'anchored.yaml');
  writeFileSync(
    anchored,
    readFileSync(join(repoRoot, 'candidates/photo-management/ente.yaml'), 'utf8').replace(
      'homepage: ',
      'homepage: &home ',
    ),
  );
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('leave the JSON report of one file unchanged', () => {
    const plain = runBinPinned(['evaluate', 'candidates/photo-management/ente.yaml', '--format', 'json']);
    const withDebug = runBinPinned(
      ['evaluate', 'candidates/photo-management/ente.yaml', '--format', 'json'],
      debugEnvironment,
    );
    expect(withDebug.code).toBe(plain.code);
    expect(withDebug.stdout).toBe(plain.stdout);
    expect(withDebug.stderr).toBe(plain.stderr);
    expect(() => JSON.parse(withDebug.stdout)).not.toThrow();
  });

  it('leave the report of a file that takes the full parse unchanged', () => {
    expect(parsePlainYaml(readFileSync(anchored, 'utf8'), new LineCounter(), withDefaults())).toBeUndefined();
    for (const variable of ['LOG_TOKENS', 'LOG_STREAM']) {
      const plain = runBinPinned(['evaluate', anchored, '--format', 'json']);
      const withDebug = runBinPinned(['evaluate', anchored, '--format', 'json'], { [variable]: '1' });
      expect(plain.code, plain.stderr).toBe(0);
      expect(withDebug).toEqual(plain);
    }
  });

  it('leave the table of a directory unchanged', () => {
    const plain = runBinPinned(['evaluate', 'candidates/photo-management']);
    const withDebug = runBinPinned(['evaluate', 'candidates/photo-management'], debugEnvironment);
    expect(withDebug.code).toBe(plain.code);
    expect(withDebug.stdout).toBe(plain.stdout);
    expect(withDebug.stderr).toBe(plain.stderr);
  });
});
