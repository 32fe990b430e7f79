import { installedCriteriaIds } from '../src/load/criteria-sets.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CriteriaError, evaluate, loadCriteria, parseManifest } from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

const set = await loadCriteria('photo-management');

function manifest(extra: string) {
  const load = parseManifest(
    'api.yaml',
    `pgcheck: 1
name: Api
category: photo-management
reviewed: 2000-01-01
pricing: { free_plan: false, trial_days: 0, sources: [https://example.org/pricing] }
${extra}`,
  );
  if (!load.ok) throw new Error(JSON.stringify(load.problems));
  return load.loaded.manifest;
}

describe('the library API (issue 14, item 17)', () => {
  it('evaluate without asOf evaluates as of today: old evidence is stale', () => {
    const result = evaluate(set, manifest('')).results.find((r) => r.criterion === 'free-plan');
    expect(result?.status).toBe('fail');
    expect(result?.stale?.reason).toMatch(
      /^evidence older than 12 months on \d{4}-\d{2}-\d{2}: pricing checked 2000-01-01$/,
    );
  });
  it('evaluate without asOf applies waivers that have not expired', () => {
    const waived = manifest('waivers: [{ criterion: free-plan, reason: r, approved_by: a, expires: 2999-01-01 }]');
    expect(evaluate(set, waived).results.find((r) => r.criterion === 'free-plan')?.status).toBe('waived');
  });
  it('loadCriteria of an unknown id rejects with a CriteriaError whose message says why and whose problems are empty, as the docs say', async () => {
    const error = await loadCriteria('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CriteriaError);
    expect((error as CriteriaError).message).toBe(
      `unknown criteria set "nope" (installed: ${installedCriteriaIds().join(', ')}; or give a path to a criteria file)`,
    );
    expect((error as CriteriaError).problems).toEqual([]);
    const docs = readFileSync(`${repoRoot}/docs/cli.md`, 'utf8');
    expect(docs).toContain('an unknown id gives a `message` and no `problems`');
  });
  it("the docs say where the API's field names differ from the JSON report's, and why", () => {
    const docs = readFileSync(`${repoRoot}/docs/cli.md`, 'utf8');
    expect(docs).toContain('`bestCase`');
    expect(docs).toContain('`best_case`');
  });
});
