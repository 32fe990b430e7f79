import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { findMultitool, MULTITOOL_MISSING, validateSarif } from './helpers/sarif-validator.js';

const tool = findMultitool();
if (!tool) console.warn(`test/sarif-validator.test.ts: ${MULTITOOL_MISSING}`);

/** Runs pgcheck in-process and returns its stdout. */
async function pgcheck(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: () => undefined, env: {}, stdoutIsTTY: false };
  const code = await main(['node', 'pgcheck', ...args, ...(args[0] === 'verify' ? [] : ['--as-of', '2026-08-01'])], io);
  return { code, stdout };
}

describe.skipIf(!tool)("Microsoft's SARIF validator (Sarif;Gh;Ghas rules, errors and warnings)", () => {
  const outside = mkdtempSync(join(tmpdir(), 'pgcheck-sarif-outside-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('finds nothing in any SARIF evaluate writes: every candidate, invalid files, warnings, hostile text', async () => {
    // A manifest outside any git repository, named by an absolute path: a file:// URI, no provenance.
    const lone = join(outside, 'stingle.yaml');
    copyFileSync('candidates/photo-management/stingle.yaml', lone);
    const report = join(outside, 'report.sarif');
    const runs = {
      // Every shipped candidate, of every set: multi-line criteria, inherited criteria, declared facts.
      candidates: await pgcheck('evaluate', 'candidates', '--format', 'sarif', '--report', `sarif=${report}`),
      awkward: await pgcheck(
        'evaluate',
        'test/fixtures/awkward',
        '--criteria',
        'test/fixtures/awkward/criteria.yaml',
        '--format',
        'sarif',
      ),
      invalid: await pgcheck(
        'evaluate',
        'test/fixtures/hostile',
        'test/fixtures/manifests',
        'test/fixtures/evidence',
        '--format',
        'sarif',
      ),
      compare: await pgcheck(
        'compare',
        'candidates/photo-management',
        'test/fixtures/second-category',
        '--format',
        'sarif',
      ),
      outside: await pgcheck('evaluate', lone, '--format', 'sarif'),
    };
    const logs: Record<string, string> = Object.fromEntries(
      Object.entries(runs).map(([name, run]) => [name, run.stdout]),
    );
    logs['report-file'] = readFileSync(report, 'utf8');
    // What the logs must hold for the check to mean something: invalid files, warnings, snippets, provenance.
    expect(logs.invalid).toContain('"pgcheck/invalid-input"');
    expect(logs.invalid).toContain('"pgcheck/warning"');
    expect(logs.candidates).toContain('"contextRegion"');
    expect(logs.candidates).toContain('"versionControlProvenance"');
    expect(logs.outside).not.toContain('"versionControlProvenance"');
    expect(logs.outside).toContain(`"uri": "file://${resolve(outside)}/stingle.yaml"`);
    expect(validateSarif(tool as string, logs)).toEqual([]);
  }, 180_000);

  it('finds nothing in the SARIF verify writes: failing and unknown checks, invalid files', async () => {
    // Loopback addresses are refused before any connection: failing and unknown checks, no network.
    const refused = await pgcheck(
      'verify',
      'test/fixtures/verify/offline/refused.yaml',
      '--github-api',
      'http://127.0.0.1:9',
      '--format',
      'sarif',
    );
    const invalid = await pgcheck(
      'verify',
      'test/fixtures/manifests/typo-key.yaml',
      'test/fixtures/verify/offline/nothing-online.yaml',
      '--format',
      'sarif',
    );
    expect([refused.code, invalid.code]).toEqual([1, 2]);
    expect(refused.stdout).toContain('"verify/quote"');
    expect(refused.stdout).toContain('"level": "warning"');
    expect(invalid.stdout).toContain('"pgcheck/invalid-input"');
    expect(
      validateSarif(tool as string, { 'verify-refused': refused.stdout, 'verify-invalid': invalid.stdout }),
    ).toEqual([]);
  }, 180_000);

  it('reports what is wrong in a log that breaks GitHub rules (the check can fail)', async () => {
    const log = JSON.parse(
      (await pgcheck('evaluate', 'candidates/photo-management/stingle.yaml', '--format', 'sarif')).stdout,
    );
    delete log.runs[0].tool.driver.rules[0].fullDescription;
    const findings = validateSarif(tool as string, { broken: JSON.stringify(log) });
    expect(findings.join('\n')).toMatch(
      /GH2012: .*rules\[0\]: This 'reportingDescriptor' object does not provide a 'fullDescription' value/,
    );
  }, 180_000);
});
