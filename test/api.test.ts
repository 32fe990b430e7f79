import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CriteriaError, evaluate, loadCriteria, parseManifest } from '../src/index.js';

describe('programmatic API', () => {
  it('loads an installed criteria set and evaluates a manifest without the CLI', async () => {
    const set = await loadCriteria('photo-management');
    const load = parseManifest(
      'stingle.yaml',
      readFileSync(new URL('../candidates/photo-management/stingle.yaml', import.meta.url), 'utf8'),
    );
    if (!load.ok) throw new Error('manifest did not load');
    const evaluation = evaluate(set, load.loaded.manifest);
    expect(evaluation.verdict).toBe('fails-minimum');
    expect(evaluation.results.find((r) => r.criterion === 'mfa')?.reason).toBe(
      'authentication.mfa is empty, needs totp or fido2; or authentication.passkey_login is false, needs true',
    );
  });
  it('throws a CriteriaError for an unknown id', async () => {
    await expect(loadCriteria('photo-managment')).rejects.toBeInstanceOf(CriteriaError);
    await expect(loadCriteria('photo-managment')).rejects.toThrow(/did you mean "photo-management"/);
  });
});

describe('report.criteria', () => {
  it('lists the criteria set a manifest was evaluated against even when its waivers are in error', async () => {
    const { evaluateFiles } = await import('../src/index.js');
    const report = await evaluateFiles(['test/fixtures/evidence/unknown-waiver.yaml'], { asOf: '2026-08-01' });
    expect(report.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('is not a criterion of photo-management'),
    ]);
    expect(report.criteria.map((set) => set.id)).toEqual(['photo-management']);
  });
});
