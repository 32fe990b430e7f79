import { describe, expect, it } from 'vitest';
import { loadCriteriaFile } from '../src/load/criteria-file.js';
import { today } from '../src/run/today.js';
import { runCli, transcript } from './helpers/cli.js';

const E = 'test/fixtures/evidence';
const AS_OF = ['--as-of', '2026-08-01'];

/** Each case runs the CLI in-process, pinned to one day, and pins stdout, stderr and exit code in test/golden/<name>.txt. */
const cases: Record<string, string[]> = {
  'evidence-unsourced': ['evaluate', `${E}/unsourced.yaml`, ...AS_OF],
  'evidence-require-evidence-flag': [
    'evaluate',
    '--criteria',
    'test/fixtures/second-category/note-taking.yaml',
    'test/fixtures/second-category',
    '--require-evidence',
    ...AS_OF,
  ],
  'waivers-table': ['evaluate', `${E}/waived.yaml`, ...AS_OF],
  'waivers-json': ['evaluate', `${E}/waived.yaml`, '--format', 'json', ...AS_OF],
  'waivers-ignored': ['evaluate', `${E}/waived.yaml`, '--no-waivers', ...AS_OF],
  'waivers-all-expired': ['evaluate', `${E}/waived.yaml`, '--as-of', '2027-02-01'],
  'waiver-unknown-criterion': [
    'evaluate',
    `${E}/unknown-waiver.yaml`,
    'candidates/photo-management/ente.yaml',
    ...AS_OF,
  ],
  'waiver-incomplete': ['evaluate', `${E}/incomplete-waiver.yaml`, ...AS_OF],
  'stale-fail-on-stale': ['evaluate', 'candidates/photo-management', '--fail-on', 'stale', ...AS_OF],
  'stale-all-a-year-later': ['evaluate', 'candidates/photo-management', '--as-of', '2027-08-01', '--format', 'json'],
  'as-of-not-a-date': ['evaluate', 'candidates/photo-management', '--as-of', '2026-02-30'],
};

describe('golden CLI runs: evidence, staleness, waivers', () => {
  it.each(Object.entries(cases))('%s', async (name, args) => {
    await expect(transcript(await runCli(args))).toMatchFileSnapshot(`golden/${name}.txt`);
  });
});

describe('exit codes with stale evidence', () => {
  it.each([
    [
      'stale evidence alone does not fail the run',
      ['evaluate', 'candidates/photo-management/photoprism.yaml', ...AS_OF],
      0,
    ],
    [
      '--fail-on stale fails it',
      ['evaluate', 'candidates/photo-management/photoprism.yaml', '--fail-on', 'stale', ...AS_OF],
      1,
    ],
    [
      '--fail-on stale passes fresh evidence',
      ['evaluate', 'candidates/photo-management/ente.yaml', '--fail-on', 'stale', ...AS_OF],
      0,
    ],
    [
      'a waiver can make a failing candidate meet the minimum',
      ['evaluate', `${E}/waived.yaml`, '--as-of', '2026-03-01'],
      0,
    ],
  ] as const)('%s', async (_name, args, code) => {
    expect((await runCli([...args])).code).toBe(code);
  });
});

describe('waivers on a terminal', () => {
  it('lose escape sequences, bidi overrides and line breaks in their reason and approver', async () => {
    const run = await runCli(['evaluate', `${E}/hostile-waiver.yaml`, ...AS_OF]);
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(run.stdout).toContain('waived by Mallory until 2026-12-31: Fine redlink evil second line');
  });
});

describe('--as-of', () => {
  it('defaults to today', async () => {
    const before = today();
    const report = JSON.parse(
      (await runCli(['evaluate', 'candidates/photo-management/ente.yaml', '--format', 'json'])).stdout,
    ) as {
      as_of: string;
    };
    expect([before, today()]).toContain(report.as_of);
  });
});

describe('photo-management evidence', () => {
  it('requires evidence for every criterion and allows evidence 12 months old', async () => {
    const load = await loadCriteriaFile('criteria/photo-management.yaml');
    if (!load.ok) throw new Error('criteria did not load');
    expect(load.set.max_age).toBe('12 months');
    expect(
      load.set.criteria.filter((criterion) => !criterion.evidenceRequired).map((criterion) => criterion.id),
    ).toEqual([]);
  });
  it('finds a source for every claim of the seed candidates', async () => {
    const run = await runCli(['evaluate', 'candidates/photo-management', '--format', 'json', ...AS_OF]);
    const report = JSON.parse(run.stdout) as { candidates: { results: { reason: string }[] }[] };
    expect(
      report.candidates
        .flatMap((candidate) => candidate.results.map((result) => result.reason))
        .filter((reason) => reason.startsWith('no source')),
    ).toEqual([]);
  });
  it('marks every PhotoPrism result stale a year after its review, and no other seed result', async () => {
    const run = await runCli(['evaluate', 'candidates/photo-management', '--format', 'json', ...AS_OF]);
    const report = JSON.parse(run.stdout) as { candidates: { name: string; results: { stale?: unknown }[] }[] };
    const staleCount = Object.fromEntries(
      report.candidates.map((candidate) => [candidate.name, candidate.results.filter((result) => result.stale).length]),
    );
    expect(staleCount).toEqual({ 'Ente Photos': 0, PhotoPrism: 7, 'Stingle Photos': 0 });
  });
});
